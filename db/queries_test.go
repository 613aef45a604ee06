package db_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestNamedEntities checks that reading people, organizations and places
// together gives each exactly as People, Organizations and Places do, and
// leaves out ids that name nothing of the kind asked for.
func TestNamedEntities(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	ids := func(table string) []int64 {
		t.Helper()
		rows, err := d.Pool.Query(ctx, `SELECT id FROM `+table+` ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		var out []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			out = append(out, id)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if len(out) == 0 {
			t.Fatalf("the seeds have no %s", table)
		}
		return out
	}
	people, orgs, places := ids("people"), ids("organizations"), ids("places")
	want := map[db.EntityKey]any{}
	var keys []db.EntityKey
	add := func(kind string, id int64, v any) {
		want[db.EntityKey{Kind: kind, ID: id}] = v
		keys = append(keys, db.EntityKey{Kind: kind, ID: id})
	}
	ps, err := d.Store.People(ctx, people)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		add("PERSON", p.ID, p)
	}
	os, err := d.Store.Organizations(ctx, orgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range os {
		add("ORGANIZATION", o.ID, o)
	}
	pls, err := d.Store.Places(ctx, places)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pls {
		add("PLACE", p.ID, p)
	}
	// A person's id asked for as a place, and an id of nothing at all.
	keys = append(keys, db.EntityKey{Kind: "PLACE", ID: people[0]}, db.EntityKey{Kind: "PERSON", ID: -1})
	got, err := d.Store.NamedEntities(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("read %d entities; want %d", len(got), len(want))
	}
	for k, w := range want {
		if g := got[k]; !reflect.DeepEqual(g, w) {
			t.Errorf("%v: got %+v; want %+v", k, g, w)
		}
	}
	for _, only := range []string{"PERSON", "ORGANIZATION", "PLACE"} {
		var some []db.EntityKey
		for _, k := range keys {
			if k.Kind == only && want[k] != nil {
				some = append(some, k)
			}
		}
		got, err := d.Store.NamedEntities(ctx, some)
		if err != nil {
			t.Fatalf("%s only: %v", only, err)
		}
		if len(got) != len(some) {
			t.Errorf("%s only: read %d; want %d", only, len(got), len(some))
		}
	}
}

// TestEvidenceOfAll checks that reading the evidence of statements and
// figures together gives each fact's evidence as EvidenceOf does for each
// kind alone, in the same order.
func TestEvidenceOfAll(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	var keys []db.EvidenceKey
	want := map[db.EvidenceKey][]*db.Evidence{}
	for _, c := range []struct {
		owner db.EvidenceOwner
		table string
	}{{db.StatementEvidence, "statements"}, {db.FigureEvidence, "figures"}} {
		var ids []int64
		if err := d.Pool.QueryRow(ctx, `SELECT array_agg(id ORDER BY id) FROM `+c.table).Scan(&ids); err != nil {
			t.Fatal(err)
		}
		alone, err := d.Store.EvidenceOf(ctx, c.owner, ids)
		if err != nil {
			t.Fatal(err)
		}
		if len(alone) == 0 {
			t.Fatalf("no evidence of %s in the seeds", c.table)
		}
		for _, id := range ids {
			k := db.EvidenceKey{Owner: c.owner, ID: id}
			keys = append(keys, k)
			if alone[id] != nil {
				want[k] = alone[id]
			}
		}
	}
	got, err := d.Store.EvidenceOfAll(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("evidence read together differs from each kind read alone (%d facts against %d)", len(got), len(want))
	}
}

// TestPartialDateJSON checks the read form of partial dates against its
// first definition (migration 1), and that PostgreSQL inlines it into the
// queries that call it (migration 7), which halves its cost.
func TestPartialDateJSON(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	const first = `SELECT CASE WHEN $4::date_precision IS NULL THEN NULL ELSE jsonb_build_object(
		'year', $1::smallint, 'month', $2::smallint, 'day', $3::smallint, 'precision', upper($4::date_precision::text), 'text', $5::text,
		'inferred', (SELECT coalesce(jsonb_agg(upper(x::text)), '[]'::jsonb) FROM unnest($6::date_part[]) x),
		'basis', $7::text) END`
	const now = `SELECT partial_date_json($1, $2, $3, $4, $5, $6, $7)`
	for _, args := range [][]any{
		{2024, 3, 15, "day", "15 March 2024", []string{}, nil},
		{2024, 3, nil, "month", "March 2024", []string{"year", "month"}, "the article's date"},
		{2024, nil, nil, "year", "this year", []string{"year"}, nil},
		{2023, nil, nil, "year", "2023", nil, nil},
		{nil, nil, nil, nil, nil, nil, nil},
	} {
		var want, got *string
		if err := d.Pool.QueryRow(ctx, first, args...).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if err := d.Pool.QueryRow(ctx, now, args...).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if (want == nil) != (got == nil) || (want != nil && *want != *got) {
			t.Errorf("partial_date_json%v = %v; want %v", args, deref(got), deref(want))
		}
	}

	rows, err := d.Pool.Query(ctx, `EXPLAIN (VERBOSE, FORMAT TEXT) SELECT partial_date_json(a.published_year, a.published_month,
		a.published_day, a.published_precision, a.published_text, a.published_inferred, a.published_basis) FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(plan, "\n"); strings.Contains(text, "partial_date_json") || !strings.Contains(text, "jsonb_build_object") {
		t.Errorf("partial_date_json is not inlined:\n%s", text)
	}
}

func deref(s *string) string {
	if s == nil {
		return "NULL"
	}
	return *s
}
