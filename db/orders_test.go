package db_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// plainOrder is an ordering of a root listing written as plain SQL over
// the tables the curated data lives in (not the sort columns the store
// keeps): a query of ids, with %s where the direction of every key goes.
type plainOrder struct {
	listing, field string
	sql            string
}

// plainOrders are every ordering of every root listing. Dates and values
// that are missing sort last in both directions.
var plainOrders = []plainOrder{
	{"articles", "PUBLISHED", `SELECT a.id FROM articles a ORDER BY lower(a.published_range) %[1]s NULLS LAST, a.id %[1]s`},
	{"articles", "SLUG", `SELECT a.id FROM articles a ORDER BY a.slug %[1]s, a.id %[1]s`},
	{"articles", "TITLE", `SELECT a.id FROM articles a ORDER BY coalesce(a.title, '') %[1]s, a.id %[1]s`},
	{"statements", "ARTICLE", `SELECT s.id FROM statements s ORDER BY s.article_id %[1]s, s.position %[1]s, s.id %[1]s`},
	{"statements", "PUBLISHED", `SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id
		ORDER BY lower(a.published_range) %[1]s NULLS LAST, s.article_id %[1]s, s.position %[1]s, s.id %[1]s`},
	{"statements", "SPEAKER", `SELECT s.id FROM statements s
		LEFT JOIN people p ON p.id = s.speaker_id LEFT JOIN organizations o ON o.id = s.speaker_id
		ORDER BY coalesce(p.name, o.name, s.speaker_description) %[1]s, s.id %[1]s`},
	{"figures", "ARTICLE", `SELECT f.id FROM figures f ORDER BY f.article_id %[1]s, f.position %[1]s, f.id %[1]s`},
	{"figures", "VALUE", `SELECT f.id FROM figures f ORDER BY f.value %[1]s NULLS LAST, f.id %[1]s`},
	{"figures", "PERIOD", `SELECT f.id FROM figures f ORDER BY lower(f.period_range) %[1]s NULLS LAST, f.id %[1]s`},
	{"figures", "PUBLISHED", `SELECT f.id FROM figures f JOIN articles a ON a.id = f.article_id
		ORDER BY lower(a.published_range) %[1]s NULLS LAST, f.article_id %[1]s, f.position %[1]s, f.id %[1]s`},
	{"agreements", "NAME", `SELECT ag.id FROM agreements ag ORDER BY ag.name %[1]s, ag.id %[1]s`},
	{"agreements", "DATE", `SELECT ag.id FROM agreements ag ORDER BY lower(ag.date_range) %[1]s NULLS LAST, ag.id %[1]s`},
	{"agreements", "STATEMENTS", `SELECT ag.id FROM agreements ag
		ORDER BY (SELECT count(*) FROM statement_mentions m WHERE m.entity_id = ag.id) %[1]s, ag.id %[1]s`},
	{"agreements", "PUBLISHED", `SELECT ag.id FROM agreements ag
		ORDER BY (SELECT max(lower(a.published_range)) FROM evidence e JOIN articles a ON a.id = e.article_id WHERE e.entity_id = ag.id) %[1]s NULLS LAST, ag.id %[1]s`},
	{"people", "NAME", `SELECT p.id FROM people p ORDER BY p.name %[1]s, p.id %[1]s`},
	{"people", "STATEMENTS", `SELECT p.id FROM people p
		ORDER BY (SELECT count(*) FROM statements s WHERE s.speaker_id = p.id) %[1]s, p.id %[1]s`},
	{"organizations", "NAME", `SELECT o.id FROM organizations o ORDER BY o.name %[1]s, o.id %[1]s`},
	{"organizations", "STATEMENTS", `SELECT o.id FROM organizations o
		ORDER BY (SELECT count(*) FROM statements s WHERE o.id IN (s.speaker_id, s.speaker_organization_id)) %[1]s, o.id %[1]s`},
	{"places", "NAME", `SELECT pl.id FROM places pl ORDER BY pl.name %[1]s, pl.id %[1]s`},
	{"places", "STATEMENTS", `SELECT pl.id FROM places pl
		ORDER BY (SELECT count(*) FROM statement_mentions m WHERE m.entity_id = pl.id) %[1]s, pl.id %[1]s`},
	{"events", "NAME", `SELECT ev.id FROM events ev ORDER BY ev.name %[1]s, ev.id %[1]s`},
	{"events", "DATE", `SELECT ev.id FROM events ev ORDER BY lower(ev.date_range) %[1]s NULLS LAST, ev.id %[1]s`},
	{"events", "STATEMENTS", `SELECT ev.id FROM events ev
		ORDER BY (SELECT count(*) FROM statement_mentions m WHERE m.entity_id = ev.id) %[1]s, ev.id %[1]s`},
	{"topics", "LABEL", `SELECT t.id FROM topics t ORDER BY t.label %[1]s, t.id %[1]s`},
}

// lister reads a page of a root listing, unfiltered: its rows' ids and
// cursors, and the page's flags.
type lister func(ctx context.Context, o db.Order, p db.PageArgs) (ids []int64, cursors []*db.Cursor, more bool, err error)

// listerOf adapts a root listing's List method.
func listerOf[T any, F db.Filter](s *db.Store, rows db.Listing[T, F]) lister {
	return func(ctx context.Context, o db.Order, p db.PageArgs) ([]int64, []*db.Cursor, bool, error) {
		var none F
		page, err := rows.List(ctx, s, none, o, p)
		if err != nil {
			return nil, nil, false, err
		}
		var ids []int64
		var cursors []*db.Cursor
		for _, it := range page.Items {
			ids = append(ids, reflect.ValueOf(it).Elem().FieldByName("ID").Int())
			cursors = append(cursors, &db.Cursor{Order: page.Order, Keys: any(it).(interface{ ListKeys() []string }).ListKeys()})
		}
		more := page.HasNext
		if p.Last > 0 {
			more = page.HasPrevious
		}
		return ids, cursors, more, nil
	}
}

func listers(s *db.Store) map[string]lister {
	return map[string]lister{
		"articles":      listerOf(s, db.AllArticles),
		"statements":    listerOf(s, db.AllStatements),
		"figures":       listerOf(s, db.AllFigures),
		"agreements":    listerOf(s, db.AllAgreements),
		"people":        listerOf(s, db.AllPeople),
		"organizations": listerOf(s, db.AllOrganizations),
		"places":        listerOf(s, db.AllPlaces),
		"events":        listerOf(s, db.AllEvents),
		"topics":        listerOf(s, db.AllTopics),
	}
}

// TestOrders pages through every ordering of every root listing, in both
// directions, forwards (first/after) and backwards (last/before), and
// checks the rows against the same order in plain SQL over the curated
// tables: on the seeds, on a generated corpus, and on the seeds again
// after edits that the sort columns kept by triggers must follow (a new
// publication date, a renamed speaker, a statement and a mention deleted).
func TestOrders(t *testing.T) {
	ctx := context.Background()
	generated := dbtest.New(t)
	if _, err := corpus.Generate(ctx, generated.Pool, corpus.Options{Articles: 150, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	seeded := dbtest.NewSeeded(t)
	checkOrders(t, "generated", generated, 50, false) // it makes no events
	checkOrders(t, "seeds", seeded, 3, true)
	for _, sql := range []string{
		`UPDATE articles SET published_year = published_year - 3 WHERE id = (SELECT max(id) FROM articles)`,
		`UPDATE people SET name = 'Zz ' || name WHERE id = (SELECT min(speaker_id) FROM statements WHERE speaker_kind = 'person')`,
		`UPDATE organizations SET name = 'Aa ' || name WHERE id = (SELECT max(speaker_id) FROM statements WHERE speaker_kind = 'organization')`,
		`DELETE FROM statements WHERE id = (SELECT max(id) FROM statements WHERE speaker_kind = 'person')`,
		`DELETE FROM statement_mentions WHERE (statement_id, entity_id) = (SELECT statement_id, entity_id FROM statement_mentions ORDER BY 1, 2 LIMIT 1)`,
		`UPDATE statements SET speaker_id = (SELECT max(id) FROM people), speaker_kind = 'person' WHERE id = (SELECT min(id) FROM statements WHERE speaker_kind = 'person')`,
		`INSERT INTO statement_mentions (statement_id, entity_id) SELECT s.id, pl.id FROM statements s, places pl
			WHERE s.id = (SELECT min(id) FROM statements) AND pl.id IN (SELECT id FROM places ORDER BY id LIMIT 3)
			ON CONFLICT DO NOTHING`,
		`UPDATE statements SET speaker_organization_id = (SELECT min(id) FROM organizations) WHERE speaker_description IS NOT NULL`,
		// An agreement no longer named in the article that dated it.
		`DELETE FROM evidence WHERE entity_id = (SELECT min(e.entity_id) FROM evidence e JOIN agreements ag ON ag.id = e.entity_id)
			AND article_id = (SELECT max(e.article_id) FROM evidence e WHERE e.entity_id = (SELECT min(x.entity_id) FROM evidence x JOIN agreements ag ON ag.id = x.entity_id))`,
	} {
		if _, err := seeded.Pool.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	checkOrders(t, "seeds-edited", seeded, 3, true)
	for label, d := range map[string]*dbtest.Database{"generated": generated, "seeds-edited": seeded} {
		checkCounts(t, label, d)
	}
}

// checkCounts compares every entity's statement count, as the orders by
// STATEMENTS read it, and every organization's count of its nested
// statements, with a count of its statements in plain SQL.
func checkCounts(t *testing.T, label string, d *dbtest.Database) {
	t.Helper()
	for table, count := range map[string]string{
		"people":        `(SELECT count(*) FROM statements s WHERE s.speaker_id = x.id)`,
		"organizations": `(SELECT count(*) FROM statements s WHERE x.id IN (s.speaker_id, s.speaker_organization_id))`,
		"places":        `(SELECT count(*) FROM statement_mentions m WHERE m.entity_id = x.id)`,
		"events":        `(SELECT count(*) FROM statement_mentions m WHERE m.entity_id = x.id)`,
		"agreements":    `(SELECT count(*) FROM statement_mentions m WHERE m.entity_id = x.id)`,
	} {
		var wrong, counted int
		err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE x.statement_count <> `+count+`),
			coalesce(sum(`+count+`), 0) FROM `+table+` x`).Scan(&wrong, &counted)
		if err != nil {
			t.Fatal(err)
		}
		if wrong != 0 {
			t.Errorf("%s: %d %s whose statement count is not their statements'", label, wrong, table)
		}
		if counted == 0 && (table == "people" || table == "organizations" || label != "generated") && table != "events" {
			t.Errorf("%s: no statements of %s; want some to count", label, table) // the generator makes no mentions
		}
	}
	// The organizations' statements with their subtrees' and affiliations'
	// (migrations 000031 and 000032; the generator's bulk load counts them
	// afterwards).
	var wrong int
	if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE x.subtree_statement_count <> `+orgStatementsPlain+`)
		FROM organizations x`).Scan(&wrong); err != nil {
		t.Fatal(err)
	}
	if wrong != 0 {
		t.Errorf("%s: %d organizations whose subtree_statement_count is not their statements'", label, wrong)
	}
}

// checkOrders is TestOrders on one database, with pages of size rows;
// full says that every listing has rows to order.
func checkOrders(t *testing.T, label string, d *dbtest.Database, size int, full bool) {
	ctx := context.Background()
	ls := listers(d.Store)
	for _, po := range plainOrders {
		for _, desc := range []bool{false, true} {
			dir := "ASC"
			if desc {
				dir = "DESC"
			}
			t.Run(fmt.Sprintf("%s/%s/%s_%s", label, po.listing, po.field, dir), func(t *testing.T) {
				rows, err := d.Pool.Query(ctx, fmt.Sprintf(po.sql, dir))
				if err != nil {
					t.Fatal(err)
				}
				want, err := pgx.CollectRows(rows, pgx.RowTo[int64])
				if err != nil {
					t.Fatal(err)
				}
				if len(want) == 0 && !full {
					return
				}
				if len(want) < 2 {
					t.Fatalf("%d rows; want a listing that orders something", len(want))
				}
				list := ls[po.listing]
				o := db.Order{Field: po.field, Desc: desc}
				var forward []int64
				var cursors []*db.Cursor
				for p := (db.PageArgs{First: size}); ; {
					ids, cs, more, err := list(ctx, o, p)
					if err != nil {
						t.Fatal(err)
					}
					forward, cursors = append(forward, ids...), append(cursors, cs...)
					if !more || len(forward) > len(want) {
						break
					}
					p.After = cs[len(cs)-1]
				}
				if !slices.Equal(forward, want) {
					t.Errorf("forwards: got %v; want %v", abbreviated(forward), abbreviated(want))
				}
				var backward []int64
				for p := (db.PageArgs{Last: size}); ; {
					ids, cs, more, err := list(ctx, o, p)
					if err != nil {
						t.Fatal(err)
					}
					backward = append(ids, backward...)
					if !more || len(backward) > len(want) {
						break
					}
					p.Before = cs[0]
				}
				if !slices.Equal(backward, want) {
					t.Errorf("backwards: got %v; want %v", abbreviated(backward), abbreviated(want))
				}
				// A cursor of this ordering is refused by the other
				// direction and by every other ordering of the listing.
				c := cursors[len(cursors)/2]
				for _, other := range plainOrders {
					if other.listing != po.listing {
						continue
					}
					for _, odesc := range []bool{false, true} {
						if other.field == po.field && odesc == desc {
							continue
						}
						_, _, _, err := list(ctx, db.Order{Field: other.field, Desc: odesc}, db.PageArgs{First: 1, After: c})
						if db.ErrorCode(err) != db.CodeInvalid || !strings.Contains(db.ErrorMessage(err), "another ordering") {
							t.Errorf("a %s %s cursor ordered by %s (desc %v): got %v; want an error that it belongs to another ordering",
								po.field, dir, other.field, odesc, err)
						}
					}
				}
			})
		}
	}
}

// abbreviated shows the first and last ids of a long list.
func abbreviated(ids []int64) string {
	if len(ids) <= 12 {
		return fmt.Sprint(ids)
	}
	return fmt.Sprintf("%v ... %v (%d ids)", ids[:6], ids[len(ids)-6:], len(ids))
}
