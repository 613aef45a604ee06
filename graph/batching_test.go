package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seeds"
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
func copies(t *testing.T, n int) []*db.Document {
	t.Helper()
	docs, err := seeds.Read(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	var src *db.Document
	for _, d := range docs {
		if d.Article != nil && d.Article.Title != nil {
			src = d
		}
	}
	var out []*db.Document
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
	if _, err := d.Store.Import(ctx, copies(t, 25)); err != nil {
		t.Fatal(err)
	}
	var counter statementCounter
	// Batching gathers keys for a time window; under the race detector a
	// 1 ms window can close before all twenty articles ask, and under make
	// test, with every package's tests and the browser tests' Chromium on
	// two cores, so could a 50 ms one (seen: 7 statements for 20 articles,
	// 6 for one). A wide window makes the test about how many hops there
	// are, not about timing.
	srv, closeSrv, err := startServer(ctx, d.URL, &counter, io.Discard, graph.Options{LoaderWait: 250 * time.Millisecond})
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
	srv, closeSrv, err := startServer(ctx, d.URL, &counter, io.Discard, graph.Options{LoaderWait: 50 * time.Millisecond})
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
