package aggregate_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// The values each dimension takes, written as plain joins: (item id, key,
// label) rows, the key "KIND:id" for objects and the value itself
// otherwise. The test groups them with GROUP BY and compares.
var (
	statementKeys = map[string]string{
		"TOPIC": `SELECT x.statement_id, 'TOPIC:' || t.id, t.label FROM statement_topics x JOIN topics t ON t.id = x.topic_id`,
		"SPEAKER": `SELECT s.id, 'PERSON:' || p.id, p.name FROM statements s JOIN people p ON p.id = s.speaker_id
			UNION ALL SELECT s.id, 'ORGANIZATION:' || o.id, o.name FROM statements s JOIN organizations o ON o.id = s.speaker_id`,
		"ORGANIZATION": `SELECT so.id, 'ORGANIZATION:' || o.id, o.name FROM (
				SELECT s.id, s.speaker_id FROM statements s
				UNION SELECT s.id, s.speaker_organization_id FROM statements s
				UNION SELECT sa.statement_id, af.organization_id FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
			) so(id, org) JOIN organizations o ON o.id = so.org`,
		"COUNTRY": `SELECT sc.id, 'PLACE:' || c.id, c.name FROM (
				SELECT s.id, o.country_id FROM statements s JOIN organizations o ON o.id IN (s.speaker_id, s.speaker_organization_id)
				UNION SELECT sa.statement_id, o.country_id FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
					JOIN organizations o ON o.id = af.organization_id
				UNION SELECT sa.statement_id, CASE pl.place_kind WHEN 'country' THEN pl.id ELSE pl.country_id END FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
					JOIN places pl ON pl.id = af.place_id
			) sc(id, country) JOIN places c ON c.id = sc.country`,
		"ARTICLE": `SELECT s.id, 'ARTICLE:' || a.id, coalesce(a.title, a.slug) FROM statements s JOIN articles a ON a.id = s.article_id`,
		"VERB":    `SELECT s.id, upper(s.verb::text), upper(s.verb::text) FROM statements s`,
		"MODE":    `SELECT s.id, upper(s.mode::text), upper(s.mode::text) FROM statements s`,
		"PUBLISHED_YEAR": `SELECT s.id, a.published_year::text, a.published_year::text FROM statements s
			JOIN articles a ON a.id = s.article_id WHERE a.published_year IS NOT NULL`,
		"PUBLISHED_MONTH": `SELECT s.id, to_char(make_date(a.published_year, a.published_month, 1), 'YYYY-MM'), to_char(make_date(a.published_year, a.published_month, 1), 'YYYY-MM')
			FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.published_month IS NOT NULL`,
	}
	figureKeys = map[string]string{
		"TOPIC": `SELECT x.figure_id, 'TOPIC:' || t.id, t.label FROM figure_topics x JOIN topics t ON t.id = x.topic_id`,
		"SUBJECT": `SELECT f.id, upper(e.kind::text) || ':' || e.id, coalesce(p.name, o.name, pl.name, ev.name, pr.name, ag.name) FROM figures f
			JOIN entities e ON e.id = f.subject_id LEFT JOIN people p ON p.id = e.id LEFT JOIN organizations o ON o.id = e.id
			LEFT JOIN places pl ON pl.id = e.id LEFT JOIN events ev ON ev.id = e.id LEFT JOIN projects pr ON pr.id = e.id
			LEFT JOIN agreements ag ON ag.id = e.id`,
		"COUNTRY": `SELECT fc.id, 'PLACE:' || c.id, c.name FROM (
				SELECT f.id, CASE pl.place_kind WHEN 'country' THEN pl.id ELSE pl.country_id END FROM figures f JOIN places pl ON pl.id = f.subject_id
				UNION SELECT f.id, o.country_id FROM figures f JOIN organizations o ON o.id = f.subject_id
			) fc(id, country) JOIN places c ON c.id = fc.country`,
		"SPEAKER": `SELECT f.id, upper(s.speaker_kind::text) || ':' || s.speaker_id, coalesce(p.name, o.name) FROM figures f
			JOIN statements s ON s.id = f.statement_id LEFT JOIN people p ON p.id = s.speaker_id LEFT JOIN organizations o ON o.id = s.speaker_id
			WHERE s.speaker_id IS NOT NULL`,
		"ARTICLE":     `SELECT f.id, 'ARTICLE:' || a.id, coalesce(a.title, a.slug) FROM figures f JOIN articles a ON a.id = f.article_id`,
		"METRIC":      `SELECT f.id, f.metric, f.metric FROM figures f`,
		"UNIT":        `SELECT f.id, upper(f.unit::text), upper(f.unit::text) FROM figures f`,
		"PERIOD_YEAR": `SELECT f.id, f.period_year::text, f.period_year::text FROM figures f WHERE f.period_year IS NOT NULL`,
		"PERIOD_MONTH": `SELECT f.id, to_char(make_date(f.period_year, f.period_month, 1), 'YYYY-MM'), to_char(make_date(f.period_year, f.period_month, 1), 'YYYY-MM')
			FROM figures f WHERE f.period_month IS NOT NULL AND f.period_year IS NOT NULL`,
		"PUBLISHED_YEAR": `SELECT f.id, a.published_year::text, a.published_year::text FROM figures f
			JOIN articles a ON a.id = f.article_id WHERE a.published_year IS NOT NULL`,
		"PUBLISHED_MONTH": `SELECT f.id, to_char(make_date(a.published_year, a.published_month, 1), 'YYYY-MM'), to_char(make_date(a.published_year, a.published_month, 1), 'YYYY-MM')
			FROM figures f JOIN articles a ON a.id = f.article_id WHERE a.published_month IS NOT NULL`,
	}
	agreementKeys = map[string]string{
		"TOPIC": `SELECT x.agreement_id, 'TOPIC:' || t.id, t.label FROM agreement_topics x JOIN topics t ON t.id = x.topic_id`,
		"PARTY": `SELECT x.agreement_id, upper(e.kind::text) || ':' || e.id, coalesce(p.name, o.name, pl.name, ev.name, pr.name, ag.name)
			FROM agreement_parties x JOIN entities e ON e.id = x.entity_id LEFT JOIN people p ON p.id = e.id LEFT JOIN organizations o ON o.id = e.id
			LEFT JOIN places pl ON pl.id = e.id LEFT JOIN events ev ON ev.id = e.id LEFT JOIN projects pr ON pr.id = e.id
			LEFT JOIN agreements ag ON ag.id = e.id`,
		"COUNTRY": `SELECT ac.id, 'PLACE:' || c.id, c.name FROM (
				SELECT x.agreement_id, CASE pl.place_kind WHEN 'country' THEN pl.id ELSE pl.country_id END FROM agreement_parties x JOIN places pl ON pl.id = x.entity_id
				UNION SELECT x.agreement_id, o.country_id FROM agreement_parties x JOIN organizations o ON o.id = x.entity_id
				UNION SELECT x.agreement_id, CASE pl.place_kind WHEN 'country' THEN pl.id ELSE pl.country_id END FROM agreement_places x JOIN places pl ON pl.id = x.place_id
			) ac(id, country) JOIN places c ON c.id = ac.country`,
		"ARTICLE": `SELECT DISTINCT e.entity_id, 'ARTICLE:' || a.id, coalesce(a.title, a.slug) FROM evidence e
			JOIN agreements ag ON ag.id = e.entity_id JOIN articles a ON a.id = e.article_id`,
		"KIND":   `SELECT ag.id, upper(ag.agreement_kind::text), upper(ag.agreement_kind::text) FROM agreements ag`,
		"STATUS": `SELECT ag.id, upper(ag.status::text), upper(ag.status::text) FROM agreements ag WHERE ag.status IS NOT NULL`,
		"YEAR":   `SELECT ag.id, ag.date_year::text, ag.date_year::text FROM agreements ag WHERE ag.date_year IS NOT NULL`,
		"MONTH": `SELECT ag.id, to_char(make_date(ag.date_year, ag.date_month, 1), 'YYYY-MM'), to_char(make_date(ag.date_year, ag.date_month, 1), 'YYYY-MM')
			FROM agreements ag WHERE ag.date_month IS NOT NULL AND ag.date_year IS NOT NULL`,
	}
)

// expectedGroup is a group as the test's own GROUP BY counts it.
type expectedGroup struct {
	labels        [2]string
	count         int
	min, max, avg string
}

// groupKey is a group's keys as the test writes them.
func groupKey(keys []db.GroupKey) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		switch {
		case k.Kind != nil:
			parts[i] = fmt.Sprintf("%s:%d", *k.Kind, *k.ID)
		case k.Label != nil:
			parts[i] = *k.Label
		}
	}
	return strings.Join(parts, "|")
}

// expectGroups groups the items (id FROM items WHERE where) by the key
// queries with a plain GROUP BY; values, when given, is the summarized
// value's column of items.
func expectGroups(t *testing.T, ctx context.Context, q db.Querier, items, where string, keys []string, values string) map[string]expectedGroup {
	t.Helper()
	if len(keys) == 1 {
		keys = append(keys, `SELECT NULL::bigint, NULL::text, NULL::text WHERE false`)
	}
	summary := `NULL::text, NULL::text, NULL::text`
	if values != "" {
		summary = fmt.Sprintf(`min(%[1]s)::text, max(%[1]s)::text, trim_scale(avg(%[1]s))::text`, values)
	}
	sql := fmt.Sprintf(`SELECT coalesce(k1.key, '') || '|' || coalesce(k2.key, ''), coalesce(min(k1.label), ''), coalesce(min(k2.label), ''), count(*), %s
		FROM %s LEFT JOIN (%s) k1(id, key, label) ON k1.id = it.id LEFT JOIN (%s) k2(id, key, label) ON k2.id = it.id
		WHERE %s GROUP BY 1`, summary, items, keys[0], keys[1], where)
	rows, err := q.Query(ctx, sql)
	if err != nil {
		t.Fatalf("%v\n%s", err, sql)
	}
	out := map[string]expectedGroup{}
	for rows.Next() {
		var key string
		var g expectedGroup
		var mn, mx, avg *string
		if err := rows.Scan(&key, &g.labels[0], &g.labels[1], &g.count, &mn, &mx, &avg); err != nil {
			t.Fatal(err)
		}
		g.min, g.max, g.avg = orEmpty(mn), orEmpty(mx), orEmpty(avg)
		out[key] = g
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkGroups compares an aggregate's groups with the expected ones: the
// same counts, labels and summaries, the largest groups first, and every
// group when they fit in the page.
func checkGroups(t *testing.T, got []*db.Group, want map[string]expectedGroup, first int, dims int) {
	t.Helper()
	if len(got) != min(first, len(want)) {
		t.Errorf("got %d groups; want %d (of %d)", len(got), min(first, len(want)), len(want))
	}
	seen := map[string]bool{}
	for i, g := range got {
		key := groupKey(g.Keys)
		if dims == 1 {
			key += "|"
		}
		w, ok := want[key]
		if !ok {
			t.Errorf("group %q: not expected", key)
			continue
		}
		seen[key] = true
		if g.Count != w.count {
			t.Errorf("group %q: count %d; want %d", key, g.Count, w.count)
		}
		for j, k := range g.Keys {
			if orEmpty(k.Label) != w.labels[j] {
				t.Errorf("group %q key %d: label %q; want %q", key, j, orEmpty(k.Label), w.labels[j])
			}
		}
		if orEmpty(g.Min) != w.min || orEmpty(g.Max) != w.max || orEmpty(g.Avg) != w.avg {
			t.Errorf("group %q: min, max, avg %q %q %q; want %q %q %q", key, orEmpty(g.Min), orEmpty(g.Max), orEmpty(g.Avg), w.min, w.max, w.avg)
		}
		if i > 0 && g.Count > got[i-1].Count {
			t.Errorf("group %q: count %d after a group of %d", key, g.Count, got[i-1].Count)
		}
	}
	// No group left out is larger than the smallest returned.
	if len(got) > 0 {
		smallest := got[len(got)-1].Count
		for key, w := range want {
			if !seen[key] && w.count > smallest {
				t.Errorf("group %q of %d left out, but one of %d returned", key, w.count, smallest)
			}
		}
	}
}

// TestAggregates checks every dimension of every aggregate, alone and in
// pairs, with and without a filter, against a plain GROUP BY written here,
// on the seeds and on a generated corpus.
func TestAggregates(t *testing.T) {
	ctx := context.Background()
	generated := dbtest.New(t)
	if _, err := corpus.Generate(ctx, generated.Pool, corpus.Options{Articles: 300, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	seeded := dbtest.NewSeeded(t)
	for label, d := range map[string]*dbtest.Database{"generated": generated, "seeds": seeded} {
		t.Run(label, func(t *testing.T) {
			checkAll := func(t *testing.T, keys map[string]string, items string, group func(db.GroupBy) ([]*db.Group, error), where string, values string) {
				names := make([]string, 0, len(keys))
				for name := range keys {
					names = append(names, name)
				}
				var pairs [][]string
				for _, a := range names {
					pairs = append(pairs, []string{a})
					for _, b := range names {
						if a < b {
							pairs = append(pairs, []string{a, b})
						}
					}
				}
				for _, by := range pairs {
					for _, first := range []int{db.MaxPageSize, 3} {
						t.Run(fmt.Sprintf("%s/%d", strings.Join(by, "+"), first), func(t *testing.T) {
							got, err := group(db.GroupBy{Dimensions: by, First: first})
							if err != nil {
								t.Fatal(err)
							}
							q := make([]string, len(by))
							for i, name := range by {
								q[i] = keys[name]
							}
							checkGroups(t, got, expectGroups(t, ctx, d.Pool, items, where, q, values), first, len(by))
						})
					}
				}
			}
			t.Run("Statements", func(t *testing.T) {
				checkAll(t, statementKeys, "statements it", func(g db.GroupBy) ([]*db.Group, error) {
					return d.Store.GroupStatements(ctx, nil, g)
				}, "true", "")
			})
			t.Run("StatementsFiltered", func(t *testing.T) {
				f := &db.StatementFilter{Verbs: []string{"SAID", "NOTED"}, Boolean: db.Boolean[db.StatementFilter]{Not: &db.StatementFilter{Mode: ptr("QUOTE")}}}
				checkAll(t, map[string]string{"TOPIC": statementKeys["TOPIC"], "SPEAKER": statementKeys["SPEAKER"]},
					"statements it", func(g db.GroupBy) ([]*db.Group, error) {
						return d.Store.GroupStatements(ctx, f, g)
					}, "it.verb IN ('said', 'noted') AND it.mode <> 'quote'", "")
			})
			t.Run("Figures", func(t *testing.T) {
				checkAll(t, figureKeys, "figures it", func(g db.GroupBy) ([]*db.Group, error) {
					return d.Store.GroupFigures(ctx, nil, g)
				}, "true", "")
			})
			t.Run("FigureSummaries", func(t *testing.T) {
				f := &db.FigureFilter{Metric: ptr("gdp")}
				checkAll(t, map[string]string{"SUBJECT": figureKeys["SUBJECT"], "PERIOD_YEAR": figureKeys["PERIOD_YEAR"], "METRIC": figureKeys["METRIC"]},
					"figures it", func(g db.GroupBy) ([]*db.Group, error) {
						return d.Store.SummarizeFigures(ctx, f, g)
					}, "it.metric ILIKE '%gdp%'", "it.value")
			})
			t.Run("Agreements", func(t *testing.T) {
				checkAll(t, agreementKeys, "agreements it", func(g db.GroupBy) ([]*db.Group, error) {
					return d.Store.GroupAgreements(ctx, nil, g)
				}, "true", "")
			})
		})
	}
}

// TestAggregateInput checks that bad grouping arguments are refused with a
// message naming what is wrong.
func TestAggregateInput(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	for _, tc := range []struct {
		name string
		g    db.GroupBy
		want string
	}{
		{"NoDimension", db.GroupBy{First: 10}, "by: give one or two dimensions, not 0"},
		{"ThreeDimensions", db.GroupBy{Dimensions: []string{"TOPIC", "VERB", "MODE"}, First: 10}, "by: give one or two dimensions, not 3"},
		{"Twice", db.GroupBy{Dimensions: []string{"VERB", "VERB"}, First: 10}, "by: VERB is given twice"},
		{"Unknown", db.GroupBy{Dimensions: []string{"VERB", "UNIT"}, First: 10}, "by[1]: statements cannot be grouped by UNIT"},
		{"First", db.GroupBy{Dimensions: []string{"VERB"}, First: 101}, "first: must be 1 to 100, got 101"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := d.Store.GroupStatements(ctx, nil, tc.g)
			if db.ErrorCode(err) != db.CodeInvalid || err.Error() != tc.want {
				t.Errorf("got %v (%s); want %q", err, db.ErrorCode(err), tc.want)
			}
		})
	}
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func ptr[T any](v T) *T { return &v }
