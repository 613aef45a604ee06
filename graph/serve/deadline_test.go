package serve_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// TestRequestDeadlineCancelsSQL holds a lock that a query needs, so the
// query is kept busy past the request deadline: the client must get
// TIMEOUT at the deadline, and PostgreSQL must no longer be running (or
// waiting on) the query afterwards.
func TestRequestDeadlineCancelsSQL(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	pool, err := pg.NewPool(d.URL, pg.PoolOptions{StatementTimeout: time.Minute, LockTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	const deadline = 300 * time.Millisecond
	srv := httptest.NewServer(serve.NewHandler(db.NewStore(pool), slog.New(slog.NewJSONHandler(io.Discard, nil)),
		serve.Options{RequestTimeout: deadline}))
	defer srv.Close()

	lock, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(ctx)
	if _, err := lock.Exec(ctx, `LOCK TABLE articles IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	res := postTo(t, srv, `{ articles(first: 1) { nodes { slug } } }`, nil)
	took := time.Since(start)
	if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "TIMEOUT" {
		t.Fatalf("errors %+v; want TIMEOUT", res.Errors)
	}
	if took < deadline || took > deadline+2*time.Second {
		t.Errorf("the request took %v; want about the %v deadline", took, deadline)
	}
	var running int
	eventually(3*time.Second, func() bool {
		err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE application_name = 'newsgraph' AND state = 'active' AND query ILIKE '%FROM articles%'
			AND pid <> pg_backend_pid()`).Scan(&running)
		if err != nil {
			t.Fatal(err)
		}
		return running == 0
	})
	if running != 0 {
		t.Errorf("%d queries still running on the server after the deadline; want them cancelled", running)
	}
}
