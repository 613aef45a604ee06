package graph_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// cutAfterCommit is a pgx tracer that, once armed, runs cut right after
// the next COMMIT succeeds: the write is stored, and the database goes
// away before the server has answered.
type cutAfterCommit struct {
	armed atomic.Bool
	cut   func()
}

func (c *cutAfterCommit) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	return ctx
}

func (c *cutAfterCommit) TraceQueryEnd(_ context.Context, _ *pgx.Conn, data pgx.TraceQueryEndData) {
	if data.Err == nil && data.CommandTag.String() == "COMMIT" && c.armed.CompareAndSwap(true, false) {
		c.cut()
	}
}

// TestCommittedWriteIsReportedDone stops PostgreSQL right after a
// mutation's transaction commits. The write is stored, so the client must
// get its success payload, answered from what the transaction read, and
// never data: null with UNAVAILABLE (which invites a retry that would
// write it twice).
func TestCommittedWriteIsReportedDone(t *testing.T) {
	pg := dbtest.NewCluster(t)
	pg.Start()
	t.Setenv("DATABASE_URL", pg.URL("postgres"))
	d := dbtest.NewSeeded(t)
	// The database must be up again when the test ends, to be dropped.
	var down atomic.Bool
	t.Cleanup(func() {
		if down.Load() {
			pg.Start()
		}
	})

	tracer := &cutAfterCommit{cut: func() { down.Store(true); pg.Stop() }}
	cfg, err := pgxpool.ParseConfig(d.URL)
	if err != nil {
		t.Fatal(err)
	}
	cfg.ConnConfig.Tracer = tracer
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	store := db.NewStore(pool)
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serve.NewHandler(store, slog.New(slog.NewJSONHandler(io.Discard, nil)), serve.Options{Tokens: tokens}))
	t.Cleanup(func() { srv.Close(); store.Close(); pool.Close() })

	var article struct{ Article struct{ ID string } }
	_, res := postAs(t, srv, "", `{ article(slug: "`+editArticle+`") { id } }`, nil)
	if err := json.Unmarshal(res.Data, &article); err != nil || article.Article.ID == "" {
		t.Fatalf("article: %s %+v", res.Data, res.Errors)
	}
	var person struct{ Entity struct{ ID string } }
	_, res = postAs(t, srv, "", `{ entity(slug: "xi-jinping") { id } }`, nil)
	if err := json.Unmarshal(res.Data, &person); err != nil || person.Entity.ID == "" {
		t.Fatalf("person: %s %+v", res.Data, res.Errors)
	}

	tests := []struct {
		name, query string
		input       func() map[string]any
		// want is a value the payload must hold; count is SQL that counts
		// the written rows once the database is back, and wantRows its
		// answer.
		want     string
		count    string
		wantRows int
	}{{
		name:  "ImportArticle",
		query: `mutation($input: ImportArticleInput!) { x: importArticle(input: $input) { article { id slug version } userErrors { message } clientMutationId } }`,
		input: func() map[string]any {
			in := articleInput(t, "stored-before-the-cut")
			in["clientMutationId"] = "import-1"
			return in
		},
		want:     `"slug":"stored-before-the-cut"`,
		count:    `SELECT count(*) FROM articles WHERE slug = 'stored-before-the-cut'`,
		wantRows: 1,
	}, {
		name:  "CreateStatement",
		query: `mutation($input: CreateStatementInput!) { x: createStatement(input: $input) { statement { id version content } userErrors { message } clientMutationId } }`,
		input: func() map[string]any {
			return map[string]any{"clientMutationId": "create-1", "article": article.Article.ID, "statement": map[string]any{
				"speaker": map[string]any{"description": "a spokesperson"}, "verb": "SAID", "mode": "PARAPHRASE",
				"content": "Cut after commit", "evidence": []any{map[string]any{"text": "The two countries issued a joint statement"}}}}
		},
		want:     `"content":"Cut after commit"`,
		count:    `SELECT count(*) FROM statements WHERE content = 'Cut after commit'`,
		wantRows: 1,
	}, {
		name:  "UpdatePerson",
		query: `mutation($input: UpdatePersonInput!) { x: updatePerson(input: $input) { person { id version name } userErrors { message } clientMutationId } }`,
		input: func() map[string]any {
			var out struct{ Node struct{ Version int } }
			_, res := postAs(t, srv, "", `query($id: ID!) { node(id: $id) { ... on Person { version } } }`, map[string]any{"id": person.Entity.ID})
			if err := json.Unmarshal(res.Data, &out); err != nil || out.Node.Version == 0 {
				t.Fatalf("person's version: %s %+v", res.Data, res.Errors)
			}
			return map[string]any{"clientMutationId": "update-1", "id": person.Entity.ID, "version": out.Node.Version,
				"person": map[string]any{"name": "Xi Jinping (renamed before the cut)"}}
		},
		want:     `"name":"Xi Jinping (renamed before the cut)"`,
		count:    `SELECT count(*) FROM people WHERE name = 'Xi Jinping (renamed before the cut)'`,
		wantRows: 1,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input()
			tracer.armed.Store(true)
			status, res := postAs(t, srv, aliceToken, tt.query, map[string]any{"input": input})
			if tracer.armed.Load() {
				t.Fatalf("no transaction committed: status %d, data %s, errors %+v", status, res.Data, res.Errors)
			}
			var data struct{ X map[string]json.RawMessage }
			_ = json.Unmarshal(res.Data, &data)
			if len(res.Errors) > 0 || data.X == nil {
				t.Errorf("status %d, data %s, errors %+v; want the success payload of the stored write", status, res.Data, res.Errors)
			}
			got := string(res.Data)
			if !strings.Contains(got, tt.want) || !strings.Contains(got, `"userErrors":[]`) ||
				!strings.Contains(got, `"clientMutationId":"`+input["clientMutationId"].(string)+`"`) {
				t.Errorf("data %s; want %s, no userErrors and the clientMutationId", got, tt.want)
			}

			pg.Start()
			down.Store(false)
			pool.Reset() // its connections died with the server
			// A connection of its own: the pool's died with the server.
			conn, err := pgx.Connect(context.Background(), d.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(context.Background())
			var n int
			if err := conn.QueryRow(context.Background(), tt.count).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != tt.wantRows {
				t.Errorf("%d rows written; want %d", n, tt.wantRows)
			}
		})
	}
}
