package serve_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// tokenResponse is a GraphQL answer with its consistency token.
type tokenResponse struct {
	Status     int
	Header     string // the Newsgraph-Consistency-Token response header
	Data       json.RawMessage
	Errors     []gqlError
	Extensions map[string]any
}

// postToken sends a GraphQL request with a bearer token and a consistency
// token (either "" for none).
func postToken(t *testing.T, srv *httptest.Server, bearer, consistency, query string, vars map[string]any) tokenResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	if consistency != "" {
		req.Header.Set(serve.ConsistencyHeader, consistency)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return tokenResponse{}
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := tokenResponse{Status: res.StatusCode, Header: res.Header.Get(serve.ConsistencyHeader)}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Errorf("decode %s: %v", raw, err)
	}
	return out
}

// standbyServer serves a replicated database, reading from its standby,
// with the response cache on; subscriptions through a broker.
type standbyServer struct {
	*httptest.Server
	r       *dbtest.Replicated
	broker  *serve.Broker
	metrics *serve.Metrics
}

func newStandbyServer(t *testing.T) *standbyServer {
	t.Helper()
	r := dbtest.NewReplicated(t)
	// A long lag bound: a paused standby stays in rotation, to see what
	// is read there.
	if err := r.Store.UseStandbys([]string{r.StandbyURL}, route.Options{
		MaxLag: time.Minute, CheckEvery: 20 * time.Millisecond, MaxWait: 50 * time.Millisecond,
	}); err != nil {
		t.Fatal(err)
	}
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	metrics := serve.NewMetrics(nil)
	cache := serve.NewResponseCache(r.URL, 32<<20, logger, metrics)
	broker := serve.NewBroker(r.Store, r.URL, logger)
	var wg sync.WaitGroup
	wg.Go(func() { r.Store.Router().WatchStandbys(ctx) })
	wg.Go(func() { cache.Run(ctx) })
	wg.Go(func() { broker.Run(ctx) })
	srv := httptest.NewServer(serve.NewHandler(r.Store, logger, serve.Options{
		Tokens: tokens, Broker: broker, ResponseCache: cache, Metrics: metrics,
	}))
	t.Cleanup(func() { srv.Close(); cancel(); wg.Wait() })
	dbtest.WaitFor(t, 10*time.Second, "the standby in rotation and the cache listening", func() error {
		if s := r.Store.Router().Standbys()[0]; s.State != route.StandbyUp {
			return fmt.Errorf("standby %+v", s)
		}
		if !cache.Listening() {
			return fmt.Errorf("the cache is not listening")
		}
		return nil
	})
	return &standbyServer{Server: srv, r: r, broker: broker, metrics: metrics}
}

// cacheClears reads newsgraph_response_cache_clears_total.
func (s *standbyServer) cacheClears(t *testing.T) string {
	t.Helper()
	v := s.metric(t, "newsgraph_response_cache_clears_total")
	if v == "" {
		t.Fatal("no newsgraph_response_cache_clears_total")
	}
	return v
}

const (
	topicLabelQuery = `query($id: ID!) { node(id: $id) { ... on Topic { label } } }`
	updateTopicOp   = `mutation($input: UpdateTopicInput!) { updateTopic(input: $input) { topic { version label } userErrors { message } } }`
)

// TestStandbyConsistency serves queries from a real streaming standby:
// a write's consistency token makes the next read see it, however far
// behind the standby is; the response cache keeps nothing read from a
// standby behind the change it was cleared for; and a subscription's
// event carries a token under which the change is read.
func TestStandbyConsistency(t *testing.T) {
	s := newStandbyServer(t)
	ctx := context.Background()
	topics := s.r.Topics(t, 4)
	gid := func(id int64) string { return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, "Topic:%d", id)) }

	t.Run("BadTokenRefused", func(t *testing.T) {
		res := postToken(t, s.Server, "", "yesterday", topicLabelQuery, map[string]any{"id": gid(topics[0].ID)})
		if res.Status != http.StatusBadRequest || len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "BAD_REQUEST" ||
			!strings.Contains(res.Errors[0].Message, serve.ConsistencyHeader) {
			t.Errorf("status %d, errors %+v; want 400 BAD_REQUEST naming the header", res.Status, res.Errors)
		}
	})

	t.Run("ReadYourWritesUnderLoad", func(t *testing.T) {
		const writers, rounds = 4, 50
		loadCtx, stopLoad := context.WithCancel(ctx)
		var load sync.WaitGroup
		for range 4 { // readers without a token, across the same topics
			load.Go(func() {
				for loadCtx.Err() == nil {
					res := postToken(t, s.Server, "", "", `{ topics(first: 50) { nodes { label } } }`, nil)
					if loadCtx.Err() == nil && (res.Status != http.StatusOK || len(res.Errors) > 0) {
						t.Errorf("load: %d %+v", res.Status, res.Errors)
					}
				}
			})
		}
		before := s.r.Store.Router().Standbys()[0].Reads
		var stale atomic.Int64
		var writes sync.WaitGroup
		for w := range writers {
			writes.Go(func() {
				tp := topics[w]
				version := tp.Version
				for i := range rounds {
					label := fmt.Sprintf("label %d of writer %d", i, w)
					res := postToken(t, s.Server, aliceToken, "", updateTopicOp, map[string]any{"input": map[string]any{
						"id": gid(tp.ID), "version": version, "topic": map[string]any{"label": label},
					}})
					var out struct {
						UpdateTopic struct{ Topic struct{ Version int64 } }
					}
					if err := json.Unmarshal(res.Data, &out); err != nil || len(res.Errors) > 0 || out.UpdateTopic.Topic.Version == 0 {
						t.Errorf("writer %d round %d: %s %+v", w, i, res.Data, res.Errors)
						return
					}
					version = out.UpdateTopic.Topic.Version
					token, _ := res.Extensions["consistencyToken"].(string)
					if token == "" || token != res.Header {
						t.Errorf("writer %d round %d: token %q in extensions, %q in the header; want one, the same", w, i, token, res.Header)
						return
					}
					read := postToken(t, s.Server, "", token, topicLabelQuery, map[string]any{"id": gid(tp.ID)})
					if want := `{"node":{"label":"` + label + `"}}`; string(read.Data) != want {
						stale.Add(1)
						t.Errorf("writer %d round %d: read %s %+v with the token; want %s", w, i, read.Data, read.Errors, want)
					}
				}
			})
		}
		writes.Wait()
		stopLoad()
		load.Wait()
		reads := s.r.Store.Router().Standbys()[0].Reads - before
		t.Logf("%d writes read back with their tokens, %d stale; %d statements read on the standby", writers*rounds, stale.Load(), reads)
		if reads == 0 {
			t.Errorf("no read went to the standby")
		}
	})

	t.Run("CacheKeepsNothingFromABehindStandby", func(t *testing.T) {
		id := topics[0].ID
		vars := map[string]any{"id": gid(id)}
		s.r.OnStandby(t, `SELECT pg_wal_replay_pause()`)
		defer s.r.OnStandby(t, `SELECT pg_wal_replay_resume()`)
		clears := s.cacheClears(t)
		if _, err := s.r.Pool.Exec(ctx, `UPDATE topics SET label = 'written behind the standby''s back' WHERE id = $1`, id); err != nil {
			t.Fatal(err)
		}
		dbtest.WaitFor(t, 10*time.Second, "the change's notice clears the cache", func() error {
			if got := s.cacheClears(t); got == clears {
				return fmt.Errorf("still %s", got)
			}
			return nil
		})
		// The paused standby stays in rotation (the lag bound is a minute)
		// and answers what it has: the label before the change.
		first := postToken(t, s.Server, "", "", topicLabelQuery, vars)
		if strings.Contains(string(first.Data), "behind the standby") {
			t.Fatalf("read %s from a paused standby; want the label before the change", first.Data)
		}
		// With the change's position as the token, the primary answers.
		var position string
		if err := s.r.Pool.QueryRow(ctx, `SELECT pg_current_wal_insert_lsn()::text`).Scan(&position); err != nil {
			t.Fatal(err)
		}
		if got := postToken(t, s.Server, "", position, topicLabelQuery, vars); !strings.Contains(string(got.Data), "behind the standby") {
			t.Errorf("with the token %s: %s; want the new label", position, got.Data)
		}
		s.r.OnStandby(t, `SELECT pg_wal_replay_resume()`)
		// Once the standby has replayed the change, no answer kept from
		// before may hide it.
		dbtest.WaitFor(t, 10*time.Second, "the new label read from the standby", func() error {
			got := postToken(t, s.Server, "", "", topicLabelQuery, vars)
			if !strings.Contains(string(got.Data), "behind the standby") {
				return fmt.Errorf("read %s", got.Data)
			}
			return nil
		})
	})

	t.Run("SubscriptionEventsCarryTokens", func(t *testing.T) {
		next := subscribe(t, s.Server, `subscription { articleImported { slug } }`)
		dbtest.WaitFor(t, 10*time.Second, "the subscription reaches the broker", func() error {
			if s.broker.Subscribers() == 0 {
				return fmt.Errorf("no subscriber")
			}
			return nil
		})
		s.r.OnStandby(t, `SELECT pg_wal_replay_pause()`)
		defer s.r.OnStandby(t, `SELECT pg_wal_replay_resume()`)
		imported := postToken(t, s.Server, aliceToken, "", importOp, map[string]any{"input": articleInput(t, "read-after-the-event")})
		if len(imported.Errors) > 0 || !strings.Contains(string(imported.Data), `"userErrors":[]`) {
			t.Fatalf("import: %s %+v", imported.Data, imported.Errors)
		}
		payload, err := next(10 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		var event struct {
			Data       json.RawMessage
			Extensions map[string]any
		}
		if err := json.Unmarshal(payload, &event); err != nil || !strings.Contains(string(event.Data), "read-after-the-event") {
			t.Fatalf("event %s, %v; want the import", payload, err)
		}
		token, _ := event.Extensions["consistencyToken"].(string)
		if token == "" {
			t.Fatalf("event %s; want a consistencyToken", payload)
		}
		query := `{ article(slug: "read-after-the-event") { slug } }`
		if got := postToken(t, s.Server, "", "", query, nil); string(got.Data) != `{"article":null}` {
			t.Errorf("without the token, from the paused standby: %s; want null", got.Data)
		}
		if got := postToken(t, s.Server, "", token, query, nil); !strings.Contains(string(got.Data), `"slug":"read-after-the-event"`) {
			t.Errorf("with the event's token: %s %+v; want the article", got.Data, got.Errors)
		}
	})

	t.Run("StoppedStandbyFailsNoRequest", func(t *testing.T) {
		if state := s.readyz(t); state != route.StandbyUp {
			t.Fatalf("/readyz: standby %s; want up", state)
		}
		if m := s.metric(t, `newsgraph_standby_state{standby="`+s.r.Store.Router().Standbys()[0].Name+`",state="up"}`); m != "1" {
			t.Errorf("newsgraph_standby_state up: %q; want 1", m)
		}
		loadCtx, stopLoad := context.WithCancel(ctx)
		var load sync.WaitGroup
		var made atomic.Int64
		for i := range 6 {
			load.Go(func() {
				for loadCtx.Err() == nil {
					// Distinct variables: the cache answers none of them.
					res := postToken(t, s.Server, "", "", `query($n: Int!) { articles(first: $n) { nodes { slug title } } }`, map[string]any{"n": 1 + int(made.Add(1)%50)})
					if res.Status != http.StatusOK || len(res.Errors) > 0 {
						t.Errorf("reader %d: %d %+v", i, res.Status, res.Errors)
					}
				}
			})
		}
		// Stop the standby under load: once the readers are running, and
		// until the server has seen it down and more requests were made.
		waitFor(t, "the readers to run", func() bool { return made.Load() >= 12 })
		s.r.Standby.Stop()
		atStop := made.Load()
		waitFor(t, "the server to see the standby down", func() bool { return s.r.Store.Router().Standbys()[0].State == route.StandbyDown })
		waitFor(t, "requests while the standby is down", func() bool { return made.Load() >= atStop+12 })
		stopLoad()
		load.Wait()
		t.Logf("%d requests while the standby stopped", made.Load())
		if state := s.readyz(t); state != route.StandbyDown {
			t.Errorf("/readyz: standby %s; want down", state)
		}
		if m := s.metric(t, `newsgraph_standby_state{standby="`+s.r.Store.Router().Standbys()[0].Name+`",state="down"}`); m != "1" {
			t.Errorf("newsgraph_standby_state down: %q; want 1", m)
		}
	})
}

// readyz returns the state /readyz gives the one standby.
func (s *standbyServer) readyz(t *testing.T) string {
	t.Helper()
	res, err := http.Get(s.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Status   string
		Standbys []struct {
			Name, State string
			LagSeconds  *float64
		}
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil || res.StatusCode != http.StatusOK || len(body.Standbys) != 1 ||
		body.Standbys[0].LagSeconds == nil || body.Standbys[0].Name != s.r.Store.Router().Standbys()[0].Name {
		t.Fatalf("/readyz: %d %+v %v; want ready, the standby's name, state and lag", res.StatusCode, body, err)
	}
	return body.Standbys[0].State
}

// metric returns the value of the metric line that starts with series.
func (s *standbyServer) metric(t *testing.T, series string) string {
	t.Helper()
	res, err := http.Get(s.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	for line := range strings.Lines(string(body)) {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
