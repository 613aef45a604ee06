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
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph"
)

// TestInFlightLimit runs one request at a time: a request held up in
// PostgreSQL keeps the only slot, so the next one waits and gets 503
// UNAVAILABLE with Retry-After when its time limit passes; once the slot
// is free, requests run again. An open websocket takes no slot.
func TestInFlightLimit(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	bctx, stop := context.WithCancel(ctx)
	broker := graph.NewBroker(d.Store, d.URL, logger)
	go broker.Run(bctx)
	const limit = 500 * time.Millisecond
	srv := httptest.NewServer(graph.NewHandler(d.Store, logger, graph.Options{
		RequestTimeout: limit,
		Limits:         graph.Limits{InFlight: 1},
		Metrics:        graph.NewMetrics(d.Pool),
		Broker:         broker,
	}))
	t.Cleanup(func() { srv.Close(); stop() })

	subscribe(t, srv, `subscription { articleImported { slug } }`)
	if res := postTo(t, srv, `{ __typename }`, nil); len(res.Errors) != 0 {
		t.Fatalf("with a subscription open: errors %+v; want none", res.Errors)
	}

	lock, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback(ctx)
	if _, err := lock.Exec(ctx, `LOCK TABLE articles IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	held := make(chan []byte, 1)
	go func() {
		body, _ := json.Marshal(map[string]any{"query": `{ articles(first: 1) { nodes { slug } } }`})
		res, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
		if err != nil {
			held <- []byte(err.Error())
			return
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		held <- raw
	}()
	// The first request holds the slot once its SQL waits for the lock.
	for deadline := time.Now().Add(5 * time.Second); ; {
		var waiting int
		if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%FROM articles%'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first request never reached PostgreSQL")
		}
		time.Sleep(10 * time.Millisecond)
	}

	start := time.Now()
	reply := postRaw(t, srv, plainJSON, "", `{"query": "{ __typename }"}`)
	took := time.Since(start)
	status, header, body := reply.status, reply.header, reply.body
	var res response
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	if status != http.StatusServiceUnavailable || header.Get("Retry-After") == "" ||
		len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "UNAVAILABLE" {
		t.Fatalf("while the slot is taken: status %d, Retry-After %q, %s; want 503 UNAVAILABLE with Retry-After",
			status, header.Get("Retry-After"), body)
	}
	if !strings.Contains(res.Errors[0].Message, "busy") {
		t.Errorf("message %q; want it to say the server is busy", res.Errors[0].Message)
	}
	if took < limit/2 {
		t.Errorf("refused after %v; want it to wait for a slot until its time limit (%v)", took, limit)
	}
	if first := <-held; !bytes.Contains(first, []byte(`"code":"TIMEOUT"`)) {
		t.Errorf("the request that held the slot: %s; want TIMEOUT", first)
	}
	if err := lock.Rollback(ctx); err != nil {
		t.Fatal(err)
	}

	res = postTo(t, srv, `{ articles(first: 1) { nodes { slug } } }`, nil)
	if len(res.Errors) != 0 || !bytes.Contains(res.Data, []byte(`"slug":"`)) {
		t.Fatalf("after the slot was freed: %s %+v; want an article", res.Data, res.Errors)
	}

	req, err := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	metrics := sendAPI(t, req).body
	for _, want := range []string{`newsgraph_graphql_rejected_total{limit="IN_FLIGHT"} 1`, "newsgraph_requests_waiting 0"} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}
