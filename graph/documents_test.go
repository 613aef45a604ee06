package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// importPayload is importArticle's answer.
type importPayload struct {
	ImportArticle struct {
		Article    *struct{ Slug string }
		UserErrors []struct{ Path, Message, Code string }
	}
}

// importDocument sends importArticle with document and the seed article's
// text, and returns the payload, the size of the response body and how
// many bytes this process allocated while serving it.
func importDocument(t *testing.T, srv *writeServer, document string) (importPayload, int, uint64) {
	t.Helper()
	text := articleInput(t, "unused")["text"]
	body, _ := json.Marshal(map[string]any{"query": importOp,
		"variables": map[string]any{"input": map[string]any{"document": document, "text": text}}})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+aliceToken)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var raw bytes.Buffer
	if _, err := raw.ReadFrom(res.Body); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	var out response
	if err := json.Unmarshal(raw.Bytes(), &out); err != nil {
		t.Fatalf("decode %.300s: %v", raw.Bytes(), err)
	}
	if len(out.Errors) > 0 {
		t.Fatalf("errors %+v; want userErrors", out.Errors)
	}
	var p importPayload
	if err := json.Unmarshal(out.Data, &p); err != nil {
		t.Fatal(err)
	}
	return p, raw.Len(), after.TotalAlloc - before.TotalAlloc
}

// TestImportDocumentBombs sends importArticle documents built to exhaust a
// parser's memory and checks that each is refused as a user error that
// names the limit, while the server allocates a bounded amount in all (a
// naive parse of the first allocates more than a gigabyte), and that
// nothing is written.
func TestImportDocumentBombs(t *testing.T) {
	d := dbtest.NewSeeded(t)
	tokens, _ := serve.ParseTokens("alice="+aliceToken, "")
	srv := newWriteServer(t, d, tokens)
	laughs := func(levels int) string {
		var b strings.Builder
		b.WriteString("people:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
		for i := 1; i <= levels; i++ {
			fmt.Fprintf(&b, "  - &a%d [%s]\n", i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 9), ","))
		}
		fmt.Fprintf(&b, "topics:\n  - slug: a\n    label: *a%d\n", levels)
		return b.String()
	}
	tests := []struct {
		name, document, want, path string
	}{
		{"BillionLaughs", laughs(8), "anchors and aliases (&name, *name) are not allowed", ""},
		{"ManyAliases", "topics:\n  - &t {slug: a, label: a}\n" + strings.Repeat("  - *t\n", 30_000), "anchors and aliases", ""},
		{"NestedFlowLists", "topics: " + strings.Repeat("[", 100_000), "nest deeper than the limit of 20 levels", ""},
		{"NestedJSONObjects", `{"topics": ` + strings.Repeat(`{"a": `, 30_000) + "1" + strings.Repeat("}", 30_001), "nest deeper than the limit of 20 levels", ""},
		{"ManyDocuments", strings.Repeat("---\narticle:\n", 20_000), "a second YAML document ('---') is not allowed", ""},
		{"TooBig", "article:\n  slug: big\n" + strings.Repeat("# padding\n", 60_000), "the document is 600021 bytes, over the limit of 262144 bytes", ""},
		{"LongString", "topics:\n  - slug: a\n    label: " + strings.Repeat("x", 100_000) + "\n", "is 100000 bytes, over the limit of 65536 bytes for a string", "topics[0].label"},
		{"ManyItems", "article:\n  topics:\n" + strings.Repeat("    - a\n", 3_000), "has 3000 items, over the limit of 2000 items", "article.topics"},
	}
	const budget = 300 << 20
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, size, alloc := importDocument(t, srv, tt.document)
			errs := p.ImportArticle.UserErrors
			if p.ImportArticle.Article != nil || len(errs) != 1 {
				t.Fatalf("payload %+v; want one user error and no article", p.ImportArticle)
			}
			if e := errs[0]; !strings.Contains(e.Message, tt.want) || e.Path != tt.path || e.Code != "INVALID" {
				t.Errorf("user error %+v; want INVALID at %q saying %q", e, tt.path, tt.want)
			}
			t.Logf("%d-byte document: %d MB allocated in all, a %d-byte answer", len(tt.document), alloc>>20, size)
			if alloc > budget {
				t.Errorf("the server allocated %d MB while refusing a %d-byte document; want at most %d MB", alloc>>20, len(tt.document), budget>>20)
			}
			if size > 2_000 {
				t.Errorf("the answer is %d bytes; want at most 2,000", size)
			}
		})
	}
	var n int
	if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM audit_log`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d audit entries (err %v); want none: nothing was written", n, err)
	}
}

// TestImportUserErrorsAreBounded sends documents with a mistake in each of
// a thousand items and checks that the answer lists at most
// db.MaxProblems of them and says how many more there are, whether the
// mistakes are found by the text limits or by the validator's rules.
func TestImportUserErrorsAreBounded(t *testing.T) {
	d := dbtest.NewSeeded(t)
	tokens, _ := serve.ParseTokens("alice="+aliceToken, "")
	srv := newWriteServer(t, d, tokens)
	for _, tt := range []struct{ name, item string }{
		{"Rules", "  - {slug: Not A Slug %d, label: bad}\n"},
		{"TextLimits", "  - {slug: t%d" + strings.Repeat("a", 100) + ", label: a}\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var doc strings.Builder
			doc.WriteString(articleInput(t, "bounded")["document"].(string))
			doc.WriteString("\ntopics:\n")
			for i := range 1_001 {
				fmt.Fprintf(&doc, tt.item, i)
			}
			p, size, _ := importDocument(t, srv, doc.String())
			errs := p.ImportArticle.UserErrors
			if len(errs) != 51 {
				t.Fatalf("%d user errors (first %+v); want 50 and one that says how many more", len(errs), errs[0])
			}
			if last := errs[50].Message; !strings.HasPrefix(last, "951 more problems were found") {
				t.Errorf("last user error %q; want it to say 951 more problems were found", last)
			}
			if size > 12_000 {
				t.Errorf("the answer is %d bytes; want at most 12,000", size)
			}
		})
	}
}
