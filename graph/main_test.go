package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The package's shared fixture: one seeded throwaway database, served over
// real HTTP, with every SQL statement counted.
var (
	server     *httptest.Server
	statements statementCounter
	logs       bytes.Buffer
	// seeded is the seeded database, for plain SQL counts to compare with.
	seeded *dbtest.Database
)

// corsOrigin is the frontend origin the test server allows.
const corsOrigin = "https://app.example"

// statementCounter is a pgx tracer that counts the statements sent.
type statementCounter struct {
	n    atomic.Int64
	mu   sync.Mutex
	sent []string // the SQL of every statement, in order
}

func (c *statementCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	c.n.Add(1)
	c.mu.Lock()
	c.sent = append(c.sent, d.SQL)
	c.mu.Unlock()
	return ctx
}

// since returns the SQL of the statements sent after the first n.
func (c *statementCounter) since(n int64) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.sent[n:])
}

func (c *statementCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// A batch's statements count one each.

func (c *statementCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	return ctx
}

func (c *statementCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.n.Add(1)
}

func (c *statementCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	ctx := context.Background()
	d, err := dbtest.Create(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "graph tests:", err)
		return 1
	}
	defer func() {
		if err := d.Drop(ctx); err != nil {
			fmt.Fprintln(os.Stderr, "graph tests: drop database:", err)
		}
	}()
	if err := d.Seed(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "graph tests: seed:", err)
		return 1
	}
	seeded = d
	srv, closeSrv, err := startServer(ctx, d.URL, &statements, &logs, graph.Options{CORSOrigins: []string{corsOrigin}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "graph tests:", err)
		return 1
	}
	defer closeSrv()
	server = srv
	return m.Run()
}

// startServer serves the API over the database at url, counting every SQL
// statement with counter and logging to logs.
func startServer(ctx context.Context, url string, counter *statementCounter, logs io.Writer, opts graph.Options) (*httptest.Server, func(), error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, nil, err
	}
	cfg.ConnConfig.Tracer = counter
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	srv := httptest.NewServer(graph.NewHandler(db.NewStore(pool), logger, opts))
	return srv, func() { srv.Close(); pool.Close() }, nil
}

// response is a GraphQL response.
type response struct {
	Data    json.RawMessage `json:"data"`
	Errors  []gqlError      `json:"errors"`
	HasNext *bool           `json:"hasNext,omitempty"`
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// post sends a GraphQL request over HTTP and decodes the response; the
// status must be 200.
func post(t *testing.T, query string, vars map[string]any) response {
	t.Helper()
	return postTo(t, server, query, vars)
}

// postTo is post to another server.
func postTo(t *testing.T, server *httptest.Server, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.Post(server.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d; want 200: %s", res.StatusCode, raw)
	}
	var out response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return out
}

// data sends a request that must succeed and decodes its data into v.
func data(t *testing.T, query string, vars map[string]any, v any) {
	t.Helper()
	res := post(t, query, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		t.Fatalf("decode data %s: %v", res.Data, err)
	}
}

// golden compares a response with testdata/NAME.json, or rewrites it with
// -update.
func golden(t *testing.T, name string, res response) {
	t.Helper()
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./graph -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, got)
	}
}
