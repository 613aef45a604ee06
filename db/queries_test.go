package db_test

import (
	"context"
	"reflect"
	"testing"

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
