package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// nestedStatements asks for people, most statements first, each with a page
// of their statements filtered and ordered as the variables say.
const nestedStatements = `query($people: Int!, $n: Int!, $filter: StatementFilter, $order: StatementOrder) {
  people(first: $people, orderBy: {field: STATEMENTS, direction: DESC}) {
    nodes {
      id
      all: statements { totalCount }
      statements(first: $n, filter: $filter, orderBy: $order) {
        totalCount
        nodes { id }
        pageInfo { endCursor }
      }
    }
  }
}`

// rootStatements is the root connection nestedStatements must agree with.
const rootStatements = `query($filter: StatementFilter, $order: StatementOrder) {
  statements(first: 100, filter: $filter, orderBy: $order) { totalCount nodes { id } }
}`

// nestedFigures asks for articles, each with a page of its figures.
const nestedFigures = `query($articles: Int!, $n: Int!, $filter: FigureFilter, $order: FigureOrder) {
  articles(first: $articles) {
    nodes {
      id
      figures(first: $n, filter: $filter, orderBy: $order) { totalCount nodes { id } }
    }
  }
}`

const rootFigures = `query($filter: FigureFilter, $order: FigureOrder) {
  figures(first: 100, filter: $filter, orderBy: $order) { totalCount nodes { id } }
}`

// nestedPage is a nested connection as the queries above select it.
type nestedPage struct {
	TotalCount int
	Nodes      []struct{ ID string }
	PageInfo   struct{ EndCursor *string }
}

func (p nestedPage) ids() []string {
	var out []string
	for _, n := range p.Nodes {
		out = append(out, n.ID)
	}
	return out
}

// TestNestedFilterAndOrder checks that a nested connection's filter and
// orderBy answer as the root connection's do for that parent (person
// statements against statements filtered by speaker, article figures
// against figures filtered by article), for several filters and orders,
// on the seeds and copies of a seed article published on other dates; that
// the SQL a request sends does not grow with its parents or page sizes;
// that people ordered by statement count come in the order their
// statements' totalCount gives; and that a cursor of one order is refused
// by another, with a message that says so.
func TestNestedFilterAndOrder(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	if _, err := curate.Import(ctx, d.Store, copies(t, 12)); err != nil {
		t.Fatal(err)
	}
	// The copies' dates spread over years, months and days.
	if _, err := d.Pool.Exec(ctx, `UPDATE articles SET published_year = 2010 + id % 9,
		published_month = 1 + id % 12, published_day = 1 + id % 28, published_precision = 'day'
		WHERE slug LIKE 'zz-copy-%'`); err != nil {
		t.Fatal(err)
	}
	// Nested pages are read from a server whose loaders wait long enough
	// never to split a batch (see TestStatementCountDoesNotGrowWithPageSize),
	// the root connections they are compared with from a quick one.
	var counter statementCounter
	srv, closeSrv, err := startServer(ctx, d.URL, &counter, io.Discard, serve.Options{LoaderWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer closeSrv()
	quick, closeQuick, err := startServer(ctx, d.URL, &statementCounter{}, io.Discard, serve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer closeQuick()
	query := func(q string, vars map[string]any, v any) int64 { return queryAt(t, quick, &counter, q, vars, v) }
	// counted sends a nested query with small and large pages to srv and
	// reports whether both sent as many SQL statements.
	counted := func(name, q string, vars map[string]any, small, large map[string]any) {
		t.Helper()
		n := map[bool]int64{}
		for _, big := range []bool{false, true} {
			sizes := small
			if big {
				sizes = large
			}
			v := map[string]any{}
			for k, x := range vars {
				v[k] = x
			}
			for k, x := range sizes {
				v[k] = x
			}
			var answer any
			n[big] = queryAt(t, srv, &counter, q, v, &answer)
		}
		if n[false] != n[true] || n[false] == 0 {
			t.Errorf("%s: %d SQL statements with %v, %d with %v; want the same", name, n[true], large, n[false], small)
		}
	}
	// againstRoot checks a parent's nested page (of at most 20 items)
	// against the root connection of rootQuery, filtered by f and to the
	// parent's own (own), ordered by o, and returns how many items it has.
	againstRoot := func(name string, got nestedPage, rootQuery string, own, f, o map[string]any) int {
		t.Helper()
		filter := own
		if f != nil {
			filter = map[string]any{"and": []any{f, own}}
		}
		var answer map[string]nestedPage
		query(rootQuery, map[string]any{"filter": filter, "order": o}, &answer)
		var root nestedPage
		for _, page := range answer {
			root = page
		}
		want := root.ids()
		if len(want) > 20 {
			want = want[:20]
		}
		if ids := got.ids(); !slices.Equal(ids, want) || got.TotalCount != root.TotalCount {
			t.Errorf("%s: got %v (total %d); want %v (total %d), as the root connection answers", name, ids, got.TotalCount, want, root.TotalCount)
		}
		return len(want)
	}
	var topics struct {
		Topics struct{ Nodes []struct{ ID string } }
	}
	query(`{ topics(first: 3) { nodes { id } } }`, nil, &topics)
	topicIDs := []string{topics.Topics.Nodes[0].ID, topics.Topics.Nodes[1].ID, topics.Topics.Nodes[2].ID}

	statementFilters := []map[string]any{
		nil,
		{"mode": "QUOTE"},
		{"not": map[string]any{"verbs": []string{"SAID"}}},
		{"topics": topicIDs, "published": map[string]any{"from": "2012-01-01"}},
	}
	statementOrders := []map[string]any{
		nil,
		{"field": "PUBLISHED", "direction": "DESC"},
		{"field": "PUBLISHED", "direction": "ASC"},
		{"field": "SPEAKER", "direction": "ASC"},
		{"field": "ARTICLE", "direction": "DESC"},
	}
	type peopleAnswer struct {
		People struct {
			Nodes []struct {
				ID         string
				All        struct{ TotalCount int }
				Statements nestedPage
			}
		}
	}
	counted("people", nestedStatements, map[string]any{"filter": statementFilters[3], "order": statementOrders[1]},
		map[string]any{"people": 1, "n": 1}, map[string]any{"people": 20, "n": 20})
	nonEmpty := 0
	for _, f := range statementFilters {
		for _, o := range statementOrders {
			name := fmt.Sprintf("people/%v/%v", f, o)
			var large peopleAnswer
			query(nestedStatements, map[string]any{"filter": f, "order": o, "people": 20, "n": 20}, &large)
			if len(large.People.Nodes) < 5 {
				t.Fatalf("%s: %d people; want more", name, len(large.People.Nodes))
			}
			for i, p := range large.People.Nodes {
				if i > 0 && p.All.TotalCount > large.People.Nodes[i-1].All.TotalCount {
					t.Errorf("people by statement count, descending: %d statements after %d", p.All.TotalCount, large.People.Nodes[i-1].All.TotalCount)
				}
				if againstRoot(name+", person "+p.ID, p.Statements, rootStatements, map[string]any{"speakers": []string{p.ID}}, f, o) > 1 {
					nonEmpty++
				}
			}
		}
	}
	if nonEmpty == 0 {
		t.Fatal("no person had more than one statement under any filter; want pages that order something")
	}

	nonEmpty = 0
	figureFilters := []map[string]any{nil, {"units": []string{"PERCENT", "COUNT"}}, {"not": map[string]any{"metric": "GDP"}}}
	figureOrders := []map[string]any{nil, {"field": "VALUE", "direction": "DESC"}, {"field": "PERIOD", "direction": "ASC"}, {"field": "PUBLISHED", "direction": "DESC"}}
	counted("figures", nestedFigures, map[string]any{"filter": figureFilters[1], "order": figureOrders[1]},
		map[string]any{"articles": 1, "n": 1}, map[string]any{"articles": 14, "n": 20})
	for _, f := range figureFilters {
		for _, o := range figureOrders {
			name := fmt.Sprintf("figures/%v/%v", f, o)
			var large struct {
				Articles struct {
					Nodes []struct {
						ID      string
						Figures nestedPage
					}
				}
			}
			query(nestedFigures, map[string]any{"articles": 14, "n": 20, "filter": f, "order": o}, &large)
			for _, a := range large.Articles.Nodes {
				if againstRoot(name+", article "+a.ID, a.Figures, rootFigures, map[string]any{"articles": []string{a.ID}}, f, o) > 1 {
					nonEmpty++
				}
			}
		}
	}

	if nonEmpty == 0 {
		t.Fatal("no article had more than one figure under any filter; want pages that order something")
	}

	// A cursor of statements newest first, given to the same person's
	// statements by speaker.
	var first peopleAnswer
	query(nestedStatements, map[string]any{"people": 1, "n": 1, "order": map[string]any{"field": "PUBLISHED", "direction": "DESC"}}, &first)
	cursor := first.People.Nodes[0].Statements.PageInfo.EndCursor
	if cursor == nil {
		t.Fatal("no cursor")
	}
	res := postTo(t, srv, `query($after: String!) { people(first: 1, orderBy: {field: STATEMENTS, direction: DESC}) {
		nodes { statements(first: 1, after: $after, orderBy: {field: SPEAKER}) { nodes { id } } } } }`, map[string]any{"after": *cursor})
	if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
		!strings.Contains(res.Errors[0].Message, "after") || !strings.Contains(res.Errors[0].Message, "another ordering") {
		t.Errorf("a cursor of another order: got %+v; want BAD_USER_INPUT naming after and another ordering", res.Errors)
	}
}

// queryAt sends a request that must succeed to server, decodes its data
// into v, and returns how many SQL statements counter saw meanwhile.
func queryAt(t *testing.T, server *httptest.Server, counter *statementCounter, q string, vars map[string]any, v any) int64 {
	t.Helper()
	before := counter.n.Load()
	res := postTo(t, server, q, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		t.Fatal(err)
	}
	return counter.n.Load() - before
}
