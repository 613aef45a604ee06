package search

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestNameWordLikeOneWord checks that a word of a query with a typo finds
// a name by one of its words, not by a stretch across two: "Malaysian"
// ends like "Indonesian" and starts like "Manufacturing", and compared
// with the whole name "Indonesian Manufacturing Board" it was as alike as
// a typo (word similarity 0.5), so the search found that organization.
func TestNameWordLikeOneWord(t *testing.T) {
	d := dbtest.NewSeeded(t)
	s := db.NewStore(d.Pool)
	board := newEntity(t, d, "organization", `INSERT INTO organizations (id, name) VALUES ($1, 'Indonesian Manufacturing Board')`)
	malaysian := newEntity(t, d, "organization", `INSERT INTO organizations (id, name) VALUES ($1, 'Malaysian Rubber Board')`)
	found := organizationsFound(t, s, "Malaysian")
	if slices.Contains(found, board) {
		t.Errorf(`search "Malaysian" finds the Indonesian Manufacturing Board (%d); want only names with a word like it: %v`, board, found)
	}
	if !slices.Contains(found, malaysian) {
		t.Errorf(`search "Malaysian" misses the Malaysian Rubber Board (%d): %v`, malaysian, found)
	}
	if found := organizationsFound(t, s, "Malaysain"); !slices.Contains(found, malaysian) {
		t.Errorf(`search "Malaysain" (a typo) misses the Malaysian Rubber Board (%d): %v`, malaysian, found)
	}
}

// TestNameWordsFollowWrites checks that a name's words can be searched for
// with a typo as soon as the name is written or renamed: people (by name
// and honorific), organizations (by name and short name) and places.
func TestNameWordsFollowWrites(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	s := db.NewStore(d.Pool)
	exec := func(sql string, args ...any) {
		t.Helper()
		if _, err := d.Pool.Exec(ctx, sql, args...); err != nil {
			t.Fatal(err)
		}
	}
	org := newEntity(t, d, "organization", `INSERT INTO organizations (id, name, short_name) VALUES ($1, 'Zyqvoria Holdings', 'Plorxent')`)
	person := newEntity(t, d, "person", `INSERT INTO people (id, name, honorifics) VALUES ($1, 'Quenbarth Oltmira', '{Tunqest}')`)
	place := newEntity(t, d, "place", `INSERT INTO places (id, name, place_kind) VALUES ($1, 'Vondraskel', 'city')`)
	want := func(query, kind string, id int64) {
		t.Helper()
		p, err := Find(ctx, s, Args{Query: query, Types: []string{kind}}, db.PageArgs{First: 20})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range p.Items {
			if h.ID == id {
				return
			}
		}
		t.Errorf("search %q of type %s misses %d", query, kind, id)
	}
	want("Zyqvora", "ORGANIZATION", org)
	want("Plorxnt", "ORGANIZATION", org)
	want("Quenbart", "PERSON", person)
	want("Tunqes", "PERSON", person)
	want("Vondraskl", "PLACE", place)

	exec(`UPDATE organizations SET name = 'Brellomax Holdings', short_name = 'Kwintaro' WHERE id = $1`, org)
	exec(`UPDATE people SET name = 'Quenbarth Ustravel', honorifics = '{Pravonet}' WHERE id = $1`, person)
	exec(`UPDATE places SET name = 'Jorvantik' WHERE id = $1`, place)
	want("Brellomx", "ORGANIZATION", org)
	want("Kwintar", "ORGANIZATION", org)
	want("Ustravl", "PERSON", person)
	want("Pravont", "PERSON", person)
	want("Jorvantk", "PLACE", place)
}

// organizationsFound returns the ids of the organizations a search for
// query finds.
func organizationsFound(t *testing.T, s *db.Store, query string) []int64 {
	t.Helper()
	p, err := Find(context.Background(), s, Args{Query: query, Types: []string{"ORGANIZATION"}}, db.PageArgs{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, h := range p.Items {
		ids = append(ids, h.ID)
	}
	return ids
}

// newEntity adds an entity of kind and its row, written by insert (its id
// is $1), and returns its id.
func newEntity(t *testing.T, d *dbtest.Database, kind, insert string) int64 {
	t.Helper()
	ctx := context.Background()
	var id int64
	if err := d.Pool.QueryRow(ctx, `INSERT INTO entities (kind, slug) VALUES ($1, 'names-test-' || gen_random_uuid()) RETURNING id`, kind).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Pool.Exec(ctx, insert, id); err != nil {
		t.Fatal(err)
	}
	return id
}
