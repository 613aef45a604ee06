package bench_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/bench"
)

// TestWholeCorpusAggregatePlans groups every statement (and every figure)
// of the generated corpus by the dimensions that read several tables for
// a row, and the statements of many parents of nested connections, and
// fails when a node of the aggregate's plan runs once for each statement
// or figure (a subquery a row: about 9 µs each, which at 100,000 articles
// passes the statement timeout) rather than once for the set. Grouping by
// ORGANIZATION must read the organizations statement_organizations keeps
// (migration 000020), not derive them again from the speakers' roles'
// affiliations. A nested aggregate's children are found by index from their
// parents, and the planner may then look each child's topics and
// organizations up by their primary key (an index-only probe, about a
// microsecond, not a subquery): for the nested queries, such probes may
// run once a child.
func TestWholeCorpusAggregatePlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	var rows int
	if err := h.Pool.QueryRow(context.Background(), `SELECT least((SELECT count(*) FROM statements), (SELECT count(*) FROM figures))`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`{ statements { groups(by: [ORGANIZATION]) { count } } }`,
		`{ statements { groups(by: [COUNTRY]) { count } } }`,
		`{ statements { groups(by: [COUNTRY, ORGANIZATION]) { count } } }`,
		`{ figures { groups(by: [COUNTRY]) { count } } }`,
		`{ figures { groups(by: [SPEAKER, TOPIC]) { count } } }`,
		`{ people(first: 20, orderBy: {field: STATEMENTS, direction: DESC}) { nodes { statements { groups(by: [ORGANIZATION, TOPIC]) { count } } } } }`,
		`{ articles(first: 20) { nodes { statements { groups(by: [COUNTRY]) { count } } figures { summary(by: [METRIC]) { count } } } } }`,
	} {
		t.Run(q, func(t *testing.T) {
			h.rec.start()
			raw, err := bench.Post(context.Background(), h.URL, body(t, q, nil))
			sent := h.rec.stop()
			if err != nil {
				t.Fatal(err)
			}
			var answer struct {
				Errors []any
			}
			if err := json.Unmarshal(raw, &answer); err != nil || len(answer.Errors) > 0 || !strings.Contains(string(raw), `"count"`) {
				t.Fatalf("answer %s: %v; want groups", abbreviate(string(raw)), err)
			}
			aggregates := 0
			for _, st := range sent {
				if !strings.Contains(st.SQL, "GROUP BY") {
					continue
				}
				aggregates++
				walkPlan(h.plan(t, st, true), func(n map[string]any) {
					nestedProbe := strings.Contains(q, "nodes") && n["Node Type"] == "Index Only Scan"
					if loops, _ := n["Actual Loops"].(float64); loops >= float64(rows)/2 && !nestedProbe {
						t.Errorf("a %s node runs %.0f times (the corpus has %d statements or figures); want once for the set: %s",
							n["Node Type"], loops, rows, abbreviate(st.SQL))
					}
					if rel, _ := n["Relation Name"].(string); strings.Contains(q, "ORGANIZATION") && !strings.Contains(q, "COUNTRY") && (rel == "affiliations" || rel == "statement_affiliations") {
						t.Errorf("grouping by organization reads %s; want statement_organizations alone: %s", rel, abbreviate(st.SQL))
					}
				})
			}
			// A nested aggregate's parents are gathered in its loader's
			// window, which a loaded machine may split (graph's
			// TestNestedAggregatesDoNotGrowWithParents pins one statement a
			// level with a wide window).
			want := strings.Count(q, "groups(") + strings.Count(q, "summary(")
			if aggregates != want && !(strings.Contains(q, "nodes") && aggregates >= want) {
				t.Errorf("the server sent %d aggregates; want %d, one each", aggregates, want)
			}
		})
	}
}

// TestFigureSummaryReadsItsFigures sums up the GDP growth figures of the
// countries q8-aggregates asks for, per year, and fails when the summary's
// plan reads an index of figures by anything but the countries: the metric
// is matched among the distinct metrics first, and the countries' figures
// read by (subject, metric). Matched against every figure, the metric's
// substring read all the figures of the metric through the trigram index
// (27,411 at 100,000 articles) to intersect them with one country's 6,070.
func TestFigureSummaryReadsItsFigures(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	checked := 0
	for _, sent := range h.run(t, canonicalOp(t, "q8-aggregates")) {
		for _, st := range sent {
			if !strings.Contains(st.SQL, "GROUP BY") || !strings.Contains(st.SQL, "FROM figures f") {
				continue
			}
			checked++
			walkPlan(h.plan(t, st, true), func(n map[string]any) {
				name, _ := n["Index Name"].(string)
				cond, _ := n["Index Cond"].(string)
				if strings.HasPrefix(name, "figures_") && !strings.Contains(cond, "subject_id") {
					t.Errorf("the summary reads %s by %s (%v entries), not by the countries asked for: %s", name, cond, n["Actual Rows"], abbreviate(st.SQL))
				}
			})
		}
	}
	if checked == 0 {
		t.Fatal("q8-aggregates sent no summary of figures")
	}
}
