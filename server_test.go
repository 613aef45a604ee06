package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `newsgraph serve` in-process on a free port against
// databaseURL and returns its base URL; the server stops when the test ends.
func startServe(t *testing.T, databaseURL string, logs io.Writer) (string, func() error) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	go func() {
		done <- run(ctx, []string{"serve", "-addr", addr, "-database-url", databaseURL}, io.Discard, logger)
	}()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(30 * time.Second):
			return fmt.Errorf("serve did not stop within 30s")
		}
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	base := "http://" + addr
	eventually(t, 10*time.Second, "the server listens", func() error {
		_, err := get(base + "/healthz")
		return err
	})
	return base, stop
}

// get returns a GET's status, or an error if nothing answered.
func get(url string) (int, error) {
	res, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}

// gql posts a query and returns the HTTP status and the first error code,
// if any.
func gql(url, query string) (status int, code string, data json.RawMessage, err error) {
	res, err := http.Post(url+"/query", "application/json", strings.NewReader(fmt.Sprintf(`{"query": %q}`, query)))
	if err != nil {
		return 0, "", nil, err
	}
	defer res.Body.Close()
	var body struct {
		Data   json.RawMessage `json:"data"`
		Errors []struct {
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return res.StatusCode, "", nil, err
	}
	if len(body.Errors) > 0 {
		code = body.Errors[0].Extensions.Code
	}
	return res.StatusCode, code, body.Data, nil
}

// eventually retries check until it passes or timeout ends.
// pace is a load loop's pause between its requests; it ends early when
// ctx does.
func pace(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// metric reads the value of a metric without labels from base's /metrics.
func metric(base, name string) (float64, error) {
	res, err := http.Get(base + "/metrics")
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	text, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(text), "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			return strconv.ParseFloat(v, 64)
		}
	}
	return 0, fmt.Errorf("no metric %s", name)
}

func eventually(t *testing.T, timeout time.Duration, what string, check func() error) {
	t.Helper()
	dbtest.WaitFor(t, timeout, what, check)
}

const articlesQuery = `{ articles(first: 5) { totalCount nodes { slug } } }`

// TestDatabaseDownAtStartAndRestarted starts the server while PostgreSQL is
// down, then starts PostgreSQL, stops it under the running server and
// starts it again. The server must say it is not ready and why, become
// ready without a restart, fail fast with UNAVAILABLE during the outage, and
// recover on its own.
func TestDatabaseDownAtStartAndRestarted(t *testing.T) {
	pg := dbtest.NewCluster(t)
	var logs syncBuffer
	base, _ := startServe(t, pg.URL("newsgraph"), &logs)

	t.Run("NotReadyWhileDown", func(t *testing.T) {
		if status, err := get(base + "/readyz"); err != nil || status != http.StatusServiceUnavailable {
			t.Errorf("/readyz: %d, %v; want 503", status, err)
		}
		status, code, _, err := gql(base, articlesQuery)
		if err != nil || status != http.StatusServiceUnavailable || code != "UNAVAILABLE" {
			t.Errorf("query: status %d code %q err %v; want 503 UNAVAILABLE", status, code, err)
		}
		eventually(t, 5*time.Second, "the log says why", func() error {
			if !strings.Contains(logs.String(), "connection refused") {
				return fmt.Errorf("logs: %s", logs.String())
			}
			return nil
		})
	})

	t.Run("ReadyOnceUp", func(t *testing.T) {
		pg.Start()
		eventually(t, 60*time.Second, "ready after the database starts", func() error {
			if status, err := get(base + "/readyz"); err != nil || status != http.StatusOK {
				return fmt.Errorf("/readyz %d, %v", status, err)
			}
			return nil
		})
		status, code, data, err := gql(base, articlesQuery)
		if err != nil || status != http.StatusOK || code != "" || !strings.Contains(string(data), `"totalCount":2`) {
			t.Errorf("query: status %d code %q data %s err %v; want the two seed articles", status, code, data, err)
		}
	})

	t.Run("UnavailableDuringOutage", func(t *testing.T) {
		pg.Stop()
		start := time.Now()
		_, code, _, err := gql(base, articlesQuery)
		if err != nil || code != "UNAVAILABLE" {
			t.Errorf("query during the outage: code %q err %v; want UNAVAILABLE", code, err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("the failing query took %v; want it to fail fast", took)
		}
		if status, _ := get(base + "/readyz"); status != http.StatusServiceUnavailable {
			t.Errorf("/readyz during the outage: %d; want 503", status)
		}
	})

	t.Run("RecoversAfterRestart", func(t *testing.T) {
		pg.Start()
		eventually(t, 30*time.Second, "queries succeed again", func() error {
			status, code, _, err := gql(base, articlesQuery)
			if err != nil || status != http.StatusOK || code != "" {
				return fmt.Errorf("status %d code %q err %v", status, code, err)
			}
			return nil
		})
	})
}

// TestGracefulShutdownFinishesRequestInFlight stops the server while a
// request is still arriving; the request must be answered in full, new
// connections refused, and serve must return cleanly.
func TestGracefulShutdownFinishesRequestInFlight(t *testing.T) {
	d := dbtest.New(t)
	base, stop := startServe(t, d.URL, io.Discard)
	eventually(t, 30*time.Second, "ready", func() error {
		if status, err := get(base + "/readyz"); err != nil || status != http.StatusOK {
			return fmt.Errorf("/readyz %d, %v", status, err)
		}
		return nil
	})

	body := fmt.Sprintf(`{"query": %q}`, articlesQuery)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	half := len(body) / 2
	fmt.Fprintf(conn, "POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:half])
	// The request is in flight once the server holds part of its body.
	eventually(t, 5*time.Second, "the request in flight", func() error {
		if n, err := metric(base, "newsgraph_buffered_body_bytes"); err != nil || n <= 0 {
			return fmt.Errorf("buffered body bytes %v, %v; want some", n, err)
		}
		return nil
	})

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	eventually(t, 5*time.Second, "new connections are refused", func() error {
		if _, err := get(base + "/healthz"); err == nil {
			return fmt.Errorf("a new request was still served")
		}
		return nil
	})
	if _, err := conn.Write([]byte(body[half:])); err != nil {
		t.Fatalf("finish the request: %v", err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("read the response of the request in flight: %v", err)
	}
	got, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(string(got), `"totalCount":2`) {
		t.Errorf("request in flight: %d %s; want 200 with the articles", res.StatusCode, got)
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve returned %v; want a clean shutdown", err)
	}
}

// TestRestartUnderLoad restarts PostgreSQL while clients query and an
// importer writes. Every answer must be a success or UNAVAILABLE, none may
// hang, and each import must be all or nothing.
func TestRestartUnderLoad(t *testing.T) {
	pg := dbtest.NewCluster(t)
	pg.Start()
	base, _ := startServe(t, pg.URL("newsgraph"), io.Discard)
	eventually(t, 60*time.Second, "ready", func() error {
		if status, err := get(base + "/readyz"); err != nil || status != http.StatusOK {
			return fmt.Errorf("/readyz %d, %v", status, err)
		}
		return nil
	})

	ctx, stopLoad := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var mu sync.Mutex
	outcomes := map[string]int{}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				start := time.Now()
				_, code, _, err := gql(base, articlesQuery)
				outcome := code
				switch {
				case err != nil:
					outcome = "transport error: " + err.Error()
				case time.Since(start) > 5*time.Second:
					outcome = "slow"
				case code == "":
					outcome = "ok"
				}
				mu.Lock()
				outcomes[outcome]++
				mu.Unlock()
				pace(ctx, 10*time.Millisecond)
			}
		}()
	}
	// An importer writes copies of the seed articles, one transaction each.
	store := openStore(t, pg.URL("newsgraph"))
	imported := importCopies(ctx, &wg, store)

	// Restart PostgreSQL once the clients are answered, while the server
	// sees it down, and load it again until more answers came after.
	answered := func() int {
		mu.Lock()
		defer mu.Unlock()
		return outcomes["ok"] + outcomes["UNAVAILABLE"]
	}
	eventually(t, 30*time.Second, "answers before the restart", func() error {
		if n := answered(); n < 12 {
			return fmt.Errorf("%d answers", n)
		}
		return nil
	})
	pg.Stop()
	eventually(t, 30*time.Second, "the server to see the database down", func() error {
		if status, err := get(base + "/readyz"); err != nil || status != http.StatusServiceUnavailable {
			return fmt.Errorf("/readyz %d, %v; want 503", status, err)
		}
		return nil
	})
	pg.Start()
	eventually(t, 30*time.Second, "queries succeed again", func() error {
		_, code, _, err := gql(base, articlesQuery)
		if err != nil || code != "" {
			return fmt.Errorf("code %q err %v", code, err)
		}
		return nil
	})
	after := answered()
	eventually(t, 30*time.Second, "answers after the restart", func() error {
		if n := answered(); n < after+12 {
			return fmt.Errorf("%d answers since", n-after)
		}
		return nil
	})
	stopLoad()
	wg.Wait()

	for outcome, n := range outcomes {
		if outcome != "ok" && outcome != "UNAVAILABLE" {
			t.Errorf("%d answers were %q; want only successes and UNAVAILABLE", n, outcome)
		}
	}
	if outcomes["ok"] == 0 || outcomes["UNAVAILABLE"] == 0 {
		t.Errorf("outcomes %v; want successes before and after, UNAVAILABLE during the outage", outcomes)
	}
	checkImportsWhole(t, store, *imported)
}

// openStore opens a store on url, retrying while the database starts.
func openStore(t *testing.T, url string) *db.Store {
	t.Helper()
	pool, err := pg.NewPool(url, pg.PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return db.NewStore(pool)
}

// importCopies imports copies of the seed articles one by one until ctx
// ends, and returns the slugs whose import reported success.
func importCopies(ctx context.Context, wg *sync.WaitGroup, store *db.Store) *[]string {
	var done []string
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i++ {
			docs, err := document.Read(seeds.FS)
			if err != nil {
				return
			}
			var articles []*document.Document
			for _, d := range docs {
				if d.Article != nil {
					a := *d.Article
					a.Slug = fmt.Sprintf("load-copy-%d", i)
					a.Credits = nil
					c := *d
					c.Article = &a
					c.Topics, c.People, c.Organizations, c.Places, c.Events, c.Projects, c.Agreements, c.Mentions = nil, nil, nil, nil, nil, nil, nil, nil
					articles = append(articles, &c)
					break
				}
			}
			if _, err := curate.Import(context.WithoutCancel(ctx), store, articles); err == nil {
				done = append(done, articles[0].Article.Slug)
			}
			pace(ctx, 20*time.Millisecond)
		}
	}()
	return &done
}

// checkImportsWhole checks that every imported copy is complete and that no
// other copy left anything behind.
func checkImportsWhole(t *testing.T, store *db.Store, imported []string) {
	t.Helper()
	ctx := context.Background()
	var want int
	docs, err := document.Read(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Article != nil {
			want = len(d.Statements)
			break
		}
	}
	rows, err := store.Pool().Query(ctx, `SELECT a.slug, count(s.id) FROM articles a LEFT JOIN statements s ON s.article_id = a.id
		WHERE a.slug LIKE 'load-copy-%' GROUP BY a.slug`)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]int{}
	for rows.Next() {
		var slug string
		var n int
		if err := rows.Scan(&slug, &n); err != nil {
			t.Fatal(err)
		}
		stored[slug] = n
	}
	if len(imported) == 0 {
		t.Fatal("no import succeeded")
	}
	for _, slug := range imported {
		if stored[slug] != want {
			t.Errorf("%s was imported but holds %d statements; want %d", slug, stored[slug], want)
		}
	}
	for slug, n := range stored {
		if n != want {
			t.Errorf("%s is half-written: %d statements; want %d or no article", slug, n, want)
		}
	}
}

// TestShutdownClosesSubscriptions stops the server while a subscription is
// open: the subscription must be closed and serve must return cleanly.
func TestShutdownClosesSubscriptions(t *testing.T) {
	d := dbtest.New(t)
	base, stop := startServe(t, d.URL, io.Discard)
	eventually(t, 30*time.Second, "ready", func() error {
		if status, err := get(base + "/readyz"); err != nil || status != http.StatusOK {
			return fmt.Errorf("/readyz %d, %v", status, err)
		}
		return nil
	})
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/query",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	for _, msg := range []string{`{"type":"connection_init"}`,
		`{"id":"1","type":"subscribe","payload":{"query":"subscription { articleImported { slug } }"}}`} {
		if err := conn.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
			t.Fatal(err)
		}
	}
	readCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, ack, err := conn.Read(readCtx); err != nil || !strings.Contains(string(ack), "connection_ack") {
		t.Fatalf("connection_init: %s, %v; want connection_ack", ack, err)
	}

	start := time.Now()
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	closed := make(chan error, 1)
	go func() {
		for {
			if _, _, err := conn.Read(ctx); err != nil {
				closed <- err
				return
			}
		}
	}()
	select {
	case <-closed:
	case <-time.After(15 * time.Second):
		t.Fatal("the subscription is still open 15s after shutdown began")
	}
	if err := <-stopped; err != nil {
		t.Errorf("serve returned %v; want a clean shutdown", err)
	}
	if took := time.Since(start); took > 15*time.Second {
		t.Errorf("shutdown took %v with a subscription open", took)
	}
}

// TestNumberFlags checks the whole-number settings: the environment gives
// the default, a flag overrides it, and a bad value names its variable.
func TestNumberFlags(t *testing.T) {
	parse := func(t *testing.T, env map[string]string, args ...string) (int, int, error) {
		for k, v := range env {
			t.Setenv(k, v)
		}
		fset := flag.NewFlagSet("serve", flag.ContinueOnError)
		fset.SetOutput(io.Discard)
		var l serve.Limits
		var cacheMB int
		err := errors.Join(limitFlags(fset, &l),
			intFlag(fset, wholeNumber{&cacheMB, 0}, "response-cache-mb", "RESPONSE_CACHE_MB", serve.DefaultResponseCacheMB, "cache"))
		if err != nil {
			return 0, 0, err
		}
		return l.Depth, cacheMB, fset.Parse(args)
	}
	if depth, mb, err := parse(t, nil); err != nil || depth != serve.DefaultLimits.Depth || mb != serve.DefaultResponseCacheMB {
		t.Errorf("defaults: depth %d, cache %d MB, %v", depth, mb, err)
	}
	if depth, mb, err := parse(t, map[string]string{"MAX_DEPTH": "7", "RESPONSE_CACHE_MB": "0"}); err != nil || depth != 7 || mb != 0 {
		t.Errorf("from the environment: depth %d, cache %d MB, %v; want 7 and 0 (off)", depth, mb, err)
	}
	if depth, mb, err := parse(t, map[string]string{"RESPONSE_CACHE_MB": "0"}, "-response-cache-mb", "64", "-max-depth", "5"); err != nil || depth != 5 || mb != 64 {
		t.Errorf("flags over the environment: depth %d, cache %d MB, %v; want 5 and 64", depth, mb, err)
	}
	for env, want := range map[string]string{
		"RESPONSE_CACHE_MB": `RESPONSE_CACHE_MB: want a whole number of at least 0, got "-1"`,
		"MAX_DEPTH":         `MAX_DEPTH: want a whole number of at least 1, got "-1"`,
	} {
		t.Run(env, func(t *testing.T) {
			if _, _, err := parse(t, map[string]string{env: "-1"}); err == nil || err.Error() != want {
				t.Errorf("got %v; want %s", err, want)
			}
		})
	}
	if _, _, err := parse(t, nil, "-max-depth", "0"); err == nil || !strings.Contains(err.Error(), "at least 1") {
		t.Errorf("-max-depth 0: got %v; want it refused", err)
	}
}

// TestDurationFlags checks the standby settings: the environment gives the
// default, a flag overrides it, and a bad value names its variable.
func TestDurationFlags(t *testing.T) {
	parse := func(t *testing.T, env map[string]string, args ...string) (time.Duration, error) {
		for k, v := range env {
			t.Setenv(k, v)
		}
		fset := flag.NewFlagSet("serve", flag.ContinueOnError)
		fset.SetOutput(io.Discard)
		var lag time.Duration
		if err := durationFlag(fset, &lag, "max-standby-lag", "MAX_STANDBY_LAG", route.DefaultOptions.MaxLag, "lag"); err != nil {
			return 0, err
		}
		return lag, fset.Parse(args)
	}
	if lag, err := parse(t, nil); err != nil || lag != route.DefaultOptions.MaxLag {
		t.Errorf("default: %v, %v; want %v", lag, err, route.DefaultOptions.MaxLag)
	}
	if lag, err := parse(t, map[string]string{"MAX_STANDBY_LAG": "500ms"}); err != nil || lag != 500*time.Millisecond {
		t.Errorf("from the environment: %v, %v; want 500ms", lag, err)
	}
	if lag, err := parse(t, map[string]string{"MAX_STANDBY_LAG": "500ms"}, "-max-standby-lag", "10s"); err != nil || lag != 10*time.Second {
		t.Errorf("the flag over the environment: %v, %v; want 10s", lag, err)
	}
	for _, bad := range []string{"2", "-1s", "soon"} {
		want := `MAX_STANDBY_LAG: want a positive duration like 2s or 500ms, got "` + bad + `"`
		if _, err := parse(t, map[string]string{"MAX_STANDBY_LAG": bad}); err == nil || err.Error() != want {
			t.Errorf("MAX_STANDBY_LAG=%s: got %v; want %s", bad, err, want)
		}
	}
}

// TestImportReadsBoundedInput runs `newsgraph import` and `seed -check` on
// endless and hostile input and checks that each is refused, naming the
// limit, having read no more than the limit.
func TestImportReadsBoundedInput(t *testing.T) {
	d := dbtest.New(t)
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.yaml")
	if err := os.WriteFile(bomb, []byte("topics:\n  - &t {slug: a, label: a}\n  - *t\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"DevZero", []string{"import", "/dev/zero"}, nil, "zero: the document is more than the limit of 262144 bytes"},
		{"Aliases", []string{"import", bomb}, nil, "bomb.yaml: line 2, column 5: anchors and aliases"},
		{"LimitFromFlag", []string{"seed", "-check", "-max-document-bytes", "100", "seeds"}, nil, "catalog.yaml: the document is more than the limit of 100 bytes"},
		{"LimitFromEnvironment", []string{"import", "seeds"}, map[string]string{"MAX_DOCUMENT_NODES": "1000"}, "has more than the limit of 1000 YAML nodes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			t.Setenv("DATABASE_URL", d.URL)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			err := run(context.Background(), tt.args, io.Discard, slog.New(slog.NewTextHandler(io.Discard, nil)))
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v; want an error saying %q", err, tt.want)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MB; want at most 64 MB", alloc>>20)
			}
		})
	}
	var n int
	if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM articles`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d articles (err %v); want none written", n, err)
	}
}
