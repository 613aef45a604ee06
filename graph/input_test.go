package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// pgWords are words of PostgreSQL's own messages, which must never reach a
// client.
var pgWords = []string{"invalid byte sequence", "tsvector", "SQLSTATE", "encoding \"UTF8\"", "pq:", "ERROR:"}

// TestEditTextLimits sends create and update mutations whose text is too
// long or holds a NUL character: each comes back as a user error at the
// input's path that names the limit (or the NUL) in our own words, no
// PostgreSQL message reaches the reply, and nothing is written.
func TestEditTextLimits(t *testing.T) {
	f := newEditFixture(t)
	huge := distinctWords(900_000) // too many words for a search vector, too
	statement := func(t *testing.T, content string) map[string]any {
		return map[string]any{"article": f.article(t), "statement": map[string]any{
			"speaker":  map[string]any{"person": f.entity(t, "gan-tian-loo")},
			"verb":     "SAID",
			"mode":     "PARAPHRASE",
			"content":  content,
			"evidence": []any{map[string]any{"text": "The two countries issued a joint statement"}},
		}}
	}
	tests := []struct {
		name, field string
		input       func(t *testing.T) map[string]any
		path        string
		words       []string
	}{
		{"StatementContentTooLong", "createStatement", func(t *testing.T) map[string]any { return statement(t, huge) },
			"statement.content", []string{"900000 characters", fmt.Sprint(document.MaxLongText)}},
		{"StatementContentWithNUL", "createStatement", func(t *testing.T) map[string]any { return statement(t, "a\x00b") },
			"statement.content", []string{"NUL"}},
		{"PersonNameTooLong", "createPerson", func(t *testing.T) map[string]any {
			return map[string]any{"person": map[string]any{"slug": "long-name", "name": huge}}
		}, "person.name", []string{"900000 characters", fmt.Sprint(document.MaxShortText)}},
		{"PersonNameWithNUL", "createPerson", func(t *testing.T) map[string]any {
			return map[string]any{"person": map[string]any{"slug": "nul-name", "name": "Gan\x00Tian"}}
		}, "person.name", []string{"NUL"}},
		{"PersonSlugWithNUL", "createPerson", func(t *testing.T) map[string]any {
			return map[string]any{"person": map[string]any{"slug": "nul\x00slug", "name": "Someone"}}
		}, "person.slug", []string{"NUL"}},
		{"PersonHonorificWithNUL", "createPerson", func(t *testing.T) map[string]any {
			return map[string]any{"person": map[string]any{"slug": "nul-honorific", "name": "Someone", "honorifics": []any{"Dr\x00"}}}
		}, "person.honorifics[0]", []string{"NUL"}},
		{"OrganizationNoteTooLong", "updateOrganization", func(t *testing.T) map[string]any {
			return map[string]any{"id": f.entity(t, "huawei"), "version": 1, "organization": map[string]any{"note": strings.Repeat("x", document.MaxLongText+1)}}
		}, "organization.note", []string{fmt.Sprint(document.MaxLongText)}},
		{"TopicLabelWithNUL", "createTopic", func(t *testing.T) map[string]any {
			return map[string]any{"topic": map[string]any{"slug": "nul-label", "label": "a\x00b"}}
		}, "topic.label", []string{"NUL"}},
		{"EvidenceTextTooLong", "createStatement", func(t *testing.T) map[string]any {
			in := statement(t, "The two countries issued a joint statement.")
			in["statement"].(map[string]any)["evidence"] = []any{map[string]any{"text": strings.Repeat("y", document.MaxLongText+1)}}
			return in
		}, "statement.evidence[0].text", []string{fmt.Sprint(document.MaxLongText)}},
		{"DateTextWithNUL", "createEvent", func(t *testing.T) map[string]any {
			return map[string]any{"event": map[string]any{"slug": "nul-date", "name": "A meeting", "kind": "MEETING",
				"date": map[string]any{"text": "in\x002025", "year": 2025}}}
		}, "event.date.text", []string{"NUL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input(t)
			before := f.snapshot(t)
			query := fmt.Sprintf(`mutation($input: %sInput!) { x: %s(input: $input) { userErrors { path message code } } }`,
				strings.ToUpper(tt.field[:1])+tt.field[1:], tt.field)
			raw := postText(t, f.srv.URL, aliceToken, query, map[string]any{"input": input})
			for _, w := range pgWords {
				if strings.Contains(raw, w) {
					t.Errorf("reply has PostgreSQL's words %q: %.300s", w, raw)
				}
			}
			if len(raw) > 4096 {
				t.Errorf("reply is %d bytes; want the value left out of it", len(raw))
			}
			var res struct {
				Data   map[string]struct{ UserErrors []userError }
				Errors []gqlError
			}
			if err := json.Unmarshal([]byte(raw), &res); err != nil {
				t.Fatalf("decode %.300s: %v", raw, err)
			}
			if len(res.Errors) > 0 {
				t.Fatalf("errors %+v; want userErrors", res.Errors)
			}
			errs := res.Data["x"].UserErrors
			if len(errs) == 0 {
				t.Fatalf("reply %.300s; want a user error", raw)
			}
			if errs[0].Path != tt.path || errs[0].Code != "INVALID" {
				t.Errorf("user error %+v; want path %q, code INVALID", errs[0], tt.path)
			}
			for _, w := range tt.words {
				if !strings.Contains(errs[0].Message, w) {
					t.Errorf("message %q; want it to name %q", errs[0].Message, w)
				}
			}
			if after := f.snapshot(t); !maps.Equal(before, after) {
				t.Errorf("a refused %s changed tables %v", tt.field, changedTables(before, after))
			}
		})
	}
}

// TestImportTextLimits imports the seed article with one field too long,
// or with a NUL character: a user error at the field's path, nothing
// written.
func TestImportTextLimits(t *testing.T) {
	d := dbtest.NewSeeded(t)
	tokens, _ := serve.ParseTokens("alice="+aliceToken, "")
	srv := newWriteServer(t, d, tokens)
	good := articleInput(t, "text-limits")
	doc := good["document"].(string)
	long := strings.Repeat("z", document.MaxShortText+1)
	tests := []struct {
		name, document, text, path string
		words                      []string
	}{
		{"PersonNameTooLong", strings.Replace(doc, "name: Huang Yidong", "name: "+long, 1), good["text"].(string),
			"people[1].name", []string{fmt.Sprint(document.MaxShortText)}},
		{"SlugTooLong", strings.Replace(doc, "  slug: text-limits", "  slug: "+strings.Repeat("a", document.MaxSlug+1), 1), good["text"].(string),
			"article.slug", []string{fmt.Sprint(document.MaxSlug)}},
		{"ReferenceWithNUL", strings.Replace(doc, "builder: cscec-malaysia", `builder: "cscec\0malaysia"`, 1), good["text"].(string),
			"projects[0].builder", []string{"NUL"}},
		{"TextWithNUL", doc, strings.Replace(good["text"].(string), "Huang Yidong", "Huang\x00Yidong", 1),
			"text", []string{"NUL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.document == doc && tt.text == good["text"] {
				t.Fatal("the test changes nothing in the seed article")
			}
			before, err := d.Snapshot(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			raw := postText(t, srv.URL, aliceToken, importOp, map[string]any{"input": map[string]any{"document": tt.document, "text": tt.text}})
			for _, w := range pgWords {
				if strings.Contains(raw, w) {
					t.Errorf("reply has PostgreSQL's words %q: %.300s", w, raw)
				}
			}
			var res struct {
				Data struct {
					ImportArticle struct {
						Article    *struct{ Slug string }
						UserErrors []userError
					}
				}
				Errors []gqlError
			}
			if err := json.Unmarshal([]byte(raw), &res); err != nil {
				t.Fatalf("decode %.300s: %v", raw, err)
			}
			if len(res.Errors) > 0 {
				t.Fatalf("errors %+v; want userErrors", res.Errors)
			}
			errs := res.Data.ImportArticle.UserErrors
			if res.Data.ImportArticle.Article != nil || len(errs) == 0 {
				t.Fatalf("reply %.300s; want userErrors and no article", raw)
			}
			if errs[0].Path != tt.path || errs[0].Code != "INVALID" {
				t.Errorf("user error %+v; want path %q, code INVALID", errs[0], tt.path)
			}
			for _, w := range tt.words {
				if !strings.Contains(errs[0].Message, w) {
					t.Errorf("message %q; want it to name %q", errs[0].Message, w)
				}
			}
			after, err := d.Snapshot(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(before, after) {
				t.Errorf("a refused import changed tables %v", changedTables(before, after))
			}
		})
	}
}

// TestReadArgumentLimits sends reads whose text arguments hold a NUL
// character or are too long: each is BAD_USER_INPUT naming the argument,
// never INTERNAL, and no PostgreSQL message reaches the reply.
func TestReadArgumentLimits(t *testing.T) {
	long := strings.Repeat("a", document.MaxSlug+1)
	tests := []struct {
		name, query string
		vars        map[string]any
		words       []string
	}{
		{"EntitySlugWithNUL", `query($s: String!) { entity(slug: $s) { id } }`, map[string]any{"s": "a\x00b"}, []string{"slug", "NUL"}},
		{"ArticleSlugWithNUL", `query($s: String) { article(slug: $s) { id } }`, map[string]any{"s": "a\x00b"}, []string{"slug", "NUL"}},
		{"TopicSlugWithNUL", `query($s: String!) { topic(slug: $s) { id } }`, map[string]any{"s": "a\x00b"}, []string{"slug", "NUL"}},
		{"EntitySlugInline", `{ entity(slug: "a\u0000b") { id } }`, nil, []string{"slug", "NUL"}},
		{"EntitySlugInFragment", `query($s: String!) { ...F } fragment F on Query { entity(slug: $s) { id } }`, map[string]any{"s": "a\x00b"}, []string{"slug", "NUL"}},
		{"EntitySlugTooLong", `query($s: String!) { entity(slug: $s) { id } }`, map[string]any{"s": long}, []string{"slug", fmt.Sprint(document.MaxSlug)}},
		{"ArticleSlugTooLong", `query($s: String) { article(slug: $s) { id } }`, map[string]any{"s": long}, []string{"slug", fmt.Sprint(document.MaxSlug)}},
		{"TopicSlugTooLong", `query($s: String!) { topic(slug: $s) { id } }`, map[string]any{"s": long}, []string{"slug", fmt.Sprint(document.MaxSlug)}},
		{"FilterTextWithNUL", `query($t: String) { articles(filter: { text: $t }) { totalCount } }`, map[string]any{"t": "a\x00b"}, []string{"filter.text", "NUL"}},
		{"NestedFilterNameTooLong", `query($n: String) { people(filter: { or: [{ name: "x" }, { name: $n }] }) { totalCount } }`,
			map[string]any{"n": strings.Repeat("n", input.MaxArgumentText+1)}, []string{"filter.or[1].name", fmt.Sprint(input.MaxArgumentText)}},
		{"MetricTooLong", `query($m: String) { figures(filter: { metric: $m }) { totalCount } }`,
			map[string]any{"m": strings.Repeat("m", input.MaxArgumentText+1)}, []string{"filter.metric", fmt.Sprint(input.MaxArgumentText)}},
		{"ClientMutationIDWithNUL", `mutation($id: String) { deletePerson(input: { id: "UGVyc29uOjE", clientMutationId: $id }) { deletedId } }`,
			map[string]any{"id": "a\x00b"}, []string{"input.clientMutationId", "NUL"}},
		{"SearchQueryWithNUL", `query($q: String!) { search(query: $q) { totalCount } }`, map[string]any{"q": "digital\x00"}, []string{"query", "NUL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, res := send(t, tt.query, tt.vars)
			raw := mustJSON(res)
			for _, w := range pgWords {
				if strings.Contains(raw, w) {
					t.Errorf("reply has PostgreSQL's words %q: %.300s", w, raw)
				}
			}
			if len(res.Errors) == 0 {
				t.Fatalf("no error (status %d); data %s; want BAD_USER_INPUT", status, res.Data)
			}
			e := res.Errors[0]
			if got := e.Extensions["code"]; got != "BAD_USER_INPUT" {
				t.Errorf("extensions.code = %v (message %q); want BAD_USER_INPUT", got, e.Message)
			}
			for _, w := range tt.words {
				if !strings.Contains(e.Message, w) {
					t.Errorf("message %q does not name %q", e.Message, w)
				}
			}
		})
	}
}

// TestCursorOfTheLongestName pages past a person whose name is as long as
// a name may be, in characters JSON escapes: the cursor the API made for
// them must be one it takes back.
func TestCursorOfTheLongestName(t *testing.T) {
	f := newEditFixture(t)
	name := strings.Repeat("<", document.MaxShortText) // sorts first; \u003c in JSON
	_, codes, payload := f.mutate(t, aliceToken, "createPerson", map[string]any{"person": map[string]any{"slug": "long-name", "name": name}}, f.article(t))
	if len(codes) > 0 || len(userErrorsOf(t, payload)) > 0 {
		t.Fatalf("create the person: errors %v, payload %s", codes, mustJSON(payload))
	}
	var first struct {
		People struct {
			Nodes    []struct{ Name string }
			PageInfo struct{ EndCursor string }
		}
	}
	f.query(t, `{ people(first: 1) { nodes { name } pageInfo { endCursor } } }`, nil, &first)
	if len(first.People.Nodes) != 1 || first.People.Nodes[0].Name != name {
		t.Fatalf("first person %+v; want the one with the long name", first.People.Nodes)
	}
	_, res := postAs(t, f.srv.Server, "", `query($c: String) { people(first: 1, after: $c) { nodes { name } } }`,
		map[string]any{"c": first.People.PageInfo.EndCursor})
	if len(res.Errors) > 0 {
		t.Errorf("the page after a cursor of %d characters: %+v; want it served", len(first.People.PageInfo.EndCursor), res.Errors)
	}
}

// distinctWords returns n bytes of five-letter words, all different.
func distinctWords(n int) string {
	var b strings.Builder
	for i := 0; b.Len()+6 <= n; i++ {
		for j, k := 0, i; j < 5; j, k = j+1, k/26 {
			b.WriteByte(byte('a' + k%26))
		}
		b.WriteByte(' ')
	}
	return b.String() + strings.Repeat("x", n-b.Len())
}

// postText sends a GraphQL request with a bearer token and returns the
// reply's body, which must come with status 200.
func postText(t *testing.T, url, token, query string, vars map[string]any) string {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, url+"/query", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %.300s", res.StatusCode, raw)
	}
	return string(raw)
}
