package search

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestRankQuery checks rankQuery, the query a search ranks its candidates
// with: the query without its exclusions only where that cannot change a
// rank, and, on every search document and paragraph of the seeds that
// matches the query, the same rank as the query itself gives.
func TestRankQuery(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	for _, c := range []struct {
		query, want string // want: the rank query, "" for the query itself
	}{
		{`"digital economy" -Malaysia`, `'digit' <-> 'economi'`},
		{`cooperation -China -university`, `'cooper'`},
		{`cooperation -(China)`, `'cooper'`},
		{`cooperation`, ""},
		{`cooperation -"Malaysia China"`, ""},
		{`cooperation -China-Malaysia`, ""},
		{`cooperation --China`, ""},
		{`cooperation or -China`, ""},
		{`-cooperation`, ""},
	} {
		t.Run(c.query, func(t *testing.T) {
			var tsq, rq string
			var matched, differ int
			err := d.Pool.QueryRow(ctx, `WITH q AS (SELECT q0.*, `+rankQuery+` AS rq FROM (SELECT websearch_to_tsquery('english', $1) AS tsq) q0)
				SELECT q.tsq::text, q.rq::text,
					(SELECT count(*) FROM search_documents x WHERE x.search @@ q.tsq)
						+ (SELECT count(*) FROM paragraphs x WHERE x.search @@ q.tsq),
					(SELECT count(*) FROM search_documents x WHERE x.search @@ q.tsq AND ts_rank_cd(x.search, q.rq) <> ts_rank_cd(x.search, q.tsq))
						+ (SELECT count(*) FROM paragraphs x WHERE x.search @@ q.tsq AND ts_rank_cd(x.search, q.rq) <> ts_rank_cd(x.search, q.tsq))
				FROM q`, c.query).Scan(&tsq, &rq, &matched, &differ)
			if err != nil {
				t.Fatal(err)
			}
			want := c.want
			if want == "" {
				want = tsq
			}
			if rq != want {
				t.Errorf("rank query of %s: got %s; want %s", tsq, rq, want)
			}
			if matched == 0 {
				t.Errorf("nothing in the seeds matches %s; the ranks compared nothing", tsq)
			}
			if differ != 0 {
				t.Errorf("%d of %d matches of %s rank differently with %s; want none", differ, matched, tsq, rq)
			}
		})
	}
	// The excluded phrase's case compares something: seed paragraphs that
	// match it hold the phrase's words apart.
	var matched int
	if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM paragraphs x WHERE x.search @@ websearch_to_tsquery('english', 'cooperation -"Malaysia China"')
		AND x.search @@ to_tsquery('english', 'malaysia & china')`).Scan(&matched); err != nil {
		t.Fatal(err)
	}
	if matched == 0 {
		t.Error("no seed paragraph holds Malaysia and China apart; the excluded phrase's case compares nothing")
	}
}
