package db_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// Subtree conditions as the nested listings wrote them before they listed
// their members (the filters still do).
const (
	orgTree = `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = ANY(ARRAY[par.id])
		UNION SELECT c.id FROM organizations c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`
	topicTree = `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM topics WHERE id = ANY(ARRAY[par.id])
		UNION SELECT c.id FROM topics c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`
)

// TestMemberRelations checks that every nested listing read by members (one
// query for the batch's parents) gives each parent the same pages, counts
// and cursors as the condition that defines it, checked row by row: first
// pages, pages after and before a cursor, last pages, and counts alone, on
// a generated corpus and the seeds, whose organizations and topics have
// subtrees.
func TestMemberRelations(t *testing.T) {
	ctx := context.Background()
	generated := dbtest.New(t)
	if _, err := corpus.Generate(ctx, generated.Pool, corpus.Options{Articles: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	// The seeds have what the generator makes none of: events with topics.
	seeded := dbtest.NewSeeded(t)
	children := map[string]int{}
	for label, d := range map[string]*dbtest.Database{"generated": generated, "seeds": seeded} {
		// The conditions cost PostgreSQL enough to compile them (JIT), a
		// second a statement, which would make this test slow.
		if _, err := d.Pool.Exec(ctx, `ALTER DATABASE `+d.Name+` SET jit = off`); err != nil {
			t.Fatal(err)
		}
		d.Pool.Reset()
		ids := func(sql string) []int64 {
			t.Helper()
			rows, err := d.Pool.Query(ctx, sql)
			if err != nil {
				t.Fatal(err)
			}
			out, err := pgx.CollectRows(rows, pgx.RowTo[int64])
			if err != nil {
				t.Fatal(err)
			}
			return append(out, -1) // and an id that names nothing
		}
		// Parents with subtrees first, then the others.
		orgs := ids(`SELECT o.id FROM organizations o
			ORDER BY EXISTS (SELECT 1 FROM organizations c WHERE c.parent_id = o.id) DESC, o.id LIMIT 30`)
		topics := ids(`SELECT t.id FROM topics t
			ORDER BY EXISTS (SELECT 1 FROM topics c WHERE c.parent_id = t.id) DESC, t.id LIMIT 30`)
		entities := ids(`SELECT entity_id FROM evidence WHERE entity_id IS NOT NULL
			GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT 30`)
		parties := ids(`SELECT entity_id FROM agreement_parties GROUP BY entity_id ORDER BY count(*) DESC, entity_id LIMIT 30`)

		children[db.OrganizationStatements.Name()] += check(t, label, d, db.OrganizationStatements, `(s.speaker_id = par.id OR s.speaker_organization_id = ANY(`+orgTree+`)
			OR EXISTS (SELECT 1 FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
				WHERE sa.statement_id = s.id AND af.organization_id = ANY(`+orgTree+`)))`, orgs)
		children[db.OrganizationMembers.Name()] += check(t, label, d, db.OrganizationMembers,
			`EXISTS (SELECT 1 FROM affiliations x WHERE x.person_id = p.id AND x.organization_id = par.id)`, orgs)
		children[db.PartyAgreements.Name()] += check(t, label, d, db.PartyAgreements,
			`EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = ag.id AND x.entity_id = par.id)`, parties)
		children[db.EntityArticles.Name()] += check(t, label, d, db.EntityArticles,
			`EXISTS (SELECT 1 FROM evidence x WHERE x.article_id = a.id AND x.entity_id = par.id)`, entities)
		children[db.TopicArticles.Name()] += check(t, label, d, db.TopicArticles,
			`EXISTS (SELECT 1 FROM article_topics x WHERE x.article_id = a.id AND x.topic_id = ANY(`+topicTree+`))`, topics)
		children[db.TopicStatements.Name()] += check(t, label, d, db.TopicStatements,
			`EXISTS (SELECT 1 FROM statement_topics x WHERE x.statement_id = s.id AND x.topic_id = ANY(`+topicTree+`))`, topics)
		children[db.TopicFigures.Name()] += check(t, label, d, db.TopicFigures,
			`EXISTS (SELECT 1 FROM figure_topics x WHERE x.figure_id = f.id AND x.topic_id = ANY(`+topicTree+`))`, topics)
		children[db.TopicAgreements.Name()] += check(t, label, d, db.TopicAgreements,
			`EXISTS (SELECT 1 FROM agreement_topics x WHERE x.agreement_id = ag.id AND x.topic_id = ANY(`+topicTree+`))`, topics)
		children[db.TopicEvents.Name()] += check(t, label, d, db.TopicEvents,
			`EXISTS (SELECT 1 FROM event_topics x WHERE x.event_id = ev.id AND x.topic_id = ANY(`+topicTree+`))`, topics)
	}
	for name, n := range children {
		if n == 0 {
			t.Errorf("%s: no parent has more than one child in either database; want some that page", name)
		}
	}
}

// check compares relation r with the same relation read by condition where,
// and returns how many of the parents have more than one child.
func check[T any](t *testing.T, label string, d *dbtest.Database, r db.Relation[T], where string, parents []int64) int {
	t.Helper()
	paging := 0
	byCond := db.ByCondition(r, where)
	for i, args := range nestedVariants[T]() {
		name := label + "/" + r.Name()
		if i > 0 {
			name += fmt.Sprintf("/filtered-%s", args.Order.Field)
		}
		paging += checkArgs(t, name, d, r, byCond, parents, args, i == 0)
	}
	return paging
}

// nestedVariants are the arguments TestMemberRelations reads a relation of
// T with: none, and a filter with an order of T's root listing.
func nestedVariants[T any]() []db.NestedArgs {
	out := []db.NestedArgs{{}}
	quote, percent := "QUOTE", []string{"PERCENT", "COUNT"}
	from := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	switch any((*T)(nil)).(type) {
	case *db.Statement:
		out = append(out, db.NestedArgs{Filter: &db.StatementFilter{Boolean: db.Boolean[db.StatementFilter]{Not: &db.StatementFilter{Mode: &quote}}}, Order: db.Order{Field: "PUBLISHED", Desc: true}},
			db.NestedArgs{Filter: &db.StatementFilter{Mode: &quote}, Order: db.Order{Field: "SPEAKER"}})
	case *db.Figure:
		out = append(out, db.NestedArgs{Filter: &db.FigureFilter{Units: percent}, Order: db.Order{Field: "PERIOD", Desc: true}})
	case *db.Article:
		out = append(out, db.NestedArgs{Filter: &db.ArticleFilter{Published: &db.DateRange{From: &from}}, Order: db.Order{Field: "TITLE"}})
	case *db.Agreement:
		out = append(out, db.NestedArgs{Filter: &db.AgreementFilter{Boolean: db.Boolean[db.AgreementFilter]{Not: &db.AgreementFilter{Kinds: []string{"INITIATIVE"}}}}, Order: db.Order{Field: "STATEMENTS", Desc: true}})
	case *db.Person:
		out = append(out, db.NestedArgs{Filter: &db.PersonFilter{Boolean: db.Boolean[db.PersonFilter]{Not: &db.PersonFilter{Name: &quote}}}, Order: db.Order{Field: "STATEMENTS", Desc: true}})
	case *db.Event:
		out = append(out, db.NestedArgs{Filter: &db.EventFilter{Date: &db.DateRange{From: &from}}, Order: db.Order{Field: "DATE", Desc: true}})
	}
	return out
}

// checkArgs is check for one set of arguments; it returns how many of the
// parents have more than one child when counted is true.
func checkArgs[T any](t *testing.T, name string, d *dbtest.Database, r, byCond db.Relation[T], parents []int64, args db.NestedArgs, counted bool) int {
	t.Helper()
	ctx := context.Background()
	paging := 0
	t.Run(name, func(t *testing.T) {
		got, err := db.NestedCounts(ctx, d.Store, r, parents, args)
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.NestedCounts(ctx, d.Store, byCond, parents, args)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parents {
			if got[p] != want[p] {
				t.Errorf("parent %d: count %d; want %d", p, got[p], want[p])
			}
			if want[p] > 1 && counted {
				paging++
			}
		}
		compare := func(name string, parents []int64, page db.PageArgs) map[int64]db.Page[T] {
			t.Helper()
			got, err := db.NestedPagesCounted(ctx, d.Store, r, parents, page, args)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			want, err := db.NestedPagesCounted(ctx, d.Store, byCond, parents, page, args)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			plain, err := db.NestedPages(ctx, d.Store, r, parents, page, args)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, p := range parents {
				g, w := unranked(got[p]), want[p]
				if !reflect.DeepEqual(g, w) {
					t.Errorf("%s, parent %d: got %s; want %s", name, p, describe(g), describe(w))
				}
				if u := plain[p]; u.Total != nil || describe(u) != describe(db.Page[T]{Items: w.Items, HasNext: w.HasNext, HasPrevious: w.HasPrevious}) {
					t.Errorf("%s, parent %d, uncounted: got %s; want %s without a total", name, p, describe(u), describe(w))
				}
			}
			return want
		}
		first := compare("first 3", parents, db.PageArgs{First: 3})
		compare("last 2", parents, db.PageArgs{Last: 2})
		// Cursors are the parent's own: a page each, after and before its
		// first page's second row.
		for _, p := range parents {
			items := first[p].Items
			if len(items) < 2 {
				continue
			}
			c := &db.Cursor{Order: first[p].Order, Keys: any(items[1]).(interface{ ListKeys() []string }).ListKeys()}
			compare("after a cursor", []int64{p}, db.PageArgs{First: 2, After: c})
			compare("before a cursor", []int64{p}, db.PageArgs{Last: 5, Before: c})
		}
	})
	return paging
}

// unranked returns a page with its items' ranks cleared: a listing by
// condition does not rank its rows.
func unranked[T any](p db.Page[T]) db.Page[T] {
	for _, it := range p.Items {
		reflect.ValueOf(it).Elem().FieldByName("Rank").SetInt(0)
	}
	return p
}

func describe[T any](p db.Page[T]) string {
	var keys [][]string
	for _, it := range p.Items {
		keys = append(keys, any(it).(interface{ ListKeys() []string }).ListKeys())
	}
	total := "nil"
	if p.Total != nil {
		total = fmt.Sprint(*p.Total)
	}
	return fmt.Sprintf("keys %v, next %v, previous %v, total %s", keys, p.HasNext, p.HasPrevious, total)
}
