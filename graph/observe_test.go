package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph"
)

// lockedBuffer is a log sink safe for concurrent handlers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// observedServer serves a seeded database with metrics and logs captured.
func observedServer(t *testing.T, extensions ...graphql.HandlerExtension) (*httptest.Server, *dbtest.Database, *lockedBuffer) {
	t.Helper()
	d := dbtest.NewSeeded(t)
	logs := &lockedBuffer{}
	srv := httptest.NewServer(graph.NewHandler(d.Store, slog.New(slog.NewJSONHandler(logs, nil)), graph.Options{
		Metrics:    graph.NewMetrics(d.Pool),
		Extensions: extensions,
	}))
	t.Cleanup(srv.Close)
	return srv, d, logs
}

// TestInternalErrorsAreMasked breaks the database under the server: the
// client gets "internal server error" with a request id and no SQL; the
// log gets the detail under the same id.
func TestInternalErrorsAreMasked(t *testing.T) {
	srv, d, logs := observedServer(t)
	if _, err := d.Pool.Exec(context.Background(), `ALTER TABLE topics RENAME TO topics_gone`); err != nil {
		t.Fatal(err)
	}
	res := postTo(t, srv, `{ topics(first: 5) { nodes { label } } }`, nil)
	if len(res.Errors) != 1 {
		t.Fatalf("errors %+v; want one", res.Errors)
	}
	e := res.Errors[0]
	id, _ := e.Extensions["requestId"].(string)
	if e.Message != "internal server error" || e.Extensions["code"] != "INTERNAL" || id == "" {
		t.Errorf("error %+v; want INTERNAL \"internal server error\" with a requestId", e)
	}
	raw, _ := json.Marshal([]any{e.Message, e.Extensions}) // the path is the client's own query
	for _, leak := range []string{"topics", "SELECT", "relation", "SQLSTATE", "does not exist"} {
		if strings.Contains(string(raw), leak) {
			t.Errorf("the response leaks %q: %s", leak, raw)
		}
	}
	if !strings.Contains(logs.String(), id) || !strings.Contains(logs.String(), "does not exist") {
		t.Errorf("the log lacks the request id %s or the SQL error:\n%s", id, logs.String())
	}
}

// panicker panics in the resolver of Article.title.
type panicker struct{}

func (panicker) ExtensionName() string                          { return "Panicker" }
func (panicker) Validate(schema graphql.ExecutableSchema) error { return nil }
func (panicker) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	if fc := graphql.GetFieldContext(ctx); fc.Object == "Article" && fc.Field.Name == "title" {
		panic("boom: a resolver bug")
	}
	return next(ctx)
}

// TestResolverPanicIsRecovered: a panicking resolver yields INTERNAL with
// a request id, is logged with its stack, and the server goes on serving.
func TestResolverPanicIsRecovered(t *testing.T) {
	srv, _, logs := observedServer(t, panicker{})
	res := postTo(t, srv, `{ articles(first: 1) { nodes { slug title } } }`, nil)
	if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "INTERNAL" || res.Errors[0].Extensions["requestId"] == nil {
		t.Fatalf("errors %+v; want INTERNAL with a requestId", res.Errors)
	}
	if strings.Contains(res.Errors[0].Message, "boom") {
		t.Errorf("the panic's text reached the client: %q", res.Errors[0].Message)
	}
	if !strings.Contains(logs.String(), "resolver panic") || !strings.Contains(logs.String(), "boom: a resolver bug") {
		t.Errorf("the log lacks the panic:\n%s", logs.String())
	}
	res = postTo(t, srv, `{ articles(first: 1) { nodes { slug } } }`, nil)
	if len(res.Errors) != 0 {
		t.Errorf("after the panic: %+v; want the server to go on serving", res.Errors)
	}
}

// TestMetricsAndRequestLog checks /metrics after a named query and a
// refused one, and the request's log line.
func TestMetricsAndRequestLog(t *testing.T) {
	srv, _, logs := observedServer(t)
	res := postTo(t, srv, `query FrontPage { articles(first: 2) { nodes { slug statements(first: 2) { nodes { content } } } } }`, nil)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	deep := "{ articles { nodes { statements { nodes { article { statements { nodes { article { statements { nodes { article { slug } } } } } } } } } } } }"
	body, _ := json.Marshal(map[string]any{"query": deep})
	refused, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	refused.Body.Close()

	mres, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(mres.Body)
	mres.Body.Close()
	metrics := string(raw)
	for _, want := range []string{
		`newsgraph_graphql_requests_total{operation="FrontPage",outcome="ok",type="query"} 1`,
		`newsgraph_graphql_request_duration_seconds_count{operation="FrontPage",type="query"} 1`,
		`newsgraph_graphql_rejected_total{limit="QUERY_TOO_DEEP"} 1`,
		`newsgraph_graphql_errors_total{code="QUERY_TOO_DEEP"} 1`,
		`newsgraph_dataloader_batch_size_count{loader="article.statements"} 1`,
		`newsgraph_sql_statements_per_request_count 2`,
		`newsgraph_pool_connections_max`,
		`newsgraph_subscriptions_active 0`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}

	var line struct {
		Msg        string   `json:"msg"`
		RequestID  string   `json:"request_id"`
		Operation  string   `json:"operation"`
		Type       string   `json:"type"`
		Status     int      `json:"status"`
		DurationMS float64  `json:"duration_ms"`
		SQL        int      `json:"sql"`
		Codes      []string `json:"error_codes"`
	}
	found := false
	for _, l := range strings.Split(logs.String(), "\n") {
		if json.Unmarshal([]byte(l), &line) == nil && line.Msg == "graphql request" && line.Operation == "FrontPage" {
			found = true
			break
		}
	}
	if !found || line.RequestID == "" || line.Type != "query" || line.Status != 200 || line.SQL < 2 || line.DurationMS <= 0 {
		t.Errorf("request log line %+v (found %v); want id, operation, type, status, SQL count and duration", line, found)
	}
}
