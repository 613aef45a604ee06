package graph_test

import (
	"context"
	"fmt"
	"html"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/newsgraph/newsgraph/graph/model"
)

// searchHit is a search edge with what the tests look at.
type searchHit struct {
	Cursor  string
	Score   float64
	Snippet snippet
	Node    struct {
		Typename    string `json:"__typename"`
		ID          string
		Slug        string
		Name        string
		Content     string
		SpeakerRole *string
		Speaker     struct{ Description string }
		Metric      string
		Display     string
		Title       *string
		Text        string
		Label       string
		Description *string
		ShortName   *string
		Summary     *string
		Article     struct{ Slug string }
		Published   *struct{ Iso *string }
	}
}

// words returns the lower-case words (runs of letters and digits) of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

type snippet struct {
	Text       string
	HTML       string
	Highlights []struct{ Start, End int }
}

const searchQuery = `query Search($query: String!, $types: [SearchType!], $published: DateRange, $sort: SearchSort, $first: Int, $after: String) {
  search(query: $query, types: $types, published: $published, sort: $sort, first: $first, after: $after) {
    totalCount
    counts { type count }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor score
      snippet { text html highlights { start end } }
      node {
        __typename
        ... on Node { id }
        ... on Article { slug title text published { iso } }
        ... on Statement { content speakerRole speaker { ... on UnnamedSpeaker { description } } article { slug published { iso } } }
        ... on Figure { metric display article { slug published { iso } } }
        ... on Agreement { slug name summary published: date { iso } }
        ... on Event { slug name summary published: date { iso } }
        ... on Project { slug name summary }
        ... on Topic { slug label description }
        ... on Person { slug name }
        ... on Organization { slug name shortName }
        ... on Place { slug name }
      }
    }
  }
}`

type searchResult struct {
	TotalCount int
	Counts     []struct {
		Type  string
		Count int
	}
	PageInfo pageInfo
	Edges    []searchHit
}

func runSearch(t *testing.T, query string, types []string) searchResult {
	t.Helper()
	return runSearchWith(t, query, types, nil)
}

// runSearchWith is runSearch with more variables (published, sort).
func runSearchWith(t *testing.T, query string, types []string, more map[string]any) searchResult {
	t.Helper()
	vars := map[string]any{"query": query, "first": 100}
	if types != nil {
		vars["types"] = types
	}
	maps.Copy(vars, more)
	var got struct{ Search searchResult }
	data(t, searchQuery, vars, &got)
	if got.Search.TotalCount != len(got.Search.Edges) {
		t.Errorf("search %q: totalCount %d; want %d, the results of a page of 100", query, got.Search.TotalCount, len(got.Search.Edges))
	}
	return got.Search
}

// marked returns the highlighted parts of a snippet, checking that the
// highlights lie in the text, in order, without overlap, and that html is
// the escaped text with each highlight in <mark>.
func marked(t *testing.T, s snippet) []string {
	t.Helper()
	text := []rune(s.Text)
	var parts []string
	var b strings.Builder
	at := 0
	for i, h := range s.Highlights {
		if h.Start < at || h.End <= h.Start || h.End > len(text) {
			t.Errorf("highlights[%d] = [%d, %d) is not in order within %d characters: %q", i, h.Start, h.End, len(text), s.Text)
			return nil
		}
		parts = append(parts, string(text[h.Start:h.End]))
		b.WriteString(html.EscapeString(string(text[at:h.Start])))
		b.WriteString("<mark>" + html.EscapeString(string(text[h.Start:h.End])) + "</mark>")
		at = h.End
	}
	b.WriteString(html.EscapeString(string(text[at:])))
	if s.HTML != b.String() {
		t.Errorf("html %q; want the escaped text with each highlight in <mark>: %q", s.HTML, b.String())
	}
	if len(s.Highlights) > 0 && !strings.Contains(s.HTML, "<mark>") {
		t.Errorf("html %q has no <mark>", s.HTML)
	}
	return parts
}

// marksAll reports whether the marked parts match every one of stems
// (case-insensitive prefixes: full-text search matches word stems).
func marksAll(parts []string, stems ...string) bool {
	for _, s := range stems {
		if !slices.ContainsFunc(parts, func(p string) bool { return strings.HasPrefix(strings.ToLower(p), s) }) {
			return false
		}
	}
	return true
}

// checkScores checks that results come best first.
func checkScores(t *testing.T, hits []searchHit) {
	t.Helper()
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("result %d scores %v, more than result %d (%v); want best first", i, hits[i].Score, i-1, hits[i-1].Score)
		}
	}
}

// TestSearchDigitalEconomy checks that the statements about the digital
// economy are found, with snippets that mark the matched words.
func TestSearchDigitalEconomy(t *testing.T) {
	s := seed(t)
	res := runSearch(t, "digital economy", nil)
	checkScores(t, res.Edges)

	// The statements whose words or speaker's role contain both words.
	want := s.statements(func(st seedStatement) bool {
		return hasWords(st.Content+" "+orNull(st.Role)+" "+orNull(st.Speaker.Description), "digital", "economy")
	})
	var got []string
	for i, h := range res.Edges {
		parts := marked(t, h.Snippet)
		for _, p := range parts {
			if l := strings.ToLower(p); !strings.HasPrefix(l, "digit") && !strings.HasPrefix(l, "econom") {
				t.Errorf("result %d (%s) marks %q, which is neither word of the query", i, h.Node.Typename, p)
			}
		}
		if len(parts) == 0 {
			t.Errorf("result %d (%s %s) marks nothing in its snippet %q", i, h.Node.Typename, h.Node.ID, h.Snippet.Text)
		}
		if h.Node.Typename != "Statement" {
			continue
		}
		got = append(got, h.Node.Content)
		if !marksAll(parts, "digit", "econom") {
			t.Errorf("statement %q: snippet marks %q; want both words marked", h.Node.Content, parts)
		}
		// The snippet is cut from the statement's own words (what was
		// said, the speaker's role or description).
		own := map[string]bool{}
		for _, w := range words(h.Node.Content + " " + orNull(h.Node.SpeakerRole) + " " + h.Node.Speaker.Description) {
			own[w] = true
		}
		for _, w := range words(h.Snippet.Text) {
			if !own[w] {
				t.Errorf("snippet %q has the word %q, which is not the statement's %q", h.Snippet.Text, w, h.Node.Content)
				break
			}
		}
	}
	if !slices.Equal(sorted(got), sorted(want)) {
		t.Errorf("statements found:\n%q\nwant the statements about the digital economy:\n%q", got, want)
	}

	// Best first: the best result matches every word of the query, not
	// just one of them.
	t.Run("BestResultMatchesEveryWord", func(t *testing.T) {
		if len(res.Edges) == 0 {
			t.Fatal("no results")
		}
		best := res.Edges[0]
		if parts := marked(t, best.Snippet); !marksAll(parts, "digit", "econom") {
			var top []string
			for _, h := range res.Edges[:min(4, len(res.Edges))] {
				top = append(top, fmt.Sprintf("%s %q (score %v)", h.Node.Typename, h.Snippet.Text, h.Score))
			}
			t.Errorf("the best result marks only %q of \"digital economy\"; the top results: %s", parts, strings.Join(top, "; "))
		}
	})
}

// TestSearchNames checks that people are found by name, tolerating typos.
func TestSearchNames(t *testing.T) {
	s := seed(t)
	for _, c := range []struct {
		name, query, want, mark string
	}{
		{"OK", "Mustapa", "mustapa-bin-mohamed", "Mustapa"},
		{"Suhaiza", "Suhaiza", "suhaiza-hanim", "Suhaiza"},
		{"Typo", "Suhaza", "suhaiza-hanim", "Suhaiza"},
		{"LowerCase", "bu maoliang", "bu-maoliang", "Maoliang"},
		{"FullName", "Gan Tian Loo", "gan-tian-loo", "Loo"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runSearch(t, c.query, nil)
			checkScores(t, res.Edges)
			var people []searchHit
			for _, h := range res.Edges {
				if h.Node.Typename == "Person" {
					people = append(people, h)
				}
			}
			if len(people) == 0 {
				t.Fatalf("search %q finds no person; want %s", c.query, s.People[c.want].Name)
			}
			first := people[0]
			if first.Node.Slug != c.want || first.Node.Name != s.People[c.want].Name {
				var names []string
				for _, p := range people {
					names = append(names, p.Node.Name)
				}
				t.Errorf("search %q ranks people %q; want %q first", c.query, names, s.People[c.want].Name)
			}
			if first.Snippet.Text != s.People[c.want].Name {
				t.Errorf("snippet %q; want the name %q", first.Snippet.Text, s.People[c.want].Name)
			}
			if parts := marked(t, first.Snippet); !slices.Contains(parts, c.mark) {
				t.Errorf("snippet marks %q; want %q marked", parts, c.mark)
			}
		})
	}
	t.Run("OrganizationAcronym", func(t *testing.T) {
		// CSCEC is the short name of China State Construction Engineering (M) SDN BHD.
		res := runSearch(t, "CSCEC", nil)
		var orgs []string
		for _, h := range res.Edges {
			if h.Node.Typename == "Organization" {
				orgs = append(orgs, h.Node.Slug)
			}
		}
		if len(orgs) == 0 || orgs[0] != "cscec-malaysia" {
			t.Errorf("search CSCEC ranks organizations %q; want cscec-malaysia first", orgs)
		}
	})
}

// TestSearchTypes checks that types: restricts the results to those types
// and leaves them in the order of the unrestricted search.
func TestSearchTypes(t *testing.T) {
	for _, c := range []struct {
		name, query string
		types       []string
	}{
		{"Statement", "digital economy", []string{"STATEMENT"}},
		{"Person", "Suhaiza", []string{"PERSON"}},
		{"Organization", "Ministry of Economy", []string{"ORGANIZATION"}},
		{"Figure", "GDP", []string{"FIGURE"}},
		{"Agreement", "visa exemption", []string{"AGREEMENT"}},
		{"Article", "Huawei", []string{"ARTICLE"}},
		{"ArticleAndAgreement", "Malaysia", []string{"ARTICLE", "AGREEMENT"}},
		{"StatementAndPerson", "Malaysia", []string{"STATEMENT", "PERSON"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			all := runSearch(t, c.query, nil)
			var want []string
			for _, h := range all.Edges {
				if slices.Contains(c.types, strings.ToUpper(h.Node.Typename)) {
					want = append(want, h.Node.ID)
				}
			}
			if len(want) == 0 {
				t.Fatalf("search %q finds nothing of %v to restrict to", c.query, c.types)
			}
			vars := map[string]any{"query": c.query, "types": c.types, "first": 100}
			status, res := send(t, searchQuery, vars)
			if len(res.Errors) > 0 {
				t.Fatalf("status %d, errors %+v", status, res.Errors)
			}
			var got struct{ Search searchResult }
			dig(t, res.Data, nil, &got)
			var ids []string
			for _, h := range got.Search.Edges {
				if !slices.Contains(c.types, strings.ToUpper(h.Node.Typename)) {
					t.Errorf("a %s among results of types %v", h.Node.Typename, c.types)
				}
				ids = append(ids, h.Node.ID)
			}
			if !slices.Equal(ids, want) {
				t.Errorf("types %v: %v; want %v, the unrestricted results of those types", c.types, ids, want)
			}
			if got.Search.TotalCount != len(want) {
				t.Errorf("totalCount %d; want %d", got.Search.TotalCount, len(want))
			}
		})
	}
}

// TestSearchPaging walks a search in small pages.
func TestSearchPaging(t *testing.T) {
	const q = `query SearchPage($first: Int, $after: String) { c: search(query: "Malaysia", first: $first, after: $after) { ` + pageFields + ` } }`
	whole := fetchPage(t, q, []string{"c"}, nil, map[string]any{"first": 100})
	if len(whole.Nodes) < 5 {
		t.Fatalf("search Malaysia finds %d results; want several pages' worth", len(whole.Nodes))
	}
	c := walkCase{name: "Search", query: q, path: []string{"c"}, want: len(whole.Nodes)}
	for _, size := range []int{1, 3, 4} {
		got := walkForward(t, c, size)
		if !slices.Equal(got, whole.ids()) {
			t.Errorf("pages of %d: %v; want %v", size, got, whole.ids())
		}
		if dup := duplicates(got); len(dup) > 0 {
			t.Errorf("pages of %d: duplicates %v", size, dup)
		}
	}
}

// TestSearchErrors checks bad search arguments.
func TestSearchErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		vars  map[string]any
		words []string
	}{
		{"ErrEmptyQuery", map[string]any{"query": ""}, []string{"query"}},
		{"ErrBlankQuery", map[string]any{"query": "  \t "}, []string{"query"}},
		{"ErrQueryTooLong", map[string]any{"query": strings.Repeat("economy ", 100)}, []string{"query"}},
		{"ErrOnlyExclusions", map[string]any{"query": "-Huawei -\"digital economy\""}, []string{"query", "exclusions"}},
		{"ErrBackwardsRange", map[string]any{"query": "Malaysia", "published": map[string]any{"from": "2025-02-01", "to": "2025-01-01"}}, []string{"published", "after"}},
		{"ErrFirstTooLarge", map[string]any{"query": "Malaysia", "first": 101}, []string{"first"}},
		{"ErrGarbageCursor", map[string]any{"query": "Malaysia", "after": "garbage"}, []string{"after"}},
		// Searched every type, as if types were left out.
		{"ErrNoTypes", map[string]any{"query": "Malaysia", "types": []string{}}, []string{"types", "at least one"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantError(t, searchQuery, c.vars, "BAD_USER_INPUT", c.words...)
		})
	}
}

// TestSearchCursorOfAnotherSort checks that a cursor of one sort is refused
// by another: its keys are another ordering's.
func TestSearchCursorOfAnotherSort(t *testing.T) {
	res := runSearch(t, "Malaysia", nil)
	if res.PageInfo.EndCursor == nil {
		t.Fatal("no endCursor")
	}
	wantError(t, searchQuery, map[string]any{"query": "Malaysia", "sort": "NEWEST", "first": 2, "after": res.Edges[0].Cursor},
		"BAD_USER_INPUT", "after", "another ordering")
}

// TestSearchCursorScoreIsANumber checks that a cursor whose score is not a
// finite number is refused: "NaN" answered the first page again, with
// hasPreviousPage true.
func TestSearchCursorScoreIsANumber(t *testing.T) {
	res := runSearch(t, "Malaysia", nil)
	c, ok := model.DecodeCursor(res.Edges[0].Cursor)
	if !ok || len(c.Keys) != 3 {
		t.Fatalf("cursor %q: %+v", res.Edges[0].Cursor, c)
	}
	for _, score := range []string{"NaN", "Infinity", "-Inf", "1e-400", "1_0", "0x1p-2"} {
		forged := model.EncodeCursor(c.Order, []string{score, c.Keys[1], c.Keys[2]})
		wantError(t, searchQuery, map[string]any{"query": "Malaysia", "first": 2, "after": forged}, "BAD_USER_INPUT", "after")
	}
}

// TestSearchSnippetsMarkMatches checks that every result's snippet marks
// words of the query, whatever field matched: a statement found by its
// speaker's role or description, an organization found by its acronym.
func TestSearchSnippetsMarkMatches(t *testing.T) {
	for _, c := range []struct {
		name, query string
		stems       []string
	}{
		{"Phrase", "digital economy", []string{"digit", "econom"}},
		{"Country", "Malaysia", []string{"malaysia"}},
		{"SpeakerRole", "spokesperson", []string{"spokesperson"}},
		{"Acronym", "CSCEC", []string{"cscec"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := runSearch(t, c.query, nil)
			if len(res.Edges) == 0 {
				t.Fatalf("search %q finds nothing", c.query)
			}
			for i, h := range res.Edges {
				parts := marked(t, h.Snippet)
				ok := slices.ContainsFunc(parts, func(p string) bool {
					return slices.ContainsFunc(c.stems, func(s string) bool { return strings.HasPrefix(strings.ToLower(p), s) })
				})
				if h.Node.Typename == "Person" || h.Node.Typename == "Organization" {
					ok = len(parts) > 0 // names match words like the query's, typos and all
				}
				if !ok {
					t.Errorf("result %d (%s %s%s) has snippet %q with %q marked; want a word of %q marked",
						i, h.Node.Typename, h.Node.Slug, h.Node.Content, h.Snippet.Text, parts, c.query)
				}
			}
		})
	}
}

// ownText is the text a search hit was found by: what a statement said and
// its speaker's role, a name, a title and text, a label and description.
func ownText(h searchHit) string {
	n := h.Node
	return strings.Join([]string{n.Content, orNull(n.SpeakerRole), n.Speaker.Description, n.Metric, n.Display,
		orNull(n.Title), n.Text, n.Name, orNull(n.ShortName), orNull(n.Summary), n.Label, orNull(n.Description)}, " ")
}

// TestSearchExclusion checks that -word leaves out every result that has
// the word and nothing else: "5G -Huawei" returns the results of "5G" but
// those whose own text or name has Huawei (the organization Huawei among
// them), in the same order.
func TestSearchExclusion(t *testing.T) {
	for _, c := range []struct{ query, without, word string }{
		{"5G", "5G -Huawei", "huawei"},
		{"Huawei", "Huawei -5G", "5g"},
		{"Malaysia", "Malaysia -China", "china"},
		{`"visa exemption"`, `"visa exemption" -"passport holders"`, "passport"},
	} {
		t.Run(c.without, func(t *testing.T) {
			all := runSearch(t, c.query, nil)
			var want []string
			for _, h := range all.Edges {
				if !hasWords(ownText(h), c.word) {
					want = append(want, h.Node.Typename+" "+h.Node.ID)
				}
			}
			if len(want) == len(all.Edges) || len(want) == 0 {
				t.Fatalf("search %q: %d of %d results have %q; the test needs some with and some without", c.query, len(all.Edges)-len(want), len(all.Edges), c.word)
			}
			res := runSearch(t, c.without, nil)
			var got []string
			for _, h := range res.Edges {
				got = append(got, h.Node.Typename+" "+h.Node.ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("search %q: %v\nwant the results of %q without %q, in order: %v", c.without, got, c.query, c.word, want)
			}
		})
	}
}

// TestSearchPhrases checks that a "quoted phrase" matches its words next
// to each other and in order, in texts and in names alike.
func TestSearchPhrases(t *testing.T) {
	s := seed(t)
	for _, c := range []struct {
		query string
		re    string // the phrase in the seed text
	}{
		{`"digital economy"`, `(?i)\bdigital\W+econom`},
		{`"economy digital"`, `(?i)\beconom\w*\W+digital\b`},
		{`"visa exemption agreement"`, `(?i)\bvisa\W+exemption\W+agreement`},
		{`"Ministry of Economy"`, `(?i)\bministry\W+of\W+economy\b`},
		{`"Economy Ministry"`, `(?i)\beconomy\W+ministry\b`},
	} {
		t.Run(c.query, func(t *testing.T) {
			re := regexp.MustCompile(c.re)
			want := s.statements(func(st seedStatement) bool {
				return re.MatchString(st.Content + " " + orNull(st.Role) + " " + orNull(st.Speaker.Description))
			})
			var wantOrgs []string
			for slug, o := range s.Organizations {
				if re.MatchString(o.Name) {
					wantOrgs = append(wantOrgs, slug)
				}
			}
			res := runSearch(t, c.query, []string{"STATEMENT", "ORGANIZATION"})
			var got, gotOrgs []string
			for _, h := range res.Edges {
				if h.Node.Typename == "Statement" {
					got = append(got, h.Node.Content)
				} else {
					gotOrgs = append(gotOrgs, h.Node.Slug)
				}
			}
			if !slices.Equal(sorted(got), sorted(want)) {
				t.Errorf("statements:\n%q\nwant those with the phrase:\n%q", got, want)
			}
			if !slices.Equal(sorted(gotOrgs), sorted(wantOrgs)) {
				t.Errorf("organizations %v; want those whose name has the phrase: %v", gotOrgs, wantOrgs)
			}
		})
	}
}

// TestSearchNamesMatchEveryWord checks that a name must have every word
// of the query (a long word may have a typo, a short one may not): "digital
// economy" does not find the Ministry of Economy, "GDP" does not find GDS.
func TestSearchNamesMatchEveryWord(t *testing.T) {
	s := seed(t)
	for _, c := range []struct {
		query string
		words []string
	}{
		{"digital economy", []string{"digital", "economy"}},
		{"GDP", []string{"gdp"}},
		{"GDS", []string{"gds"}},
		{"Ministry of Economy", []string{"ministry", "economy"}},
		{"Sunway University", []string{"sunway", "university"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			var want []string
			for slug, o := range s.Organizations {
				if hasWords(o.Name+" "+orNull(o.ShortName), c.words...) {
					want = append(want, slug)
				}
			}
			var got []string
			for _, h := range runSearch(t, c.query, []string{"ORGANIZATION"}).Edges {
				got = append(got, h.Node.Slug)
			}
			if !slices.Equal(sorted(got), sorted(want)) {
				t.Errorf("organizations %v; want those whose name has every word of %q: %v", got, c.query, want)
			}
		})
	}
	t.Run("ExactBeforeTypo", func(t *testing.T) {
		// "Suhana" is a name; "Suhaiza" is like it. The exact match comes
		// first and every exact match outscores every match with a typo.
		res := runSearch(t, "Suhana", []string{"PERSON"})
		if len(res.Edges) == 0 || !hasWords(res.Edges[0].Node.Name, "suhana") {
			t.Fatalf("search Suhana: %+v; want the person named Suhana first", res.Edges)
		}
		for _, h := range res.Edges {
			exact := hasWords(h.Node.Name, "suhana")
			if exact != (h.Score >= 0.5) {
				t.Errorf("%s scores %v; want 0.5 or more exactly when the name has the word", h.Node.Name, h.Score)
			}
		}
	})
}

// TestSearchRanking pins the order of the best results, derived from the
// seed text: a name that is the query itself comes first; statements rank
// by how often they say the query (as a phrase: its words next to each
// other), what was said counting 1 and the speaker's role 0.2 (the
// weights of the fields), then the shorter text first (the same claim in
// fewer bytes).
func TestSearchRanking(t *testing.T) {
	s := seed(t)
	t.Run("WholeName", func(t *testing.T) {
		for _, slug := range []string{"huawei", "gds"} {
			o := s.Organizations[slug]
			res := runSearch(t, o.Name, nil)
			if len(res.Edges) == 0 || res.Edges[0].Node.Slug != slug {
				t.Errorf("search %q: first %+v; want the organization %s", o.Name, res.Edges[:min(1, len(res.Edges))], slug)
			}
		}
	})
	for _, q := range []string{"digital economy", "visa exemption", "Malaysia", "cooperation"} {
		t.Run("Statements/"+q, func(t *testing.T) {
			phrase := regexp.MustCompile(`(?i)\b` + strings.Join(words(q), `\W+`) + `\b`)
			type cand struct {
				content string
				often   float64 // how often it says the phrase, by weight
				size    int     // bytes of its text and role
			}
			var want []cand
			for _, st := range s.Statements {
				role := ""
				for _, p := range []*string{st.Role, st.Speaker.Description} {
					if p != nil {
						role += *p
					}
				}
				c := cand{st.Content, float64(len(phrase.FindAllString(st.Content, -1))) + 0.2*float64(len(phrase.FindAllString(role, -1))), len(st.Content) + len(role)}
				if c.often > 0 {
					want = append(want, c)
				}
			}
			sort.SliceStable(want, func(i, j int) bool {
				if want[i].often != want[j].often {
					return want[i].often > want[j].often
				}
				return want[i].size < want[j].size
			})
			if len(want) < 2 {
				t.Fatalf("the seeds have %d statements for %q; the test needs two or more", len(want), q)
			}
			res := runSearch(t, q, []string{"STATEMENT"})
			checkScores(t, res.Edges)
			var wantTop, gotTop []string
			for _, c := range want {
				wantTop = append(wantTop, c.content)
			}
			for _, h := range res.Edges {
				gotTop = append(gotTop, h.Node.Content)
			}
			if !slices.Equal(gotTop, wantTop) {
				t.Errorf("search %q ranks statements\n%q\nwant (most often, then fewest bytes, first)\n%q", q, gotTop, wantTop)
			}
			// Hits of different texts score differently.
			for i := 1; i < len(res.Edges); i++ {
				a, b := res.Edges[i-1], res.Edges[i]
				if a.Score == b.Score && ownText(a) != ownText(b) {
					t.Errorf("statements %q and %q both score %v; want the ranking to separate them", a.Node.Content, b.Node.Content, a.Score)
				}
			}
		})
	}
}

// TestSearchEveryType checks that every type can be found by its own
// text, and that counts has one entry per type searched.
func TestSearchEveryType(t *testing.T) {
	s := seed(t)
	var event, project, topic, place string
	for _, e := range s.Events {
		event = e.Name
	}
	for _, p := range s.Projects {
		project = p.Name
	}
	for _, tp := range s.Topics {
		topic = tp.Label
	}
	for _, p := range s.Places {
		place = p.Name
	}
	for _, c := range []struct{ typ, query string }{
		{"EVENT", event}, {"PROJECT", project}, {"TOPIC", topic}, {"PLACE", place},
		{"PERSON", s.People["suhaiza-hanim"].Name}, {"FIGURE", s.Figures[0].Metric},
	} {
		t.Run(c.typ, func(t *testing.T) {
			if c.query == "" {
				t.Fatalf("the seeds have no %s", c.typ)
			}
			res := runSearch(t, `"`+c.query+`"`, []string{c.typ})
			if len(res.Edges) == 0 {
				t.Fatalf("search %q of type %s finds nothing", c.query, c.typ)
			}
			if !strings.Contains(strings.ToLower(ownText(res.Edges[0])), strings.ToLower(c.query)) {
				t.Errorf("search %q: first %q; want one with that text", c.query, ownText(res.Edges[0]))
			}
			if len(res.Counts) != 1 || res.Counts[0].Type != c.typ || res.Counts[0].Count != len(res.Edges) {
				t.Errorf("counts %+v; want one for %s of %d", res.Counts, c.typ, len(res.Edges))
			}
		})
	}
}

// sqlSearchCounts counts the matches of a search by type in plain SQL:
// the full-text types by websearch_to_tsquery (at most 100 each), the
// names by every word of the query as a word (a word of 5 letters or more
// also like a word of the name).
func sqlSearchCounts(t *testing.T, query string) map[string]int {
	t.Helper()
	var nameCond []string
	args := []any{query}
	for _, w := range words(query) {
		args = append(args, w)
		cond := fmt.Sprintf(`NAME ~* ('\m' || $%d || '\M')`, len(args))
		if len([]rune(w)) >= 5 {
			cond = fmt.Sprintf(`(%s OR word_similarity($%d, NAME) >= 0.5)`, cond, len(args))
		}
		nameCond = append(nameCond, cond)
	}
	names := strings.Join(nameCond, " AND ")
	full := func(table string) string {
		return `(SELECT least(count(*), 100) FROM ` + table + ` WHERE search @@ websearch_to_tsquery('english', $1))`
	}
	sql := `SELECT ` + full("articles") + `, ` + full("statements") + `, ` + full("figures") + `, ` + full("agreements") + `, ` +
		full("events") + `, ` + full("projects") + `, ` + full("topics") + `,
		(SELECT count(*) FROM people WHERE ` + strings.ReplaceAll(names, "NAME", "array_to_string(honorifics, ' ') || ' ' || name") + `),
		(SELECT count(*) FROM organizations WHERE ` + strings.ReplaceAll(names, "NAME", "(name || ' ' || coalesce(short_name, ''))") + `),
		(SELECT count(*) FROM places WHERE ` + strings.ReplaceAll(names, "NAME", "name") + `)`
	n := make([]int, 10)
	dest := make([]any, 10)
	for i := range n {
		dest[i] = &n[i]
	}
	if err := seeded.Pool.QueryRow(context.Background(), sql, args...).Scan(dest...); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for i, typ := range []string{"ARTICLE", "STATEMENT", "FIGURE", "AGREEMENT", "EVENT", "PROJECT", "TOPIC", "PERSON", "ORGANIZATION", "PLACE"} {
		out[typ] = n[i]
	}
	return out
}

// TestSearchCounts checks counts and totalCount against plain SQL counts.
func TestSearchCounts(t *testing.T) {
	for _, q := range []string{"Malaysia", "digital economy", "Huawei", "cooperation", "Suhaiza", "CSCEC"} {
		t.Run(q, func(t *testing.T) {
			want := sqlSearchCounts(t, q)
			res := runSearch(t, q, nil)
			total := 0
			var order []string
			for _, c := range res.Counts {
				order = append(order, c.Type)
				total += c.Count
				if c.Count != want[c.Type] {
					t.Errorf("counts %s = %d; want %d, the SQL count", c.Type, c.Count, want[c.Type])
				}
				n := 0
				for _, h := range res.Edges {
					if strings.EqualFold(h.Node.Typename, c.Type) {
						n++
					}
				}
				if n != c.Count {
					t.Errorf("counts %s = %d; the search returned %d", c.Type, c.Count, n)
				}
			}
			if len(order) != len(want) {
				t.Errorf("counts for %v; want every type", order)
			}
			if total != res.TotalCount {
				t.Errorf("totalCount %d; want the sum of counts, %d", res.TotalCount, total)
			}
		})
	}
}

// hitDate is the date a search hit is sorted and filtered by, the first
// day of its own date ("2024" is 2024-01-01), "" for none (nor for a date
// without a year).
func hitDate(h searchHit) string {
	if h.Node.Published == nil || h.Node.Published.Iso == nil || strings.HasPrefix(*h.Node.Published.Iso, "--") {
		return ""
	}
	d := *h.Node.Published.Iso
	return d + "-01-01"[len(d)-4:]
}

// TestSearchPublishedAndSort checks the published range and the sorts by
// date against the seed articles' publication dates.
func TestSearchPublishedAndSort(t *testing.T) {
	s := seed(t)
	published := map[string]string{} // the first day of each article's publication date, "" for none
	var dates []string
	for _, d := range s.Articles {
		p := d.Article.Published
		if p == nil || p.Year == nil {
			published[d.Article.Slug] = ""
			continue
		}
		month, day := 1, 1
		if p.Month != nil {
			month = *p.Month
		}
		if p.Day != nil {
			day = *p.Day
		}
		published[d.Article.Slug] = fmt.Sprintf("%04d-%02d-%02d", *p.Year, month, day)
		dates = append(dates, published[d.Article.Slug])
	}
	slices.Sort(dates)
	if len(dates) == 0 {
		t.Fatal("no seed article has a publication date; the test needs one")
	}
	const q = "Malaysia"
	all := runSearch(t, q, nil)
	t.Run("Range", func(t *testing.T) {
		day := dates[len(dates)-1]
		res := runSearchWith(t, q, nil, map[string]any{"published": map[string]any{"from": day, "to": day}})
		var want, got []string
		for _, h := range all.Edges {
			slug := h.Node.Article.Slug
			if h.Node.Typename == "Article" {
				slug = h.Node.Slug
			}
			if (slug != "" && published[slug] == day) || (slug == "" && hitDate(h) == day) {
				want = append(want, h.Node.ID)
			}
		}
		for _, h := range res.Edges {
			got = append(got, h.Node.ID)
		}
		if len(want) == 0 || len(want) == len(all.Edges) {
			t.Fatalf("%d of %d results of %q are dated %s; the test needs some", len(want), len(all.Edges), q, day)
		}
		if !slices.Equal(got, want) {
			t.Errorf("published %s: %v; want the results dated then, in order: %v", day, got, want)
		}
	})
	for _, c := range []struct {
		sort string
		desc bool
	}{{"NEWEST", true}, {"OLDEST", false}} {
		t.Run(c.sort, func(t *testing.T) {
			res := runSearchWith(t, q, nil, map[string]any{"sort": c.sort})
			var ids, wantIDs []string
			last := ""
			for i, h := range res.Edges {
				ids = append(ids, h.Node.ID)
				d := hitDate(h)
				if h.Node.Typename == "Statement" || h.Node.Typename == "Figure" {
					d = published[h.Node.Article.Slug]
				}
				if i > 0 && d != "" && last == "" {
					t.Errorf("result %d dated %s after an undated one; want undated results last", i, d)
				}
				if i > 0 && d != "" && last != "" && (d > last) == c.desc && d != last {
					t.Errorf("result %d dated %s after %s; want %s", i, d, last, strings.ToLower(c.sort))
				}
				last = d
			}
			for _, h := range all.Edges {
				wantIDs = append(wantIDs, h.Node.ID)
			}
			if !slices.Equal(sorted(ids), sorted(wantIDs)) {
				t.Errorf("sort %s returns %d results; want the same %d as by relevance", c.sort, len(ids), len(wantIDs))
			}
		})
	}
}

// TestSearchPagingBothWays walks searches forwards and backwards in small
// pages, in each order.
func TestSearchPagingBothWays(t *testing.T) {
	const q = `query SearchPage($sort: SearchSort, $first: Int, $after: String, $last: Int, $before: String) {
  c: search(query: "Malaysia", sort: $sort, first: $first, after: $after, last: $last, before: $before) { ` + pageFields + ` } }`
	for _, order := range []string{"RELEVANCE", "NEWEST", "OLDEST"} {
		t.Run(order, func(t *testing.T) {
			vars := map[string]any{"sort": order}
			whole := fetchPage(t, q, []string{"c"}, vars, map[string]any{"first": 100})
			want := sqlSearchCounts(t, "Malaysia")
			n := 0
			for _, c := range want {
				n += c
			}
			if len(whole.Nodes) != n || n < 5 {
				t.Fatalf("search Malaysia finds %d results; want %d (SQL), several pages' worth", len(whole.Nodes), n)
			}
			c := walkCase{name: "Search", query: q, path: []string{"c"}, vars: vars, want: n}
			for _, size := range []int{1, 3, 4} {
				got := walkForward(t, c, size)
				if !slices.Equal(got, whole.ids()) {
					t.Errorf("forwards in pages of %d: %v; want %v", size, got, whole.ids())
				}
				var back []string
				var before any
				for i := 0; ; i++ {
					if i > 100 {
						t.Fatal("more than 100 pages; hasPreviousPage never false")
					}
					p := fetchPage(t, q, []string{"c"}, vars, map[string]any{"last": size, "before": before})
					back = append(p.ids(), back...)
					if !p.PageInfo.HasPreviousPage {
						break
					}
					before = *p.PageInfo.StartCursor
				}
				if !slices.Equal(back, whole.ids()) {
					t.Errorf("backwards in pages of %d: %v; want %v", size, back, whole.ids())
				}
				if dup := duplicates(back); len(dup) > 0 {
					t.Errorf("backwards in pages of %d: duplicates %v", size, dup)
				}
			}
		})
	}
}

// TestSearchExactTitleFirst checks that a topic, event or project searched
// by its whole label or name comes first among the results of its type, even
// where another one's label and description hold the words more often
// ("New energy" against "New-energy vehicles").
func TestSearchExactTitleFirst(t *testing.T) {
	s := seed(t)
	var cases []struct{ typ, title string }
	for _, x := range s.Topics {
		cases = append(cases, struct{ typ, title string }{"TOPIC", x.Label})
	}
	for _, x := range s.Events {
		cases = append(cases, struct{ typ, title string }{"EVENT", x.Name})
	}
	for _, x := range s.Projects {
		cases = append(cases, struct{ typ, title string }{"PROJECT", x.Name})
	}
	if len(cases) == 0 {
		t.Fatal("the seeds have no topics, events or projects")
	}
	for _, c := range cases {
		res := runSearch(t, `"`+c.title+`"`, []string{c.typ})
		if len(res.Edges) == 0 {
			t.Errorf("search %q of type %s finds nothing", c.title, c.typ)
			continue
		}
		if n := res.Edges[0].Node; n.Label != c.title && n.Name != c.title {
			t.Errorf("search %q of type %s: first %q; want the one so named", c.title, c.typ, ownText(res.Edges[0]))
		}
	}
}

// TestFigureSnippetsShowTheValue searches for each seed figure by its
// metric: the figure's snippet is its metric and value whole, not only the
// words that matched, so that a result says what the figure is.
func TestFigureSnippetsShowTheValue(t *testing.T) {
	var got struct {
		Figures struct {
			Nodes []struct{ ID, Metric, Display string }
		}
	}
	data(t, `{ figures(first: 100) { nodes { id metric display } } }`, nil, &got)
	if len(got.Figures.Nodes) == 0 {
		t.Fatal("the seeds have no figures")
	}
	for _, f := range got.Figures.Nodes {
		want := f.Metric + ": " + f.Display
		found := false
		for _, h := range runSearch(t, f.Metric, []string{"FIGURE"}).Edges {
			if h.Node.ID != f.ID {
				continue
			}
			found = true
			if h.Snippet.Text != want {
				t.Errorf("search %q: the figure's snippet is %q; want %q", f.Metric, h.Snippet.Text, want)
			}
			if len(marked(t, h.Snippet)) == 0 {
				t.Errorf("search %q: the figure's snippet %q marks nothing", f.Metric, h.Snippet.Text)
			}
		}
		if !found {
			t.Errorf("search %q: the figure %s is not among the results", f.Metric, f.ID)
		}
	}
}

// TestShortTextsAreWholeSnippets checks that a hit whose text is short (a
// statement, an agreement's name and summary, a topic's label and
// description, of 280 characters or fewer) has all of it as its snippet,
// from its first word to its last stop, not the fragments around its
// matches.
func TestShortTextsAreWholeSnippets(t *testing.T) {
	checked := 0
	for _, query := range []string{"visa exemption", "digital economy", "joint statement"} {
		for _, h := range runSearch(t, query, []string{"STATEMENT", "AGREEMENT", "TOPIC"}).Edges {
			var text string
			switch h.Node.Typename {
			case "Statement":
				text = h.Node.Content
			case "Agreement":
				text = h.Node.Name
				if h.Node.Summary != nil {
					text += ". " + *h.Node.Summary
				}
			case "Topic":
				text = h.Node.Label
				if h.Node.Description != nil {
					text += ". " + *h.Node.Description
				}
			}
			if len([]rune(text)) > 280 || !slices.ContainsFunc(words(query), func(w string) bool { return slices.Contains(words(text), w) }) {
				continue // long, or found by its speaker's role
			}
			checked++
			if h.Snippet.Text != text {
				t.Errorf("search %q: %s %s has snippet %q; want its whole text %q", query, h.Node.Typename, h.Node.ID, h.Snippet.Text, text)
			}
		}
	}
	if checked < 5 {
		t.Errorf("checked %d short texts; want 5 or more", checked)
	}
}
