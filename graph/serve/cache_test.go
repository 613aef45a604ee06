package serve_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

const personQuery = `query Person($slug: String!) { entity(slug: $slug) { ... on Person { id version name } } }`

func TestResponseCacheAnswersRepeatsFromMemory(t *testing.T) {
	d := dbtest.NewSeeded(t)
	s := newCachedServer(t, d, d.URL, 1<<20)

	first, sql := s.Query(t, personQuery, map[string]any{"slug": "xi-jinping"})
	if sql == 0 || !strings.Contains(first, `"name":"Xi Jinping"`) {
		t.Fatalf("first answer %s with %d statements; want Xi Jinping read from the database", first, sql)
	}
	again, sql := s.Query(t, personQuery, map[string]any{"slug": "xi-jinping"})
	if again != first || sql != 0 {
		t.Errorf("repeat: %s with %d statements; want the same answer with none", again, sql)
	}
	// Other variables, another answer.
	other, sql := s.Query(t, personQuery, map[string]any{"slug": "gan-tian-loo"})
	if sql == 0 || other == first || !strings.Contains(other, `"name":"Gan Tian Loo"`) {
		t.Errorf("another person: %s with %d statements; want Gan Tian Loo from the database", other, sql)
	}
	if hits, misses := s.Lookups(t, "hit"), s.Lookups(t, "miss"); hits != 1 || misses != 2 {
		t.Errorf("metrics: %d hits, %d misses; want 1 and 2", hits, misses)
	}
	// Each request's log line names the operation and what the cache did
	// (the line is written once the answer has left).
	waitFor(t, "three log lines", func() bool { return strings.Count(s.Logs.String(), `"operation":"Person"`) == 3 })
	for _, cache := range []string{"miss", "hit"} {
		if line := `"operation":"Person","type":"query","status":200`; !regexp.MustCompile(regexp.QuoteMeta(line) + `[^\n]*"cache":"` + cache + `"`).MatchString(s.Logs.String()) {
			t.Errorf("no log line of a %s of Person:\n%s", cache, s.Logs.String())
		}
	}

	// An answer with errors is not kept.
	for range 2 {
		res := postTo(t, s.Server, `{ articles(first: -1) { nodes { slug } } }`, nil)
		if len(res.Errors) == 0 {
			t.Fatal("articles(first: -1) answered without an error")
		}
	}
	if hits := s.Lookups(t, "hit"); hits != 1 {
		t.Errorf("%d hits after two failing queries; want still 1 (errors are not cached)", hits)
	}
}

func TestResponseCacheForgetsWhatAnotherWriterChanged(t *testing.T) {
	d := dbtest.NewSeeded(t)
	s := newCachedServer(t, d, d.URL, 1<<20)
	vars := map[string]any{"slug": "xi-jinping"}
	before, _ := s.Query(t, personQuery, vars)
	if _, sql := s.Query(t, personQuery, vars); sql != 0 {
		t.Fatalf("the repeat took %d statements; want it cached", sql)
	}

	// Another process writes: the server sees it once the notice arrives.
	if _, err := d.Pool.Exec(context.Background(), `UPDATE people SET name = 'Xi Jinping (renamed)' WHERE id = (SELECT id FROM entities WHERE slug = 'xi-jinping')`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the rename to be served", func() bool {
		after, _ := s.Query(t, personQuery, vars)
		return strings.Contains(after, `"name":"Xi Jinping (renamed)"`)
	})

	// A rolled-back write sends no notice and changes nothing.
	tx, err := d.Pool.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(context.Background(), `UPDATE people SET name = 'never' WHERE id = (SELECT id FROM entities WHERE slug = 'xi-jinping')`); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(context.Background()); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Query(t, personQuery, vars); after == before || strings.Contains(after, "never") {
		t.Errorf("after a rollback: %s", after)
	}
}

func TestResponseCacheReadsYourOwnWrites(t *testing.T) {
	d := dbtest.NewSeeded(t)
	// The listener hears another database: only the mutation itself can
	// clear the cache.
	elsewhere := dbtest.New(t)
	s := newCachedServer(t, d, elsewhere.URL, 1<<20)
	vars := map[string]any{"slug": "gan-tian-loo"}
	s.Query(t, personQuery, vars)
	cached, sql := s.Query(t, personQuery, vars)
	if sql != 0 {
		t.Fatalf("the repeat took %d statements; want it cached", sql)
	}
	var person struct {
		Entity struct {
			ID      string
			Version int
		}
	}
	dig(t, []byte(cached), nil, &person)

	status, res := postAs(t, s.Server, aliceToken, `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { userErrors { code } } }`,
		map[string]any{"input": map[string]any{"id": person.Entity.ID, "version": person.Entity.Version, "person": map[string]any{"name": "Gan Tian Loo (edited)"}}})
	if status != http.StatusOK || len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"userErrors":[]`) {
		t.Fatalf("updatePerson: %d %s %+v", status, res.Data, res.Errors)
	}
	after, sql := s.Query(t, personQuery, vars)
	if sql == 0 || !strings.Contains(after, `"name":"Gan Tian Loo (edited)"`) {
		t.Errorf("right after the mutation: %s with %d statements; want the new name, read from the database", after, sql)
	}
}

func TestResponseCacheIsOffWhileItsListenerIsDown(t *testing.T) {
	d := dbtest.NewSeeded(t)
	s := newCachedServer(t, d, d.URL, 1<<20)
	vars := map[string]any{"slug": "xi-jinping"}
	s.Query(t, personQuery, vars)
	if _, sql := s.Query(t, personQuery, vars); sql != 0 {
		t.Fatalf("the repeat took %d statements; want it cached", sql)
	}

	// Cut the listener's connection, then change the data: the notice is
	// lost, and the cache must not answer from before it.
	ctx := context.Background()
	var cut int
	if err := d.Pool.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE datname = current_database() AND application_name = 'newsgraph listen newsgraph_changes'`).Scan(&cut); err != nil || cut != 1 {
		t.Fatalf("cut %d listeners (%v); want 1", cut, err)
	}
	waitFor(t, "the cache to notice", func() bool { return !s.Cache.Listening() })
	if _, err := d.Pool.Exec(ctx, `UPDATE people SET name = 'Xi Jinping (while cut off)' WHERE id = (SELECT id FROM entities WHERE slug = 'xi-jinping')`); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		after, sql := s.Query(t, personQuery, vars)
		if sql == 0 || !strings.Contains(after, "while cut off") {
			t.Fatalf("with the listener down: %s with %d statements; want the new name from the database", after, sql)
		}
	}
	waitFor(t, "the listener to reconnect", s.Cache.Listening)
	s.Query(t, personQuery, vars)
	if after, sql := s.Query(t, personQuery, vars); sql != 0 || !strings.Contains(after, "while cut off") {
		t.Errorf("after reconnecting: %s with %d statements; want the new name, cached again", after, sql)
	}
}

func TestResponseCacheKeepsToItsSize(t *testing.T) {
	d := dbtest.NewSeeded(t)
	const size = 4 << 10
	s := newCachedServer(t, d, d.URL, size)
	const q = `query Topic($slug: String!) { topic(slug: $slug) { slug label } }`
	var slugs []string
	rows, err := d.Pool.Query(context.Background(), `SELECT slug FROM topics ORDER BY slug`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			t.Fatal(err)
		}
		slugs = append(slugs, slug)
	}
	if len(slugs) < 20 {
		t.Fatalf("%d topics; the test wants at least 20", len(slugs))
	}
	for _, slug := range slugs {
		s.Query(t, q, map[string]any{"slug": slug})
		if b := s.Cache.Bytes(); b > size {
			t.Fatalf("the cache holds %d bytes; want at most %d", b, size)
		}
	}
	// The newest entry is kept, the oldest was dropped.
	if _, sql := s.Query(t, q, map[string]any{"slug": slugs[len(slugs)-1]}); sql != 0 {
		t.Errorf("the newest topic took %d statements; want it cached", sql)
	}
	if _, sql := s.Query(t, q, map[string]any{"slug": slugs[0]}); sql == 0 {
		t.Errorf("the oldest topic was still cached in a cache of %d bytes after %d others", size, len(slugs)-1)
	}
}

// TestResponseCacheUnderConcurrentWrites updates a person again and again
// while readers ask for them without pause, with a query that reads the
// name first and then waits for three loader rounds, so that answers read
// before a write keep finishing after it: the query that follows each
// write must see it, from the database or from the cache.
func TestResponseCacheUnderConcurrentWrites(t *testing.T) {
	d := dbtest.NewSeeded(t)
	elsewhere := dbtest.New(t) // only the mutations clear the cache
	s := newCachedServer(t, d, elsewhere.URL, 1<<20)
	const personQuery = `query Person($slug: String!) { entity(slug: $slug) { ... on Person { id version name
		affiliations { role organization { name country { name } } }
		statements(first: 5) { nodes { content article { title } } } } } }`
	vars := map[string]any{"slug": "gan-tian-loo"}
	first, _ := s.Query(t, personQuery, vars)
	var person struct {
		Entity struct {
			ID      string
			Version int
		}
	}
	dig(t, []byte(first), nil, &person)

	stop := make(chan struct{})
	done := make(chan error, 4)
	for range 4 {
		go func() {
			for {
				select {
				case <-stop:
					done <- nil
					return
				default:
				}
				body := strings.NewReader(`{"query":` + strconv.Quote(personQuery) + `,"variables":{"slug":"gan-tian-loo"}}`)
				res, err := http.Post(s.Server.URL+"/query", "application/json", body)
				if err != nil {
					done <- err
					return
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
		}()
	}
	version := person.Entity.Version
	for i := range 30 {
		name := "Gan Tian Loo " + strconv.Itoa(i)
		_, res := postAs(t, s.Server, aliceToken, `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { version } userErrors { code } } }`,
			map[string]any{"input": map[string]any{"id": person.Entity.ID, "version": version, "person": map[string]any{"name": name}}})
		var out struct {
			UpdatePerson struct {
				Person     struct{ Version int }
				UserErrors []struct{ Code string }
			}
		}
		dig(t, res.Data, nil, &out)
		if len(res.Errors) > 0 || len(out.UpdatePerson.UserErrors) > 0 {
			t.Fatalf("update %d: %+v %+v", i, res.Errors, out.UpdatePerson.UserErrors)
		}
		version = out.UpdatePerson.Person.Version
		if got, _ := s.Query(t, personQuery, vars); !strings.Contains(got, `"name":"`+name+`"`) {
			t.Fatalf("after update %d: %s; want %q", i, got, name)
		}
	}
	close(stop)
	for range 4 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if s.Lookups(t, "hit") == 0 {
		t.Error("no query was answered from the cache; the test exercised nothing")
	}
}

// TestResponseCacheClearedBeforeSubscribersHear imports an article through
// another server while a subscriber waits for it here: once told, the
// subscriber's next query sees it, even though this server's cache hears
// its change notices from another database (so only the broker's delivery
// can have cleared it).
func TestResponseCacheClearedBeforeSubscribersHear(t *testing.T) {
	d := dbtest.NewSeeded(t)
	elsewhere := dbtest.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	cache := serve.NewResponseCache(elsewhere.URL, 1<<20, logger, nil)
	go cache.Run(ctx)
	broker := serve.NewBroker(d.Store, d.URL, logger)
	go broker.Run(ctx)
	srv := httptest.NewServer(serve.NewHandler(d.Store, logger, serve.Options{Broker: broker, ResponseCache: cache}))
	t.Cleanup(srv.Close)
	waitFor(t, "the cache's listener to connect", cache.Listening)
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	writer := newWriteServer(t, d, tokens)

	const q = `{ articles(first: 50) { nodes { slug } } }`
	postTo(t, srv, q, nil)
	if before := postTo(t, srv, q, nil); strings.Contains(string(before.Data), "heard-by-subscribers") {
		t.Fatalf("the article is there before its import: %s", before.Data)
	}
	next := subscribe(t, srv, `subscription { articleImported { slug } }`)
	waitFor(t, "the subscription to reach the broker", func() bool { return broker.Subscribers() > 0 })
	status, res := postAs(t, writer.Server, aliceToken, importOp, map[string]any{"input": articleInput(t, "heard-by-subscribers")})
	if status != http.StatusOK || len(res.Errors) > 0 {
		t.Fatalf("import: %d %+v", status, res.Errors)
	}
	if payload, err := next(10 * time.Second); err != nil || !strings.Contains(string(payload), "heard-by-subscribers") {
		t.Fatalf("event: %s, %v", payload, err)
	}
	if after := postTo(t, srv, q, nil); !strings.Contains(string(after.Data), `"slug":"heard-by-subscribers"`) {
		t.Errorf("after the event, the query still answers from before the import: %s", after.Data)
	}
}
