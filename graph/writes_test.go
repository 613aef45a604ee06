package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

const (
	aliceToken = graphtest.AliceToken
	importOp   = graphtest.ImportOp
)

// writeServer is one API replica over a database, with its own broker
// (graphtest.WriteServer).
type writeServer struct {
	*httptest.Server
	broker *serve.Broker
}

func newWriteServer(t *testing.T, d *dbtest.Database, tokens *serve.Tokens) *writeServer {
	t.Helper()
	s := graphtest.NewWriteServer(t, d, tokens)
	return &writeServer{Server: s.Server, broker: s.Broker}
}

// postAs sends a GraphQL request with a bearer token ("" for none) and
// returns the HTTP status and the decoded response.
func postAs(t *testing.T, srv *httptest.Server, token, query string, vars map[string]any) (int, response) {
	t.Helper()
	return graphtest.PostAs(t, srv, token, query, vars)
}

// articleInput is the seed article with a title, under a new slug.
func articleInput(t *testing.T, slug string) map[string]any {
	t.Helper()
	return graphtest.ArticleInput(t, slug)
}

// seedInput is graphtest.SeedInput.
func seedInput(t *testing.T, name, slug string, replace ...string) map[string]any {
	t.Helper()
	return graphtest.SeedInput(t, name, slug, replace...)
}

// subscribe opens a graphql-transport-ws subscription and returns a
// function that reads its next event's data.
func subscribe(t *testing.T, srv *httptest.Server, query string) func(timeout time.Duration) (json.RawMessage, error) {
	t.Helper()
	return graphtest.Subscribe(t, srv, query)
}

// TestImportOnOneReplicaReachesSubscribersOnAnother starts two servers on
// one database, subscribes on B, imports through A, and receives the event
// on B; an import that is rolled back is never delivered.
func TestImportOnOneReplicaReachesSubscribersOnAnother(t *testing.T) {
	d := dbtest.NewSeeded(t)
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	a := newWriteServer(t, d, tokens)
	b := newWriteServer(t, d, tokens)

	next := subscribe(t, b.Server, `subscription { articleImported { slug title } }`)
	waitFor(t, "the subscription to reach B's broker", func() bool { return b.broker.Subscribers() > 0 })

	status, res := postAs(t, a.Server, aliceToken, importOp, map[string]any{"input": articleInput(t, "imported-through-a")})
	if status != http.StatusOK || len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"userErrors":[]`) {
		t.Fatalf("import through A: %d %s %+v", status, res.Data, res.Errors)
	}
	payload, err := next(10 * time.Second)
	if err != nil || !strings.Contains(string(payload), `"slug":"imported-through-a"`) {
		t.Fatalf("event on B: %s, %v; want the article imported through A", payload, err)
	}

	// Roll an import back: hold a lock it needs past its lock timeout.
	ctx := context.Background()
	lock, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec(ctx, `LOCK TABLE evidence IN EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	_, res = postAs(t, a.Server, aliceToken, importOp, map[string]any{"input": articleInput(t, "rolled-back")})
	if len(res.Errors) == 0 {
		t.Fatalf("the import succeeded while its table was locked: %s", res.Data)
	}
	if err := lock.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	_, res = postAs(t, a.Server, aliceToken, importOp, map[string]any{"input": articleInput(t, "after-the-rollback")})
	if len(res.Errors) > 0 {
		t.Fatalf("import after the rollback: %+v", res.Errors)
	}
	payload, err = next(10 * time.Second)
	if err != nil || !strings.Contains(string(payload), `"slug":"after-the-rollback"`) {
		t.Errorf("next event on B: %s, %v; want the import after the rollback (and never the rolled-back one)", payload, err)
	}
}

// TestImportNeedsAValidToken checks who may write: nobody without a token,
// nobody with a wrong one, nobody when no token is configured; and a
// refused write changes nothing.
func TestImportNeedsAValidToken(t *testing.T) {
	d := dbtest.NewSeeded(t)
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	withTokens := newWriteServer(t, d, tokens)
	withoutTokens := newWriteServer(t, d, nil)
	count := func() int {
		var n int
		if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM articles`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	tests := []struct {
		name       string
		srv        *httptest.Server
		token      string
		wantStatus int
	}{
		{"NoToken", withTokens.Server, "", http.StatusOK},
		{"WrongToken", withTokens.Server, "not-the-token-0123456789", http.StatusUnauthorized},
		{"NoTokensConfigured", withoutTokens.Server, aliceToken, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, res := postAs(t, tt.srv, tt.token, importOp, map[string]any{"input": articleInput(t, "refused-"+strings.ToLower(tt.name))})
			if status != tt.wantStatus {
				t.Errorf("status %d; want %d", status, tt.wantStatus)
			}
			if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
				t.Errorf("errors %+v; want UNAUTHENTICATED", res.Errors)
			}
		})
	}
	if after := count(); after != before {
		t.Errorf("%d articles after refused imports; want %d", after, before)
	}
	status, res := postAs(t, withTokens.Server, aliceToken, importOp, map[string]any{"input": articleInput(t, "accepted")})
	if status != http.StatusOK || len(res.Errors) > 0 || count() != before+1 {
		t.Errorf("import with the token: %d %+v; want it written", status, res.Errors)
	}
	var actor string
	if err := d.Pool.QueryRow(context.Background(), `SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&actor); err != nil || actor != "alice" {
		t.Errorf("audit actor %q (err %v); want alice", actor, err)
	}
}

// TestImportUserErrors checks that a bad document comes back as userErrors
// naming the offending path, and writes nothing.
func TestImportUserErrors(t *testing.T) {
	d := dbtest.NewSeeded(t)
	tokens, _ := serve.ParseTokens("alice="+aliceToken, "")
	srv := newWriteServer(t, d, tokens)
	good := articleInput(t, "user-errors")
	tests := []struct {
		name, from, to, wantPath string
	}{
		{"EvidenceNotVerbatim", "evidence: [\"Huang Yidong\"]", "evidence: [\"Huang Yidong said nothing of the kind\"]", "people[1].evidence[0]"},
		{"UnknownKey", "\npeople:\n", "\npeople:\n  - flavour: salty\n", "people"},
		{"DanglingReference", "builder: cscec-malaysia", "builder: nobody-builds-this", "projects[0].builder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := good["document"].(string)
			if !strings.Contains(doc, tt.from) {
				t.Fatalf("the seed document lacks %q", tt.from)
			}
			input := map[string]any{"document": strings.Replace(doc, tt.from, tt.to, 1), "text": good["text"]}
			_, res := postAs(t, srv.Server, aliceToken, importOp, map[string]any{"input": input})
			var got struct {
				ImportArticle struct {
					Article    *struct{ Slug string }
					UserErrors []struct{ Path, Message, Code string }
				}
			}
			if len(res.Errors) > 0 {
				t.Fatalf("errors %+v; want userErrors", res.Errors)
			}
			if err := json.Unmarshal(res.Data, &got); err != nil {
				t.Fatal(err)
			}
			errs := got.ImportArticle.UserErrors
			if got.ImportArticle.Article != nil || len(errs) == 0 {
				t.Fatalf("payload %s; want userErrors and no article", res.Data)
			}
			if !strings.HasPrefix(errs[0].Path, tt.wantPath) && !strings.Contains(errs[0].Message, tt.wantPath) {
				t.Errorf("user error %+v; want it at %s", errs[0], tt.wantPath)
			}
			var n int
			if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM articles WHERE slug = 'user-errors'`).Scan(&n); err != nil || n != 0 {
				t.Errorf("%d articles written (err %v); want none", n, err)
			}
		})
	}
}
