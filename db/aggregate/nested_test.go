package aggregate_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestNestedGroups groups the children of several parents of each nested
// listing of statements, figures and agreements at once (db.NestedGroups),
// with and without a filter, and checks each parent's groups against a
// plain GROUP BY of that parent's children, written here, on the seeds and
// on a generated corpus. Parents with no children get no groups.
func TestNestedGroups(t *testing.T) {
	ctx := context.Background()
	generated := dbtest.New(t)
	if _, err := corpus.Generate(ctx, generated.Pool, corpus.Options{Articles: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	seeded := dbtest.NewSeeded(t)
	// The subtree of topic or organization %[1]d, as a plain recursive query.
	topicTree := `WITH RECURSIVE t(id) AS (SELECT %[1]d::bigint UNION SELECT c.id FROM topics c JOIN t ON c.parent_id = t.id) SELECT id FROM t`
	orgTree := `WITH RECURSIVE t(id) AS (SELECT %[1]d::bigint UNION SELECT c.id FROM organizations c JOIN t ON c.parent_id = t.id) SELECT id FROM t`
	type relationCase struct {
		name    string
		parents string // the parents to ask for, most children first
		member  string // the condition that item it is a child of parent %[1]d
		group   func(parents []int64, args db.NestedArgs, g db.GroupBy, summarize bool) (map[int64][]*db.Group, error)
		keys    map[string]string
		dims    [][]string
		filter  db.Filter
		where   string // the filter, on it
		values  string // the summarized values, for figures
	}
	for label, d := range map[string]*dbtest.Database{"generated": generated, "seeds": seeded} {
		t.Run(label, func(t *testing.T) {
			statements := func(r db.Relation[db.Statement]) func([]int64, db.NestedArgs, db.GroupBy, bool) (map[int64][]*db.Group, error) {
				return func(parents []int64, args db.NestedArgs, g db.GroupBy, summarize bool) (map[int64][]*db.Group, error) {
					return db.NestedGroups(ctx, d.Store, r, parents, args, g, summarize)
				}
			}
			figures := func(r db.Relation[db.Figure]) func([]int64, db.NestedArgs, db.GroupBy, bool) (map[int64][]*db.Group, error) {
				return func(parents []int64, args db.NestedArgs, g db.GroupBy, summarize bool) (map[int64][]*db.Group, error) {
					return db.NestedGroups(ctx, d.Store, r, parents, args, g, summarize)
				}
			}
			agreements := func(r db.Relation[db.Agreement]) func([]int64, db.NestedArgs, db.GroupBy, bool) (map[int64][]*db.Group, error) {
				return func(parents []int64, args db.NestedArgs, g db.GroupBy, summarize bool) (map[int64][]*db.Group, error) {
					return db.NestedGroups(ctx, d.Store, r, parents, args, g, summarize)
				}
			}
			said := &db.StatementFilter{Verbs: []string{"SAID", "NOTED"}}
			saidWhere := "it.verb IN ('said', 'noted')"
			stmtDims := [][]string{{"TOPIC"}, {"ORGANIZATION"}, {"COUNTRY"}, {"SPEAKER", "PUBLISHED_YEAR"}}
			figDims := [][]string{{"COUNTRY"}, {"SPEAKER"}, {"METRIC", "PERIOD_YEAR"}}
			agDims := [][]string{{"PARTY"}, {"COUNTRY"}, {"ARTICLE"}, {"KIND", "TOPIC"}}
			cases := []relationCase{
				{name: "ArticleStatements", parents: `SELECT article_id FROM statements GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.article_id = %[1]d`, group: statements(db.ArticleStatements), keys: statementKeys, dims: stmtDims},
				{name: "ArticleStatementsFiltered", parents: `SELECT article_id FROM statements GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.article_id = %[1]d`, group: statements(db.ArticleStatements), keys: statementKeys, dims: stmtDims, filter: said, where: saidWhere},
				{name: "PersonStatements", parents: `SELECT speaker_id FROM statements WHERE speaker_kind = 'person' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.speaker_id = %[1]d`, group: statements(db.PersonStatements), keys: statementKeys, dims: stmtDims, filter: said, where: saidWhere},
				{name: "OrganizationStatements", parents: `SELECT organization_id FROM statement_organizations GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.id IN (SELECT s.id FROM statements s WHERE s.speaker_id = %[1]d OR s.speaker_organization_id IN (` + orgTree + `)
						UNION SELECT sa.statement_id FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
						WHERE af.organization_id IN (` + orgTree + `))`,
					group: statements(db.OrganizationStatements), keys: statementKeys, dims: stmtDims, filter: said, where: saidWhere},
				{name: "TopicStatements", parents: `(SELECT id FROM topics WHERE parent_id IS NULL ORDER BY id LIMIT 2) UNION ALL (SELECT topic_id FROM statement_topics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3)`,
					member: `it.id IN (SELECT x.statement_id FROM statement_topics x WHERE x.topic_id IN (` + topicTree + `))`,
					group:  statements(db.TopicStatements), keys: statementKeys, dims: stmtDims},
				{name: "ArticleFigures", parents: `SELECT article_id FROM figures GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.article_id = %[1]d`, group: figures(db.ArticleFigures), keys: figureKeys, dims: figDims, values: "it.value"},
				{name: "EntityFigures", parents: `SELECT subject_id FROM figures GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.subject_id = %[1]d`, group: figures(db.EntityFigures), keys: figureKeys, dims: figDims,
					filter: &db.FigureFilter{Metric: ptr("g")}, where: "it.metric ILIKE '%g%'"},
				{name: "TopicFigures", parents: `(SELECT id FROM topics WHERE parent_id IS NULL ORDER BY id LIMIT 2) UNION ALL (SELECT topic_id FROM figure_topics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3)`,
					member: `it.id IN (SELECT x.figure_id FROM figure_topics x WHERE x.topic_id IN (` + topicTree + `))`,
					group:  figures(db.TopicFigures), keys: figureKeys, dims: figDims, values: "it.value"},
				{name: "ArticleAgreements", parents: `SELECT e.article_id FROM evidence e JOIN agreements ag ON ag.id = e.entity_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.id IN (SELECT e.entity_id FROM evidence e WHERE e.article_id = %[1]d)`, group: agreements(db.ArticleAgreements), keys: agreementKeys, dims: agDims},
				{name: "PartyAgreements", parents: `SELECT entity_id FROM agreement_parties GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5`,
					member: `it.id IN (SELECT x.agreement_id FROM agreement_parties x WHERE x.entity_id = %[1]d)`, group: agreements(db.PartyAgreements), keys: agreementKeys, dims: agDims},
				{name: "TopicAgreements", parents: `(SELECT id FROM topics WHERE parent_id IS NULL ORDER BY id LIMIT 2) UNION ALL (SELECT topic_id FROM agreement_topics GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3)`,
					member: `it.id IN (SELECT x.agreement_id FROM agreement_topics x WHERE x.topic_id IN (` + topicTree + `))`,
					group:  agreements(db.TopicAgreements), keys: agreementKeys, dims: agDims},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					rows, err := d.Pool.Query(ctx, c.parents)
					if err != nil {
						t.Fatal(err)
					}
					parents, err := pgx.CollectRows(rows, pgx.RowTo[int64])
					if err != nil {
						t.Fatal(err)
					}
					if len(parents) == 0 {
						t.Fatal("no parent with children; the test needs some")
					}
					parents = append(parents, 0) // no such parent: no children, no groups
					items := "statements it"
					switch c.keys["TOPIC"] {
					case figureKeys["TOPIC"]:
						items = "figures it"
					case agreementKeys["TOPIC"]:
						items = "agreements it"
					}
					for _, by := range c.dims {
						for _, first := range []int{db.MaxPageSize, 2} {
							t.Run(fmt.Sprintf("%v/%d", by, first), func(t *testing.T) {
								q := make([]string, len(by))
								for i, name := range by {
									q[i] = c.keys[name]
								}
								got, err := c.group(parents, db.NestedArgs{Filter: c.filter}, db.GroupBy{Dimensions: by, First: first}, c.values != "")
								if err != nil {
									t.Fatal(err)
								}
								some := false
								for _, p := range parents {
									where := fmt.Sprintf(c.member, p)
									if c.where != "" {
										where += " AND " + c.where
									}
									want := expectGroups(t, ctx, d.Pool, items, where, q, c.values)
									some = some || len(want) > 0
									t.Run(fmt.Sprint(p), func(t *testing.T) {
										checkGroups(t, got[p], want, first, len(by))
									})
								}
								if !some {
									t.Error("no parent has children; the test needs some")
								}
							})
						}
					}
				})
			}
		})
	}
}
