package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// frontPage is the front-page query: articles, each with its statements,
// their speakers and the speakers' affiliations.
const frontPage = `query FrontPage($articles: Int!, $statements: Int!) {
  articles(first: $articles, orderBy: {field: SLUG, direction: DESC}) {
    nodes {
      title
      statements(first: $statements) {
        totalCount
        nodes {
          content
          evidence { text }
          speaker {
            ... on Person { name affiliations { role organization { name } place { name } } }
            ... on UnnamedSpeaker { description organization { name } }
          }
        }
      }
    }
  }
}`

// copies returns n copies of the seed article that has a title (its
// speakers are people with roles at organizations and at places, and unnamed
// staff of an organization), each under a slug that sorts after the
// seeds', referring to the entities the seeds declare.
func copies(t *testing.T, n int) []*document.Document {
	t.Helper()
	docs, err := document.Read(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	var src *document.Document
	for _, d := range docs {
		if d.Article != nil && d.Article.Title != nil {
			src = d
		}
	}
	var out []*document.Document
	for i := range n {
		c := *src
		a := *src.Article
		a.Slug = fmt.Sprintf("zz-copy-%02d", i)
		a.Credits = nil
		c.Article, c.Name = &a, fmt.Sprintf("copy-%d", i)
		// Entities and topics are declared once, by the seeds; a copy only mentions them.
		c.Topics, c.People, c.Organizations, c.Places, c.Events, c.Projects, c.Agreements = nil, nil, nil, nil, nil, nil, nil
		c.Mentions = nil
		out = append(out, &c)
	}
	return out
}

// TestStatementCountDoesNotGrowWithPageSize is the N+1 guard: every hop of
// the front-page query costs one SQL statement, whether the page holds one
// article or twenty.
func TestStatementCountDoesNotGrowWithPageSize(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	if _, err := curate.Import(ctx, d.Store, copies(t, 25)); err != nil {
		t.Fatal(err)
	}
	var counter statementCounter
	// A loader gathers keys for a time window from its first key, and the
	// goroutines that resolve a level's items (400 statements' evidence
	// here) reach their loads over a spread that grows with the machine's
	// load: under the race detector on a busy machine, 50 ms windows closed
	// before the last items asked, the batch split in two and the count
	// grew by one or three. A window far wider than that spread makes the
	// count depend on the hops alone; broken batching (a loader that reads
	// one key at a time) still adds a statement for every parent.
	srv, closeSrv, err := startServer(ctx, d.URL, &counter, io.Discard, serve.Options{LoaderWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer closeSrv()

	count := func(articles, perArticle int) (sql int64, items int) {
		t.Helper()
		before := counter.n.Load()
		res := postTo(t, srv, frontPage, map[string]any{"articles": articles, "statements": perArticle})
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		var got struct {
			Articles struct {
				Nodes []struct {
					Statements struct{ Nodes []json.RawMessage }
				}
			}
		}
		if err := json.Unmarshal(res.Data, &got); err != nil {
			t.Fatal(err)
		}
		for _, a := range got.Articles.Nodes {
			items += len(a.Statements.Nodes)
		}
		return counter.n.Load() - before, items
	}
	one, oneItems := count(1, 20)
	twenty, twentyItems := count(20, 20)
	if twentyItems != 20*oneItems || oneItems == 0 {
		t.Fatalf("statements returned: %d for 20 articles, %d for one; want 20 times as many", twentyItems, oneItems)
	}
	if twenty != one {
		t.Errorf("%d SQL statements for 20 articles; %d for one; want the same", twenty, one)
	}
	// articles, statements with their count, evidence, people,
	// affiliations, their organizations and places, unnamed speakers'
	// organizations.
	if one > 8 {
		t.Errorf("%d SQL statements for the front page; want at most 8, one per hop", one)
	}
}

// TestNestedCountReadsNoPage checks that a nested connection asked only for
// its totalCount is answered by the count alone: one statement for all the
// parents, reading no page, with the counts it has when its page is asked
// for too.
func TestNestedCountReadsNoPage(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	var counter statementCounter
	srv, closeSrv, err := startServer(ctx, d.URL, &counter, io.Discard, serve.Options{LoaderWait: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer closeSrv()
	counts := func(query string) (map[string]int, []string) {
		t.Helper()
		before := counter.n.Load()
		res := postTo(t, srv, query, nil)
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		var got struct {
			Organizations struct {
				Nodes []struct {
					Name       string
					Statements struct{ TotalCount int }
				}
			}
		}
		if err := json.Unmarshal(res.Data, &got); err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, o := range got.Organizations.Nodes {
			out[o.Name] = o.Statements.TotalCount
		}
		return out, counter.since(before)
	}
	paged, _ := counts(`{ organizations(first: 25) { nodes { name statements(first: 1) { totalCount nodes { content } } } } }`)
	alone, sent := counts(`{ organizations(first: 25) { nodes { name statements { __typename totalCount } } } }`)
	if !reflect.DeepEqual(alone, paged) {
		t.Errorf("counts alone: got %v; want %v (as with the page)", alone, paged)
	}
	total := 0
	for _, n := range alone {
		total += n
	}
	if total == 0 {
		t.Fatal("the organizations made no statements; want some")
	}
	if len(sent) != 2 {
		t.Errorf("%d SQL statements; want 2 (the organizations, then all their counts)", len(sent))
	}
	for _, sql := range sent {
		if strings.Contains(sql, "list_parent") && strings.Contains(sql, "list_keys") { // a nested page
			t.Errorf("a page was read for counts alone: %s", strings.Join(strings.Fields(sql), " "))
		}
	}
}

// oneArticle reads one article with every level of its statements and
// figures: the level's items, their speakers (the unnamed ones' organizations
// too), subjects and evidence, and its agreements' parties.
const oneArticle = `query OneArticle($slug: String!, $n: Int!) {
  article(slug: $slug) {
    title
    topics { label }
    paragraphs { position }
    statements(first: $n) {
      totalCount
      nodes {
        content
        evidence { text }
        speaker {
          ... on Person { name }
          ... on Organization { name }
          ... on UnnamedSpeaker { description organization { name } }
        }
      }
    }
    figures(first: $n) { nodes { display subject { name } evidence { text } } }
    agreements(first: $n) { nodes { name parties { entity { name } } } }
  }
}`

// mostFacts serves the seeded database with the loaders' window set to a
// microsecond (far too short to gather a level's items into one batch),
// counting its SQL, and returns the slug of the seed article with the most
// rows in table (statements or figures).
func mostFacts(t *testing.T, table string) (*httptest.Server, *statementCounter, string) {
	t.Helper()
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	counter := &statementCounter{}
	srv, closeSrv, err := startServer(ctx, d.URL, counter, io.Discard, serve.Options{LoaderWait: time.Microsecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(closeSrv)
	var slug string
	if err := d.Pool.QueryRow(ctx, `SELECT a.slug FROM articles a JOIN `+table+` x ON x.article_id = a.id
		GROUP BY a.slug ORDER BY count(*) DESC, a.slug LIMIT 1`).Scan(&slug); err != nil {
		t.Fatal(err)
	}
	return srv, counter, slug
}

// TestLevelsReadAtOnce checks that the levels of one article are resolved
// level by level, not item by item, and without waiting for loader
// windows: each level of a single parent (the article), or of the one list
// of parents a batch resolver gets (its statements, figures, agreements),
// costs one SQL statement read at once. The loaders' window here is a
// microsecond, far too short to gather a level's items into one batch, so
// a level read through a loader would cost a statement for every item or
// few items, and the count would grow with the page.
func TestLevelsReadAtOnce(t *testing.T) {
	srv, counter, slug := mostFacts(t, "statements")
	count := func(n int) (sql int64, items int, sent []string) {
		t.Helper()
		before := counter.n.Load()
		res := postTo(t, srv, oneArticle, map[string]any{"slug": slug, "n": n})
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		var got struct {
			Article struct {
				Statements struct {
					TotalCount int
					Nodes      []struct{ Evidence []json.RawMessage }
				}
				Figures struct{ Nodes []json.RawMessage }
			}
		}
		if err := json.Unmarshal(res.Data, &got); err != nil {
			t.Fatal(err)
		}
		for _, s := range got.Article.Statements.Nodes {
			if len(s.Evidence) == 0 {
				t.Fatalf("a statement without evidence: %s", res.Data)
			}
		}
		items = len(got.Article.Statements.Nodes) + len(got.Article.Figures.Nodes)
		return counter.n.Load() - before, items, counter.since(before)
	}
	smallSQL, smallItems, smallSent := count(1)
	largeSQL, largeItems, largeSent := count(20)
	if largeItems < 5*smallItems || smallItems == 0 {
		t.Fatalf("items returned: %d with pages of 20, %d with pages of 1; want many more", largeItems, smallItems)
	}
	// The article; its topics, paragraphs, statements, figures and
	// agreements; the statements' and the figures' evidence, speakers and
	// subjects (with the unnamed speakers' organizations), the parties and
	// their entities: one statement for each level, however many items it
	// holds. Two levels may send the same SQL (people, organizations and
	// places as speakers or subjects, and as parties); a level read item by
	// item sends its SQL once for every item or few items.
	for _, run := range []struct {
		sql  int64
		sent []string
	}{{smallSQL, smallSent}, {largeSQL, largeSent}} {
		times := map[string]int{}
		for _, q := range run.sent {
			times[q]++
		}
		for q, n := range times {
			if n > 2 {
				t.Errorf("sent %d times for one article; want once per level: %s", n, q)
			}
		}
		if run.sql > 14 {
			t.Errorf("%d SQL statements for one article; want at most 14, one per level:\n%s", run.sql, strings.Join(run.sent, "\n---\n"))
		}
	}
	if largeSQL > smallSQL+2 {
		t.Errorf("%d SQL statements with pages of 20, %d with pages of 1; want at most two more (kinds of subject the first page does not hold)", largeSQL, smallSQL)
	}
}

// TestArticleFactsShareLevels checks that the statements and figures of an
// article resolved alone share their levels below: their evidence is read
// in one statement, and their speakers and subjects in one, with pages of
// several statements and figures under aliases, and that what each answers
// is what it answers alone (in a list of articles, where the levels go
// through the loaders and are not shared).
func TestArticleFactsShareLevels(t *testing.T) {
	srv, counter, slug := mostFacts(t, "figures") // it has statements too
	const facts = `
		first: statements(first: 2) { nodes { content evidence { text start } speaker {
			... on Person { name } ... on Organization { name } ... on UnnamedSpeaker { description organization { name } } } } }
		rest: statements(first: 20) { nodes { position evidence { text } } }
		figures(first: 20) { nodes { display subject { name } evidence { text end } } }`
	alone := `query($slug: String!) { article(slug: $slug) { slug` + facts + `} }`
	before := counter.n.Load()
	res := postTo(t, srv, alone, map[string]any{"slug": slug})
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	sent := counter.since(before)
	evidence, entities := 0, 0
	for _, q := range sent {
		switch {
		case strings.Contains(q, "FROM evidence e"):
			evidence++
		case strings.Contains(q, "AS entity_kind, p.id") || strings.Contains(q, "AS entity_kind, o.id") || strings.Contains(q, "AS entity_kind, pl.id"):
			entities++
		}
	}
	if evidence != 1 || entities != 1 {
		t.Errorf("evidence read in %d statements, speakers and subjects in %d; want one each:\n%s", evidence, entities, strings.Join(sent, "\n---\n"))
	}
	var got struct{ Article json.RawMessage }
	if err := json.Unmarshal(res.Data, &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got.Article), `"evidence":[{`) || !strings.Contains(string(got.Article), `"subject":{"name"`) {
		t.Fatalf("the article answered no evidence or subjects: %s", got.Article)
	}
	// The same facts, of the same article, in a list of articles.
	listed := `{ articles(first: 2) { nodes { slug` + facts + `} } }`
	res = postTo(t, srv, listed, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	var list struct {
		Articles struct{ Nodes []json.RawMessage }
	}
	if err := json.Unmarshal(res.Data, &list); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range list.Articles.Nodes {
		var a struct{ Slug string }
		if err := json.Unmarshal(n, &a); err != nil {
			t.Fatal(err)
		}
		if a.Slug == slug {
			found = true
			if string(n) != string(got.Article) {
				t.Errorf("alone the article answers\n%s\nin a list\n%s", got.Article, n)
			}
		}
	}
	if !found {
		t.Errorf("no article %s in the list", slug)
	}
}

// TestFigureArticlesReadAtOnce checks that the articles of a root page of
// figures are read ahead, at once, when its items select them (through
// nodes or edges), not by each figure's article field through the
// loader's window: with a window of a microsecond, too short to gather
// them, that cost a statement for every figure or few figures.
func TestFigureArticlesReadAtOnce(t *testing.T) {
	srv, counter, _ := mostFacts(t, "figures")
	for name, q := range map[string]string{
		"Nodes": `{ figures(first: 100) { nodes { metric article { slug } } } }`,
		"Edges": `{ figures(first: 100) { edges { node { metric ... on Figure { article { slug } } } } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			before := counter.n.Load()
			res := postTo(t, srv, q, nil)
			if len(res.Errors) > 0 {
				t.Fatalf("errors: %+v", res.Errors)
			}
			slugs := map[string]bool{}
			for _, s := range regexp.MustCompile(`"slug":"([^"]+)"`).FindAllStringSubmatch(string(res.Data), -1) {
				slugs[s[1]] = true
			}
			if len(slugs) < 2 {
				t.Fatalf("figures of %d articles: %s; want figures of several", len(slugs), res.Data)
			}
			reads := 0
			for _, sql := range counter.since(before) {
				if strings.Contains(sql, "FROM articles a WHERE a.id = ANY") {
					reads++
				}
			}
			if reads != 1 {
				t.Errorf("the figures' %d articles read in %d statements; want 1", len(slugs), reads)
			}
		})
	}
}

// q1FrontPage is the canonical front page (bench's Q1) over every seeded
// article.
const q1FrontPage = `query($statements: Int!) { articles(first: 20) { nodes { slug title published { iso }
  statements(first: $statements) { nodes { verb content speaker { __typename
    ... on Person { displayName affiliations { role former organization { name } place { name } } }
    ... on Organization { name }
    ... on UnnamedSpeaker { description organization { name } } } } } } } }`

// TestFrontPageLevelsReadAhead checks that a front page's levels below
// its root list (the articles' statements, their speakers, the speakers'
// affiliations) are read ahead by the articles' resolver, one statement a
// level, not by each article's and each speaker's fields through the
// loaders' windows: with a window of a microsecond, too short to gather
// them, that cost a statement for every article or speaker or few of them.
// The answer is the one the server with the usual window gives.
func TestFrontPageLevelsReadAhead(t *testing.T) {
	srv, counter, _ := mostFacts(t, "statements")
	for _, n := range []int{1, 10} {
		before := counter.n.Load()
		res := postTo(t, srv, q1FrontPage, map[string]any{"statements": n})
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		sent := counter.since(before)
		// The articles, their statements, the speakers, the people's
		// affiliations and the affiliations' organizations and places.
		if len(sent) > 5 {
			t.Errorf("%d statements for a front page of %d statements an article; want at most 5, one a level:\n%s", len(sent), n, strings.Join(sent, "\n---\n"))
		}
		want := postTo(t, server, q1FrontPage, map[string]any{"statements": n})
		if string(res.Data) != string(want.Data) || !strings.Contains(string(res.Data), "affiliations") {
			t.Errorf("front page read ahead:\n%s\nwant:\n%s", res.Data, want.Data)
		}
	}
}

// searchAllTypes asks for a page of search hits with a field of every type
// a search returns.
const searchAllTypes = `query($q: String!) { search(query: $q, first: 60) { edges { node { __typename
  ... on Article { slug } ... on Statement { content } ... on Figure { metric } ... on Agreement { name }
  ... on Event { name } ... on Project { name } ... on Topic { label }
  ... on Person { displayName } ... on Organization { name } ... on Place { name } } } } }`

// TestSearchNodesReadAtOnce checks that the rows a page of search hits
// names are read ahead by the search's resolver, one statement a type
// (people, organizations and places together), not by each hit through the
// loaders' windows: with a window of a microsecond, too short to gather
// the hits, that cost a statement for every hit or few hits. The answer is
// the one the server with the usual window gives.
func TestSearchNodesReadAtOnce(t *testing.T) {
	srv, counter, _ := mostFacts(t, "statements")
	for _, q := range []string{"cooperation", "Malaysia"} {
		before := counter.n.Load()
		res := postTo(t, srv, searchAllTypes, map[string]any{"q": q})
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		types := map[string]bool{}
		for _, m := range regexp.MustCompile(`"__typename":"(\w+)"`).FindAllStringSubmatch(string(res.Data), -1) {
			typ := m[1]
			if typ == "Person" || typ == "Organization" || typ == "Place" {
				typ = "named"
			}
			types[typ] = true
		}
		if len(types) < 3 {
			t.Fatalf("search %q found %d types: %s; want several", q, len(types), res.Data)
		}
		// The search, then one read a type.
		if sent := counter.since(before); len(sent) > 1+len(types) {
			t.Errorf("search %q: %d statements for hits of %d types; want at most %d:\n%s", q, len(sent), len(types), 1+len(types), strings.Join(sent, "\n---\n"))
		}
		if want := postTo(t, server, searchAllTypes, map[string]any{"q": q}); string(res.Data) != string(want.Data) {
			t.Errorf("search %q read ahead:\n%s\nwant:\n%s", q, res.Data, want.Data)
		}
	}
}
