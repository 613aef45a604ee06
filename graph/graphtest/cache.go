package graphtest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// CachedServer is a server over d whose response cache listens for
// changes on the database at listenURL (d's own, unless a test wants to
// keep the notices away from it).
type CachedServer struct {
	*httptest.Server
	Cache   *serve.ResponseCache
	SQL     *StatementCounter
	Metrics string // the metrics' address
	Logs    *LockedBuffer
}

// NewCachedServer serves d with a response cache of maxBytes.
func NewCachedServer(t testing.TB, d *dbtest.Database, listenURL string, maxBytes int) *CachedServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	m := serve.NewMetrics(nil)
	cache := serve.NewResponseCache(listenURL, maxBytes, logger, m)
	go cache.Run(ctx)
	tokens, err := serve.ParseTokens("alice="+AliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	s := &CachedServer{Cache: cache, SQL: &StatementCounter{}, Logs: &LockedBuffer{}}
	srv, closeSrv, err := StartServer(d.URL, s.SQL, s.Logs, serve.Options{Tokens: tokens, Metrics: m, ResponseCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	s.Server, s.Metrics = srv, srv.URL+"/metrics"
	t.Cleanup(func() { cancel(); closeSrv() })
	WaitFor(t, "the cache's listener to connect", cache.Listening)
	return s
}

// Query posts a query and returns its data and the SQL statements it took.
func (s *CachedServer) Query(t testing.TB, query string, vars map[string]any) (string, int64) {
	t.Helper()
	before := s.SQL.N.Load()
	res := PostTo(t, s.Server, query, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("%s: %+v", query, res.Errors)
	}
	return string(res.Data), s.SQL.N.Load() - before
}

// Lookups returns the cache's lookups with this result, from /metrics.
func (s *CachedServer) Lookups(t testing.TB, result string) int {
	t.Helper()
	res, err := http.Get(s.Metrics)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	text, _ := io.ReadAll(res.Body)
	m := regexp.MustCompile(`(?m)^newsgraph_response_cache_lookups_total\{result="` + result + `"\} (\d+)$`).FindSubmatch(text)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
