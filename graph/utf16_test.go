package graph_test

import (
	"encoding/json"
	"net/http"
	"os"
	"testing"
	"unicode/utf16"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// TestEvidenceUTF16Offsets imports a fixture whose text has astral
// characters (emoji) before its evidence and checks that startUtf16 and
// endUtf16 cut each span out of its paragraph as JavaScript's
// String.prototype.slice would, where the code-point offsets would not.
func TestEvidenceUTF16Offsets(t *testing.T) {
	d := dbtest.New(t)
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := newWriteServer(t, d, tokens)
	doc, err := os.ReadFile("testdata/astral/astral.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile("testdata/astral/astral.txt")
	if err != nil {
		t.Fatal(err)
	}
	status, res := postAs(t, srv.Server, aliceToken, importOp, map[string]any{"input": map[string]any{"document": string(doc), "text": string(text)}})
	var imported importPayload
	if status != http.StatusOK || len(res.Errors) > 0 || json.Unmarshal(res.Data, &imported) != nil ||
		imported.ImportArticle.Article == nil {
		t.Fatalf("import: status %d, %s, %+v; want the fixture imported", status, res.Data, res.Errors)
	}

	const spanFields = `start end startUtf16 endUtf16 text paragraph { text }`
	type span struct {
		Start, End, StartUtf16, EndUtf16 int
		Text                             string
		Paragraph                        struct{ Text string }
	}
	var got struct {
		Article struct {
			ID         string
			Statements struct{ Nodes []struct{ Evidence []span } }
		}
	}
	_, res = postAs(t, srv.Server, "", `query ($slug: String) { article(slug: $slug) {
  id statements(first: 10) { nodes { evidence { `+spanFields+` } } } } }`, map[string]any{"slug": "astral-fixture"})
	if len(res.Errors) > 0 || json.Unmarshal(res.Data, &got) != nil {
		t.Fatalf("query: %s, %+v", res.Data, res.Errors)
	}
	spans := []span{}
	for _, s := range got.Article.Statements.Nodes {
		spans = append(spans, s.Evidence...)
	}
	var people struct {
		Article struct {
			People struct{ Nodes []struct{ Mentions []span } }
		}
	}
	_, res = postAs(t, srv.Server, "", `query ($slug: String, $id: ID!) { article(slug: $slug) {
  people(first: 10) { nodes { mentions(article: $id) { `+spanFields+` } } } } }`,
		map[string]any{"slug": "astral-fixture", "id": got.Article.ID})
	if len(res.Errors) > 0 || json.Unmarshal(res.Data, &people) != nil {
		t.Fatalf("query: %s, %+v", res.Data, res.Errors)
	}
	for _, p := range people.Article.People.Nodes {
		spans = append(spans, p.Mentions...)
	}
	if len(spans) != 3 {
		t.Fatalf("%d spans; want 3 (a statement's, and two mentions of Ana Lima)", len(spans))
	}
	for _, s := range spans {
		units := utf16.Encode([]rune(s.Paragraph.Text))
		if s.StartUtf16 < 0 || s.EndUtf16 < s.StartUtf16 || s.EndUtf16 > len(units) {
			t.Errorf("%q: [%d:%d] out of the paragraph's %d UTF-16 units", s.Text, s.StartUtf16, s.EndUtf16, len(units))
			continue
		}
		if cut := string(utf16.Decode(units[s.StartUtf16:s.EndUtf16])); cut != s.Text {
			t.Errorf("paragraph UTF-16 [%d:%d] = %q; want %q", s.StartUtf16, s.EndUtf16, cut, s.Text)
		}
		// The fixture puts an astral character before every span, so the
		// code-point offsets must not do for JavaScript.
		if s.StartUtf16 == s.Start {
			t.Errorf("%q: startUtf16 %d equals start; want it past the astral characters before it", s.Text, s.StartUtf16)
		}
	}
}
