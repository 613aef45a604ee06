package graph_test

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"
	"unicode"
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

const searchQuery = `query Search($query: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor score
      snippet { text html highlights { start end } }
      node {
        __typename
        ... on Node { id }
        ... on Article { slug }
        ... on Statement { content speakerRole speaker { ... on UnnamedSpeaker { description } } }
        ... on Figure { metric }
        ... on Agreement { slug name }
        ... on Person { slug name }
        ... on Organization { slug name }
      }
    }
  }
}`

type searchResult struct {
	TotalCount int
	PageInfo   pageInfo
	Edges      []searchHit
}

func runSearch(t *testing.T, query string, types []string) searchResult {
	t.Helper()
	vars := map[string]any{"query": query, "first": 100}
	if types != nil {
		vars["types"] = types
	}
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
		{"ErrFirstTooLarge", map[string]any{"query": "Malaysia", "first": 101}, []string{"first"}},
		{"ErrGarbageCursor", map[string]any{"query": "Malaysia", "after": "garbage"}, []string{"after"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			wantError(t, searchQuery, c.vars, "BAD_USER_INPUT", c.words...)
		})
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
