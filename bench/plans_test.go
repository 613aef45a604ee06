package bench_test

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench"
	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// corpusArticles is the size of the corpus the plan tests generate: large
// enough that PostgreSQL plans the canonical operations as it does at the
// default scale (100,000 articles), small enough to generate in seconds.
const corpusArticles = 5000

var (
	corpusOnce sync.Once
	corpusURL  string
	corpusErr  error
	corpusDrop func()
)

// generatedCorpus returns the URL of a database holding a generated corpus, shared
// by the tests of this package: NEWSGRAPH_BENCH_DATABASE_URL if set (to
// check the plans at the default scale: `make bench` leaves one), else a
// throwaway database with corpusArticles articles.
func generatedCorpus(tb testing.TB) string {
	tb.Helper()
	corpusOnce.Do(corpusInit)
	if corpusErr != nil {
		tb.Fatalf("generate a corpus: %v", corpusErr)
	}
	return corpusURL
}

func corpusInit() {
	if u := os.Getenv("NEWSGRAPH_BENCH_DATABASE_URL"); u != "" {
		corpusURL = u
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	d, err := dbtest.Create(ctx)
	if err != nil {
		corpusErr = err
		return
	}
	corpusDrop = func() { _ = d.Drop(context.Background()) }
	if _, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: corpusArticles, Seed: 1}); err != nil {
		corpusErr = err
		return
	}
	corpusURL = d.URL
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpusDrop != nil {
		corpusDrop()
	}
	os.Exit(code)
}

func canonical(t testing.TB) []*bench.Operation {
	t.Helper()
	ops, err := bench.LoadOperations(bench.Canonical, "operations")
	if err != nil {
		t.Fatal(err)
	}
	return ops
}

// bigTables are the tables no canonical operation may read whole: those
// with a row or more for each statement, figure or paragraph, and the
// articles (the front page reads its 20 newest off an index).
var bigTables = []string{"statements", "figures", "paragraphs", "articles", "evidence", "search_documents"}

// entitiesByID matches a statement that reads people, organizations,
// places, ... by id, with their entities rows.
var entitiesByID = regexp.MustCompile(`JOIN entities n ON n\.id = \w+\.id WHERE \w+\.id = ANY`)

// TestCanonicalPlans explains every statement the server sends for each
// canonical operation and fails on a sequential scan of a big table: in
// the plan for the statement's values and, for a statement the server
// prepares, in the generic plan PostgreSQL may settle on after five runs.
// It also fails when a read of entities by id walks the entities' index
// (run, with ANALYZE, for the statement's values).
func TestCanonicalPlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	for _, op := range canonical(t) {
		t.Run(op.Name, func(t *testing.T) {
			runs := h.run(t, op)
			generic := 0
			for _, sent := range runs[:min(len(runs), 3)] {
				if len(sent) == 0 {
					t.Fatal("the server sent no SQL")
				}
				for _, st := range sent {
					if entitiesByID.MatchString(st.SQL) {
						for _, index := range entityWalks(h.plan(t, st, true)) {
							t.Errorf("a walk of %s to read entities by id: %s", index, abbreviate(st.SQL))
						}
					}
					for kind, plan := range map[string]map[string]any{"custom": h.plan(t, st, false), "generic": h.genericPlan(t, st)} {
						if plan == nil {
							continue
						}
						if kind == "generic" {
							generic++
						}
						for _, rel := range seqScans(plan) {
							if slices.Contains(bigTables, rel) {
								t.Errorf("sequential scan of %s in the %s plan of: %s", rel, kind, abbreviate(st.SQL))
							}
						}

					}
				}
			}
			if generic == 0 {
				t.Error("no generic plan was checked: the server prepares some statement of every operation")
			}
		})
	}
}

// TestStatementsConstantInPageSize checks that the SQL a front page sends
// does not grow with its page sizes: at most one statement for each hop of
// the query (articles, their statements, the speakers, their affiliations,
// ...), however many rows each hop reads. The server gathers each hop's
// reads for a moment (Options.LoaderWait, 3 ms by default) before it sends
// them as one statement; resolving hundreds of rows can take longer than
// that on a busy machine, which splits a batch in two (the load tool
// measures what that costs). Here the window is long enough never to split,
// so that the count shows the query's structure. A hop is read only when
// the page holds something to read it for (an unnamed speaker's
// organization, say), and two hops whose reads fall in one window share a
// statement, so the bound is the hops each response makes, not a number
// fixed for the corpus.
func TestStatementsConstantInPageSize(t *testing.T) {
	h := newHarnessWith(t, generatedCorpus(t), serve.Options{LoaderWait: 50 * time.Millisecond})
	var front *bench.Operation
	for _, op := range canonical(t) {
		if op.Name == "q1-front-page" {
			front = op
		}
	}
	if front == nil {
		t.Fatal("no q1-front-page operation")
	}
	for _, size := range []struct{ articles, statements int }{{5, 2}, {20, 10}, {30, 20}} {
		op := *front
		op.Variables = []map[string]any{{"articles": size.articles, "statements": size.statements}}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		bodies, err := bench.Prepare(ctx, h.URL, &op)
		if err != nil {
			t.Fatal(err)
		}
		sent, raw := h.post(ctx, t, op.Name, bodies[0])
		cancel()
		hops, parents := frontPageHops(t, raw)
		if parents < 2*size.articles {
			t.Fatalf("%d articles of %d statements: %d parents to read hops for; want a page large enough to show N+1", size.articles, size.statements, parents)
		}
		if len(sent) == 0 || len(sent) > len(hops) {
			t.Errorf("%d articles of %d statements: %d statements for the %d hops %v; want one at most a hop", size.articles, size.statements, len(sent), len(hops), slices.Sorted(maps.Keys(hops)))
		}
	}
}

// frontPageHops names the hops a front page's response makes, each a
// level the server reads once for all its parents: the articles, their
// statements, the speakers, the people's affiliations, the organizations
// and places those lead to, and the unnamed speakers' organizations. It
// also counts the statements and affiliations the response holds: the
// parents those hops are read for.
func frontPageHops(t *testing.T, raw []byte) (hops map[string]bool, parents int) {
	t.Helper()
	type named struct{ Name string }
	var resp struct {
		Data struct {
			Articles struct {
				Nodes []struct {
					Statements struct {
						Nodes []struct {
							Speaker *struct {
								Organization *named
								Affiliations []struct {
									Organization *named
									Place        *named
								}
							}
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &resp); err != nil {
		t.Fatalf("front page: %v", err)
	}
	hops = map[string]bool{"articles": true}
	for _, a := range resp.Data.Articles.Nodes {
		hops["statements"] = true
		for _, s := range a.Statements.Nodes {
			parents++
			sp := s.Speaker
			if sp == nil {
				continue
			}
			hops["speakers"] = true
			if sp.Organization != nil {
				hops["unnamed speakers' organizations"] = true
			}
			if sp.Affiliations != nil {
				hops["affiliations"] = true
			}
			for _, af := range sp.Affiliations {
				parents++
				if af.Organization != nil || af.Place != nil {
					hops["affiliations' organizations and places"] = true
				}
			}
		}
	}
	return hops, parents
}

// TestLoadTool runs the load tool against the API for a moment: every
// canonical operation must answer without errors.
func TestLoadTool(t *testing.T) {
	url := generatedCorpus(t)
	h := newHarness(t, url)
	rep, err := bench.Run(context.Background(), bench.Config{
		URL: h.URL, Concurrency: 4, Warmup: 100 * time.Millisecond, Duration: 300 * time.Millisecond,
		DatabaseURL: url, PID: os.Getpid(),
	}, canonical(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.SQLSource, "pg_stat_database") {
		t.Errorf("SQL source: got %q; want pg_stat_database (the test server exports no metrics)", rep.SQLSource)
	}
	if len(rep.Results) != len(canonical(t)) {
		t.Fatalf("got %d results; want one for each canonical operation", len(rep.Results))
	}
	for _, r := range rep.Results {
		if r.Errors != 0 || r.Requests == 0 || r.P99 <= 0 {
			t.Errorf("%s: %d requests, %d errors (first: %s), p99 %.1f ms", r.Operation, r.Requests, r.Errors, r.FirstErr, r.P99)
		}
		// The statistics reach pg_stat_database up to a second late: too
		// late to count a run this short, but not too late to read.
		if r.SQLPerRequest < 0 {
			t.Errorf("%s: no SQL statement count", r.Operation)
		}
		if r.RSSPeak == 0 || r.ServerCPU < 0 || r.ToolCPU < 0 {
			t.Errorf("%s: resident set %d, server CPU %.2f ms, tool CPU %.2f ms; want them measured", r.Operation, r.RSSPeak, r.ServerCPU, r.ToolCPU)
		}
		if r.Operation == "q5-statements-page-1000" && (r.Baseline != "q5-statements-page-1" || r.BaselineRatio <= 0) {
			t.Errorf("%s: baseline %q, ratio %.2f; want a ratio to q5-statements-page-1", r.Operation, r.Baseline, r.BaselineRatio)
		}
	}
}

// TestLongTailSample checks that the long-tail operation reads a different
// article in every request, drawn over the whole corpus: one request for
// each article, in an order that is not the listing's.
func TestLongTailSample(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	bodies, err := bench.Prepare(context.Background(), h.URL, canonicalOp(t, "q2-article-long-tail"))
	if err != nil {
		t.Fatal(err)
	}
	var articles int
	if err := h.Pool.QueryRow(context.Background(), `SELECT count(*) FROM articles`).Scan(&articles); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, body := range bodies {
		var req struct{ Variables struct{ Slug string } }
		if err := json.Unmarshal(body, &req); err != nil {
			t.Fatal(err)
		}
		seen[req.Variables.Slug] = true
	}
	if len(bodies) != articles || len(seen) != articles {
		t.Fatalf("got %d requests for %d articles; want one for each of the %d articles", len(bodies), len(seen), articles)
	}
	raw, err := bench.Post(context.Background(), h.URL, []byte(`{"query": "{ articles(first: 10) { nodes { slug } } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	var front struct {
		Data struct {
			Articles struct{ Nodes []struct{ Slug string } }
		}
	}
	if err := json.Unmarshal(raw, &front); err != nil || len(front.Data.Articles.Nodes) != 10 {
		t.Fatalf("the first page: %s: %v", raw, err)
	}
	first := 0
	for i, body := range bodies[:10] {
		if strings.Contains(string(body), `"`+front.Data.Articles.Nodes[i].Slug+`"`) {
			first++
		}
	}
	if first == 10 {
		t.Errorf("the first 10 requests read the first page's articles in its order; want them drawn from the whole corpus")
	}
}

// TestNestedCountPlans checks the plans of the nested-count operation (25
// organizations, each with the number of statements of its subtree): the
// counts are read from those kept on write (organizations'
// subtree_statement_count, migrations 000031 and 000032), so no statement walks a
// subtree or reads the statement tables, and none scans a large table
// whole (organizations, a few hundred rows here, may be).
// When the counts were gathered (a filtered count still is), every subtree
// was walked in one recursive query for the whole batch and the rows read
// from the statement tables stayed within a few times the statements
// counted; those bounds stay, for a plan that gathers again.
func TestNestedCountPlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	op := canonicalOp(t, "q7-organization-statement-counts")
	var answer struct {
		Data struct {
			Organizations struct {
				Nodes []struct {
					Statements struct{ TotalCount int }
				}
			}
		}
	}
	bodies, err := bench.Prepare(context.Background(), h.URL, op)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := bench.Post(context.Background(), h.URL, bodies[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &answer); err != nil || len(answer.Data.Organizations.Nodes) == 0 {
		t.Fatalf("answer %s: %v; want organizations", abbreviate(string(raw)), err)
	}
	counted := 0
	for _, o := range answer.Data.Organizations.Nodes {
		counted += o.Statements.TotalCount
	}
	if counted == 0 {
		t.Fatal("the organizations made no statements; want a corpus where they do")
	}
	sent := h.run(t, op)[0]
	stored := false
	for _, st := range sent {
		stored = stored || strings.Contains(st.SQL, "subtree_statement_count")
		plan := h.plan(t, st, true)
		read := 0.0
		walks := 0
		walkPlan(plan, func(n map[string]any) {
			loops, _ := n["Actual Loops"].(float64)
			if n["Node Type"] == "Recursive Union" {
				walks++
				if loops > 1 {
					t.Errorf("a subtree walk runs %.0f times; want once for the batch: %s", loops, abbreviate(st.SQL))
				}
			}
			switch n["Relation Name"] {
			case "statements", "statement_affiliations":
				rows, _ := n["Actual Rows"].(float64)
				removed, _ := n["Rows Removed by Filter"].(float64)
				read += (rows + removed) * loops
			}
		})
		if limit := 4*counted + 1000; read > float64(limit) {
			t.Errorf("read %.0f rows of statements and their affiliations to count %d statements; want at most %d: %s",
				read, counted, limit, abbreviate(st.SQL))
		}
		if walks > 0 || read > 0 {
			t.Errorf("walked subtrees %d times and read %.0f rows of statements and their affiliations; want the counts kept on write read: %s",
				walks, read, abbreviate(st.SQL))
		}
		for _, rel := range seqScans(plan) {
			if slices.Contains(bigTables, rel) || rel == "statement_affiliations" || rel == "affiliations" {
				t.Errorf("sequential scan of %s; want none: %s", rel, abbreviate(st.SQL))
			}
		}
	}
	if !stored {
		t.Error("no statement read subtree_statement_count; want the counts kept on write")
	}
}

// TestFiguresByMetricPlan checks that Q3, figures whose metric holds a
// substring within a range of values, reads about the figures it returns:
// at most 10 for each row of its page (the value range, tested on the way,
// keeps about one figure in four of a metric here), not every figure up to
// the page's last, as walking the article order's index and testing each
// row's metric did (2,508 rows for 52 on the 20,000-article corpus). It
// does so planned once for all values, as the server sends it (a plan for
// its values cost as much CPU as running it): the generic plan took the
// trigram index and read every figure of the metric before migration
// 000033.
func TestFiguresByMetricPlan(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	op := canonicalOp(t, "q3-figures")
	checked := 0
	for _, st := range h.run(t, op)[0] {
		if !strings.Contains(st.SQL, "ILIKE") || !strings.Contains(st.SQL, "FROM figures f") {
			continue
		}
		checked++
		if st.Planned != "force_generic_plan" {
			t.Errorf("sent with plan_cache_mode %q; want force_generic_plan (planned once): %s", st.Planned, abbreviate(st.SQL))
		}
		for _, generic := range []bool{false, true} {
			plan := h.plan(t, st, true)
			if generic {
				plan = h.genericPlanOf(t, st, "FORMAT JSON, ANALYZE, BUFFERS")
			}
			checkFiguresRead(t, plan, st, generic)
		}
	}
	if checked == 0 {
		t.Fatal("no statement of Q3 filtered figures by metric")
	}

	// With a condition besides the value range (here a subject), the walk
	// is planned for its values: the subject's own index may serve better.
	ctx := context.Background()
	_, raw := h.post(ctx, t, "a subject", []byte(`{"query": "{ figures(first: 1, filter: {metric: \"GDP\"}) { nodes { subject { id } } } }"}`))
	var found struct {
		Data struct {
			Figures struct {
				Nodes []struct {
					Subject struct{ ID string }
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &found); err != nil || len(found.Data.Figures.Nodes) == 0 {
		t.Fatalf("a figure's subject: %v: %s", err, raw)
	}
	body, err := json.Marshal(map[string]any{
		"query":     `query($s: ID!) { figures(first: 20, filter: {metric: "GDP", subjects: [$s]}) { nodes { value } } }`,
		"variables": map[string]any{"s": found.Data.Figures.Nodes[0].Subject.ID},
	})
	if err != nil {
		t.Fatal(err)
	}
	sent, raw := h.post(ctx, t, "figures by metric and subject", body)
	walked := false
	for _, st := range sent {
		if strings.Contains(st.SQL, "ILIKE") && strings.Contains(st.SQL, "FROM figures f") {
			walked = true
			if st.Planned != "force_custom_plan" {
				t.Errorf("figures by metric and subject sent with plan_cache_mode %q; want force_custom_plan", st.Planned)
			}
		}
	}
	if !walked {
		t.Errorf("figures by metric and subject: no walk by metric among %d statements: %s", len(sent), raw)
	}
}

// checkFiguresRead fails t when plan reads more than 10 figures for each
// row it returns, plus 100.
func checkFiguresRead(t *testing.T, plan map[string]any, st statement, generic bool) {
	t.Helper()
	read, returned := 0.0, 0.0
	if top, ok := plan["Plan"].(map[string]any); ok {
		returned, _ = top["Actual Rows"].(float64)
	}
	walkPlan(plan, func(n map[string]any) {
		if n["Relation Name"] != "figures" {
			return
		}
		loops, _ := n["Actual Loops"].(float64)
		rows, _ := n["Actual Rows"].(float64)
		removed, _ := n["Rows Removed by Filter"].(float64)
		read += (rows + removed) * loops
	})
	if limit := 10*returned + 100; read > limit {
		t.Errorf("read %.0f rows of figures to return %.0f (generic plan: %v); want at most %.0f: %s", read, returned, generic, limit, abbreviate(st.SQL))
	}
}

// canonicalOp returns the canonical operation called name.
func canonicalOp(t testing.TB, name string) *bench.Operation {
	t.Helper()
	for _, op := range canonical(t) {
		if op.Name == name {
			return op
		}
	}
	t.Fatalf("no canonical operation %s", name)
	return nil
}

// namedEntities matches a statement that reads people, organizations or
// places by id (package db's NamedEntities).
var namedEntities = regexp.MustCompile(`^\s*SELECT '(PERSON|ORGANIZATION|PLACE)' AS entity_kind`)

// TestArticleStatementCount counts the SQL statements Q2 and its long tail
// send for each article: the article; its topics, paragraphs, pages of
// statements, figures and agreements; one statement for the evidence of
// its statements and figures together, and one for their speakers and
// subjects together (people, organizations and places); and, when its
// agreements have parties, the parties and their entities. The loaders'
// window is a microsecond, too short to gather anything, so that what is
// counted is what the resolvers share by design, not what a window caught.
func TestArticleStatementCount(t *testing.T) {
	h := newHarnessWith(t, generatedCorpus(t), serve.Options{LoaderWait: time.Microsecond})
	for _, name := range []string{"q2-article", "q2-article-long-tail"} {
		t.Run(name, func(t *testing.T) {
			withParties := 0
			for _, sent := range h.run(t, canonicalOp(t, name)) {
				evidence, entities, parties := 0, 0, 0
				for _, st := range sent {
					switch {
					case strings.Contains(st.SQL, "FROM evidence e"):
						evidence++
					case namedEntities.MatchString(st.SQL):
						entities++ // people, organizations or places by id, with their entities rows
					case strings.Contains(st.SQL, "FROM agreement_parties"):
						parties++
					}
				}
				want := 8
				if parties > 0 {
					want += 2 // the parties, and their entities
					withParties++
				}
				if len(sent) > want || evidence > 1 || entities > 1+parties {
					var sql []string
					for _, st := range sent {
						sql = append(sql, abbreviate(st.SQL))
					}
					t.Fatalf("%d statements for one article (evidence read %d times, entities %d); want at most %d, evidence and entities once each for the statements and figures:\n%s",
						len(sent), evidence, entities, want, strings.Join(sql, "\n"))
				}
			}
			t.Logf("%d articles with parties", withParties)
		})
	}
}
