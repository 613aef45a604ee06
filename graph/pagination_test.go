package graph_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// walkCase is a connection to page through: a query with $first, $after,
// $last and $before (and the variables in vars) whose connection is at path.
type walkCase struct {
	name  string
	query string
	path  []string
	vars  map[string]any
	// want is how many items the seeds say the connection holds.
	want int
}

// rootWalk is the query of a root connection with an optional orderBy.
func rootWalk(field, orderType string) string {
	if orderType == "" {
		return fmt.Sprintf(`query Walk($first: Int, $after: String, $last: Int, $before: String) {
  c: %s(first: $first, after: $after, last: $last, before: $before) { %s }
}`, field, pageFields)
	}
	return fmt.Sprintf(`query Walk($first: Int, $after: String, $last: Int, $before: String, $orderBy: %s) {
  c: %s(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) { %s }
}`, orderType, field, pageFields)
}

// nestedWalk is the query of a connection of the object with global ID $id.
func nestedWalk(typ, field string) string {
	return fmt.Sprintf(`query WalkNested($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  node(id: $id) { ... on %s { c: %s(first: $first, after: $after, last: $last, before: $before) { %s } } }
}`, typ, field, pageFields)
}

// walkCases are the connections the pagination tests page through, with
// the number of items the seeds give each.
func walkCases(t *testing.T) []walkCase {
	t.Helper()
	s, x := seed(t), lookup(t)
	conference := s.articleWith(t, "Translator: Xie Linxin")
	count := func(pred func(seedStatement) bool) int {
		n := 0
		for _, st := range s.Statements {
			if pred(st) {
				n++
			}
		}
		return n
	}
	economy := s.orgTree("ministry-of-economy-malaysia")
	var articlesNamingMalaysia, peopleInConference int
	for _, d := range s.Articles {
		if s.Named[d.Article.Slug]["malaysia"] {
			articlesNamingMalaysia++
		}
	}
	for slug, named := range s.Named[conference] {
		if _, ok := s.People[slug]; ok && named {
			peopleInConference++
		}
	}
	var topicCount, agreementCount, orgCount, placeCount, eventCount = len(s.Topics), len(s.Agreements), len(s.Organizations), len(s.Places), len(s.Events)
	return []walkCase{
		{name: "Articles", query: rootWalk("articles", ""), path: []string{"c"}, want: len(s.Articles)},
		{name: "ArticlesBySlugDesc", query: rootWalk("articles", "ArticleOrder"), path: []string{"c"},
			vars: map[string]any{"orderBy": map[string]any{"field": "SLUG", "direction": "DESC"}}, want: len(s.Articles)},
		{name: "Statements", query: rootWalk("statements", ""), path: []string{"c"}, want: len(s.Statements)},
		{name: "StatementsDesc", query: rootWalk("statements", "StatementOrder"), path: []string{"c"},
			vars: map[string]any{"orderBy": map[string]any{"field": "ARTICLE", "direction": "DESC"}}, want: len(s.Statements)},
		{name: "Figures", query: rootWalk("figures", ""), path: []string{"c"}, want: len(s.Figures)},
		{name: "FiguresByValue", query: rootWalk("figures", "FigureOrder"), path: []string{"c"},
			vars: map[string]any{"orderBy": map[string]any{"field": "VALUE", "direction": "ASC"}}, want: len(s.Figures)},
		{name: "Agreements", query: rootWalk("agreements", ""), path: []string{"c"}, want: agreementCount},
		{name: "AgreementsByDateDesc", query: rootWalk("agreements", "AgreementOrder"), path: []string{"c"},
			vars: map[string]any{"orderBy": map[string]any{"field": "DATE", "direction": "DESC"}}, want: agreementCount},
		{name: "People", query: rootWalk("people", ""), path: []string{"c"}, want: len(s.People)},
		{name: "Organizations", query: rootWalk("organizations", ""), path: []string{"c"}, want: orgCount},
		{name: "Places", query: rootWalk("places", ""), path: []string{"c"}, want: placeCount},
		{name: "Events", query: rootWalk("events", ""), path: []string{"c"}, want: eventCount},
		{name: "Topics", query: rootWalk("topics", ""), path: []string{"c"}, want: topicCount},
		{name: "TopicsByLabelDesc", query: rootWalk("topics", "TopicOrder"), path: []string{"c"},
			vars: map[string]any{"orderBy": map[string]any{"field": "LABEL", "direction": "DESC"}}, want: topicCount},
		{name: "ArticleStatements", query: nestedWalk("Article", "statements"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.article(t, conference)}, want: count(func(st seedStatement) bool { return st.Article == conference })},
		{name: "ArticlePeople", query: nestedWalk("Article", "people"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.article(t, conference)}, want: peopleInConference},
		{name: "PersonStatements", query: nestedWalk("Person", "statements"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.entity(t, "gan-tian-loo")},
			want: count(func(st seedStatement) bool { return st.Speaker.Person != nil && *st.Speaker.Person == "gan-tian-loo" })},
		{name: "TopicStatements", query: nestedWalk("Topic", "statements"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.topic(t, "cross-border-cooperation")},
			want: count(func(st seedStatement) bool { return anyIn(st.Topics, s.topicTree("cross-border-cooperation")) })},
		{name: "OrganizationStatements", query: nestedWalk("Organization", "statements"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.entity(t, "ministry-of-economy-malaysia")},
			want: count(func(st seedStatement) bool { return spokeFor(st, economy) })},
		{name: "PlaceArticles", query: nestedWalk("Place", "articles"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.entity(t, "malaysia")}, want: articlesNamingMalaysia},
		{name: "TopicStatementsWithNarrowerTopics", query: nestedWalk("Topic", "statements"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.topic(t, "digital-economy")},
			want: count(func(st seedStatement) bool { return anyIn(st.Topics, s.topicTree("digital-economy")) })},
		{name: "TopicArticles", query: nestedWalk("Topic", "articles"), path: []string{"node", "c"},
			vars: map[string]any{"id": x.topic(t, "digital-economy")},
			want: func() int {
				n := 0
				for _, d := range s.Articles {
					if anyIn(d.Article.Topics, s.topicTree("digital-economy")) {
						n++
					}
				}
				return n
			}()},
	}
}

// spokeFor reports whether a statement was made by one of orgs, its people
// speaking in a role there, or staff speaking for it.
func spokeFor(st seedStatement, orgs map[string]bool) bool {
	if st.Speaker.Organization != nil && orgs[*st.Speaker.Organization] {
		return true
	}
	if st.Speaker.SpeaksFor != nil && orgs[*st.Speaker.SpeaksFor] {
		return true
	}
	for _, af := range st.Affiliations {
		if af.Organization != nil && orgs[*af.Organization] {
			return true
		}
	}
	return false
}

// TestPaginationForward walks every connection forwards in small pages
// until hasNextPage is false and checks the walk equals one big page.
func TestPaginationForward(t *testing.T) {
	for _, c := range walkCases(t) {
		t.Run(c.name, func(t *testing.T) {
			whole := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": 100})
			if got := len(whole.Nodes); got != c.want {
				t.Fatalf("one page of 100 holds %d items; want %d (from the seeds)", got, c.want)
			}
			if whole.TotalCount != c.want {
				t.Errorf("totalCount %d; want %d", whole.TotalCount, c.want)
			}
			if whole.PageInfo.HasNextPage || whole.PageInfo.HasPreviousPage {
				t.Errorf("the only page: hasNextPage %v, hasPreviousPage %v; want false, false", whole.PageInfo.HasNextPage, whole.PageInfo.HasPreviousPage)
			}
			for _, size := range []int{1, 2, 3} {
				got := walkForward(t, c, size)
				if !slices.Equal(got, whole.ids()) {
					t.Errorf("pages of %d: walked %v; want %v as one page gives them", size, got, whole.ids())
				}
				if dup := duplicates(got); len(dup) > 0 {
					t.Errorf("pages of %d: duplicates %v", size, dup)
				}
			}
		})
	}
}

// walkForward pages through c with first: size and returns the ids in order.
func walkForward(t *testing.T, c walkCase, size int) []string {
	t.Helper()
	var all []string
	var after any
	for i := 0; ; i++ {
		if i > 100 {
			t.Fatalf("pages of %d: more than 100 pages; hasNextPage never false", size)
		}
		p := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": size, "after": after})
		if len(p.Edges) > size {
			t.Fatalf("page %d: %d edges; want at most first: %d", i+1, len(p.Edges), size)
		}
		if p.PageInfo.HasNextPage && len(p.Edges) != size {
			t.Errorf("page %d: hasNextPage with %d edges; want a full page of %d", i+1, len(p.Edges), size)
		}
		if got, want := p.PageInfo.HasPreviousPage, i > 0; got != want {
			t.Errorf("page %d: hasPreviousPage %v; want %v", i+1, got, want)
		}
		if p.TotalCount != c.want {
			t.Errorf("page %d: totalCount %d; want %d", i+1, p.TotalCount, c.want)
		}
		all = append(all, p.ids()...)
		if !p.PageInfo.HasNextPage {
			break
		}
		after = *p.PageInfo.EndCursor
	}
	if len(all) != c.want {
		t.Errorf("pages of %d: walked %d items; want totalCount %d", size, len(all), c.want)
	}
	return all
}

// TestPaginationBackward walks every connection backwards with last/before
// until hasPreviousPage is false, and checks round trips between the two
// directions.
func TestPaginationBackward(t *testing.T) {
	for _, c := range walkCases(t) {
		t.Run(c.name, func(t *testing.T) {
			whole := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": 100}).ids()
			const size = 2
			var all []string
			var before any
			for i := 0; ; i++ {
				if i > 100 {
					t.Fatal("more than 100 pages; hasPreviousPage never false")
				}
				p := fetchPage(t, c.query, c.path, c.vars, map[string]any{"last": size, "before": before})
				if len(p.Edges) > size {
					t.Fatalf("page %d from the end: %d edges; want at most last: %d", i+1, len(p.Edges), size)
				}
				if got, want := p.PageInfo.HasNextPage, i > 0; got != want {
					t.Errorf("page %d from the end: hasNextPage %v; want %v", i+1, got, want)
				}
				all = append(p.ids(), all...)
				if !p.PageInfo.HasPreviousPage {
					break
				}
				before = *p.PageInfo.StartCursor
			}
			if !slices.Equal(all, whole) {
				t.Errorf("walked backwards %v; want %v", all, whole)
			}
			if len(whole) < 3*size {
				return
			}
			// Round trip: page two forwards, then back from page three.
			p1 := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": size})
			p2 := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": size, "after": *p1.PageInfo.EndCursor})
			p3 := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": size, "after": *p2.PageInfo.EndCursor})
			back := fetchPage(t, c.query, c.path, c.vars, map[string]any{"last": size, "before": *p3.PageInfo.StartCursor})
			if !slices.Equal(back.ids(), p2.ids()) {
				t.Errorf("last: %d before page three = %v; want page two %v", size, back.ids(), p2.ids())
			}
			if back.PageInfo.StartCursor == nil || *back.PageInfo.StartCursor != *p2.PageInfo.StartCursor {
				t.Errorf("back to page two: startCursor %s; want %s", deref(back.PageInfo.StartCursor), deref(p2.PageInfo.StartCursor))
			}
			if !back.PageInfo.HasPreviousPage || !back.PageInfo.HasNextPage {
				t.Errorf("page two read backwards: hasPreviousPage %v, hasNextPage %v; want true, true", back.PageInfo.HasPreviousPage, back.PageInfo.HasNextPage)
			}
			fwd := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": size, "after": *p1.PageInfo.EndCursor})
			if !slices.Equal(fwd.ids(), back.ids()) {
				t.Errorf("first: %d after page one = %v; want %v", size, fwd.ids(), back.ids())
			}
			// after and before together bound the page on both sides.
			between := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": 100, "after": *p1.PageInfo.EndCursor, "before": *p3.PageInfo.StartCursor})
			if !slices.Equal(between.ids(), p2.ids()) {
				t.Errorf("between page one and page three: %v; want page two %v", between.ids(), p2.ids())
			}
		})
	}
}

// TestPaginationArguments checks that bad paging arguments are rejected
// with BAD_USER_INPUT naming the argument, on root and nested connections.
func TestPaginationArguments(t *testing.T) {
	x := lookup(t)
	article := x.article(t, seed(t).articleWith(t, "Translator: Xie Linxin"))
	root := rootWalk("statements", "")
	nested := nestedWalk("Article", "statements")
	for _, c := range []struct {
		name  string
		vars  map[string]any
		words []string
	}{
		{"FirstTooLarge", map[string]any{"first": 101}, []string{"first", "100"}},
		{"FirstZero", map[string]any{"first": 0}, []string{"first"}},
		{"FirstNegative", map[string]any{"first": -1}, []string{"first"}},
		{"LastZero", map[string]any{"last": 0}, []string{"last"}},
		{"LastTooLarge", map[string]any{"last": 101}, []string{"last", "100"}},
		{"FirstAndLast", map[string]any{"first": 2, "last": 2}, []string{"first", "last"}},
		{"GarbageAfter", map[string]any{"first": 2, "after": "garbage"}, []string{"after"}},
		{"GarbageBefore", map[string]any{"last": 2, "before": "!!not a cursor!!"}, []string{"before"}},
		{"EmptyAfter", map[string]any{"first": 2, "after": ""}, []string{"after"}},
	} {
		t.Run("Root"+c.name, func(t *testing.T) {
			wantError(t, root, c.vars, "BAD_USER_INPUT", c.words...)
		})
		t.Run("Nested"+c.name, func(t *testing.T) {
			vars := map[string]any{"id": article}
			for k, v := range c.vars {
				vars[k] = v
			}
			wantError(t, nested, vars, "BAD_USER_INPUT", c.words...)
		})
	}
}

// TestPaginationForeignCursor checks that a cursor is accepted only by the
// connection and ordering it came from.
func TestPaginationForeignCursor(t *testing.T) {
	x := lookup(t)
	conference := x.article(t, seed(t).articleWith(t, "Translator: Xie Linxin"))
	endCursor := func(t *testing.T, query string, path []string, vars map[string]any) string {
		t.Helper()
		p := fetchPage(t, query, path, vars, map[string]any{"first": 1})
		if p.PageInfo.EndCursor == nil {
			t.Fatal("no endCursor on a page of one")
		}
		return *p.PageInfo.EndCursor
	}
	peopleCursor := endCursor(t, rootWalk("people", ""), []string{"c"}, nil)
	bySlugAsc := endCursor(t, rootWalk("articles", "ArticleOrder"), []string{"c"},
		map[string]any{"orderBy": map[string]any{"field": "SLUG", "direction": "ASC"}})
	nestedStatements := endCursor(t, nestedWalk("Article", "statements"), []string{"node", "c"}, map[string]any{"id": conference})
	rootStatements := endCursor(t, rootWalk("statements", ""), []string{"c"}, nil)
	search := func() string {
		var got struct {
			Search struct{ PageInfo pageInfo }
		}
		data(t, `query S { search(query: "Malaysia", first: 1) { pageInfo { endCursor } } }`, nil, &got)
		if got.Search.PageInfo.EndCursor == nil {
			t.Fatal("search Malaysia: no endCursor")
		}
		return *got.Search.PageInfo.EndCursor
	}()

	for _, c := range []struct {
		name   string
		query  string
		vars   map[string]any
		cursor string
	}{
		{"OtherConnection", rootWalk("organizations", ""), nil, peopleCursor},
		{"OtherOrdering", rootWalk("articles", "ArticleOrder"), map[string]any{"orderBy": map[string]any{"field": "PUBLISHED", "direction": "ASC"}}, bySlugAsc},
		{"OtherDirection", rootWalk("articles", "ArticleOrder"), map[string]any{"orderBy": map[string]any{"field": "SLUG", "direction": "DESC"}}, bySlugAsc},
		{"DefaultOrdering", rootWalk("articles", ""), nil, bySlugAsc},
		{"NestedCursorAtRoot", rootWalk("statements", ""), nil, nestedStatements},
		{"RootCursorNested", nestedWalk("Person", "statements"), map[string]any{"id": x.entity(t, "gan-tian-loo")}, rootStatements},
		{"OtherNestedConnection", nestedWalk("Person", "statements"), map[string]any{"id": x.entity(t, "gan-tian-loo")}, nestedStatements},
		{"SearchCursorInList", rootWalk("people", ""), nil, search},
		{"TamperedCursor", rootWalk("people", ""), nil, tamper(t, peopleCursor)},
	} {
		for _, dir := range []string{"after", "before"} {
			t.Run(c.name+"/"+dir, func(t *testing.T) {
				vars := map[string]any{dir: c.cursor}
				for k, v := range c.vars {
					vars[k] = v
				}
				wantError(t, c.query, vars, "BAD_USER_INPUT", dir)
			})
		}
	}
}

// tamper returns a cursor shaped like a real one (it decodes the real
// cursor, which clients must not do) whose sort keys are replaced with text
// that is no valid key: what a client that edits cursors would send.
func tamper(t *testing.T, cursor string) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		t.Fatalf("cursor %q is not base64url: %v", cursor, err)
	}
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("cursor %q does not decode to a JSON object: %v", cursor, err)
	}
	replaced := false
	for k, x := range v {
		if keys, ok := x.([]any); ok {
			for i := range keys {
				keys[i] = "not-a-key"
			}
			v[k], replaced = keys, true
		}
	}
	if !replaced {
		t.Fatalf("cursor %s holds no list of keys", raw)
	}
	b, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(b)
}

// ordered fetches a whole root listing in an ordering, with the fields
// needed to check the sort.
func ordered[T any](t *testing.T, field, orderType, fields string, orderBy map[string]any) []T {
	t.Helper()
	q := fmt.Sprintf(`query Ordered($orderBy: %s) { c: %s(first: 100, orderBy: $orderBy) { totalCount nodes { %s } } }`, orderType, field, fields)
	var got struct {
		C struct {
			TotalCount int
			Nodes      []T
		}
	}
	data(t, q, map[string]any{"orderBy": orderBy}, &got)
	if len(got.C.Nodes) != got.C.TotalCount {
		t.Fatalf("%d nodes; want totalCount %d", len(got.C.Nodes), got.C.TotalCount)
	}
	return got.C.Nodes
}

// partial is a PartialDate as the API returns it.
type partial struct {
	Year, Month, Day *int
	Precision        string
	Text             string
	Inferred         bool
	InferredParts    []string
	Basis            *string
	ISO              string
}

// dateKey is the first day a partial date covers, or "" when its year is
// unknown: the key the API orders dates by.
func dateKey(p *partial) string {
	if p == nil || p.Year == nil {
		return ""
	}
	m, d := 1, 1
	if p.Month != nil {
		m = *p.Month
	}
	if p.Day != nil {
		d = *p.Day
	}
	return fmt.Sprintf("%04d-%02d-%02d", *p.Year, m, d)
}

// checkSorted checks that keys are in order (ties allowed); desc reverses
// it. Empty keys ("no value") must come last either way.
func checkSorted(t *testing.T, keys []string, desc bool, cmp func(a, b string) int) {
	t.Helper()
	seenEmpty := false
	for i, k := range keys {
		if k == "" {
			seenEmpty = true
			continue
		}
		if seenEmpty {
			t.Errorf("item %d (%q) comes after an item with no value; want those last: %q", i, k, keys)
			return
		}
		if i == 0 || keys[i-1] == "" {
			continue
		}
		c := cmp(keys[i-1], k)
		if desc {
			c = -c
		}
		if c > 0 {
			t.Errorf("items %d and %d out of order (%q, %q); all: %q", i-1, i, keys[i-1], k, keys)
			return
		}
	}
}

func numeric(a, b string) int {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil {
		return strings.Compare(a, b)
	}
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// TestOrderBy checks every orderBy field in both directions: the output is
// sorted as asked and holds every item.
func TestOrderBy(t *testing.T) {
	s := seed(t)
	articleIndex := map[string]int{}
	for i, d := range s.Articles {
		articleIndex[d.Article.Slug] = i
	}
	// Text orders compare code points: the test database uses the C.UTF-8
	// collation (PostgreSQL's default for the throwaway databases here).
	text := strings.Compare
	for _, dir := range []string{"ASC", "DESC"} {
		desc := dir == "DESC"
		orderBy := func(field string) map[string]any { return map[string]any{"field": field, "direction": dir} }
		t.Run("ArticlesPublished"+dir, func(t *testing.T) {
			got := ordered[struct {
				Slug      string
				Published *partial
			}](t, "articles", "ArticleOrder", "slug published { year month day }", orderBy("PUBLISHED"))
			keys := make([]string, len(got))
			for i, a := range got {
				keys[i] = dateKey(a.Published)
			}
			checkSorted(t, keys, desc, text)
			if len(got) != len(s.Articles) {
				t.Errorf("%d articles; want %d", len(got), len(s.Articles))
			}
		})
		t.Run("ArticlesSlug"+dir, func(t *testing.T) {
			got := ordered[struct{ Slug string }](t, "articles", "ArticleOrder", "slug", orderBy("SLUG"))
			keys := make([]string, len(got))
			for i, a := range got {
				keys[i] = a.Slug
			}
			checkSorted(t, keys, desc, text)
			if len(got) != len(s.Articles) {
				t.Errorf("%d articles; want %d", len(got), len(s.Articles))
			}
		})
		t.Run("StatementsArticle"+dir, func(t *testing.T) {
			got := ordered[struct {
				Position int
				Article  struct{ Slug string }
			}](t, "statements", "StatementOrder", "position article { slug }", orderBy("ARTICLE"))
			keys := make([]string, len(got))
			for i, st := range got {
				keys[i] = fmt.Sprintf("%04d-%04d", articleIndex[st.Article.Slug], st.Position)
			}
			checkSorted(t, keys, desc, text)
			if len(got) != len(s.Statements) {
				t.Errorf("%d statements; want %d", len(got), len(s.Statements))
			}
		})
		t.Run("FiguresArticle"+dir, func(t *testing.T) {
			got := ordered[struct {
				Position int
				Article  struct{ Slug string }
			}](t, "figures", "FigureOrder", "position article { slug }", orderBy("ARTICLE"))
			keys := make([]string, len(got))
			for i, f := range got {
				keys[i] = fmt.Sprintf("%04d-%04d", articleIndex[f.Article.Slug], f.Position)
			}
			checkSorted(t, keys, desc, text)
			if len(got) != len(s.Figures) {
				t.Errorf("%d figures; want %d", len(got), len(s.Figures))
			}
		})
		t.Run("FiguresValue"+dir, func(t *testing.T) {
			got := ordered[struct{ Value *string }](t, "figures", "FigureOrder", "value", orderBy("VALUE"))
			keys := make([]string, len(got))
			for i, f := range got {
				if f.Value != nil {
					keys[i] = *f.Value
				}
			}
			checkSorted(t, keys, desc, numeric)
			if len(got) != len(s.Figures) {
				t.Errorf("%d figures; want %d", len(got), len(s.Figures))
			}
		})
		t.Run("AgreementsName"+dir, func(t *testing.T) {
			got := ordered[struct{ Name string }](t, "agreements", "AgreementOrder", "name", orderBy("NAME"))
			keys := make([]string, len(got))
			for i, a := range got {
				keys[i] = a.Name
			}
			checkSorted(t, keys, desc, text)
			if len(got) != len(s.Agreements) {
				t.Errorf("%d agreements; want %d", len(got), len(s.Agreements))
			}
		})
		t.Run("AgreementsDate"+dir, func(t *testing.T) {
			got := ordered[struct{ Date *partial }](t, "agreements", "AgreementOrder", "date { year month day }", orderBy("DATE"))
			keys := make([]string, len(got))
			for i, a := range got {
				keys[i] = dateKey(a.Date)
			}
			checkSorted(t, keys, desc, text)
			if len(got) != len(s.Agreements) {
				t.Errorf("%d agreements; want %d", len(got), len(s.Agreements))
			}
		})
		for _, c := range []struct{ field, orderType, key, fieldName string }{
			{"people", "PersonOrder", "name", "NAME"},
			{"organizations", "OrganizationOrder", "name", "NAME"},
			{"places", "PlaceOrder", "name", "NAME"},
			{"events", "EventOrder", "name", "NAME"},
			{"topics", "TopicOrder", "label", "LABEL"},
		} {
			t.Run(c.field+c.fieldName+dir, func(t *testing.T) {
				got := ordered[map[string]string](t, c.field, c.orderType, c.key, orderBy(c.fieldName))
				keys := make([]string, len(got))
				for i, n := range got {
					keys[i] = n[c.key]
				}
				checkSorted(t, keys, desc, text)
			})
		}
		t.Run("EventsDate"+dir, func(t *testing.T) {
			got := ordered[struct{ Date *partial }](t, "events", "EventOrder", "date { year month day }", orderBy("DATE"))
			keys := make([]string, len(got))
			for i, e := range got {
				keys[i] = dateKey(e.Date)
			}
			checkSorted(t, keys, desc, text)
			if len(got) != len(s.Events) {
				t.Errorf("%d events; want %d", len(got), len(s.Events))
			}
		})
	}
}

// TestDefaultOrder checks that each listing's default order is the one its
// documentation names.
func TestDefaultOrder(t *testing.T) {
	for _, c := range []struct {
		name, field, orderType string
		orderBy                map[string]any
	}{
		{"ArticlesNewestFirst", "articles", "ArticleOrder", map[string]any{"field": "PUBLISHED", "direction": "DESC"}},
		{"StatementsByArticle", "statements", "StatementOrder", map[string]any{"field": "ARTICLE", "direction": "ASC"}},
		{"FiguresByArticle", "figures", "FigureOrder", map[string]any{"field": "ARTICLE", "direction": "ASC"}},
		{"AgreementsByName", "agreements", "AgreementOrder", map[string]any{"field": "NAME", "direction": "ASC"}},
		{"PeopleByName", "people", "PersonOrder", map[string]any{"field": "NAME", "direction": "ASC"}},
		{"OrganizationsByName", "organizations", "OrganizationOrder", map[string]any{"field": "NAME", "direction": "ASC"}},
		{"PlacesByName", "places", "PlaceOrder", map[string]any{"field": "NAME", "direction": "ASC"}},
		{"EventsByName", "events", "EventOrder", map[string]any{"field": "NAME", "direction": "ASC"}},
		{"TopicsByLabel", "topics", "TopicOrder", map[string]any{"field": "LABEL", "direction": "ASC"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			explicit := ordered[struct{ ID string }](t, c.field, c.orderType, "id", c.orderBy)
			byDefault := ordered[struct{ ID string }](t, c.field, c.orderType, "id", nil)
			if !slices.Equal(byDefault, explicit) {
				t.Errorf("default order %v; want %v (orderBy %v)", byDefault, explicit, c.orderBy)
			}
		})
	}
	// The direction defaults too: articles DESC, the others ASC.
	t.Run("ArticleOrderDirectionDefault", func(t *testing.T) {
		var got struct {
			A, B struct{ Nodes []struct{ Slug string } }
		}
		data(t, `query D { a: articles(orderBy: {field: SLUG}) { nodes { slug } } b: articles(orderBy: {field: SLUG, direction: DESC}) { nodes { slug } } }`, nil, &got)
		if !slices.Equal(got.A.Nodes, got.B.Nodes) {
			t.Errorf("orderBy {field: SLUG} gives %v; want DESC, the documented default: %v", got.A.Nodes, got.B.Nodes)
		}
	})
}

// TestNestedTotalCount checks the count that a nested connection reads with
// its page: one statement for page and count, the same count on every page
// and through a fragment, and a right count for an empty page past the
// last cursor, which has no row to carry it.
func TestNestedTotalCount(t *testing.T) {
	for _, c := range walkCases(t) {
		if len(c.path) < 2 { // root connections count on their own
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			// node(id:) reads the parent; the page and its count are one more.
			before := statements.n.Load()
			whole := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": 100})
			if n := statements.n.Load() - before; n != 2 {
				t.Errorf("%d SQL statements for a parent, its page and totalCount; want 2", n)
			}
			if whole.TotalCount != c.want {
				t.Errorf("totalCount %d; want %d", whole.TotalCount, c.want)
			}
			if len(whole.Edges) == 0 {
				t.Fatal("no items; the case needs some")
			}
			past := fetchPage(t, c.query, c.path, c.vars, map[string]any{"first": 5, "after": *whole.PageInfo.EndCursor})
			if len(past.Edges) != 0 || past.TotalCount != c.want {
				t.Errorf("past the last item: %d edges, totalCount %d; want 0, %d", len(past.Edges), past.TotalCount, c.want)
			}
			var got struct{ TotalCount int }
			fragment := strings.Replace(c.query, pageFields, "...Count", 1) +
				"\nfragment Count on " + connectionType(t, c) + " { totalCount }"
			res := post(t, fragment, mergeVars(c.vars, map[string]any{"first": 1}))
			if len(res.Errors) > 0 {
				t.Fatalf("errors: %+v", res.Errors)
			}
			dig(t, res.Data, c.path, &got)
			if got.TotalCount != c.want {
				t.Errorf("totalCount through a fragment %d; want %d", got.TotalCount, c.want)
			}
		})
	}
}

// connectionType names the type of c's connection, from its field.
func connectionType(t *testing.T, c walkCase) string {
	t.Helper()
	switch {
	case strings.Contains(c.query, "c: statements("):
		return "StatementConnection"
	case strings.Contains(c.query, "c: people("):
		return "PersonConnection"
	case strings.Contains(c.query, "c: articles("):
		return "ArticleConnection"
	}
	t.Fatalf("no connection type known for %s", c.name)
	return ""
}

// mergeVars returns the union of two variable maps.
func mergeVars(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
