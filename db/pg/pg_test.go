package pg_test

import (
	"cmp"
	"context"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/pg"
)

// seen counts the statements and batch items a pool sends.
type seen struct{ n atomic.Int64 }

func (s *seen) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	s.n.Add(1)
	return ctx
}
func (s *seen) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
func (s *seen) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}
func (s *seen) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) { s.n.Add(1) }
func (s *seen) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData)     {}

// TestPoolTracer checks that a pool given a Tracer keeps the server's
// settings and its count of statements, and that the tracer sees every
// statement and batch item too.
func TestPoolTracer(t *testing.T) {
	u, err := url.Parse(cmp.Or(os.Getenv("DATABASE_URL"), pg.DefaultURL))
	if err != nil {
		t.Fatalf("DATABASE_URL: %v", err)
	}
	u.Path = "/postgres" // any database will do
	var tracer seen
	pool, err := pg.NewPool(u.String(), pg.PoolOptions{Tracer: &tracer})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	ctx := pg.CountStatements(context.Background())
	var plans, jit string
	if err := pool.QueryRow(ctx, `SELECT current_setting('plan_cache_mode'), current_setting('jit')`).Scan(&plans, &jit); err != nil {
		t.Fatal(err)
	}
	if plans != "force_generic_plan" || jit != "off" {
		t.Errorf("plan_cache_mode %q, jit %q; want the server's force_generic_plan and off", plans, jit)
	}
	b := &pgx.Batch{}
	b.Queue(`SELECT 1`)
	b.Queue(`SELECT 2`)
	if err := pool.SendBatch(ctx, b).Close(); err != nil {
		t.Fatal(err)
	}
	if got := pg.StatementCount(ctx); got != 3 {
		t.Errorf("StatementCount = %d; want 3 (one query, two batch items)", got)
	}
	if got := tracer.n.Load(); got != 3 {
		t.Errorf("the Tracer saw %d statements; want 3", got)
	}
}

// TestOnlyDBConnects checks that no package outside db/ opens a
// connection or a pool to PostgreSQL itself (the server's, the load tool's
// and the tests' alike, test files excepted): package pg makes every one,
// with newsgraph's settings.
func TestOnlyDBConnects(t *testing.T) {
	opens := regexp.MustCompile(`\b(pgx\.Connect(Config)?|pgxpool\.New(WithConfig)?|pgconn\.Connect(Config)?)\(`)
	root := filepath.Join("..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != root):
			return filepath.SkipDir
		case d.IsDir() && path == filepath.Join(root, "db"):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for _, m := range opens.FindAllString(string(src), -1) {
			t.Errorf("%s calls %s; want connections made by db/pg", path, strings.TrimSuffix(m, "("))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked %d Go files outside db/; want the whole module's", checked)
	}
}
