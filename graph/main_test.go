package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// The package's shared fixture, graphtest's: one seeded throwaway database,
// served over real HTTP, with every SQL statement counted. These are
// graphtest's names under those the package's tests use.
var (
	server     *httptest.Server
	statements statementCounter
	// seeded is the seeded database, for plain SQL counts to compare with.
	seeded *dbtest.Database
)

// corsOrigin is the frontend origin the test server allows.
const corsOrigin = "https://app.example"

// statementCounter is a graphtest.StatementCounter with its count as n,
// once startServer has been given it.
type statementCounter struct {
	*graphtest.StatementCounter
	n *atomic.Int64
}

// since returns the SQL of the statements sent after the first n.
func (c *statementCounter) since(n int64) []string { return c.Since(n) }

type (
	response = graphtest.Response
	gqlError = graphtest.GQLError
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	stop, err := graphtest.Start("graph", serve.Options{CORSOrigins: []string{corsOrigin}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer stop()
	server, seeded = graphtest.Server, graphtest.Seeded
	statements = statementCounter{&graphtest.Statements, &graphtest.Statements.N}
	return m.Run()
}

// startServer serves the API over the database at url, counting every SQL
// statement with counter and logging to logs.
func startServer(ctx context.Context, url string, counter *statementCounter, logs io.Writer, opts serve.Options) (*httptest.Server, func(), error) {
	if counter.StatementCounter == nil {
		counter.StatementCounter = &graphtest.StatementCounter{}
	}
	counter.n = &counter.N
	return graphtest.StartServer(url, counter.StatementCounter, logs, opts)
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
	return graphtest.PostTo(t, server, query, vars)
}

// waitFor waits until ok holds, for at most 10 seconds, and fails the test
// if it never does.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	graphtest.WaitFor(t, what, ok)
}

// cachedServer is a server with a response cache (graphtest.CachedServer).
type cachedServer struct {
	*graphtest.CachedServer
	srv *httptest.Server
}

func newCachedServer(t *testing.T, d *dbtest.Database, listenURL string, maxBytes int) *cachedServer {
	t.Helper()
	s := graphtest.NewCachedServer(t, d, listenURL, maxBytes)
	return &cachedServer{s, s.Server}
}

// data sends a request that must succeed and decodes its data into v.
func data(t *testing.T, query string, vars map[string]any, v any) {
	t.Helper()
	graphtest.Data(t, server, query, vars, v)
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
