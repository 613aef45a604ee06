package serve_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// TestSubscriptionsPerWebsocket checks that one websocket runs at most
// serve.MaxSubscriptions subscriptions at once: the next is refused with an
// error of its own, and a slot freed by a completed subscription is taken
// again. A hostile probe's single connection held 5,000 (10,000
// goroutines), and each event ran every one's SQL.
func TestSubscriptionsPerWebsocket(t *testing.T) {
	d := dbtest.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	broker := serve.NewBroker(d.Store, d.URL, slog.New(slog.NewTextHandler(io.Discard, nil)))
	go broker.Run(ctx)
	srv := serveOptions(t, d, serve.Options{Broker: broker})
	conn := dialGraphQLWS(ctx, t, srv)
	send := func(msg map[string]any) {
		t.Helper()
		b, _ := json.Marshal(msg)
		if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
			t.Fatal(err)
		}
	}
	type message struct {
		ID, Type string
		Payload  json.RawMessage
	}
	// next returns the next message that is not a ping or pong.
	next := func() message {
		t.Helper()
		for {
			_, b, err := conn.Read(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var m message
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if m.Type != "ping" && m.Type != "pong" {
				return m
			}
		}
	}
	subscribe := func(id string) {
		send(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": "subscription { changed { type id } }"}})
	}
	send(map[string]any{"type": "connection_init"})
	if m := next(); m.Type != "connection_ack" {
		t.Fatalf("got %+v; want connection_ack", m)
	}
	for i := range serve.MaxSubscriptions {
		subscribe(fmt.Sprint(i))
	}
	subscribe("one-too-many")
	m := next()
	if m.ID != "one-too-many" || !strings.Contains(string(m.Payload), "TOO_MANY_SUBSCRIPTIONS") {
		t.Fatalf("got %+v %s; want the last subscription refused with TOO_MANY_SUBSCRIPTIONS", m, m.Payload)
	}
	// Completing one frees its slot: "again" takes it, and "probe" is
	// refused.
	send(map[string]any{"id": "0", "type": "complete"})
	for m := next(); m.ID != "0" || m.Type != "complete"; m = next() {
	}
	subscribe("again")
	subscribe("probe")
	for m = next(); m.ID == "one-too-many"; m = next() {
	}
	if m.ID != "probe" || !strings.Contains(string(m.Payload), "TOO_MANY_SUBSCRIPTIONS") {
		t.Fatalf("got %+v %s; want \"again\" admitted in the freed slot and \"probe\" refused", m, m.Payload)
	}
}

// TestWebsocketMessagesChecked checks that a websocket message passes the
// checks a POST body does before gqlgen decodes it: a variable escaping a
// lone surrogate reached a resolver as U+FFFD, and one nested 3,000 levels
// deep reached gqlgen's coercion.
func TestWebsocketMessagesChecked(t *testing.T) {
	srv := serveOptions(t, dbtest.New(t), serve.Options{})
	for name, c := range map[string]struct{ variables, words string }{
		"LoneSurrogate": {`{"q": "\ud800"}`, "surrogate"},
		"Deep":          {`{"q": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`, "levels deep"},
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			conn := dialGraphQLWS(ctx, t, srv)
			for _, msg := range []string{`{"type": "connection_init"}`,
				`{"id": "1", "type": "subscribe", "payload": {"query": "query($q: String!) { search(query: $q) { totalCount } }", "variables": ` + c.variables + `}}`} {
				if err := conn.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
					t.Fatal(err)
				}
			}
			for {
				_, b, err := conn.Read(ctx)
				if err != nil {
					var closeErr websocket.CloseError
					if !errors.As(err, &closeErr) || closeErr.Code != 4400 || !strings.Contains(closeErr.Reason, c.words) {
						t.Errorf("closed with %v; want 4400 saying %q", err, c.words)
					}
					return
				}
				if strings.Contains(string(b), `"id":"1"`) {
					t.Fatalf("the operation ran: %s", b)
				}
			}
		})
	}
}

// TestWebsocketRunsSubscriptionsOnly checks that a query or mutation sent
// over the websocket is refused: it took no in-flight turn and had no
// deadline there (a hostile probe ran 100 at once past a limit of 1), and
// the API's queries and mutations are HTTP's.
func TestWebsocketRunsSubscriptionsOnly(t *testing.T) {
	srv := serveOptions(t, dbtest.New(t), serve.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn := dialGraphQLWS(ctx, t, srv)
	for _, msg := range []string{`{"type": "connection_init"}`,
		`{"id": "q", "type": "subscribe", "payload": {"query": "{ articles { totalCount } }"}}`,
		`{"id": "m", "type": "subscribe", "payload": {"query": "mutation { deleteTopic(input: {id: \"VG9waWM6MQ\", version: 1}) { deletedId } }"}}`} {
		if err := conn.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
			t.Fatal(err)
		}
	}
	refused := map[string]bool{}
	for len(refused) < 2 {
		_, b, err := conn.Read(ctx)
		if err != nil {
			t.Fatalf("after %v refused: %v", refused, err)
		}
		var m struct {
			ID, Type string
			Payload  json.RawMessage
		}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		if m.Type != "next" && m.Type != "error" {
			continue
		}
		if !strings.Contains(string(m.Payload), "OPERATION_NEEDS_HTTP") || strings.Contains(string(m.Payload), `"data":{`) {
			t.Errorf("%s: %s; want it refused with OPERATION_NEEDS_HTTP", m.ID, m.Payload)
		}
		refused[m.ID] = true
	}
}

// TestWebsocketOriginScheme checks that a websocket from another origin is
// accepted only for an allowed origin, scheme and all: the websocket's own
// check compares hosts, so that http://app took https://app's place.
func TestWebsocketOriginScheme(t *testing.T) {
	insecure := "http://" + strings.TrimPrefix(corsOrigin, "https://")
	for origin, ok := range map[string]bool{corsOrigin: true, insecure: false, "https://evil.example": false} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, res, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(server.URL, "http")+"/query",
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"Origin": {origin}}})
		cancel()
		if conn != nil {
			conn.CloseNow()
		}
		switch {
		case ok && err != nil:
			t.Errorf("origin %s: %v; want the websocket accepted", origin, err)
		case !ok && (err == nil || res == nil || res.StatusCode != http.StatusForbidden):
			t.Errorf("origin %s: %v; want 403", origin, err)
		}
	}
}

// dialGraphQLWS opens a graphql-transport-ws websocket to srv's /query,
// closed when the test ends.
func dialGraphQLWS(ctx context.Context, t *testing.T, srv *httptest.Server) *websocket.Conn {
	t.Helper()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/query",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	return conn
}
