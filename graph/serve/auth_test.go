package serve_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// TestBearerScheme checks that the Authorization scheme is matched without
// regard to case, as HTTP's auth schemes are, and that anything else is
// refused.
func TestBearerScheme(t *testing.T) {
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := serveOptions(t, dbtest.New(t), serve.Options{Tokens: tokens, ReadsNeedToken: true})
	for _, c := range []struct {
		name, header string
		want         int
	}{
		{"Bearer", "Bearer " + aliceToken, http.StatusOK},
		{"LowerCase", "bearer " + aliceToken, http.StatusOK},
		{"UpperCase", "BEARER " + aliceToken, http.StatusOK},
		{"ErrBasic", "Basic " + aliceToken, http.StatusUnauthorized},
		{"ErrNoSpace", "Bearer" + aliceToken, http.StatusUnauthorized},
		{"ErrWrongToken", "bearer not-the-token-0123456789", http.StatusUnauthorized},
	} {
		t.Run(c.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/query", strings.NewReader(`{"query": "{ __typename }"}`))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", plainJSON)
			req.Header.Set("Authorization", c.header)
			if r := sendAPI(t, req); r.status != c.want {
				t.Errorf("Authorization %q: status %d; want %d: %s", strings.Replace(c.header, aliceToken, "<token>", 1), r.status, c.want, r.body)
			}
		})
	}
}

// TestWebsocketInitRefused checks that a graphql-transport-ws
// connection_init refused for its token closes the websocket with 4403
// Forbidden, as the protocol says, and that a valid token (any case of
// Bearer) is acknowledged.
func TestWebsocketInitRefused(t *testing.T) {
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := serveOptions(t, dbtest.New(t), serve.Options{Tokens: tokens, ReadsNeedToken: true})
	// init dials, sends connection_init with payload and returns the
	// first message's type, or the error that ended the connection.
	init := func(t *testing.T, payload map[string]any) (string, error) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/query",
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.CloseNow()
		b, _ := json.Marshal(map[string]any{"type": "connection_init", "payload": payload})
		if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
			t.Fatal(err)
		}
		for {
			_, b, err := conn.Read(ctx)
			if err != nil {
				return "", err
			}
			var msg struct{ Type string }
			if err := json.Unmarshal(b, &msg); err != nil {
				t.Fatal(err)
			}
			if msg.Type == "connection_ack" {
				return msg.Type, nil
			}
		}
	}
	for _, c := range []struct {
		name    string
		payload map[string]any
	}{
		{"WrongToken", map[string]any{"Authorization": "Bearer not-the-token-0123456789"}},
		{"NoToken", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			typ, err := init(t, c.payload)
			if got := websocket.CloseStatus(err); got != 4403 {
				t.Errorf("message %q, error %v: close status %d; want 4403", typ, err, got)
			}
			var closeErr websocket.CloseError
			if errors.As(err, &closeErr) && closeErr.Reason != "Forbidden" {
				t.Errorf("close reason %q; want Forbidden", closeErr.Reason)
			}
		})
	}
	t.Run("LowerCaseBearer", func(t *testing.T) {
		if typ, err := init(t, map[string]any{"Authorization": "bearer " + aliceToken}); err != nil || typ != "connection_ack" {
			t.Errorf("got %q, %v; want connection_ack", typ, err)
		}
	})
}

// TestEarlyRefusalsNegotiate checks that refusals made before GraphQL runs
// (a token that is not valid, a consistency token that is not one) come in
// the media type the client asked for, as the others do.
func TestEarlyRefusalsNegotiate(t *testing.T) {
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := serveOptions(t, dbtest.New(t), serve.Options{Tokens: tokens})
	for name, header := range map[string][2]string{
		"BadToken":            {"Authorization", "Bearer not-the-token-0123456789"},
		"BadConsistencyToken": {serve.ConsistencyHeader, "x"},
	} {
		for _, accept := range []string{"application/graphql-response+json", "application/json"} {
			req, err := http.NewRequest(http.MethodPost, srv.URL+"/query", strings.NewReader(`{"query": "{ __typename }"}`))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", accept)
			req.Header.Set(header[0], header[1])
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode < 400 || res.Header.Get("Content-Type") != accept {
				t.Errorf("%s, Accept %s: status %d, Content-Type %q; want a refusal in %s", name, accept, res.StatusCode, res.Header.Get("Content-Type"), accept)
			}
		}
	}
}
