package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

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

// TestNameWordsNoDeadlock has two writers add names with new words, the
// first in one transaction of two names. With a key on the words, the
// second waited for the first's uncommitted qwxzeta, holding its own
// qwxbeta, and the first's second name waited for qwxbeta: a deadlock.
func TestNameWordsNoDeadlock(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	add := func(tx pgx.Tx, kind, insert string) error {
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO entities (kind, slug) VALUES ($1, 'deadlock-' || gen_random_uuid()) RETURNING id`, kind).Scan(&id); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, insert, id)
		return err
	}
	t1, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer t1.Rollback(ctx)
	if err := add(t1, "organization", `INSERT INTO organizations (id, name) VALUES ($1, 'Qwxalpha Qwxzeta')`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		done <- pgx.BeginFunc(ctx, d.Pool, func(t2 pgx.Tx) error {
			return add(t2, "organization", `INSERT INTO organizations (id, name) VALUES ($1, 'Qwxbeta Qwxzeta')`)
		})
	}()
	// Wait until the second writer waits for a lock, or is done.
	var err2 error
	finished := false
	deadline := time.Now().Add(10 * time.Second)
	for !finished {
		var waiting int
		if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			break
		}
		select {
		case err2 = <-done:
			finished = true
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the second writer neither waited nor finished")
		}
		time.Sleep(20 * time.Millisecond)
	}
	err1 := add(t1, "person", `INSERT INTO people (id, name) VALUES ($1, 'Qwxbeta Smith')`)
	if err1 == nil {
		err1 = t1.Commit(ctx)
	} else {
		t1.Rollback(ctx)
	}
	if !finished {
		err2 = <-done
	}
	if err1 != nil || err2 != nil {
		t.Errorf("two writers adding names with shared new words: first %v, second %v; want neither to fail", err1, err2)
	}
}

// TestNameWordsInACLocale searches a place whose name has letters beyond
// ASCII, whole and with a typo, on a database whose LC_CTYPE is C: none of
// those letters is a letter there, and splitting the name at them left
// words ("g", "d", "ll" of "Gödöllő") that the query's word was like none
// of.
func TestNameWordsInACLocale(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewInCType(t, "C")
	s := db.NewStore(d.Pool)
	place := newEntity(t, d, "place", `INSERT INTO places (id, name, place_kind) VALUES ($1, 'Gödöllő', 'city')`)
	for _, q := range []string{"Gödöllő", "Gödölő"} {
		p, err := Find(ctx, s, Args{Query: q, Types: []string{"PLACE"}}, db.PageArgs{First: 20})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range p.Items {
			found = found || h.ID == place
		}
		if !found {
			t.Errorf("search %q of type PLACE on a database in the C locale misses Gödöllő (%d)", q, place)
		}
	}
}

// TestNamesFoundAsTheirExpressionFoldsCase checks that a word or a phrase
// finds the names its regular expression matches, whichever way their
// letters fold: ~* finds "IŞIK" for "ışık" and "ΟΔΟΣ" for "οδος", but
// lower() makes them "işik" and "οδοσ", which neither the trigram indexes
// (pg_trgm folds as lower() does) nor a lookup by likeness of the query's
// words find. The trigram indexes missed the first two before the names'
// words were looked up.
func TestNamesFoundAsTheirExpressionFoldsCase(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	s := db.NewStore(d.Pool)
	person := newEntity(t, d, "person", `INSERT INTO people (id, name) VALUES ($1, 'Ahmet IŞIK')`)
	org := newEntity(t, d, "organization", `INSERT INTO organizations (id, name) VALUES ($1, 'TÜRK KIZILAY')`)
	place := newEntity(t, d, "place", `INSERT INTO places (id, name, place_kind) VALUES ($1, 'ΟΔΟΣ Αθηνάς', 'city')`)
	for _, c := range []struct {
		query, kind string
		id          int64
	}{
		{"ışık", "PERSON", person},
		{`"türk kızılay"`, "ORGANIZATION", org},
		{"kızılay", "ORGANIZATION", org}, // long enough for typos
		{"οδος", "PLACE", place},
	} {
		p, err := Find(ctx, s, Args{Query: c.query, Types: []string{c.kind}}, db.PageArgs{First: 20})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(p.Items, func(h *Hit) bool { return h.ID == c.id }) {
			t.Errorf("search %s of type %s misses %d, whose name its regular expression matches", c.query, c.kind, c.id)
		}
	}
}

// TestPhraseOfWordsWithoutTrigramsInACLocale checks that, in a database
// whose LC_CTYPE is C, a phrase finds a name by a word in which pg_trgm
// finds no trigrams (no ASCII letter or digit): its regular expression
// matches "Radio 华为 Corp", and a lookup of 华为 by likeness finds no word.
func TestPhraseOfWordsWithoutTrigramsInACLocale(t *testing.T) {
	d := dbtest.NewInCType(t, "C")
	s := db.NewStore(d.Pool)
	org := newEntity(t, d, "organization", `INSERT INTO organizations (id, name) VALUES ($1, 'Radio 华为 Corp')`)
	if found := organizationsFound(t, s, `"radio 华为 corp"`); !slices.Contains(found, org) {
		t.Errorf(`search "radio 华为 corp" of type ORGANIZATION on a database in the C locale misses Radio 华为 Corp (%d): %v`, org, found)
	}
}
