package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// TestNestedAggregates asks aggregates of nested connections for every
// parent of a list at once, as users do (each person's statements per
// topic, each article's figures summarized per metric, each article's
// agreements per party), and checks each parent's groups against plain
// GROUP BYs on the seeds: a nested aggregate counts its parent's children
// that its filter selects, and no other.
func TestNestedAggregates(t *testing.T) {
	t.Run("PersonStatementsPerTopic", func(t *testing.T) {
		var got struct {
			People struct {
				Nodes []struct {
					Name       string
					Statements struct {
						TotalCount int
						Groups     []apiGroup
					}
				}
			}
		}
		// Within the cost limit: 1 + 40 × (1 + 1 + (1 + 20 + 50)).
		data(t, `{ people(first: 40) { nodes { name statements(filter: {verbs: [SAID, NOTED]}) {
			totalCount groups(by: [TOPIC], first: 20) { keys { label } count } } } } }`, nil, &got)
		if len(got.People.Nodes) == 40 {
			t.Fatal("the seeds have 40 people or more; the test compares all of them")
		}
		gotCounts := map[string]int{}
		for _, p := range got.People.Nodes {
			for k, n := range groupCounts(p.Statements.Groups) {
				gotCounts[p.Name+"|"+k] = n
			}
		}
		want := sqlGroups(t, `SELECT p.name || '|' || coalesce(t.label, '<null>'), count(*) FROM statements s
			JOIN people p ON p.id = s.speaker_id LEFT JOIN statement_topics x ON x.statement_id = s.id
			LEFT JOIN topics t ON t.id = x.topic_id WHERE s.verb IN ('said', 'noted') GROUP BY p.name, t.label`)
		if len(want) == 0 {
			t.Fatal("no person said or noted anything in the seeds; the test needs statements")
		}
		if !maps.Equal(gotCounts, want) {
			t.Errorf("groups %v; want %v", gotCounts, want)
		}
	})
	t.Run("ArticleFiguresPerMetric", func(t *testing.T) {
		var got struct {
			Articles struct {
				Nodes []struct {
					Slug    string
					Figures struct{ Summary []apiGroup }
				}
			}
		}
		data(t, `{ articles(first: 10) { nodes { slug figures { summary(by: [METRIC], first: 100) { keys { label } count min max average } } } } }`, nil, &got)
		gotSummary := map[string]int{}
		for _, a := range got.Articles.Nodes {
			for _, g := range a.Figures.Summary {
				gotSummary[fmt.Sprintf("%s|%s|%s|%s|%s", a.Slug, g.label(), orNull(g.Min), orNull(g.Max), orNull(g.Average))] = g.Count
			}
		}
		want := sqlGroups(t, `SELECT a.slug || '|' || f.metric || '|' || coalesce(min(f.value)::text, '<null>') || '|' || coalesce(max(f.value)::text, '<null>')
				|| '|' || coalesce(trim_scale(avg(f.value))::text, '<null>'), count(*)
			FROM figures f JOIN articles a ON a.id = f.article_id GROUP BY a.slug, f.metric`)
		if len(want) == 0 {
			t.Fatal("the seeds have no figures; the test needs some")
		}
		if !maps.Equal(gotSummary, want) {
			t.Errorf("summaries %v; want %v", gotSummary, want)
		}
	})
	t.Run("ArticleAgreementsPerParty", func(t *testing.T) {
		var got struct {
			Articles struct {
				Nodes []struct {
					Slug       string
					Agreements struct{ Groups []apiGroup }
				}
			}
		}
		data(t, `{ articles(first: 10) { nodes { slug agreements { groups(by: [PARTY], first: 100) { keys { label } count } } } } }`, nil, &got)
		gotCounts := map[string]int{}
		for _, a := range got.Articles.Nodes {
			for k, n := range groupCounts(a.Agreements.Groups) {
				gotCounts[a.Slug+"|"+k] = n
			}
		}
		want := sqlGroups(t, `SELECT a.slug || '|' || coalesce(p.name, o.name, pl.name, ev.name, pr.name, pag.name, '<null>'), count(*)
			FROM articles a JOIN agreements ag ON ag.id IN (SELECT e.entity_id FROM evidence e WHERE e.article_id = a.id)
			LEFT JOIN agreement_parties x ON x.agreement_id = ag.id
			LEFT JOIN people p ON p.id = x.entity_id LEFT JOIN organizations o ON o.id = x.entity_id LEFT JOIN places pl ON pl.id = x.entity_id
			LEFT JOIN events ev ON ev.id = x.entity_id LEFT JOIN projects pr ON pr.id = x.entity_id LEFT JOIN agreements pag ON pag.id = x.entity_id
			GROUP BY 1`)
		if len(want) == 0 {
			t.Fatal("no article names an agreement in the seeds; the test needs one")
		}
		if !maps.Equal(gotCounts, want) {
			t.Errorf("groups %v; want %v", gotCounts, want)
		}
	})
}

// TestNestedAggregatesDoNotGrowWithParents is the N+1 guard of nested
// aggregates: each aggregate of a level costs one SQL statement, whether
// the level has one parent or twenty.
func TestNestedAggregatesDoNotGrowWithParents(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	if _, err := curate.Import(ctx, d.Store, copies(t, 25)); err != nil {
		t.Fatal(err)
	}
	var counter statementCounter
	// A window far wider than the spread of a level's loads (see
	// TestStatementCountDoesNotGrowWithPageSize).
	srv, closeSrv, err := startServer(ctx, d.URL, &counter, io.Discard, serve.Options{LoaderWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer closeSrv()
	const query = `query($n: Int!) { articles(first: $n, orderBy: {field: SLUG, direction: DESC}) { nodes {
		statements(filter: {verbs: [SAID, NOTED]}) { perSpeaker: groups(by: [SPEAKER, PUBLISHED_YEAR]) { count } perCountry: groups(by: [COUNTRY]) { count } }
		figures { summary(by: [METRIC]) { count average } }
		agreements { groups(by: [PARTY]) { count } } } } }`
	count := func(n int) (sql int64, groups int) {
		t.Helper()
		before := counter.n.Load()
		res := postTo(t, srv, query, map[string]any{"n": n})
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %+v", res.Errors)
		}
		var got struct {
			Articles struct {
				Nodes []struct {
					Statements struct{ PerSpeaker, PerCountry []apiGroup }
					Figures    struct{ Summary []apiGroup }
					Agreements struct{ Groups []apiGroup }
				}
			}
		}
		if err := json.Unmarshal(res.Data, &got); err != nil {
			t.Fatal(err)
		}
		for _, a := range got.Articles.Nodes {
			groups += len(a.Statements.PerSpeaker) + len(a.Statements.PerCountry) + len(a.Figures.Summary) + len(a.Agreements.Groups)
		}
		return counter.n.Load() - before, groups
	}
	one, oneGroups := count(1)
	twenty, twentyGroups := count(20)
	if oneGroups == 0 || twentyGroups != 20*oneGroups {
		t.Fatalf("groups returned: %d for 20 articles, %d for one; want 20 times as many (the copies are alike)", twentyGroups, oneGroups)
	}
	if twenty != one {
		t.Errorf("%d SQL statements for 20 articles; %d for one; want the same", twenty, one)
	}
	// The articles, then one statement for each of the four aggregates.
	if one > 5 {
		t.Errorf("%d SQL statements; want at most 5: the articles and one per aggregate", one)
	}
}
