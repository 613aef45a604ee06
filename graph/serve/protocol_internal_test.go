package serve

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// TestWriteDataMatchesEncodingJSON checks that a response written directly
// (writeData) is byte for byte what encoding/json writes for it, and that
// responses it would change are left to encoding/json.
func TestWriteDataMatchesEncodingJSON(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		direct     bool
	}{
		{"Plain", `{"articles":{"nodes":[{"slug":"a-b","title":"T"}]}}`, true},
		{"Unicode", `{"name":"García Ömer 中文 “quoted”"}`, true},
		{"Escapes", `{"text":"a \"b\" \\ c\nd\u0001"}`, true},
		{"Null", `{"article":null}`, true},
		{"HTML", `{"text":"<mark>digital</mark> & economy"}`, false},
		{"LineSeparator", "{\"text\":\"a\u2028b\"}", false},
		{"ParagraphSeparator", "{\"text\":\"a\u2029\"}", false},
		{"SeparatorLast", "{\"t\":\"\u2028\"}", false},
		{"OtherE2", `{"text":"a – b ‘c’ … d€"}`, true},
		{"Ampersand", `{"text":"R&D"}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := &graphql.Response{Data: json.RawMessage(tc.data)}
			if got := dataOnly(res); got != tc.direct {
				t.Fatalf("dataOnly = %v; want %v", got, tc.direct)
			}
			want, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			if tc.direct {
				writeData(rec, res.Data)
			} else {
				writeResponse(rec, 200, res)
			}
			if got := rec.Body.String(); got != string(want) {
				t.Errorf("got %s; want %s", got, want)
			}
		})
	}
	if dataOnly(&graphql.Response{Data: json.RawMessage(`{}`), Errors: graphql.ErrorResponse(t.Context(), "x").Errors}) {
		t.Error("dataOnly is true for a response with errors")
	}
}

// BenchmarkDataOnly checks a front page's worth of data (44 KB, no
// character to escape) for dataOnly.
func BenchmarkDataOnly(b *testing.B) {
	data := []byte(`{"articles":{"nodes":[`)
	for len(data) < 44<<10 {
		data = append(data, `{"slug":"malaysia-and-vietnam-sign-pact","title":"Malaysia – Vietnam pact","statements":{"nodes":[{"verb":"SAID","content":"“We will” work together."}]}},`...)
	}
	data = append(data, `{}]}}`...)
	res := &graphql.Response{Data: data}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if !dataOnly(res) {
			b.Fatal("dataOnly = false; want true")
		}
	}
}

// TestCheckQueryStrings checks that a GraphQL document's strings may not
// escape a lone surrogate, and that comments and block strings, which
// escape nothing, are not read as strings.
func TestCheckQueryStrings(t *testing.T) {
	for _, c := range []struct {
		query string
		want  error
	}{
		{`{ search(query: "a \ud83d\ude00") { totalCount } }`, nil},
		{`{ search(query: "\ud800") { totalCount } }`, errSurrogate},
		{`{ search(query: "\\" , b: "\udc00") { totalCount } }`, errSurrogate},
		{`{ search(query: """\ud800 " \""" """) { totalCount } }`, nil},
		{"# \\ud800 \"\n{ search(query: \"x\") { totalCount } }", nil},
		{`{ search(query: """x""", b: "\ud800") { totalCount } }`, errSurrogate},
	} {
		if got := checkQueryStrings(c.query); got != c.want {
			t.Errorf("checkQueryStrings(%q) = %v; want %v", c.query, got, c.want)
		}
	}
}

// TestCheckJSON checks what checkJSON lets through to the decoder: any
// UTF-8 JSON nested at most maxJSONDepth deep whose escapes are
// characters, surrogate pairs included, and brackets inside strings.
func TestCheckJSON(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	for _, c := range []struct {
		json string
		want error
	}{
		{`{"q": "a \ud83d\ude00 b", "n": [1, {"m": "é"}]}`, nil},
		{`{"q": "[[[[{{{{ \" \\ \u00e9"}`, nil},
		{deep(maxJSONDepth), nil},
		{deep(maxJSONDepth + 1), errTooDeep},
		{`{"a": ` + strings.Repeat(`{"a": `, maxJSONDepth) + `1` + strings.Repeat(`}`, maxJSONDepth+1), errTooDeep},
		{`{"q": "\ud800"}`, errSurrogate},
		{`{"q": "\udc00 after"}`, errSurrogate},
		{`{"q": "\ud83d\u0041"}`, errSurrogate},
		{`{"q": "\ud83d`, errSurrogate},
		{"{\"q\": \"\xff\"}", errNotUTF8},
		{`{"q": "\u12"}`, nil}, // malformed: the decoder's to refuse
	} {
		if got := checkJSON([]byte(c.json)); got != c.want {
			t.Errorf("checkJSON(%.40q) = %v; want %v", c.json, got, c.want)
		}
	}
}
