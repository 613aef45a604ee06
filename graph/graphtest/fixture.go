package graphtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// The shared fixture of a test binary, set by Start: one seeded throwaway
// database, served over real HTTP, with every SQL statement counted.
var (
	Server     *httptest.Server
	Statements StatementCounter
	Logs       LockedBuffer
	// Seeded is the seeded database, for plain SQL counts to compare with.
	Seeded *dbtest.Database
)

// Start creates and seeds the shared fixture's database and serves it with
// opts; stop closes the server and drops the database. name names the test
// binary in errors.
func Start(name string, opts serve.Options) (stop func(), err error) {
	ctx := context.Background()
	d, err := dbtest.Create(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s tests: %w", name, err)
	}
	drop := func() {
		if err := d.Drop(ctx); err != nil {
			fmt.Fprintf(os.Stderr, "%s tests: drop database: %v\n", name, err)
		}
	}
	if err := d.Seed(ctx); err != nil {
		drop()
		return nil, fmt.Errorf("%s tests: seed: %w", name, err)
	}
	srv, closeSrv, err := StartServer(d.URL, &Statements, &Logs, opts)
	if err != nil {
		drop()
		return nil, fmt.Errorf("%s tests: %w", name, err)
	}
	Seeded, Server = d, srv
	return func() { closeSrv(); drop() }, nil
}

// StartServer serves the API over the database at url, counting every SQL
// statement with counter and logging to logs.
func StartServer(url string, counter *StatementCounter, logs io.Writer, opts serve.Options) (*httptest.Server, func(), error) {
	pool, err := pg.NewPool(url, pg.PoolOptions{Tracer: counter}) // the server's settings
	if err != nil {
		return nil, nil, err
	}
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	srv := httptest.NewServer(serve.NewHandler(db.NewStore(pool), logger, opts))
	return srv, func() { srv.Close(); pool.Close() }, nil
}

// StatementCounter is a pgx tracer that counts the statements sent.
type StatementCounter struct {
	N    atomic.Int64
	mu   sync.Mutex
	sent []string // the SQL of every statement, in order
}

func (c *StatementCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	c.N.Add(1)
	c.mu.Lock()
	c.sent = append(c.sent, d.SQL)
	c.mu.Unlock()
	return ctx
}

// Since returns the SQL of the statements sent after the first n.
func (c *StatementCounter) Since(n int64) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.sent[n:])
}

func (c *StatementCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// A batch's statements count one each.

func (c *StatementCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}

func (c *StatementCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.N.Add(1)
}

func (c *StatementCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// LockedBuffer is a log sink safe for concurrent handlers.
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// WaitFor waits until ok holds, for at most 10 seconds, and fails the test
// if it never does.
func WaitFor(t testing.TB, what string, ok func() bool) {
	t.Helper()
	if !Eventually(10*time.Second, ok) {
		t.Fatalf("gave up waiting for %s", what)
	}
}

// Eventually reports whether ok holds within timeout, asking it again
// every 10 ms.
func Eventually(timeout time.Duration, ok func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for !ok() {
		select {
		case <-deadline.C:
			return ok()
		case <-tick.C:
		}
	}
	return true
}
