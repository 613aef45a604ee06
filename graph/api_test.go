package graph_test

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// This file checks that every root field of Query returns what the seed
// files curate: each object of each type, field by field. node and nodes
// are in node_test.go, search in search_test.go.

// ref is an entity reference as the API returns it.
type ref struct {
	Typename string `json:"__typename"`
	ID       string
	Slug     string
}

// evidenceText is Evidence with only its text.
type evidenceText struct{ Text string }

func texts(ev []evidenceText) []string {
	out := make([]string, len(ev))
	for i, e := range ev {
		out[i] = e.Text
	}
	slices.Sort(out)
	return out
}

// spanTexts returns the texts of seed evidence items, with {all: true}
// items counted once per whole-word occurrence in the article text.
func spanTexts(t *testing.T, articleText string, list document.EvidenceList) []string {
	t.Helper()
	var out []string
	for _, sp := range list {
		n := 1
		if sp.All {
			n = wholeWordCount(articleText, sp.Text)
		}
		for range n {
			out = append(out, sp.Text)
		}
	}
	slices.Sort(out)
	return out
}

// wholeWordCount counts the occurrences of sub in s not glued to a letter
// or digit.
func wholeWordCount(s, sub string) int {
	n := 0
	rs, rsub := []rune(s), []rune(sub)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i+len(rsub) <= len(rs); i++ {
		if string(rs[i:i+len(rsub)]) != sub {
			continue
		}
		if i > 0 && isWord(rs[i-1]) || i+len(rsub) < len(rs) && isWord(rs[i+len(rsub)]) {
			continue
		}
		n++
	}
	return n
}

func orNull(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

func upper(p *string) *string {
	if p == nil {
		return nil
	}
	u := strings.ToUpper(*p)
	return &u
}

func sorted(xs []string) []string { return graphtest.Sorted(xs) }

func slugs(refs []ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Slug
	}
	return out
}

// isoOf is the ISO 8601 form of a seed date with only the known parts.
func isoOf(d *document.DateDoc) string {
	var b strings.Builder
	if d.Year != nil {
		fmt.Fprintf(&b, "%04d", *d.Year)
	} else {
		b.WriteString("-")
	}
	if d.Month != nil {
		fmt.Fprintf(&b, "-%02d", *d.Month)
	}
	if d.Day != nil {
		fmt.Fprintf(&b, "-%02d", *d.Day)
	}
	return b.String()
}

// checkDate compares a PartialDate with the seed's date.
func checkDate(t *testing.T, what string, got *partial, want *document.DateDoc) {
	t.Helper()
	if want == nil {
		if got != nil {
			t.Errorf("%s: got %+v; want null", what, *got)
		}
		return
	}
	if got == nil {
		t.Errorf("%s: got null; want %q", what, want.Text)
		return
	}
	eq := func(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	if !eq(got.Year, want.Year) || !eq(got.Month, want.Month) || !eq(got.Day, want.Day) {
		t.Errorf("%s: got year %v month %v day %v; want %v %v %v", what, ip(got.Year), ip(got.Month), ip(got.Day), ip(want.Year), ip(want.Month), ip(want.Day))
	}
	if got.Text != want.Text {
		t.Errorf("%s: text %q; want %q", what, got.Text, want.Text)
	}
	precision := "YEAR"
	if want.Day != nil {
		precision = "DAY"
	} else if want.Month != nil {
		precision = "MONTH"
	}
	if got.Precision != precision {
		t.Errorf("%s: precision %s; want %s", what, got.Precision, precision)
	}
	if got.ISO != isoOf(want) {
		t.Errorf("%s: iso %q; want %q", what, got.ISO, isoOf(want))
	}
	parts := make([]string, len(want.Inferred))
	for i, p := range want.Inferred {
		parts[i] = strings.ToUpper(p)
	}
	if got.Inferred != (len(parts) > 0) || !slices.Equal(sorted(got.InferredParts), sorted(parts)) {
		t.Errorf("%s: inferred %v %v; want %v", what, got.Inferred, got.InferredParts, parts)
	}
	if orNull(got.Basis) != orNull(want.Basis) {
		t.Errorf("%s: basis %q; want %q", what, orNull(got.Basis), orNull(want.Basis))
	}
}

func ip(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

const dateFields = `year month day precision text inferred inferredParts basis iso`

// TestArticle checks article(id:) and article(slug:).
func TestArticle(t *testing.T) {
	s, x := seed(t), lookup(t)
	const q = `query Article($id: ID, $slug: String) {
  article(id: $id, slug: $slug) {
    id slug title lede language sourceFile text
    published { ` + dateFields + ` }
    topics { slug }
    credits { role person { slug } evidence { text } }
    paragraphs { position kind text }
  }
}`
	type article struct {
		ID, Slug, Language, SourceFile, Text string
		Title, Lede                          *string
		Published                            *partial
		Topics                               []ref
		Credits                              []struct {
			Role     string
			Person   ref
			Evidence []evidenceText
		}
		Paragraphs []struct {
			Position   int
			Kind, Text string
		}
	}
	for _, d := range s.Articles {
		want := d.Article
		check := func(t *testing.T, got *article) {
			t.Helper()
			if got == nil {
				t.Fatal("article is null")
			}
			if got.ID != x.article(t, want.Slug) || got.Slug != want.Slug {
				t.Errorf("id, slug = %s, %s; want %s, %s", got.ID, got.Slug, x.article(t, want.Slug), want.Slug)
			}
			if orNull(got.Title) != orNull(want.Title) || orNull(got.Lede) != orNull(want.Lede) {
				t.Errorf("title %q, lede %q; want %q, %q", orNull(got.Title), orNull(got.Lede), orNull(want.Title), orNull(want.Lede))
			}
			if got.Language != want.Language || got.SourceFile != want.Source {
				t.Errorf("language %q, sourceFile %q; want %q, %q", got.Language, got.SourceFile, want.Language, want.Source)
			}
			if got.Text != d.Text {
				t.Errorf("text differs from %s byte for byte", want.Source)
			}
			checkDate(t, "published", got.Published, want.Published)
			if g, w := sorted(slugs(got.Topics)), sorted(want.Topics); !slices.Equal(g, w) {
				t.Errorf("topics %v; want %v", g, w)
			}
			if len(got.Credits) != len(want.Credits) {
				t.Fatalf("%d credits; want %d", len(got.Credits), len(want.Credits))
			}
			for i, c := range want.Credits {
				g := got.Credits[i]
				if g.Person.Slug != c.Person || g.Role != strings.ToUpper(c.Role) {
					t.Errorf("credits[%d] = %s %s; want %s %s", i, g.Person.Slug, g.Role, c.Person, strings.ToUpper(c.Role))
				}
				if gt, wt := texts(g.Evidence), spanTexts(t, d.Text, c.Evidence); !slices.Equal(gt, wt) {
					t.Errorf("credits[%d].evidence %q; want %q", i, gt, wt)
				}
			}
			// Every non-blank line is a paragraph, in order.
			var lines []string
			for _, l := range strings.Split(d.Text, "\n") {
				if strings.TrimSpace(l) != "" {
					lines = append(lines, l)
				}
			}
			if len(got.Paragraphs) != len(lines) {
				t.Fatalf("%d paragraphs; want %d, one per non-blank line", len(got.Paragraphs), len(lines))
			}
			for i, p := range got.Paragraphs {
				if p.Position != i+1 {
					t.Errorf("paragraphs[%d].position = %d; want %d", i, p.Position, i+1)
				}
				if !strings.Contains(lines[i], p.Text) || p.Text == "" {
					t.Errorf("paragraphs[%d].text %q is not line %d of the source: %q", i, p.Text, i+1, lines[i])
				}
				wantKind := "BODY"
				switch {
				case want.Title != nil && p.Text == *want.Title:
					wantKind = "TITLE"
				case want.Lede != nil && p.Text == *want.Lede:
					wantKind = "LEDE"
				case want.Published != nil && p.Text == want.Published.Text:
					wantKind = "DATELINE"
				case slices.ContainsFunc(want.Credits, func(c document.CreditDoc) bool {
					return slices.ContainsFunc(c.Evidence, func(sp document.SpanDoc) bool { return strings.Contains(p.Text, sp.Text) })
				}):
					wantKind = "CREDIT"
				}
				if p.Kind != wantKind {
					t.Errorf("paragraphs[%d] (%.40q…) is %s; want %s", i, p.Text, p.Kind, wantKind)
				}
			}
		}
		t.Run("BySlug/"+want.Slug, func(t *testing.T) {
			var got struct{ Article *article }
			data(t, q, map[string]any{"slug": want.Slug}, &got)
			check(t, got.Article)
		})
		t.Run("ByID/"+want.Slug, func(t *testing.T) {
			var got struct{ Article *article }
			data(t, q, map[string]any{"id": x.article(t, want.Slug)}, &got)
			check(t, got.Article)
		})
	}
	some := x.article(t, s.Articles[0].Article.Slug)
	t.Run("ErrBothIDAndSlug", func(t *testing.T) {
		wantError(t, q, map[string]any{"id": some, "slug": s.Articles[0].Article.Slug}, "BAD_USER_INPUT", "id", "slug")
	})
	t.Run("ErrNeitherIDNorSlug", func(t *testing.T) {
		wantError(t, q, nil, "BAD_USER_INPUT", "id", "slug")
	})
	t.Run("ErrMalformedID", func(t *testing.T) {
		wantError(t, q, map[string]any{"id": "not-an-id"}, "BAD_USER_INPUT", "id")
	})
	t.Run("ErrIDOfAnotherType", func(t *testing.T) {
		wantError(t, q, map[string]any{"id": x.entity(t, "malaysia")}, "BAD_USER_INPUT", "id", "Article")
	})
	for name, vars := range map[string]map[string]any{
		"UnknownSlugIsNull": {"slug": "no-such-article"},
		"UnknownIDIsNull":   {"id": unknownID(t, some)},
	} {
		t.Run(name, func(t *testing.T) {
			var got struct{ Article *article }
			data(t, q, vars, &got)
			if got.Article != nil {
				t.Errorf("article = %+v; want null", got.Article)
			}
		})
	}
}

// TestArticles checks the articles root field against the seeds.
func TestArticles(t *testing.T) {
	s := seed(t)
	var got struct {
		Articles struct {
			TotalCount int
			Nodes      []struct {
				Slug      string
				Title     *string
				Published *partial
			}
		}
	}
	data(t, `query Articles { articles(first: 100) { totalCount nodes { slug title published { `+dateFields+` } } } }`, nil, &got)
	if got.Articles.TotalCount != len(s.Articles) || len(got.Articles.Nodes) != len(s.Articles) {
		t.Fatalf("totalCount %d, %d nodes; want %d", got.Articles.TotalCount, len(got.Articles.Nodes), len(s.Articles))
	}
	for _, a := range got.Articles.Nodes {
		want := s.article(t, a.Slug).Article
		if orNull(a.Title) != orNull(want.Title) {
			t.Errorf("%s: title %q; want %q", a.Slug, orNull(a.Title), orNull(want.Title))
		}
		checkDate(t, a.Slug+": published", a.Published, want.Published)
	}
}

// statementFields selects everything TestStatements compares.
const statementFields = `id position content speakerRole verb mode
  article { slug }
  speaker {
    __typename
    ... on Person { slug }
    ... on Organization { slug }
    ... on UnnamedSpeaker { description organization { slug } }
  }
  speakerAffiliations { role former person { slug } organization { slug } place { slug } }
  event { slug }
  topics { slug }
  mentions { __typename slug }
  figures { metric }
  evidence { text }`

type apiStatement struct {
	ID, Content, Verb, Mode string
	Position                int
	SpeakerRole             *string
	Article                 struct{ Slug string }
	Speaker                 struct {
		Typename     string `json:"__typename"`
		Slug         string
		Description  string
		Organization *ref
	}
	SpeakerAffiliations []struct {
		Role                *string
		Former              bool
		Person              ref
		Organization, Place *ref
	}
	Event    *ref
	Topics   []ref
	Mentions []ref
	Figures  []struct{ Metric string }
	Evidence []evidenceText
}

func refSlug(r *ref) string {
	if r == nil {
		return "<null>"
	}
	return r.Slug
}

// TestStatements checks every statement the statements root field lists
// against its curated statement.
func TestStatements(t *testing.T) {
	s := seed(t)
	var got struct {
		Statements struct {
			TotalCount int
			Nodes      []apiStatement
		}
	}
	data(t, `query Statements { statements(first: 100) { totalCount nodes { `+statementFields+` } } }`, nil, &got)
	if n := got.Statements.TotalCount; n != len(s.Statements) || len(got.Statements.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.Statements.Nodes), len(s.Statements))
	}
	for i, want := range s.Statements {
		g := got.Statements.Nodes[i]
		t.Run(want.Article[:20]+"/"+want.Key, func(t *testing.T) {
			if g.Article.Slug != want.Article || g.Position != want.Position {
				t.Fatalf("statement %d is %s #%d; want %s #%d (default order: article by article, reading order)", i, g.Article.Slug, g.Position, want.Article, want.Position)
			}
			checkStatement(t, g, want)
		})
	}
}

// checkStatement compares an API statement with its seed.
func checkStatement(t *testing.T, g apiStatement, want seedStatement) {
	t.Helper()
	s := seed(t)
	if g.Content != want.Content {
		t.Errorf("content %q; want %q", g.Content, want.Content)
	}
	if g.Verb != strings.ToUpper(want.Verb) || g.Mode != strings.ToUpper(want.Mode) {
		t.Errorf("verb %s, mode %s; want %s, %s", g.Verb, g.Mode, strings.ToUpper(want.Verb), strings.ToUpper(want.Mode))
	}
	if orNull(g.SpeakerRole) != orNull(want.Role) {
		t.Errorf("speakerRole %q; want %q", orNull(g.SpeakerRole), orNull(want.Role))
	}
	sp := want.Speaker
	switch {
	case sp.Person != nil:
		if g.Speaker.Typename != "Person" || g.Speaker.Slug != *sp.Person {
			t.Errorf("speaker %s %s; want Person %s", g.Speaker.Typename, g.Speaker.Slug, *sp.Person)
		}
	case sp.Organization != nil:
		if g.Speaker.Typename != "Organization" || g.Speaker.Slug != *sp.Organization {
			t.Errorf("speaker %s %s; want Organization %s", g.Speaker.Typename, g.Speaker.Slug, *sp.Organization)
		}
	default:
		if g.Speaker.Typename != "UnnamedSpeaker" || g.Speaker.Description != orNull(sp.Description) || refSlug(g.Speaker.Organization) != orNull(sp.SpeaksFor) {
			t.Errorf("speaker %s %q for %s; want UnnamedSpeaker %q for %s", g.Speaker.Typename, g.Speaker.Description,
				refSlug(g.Speaker.Organization), orNull(sp.Description), orNull(sp.SpeaksFor))
		}
	}
	var gotAff, wantAff []string
	for _, a := range g.SpeakerAffiliations {
		gotAff = append(gotAff, fmt.Sprintf("%s|%s|%s|%s|%v", a.Person.Slug, orNull(a.Role), refSlug(a.Organization), refSlug(a.Place), a.Former))
	}
	for _, a := range want.Affiliations {
		wantAff = append(wantAff, fmt.Sprintf("%s|%s|%s|%s|%v", a.Person, orNull(a.Role), orNull(a.Organization), orNull(a.Place), a.Former))
	}
	if !slices.Equal(sorted(gotAff), sorted(wantAff)) {
		t.Errorf("speakerAffiliations %q; want %q", sorted(gotAff), sorted(wantAff))
	}
	if refSlug(g.Event) != orNull(want.Event) {
		t.Errorf("event %s; want %s", refSlug(g.Event), orNull(want.Event))
	}
	if gt, wt := sorted(slugs(g.Topics)), sorted(want.Topics); !slices.Equal(gt, wt) {
		t.Errorf("topics %v; want %v", gt, wt)
	}
	if gm, wm := sorted(slugs(g.Mentions)), sorted(want.Mentions); !slices.Equal(gm, wm) {
		t.Errorf("mentions %v; want %v", gm, wm)
	}
	var gotFig, wantFig []string
	for _, f := range g.Figures {
		gotFig = append(gotFig, f.Metric)
	}
	for _, f := range s.Figures {
		if f.Article == want.Article && f.Statement != nil && *f.Statement == want.Key {
			wantFig = append(wantFig, f.Metric)
		}
	}
	if !slices.Equal(sorted(gotFig), sorted(wantFig)) {
		t.Errorf("figures %v; want %v", gotFig, wantFig)
	}
	text := s.article(t, want.Article).Text
	if ge, we := texts(g.Evidence), spanTexts(t, text, want.Evidence); !slices.Equal(ge, we) {
		t.Errorf("evidence %q; want %q", ge, we)
	}
}

// TestFigures checks every figure against its curated figure, including
// the fact the article plainly states: Malaysia's GDP grew 5.1% in 2024
// compared with 2023.
func TestFigures(t *testing.T) {
	s := seed(t)
	var got struct {
		Figures struct {
			TotalCount int
			Nodes      []struct {
				Position                   int
				Article                    struct{ Slug string }
				Metric, Unit, Display      string
				Value, Currency            *string
				Date, Period, ComparedWith *partial
				Subject                    ref
				Statement                  *struct{ Content string }
				Topics                     []ref
				Evidence                   []evidenceText
			}
		}
	}
	data(t, `query Figures { figures(first: 100) { totalCount nodes {
  position article { slug } metric value unit currency display
  date { `+dateFields+` } period { `+dateFields+` } comparedWith { `+dateFields+` }
  subject { __typename slug } statement { content } topics { slug } evidence { text }
} } }`, nil, &got)
	if n := got.Figures.TotalCount; n != len(s.Figures) || len(got.Figures.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.Figures.Nodes), len(s.Figures))
	}
	for i, want := range s.Figures {
		g := got.Figures.Nodes[i]
		t.Run(want.Key, func(t *testing.T) {
			if g.Article.Slug != want.Article || g.Position != want.Position {
				t.Fatalf("figure %d is %s #%d; want %s #%d", i, g.Article.Slug, g.Position, want.Article, want.Position)
			}
			if g.Metric != want.Metric || orNull(g.Value) != orNull(want.Value) || g.Unit != strings.ToUpper(want.Unit) ||
				orNull(g.Currency) != orNull(want.Currency) || g.Display != want.Display {
				t.Errorf("got %s = %s %s %s (%q); want %s = %s %s %s (%q)", g.Metric, orNull(g.Value), g.Unit, orNull(g.Currency), g.Display,
					want.Metric, orNull(want.Value), strings.ToUpper(want.Unit), orNull(want.Currency), want.Display)
			}
			if g.Subject.Slug != want.Subject || g.Subject.Typename != lookup(t).Type[want.Subject] {
				t.Errorf("subject %s %s; want %s", g.Subject.Typename, g.Subject.Slug, want.Subject)
			}
			checkDate(t, "date", g.Date, want.Date)
			checkDate(t, "period", g.Period, want.Period)
			checkDate(t, "comparedWith", g.ComparedWith, want.Base)
			wantStatement := "<null>"
			if want.Statement != nil {
				for _, st := range s.Statements {
					if st.Article == want.Article && st.Key == *want.Statement {
						wantStatement = st.Content
					}
				}
			}
			gotStatement := "<null>"
			if g.Statement != nil {
				gotStatement = g.Statement.Content
			}
			if gotStatement != wantStatement {
				t.Errorf("statement %q; want %q", gotStatement, wantStatement)
			}
			if gt, wt := sorted(slugs(g.Topics)), sorted(want.Topics); !slices.Equal(gt, wt) {
				t.Errorf("topics %v; want %v", gt, wt)
			}
			if ge, we := texts(g.Evidence), spanTexts(t, s.article(t, want.Article).Text, want.Evidence); !slices.Equal(ge, we) {
				t.Errorf("evidence %q; want %q", ge, we)
			}
		})
	}
	// The article says: "In 2024, Malaysia's GDP grew by 5.1% compared with 2023."
	t.Run("MalaysiaGDPGrowth2024", func(t *testing.T) {
		found := false
		for _, g := range got.Figures.Nodes {
			if g.Subject.Slug != "malaysia" || !strings.Contains(g.Metric, "GDP") {
				continue
			}
			found = true
			if orNull(g.Value) != "5.1" || g.Unit != "PERCENT" || g.Period == nil || ip(g.Period.Year) != "2024" ||
				g.ComparedWith == nil || ip(g.ComparedWith.Year) != "2023" {
				t.Errorf("Malaysia's GDP figure: %s %s, period %v, compared with %v; want 5.1 PERCENT, 2024 over 2023",
					orNull(g.Value), g.Unit, g.Period, g.ComparedWith)
			}
		}
		if !found {
			t.Error("no GDP figure about Malaysia")
		}
	})
}

// TestAgreements checks every agreement against the seeds.
func TestAgreements(t *testing.T) {
	s := seed(t)
	var got struct {
		Agreements struct {
			TotalCount int
			Nodes      []struct {
				Slug, Name, Kind string
				Status, Summary  *string
				Date             *partial
				Parent           *ref
				Parts            []ref
				Parties          []struct {
					Role   string
					Entity ref
				}
				Places, Projects, Topics []ref
				Evidence                 []evidenceText
			}
		}
	}
	data(t, `query Agreements { agreements(first: 100) { totalCount nodes {
  slug name kind status summary date { `+dateFields+` } parent { slug } parts { slug }
  parties { role entity { __typename slug } } places { slug } projects { slug } topics { slug } evidence { text }
} } }`, nil, &got)
	if n := got.Agreements.TotalCount; n != len(s.Agreements) || len(got.Agreements.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.Agreements.Nodes), len(s.Agreements))
	}
	for _, g := range got.Agreements.Nodes {
		t.Run(g.Slug, func(t *testing.T) {
			want, ok := s.Agreements[g.Slug]
			if !ok {
				t.Fatalf("agreement %s is in no seed file", g.Slug)
			}
			wantKind := strings.ToUpper(cmp.Or(want.Kind, db.AgreementKindUnspecified)) // omitted: the text does not say
			if g.Name != want.Name || g.Kind != wantKind || orNull(g.Status) != orNull(upper(want.Status)) || orNull(g.Summary) != orNull(want.Summary) {
				t.Errorf("got %q %s %s %q; want %q %s %s %q", g.Name, g.Kind, orNull(g.Status), orNull(g.Summary),
					want.Name, wantKind, orNull(upper(want.Status)), orNull(want.Summary))
			}
			checkDate(t, "date", g.Date, want.Date)
			if refSlug(g.Parent) != orNull(want.Parent) {
				t.Errorf("parent %s; want %s", refSlug(g.Parent), orNull(want.Parent))
			}
			var parts []string
			for _, a := range s.Agreements {
				if a.Parent != nil && *a.Parent == g.Slug {
					parts = append(parts, a.Slug)
				}
			}
			if gp := sorted(slugs(g.Parts)); !slices.Equal(gp, sorted(parts)) {
				t.Errorf("parts %v; want %v", gp, sorted(parts))
			}
			var gotParties, wantParties []string
			for _, p := range g.Parties {
				gotParties = append(gotParties, p.Entity.Slug+" "+p.Role)
			}
			for _, p := range want.Parties {
				wantParties = append(wantParties, p.Entity+" "+strings.ToUpper(p.Role))
			}
			if !slices.Equal(gotParties, wantParties) {
				t.Errorf("parties %v; want %v, in the article's order", gotParties, wantParties)
			}
			for _, c := range []struct {
				name      string
				got, want []string
			}{
				{"places", slugs(g.Places), want.Places},
				{"projects", slugs(g.Projects), want.Projects},
				{"topics", slugs(g.Topics), want.Topics},
			} {
				if !slices.Equal(sorted(c.got), sorted(c.want)) {
					t.Errorf("%s %v; want %v", c.name, sorted(c.got), sorted(c.want))
				}
			}
			if ge, we := texts(g.Evidence), entityEvidence(t, g.Slug); !slices.Equal(ge, we) {
				t.Errorf("evidence %q; want %q", ge, we)
			}
		})
	}
}

// TestPeople checks every person against the seeds.
func TestPeople(t *testing.T) {
	s := seed(t)
	var got struct {
		People struct {
			TotalCount int
			Nodes      []struct {
				Slug, Name, DisplayName string
				Honorifics              []string
				Affiliations            []struct {
					Role                *string
					Former              bool
					Organization, Place *ref
				}
			}
		}
	}
	data(t, `query People { people(first: 100) { totalCount nodes {
  slug name displayName honorifics affiliations { role former organization { slug } place { slug } }
} } }`, nil, &got)
	if n := got.People.TotalCount; n != len(s.People) || len(got.People.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.People.Nodes), len(s.People))
	}
	for _, g := range got.People.Nodes {
		t.Run(g.Slug, func(t *testing.T) {
			want, ok := s.People[g.Slug]
			if !ok {
				t.Fatalf("person %s is in no seed file", g.Slug)
			}
			display := strings.TrimSpace(strings.Join(want.Honorifics, " ") + " " + want.Name)
			if g.Name != want.Name || g.DisplayName != display || !slices.Equal(g.Honorifics, append([]string{}, want.Honorifics...)) {
				t.Errorf("name %q, displayName %q, honorifics %q; want %q, %q, %q", g.Name, g.DisplayName, g.Honorifics, want.Name, display, want.Honorifics)
			}
			var gotAff, wantAff []string
			for i, a := range g.Affiliations {
				gotAff = append(gotAff, fmt.Sprintf("%s|%s|%s|%v", orNull(a.Role), refSlug(a.Organization), refSlug(a.Place), a.Former))
				if i > 0 && g.Affiliations[i-1].Former && !a.Former {
					t.Errorf("a current affiliation follows a former one; want current ones first")
				}
			}
			for _, a := range s.Affiliations {
				if a.Person == g.Slug {
					wantAff = append(wantAff, fmt.Sprintf("%s|%s|%s|%v", orNull(a.Role), orNull(a.Organization), orNull(a.Place), a.Former))
				}
			}
			if !slices.Equal(sorted(gotAff), sorted(wantAff)) {
				t.Errorf("affiliations %q; want %q", sorted(gotAff), sorted(wantAff))
			}
		})
	}
	t.Run("Honorifics", func(t *testing.T) {
		for _, g := range got.People.Nodes {
			switch g.Name {
			case "Mustapa bin Mohamed":
				if g.DisplayName != "Dato' Sri Mustapa bin Mohamed" {
					t.Errorf("displayName %q; want the article's \"Dato' Sri Mustapa bin Mohamed\"", g.DisplayName)
				}
			case "Suhaiza Hanim":
				if g.DisplayName != "Datin Sri Suhaiza Hanim" {
					t.Errorf("displayName %q; want the article's \"Datin Sri Suhaiza Hanim\"", g.DisplayName)
				}
			}
		}
	})
}

// TestOrganizations checks every organization against the seeds.
func TestOrganizations(t *testing.T) {
	s := seed(t)
	var got struct {
		Organizations struct {
			TotalCount int
			Nodes      []struct {
				Slug, Name            string
				ShortName, Kind, Note *string
				Unresolved            bool
				Country, Parent       *ref
				Children              []ref
			}
		}
	}
	data(t, `query Organizations { organizations(first: 100) { totalCount nodes {
  slug name shortName kind note unresolved country { slug } parent { slug } children { slug }
} } }`, nil, &got)
	if n := got.Organizations.TotalCount; n != len(s.Organizations) || len(got.Organizations.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.Organizations.Nodes), len(s.Organizations))
	}
	for _, g := range got.Organizations.Nodes {
		t.Run(g.Slug, func(t *testing.T) {
			want, ok := s.Organizations[g.Slug]
			if !ok {
				t.Fatalf("organization %s is in no seed file", g.Slug)
			}
			if g.Name != want.Name || orNull(g.ShortName) != orNull(want.ShortName) || orNull(g.Kind) != orNull(upper(want.Kind)) ||
				g.Unresolved != want.Unresolved || orNull(g.Note) != orNull(want.Note) {
				t.Errorf("got %q %s %s %v %q; want %q %s %s %v %q", g.Name, orNull(g.ShortName), orNull(g.Kind), g.Unresolved, orNull(g.Note),
					want.Name, orNull(want.ShortName), orNull(upper(want.Kind)), want.Unresolved, orNull(want.Note))
			}
			if refSlug(g.Country) != orNull(want.Country) || refSlug(g.Parent) != orNull(want.Parent) {
				t.Errorf("country %s, parent %s; want %s, %s", refSlug(g.Country), refSlug(g.Parent), orNull(want.Country), orNull(want.Parent))
			}
			var children []string
			for _, o := range s.Organizations {
				if o.Parent != nil && *o.Parent == g.Slug {
					children = append(children, o.Slug)
				}
			}
			if gc := sorted(slugs(g.Children)); !slices.Equal(gc, sorted(children)) {
				t.Errorf("children %v; want %v", gc, sorted(children))
			}
		})
	}
}

// TestPlaces checks every place against the seeds.
func TestPlaces(t *testing.T) {
	s := seed(t)
	var got struct {
		Places struct {
			TotalCount int
			Nodes      []struct {
				Slug, Name, Kind string
				Country, Parent  *ref
			}
		}
	}
	data(t, `query Places { places(first: 100) { totalCount nodes { slug name kind country { slug } parent { slug } } } }`, nil, &got)
	if n := got.Places.TotalCount; n != len(s.Places) || len(got.Places.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.Places.Nodes), len(s.Places))
	}
	for _, g := range got.Places.Nodes {
		want, ok := s.Places[g.Slug]
		if !ok {
			t.Errorf("place %s is in no seed file", g.Slug)
			continue
		}
		if g.Name != want.Name || g.Kind != strings.ToUpper(want.Kind) || refSlug(g.Country) != orNull(want.Country) || refSlug(g.Parent) != orNull(want.Parent) {
			t.Errorf("%s: got %q %s in %s, %s; want %q %s in %s, %s", g.Slug, g.Name, g.Kind, refSlug(g.Country), refSlug(g.Parent),
				want.Name, strings.ToUpper(want.Kind), orNull(want.Country), orNull(want.Parent))
		}
	}
}

// TestEvents checks every event against the seeds.
func TestEvents(t *testing.T) {
	s := seed(t)
	var got struct {
		Events struct {
			TotalCount int
			Nodes      []struct {
				Slug, Name, Kind                string
				Summary, ParticipantDescription *string
				Date                            *partial
				Place, Venue, Parent            *ref
				Sessions, Topics                []ref
				Participants                    []struct {
					Role   string
					Entity ref
				}
				Evidence []evidenceText
			}
		}
	}
	data(t, `query Events { events(first: 100) { totalCount nodes {
  slug name kind summary participantDescription date { `+dateFields+` } place { slug } venue { slug } parent { slug }
  sessions { slug } topics { slug } participants { role entity { __typename slug } } evidence { text }
} } }`, nil, &got)
	if n := got.Events.TotalCount; n != len(s.Events) || len(got.Events.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.Events.Nodes), len(s.Events))
	}
	for _, g := range got.Events.Nodes {
		t.Run(g.Slug, func(t *testing.T) {
			want, ok := s.Events[g.Slug]
			if !ok {
				t.Fatalf("event %s is in no seed file", g.Slug)
			}
			if g.Name != want.Name || g.Kind != strings.ToUpper(want.Kind) || orNull(g.Summary) != orNull(want.Summary) ||
				orNull(g.ParticipantDescription) != orNull(want.ParticipantDescription) {
				t.Errorf("got %q %s %q %q; want %q %s %q %q", g.Name, g.Kind, orNull(g.Summary), orNull(g.ParticipantDescription),
					want.Name, strings.ToUpper(want.Kind), orNull(want.Summary), orNull(want.ParticipantDescription))
			}
			checkDate(t, "date", g.Date, want.Date)
			if refSlug(g.Place) != orNull(want.Place) || refSlug(g.Venue) != orNull(want.Venue) || refSlug(g.Parent) != orNull(want.Parent) {
				t.Errorf("place %s, venue %s, parent %s; want %s, %s, %s", refSlug(g.Place), refSlug(g.Venue), refSlug(g.Parent),
					orNull(want.Place), orNull(want.Venue), orNull(want.Parent))
			}
			var sessions []string
			for _, e := range s.Events {
				if e.Parent != nil && *e.Parent == g.Slug {
					sessions = append(sessions, e.Slug)
				}
			}
			if gs := sorted(slugs(g.Sessions)); !slices.Equal(gs, sorted(sessions)) {
				t.Errorf("sessions %v; want %v", gs, sorted(sessions))
			}
			if gt := sorted(slugs(g.Topics)); !slices.Equal(gt, sorted(want.Topics)) {
				t.Errorf("topics %v; want %v", gt, sorted(want.Topics))
			}
			if ge, we := texts(g.Evidence), entityEvidence(t, g.Slug); !slices.Equal(ge, we) {
				t.Errorf("evidence %q; want %q", ge, we)
			}
			var gotP, wantP []string
			for _, p := range g.Participants {
				gotP = append(gotP, p.Entity.Slug+" "+p.Role)
			}
			for _, p := range want.Participants {
				wantP = append(wantP, p.Entity+" "+strings.ToUpper(p.Role))
			}
			if !slices.Equal(sorted(gotP), sorted(wantP)) {
				t.Errorf("participants %v; want %v", sorted(gotP), sorted(wantP))
			}
		})
	}
}

// TestTopics checks the topic vocabulary against the seeds.
func TestTopics(t *testing.T) {
	s := seed(t)
	var got struct {
		Topics struct {
			TotalCount int
			Nodes      []struct {
				Slug, Label string
				Description *string
				Parent      *ref
				Children    []ref
			}
		}
	}
	data(t, `query Topics { topics(first: 100) { totalCount nodes { slug label description parent { slug } children { slug } } } }`, nil, &got)
	if n := got.Topics.TotalCount; n != len(s.Topics) || len(got.Topics.Nodes) != n {
		t.Fatalf("totalCount %d, %d nodes; want %d", n, len(got.Topics.Nodes), len(s.Topics))
	}
	for _, g := range got.Topics.Nodes {
		want, ok := s.Topics[g.Slug]
		if !ok {
			t.Errorf("topic %s is in no seed file", g.Slug)
			continue
		}
		if g.Label != want.Label || orNull(g.Description) != orNull(want.Description) || refSlug(g.Parent) != orNull(want.Parent) {
			t.Errorf("%s: got %q %q under %s; want %q %q under %s", g.Slug, g.Label, orNull(g.Description), refSlug(g.Parent),
				want.Label, orNull(want.Description), orNull(want.Parent))
		}
		var children []string
		for _, x := range s.Topics {
			if x.Parent != nil && *x.Parent == g.Slug {
				children = append(children, x.Slug)
			}
		}
		if gc := sorted(slugs(g.Children)); !slices.Equal(gc, sorted(children)) {
			t.Errorf("%s: children %v; want %v", g.Slug, gc, sorted(children))
		}
	}
}

// TestNestedConnections checks the connections under objects against the
// seeds: an article's statements, figures and named entities, a person's
// statements, an organization's members and statements, a topic's tagged
// objects, an entity's articles and mentions.
func TestNestedConnections(t *testing.T) {
	s, x := seed(t), lookup(t)
	for _, d := range s.Articles {
		slug := d.Article.Slug
		t.Run("Article/"+slug, func(t *testing.T) {
			var got struct {
				Node struct {
					Statements struct {
						TotalCount int
						Nodes      []struct{ Content string }
					}
					Figures struct {
						TotalCount int
						Nodes      []struct{ Metric string }
					}
					Agreements, People, Organizations, Places, Events struct {
						TotalCount int
						Nodes      []ref
					}
				}
			}
			data(t, `query ArticleChildren($id: ID!) { node(id: $id) { ... on Article {
  statements(first: 100) { totalCount nodes { content } }
  figures(first: 100) { totalCount nodes { metric } }
  agreements(first: 100) { totalCount nodes { slug } }
  people(first: 100) { totalCount nodes { slug } }
  organizations(first: 100) { totalCount nodes { slug } }
  places(first: 100) { totalCount nodes { slug } }
  events(first: 100) { totalCount nodes { slug } }
} } }`, map[string]any{"id": x.article(t, slug)}, &got)
			var wantStatements, gotStatements []string
			for _, st := range s.Statements {
				if st.Article == slug {
					wantStatements = append(wantStatements, st.Content)
				}
			}
			for _, st := range got.Node.Statements.Nodes {
				gotStatements = append(gotStatements, st.Content)
			}
			if !slices.Equal(gotStatements, wantStatements) || got.Node.Statements.TotalCount != len(wantStatements) {
				t.Errorf("statements (%d) %q; want (%d) %q in reading order", got.Node.Statements.TotalCount, gotStatements, len(wantStatements), wantStatements)
			}
			var wantFigures, gotFigures []string
			for _, f := range s.Figures {
				if f.Article == slug {
					wantFigures = append(wantFigures, f.Metric)
				}
			}
			for _, f := range got.Node.Figures.Nodes {
				gotFigures = append(gotFigures, f.Metric)
			}
			if !slices.Equal(gotFigures, wantFigures) || got.Node.Figures.TotalCount != len(wantFigures) {
				t.Errorf("figures %q; want %q in reading order", gotFigures, wantFigures)
			}
			for _, c := range []struct {
				name string
				conn struct {
					TotalCount int
					Nodes      []ref
				}
				table map[string]bool
			}{
				{"agreements", got.Node.Agreements, keysOf(s.Agreements)},
				{"people", got.Node.People, keysOf(s.People)},
				{"organizations", got.Node.Organizations, keysOf(s.Organizations)},
				{"places", got.Node.Places, keysOf(s.Places)},
				{"events", got.Node.Events, keysOf(s.Events)},
			} {
				var want []string
				for e, named := range s.Named[slug] {
					if named && c.table[e] {
						want = append(want, e)
					}
				}
				if g := sorted(slugs(c.conn.Nodes)); !slices.Equal(g, sorted(want)) || c.conn.TotalCount != len(want) {
					t.Errorf("%s (%d) %v; want (%d) %v, the %s the article names", c.name, c.conn.TotalCount, g, len(want), sorted(want), c.name)
				}
			}
		})
	}
	t.Run("PersonStatements", func(t *testing.T) {
		for _, person := range []string{"suhaiza-hanim", "gan-tian-loo", "xi-jinping"} {
			var got struct {
				Node struct {
					Statements struct{ Nodes []struct{ Content string } }
				}
			}
			data(t, `query Said($id: ID!) { node(id: $id) { ... on Person { statements(first: 100) { nodes { content } } } } }`,
				map[string]any{"id": x.entity(t, person)}, &got)
			var want, gotC []string
			for _, st := range s.Statements {
				if st.Speaker.Person != nil && *st.Speaker.Person == person {
					want = append(want, st.Content)
				}
			}
			for _, st := range got.Node.Statements.Nodes {
				gotC = append(gotC, st.Content)
			}
			if !slices.Equal(gotC, want) {
				t.Errorf("%s said %q; want %q", person, gotC, want)
			}
		}
	})
	t.Run("OrganizationStatementsIncludeSubOrganizations", func(t *testing.T) {
		for _, org := range []string{"ministry-of-economy-malaysia", "cscec-malaysia", "sun-yat-sen-university"} {
			var got struct {
				Node struct {
					Statements struct{ Nodes []struct{ Content string } }
				}
			}
			data(t, `query OrgSaid($id: ID!) { node(id: $id) { ... on Organization { statements(first: 100) { nodes { content } } } } }`,
				map[string]any{"id": x.entity(t, org)}, &got)
			tree := s.orgTree(org)
			var want, gotC []string
			for _, st := range s.Statements {
				if spokeFor(st, tree) {
					want = append(want, st.Content)
				}
			}
			for _, st := range got.Node.Statements.Nodes {
				gotC = append(gotC, st.Content)
			}
			if !slices.Equal(gotC, want) {
				t.Errorf("%s: %q; want %q", org, gotC, want)
			}
		}
	})
	t.Run("OrganizationMembers", func(t *testing.T) {
		for _, org := range []string{"youmi-business-school", "ungku-aziz-centre-for-development-studies", "ministry-of-economy-malaysia"} {
			var got struct {
				Node struct{ Members struct{ Nodes []ref } }
			}
			data(t, `query Members($id: ID!) { node(id: $id) { ... on Organization { members(first: 100) { nodes { slug } } } } }`,
				map[string]any{"id": x.entity(t, org)}, &got)
			want := map[string]bool{}
			for _, a := range s.Affiliations {
				if a.Organization != nil && *a.Organization == org {
					want[a.Person] = true
				}
			}
			if g := sorted(slugs(got.Node.Members.Nodes)); !slices.Equal(g, sortedKeys(want)) {
				t.Errorf("%s members %v; want %v", org, g, sortedKeys(want))
			}
		}
	})
	t.Run("TopicTagged", func(t *testing.T) {
		for _, topic := range []string{"digital-economy", "trade-and-investment", "sustainable-development", "poverty-alleviation"} {
			var got struct {
				Node struct {
					Statements struct{ Nodes []struct{ Content string } }
					Figures    struct{ Nodes []struct{ Metric string } }
					Agreements struct{ Nodes []ref }
					Events     struct{ Nodes []ref }
					Articles   struct{ Nodes []ref }
				}
			}
			data(t, `query Tagged($id: ID!) { node(id: $id) { ... on Topic {
  statements(first: 100) { nodes { content } } figures(first: 100) { nodes { metric } }
  agreements(first: 100) { nodes { slug } } events(first: 100) { nodes { slug } } articles(first: 100) { nodes { slug } }
} } }`, map[string]any{"id": x.topic(t, topic)}, &got)
			// Tagged with the topic or a narrower one.
			tree := s.topicTree(topic)
			var wantS, gotS, wantF, gotF, wantA, wantE, wantArt []string
			for _, st := range s.Statements {
				if anyIn(st.Topics, tree) {
					wantS = append(wantS, st.Content)
				}
			}
			for _, st := range got.Node.Statements.Nodes {
				gotS = append(gotS, st.Content)
			}
			for _, f := range s.Figures {
				if anyIn(f.Topics, tree) {
					wantF = append(wantF, f.Metric)
				}
			}
			for _, f := range got.Node.Figures.Nodes {
				gotF = append(gotF, f.Metric)
			}
			for _, a := range s.Agreements {
				if anyIn(a.Topics, tree) {
					wantA = append(wantA, a.Slug)
				}
			}
			for _, e := range s.Events {
				if anyIn(e.Topics, tree) {
					wantE = append(wantE, e.Slug)
				}
			}
			for _, d := range s.Articles {
				if anyIn(d.Article.Topics, tree) {
					wantArt = append(wantArt, d.Article.Slug)
				}
			}
			if !slices.Equal(gotS, wantS) {
				t.Errorf("%s statements %q; want %q", topic, gotS, wantS)
			}
			if !slices.Equal(gotF, wantF) {
				t.Errorf("%s figures %q; want %q", topic, gotF, wantF)
			}
			for _, c := range []struct {
				name      string
				got, want []string
			}{
				{"agreements", slugs(got.Node.Agreements.Nodes), wantA},
				{"events", slugs(got.Node.Events.Nodes), wantE},
				{"articles", slugs(got.Node.Articles.Nodes), wantArt},
			} {
				if !slices.Equal(sorted(c.got), sorted(c.want)) {
					t.Errorf("%s %s %v; want %v", topic, c.name, sorted(c.got), sorted(c.want))
				}
			}
		}
	})
	t.Run("EntityMentions", func(t *testing.T) {
		// Where an article names Malaysia: every whole-word "Malaysia" and
		// "Malaysian", as the seeds' mentions say.
		for _, d := range s.Articles {
			var want []string
			for _, m := range d.Mentions {
				if m.Entity == "malaysia" {
					want = spanTexts(t, d.Text, m.Evidence)
				}
			}
			var got struct {
				Node struct{ Mentions []evidenceText }
			}
			data(t, `query Mentions($id: ID!, $article: ID!) { node(id: $id) { ... on Place { mentions(article: $article) { text } } } }`,
				map[string]any{"id": x.entity(t, "malaysia"), "article": x.article(t, d.Article.Slug)}, &got)
			if g := texts(got.Node.Mentions); !slices.Equal(g, want) {
				t.Errorf("%s names Malaysia %d times (%q); want %d", d.Article.Slug, len(g), g, len(want))
			}
		}
	})
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// TestEntityArticlesNewestFirst checks the documented order of the nested
// article connections: "newest first", as the articles root field orders
// them by default (articles with no known date last).
func TestEntityArticlesNewestFirst(t *testing.T) {
	s, x := seed(t), lookup(t)
	// The seeds' articles, newest first, undated last.
	var dated, undated []string
	for _, d := range s.Articles {
		if d.Article.Published != nil && d.Article.Published.Year != nil {
			dated = append(dated, d.Article.Slug)
		} else {
			undated = append(undated, d.Article.Slug)
		}
	}
	if len(dated) == 0 || len(undated) == 0 {
		t.Fatal("the seeds need a dated and an undated article for this test")
	}
	for _, c := range []struct {
		name, query string
		id          string
		// want selects the seed articles that name it or are tagged with it.
		want func(d *document.Document) bool
	}{
		{"PlaceArticles", `query A($id: ID!) { node(id: $id) { ... on Place { articles(first: 100) { nodes { slug published { year month day } } } } } }`,
			x.entity(t, "malaysia"), func(d *document.Document) bool { return s.Named[d.Article.Slug]["malaysia"] }},
		{"OtherPlaceArticles", `query A($id: ID!) { node(id: $id) { ... on Place { articles(first: 100) { nodes { slug published { year month day } } } } } }`,
			x.entity(t, "china"), func(d *document.Document) bool { return s.Named[d.Article.Slug]["china"] }},
		{"TopicArticles", `query A($id: ID!) { node(id: $id) { ... on Topic { articles(first: 100) { nodes { slug published { year month day } } } } } }`,
			x.topic(t, "digital-economy"), func(d *document.Document) bool { return anyIn(d.Article.Topics, s.topicTree("digital-economy")) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got struct {
				Node struct {
					Articles struct {
						Nodes []struct {
							Slug      string
							Published *partial
						}
					}
				}
			}
			data(t, c.query, map[string]any{"id": c.id}, &got)
			var want, gotSlugs []string
			for _, d := range s.Articles {
				if c.want(d) {
					want = append(want, d.Article.Slug)
				}
			}
			keys := make([]string, len(got.Node.Articles.Nodes))
			for i, a := range got.Node.Articles.Nodes {
				keys[i] = dateKey(a.Published)
				gotSlugs = append(gotSlugs, a.Slug)
			}
			if !slices.Equal(sorted(gotSlugs), sorted(want)) {
				t.Fatalf("articles %v; want %v", gotSlugs, want)
			}
			checkSorted(t, keys, true, strings.Compare)
		})
	}
}

// TestEmptyPage checks a connection with no items: no statement is both
// quoted and paraphrased.
func TestEmptyPage(t *testing.T) {
	var got struct {
		Statements conn
	}
	data(t, `query Empty { statements(filter: {and: [{mode: QUOTE}, {mode: PARAPHRASE}]}) { `+pageFields+` } }`, nil, &got)
	c := got.Statements
	checkPage(t, c)
	if len(c.Edges) != 0 || c.TotalCount != 0 || c.PageInfo.HasNextPage || c.PageInfo.HasPreviousPage {
		t.Errorf("got %d edges, totalCount %d, pageInfo %+v; want an empty page", len(c.Edges), c.TotalCount, c.PageInfo)
	}
}

// TestEntityBySlug checks entity(slug:) for every entity the seeds declare.
func TestEntityBySlug(t *testing.T) {
	s, x := seed(t), lookup(t)
	names := map[string]string{}
	for k, v := range s.People {
		names[k] = v.Name
	}
	for k, v := range s.Organizations {
		names[k] = v.Name
	}
	for k, v := range s.Places {
		names[k] = v.Name
	}
	for k, v := range s.Events {
		names[k] = v.Name
	}
	for k, v := range s.Projects {
		names[k] = v.Name
	}
	for k, v := range s.Agreements {
		names[k] = v.Name
	}
	const q = `query Entity($slug: String!) { entity(slug: $slug) { __typename id slug name } }`
	for _, slug := range sortedKeys(keysOf(names)) {
		t.Run(slug, func(t *testing.T) {
			var got struct {
				Entity *struct {
					ref
					Name string
				}
			}
			data(t, q, map[string]any{"slug": slug}, &got)
			if got.Entity == nil {
				t.Fatal("entity is null")
			}
			if got.Entity.Slug != slug || got.Entity.Name != names[slug] || got.Entity.ID != x.entity(t, slug) || got.Entity.Typename != x.Type[slug] {
				t.Errorf("got %s %s %q %s; want %s %s %q %s", got.Entity.Typename, got.Entity.Slug, got.Entity.Name, got.Entity.ID,
					x.Type[slug], slug, names[slug], x.entity(t, slug))
			}
		})
	}
	t.Run("UnknownSlugIsNull", func(t *testing.T) {
		var got struct{ Entity *ref }
		data(t, q, map[string]any{"slug": "no-such-entity"}, &got)
		if got.Entity != nil {
			t.Errorf("entity = %+v; want null", got.Entity)
		}
	})
	t.Run("TopicSlugIsNoEntity", func(t *testing.T) {
		var got struct{ Entity *ref }
		data(t, q, map[string]any{"slug": "digital-economy"}, &got)
		if got.Entity != nil {
			t.Errorf("entity(slug: a topic's slug) = %+v; want null", got.Entity)
		}
	})
}

// TestTopicBySlug checks topic(slug:) for every topic of the vocabulary.
func TestTopicBySlug(t *testing.T) {
	s, x := seed(t), lookup(t)
	const q = `query Topic($slug: String!) { topic(slug: $slug) { id slug label } }`
	for _, slug := range sortedKeys(keysOf(s.Topics)) {
		var got struct {
			Topic *struct{ ID, Slug, Label string }
		}
		data(t, q, map[string]any{"slug": slug}, &got)
		if got.Topic == nil {
			t.Errorf("topic(slug: %q) is null", slug)
			continue
		}
		if got.Topic.ID != x.topic(t, slug) || got.Topic.Slug != slug || got.Topic.Label != s.Topics[slug].Label {
			t.Errorf("topic(slug: %q) = %+v; want %s %q", slug, *got.Topic, x.topic(t, slug), s.Topics[slug].Label)
		}
	}
	var got struct{ Topic *ref }
	data(t, q, map[string]any{"slug": "no-such-topic"}, &got)
	if got.Topic != nil {
		t.Errorf("topic(slug: unknown) = %+v; want null", got.Topic)
	}
}

// TestEntityFiguresAndAgreements checks the figures about each entity and
// the agreements each country is a party to.
func TestEntityFiguresAndAgreements(t *testing.T) {
	s, x := seed(t), lookup(t)
	subjects := map[string]bool{"malaysia": true, "china": true, "xi-jinping": true}
	for _, f := range s.Figures {
		subjects[f.Subject] = true
	}
	for _, slug := range sortedKeys(subjects) {
		t.Run("Figures/"+slug, func(t *testing.T) {
			var got struct {
				Node struct {
					Figures struct {
						TotalCount int
						Nodes      []struct{ Metric string }
					}
				}
			}
			data(t, `query About($id: ID!) { node(id: $id) { ... on Entity { figures(first: 100) { totalCount nodes { metric } } } } }`,
				map[string]any{"id": x.entity(t, slug)}, &got)
			var want, gotM []string
			for _, f := range s.Figures {
				if f.Subject == slug {
					want = append(want, f.Metric)
				}
			}
			for _, f := range got.Node.Figures.Nodes {
				gotM = append(gotM, f.Metric)
			}
			if !slices.Equal(gotM, want) || got.Node.Figures.TotalCount != len(want) {
				t.Errorf("figures (%d) %q; want (%d) %q", got.Node.Figures.TotalCount, gotM, len(want), want)
			}
		})
	}
	for _, country := range []string{"china", "malaysia"} {
		t.Run("Agreements/"+country, func(t *testing.T) {
			var got struct {
				Node struct {
					Agreements struct {
						TotalCount int
						Nodes      []ref
					}
				}
			}
			data(t, `query Parties($id: ID!) { node(id: $id) { ... on Place { agreements(first: 100) { totalCount nodes { slug } } } } }`,
				map[string]any{"id": x.entity(t, country)}, &got)
			want := map[string]bool{}
			for _, a := range s.Agreements {
				for _, p := range a.Parties {
					if p.Entity == country {
						want[a.Slug] = true
					}
				}
			}
			if g := sorted(slugs(got.Node.Agreements.Nodes)); !slices.Equal(g, sortedKeys(want)) || got.Node.Agreements.TotalCount != len(want) {
				t.Errorf("agreements %v; want %v", g, sortedKeys(want))
			}
		})
	}
}

// TestMentionsArgument checks Entity.mentions(article:) with IDs that are
// not an article's.
func TestMentionsArgument(t *testing.T) {
	x := lookup(t)
	const q = `query Mentions($id: ID!, $article: ID!) { node(id: $id) { ... on Entity { mentions(article: $article) { text } } } }`
	malaysia := x.entity(t, "malaysia")
	t.Run("ErrWrongType", func(t *testing.T) {
		wantError(t, q, map[string]any{"id": malaysia, "article": x.entity(t, "china")}, "BAD_USER_INPUT", "article")
	})
	t.Run("ErrMalformed", func(t *testing.T) {
		wantError(t, q, map[string]any{"id": malaysia, "article": "nope"}, "BAD_USER_INPUT", "article")
	})
	t.Run("UnknownArticleIsEmpty", func(t *testing.T) {
		var got struct {
			Node struct{ Mentions []evidenceText }
		}
		data(t, q, map[string]any{"id": malaysia, "article": unknownID(t, x.article(t, seed(t).Articles[0].Article.Slug))}, &got)
		if len(got.Node.Mentions) != 0 {
			t.Errorf("mentions in an article that does not exist: %v; want none", got.Node.Mentions)
		}
	})
}

// entityEvidence returns the sorted texts of every span the seeds give for
// an entity: where a document declares it and where one mentions it.
func entityEvidence(t *testing.T, slug string) []string {
	t.Helper()
	var out []string
	for _, d := range seed(t).Articles {
		lists := []document.EvidenceList{}
		for _, x := range d.People {
			if x.Slug == slug {
				lists = append(lists, x.Evidence)
			}
		}
		for _, x := range d.Organizations {
			if x.Slug == slug {
				lists = append(lists, x.Evidence)
			}
		}
		for _, x := range d.Places {
			if x.Slug == slug {
				lists = append(lists, x.Evidence)
			}
		}
		for _, x := range d.Events {
			if x.Slug == slug {
				lists = append(lists, x.Evidence)
			}
		}
		for _, x := range d.Projects {
			if x.Slug == slug {
				lists = append(lists, x.Evidence)
			}
		}
		for _, x := range d.Agreements {
			if x.Slug == slug {
				lists = append(lists, x.Evidence)
			}
		}
		for _, m := range d.Mentions {
			if m.Entity == slug {
				lists = append(lists, m.Evidence)
			}
		}
		for _, l := range lists {
			out = append(out, spanTexts(t, d.Text, l)...)
		}
	}
	return sorted(out)
}
