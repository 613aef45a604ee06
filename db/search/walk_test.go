package search

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
)

// TestSearchSkipsOlderMatchesOfAKindOfWalkSize checks, for a kind with as
// many documents as a search walks (searchWalk topics), that the search
// finds its matches by the walk alone: it does not read the kind's
// full-text index for older matches, of which there are none. The walk's
// bound was taken for the oldest walked document, not the newest one left
// out, so a kind of exactly searchWalk documents looked like one with
// more.
func TestSearchSkipsOlderMatchesOfAKindOfWalkSize(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	_, err := d.Pool.Exec(ctx, `INSERT INTO topics (slug, label) SELECT 'walk-' || i, 'Walk topic ' || i
		FROM generate_series(1, $1 - (SELECT count(*) FROM search_documents WHERE kind = 6)) i`, searchWalk)
	if err != nil {
		t.Fatal(err)
	}
	var topics int
	if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM search_documents WHERE kind = 6`).Scan(&topics); err != nil {
		t.Fatal(err)
	}
	if topics != searchWalk {
		t.Fatalf("%d topics' documents; want %d", topics, searchWalk)
	}
	// One connection, so that its backend's counts of index scans are
	// reported before they are read.
	pool, err := pg.NewPool(d.URL, pg.PoolOptions{MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	scans := func() (n int) {
		t.Helper()
		if _, err := pool.Exec(ctx, `SELECT pg_stat_force_next_flush()`); err != nil {
			t.Fatal(err)
		}
		if err := pool.QueryRow(ctx, `SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'search_documents_topic_idx'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := scans()
	p, err := Find(ctx, db.NewStore(pool), Args{Query: "walk topic 17", Types: []string{"TOPIC"}}, db.PageArgs{First: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(p.Items, func(h *Hit) bool { return h.Kind == "TOPIC" }) {
		t.Fatalf("search \"walk topic 17\" found no topic: %v", p.Items)
	}
	if n := scans() - before; n != 0 {
		t.Errorf("the topics' full-text index was scanned %d times for a kind of %d documents, all walked; want none", n, searchWalk)
	}
}
