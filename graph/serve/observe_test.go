package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// observedServer serves a seeded database with metrics and logs captured.
func observedServer(t *testing.T, extensions ...graphql.HandlerExtension) (*httptest.Server, *dbtest.Database, *lockedBuffer) {
	t.Helper()
	d := dbtest.NewSeeded(t)
	logs := &lockedBuffer{}
	srv := httptest.NewServer(serve.NewHandler(d.Store, slog.New(slog.NewJSONHandler(logs, nil)), serve.Options{
		Metrics:    serve.NewMetrics(d.Pool),
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

// clientWaiter holds the resolver of Article.title until the client goes
// away, and returns what its context says then (as a resolver waiting on
// anything but PostgreSQL would).
type clientWaiter struct{ entered chan struct{} }

func (clientWaiter) ExtensionName() string                          { return "ClientWaiter" }
func (clientWaiter) Validate(schema graphql.ExecutableSchema) error { return nil }
func (w clientWaiter) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	if fc := graphql.GetFieldContext(ctx); fc.Object == "Article" && fc.Field.Name == "title" {
		close(w.entered)
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return next(ctx)
}

// TestClientGoneIsNotInternal lets a client go away while its request
// waits, in PostgreSQL for a lock or in a resolver: the request must be
// counted and logged as closed by the client, not as an error of the
// server (INTERNAL, TIMEOUT).
func TestClientGoneIsNotInternal(t *testing.T) {
	ctx := context.Background()
	t.Run("WaitingForALock", func(t *testing.T) {
		srv, d, logs := observedServer(t)
		lock, err := d.Pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer lock.Rollback(ctx)
		if _, err := lock.Exec(ctx, `LOCK TABLE articles IN ACCESS EXCLUSIVE MODE`); err != nil {
			t.Fatal(err)
		}
		leave(t, srv, logs, `query Gone { articles(first: 1) { nodes { slug } } }`, func() bool {
			var waiting int
			if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%FROM articles%'`).Scan(&waiting); err != nil {
				t.Fatal(err)
			}
			return waiting > 0
		})
	})
	t.Run("InAResolver", func(t *testing.T) {
		w := clientWaiter{entered: make(chan struct{})}
		srv, _, logs := observedServer(t, w)
		leave(t, srv, logs, `query Gone { articles(first: 1) { nodes { title } } }`, func() bool {
			select {
			case <-w.entered:
				return true
			default:
				return false
			}
		})
	})
}

// leave sends the operation Gone to srv, goes away once reached holds, and
// checks the metrics and logs of the request.
func leave(t *testing.T, srv *httptest.Server, logs *lockedBuffer, query string, reached func() bool) {
	t.Helper()
	cctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, err := http.NewRequestWithContext(cctx, http.MethodPost, srv.URL+"/query", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	sent := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		sent <- err
	}()
	waitFor(t, "the request to be under way", reached)
	cancel()
	if err := <-sent; err == nil {
		t.Fatal("the request completed; want the client to have gone away")
	}
	waitFor(t, "the request's log line", func() bool {
		return strings.Contains(logs.String(), `"operation":"Gone"`)
	})

	mres, err := http.Get(srv.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(mres.Body)
	mres.Body.Close()
	metrics := string(raw)
	for _, want := range []string{
		`newsgraph_graphql_requests_total{operation="Gone",outcome="CLIENT_CLOSED_REQUEST",type="query"} 1`,
		`newsgraph_graphql_errors_total{code="CLIENT_CLOSED_REQUEST"} 1`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	for _, line := range strings.Split(metrics, "\n") {
		if strings.HasPrefix(line, "newsgraph_graphql_") && (strings.Contains(line, `"INTERNAL"`) || strings.Contains(line, `"TIMEOUT"`)) {
			t.Errorf("/metrics counts the request the client left as an error of the server: %s", line)
		}
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) || strings.Contains(logs.String(), `"level":"WARN"`) {
		t.Errorf("the log reports the request the client left as an error of the server:\n%s", logs.String())
	}
}
