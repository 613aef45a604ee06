package graphtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/seeds"
)

// AliceToken is the API token of the writer alice, and ImportOp the
// importArticle mutation, in the write tests.
const (
	AliceToken = "alice-token-0123456789abcdef"
	ImportOp   = `mutation Import($input: ImportArticleInput!) {
  importArticle(input: $input) { article { slug } userErrors { path message code } }
}`
)

// WriteServer is one API replica over a database, with its own broker.
type WriteServer struct {
	*httptest.Server
	Broker *serve.Broker
}

// NewWriteServer serves d with tokens and a broker of its own.
func NewWriteServer(t testing.TB, d *dbtest.Database, tokens *serve.Tokens) *WriteServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	broker := serve.NewBroker(d.Store, d.URL, logger)
	go broker.Run(ctx)
	srv := httptest.NewServer(serve.NewHandler(d.Store, logger, serve.Options{Tokens: tokens, Broker: broker}))
	t.Cleanup(func() { srv.Close(); cancel() })
	return &WriteServer{Server: srv, Broker: broker}
}

// PostAs sends a GraphQL request with a bearer token ("" for none) and
// returns the HTTP status and the decoded response.
func PostAs(t testing.TB, srv *httptest.Server, token, query string, vars map[string]any) (int, Response) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out Response
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return res.StatusCode, out
}

// ArticleInput is the seed article with a title, under a new slug.
func ArticleInput(t testing.TB, slug string) map[string]any {
	t.Helper()
	return SeedInput(t, "003_a22b1cf4084b29ce", slug)
}

// SeedInput is the importArticle input of the seed article in
// seeds/articles/name.{yaml,txt} under a new slug, with each pair of
// replace (old, new) replaced in its document and text alike.
func SeedInput(t testing.TB, name, slug string, replace ...string) map[string]any {
	t.Helper()
	doc, err := fs.ReadFile(seeds.FS, "articles/"+name+".yaml")
	if err != nil {
		t.Fatal(err)
	}
	text, err := fs.ReadFile(seeds.FS, "articles/"+name+".txt")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^  slug: .*$`)
	if !re.Match(doc) {
		t.Fatal("the seed document has no article slug line")
	}
	r := strings.NewReplacer(replace...)
	return map[string]any{"document": r.Replace(re.ReplaceAllString(string(doc), "  slug: "+slug)), "text": r.Replace(string(text))}
}

// Subscribe opens a graphql-transport-ws subscription and returns a
// function that reads its next event's data.
func Subscribe(t testing.TB, srv *httptest.Server, query string) func(timeout time.Duration) (json.RawMessage, error) {
	t.Helper()
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http")+"/query",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(websocket.StatusNormalClosure, "") })
	send := func(v any) {
		b, _ := json.Marshal(v)
		if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
			t.Fatal(err)
		}
	}
	read := func(timeout time.Duration) (map[string]json.RawMessage, error) {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		for {
			_, b, err := conn.Read(rctx)
			if err != nil {
				return nil, err
			}
			var msg map[string]json.RawMessage
			if err := json.Unmarshal(b, &msg); err != nil {
				return nil, err
			}
			if string(msg["type"]) != `"ping"` && string(msg["type"]) != `"pong"` {
				return msg, nil
			}
		}
	}
	send(map[string]any{"type": "connection_init"})
	if msg, err := read(5 * time.Second); err != nil || string(msg["type"]) != `"connection_ack"` {
		t.Fatalf("connection_init: %v %v; want connection_ack", msg, err)
	}
	send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}})
	return func(timeout time.Duration) (json.RawMessage, error) {
		msg, err := read(timeout)
		if err != nil {
			return nil, err
		}
		if string(msg["type"]) != `"next"` {
			return nil, fmt.Errorf("message %v; want next", msg)
		}
		return msg["payload"], nil
	}
}
