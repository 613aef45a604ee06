package graph_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/seeds/document"
)

// filterCase is one filter and what the seeds say it selects.
type filterCase struct {
	name   string
	filter map[string]any
	want   []string
	// fuzzy: the result must contain want (names tolerate typos, so more
	// may match) and none of notWant.
	fuzzy   bool
	notWant []string
}

// runFilters runs each case against a root connection and compares the
// keys (keyField of each node) with what the case wants.
func runFilters(t *testing.T, root, inputType, keyField string, cases []filterCase) {
	t.Helper()
	q := fmt.Sprintf(`query Filter($filter: %s) { c: %s(first: 100, filter: $filter) { totalCount nodes { %s } } }`, inputType, root, keyField)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got struct {
				C struct {
					TotalCount int
					Nodes      []map[string]string
				}
			}
			data(t, q, map[string]any{"filter": c.filter}, &got)
			keys := make([]string, len(got.C.Nodes))
			for i, n := range got.C.Nodes {
				keys[i] = n[keyField]
			}
			if got.C.TotalCount != len(keys) {
				t.Errorf("totalCount %d; want %d, the number of nodes", got.C.TotalCount, len(keys))
			}
			if c.fuzzy {
				for _, w := range c.want {
					if !slices.Contains(keys, w) {
						t.Errorf("got %q; want it to include %q", keys, w)
					}
				}
				for _, w := range c.notWant {
					if slices.Contains(keys, w) {
						t.Errorf("got %q; want it not to include %q", keys, w)
					}
				}
				return
			}
			if g, w := sorted(keys), sorted(c.want); !slices.Equal(g, w) {
				t.Errorf("filter %v\n got %d: %q\nwant %d: %q", c.filter, len(g), g, len(w), w)
			}
		})
	}
}

// --- seed predicates ---------------------------------------------------------

// dateSpan returns the first and last day a seed date covers, or ok false
// when its year is unknown.
func dateSpan(d *document.DateDoc) (from, to string, ok bool) {
	if d == nil || d.Year == nil {
		return "", "", false
	}
	y := *d.Year
	switch {
	case d.Month == nil:
		return fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y), true
	case d.Day == nil:
		last := time.Date(y, time.Month(*d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
		return fmt.Sprintf("%04d-%02d-01", y, *d.Month), last.Format(time.DateOnly), true
	}
	day := fmt.Sprintf("%04d-%02d-%02d", y, *d.Month, *d.Day)
	return day, day, true
}

// overlaps reports whether a seed date's period overlaps the inclusive
// range [from, to] (either end "" for open).
func overlaps(d *document.DateDoc, from, to string) bool {
	lo, hi, ok := dateSpan(d)
	return ok && (from == "" || hi >= from) && (to == "" || lo <= to)
}

// hasWords reports whether text contains every one of the words (or
// "quoted phrases"), case-insensitively, as whole words.
func hasWords(text string, words ...string) bool {
	for _, w := range words {
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(w) + `\b`)
		if !re.MatchString(text) {
			return false
		}
	}
	return true
}

// speakerCountry reports whether a statement's speaker is tied to one of
// countries: through a role's organization or place, or the organization
// they are or speak for.
func speakerCountry(s *seedData, st seedStatement, countries map[string]bool) bool {
	orgIn := func(slug *string) bool {
		if slug == nil {
			return false
		}
		o := s.Organizations[*slug]
		return o.Country != nil && countries[*o.Country]
	}
	for _, af := range st.Affiliations {
		if af.Place != nil && countries[*af.Place] || orgIn(af.Organization) {
			return true
		}
	}
	return orgIn(st.Speaker.SpeaksFor) || orgIn(st.Speaker.Organization)
}

func (s *seedData) statements(pred func(seedStatement) bool) []string {
	var out []string
	for _, st := range s.Statements {
		if pred(st) {
			out = append(out, st.Content)
		}
	}
	return out
}

func (s *seedData) figures(pred func(seedFigure) bool) []string {
	var out []string
	for _, f := range s.Figures {
		if pred(f) {
			out = append(out, f.Metric)
		}
	}
	return out
}

func (s *seedData) articles(pred func(*document.Document) bool) []string {
	var out []string
	for _, d := range s.Articles {
		if pred(d) {
			out = append(out, d.Article.Slug)
		}
	}
	return out
}

// matching returns the keys of m whose value satisfies pred.
func matching[V any](m map[string]V, pred func(V) bool) []string {
	var out []string
	for k, v := range m {
		if pred(v) {
			out = append(out, k)
		}
	}
	return out
}

func published(s *seedData, article string) *document.DateDoc {
	for _, d := range s.Articles {
		if d.Article.Slug == article {
			return d.Article.Published
		}
	}
	return nil
}

func saidBy(st seedStatement, slugs ...string) bool {
	return st.Speaker.Person != nil && slices.Contains(slugs, *st.Speaker.Person)
}

func setOf(xs ...string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func decimal(s *string) (float64, bool) {
	if s == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(*s, 64)
	return v, err == nil
}

// --- the tests -----------------------------------------------------------------

// TestStatementFilter checks each field of StatementFilter and their
// combinations.
func TestStatementFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	conference := s.articleWith(t, "Translator: Xie Linxin")
	highTech := s.articleWith(t, "Exchange 106")
	malaysia, china := setOf("malaysia"), setOf("china")
	economy := s.orgTree("ministry-of-economy-malaysia")
	all := s.statements(func(seedStatement) bool { return true })
	notIn := func(sel []string) []string {
		var out []string
		for _, c := range all {
			if !slices.Contains(sel, c) {
				out = append(out, c)
			}
		}
		return out
	}
	cases := []filterCase{
		{name: "SpeakersOnePerson", filter: map[string]any{"speakers": x.entities(t, "suhaiza-hanim")},
			want: s.statements(func(st seedStatement) bool { return saidBy(st, "suhaiza-hanim") })},
		{name: "SpeakersTwoPeople", filter: map[string]any{"speakers": x.entities(t, "suhaiza-hanim", "liu-peilin")},
			want: s.statements(func(st seedStatement) bool { return saidBy(st, "suhaiza-hanim", "liu-peilin") })},
		{name: "SpeakersOrganization", filter: map[string]any{"speakers": x.entities(t, "cscec-malaysia")},
			want: s.statements(func(st seedStatement) bool {
				return st.Speaker.Organization != nil && *st.Speaker.Organization == "cscec-malaysia"
			})},
		{name: "SpeakerOrganizationsIncludeSubOrganizations", filter: map[string]any{"speakerOrganizations": x.entities(t, "ministry-of-economy-malaysia")},
			want: s.statements(func(st seedStatement) bool { return spokeFor(st, economy) })},
		{name: "SpeakerOrganizationsUnnamedStaff", filter: map[string]any{"speakerOrganizations": x.entities(t, "cscec-malaysia")},
			want: s.statements(func(st seedStatement) bool { return spokeFor(st, s.orgTree("cscec-malaysia")) })},
		{name: "SpeakerOrganizationsUniversities", filter: map[string]any{"speakerOrganizations": x.entities(t, "sun-yat-sen-university", "tsinghua-university")},
			want: s.statements(func(st seedStatement) bool {
				return spokeFor(st, s.orgTree("sun-yat-sen-university", "tsinghua-university"))
			})},
		{name: "SpeakerCountriesMalaysia", filter: map[string]any{"speakerCountries": x.entities(t, "malaysia")},
			want: s.statements(func(st seedStatement) bool { return speakerCountry(s, st, malaysia) })},
		{name: "SpeakerCountriesChina", filter: map[string]any{"speakerCountries": x.entities(t, "china")},
			want: s.statements(func(st seedStatement) bool { return speakerCountry(s, st, china) })},
		{name: "TopicsWithNarrowerTopics", filter: map[string]any{"topics": x.topics(t, "digital-economy")},
			want: s.statements(func(st seedStatement) bool { return anyIn(st.Topics, s.topicTree("digital-economy")) })},
		{name: "TopicsLeaf", filter: map[string]any{"topics": x.topics(t, "poverty-alleviation", "employment")},
			want: s.statements(func(st seedStatement) bool { return anyIn(st.Topics, setOf("poverty-alleviation", "employment")) })},
		{name: "Verbs", filter: map[string]any{"verbs": []string{"HIGHLIGHTED", "NOTED"}},
			want: s.statements(func(st seedStatement) bool { return st.Verb == "highlighted" || st.Verb == "noted" })},
		{name: "ModeParaphrase", filter: map[string]any{"mode": "PARAPHRASE"},
			want: s.statements(func(st seedStatement) bool { return st.Mode == "paraphrase" })},
		{name: "ModeQuote", filter: map[string]any{"mode": "QUOTE"},
			want: s.statements(func(st seedStatement) bool { return st.Mode == "quote" })},
		{name: "Articles", filter: map[string]any{"articles": []string{x.article(t, highTech)}},
			want: s.statements(func(st seedStatement) bool { return st.Article == highTech })},
		{name: "PublishedApril2025", filter: map[string]any{"published": map[string]any{"from": "2025-04-01", "to": "2025-04-30"}},
			want: s.statements(func(st seedStatement) bool { return overlaps(published(s, st.Article), "2025-04-01", "2025-04-30") })},
		{name: "PublishedBefore2025", filter: map[string]any{"published": map[string]any{"to": "2024-12-31"}},
			want: s.statements(func(st seedStatement) bool { return overlaps(published(s, st.Article), "", "2024-12-31") })},
		{name: "TextWord", filter: map[string]any{"text": "visa"},
			want: s.statements(func(st seedStatement) bool { return hasWords(st.Content+" "+orNull(st.Role), "visa") })},
		{name: "TextPhrase", filter: map[string]any{"text": `"digital economy"`},
			want: s.statements(func(st seedStatement) bool { return hasWords(st.Content+" "+orNull(st.Role), "digital economy") })},
		{name: "FieldsCombineWithAnd", filter: map[string]any{"articles": []string{x.article(t, conference)}, "topics": x.topics(t, "digital-economy")},
			want: s.statements(func(st seedStatement) bool {
				return st.Article == conference && anyIn(st.Topics, s.topicTree("digital-economy"))
			})},
		{name: "And", filter: map[string]any{"and": []any{
			map[string]any{"topics": x.topics(t, "cross-border-cooperation")},
			map[string]any{"speakerCountries": x.entities(t, "china")}}},
			want: s.statements(func(st seedStatement) bool {
				return anyIn(st.Topics, s.topicTree("cross-border-cooperation")) && speakerCountry(s, st, china)
			})},
		{name: "Or", filter: map[string]any{"or": []any{
			map[string]any{"speakers": x.entities(t, "suhaiza-hanim")},
			map[string]any{"verbs": []string{"EXPLAINED", "EMPHASIZED"}}}},
			want: s.statements(func(st seedStatement) bool {
				return saidBy(st, "suhaiza-hanim") || st.Verb == "explained" || st.Verb == "emphasized"
			})},
		{name: "Not", filter: map[string]any{"not": map[string]any{"articles": []string{x.article(t, highTech)}}},
			want: s.statements(func(st seedStatement) bool { return st.Article != highTech })},
		{name: "NotQuote", filter: map[string]any{"not": map[string]any{"mode": "QUOTE"}},
			want: notIn(s.statements(func(st seedStatement) bool { return st.Mode == "quote" }))},
		{name: "Nested", filter: map[string]any{"or": []any{
			map[string]any{"and": []any{map[string]any{"speakerCountries": x.entities(t, "malaysia")}, map[string]any{"verbs": []string{"NOTED"}}}},
			map[string]any{"not": map[string]any{"articles": []string{x.article(t, conference)}}, "text": "visa"}}},
			want: s.statements(func(st seedStatement) bool {
				return speakerCountry(s, st, malaysia) && st.Verb == "noted" ||
					st.Article != conference && hasWords(st.Content+" "+orNull(st.Role), "visa")
			})},
	}
	runFilters(t, "statements", "StatementFilter", "content", cases)

	// The brief's example: the Ministry of Economy's statements include
	// the one by Datuk Suhana of its Macroeconomic Division.
	t.Run("MinistryIncludesMacroeconomicDivision", func(t *testing.T) {
		var got struct {
			Statements struct {
				Nodes []struct{ Speaker struct{ Slug string } }
			}
		}
		data(t, `query Ministry($org: ID!) { statements(first: 100, filter: {speakerOrganizations: [$org]}) {
  nodes { speaker { ... on Person { slug } } } } }`, map[string]any{"org": x.entity(t, "ministry-of-economy-malaysia")}, &got)
		found := false
		for _, n := range got.Statements.Nodes {
			found = found || n.Speaker.Slug == "suhana"
		}
		if !found {
			t.Error("statements of the Ministry of Economy leave out Datuk Suhana of its Macroeconomic Division")
		}
	})
}

// TestFigureFilter checks each field of FigureFilter.
func TestFigureFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	highTech := s.articleWith(t, "Exchange 106")
	metric := func(q string) []string {
		return s.figures(func(f seedFigure) bool { return strings.Contains(strings.ToLower(f.Metric), strings.ToLower(q)) })
	}
	value := func(minV, maxV string) []string {
		return s.figures(func(f seedFigure) bool {
			v, ok := decimal(f.Value)
			lo, _ := strconv.ParseFloat(minV, 64)
			hi, _ := strconv.ParseFloat(maxV, 64)
			return ok && (minV == "" || v >= lo) && (maxV == "" || v <= hi)
		})
	}
	cases := []filterCase{
		{name: "MetricCaseInsensitive", filter: map[string]any{"metric": "gdp"}, want: metric("gdp")},
		{name: "MetricWords", filter: map[string]any{"metric": "KEY AREAS"}, want: metric("key areas")},
		{name: "MetricPercentIsLiteral", filter: map[string]any{"metric": "%"}, want: metric("%")},
		{name: "MetricUnderscoreIsLiteral", filter: map[string]any{"metric": "key_areas"}, want: metric("key_areas")},
		{name: "Subjects", filter: map[string]any{"subjects": x.entities(t, "malaysia")},
			want: s.figures(func(f seedFigure) bool { return f.Subject == "malaysia" })},
		{name: "SubjectsOfOtherKinds", filter: map[string]any{"subjects": x.entities(t, "china-malaysia-joint-statement-2025", "infinaxis-data-center")},
			want: s.figures(func(f seedFigure) bool {
				return f.Subject == "china-malaysia-joint-statement-2025" || f.Subject == "infinaxis-data-center"
			})},
		{name: "UnitsCount", filter: map[string]any{"units": []string{"COUNT"}},
			want: s.figures(func(f seedFigure) bool { return f.Unit == "count" })},
		{name: "UnitsDateOrPercent", filter: map[string]any{"units": []string{"DATE", "PERCENT"}},
			want: s.figures(func(f seedFigure) bool { return f.Unit == "date" || f.Unit == "percent" })},
		{name: "Period2024", filter: map[string]any{"period": map[string]any{"from": "2024-01-01", "to": "2024-12-31"}},
			want: s.figures(func(f seedFigure) bool { return overlaps(f.Period, "2024-01-01", "2024-12-31") })},
		{name: "PeriodOverlapsPartly", filter: map[string]any{"period": map[string]any{"from": "2024-06-15", "to": "2024-06-15"}},
			want: s.figures(func(f seedFigure) bool { return overlaps(f.Period, "2024-06-15", "2024-06-15") })},
		{name: "PeriodFrom2025", filter: map[string]any{"period": map[string]any{"from": "2025-01-01"}},
			want: s.figures(func(f seedFigure) bool { return overlaps(f.Period, "2025-01-01", "") })},
		{name: "ValueRangeInclusive", filter: map[string]any{"value": map[string]any{"min": "4", "max": "56"}}, want: value("4", "56")},
		{name: "ValueMin", filter: map[string]any{"value": map[string]any{"min": "5.1"}}, want: value("5.1", "")},
		{name: "ValueMax", filter: map[string]any{"value": map[string]any{"max": "3"}}, want: value("", "3")},
		{name: "ValueIntegerLiteral", filter: map[string]any{"value": map[string]any{"min": 50}}, want: value("50", "")},
		{name: "Articles", filter: map[string]any{"articles": []string{x.article(t, highTech)}},
			want: s.figures(func(f seedFigure) bool { return f.Article == highTech })},
		{name: "TopicsWithNarrowerTopics", filter: map[string]any{"topics": x.topics(t, "digital-economy")},
			want: s.figures(func(f seedFigure) bool { return anyIn(f.Topics, s.topicTree("digital-economy")) })},
		{name: "TopicsParent", filter: map[string]any{"topics": x.topics(t, "trade-and-investment")},
			want: s.figures(func(f seedFigure) bool { return anyIn(f.Topics, s.topicTree("trade-and-investment")) })},
		{name: "Or", filter: map[string]any{"or": []any{map[string]any{"metric": "GDP"}, map[string]any{"units": []string{"DATE"}}}},
			want: s.figures(func(f seedFigure) bool { return strings.Contains(f.Metric, "GDP") || f.Unit == "date" })},
		{name: "And", filter: map[string]any{"and": []any{map[string]any{"units": []string{"COUNT"}}, map[string]any{"value": map[string]any{"max": "10"}}}},
			want: s.figures(func(f seedFigure) bool { v, ok := decimal(f.Value); return f.Unit == "count" && ok && v <= 10 })},
		{name: "NotUnits", filter: map[string]any{"not": map[string]any{"units": []string{"DATE"}}},
			want: s.figures(func(f seedFigure) bool { return f.Unit != "date" })},
		// A date figure has no value, so it does not match a value range,
		// so it matches the range's negation.
		{name: "NotValue", filter: map[string]any{"not": map[string]any{"value": map[string]any{"min": "10"}}},
			want: s.figures(func(f seedFigure) bool { v, ok := decimal(f.Value); return !(ok && v >= 10) })},
		{name: "NotPeriod", filter: map[string]any{"not": map[string]any{"period": map[string]any{"from": "2024-01-01", "to": "2024-12-31"}}},
			want: s.figures(func(f seedFigure) bool { return !overlaps(f.Period, "2024-01-01", "2024-12-31") })},
	}
	runFilters(t, "figures", "FigureFilter", "metric", cases)
}

// TestAgreementFilter checks each field of AgreementFilter.
func TestAgreementFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	party := func(a document.AgreementDoc, slug string) bool {
		return slices.ContainsFunc(a.Parties, func(p document.PartyDoc) bool { return p.Entity == slug })
	}
	status := func(a document.AgreementDoc, ss ...string) bool {
		return a.Status != nil && slices.Contains(ss, *a.Status)
	}
	cases := []filterCase{
		{name: "KindsPolicy", filter: map[string]any{"kinds": []string{"POLICY"}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return a.Kind == "policy" })},
		{name: "KindsTwo", filter: map[string]any{"kinds": []string{"INITIATIVE", "COOPERATION_MODEL"}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return a.Kind == "initiative" || a.Kind == "cooperation_model" })},
		{name: "PartiesChina", filter: map[string]any{"parties": x.entities(t, "china")},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return party(a, "china") })},
		{name: "PartiesAnyOf", filter: map[string]any{"parties": x.entities(t, "china", "malaysia")},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return party(a, "china") || party(a, "malaysia") })},
		{name: "PartiesBoth", filter: map[string]any{"and": []any{
			map[string]any{"parties": x.entities(t, "china")}, map[string]any{"parties": x.entities(t, "malaysia")}}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return party(a, "china") && party(a, "malaysia") })},
		{name: "StatusesSigned", filter: map[string]any{"statuses": []string{"SIGNED"}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return status(a, "signed") })},
		{name: "StatusesTwo", filter: map[string]any{"statuses": []string{"ESTABLISHED", "AGREED"}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return status(a, "established", "agreed") })},
		{name: "DateApril2025", filter: map[string]any{"date": map[string]any{"from": "2025-04-01", "to": "2025-04-30"}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return overlaps(a.Date, "2025-04-01", "2025-04-30") })},
		{name: "DateBefore2025", filter: map[string]any{"date": map[string]any{"to": "2024-12-31"}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return overlaps(a.Date, "", "2024-12-31") })},
		{name: "TopicsWithNarrowerTopics", filter: map[string]any{"topics": x.topics(t, "trade-and-investment")},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return anyIn(a.Topics, s.topicTree("trade-and-investment")) })},
		{name: "TopicsDigitalEconomy", filter: map[string]any{"topics": x.topics(t, "digital-economy")},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return anyIn(a.Topics, s.topicTree("digital-economy")) })},
		{name: "Text", filter: map[string]any{"text": "poverty"},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return hasWords(a.Name+" "+orNull(a.Summary), "poverty") })},
		{name: "TextExclusion", filter: map[string]any{"text": "Malaysia -China"},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool {
				t := a.Name + " " + orNull(a.Summary)
				return hasWords(t, "Malaysia") && !hasWords(t, "China")
			})},
		{name: "Or", filter: map[string]any{"or": []any{map[string]any{"kinds": []string{"POLICY"}}, map[string]any{"statuses": []string{"SIGNED"}}}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return a.Kind == "policy" || status(a, "signed") })},
		{name: "NotKinds", filter: map[string]any{"not": map[string]any{"kinds": []string{"POLICY"}}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return a.Kind != "policy" })},
		// An agreement whose status the articles do not give is not SIGNED.
		{name: "NotStatuses", filter: map[string]any{"not": map[string]any{"statuses": []string{"SIGNED"}}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return !status(a, "signed") })},
		{name: "NotDate", filter: map[string]any{"not": map[string]any{"date": map[string]any{"from": "2025-01-01"}}},
			want: matching(s.Agreements, func(a document.AgreementDoc) bool { return !overlaps(a.Date, "2025-01-01", "") })},
	}
	runFilters(t, "agreements", "AgreementFilter", "slug", cases)
}

// TestPersonFilter checks PersonFilter: names tolerate typos and
// honorifics; organizations include their sub-organizations.
func TestPersonFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	affiliated := func(orgs map[string]bool) []string {
		m := map[string]bool{}
		for _, a := range s.Affiliations {
			if a.Organization != nil && orgs[*a.Organization] {
				m[a.Person] = true
			}
		}
		return sortedKeys(m)
	}
	var notEconomy []string
	for slug := range s.People {
		if !slices.Contains(affiliated(s.orgTree("ministry-of-economy-malaysia")), slug) {
			notEconomy = append(notEconomy, slug)
		}
	}
	cases := []filterCase{
		{name: "Name", filter: map[string]any{"name": "Mustapa"}, want: []string{"mustapa-bin-mohamed"}, fuzzy: true, notWant: []string{"xi-jinping", "suhaiza-hanim"}},
		{name: "NameLowerCase", filter: map[string]any{"name": "suhaiza"}, want: []string{"suhaiza-hanim"}, fuzzy: true, notWant: []string{"xi-jinping"}},
		{name: "NameTypo", filter: map[string]any{"name": "Suhaza"}, want: []string{"suhaiza-hanim"}, fuzzy: true, notWant: []string{"xi-jinping", "mustapa-bin-mohamed"}},
		{name: "NameWithHonorifics", filter: map[string]any{"name": "Dato' Sri Mustapa"}, want: []string{"mustapa-bin-mohamed"}, fuzzy: true, notWant: []string{"xi-jinping"}},
		{name: "NameWithTitle", filter: map[string]any{"name": "Professor Bu Maoliang"}, want: []string{"bu-maoliang"}, fuzzy: true, notWant: []string{"xi-jinping"}},
		{name: "OrganizationsIncludeSubOrganizations", filter: map[string]any{"organizations": x.entities(t, "ministry-of-economy-malaysia")},
			want: affiliated(s.orgTree("ministry-of-economy-malaysia"))},
		{name: "OrganizationsGarbledInstitution", filter: map[string]any{"organizations": x.entities(t, "youmi-garbled-institution")},
			want: affiliated(s.orgTree("youmi-garbled-institution"))},
		{name: "OrganizationsPlaceRolesAreNot", filter: map[string]any{"organizations": x.entities(t, "foreign-ministry-china", "association-of-interaction-malaysia-china")},
			want: affiliated(setOf("foreign-ministry-china", "association-of-interaction-malaysia-china"))},
		{name: "And", filter: map[string]any{"name": "Suhana", "organizations": x.entities(t, "ministry-of-economy-malaysia")},
			want: []string{"suhana"}, fuzzy: true, notWant: []string{"suhaiza-hanim", "mustapa-bin-mohamed"}},
		{name: "Or", filter: map[string]any{"or": []any{
			map[string]any{"organizations": x.entities(t, "ministry-of-economy-malaysia")},
			map[string]any{"organizations": x.entities(t, "tsinghua-university")}}},
			want: affiliated(s.orgTree("ministry-of-economy-malaysia", "tsinghua-university"))},
		{name: "Not", filter: map[string]any{"not": map[string]any{"organizations": x.entities(t, "ministry-of-economy-malaysia")}},
			want: notEconomy},
	}
	runFilters(t, "people", "PersonFilter", "slug", cases)
}

// TestOrganizationFilter checks OrganizationFilter.
func TestOrganizationFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	kind := func(o document.OrganizationDoc, ks ...string) bool {
		return o.Kind != nil && slices.Contains(ks, *o.Kind)
	}
	country := func(o document.OrganizationDoc, c string) bool { return o.Country != nil && *o.Country == c }
	cases := []filterCase{
		{name: "KindsUniversity", filter: map[string]any{"kinds": []string{"UNIVERSITY"}},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return kind(o, "university") })},
		{name: "KindsTwo", filter: map[string]any{"kinds": []string{"MINISTRY", "DEPARTMENT"}},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return kind(o, "ministry", "department") })},
		{name: "CountriesMalaysia", filter: map[string]any{"countries": x.entities(t, "malaysia")},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return country(o, "malaysia") })},
		{name: "CountriesChina", filter: map[string]any{"countries": x.entities(t, "china")},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return country(o, "china") })},
		{name: "NameAcronym", filter: map[string]any{"name": "CSCEC"}, want: []string{"cscec-malaysia"}, fuzzy: true, notWant: []string{"tsinghua-university"}},
		{name: "NameTypo", filter: map[string]any{"name": "Tsinghua Univrsity"}, want: []string{"tsinghua-university"}, fuzzy: true, notWant: []string{"huawei", "gds"}},
		{name: "And", filter: map[string]any{"kinds": []string{"COMPANY"}, "countries": x.entities(t, "china")},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return kind(o, "company") && country(o, "china") })},
		{name: "Or", filter: map[string]any{"or": []any{map[string]any{"kinds": []string{"ACADEMY"}}, map[string]any{"kinds": []string{"ASSOCIATION"}}}},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return kind(o, "academy", "association") })},
		// Organizations whose kind or country the articles do not give do
		// not match a kind or country, so they match its negation.
		{name: "NotKinds", filter: map[string]any{"not": map[string]any{"kinds": []string{"UNIVERSITY"}}},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return !kind(o, "university") })},
		{name: "NotCountries", filter: map[string]any{"not": map[string]any{"countries": x.entities(t, "china")}},
			want: matching(s.Organizations, func(o document.OrganizationDoc) bool { return !country(o, "china") })},
	}
	runFilters(t, "organizations", "OrganizationFilter", "slug", cases)
}

// TestPlaceFilter checks PlaceFilter.
func TestPlaceFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	in := func(p document.PlaceDoc, c string) bool { return p.Country != nil && *p.Country == c }
	cases := []filterCase{
		{name: "KindsCity", filter: map[string]any{"kinds": []string{"CITY"}},
			want: matching(s.Places, func(p document.PlaceDoc) bool { return p.Kind == "city" })},
		{name: "KindsTwo", filter: map[string]any{"kinds": []string{"COUNTRY", "BUILDING"}},
			want: matching(s.Places, func(p document.PlaceDoc) bool { return p.Kind == "country" || p.Kind == "building" })},
		{name: "CountriesMalaysia", filter: map[string]any{"countries": x.entities(t, "malaysia")},
			want: matching(s.Places, func(p document.PlaceDoc) bool { return in(p, "malaysia") })},
		{name: "Or", filter: map[string]any{"or": []any{map[string]any{"kinds": []string{"INDUSTRIAL_PARK"}}, map[string]any{"countries": x.entities(t, "malaysia")}}},
			want: matching(s.Places, func(p document.PlaceDoc) bool { return p.Kind == "industrial_park" || in(p, "malaysia") })},
		{name: "NotKinds", filter: map[string]any{"not": map[string]any{"kinds": []string{"COUNTRY"}}},
			want: matching(s.Places, func(p document.PlaceDoc) bool { return p.Kind != "country" })},
		{name: "NotCountries", filter: map[string]any{"not": map[string]any{"countries": x.entities(t, "malaysia")}},
			want: matching(s.Places, func(p document.PlaceDoc) bool { return !in(p, "malaysia") })},
	}
	runFilters(t, "places", "PlaceFilter", "slug", cases)
}

// TestEventFilter checks EventFilter.
func TestEventFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	at := func(e document.EventDoc, places map[string]bool) bool { return e.Place != nil && places[*e.Place] }
	cases := []filterCase{
		{name: "Date2025", filter: map[string]any{"date": map[string]any{"from": "2025-01-01", "to": "2025-12-31"}},
			want: matching(s.Events, func(e document.EventDoc) bool { return overlaps(e.Date, "2025-01-01", "2025-12-31") })},
		{name: "PlacesCountry", filter: map[string]any{"places": x.entities(t, "malaysia")},
			want: matching(s.Events, func(e document.EventDoc) bool { return at(e, s.placeTree("malaysia")) })},
		{name: "PlacesCity", filter: map[string]any{"places": x.entities(t, "kuala-lumpur")},
			want: matching(s.Events, func(e document.EventDoc) bool { return at(e, s.placeTree("kuala-lumpur")) })},
		{name: "Topics", filter: map[string]any{"topics": x.topics(t, "cross-border-cooperation")},
			want: matching(s.Events, func(e document.EventDoc) bool { return anyIn(e.Topics, s.topicTree("cross-border-cooperation")) })},
		{name: "TopicsWithNarrowerTopics", filter: map[string]any{"topics": x.topics(t, "trade-and-investment")},
			want: matching(s.Events, func(e document.EventDoc) bool { return anyIn(e.Topics, s.topicTree("trade-and-investment")) })},
		{name: "Or", filter: map[string]any{"or": []any{map[string]any{"places": x.entities(t, "malaysia")}, map[string]any{"topics": x.topics(t, "income-equality")}}},
			want: matching(s.Events, func(e document.EventDoc) bool {
				return at(e, s.placeTree("malaysia")) || anyIn(e.Topics, s.topicTree("income-equality"))
			})},
		{name: "NotTopics", filter: map[string]any{"not": map[string]any{"topics": x.topics(t, "cross-border-cooperation")}},
			want: matching(s.Events, func(e document.EventDoc) bool { return !anyIn(e.Topics, s.topicTree("cross-border-cooperation")) })},
		// Events whose place the articles do not give are not in Malaysia.
		{name: "NotPlaces", filter: map[string]any{"not": map[string]any{"places": x.entities(t, "malaysia")}},
			want: matching(s.Events, func(e document.EventDoc) bool { return !at(e, s.placeTree("malaysia")) })},
	}
	runFilters(t, "events", "EventFilter", "slug", cases)
}

// TestArticleFilter checks ArticleFilter.
func TestArticleFilter(t *testing.T) {
	s, x := seed(t), lookup(t)
	named := func(d *document.Document, slugs ...string) bool {
		for _, e := range slugs {
			if s.Named[d.Article.Slug][e] {
				return true
			}
		}
		return false
	}
	cases := []filterCase{
		{name: "PublishedDay", filter: map[string]any{"published": map[string]any{"from": "2025-04-18", "to": "2025-04-18"}},
			want: s.articles(func(d *document.Document) bool { return overlaps(d.Article.Published, "2025-04-18", "2025-04-18") })},
		{name: "PublishedBefore", filter: map[string]any{"published": map[string]any{"to": "2025-04-17"}},
			want: s.articles(func(d *document.Document) bool { return overlaps(d.Article.Published, "", "2025-04-17") })},
		{name: "PublishedFrom", filter: map[string]any{"published": map[string]any{"from": "2025-01-01"}},
			want: s.articles(func(d *document.Document) bool { return overlaps(d.Article.Published, "2025-01-01", "") })},
		{name: "TopicsLeaf", filter: map[string]any{"topics": x.topics(t, "big-data")},
			want: s.articles(func(d *document.Document) bool { return anyIn(d.Article.Topics, setOf("big-data")) })},
		{name: "TopicsWithNarrowerTopics", filter: map[string]any{"topics": x.topics(t, "new-energy")},
			want: s.articles(func(d *document.Document) bool { return anyIn(d.Article.Topics, s.topicTree("new-energy")) })},
		{name: "MentionsPerson", filter: map[string]any{"mentions": x.entities(t, "xi-jinping")},
			want: s.articles(func(d *document.Document) bool { return named(d, "xi-jinping") })},
		{name: "MentionsOrganization", filter: map[string]any{"mentions": x.entities(t, "sunway-university")},
			want: s.articles(func(d *document.Document) bool { return named(d, "sunway-university") })},
		{name: "MentionsCountry", filter: map[string]any{"mentions": x.entities(t, "malaysia")},
			want: s.articles(func(d *document.Document) bool { return named(d, "malaysia") })},
		{name: "MentionsProjectOrAgreement", filter: map[string]any{"mentions": x.entities(t, "infinaxis-data-center", "rcep")},
			want: s.articles(func(d *document.Document) bool { return named(d, "infinaxis-data-center", "rcep") })},
		{name: "TextWord", filter: map[string]any{"text": "Huawei"},
			want: s.articles(func(d *document.Document) bool { return hasWords(d.Text, "Huawei") })},
		{name: "TextPhrase", filter: map[string]any{"text": `"digital economy"`},
			want: s.articles(func(d *document.Document) bool { return hasWords(d.Text, "digital economy") })},
		{name: "TextExclusion", filter: map[string]any{"text": "Malaysia -Huawei"},
			want: s.articles(func(d *document.Document) bool { return hasWords(d.Text, "Malaysia") && !hasWords(d.Text, "Huawei") })},
		{name: "TextOr", filter: map[string]any{"text": "Huawei OR Tsinghua"},
			want: s.articles(func(d *document.Document) bool { return hasWords(d.Text, "Huawei") || hasWords(d.Text, "Tsinghua") })},
		{name: "And", filter: map[string]any{"and": []any{map[string]any{"topics": x.topics(t, "digital-economy")}, map[string]any{"mentions": x.entities(t, "sunway-university")}}},
			want: s.articles(func(d *document.Document) bool {
				return anyIn(d.Article.Topics, s.topicTree("digital-economy")) && named(d, "sunway-university")
			})},
		{name: "Or", filter: map[string]any{"or": []any{map[string]any{"text": "Huawei"}, map[string]any{"mentions": x.entities(t, "sunway-university")}}},
			want: s.articles(func(d *document.Document) bool { return hasWords(d.Text, "Huawei") || named(d, "sunway-university") })},
		{name: "NotTopics", filter: map[string]any{"not": map[string]any{"topics": x.topics(t, "big-data")}},
			want: s.articles(func(d *document.Document) bool { return !anyIn(d.Article.Topics, setOf("big-data")) })},
		// The article with no date was not published in 2025 as far as
		// anyone knows, so it matches the negation.
		{name: "NotPublished", filter: map[string]any{"not": map[string]any{"published": map[string]any{"from": "2025-01-01"}}},
			want: s.articles(func(d *document.Document) bool { return !overlaps(d.Article.Published, "2025-01-01", "") })},
	}
	runFilters(t, "articles", "ArticleFilter", "slug", cases)
}

// TestFilterIDs checks the IDs given to filters: a well-formed ID that
// names nothing is NOT_FOUND naming its path; a malformed ID or an ID of a
// type the field does not take is BAD_USER_INPUT naming its path.
func TestFilterIDs(t *testing.T) {
	x := lookup(t)
	person, org, country := x.entity(t, "suhaiza-hanim"), x.entity(t, "ministry-of-economy-malaysia"), x.entity(t, "malaysia")
	topic, article := x.topic(t, "digital-economy"), x.article(t, seed(t).articleWith(t, "Exchange 106"))
	for _, c := range []struct {
		root, inputType, field string
		valid, wrongType       string
	}{
		{"articles", "ArticleFilter", "topics", topic, person},
		{"articles", "ArticleFilter", "mentions", person, topic},
		{"statements", "StatementFilter", "speakers", person, topic},
		{"statements", "StatementFilter", "speakerOrganizations", org, person},
		{"statements", "StatementFilter", "speakerCountries", country, org},
		{"statements", "StatementFilter", "topics", topic, article},
		{"statements", "StatementFilter", "articles", article, topic},
		{"figures", "FigureFilter", "subjects", country, article},
		{"figures", "FigureFilter", "articles", article, country},
		{"figures", "FigureFilter", "topics", topic, country},
		{"agreements", "AgreementFilter", "parties", country, topic},
		{"agreements", "AgreementFilter", "topics", topic, country},
		{"people", "PersonFilter", "organizations", org, person},
		{"organizations", "OrganizationFilter", "countries", country, org},
		{"places", "PlaceFilter", "countries", country, topic},
		{"events", "EventFilter", "places", country, org},
		{"events", "EventFilter", "topics", topic, country},
	} {
		q := fmt.Sprintf(`query F($filter: %s) { %s(filter: $filter) { totalCount } }`, c.inputType, c.root)
		prefix := c.root + "." + c.field
		t.Run(prefix+"/OK", func(t *testing.T) {
			var got map[string]struct{ TotalCount int }
			data(t, q, map[string]any{"filter": map[string]any{c.field: []string{c.valid}}}, &got)
		})
		t.Run(prefix+"/ErrNotFound", func(t *testing.T) {
			wantError(t, q, map[string]any{"filter": map[string]any{c.field: []string{c.valid, unknownID(t, c.valid)}}},
				"NOT_FOUND", "filter."+c.field+"[1]")
		})
		t.Run(prefix+"/ErrNotFoundNested", func(t *testing.T) {
			f := map[string]any{"or": []any{map[string]any{}, map[string]any{"not": map[string]any{c.field: []string{unknownID(t, c.valid)}}}}}
			wantError(t, q, map[string]any{"filter": f}, "NOT_FOUND", "filter.or[1].not."+c.field+"[0]")
		})
		t.Run(prefix+"/ErrMalformed", func(t *testing.T) {
			wantError(t, q, map[string]any{"filter": map[string]any{c.field: []string{"not-an-id"}}}, "BAD_USER_INPUT", "filter."+c.field+"[0]")
		})
		t.Run(prefix+"/ErrWrongType", func(t *testing.T) {
			wantError(t, q, map[string]any{"filter": map[string]any{c.field: []string{c.valid, c.wrongType}}}, "BAD_USER_INPUT", "filter."+c.field+"[1]")
		})
	}
}

// TestFilterScalars checks dates, date ranges and decimals given to
// filters: bad ones are the client's mistake (BAD_USER_INPUT or a
// validation failure), never an internal error.
func TestFilterScalars(t *testing.T) {
	for _, c := range []struct {
		name, query string
		vars        map[string]any
		words       []string
	}{
		{"DateRangeBackwards", `query F($f: ArticleFilter) { articles(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{"published": map[string]any{"from": "2025-05-01", "to": "2025-04-01"}}}, []string{"filter.published"}},
		{"NestedDateRangeBackwards", `query F($f: EventFilter) { events(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{"and": []any{map[string]any{"date": map[string]any{"from": "2025-05-01", "to": "2025-04-01"}}}}}, []string{"filter.and[0].date"}},
		{"BadDateVariable", `query F($f: ArticleFilter) { articles(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{"published": map[string]any{"from": "2025-13-01"}}}, []string{"2025-13-01"}},
		{"BadDateLiteral", `query F { articles(filter: {published: {from: "18 April 2025"}}) { totalCount } }`, nil, []string{"18 April 2025"}},
		{"BadDecimalVariable", `query F($f: FigureFilter) { figures(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{"value": map[string]any{"min": "five"}}}, []string{"five"}},
		{"BadDecimalLiteral", `query F { figures(filter: {value: {max: "1e3"}}) { totalCount } }`, nil, []string{"1e3"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, res := send(t, c.query, c.vars)
			if len(res.Errors) == 0 {
				t.Fatalf("no error; data %s", res.Data)
			}
			e := res.Errors[0]
			code := e.Extensions["code"]
			if code != "BAD_USER_INPUT" && code != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("status %d, extensions.code %v (%q); want BAD_USER_INPUT or GRAPHQL_VALIDATION_FAILED", status, code, e.Message)
			}
			for _, w := range c.words {
				if !strings.Contains(e.Message, w) {
					t.Errorf("message %q does not name %q", e.Message, w)
				}
			}
		})
	}
}

// TestFilterParts checks that a filter holds at most maxFilterParts and,
// or and not parts in all, however they nest: each part may look IDs up,
// and a hostile probe's 1,000 or-branches, under 15 aliases, made one
// request send 15,015 SQL statements.
func TestFilterParts(t *testing.T) {
	x := lookup(t)
	person := x.entity(t, "suhaiza-hanim")
	const q = `query F($f: StatementFilter) { statements(filter: $f) { totalCount } }`
	branches := func(n int) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = map[string]any{"speakers": []string{person}}
		}
		return out
	}
	var got struct{ Statements struct{ TotalCount int } }
	data(t, q, map[string]any{"f": map[string]any{"or": branches(32)}}, &got)
	if got.Statements.TotalCount == 0 {
		t.Errorf("32 or-branches naming %s: no statements", person)
	}
	wantError(t, q, map[string]any{"f": map[string]any{"or": branches(33)}}, "BAD_USER_INPUT", "at most 32")
	// 2 + 16 + 17 = 35 parts, none more than 32 at its level
	nested := map[string]any{"and": []any{map[string]any{"or": branches(16)}, map[string]any{"or": branches(17)}}}
	wantError(t, q, map[string]any{"f": nested}, "BAD_USER_INPUT", "at most 32")
}

// TestEmptyBooleanParts checks that an empty and selects every row (no
// condition to meet) and an empty or none (no condition met), as a list of
// no speakers selects no statements; an empty or selected every row.
func TestEmptyBooleanParts(t *testing.T) {
	const q = `query F($f: StatementFilter) { statements(filter: $f) { totalCount } }`
	count := func(f map[string]any) int {
		t.Helper()
		var got struct{ Statements struct{ TotalCount int } }
		data(t, q, map[string]any{"f": f}, &got)
		return got.Statements.TotalCount
	}
	all := count(nil)
	if all == 0 {
		t.Fatal("no statements in the seeds")
	}
	for _, c := range []struct {
		name   string
		filter map[string]any
		want   int
	}{
		{"EmptyAnd", map[string]any{"and": []any{}}, all},
		{"EmptyOr", map[string]any{"or": []any{}}, 0},
		{"NotEmptyOr", map[string]any{"not": map[string]any{"or": []any{}}}, all},
		{"NoSpeakers", map[string]any{"speakers": []string{}}, 0},
	} {
		if got := count(c.filter); got != c.want {
			t.Errorf("%s: %d statements; want %d", c.name, got, c.want)
		}
	}
}

// TestEmptyListsKeepTheirMeaningBesideNoList checks that a nested filter
// with an empty list (or: [], speakers: []) is not taken for the same
// filter without it in one request: the filters converted once per request
// were keyed by their JSON, which leaves empty lists out, so that whichever
// came first answered for both.
func TestEmptyListsKeepTheirMeaningBesideNoList(t *testing.T) {
	const q = `query F($a: StatementFilter, $b: StatementFilter) { articles(first: 2) { nodes {
		a: statements(filter: $a) { totalCount } b: statements(filter: $b) { totalCount } } } }`
	type counts struct {
		Articles struct {
			Nodes []struct{ A, B struct{ TotalCount int } }
		}
	}
	for _, empty := range []map[string]any{{"or": []any{}}, {"speakers": []string{}}} {
		for _, swap := range []bool{false, true} {
			a, b := map[string]any{}, empty
			if swap {
				a, b = b, a
			}
			var got counts
			data(t, q, map[string]any{"a": a, "b": b}, &got)
			all := 0
			for _, n := range got.Articles.Nodes {
				none, some := n.B.TotalCount, n.A.TotalCount
				if swap {
					none, some = some, none
				}
				if none != 0 {
					t.Errorf("%v beside {} (swapped %v): %d statements; want 0", empty, swap, none)
				}
				all += some
			}
			if all == 0 {
				t.Errorf("{} beside %v (swapped %v): no statements in any article", empty, swap)
			}
		}
	}
}
