package serve_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// The media types of GraphQL responses.
const (
	graphQLResponseJSON = "application/graphql-response+json"
	plainJSON           = "application/json"
)

// apiReply is the API's answer to one HTTP request.
type apiReply struct {
	status int
	header http.Header
	body   []byte
}

// sendAPI sends req and reads the reply.
func sendAPI(tb testing.TB, req *http.Request) apiReply {
	tb.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return apiReply{status: res.StatusCode, header: res.Header, body: body}
}

// postRaw posts body to srv's /query with a Content-Type and an Accept
// header ("" leaves either out).
func postRaw(tb testing.TB, srv *httptest.Server, contentType, accept, body string) apiReply {
	tb.Helper()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/query", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return sendAPI(tb, req)
}

// postOp posts a GraphQL request (query, variables, operationName,
// extensions) as JSON.
func postOp(tb testing.TB, srv *httptest.Server, accept string, op map[string]any) apiReply {
	tb.Helper()
	body, err := json.Marshal(op)
	if err != nil {
		tb.Fatal(err)
	}
	return postRaw(tb, srv, plainJSON, accept, string(body))
}

// getOp sends a GraphQL request as GET with URL parameters.
func getOp(tb testing.TB, srv *httptest.Server, accept string, params url.Values) apiReply {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/query?"+params.Encode(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return sendAPI(tb, req)
}

// decode decodes the reply's body, keeping which top-level keys it has.
func (r apiReply) decode(tb testing.TB) (response, map[string]json.RawMessage) {
	tb.Helper()
	var res response
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(r.body, &res); err != nil {
		tb.Fatalf("status %d: decode %s: %v", r.status, r.body, err)
	}
	if err := json.Unmarshal(r.body, &keys); err != nil {
		tb.Fatalf("status %d: decode %s: %v", r.status, r.body, err)
	}
	return res, keys
}

// refused checks that the API refused the request: the status, the media
// type, errors and no data, the first error's code, and a message that
// contains each of words. It returns the errors.
func (r apiReply) refused(tb testing.TB, status int, media, code string, words ...string) []gqlError {
	tb.Helper()
	if r.status != status {
		tb.Errorf("status %d; want %d: %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != media {
		tb.Errorf("Content-Type %q; want %q", ct, media)
	}
	res, keys := r.decode(tb)
	if _, ok := keys["data"]; ok {
		tb.Errorf("a refused request has data: %s", r.body)
	}
	if len(res.Errors) == 0 {
		tb.Fatalf("no errors: %s", r.body)
	}
	e := res.Errors[0]
	if got := e.Extensions["code"]; got != code {
		tb.Errorf("extensions.code %v (%q); want %s", got, e.Message, code)
	}
	for _, w := range words {
		if !strings.Contains(e.Message, w) {
			tb.Errorf("message %q does not say %q", e.Message, w)
		}
	}
	return res.Errors
}

// executed checks that the API executed the request: 200, the media type
// and a data entry. It returns the response.
func (r apiReply) executed(tb testing.TB, media string) response {
	tb.Helper()
	if r.status != http.StatusOK {
		tb.Errorf("status %d; want 200: %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != media {
		tb.Errorf("Content-Type %q; want %q", ct, media)
	}
	res, keys := r.decode(tb)
	if _, ok := keys["data"]; !ok {
		tb.Errorf("no data entry: %s", r.body)
	}
	return res
}

// acceptModes are the two ways a client may ask for a response: preferring
// application/graphql-response+json, or sending no Accept (application/json).
var acceptModes = []struct{ name, accept, media string }{
	{"GraphQLResponseJSON", graphQLResponseJSON + ", " + plainJSON + ";q=0.9", graphQLResponseJSON},
	{"NoAccept", "", plainJSON},
}

func TestContentNegotiation(t *testing.T) {
	for _, c := range []struct{ name, accept, want string }{
		{"None", "", plainJSON},
		{"JSON", plainJSON, plainJSON},
		{"GraphQLResponse", graphQLResponseJSON, graphQLResponseJSON},
		{"RecommendedByTheSpec", graphQLResponseJSON + ", " + plainJSON + ";q=0.9", graphQLResponseJSON},
		{"JSONPreferred", plainJSON + ", " + graphQLResponseJSON + ";q=0.9", plainJSON},
		{"BothEqualFirstWins", graphQLResponseJSON + ", " + plainJSON, graphQLResponseJSON},
		{"BothEqualJSONFirst", plainJSON + ", " + graphQLResponseJSON, plainJSON},
		{"AnyType", "*/*", plainJSON},
		{"Browser", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", plainJSON},
		{"WildcardBelowGraphQLResponse", "application/*;q=0.5, " + graphQLResponseJSON, graphQLResponseJSON},
		{"GraphQLResponseRefused", graphQLResponseJSON + ";q=0, */*", plainJSON},
		{"NeitherAcceptable", "text/html", plainJSON},
		{"Malformed", ";;;, " + graphQLResponseJSON + ";q=abc", plainJSON},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := postOp(t, server, c.accept, map[string]any{"query": "{ __typename }"})
			res := r.executed(t, c.want)
			if string(res.Data) != `{"__typename":"Query"}` || len(res.Errors) > 0 {
				t.Errorf("got %s; want data {\"__typename\":\"Query\"}", r.body)
			}
			if !slices.Contains(r.header.Values("Vary"), "Accept") {
				t.Errorf("Vary %q; want Accept", r.header.Values("Vary"))
			}
		})
	}
}

// TestExecutedRequests checks that a request that executes is 200 in both
// media types, field errors included.
func TestExecutedRequests(t *testing.T) {
	for _, m := range acceptModes {
		t.Run(m.name, func(t *testing.T) {
			t.Run("GET", func(t *testing.T) {
				r := getOp(t, server, m.accept, url.Values{"query": {"{ articles { totalCount } }"}})
				if res := r.executed(t, m.media); len(res.Errors) > 0 {
					t.Errorf("errors: %+v", res.Errors)
				}
			})
			t.Run("FieldError", func(t *testing.T) {
				r := postOp(t, server, m.accept, map[string]any{"query": "{ articles(first: 0) { totalCount } }"})
				res := r.executed(t, m.media)
				if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
					t.Errorf("got %s; want a BAD_USER_INPUT field error", r.body)
				}
			})
		})
	}
}

// TestRequestErrors checks that every kind of request the API cannot run
// gets its own code, a message that says what is wrong, and no data, in
// both media types; and a 4xx, but in application/json a well-formed
// request whose document cannot run gets 200, as the GraphQL-over-HTTP
// specification recommends.
func TestRequestErrors(t *testing.T) {
	post := func(body string) func(testing.TB, string) apiReply {
		return func(tb testing.TB, accept string) apiReply { return postRaw(tb, server, plainJSON, accept, body) }
	}
	postAs := func(contentType string) func(testing.TB, string) apiReply {
		return func(tb testing.TB, accept string) apiReply {
			return postRaw(tb, server, contentType, accept, `{"query": "{ __typename }"}`)
		}
	}
	op := func(op map[string]any) func(testing.TB, string) apiReply {
		return func(tb testing.TB, accept string) apiReply { return postOp(tb, server, accept, op) }
	}
	get := func(params url.Values) func(testing.TB, string) apiReply {
		return func(tb testing.TB, accept string) apiReply { return getOp(tb, server, accept, params) }
	}
	unknownHash := strings.Repeat("ab", 32)
	for _, c := range []struct {
		name   string
		send   func(testing.TB, string) apiReply
		status int // with application/graphql-response+json
		json   int // with application/json
		code   string
		words  []string
		allow  string
	}{
		{"MalformedJSON", post(`{"query": "{ __typename }"`), 400, 400, "BAD_REQUEST", []string{"not valid JSON"}, ""},
		{"TrailingData", post(`{"query": "{ __typename }"} {}`), 400, 400, "BAD_REQUEST", []string{"not valid JSON"}, ""},
		{"NotAnObject", post(`"{ __typename }"`), 400, 400, "BAD_REQUEST", []string{"JSON object"}, ""},
		{"Null", post(`null`), 400, 400, "BAD_REQUEST", []string{"JSON object"}, ""},
		{"EmptyBody", post(``), 400, 400, "BAD_REQUEST", []string{"empty"}, ""},
		{"Batch", post(`[{"query": "{ __typename }"}, {"query": "{ __typename }"}]`), 400, 400, "BATCHING_NOT_SUPPORTED", []string{"batched", "one operation per request"}, ""},
		{"MissingQuery", post(`{"variables": {}}`), 400, 400, "BAD_REQUEST", []string{"no query"}, ""},
		{"QueryNotAString", post(`{"query": 42}`), 400, 400, "BAD_REQUEST", []string{"query must be a string"}, ""},
		{"QueryAnObject", post(`{"query": {"text": "{ __typename }"}}`), 400, 400, "BAD_REQUEST", []string{"query must be a string"}, ""},
		{"OperationNameNotAString", post(`{"query": "{ __typename }", "operationName": 7}`), 400, 400, "BAD_REQUEST", []string{"operationName must be a string"}, ""},
		{"VariablesAList", post(`{"query": "{ __typename }", "variables": [1, 2]}`), 400, 400, "BAD_REQUEST", []string{"variables must be a JSON object"}, ""},
		{"VariablesAString", post(`{"query": "{ __typename }", "variables": "{\"n\": 1}"}`), 400, 400, "BAD_REQUEST", []string{"variables must be a JSON object"}, ""},
		{"ExtensionsNotAnObject", post(`{"query": "{ __typename }", "extensions": true}`), 400, 400, "BAD_REQUEST", []string{"extensions must be a JSON object"}, ""},
		{"ParseError", op(map[string]any{"query": "{ articles { "}), 400, 200, "GRAPHQL_PARSE_FAILED", []string{"Expected"}, ""},
		{"NoOperation", op(map[string]any{"query": "fragment F on Query { __typename }"}), 400, 200, "GRAPHQL_VALIDATION_FAILED", []string{"no operation"}, ""},
		{"UnknownField", op(map[string]any{"query": "{ articles { headline } }"}), 400, 200, "GRAPHQL_VALIDATION_FAILED", []string{"headline"}, ""},
		{"VariableWrongType", op(map[string]any{
			"query":     "query Q($n: Int) { articles(first: $n) { totalCount } }",
			"variables": map[string]any{"n": "ten"},
		}), 400, 200, "GRAPHQL_VALIDATION_FAILED", []string{"Int"}, ""},
		{"VariableMissing", op(map[string]any{"query": "query Q($slug: String!) { article(slug: $slug) { title } }"}),
			400, 200, "GRAPHQL_VALIDATION_FAILED", []string{"must be defined"}, ""},
		{"UnknownOperationName", op(map[string]any{"query": "query A { __typename }", "operationName": "B"}),
			400, 200, "OPERATION_NOT_FOUND", []string{`unknown operation "B"`}, ""},
		{"AmbiguousOperation", op(map[string]any{"query": "query A { __typename } query B { __typename }"}),
			400, 200, "OPERATION_NOT_FOUND", []string{"2 operations", "operationName"}, ""},
		{"OverALimit", op(map[string]any{"query": "{ " + nested("a", 11, "b") + " }"}),
			400, 200, "QUERY_TOO_DEEP", []string{"query depth 12 exceeds the limit of 10 by 2"}, ""},
		{"UnknownPersistedQuery", op(map[string]any{"extensions": map[string]any{
			"persistedQuery": map[string]any{"version": 1, "sha256Hash": unknownHash},
		}}), 400, 200, "PERSISTED_QUERY_NOT_FOUND", []string{"PersistedQueryNotFound"}, ""},
		{"PersistedQueryHashMismatch", op(map[string]any{"query": "{ __typename }", "extensions": map[string]any{
			"persistedQuery": map[string]any{"version": 1, "sha256Hash": unknownHash},
		}}), 400, 400, "BAD_REQUEST", []string{"hash"}, ""},
		{"TextPlain", postAs("text/plain"), 415, 415, "UNSUPPORTED_MEDIA_TYPE", []string{"application/json"}, ""},
		{"FormEncoded", postAs("application/x-www-form-urlencoded"), 415, 415, "UNSUPPORTED_MEDIA_TYPE", []string{"application/json"}, ""},
		{"NoContentType", postAs(""), 415, 415, "UNSUPPORTED_MEDIA_TYPE", []string{"application/json"}, ""},
		{"Latin1", postAs("application/json; charset=iso-8859-1"), 415, 415, "UNSUPPORTED_MEDIA_TYPE", []string{"UTF-8"}, ""},
		{"Gzipped", func(tb testing.TB, accept string) apiReply {
			req, err := http.NewRequest(http.MethodPost, server.URL+"/query", strings.NewReader("\x1f\x8b\x08\x00"))
			if err != nil {
				tb.Fatal(err)
			}
			req.Header.Set("Content-Type", plainJSON)
			req.Header.Set("Content-Encoding", "gzip")
			req.Header.Set("Accept", accept)
			return sendAPI(tb, req)
		}, 415, 415, "UNSUPPORTED_MEDIA_TYPE", []string{"Content-Encoding"}, ""},
		// Decoded, these became U+FFFD and were stored so (a hostile probe).
		{"InvalidUTF8", post("{\"query\": \"{ search(query: \\\"\xff\xfe\\\") { totalCount } }\"}"), 415, 415, "UNSUPPORTED_MEDIA_TYPE", []string{"UTF-8"}, ""},
		{"LoneSurrogate", post(`{"query": "query($q: String!) { search(query: $q) { totalCount } }", "variables": {"q": "\ud800"}}`), 400, 400, "BAD_REQUEST", []string{"surrogate"}, ""},
		// 9,900 levels of {"not": ...} took 0.5 s and 200 MB to coerce
		// before the filter's own limit of 5 refused them.
		{"DeepJSON", post(`{"query": "query($f: StatementFilter) { statements(filter: $f) { totalCount } }", "variables": {"f": ` +
			strings.Repeat(`{"not": `, 9900) + `{"text": "x"}` + strings.Repeat(`}`, 9900) + `}}`), 400, 400, "BAD_REQUEST", []string{"nests", "levels"}, ""},
		// gqlparser reads it as U+FFFD, in a POST body or over a websocket.
		{"LoneSurrogateInQuery", op(map[string]any{"query": `{ search(query: "\ud800") { totalCount } }`}), 400, 200, "GRAPHQL_PARSE_FAILED", []string{"surrogate"}, ""},
		{"GETDeepVariables", get(url.Values{"query": {"{ __typename }"}, "variables": {`{"a": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`}}),
			400, 400, "BAD_REQUEST", []string{"nests", "levels"}, ""},
		{"GETNoQuery", get(nil), 400, 400, "BAD_REQUEST", []string{"no query"}, ""},
		{"GETVariablesNotJSON", get(url.Values{"query": {"{ __typename }"}, "variables": {"{n: 1}"}}),
			400, 400, "BAD_REQUEST", []string{"variables must be a JSON object"}, ""},
		{"GETMutation", get(url.Values{"query": {"mutation { __typename }"}}), 405, 405, "METHOD_NOT_ALLOWED", []string{"GET runs queries only", "POST"}, "POST"},
		{"GETNamedMutation", get(url.Values{"query": {"query A { __typename } mutation B { __typename }"}, "operationName": {"B"}}),
			405, 405, "METHOD_NOT_ALLOWED", []string{"GET runs queries only"}, "POST"},
		{"GETSubscription", get(url.Values{"query": {"subscription { __typename }"}}), 405, 405, "METHOD_NOT_ALLOWED", []string{"GET runs queries only"}, "POST"},
		{"POSTSubscription", op(map[string]any{"query": "subscription { __typename }"}), 400, 400, "SUBSCRIPTION_NEEDS_WEBSOCKET", []string{"websocket"}, ""},
		{"PUT", func(tb testing.TB, accept string) apiReply {
			req, err := http.NewRequest(http.MethodPut, server.URL+"/query", strings.NewReader(`{"query": "{ __typename }"}`))
			if err != nil {
				tb.Fatal(err)
			}
			req.Header.Set("Content-Type", plainJSON)
			req.Header.Set("Accept", accept)
			return sendAPI(tb, req)
		}, 405, 405, "METHOD_NOT_ALLOWED", []string{"GET and POST"}, "GET, POST, OPTIONS"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, m := range acceptModes {
				t.Run(m.name, func(t *testing.T) {
					r := c.send(t, m.accept)
					status := c.status
					if m.media == plainJSON {
						status = c.json
					}
					r.refused(t, status, m.media, c.code, c.words...)
					if got := r.header.Get("Allow"); got != c.allow {
						t.Errorf("Allow %q; want %q", got, c.allow)
					}
				})
			}
		})
	}
}

// TestErrorsDoNotRepeatTheBody posts malformed bodies that carry a marker
// and checks that no response repeats it (gqlgen's own POST transport
// echoes the whole body when it cannot decode it).
func TestErrorsDoNotRepeatTheBody(t *testing.T) {
	const marker = "zq7-MARKER-9d1f3b"
	for name, c := range map[string]struct{ body, code string }{
		"Truncated":          {`{"query": "{ __typename }", "note": "` + marker, "BAD_REQUEST"},
		"TrailingGarbage":    {`{"query": "{ __typename }"} ` + marker, "BAD_REQUEST"},
		"BareWord":           {marker, "BAD_REQUEST"},
		"String":             {`"` + marker + `"`, "BAD_REQUEST"},
		"Batch":              {`[{"query": "` + marker + `"}]`, "BATCHING_NOT_SUPPORTED"},
		"QueryNotAString":    {`{"query": {"` + marker + `": 1}}`, "BAD_REQUEST"},
		"VariablesAString":   {`{"query": "{ __typename }", "variables": "` + marker + `"}`, "BAD_REQUEST"},
		"ExtensionsAList":    {`{"query": "{ __typename }", "extensions": ["` + marker + `"]}`, "BAD_REQUEST"},
		"OperationNameAList": {`{"query": "{ __typename }", "operationName": ["` + marker + `"]}`, "BAD_REQUEST"},
		"BadPersistedQuery":  {`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": {"` + marker + `": 1}}}}`, "BAD_REQUEST"},
	} {
		t.Run(name, func(t *testing.T) {
			r := postRaw(t, server, plainJSON, graphQLResponseJSON, c.body)
			r.refused(t, http.StatusBadRequest, graphQLResponseJSON, c.code)
			if bytes.Contains(r.body, []byte(marker)) || bytes.Contains(r.body, []byte("MARKER")) {
				t.Errorf("the response repeats the request body: %s", r.body)
			}
		})
	}
}

// TestAutomaticPersistedQueries checks the APQ round trip without an allow
// list: an unknown hash asks for the text, the text registers it, and the
// hash alone runs it.
func TestAutomaticPersistedQueries(t *testing.T) {
	query := "{ articles { totalCount } } # apq " + t.Name()
	hash := sha256Hex(query)
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
	postOp(t, server, graphQLResponseJSON, map[string]any{"extensions": ext}).
		refused(t, http.StatusBadRequest, graphQLResponseJSON, "PERSISTED_QUERY_NOT_FOUND")
	postOp(t, server, graphQLResponseJSON, map[string]any{"query": query, "extensions": ext}).
		executed(t, graphQLResponseJSON)
	r := postOp(t, server, graphQLResponseJSON, map[string]any{"extensions": ext})
	if res := r.executed(t, graphQLResponseJSON); len(res.Errors) > 0 || !strings.Contains(string(res.Data), "totalCount") {
		t.Errorf("by hash: %s; want the query's data", r.body)
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// serveOptions serves the API over d with opts until the test ends.
func serveOptions(t *testing.T, d *dbtest.Database, opts serve.Options) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(serve.NewHandler(d.Store, slog.New(slog.NewJSONHandler(io.Discard, nil)), opts))
	t.Cleanup(srv.Close)
	return srv
}

// TestSuggestions checks that validation errors suggest names ("Did you
// mean ...?") only in development.
func TestSuggestions(t *testing.T) {
	dev := serveOptions(t, dbtest.New(t), serve.Options{Dev: true})
	for _, c := range []struct{ name, query, word string }{
		{"Field", `{ articlez { totalCount } }`, "articles"},
		{"SubField", `{ articles { totalCont } }`, "totalCount"},
		{"Argument", `{ articles(frist: 1) { totalCount } }`, "first"},
		{"EnumValue", `{ articles(orderBy: {field: SLUGG}) { totalCount } }`, "SLUG"},
		{"InputField", `{ articles(filter: {textt: "x"}) { totalCount } }`, "text"},
		{"FragmentType", `{ articles { nodes { ...A } } } fragment A on Articl { title }`, "Article"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Run("Public", func(t *testing.T) {
				errs := postOp(t, server, graphQLResponseJSON, map[string]any{"query": c.query}).
					refused(t, http.StatusBadRequest, graphQLResponseJSON, "GRAPHQL_VALIDATION_FAILED")
				for _, e := range errs {
					if strings.Contains(e.Message, "Did you mean") {
						t.Errorf("message %q suggests a name outside development", e.Message)
					}
				}
			})
			t.Run("Dev", func(t *testing.T) {
				postOp(t, dev, graphQLResponseJSON, map[string]any{"query": c.query}).
					refused(t, http.StatusBadRequest, graphQLResponseJSON, "GRAPHQL_VALIDATION_FAILED", "Did you mean", c.word)
			})
		})
	}
}

func TestParseAllowList(t *testing.T) {
	query := "{ articles { totalCount } }"
	t.Run("OK", func(t *testing.T) {
		list, err := serve.ParseAllowList([]byte(`{"` + sha256Hex(query) + `": "` + query + `"}`))
		if err != nil || list[sha256Hex(query)] != query || len(list) != 1 {
			t.Errorf("got %v, %v; want the one query", list, err)
		}
	})
	for name, c := range map[string]struct{ data, word string }{
		"ErrWrongHash":   {`{"` + strings.Repeat("0", 64) + `": "` + query + `", "` + sha256Hex(query) + `": "` + query + `"}`, "1 hash(es)"},
		"ErrUpperCase":   {`{"` + strings.ToUpper(sha256Hex(query)) + `": "` + query + `"}`, "lower-case"},
		"ErrNotAnObject": {`["` + query + `"]`, "JSON object"},
		"ErrNull":        {`null`, "JSON object"},
		"ErrNotJSON":     {`{`, "JSON object"},
	} {
		t.Run(name, func(t *testing.T) {
			list, err := serve.ParseAllowList([]byte(c.data))
			if err == nil {
				t.Fatalf("got %v, no error", list)
			}
			if !strings.Contains(err.Error(), c.word) {
				t.Errorf("error %q does not say %q", err, c.word)
			}
		})
	}
}

// TestAllowList checks allow-list mode: registered operations run, by hash
// or by their exact text, over POST and GET; nothing else does, and
// introspection only in development.
func TestAllowList(t *testing.T) {
	d := dbtest.New(t)
	registered := "query Count { articles { totalCount } }"
	list := map[string]string{sha256Hex(registered): registered}
	public := serveOptions(t, d, serve.Options{AllowList: list})
	dev := serveOptions(t, d, serve.Options{AllowList: list, Dev: true})
	byHash := func(hash string) map[string]any {
		return map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}
	}
	const introspection = `{ __schema { queryType { name } } }`
	for _, srv := range []struct {
		name string
		*httptest.Server
	}{{"Public", public}, {"Dev", dev}} {
		t.Run(srv.name, func(t *testing.T) {
			for name, op := range map[string]map[string]any{
				"ByHash": byHash(sha256Hex(registered)),
				"ByText": {"query": registered},
				"ByBoth": {"query": registered, "extensions": byHash(sha256Hex(registered))["extensions"]},
			} {
				t.Run(name, func(t *testing.T) {
					r := postOp(t, srv.Server, graphQLResponseJSON, op)
					if res := r.executed(t, graphQLResponseJSON); len(res.Errors) > 0 || string(res.Data) != `{"articles":{"totalCount":0}}` {
						t.Errorf("got %s; want the registered query's data", r.body)
					}
				})
			}
			t.Run("GETByHash", func(t *testing.T) {
				r := getOp(t, srv.Server, graphQLResponseJSON, url.Values{
					"extensions": {`{"persistedQuery": {"version": 1, "sha256Hash": "` + sha256Hex(registered) + `"}}`},
				})
				if res := r.executed(t, graphQLResponseJSON); len(res.Errors) > 0 {
					t.Errorf("errors: %+v", res.Errors)
				}
			})
			for name, op := range map[string]map[string]any{
				"ErrUnregisteredText":      {"query": "{ articles { totalCount } }"},
				"ErrUnknownHash":           byHash(sha256Hex("{ articles { totalCount } }")),
				"ErrRegisterByAPQ":         {"query": "{ people { totalCount } }", "extensions": byHash(sha256Hex("{ people { totalCount } }"))["extensions"]},
				"ErrRegisteredHashNewText": {"query": "{ people { totalCount } }", "extensions": byHash(sha256Hex(registered))["extensions"]},
			} {
				t.Run(name, func(t *testing.T) {
					postOp(t, srv.Server, graphQLResponseJSON, op).
						refused(t, http.StatusForbidden, graphQLResponseJSON, "PERSISTED_QUERY_NOT_ALLOWED", "registered")
				})
			}
			// The APQ extension refuses these outside allow-list mode; here a
			// registered text passed whatever came with it.
			for name, ext := range map[string]map[string]any{
				"ErrRegisteredTextWrongHash": {"version": 1, "sha256Hash": strings.Repeat("de", 32)},
				"ErrVersion":                 {"version": 99, "sha256Hash": sha256Hex(registered)},
				"ErrNoVersion":               {"sha256Hash": sha256Hex(registered)},
			} {
				t.Run(name, func(t *testing.T) {
					postOp(t, srv.Server, plainJSON, map[string]any{"query": registered, "extensions": map[string]any{"persistedQuery": ext}}).
						refused(t, http.StatusBadRequest, plainJSON, "BAD_REQUEST", "persistedQuery")
				})
			}
			t.Run("ErrNoHash", func(t *testing.T) {
				postOp(t, srv.Server, plainJSON, map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1}}}).
					refused(t, http.StatusBadRequest, plainJSON, "BAD_REQUEST", "sha256Hash must be a string")
			})
		})
	}
	// The playground needs introspection: without it, its page is not served.
	for srv, want := range map[*httptest.Server]int{public: http.StatusNotFound, dev: http.StatusOK} {
		res, err := http.Get(srv.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET / with dev %v: status %d; want %d", srv == dev, res.StatusCode, want)
		}
	}
	t.Run("Public/ErrIntrospection", func(t *testing.T) {
		postOp(t, public, graphQLResponseJSON, map[string]any{"query": introspection}).
			refused(t, http.StatusForbidden, graphQLResponseJSON, "PERSISTED_QUERY_NOT_ALLOWED")
	})
	t.Run("Dev/Introspection", func(t *testing.T) {
		r := postOp(t, dev, graphQLResponseJSON, map[string]any{"query": introspection})
		if res := r.executed(t, graphQLResponseJSON); len(res.Errors) > 0 || !strings.Contains(string(res.Data), `"Query"`) {
			t.Errorf("got %s; want the query type's name", r.body)
		}
	})
	t.Run("Dev/ErrIntrospectionAndMore", func(t *testing.T) {
		postOp(t, dev, graphQLResponseJSON, map[string]any{"query": `{ __schema { queryType { name } } articles { totalCount } }`}).
			refused(t, http.StatusForbidden, graphQLResponseJSON, "PERSISTED_QUERY_NOT_ALLOWED")
	})
}

// FuzzStatementsFilter sends random filters to statements(filter:) through
// the HTTP API, as JSON variables, and checks that every answer is a
// well-formed GraphQL response: below 500, data or errors, every error
// with a code and none INTERNAL.
//
//	go test -run='^$' -fuzz=FuzzStatementsFilter -fuzztime=30s ./graph/serve/
func FuzzStatementsFilter(f *testing.F) {
	for _, seed := range []string{
		`{}`, `null`, `{"text": "digital economy"}`, `{"verbs": ["SAID", "SHOUTED"]}`, `{"mode": "QUOTED"}`,
		`{"published": {"from": "2025-01-01", "to": "2025-12-31"}}`, `{"published": {"from": "2025-13-01"}}`,
		`{"speakers": ["UGVyc29uOjE", "not an id", ""]}`, `{"articles": [1, 2]}`, `{"topics": "digital-economy"}`,
		`{"and": [{"text": "x"}, {"or": [{"mode": "PARAPHRASED"}, {"not": {"text": "y"}}]}]}`,
		`{"not": {"not": {"not": {"not": {"not": {"not": {"text": "deep"}}}}}}}`,
		`{"text": "\u0000 ' \" \\ % _ & | ! :* <->"}`, `{"unknown": true}`, `[]`, `"text"`, `1e309`,
	} {
		f.Add(seed)
	}
	const query = `query Q($f: StatementFilter) { statements(filter: $f, first: 5) { totalCount nodes { id content } } }`
	f.Fuzz(func(t *testing.T, filter string) {
		if !json.Valid([]byte(filter)) {
			return // a malformed body is TestRequestErrors' subject
		}
		body := `{"query": ` + strconvQuote(query) + `, "variables": {"f": ` + filter + `}}`
		r := postRaw(t, server, plainJSON, graphQLResponseJSON, body)
		if r.status >= 500 {
			t.Fatalf("filter %s: status %d: %s", filter, r.status, r.body)
		}
		res, keys := r.decode(t)
		if _, ok := keys["data"]; !ok && len(res.Errors) == 0 {
			t.Fatalf("filter %s: neither data nor errors: %s", filter, r.body)
		}
		for _, e := range res.Errors {
			if code, _ := e.Extensions["code"].(string); code == "" || code == "INTERNAL" || e.Message == "" {
				t.Errorf("filter %s: error %q with code %q; want a client error with a code", filter, e.Message, code)
			}
		}
	})
}

// strconvQuote returns s as a JSON string.
func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestDeferIsDeliveredAtOnce checks that @defer, on an inline fragment or
// a fragment spread, gets its data in the one response, with no hasNext
// promising more.
func TestDeferIsDeliveredAtOnce(t *testing.T) {
	const query = `query {
  articles(first: 1) { nodes { slug ... @defer(label: "more") { language } ...Topics @defer } }
}
fragment Topics on Article { topics { slug } }`
	// The same document, cached once, serves requests at the same time
	// (go test -race watches them).
	done := make(chan response, 8)
	for range cap(done) {
		go func() { done <- post(t, query, nil) }()
	}
	for range cap(done) {
		if r := <-done; len(r.Errors) > 0 || r.HasNext != nil {
			t.Errorf("concurrent request: errors %+v, hasNext %v", r.Errors, r.HasNext)
		}
	}
	res := post(t, query, nil)
	if len(res.Errors) > 0 {
		t.Fatalf("errors %+v", res.Errors)
	}
	var got struct {
		Articles struct {
			Nodes []struct {
				Slug     string
				Language *string
				Topics   []struct{ Slug string }
			}
		}
	}
	if err := json.Unmarshal(res.Data, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Articles.Nodes) != 1 || got.Articles.Nodes[0].Language == nil || len(got.Articles.Nodes[0].Topics) == 0 {
		t.Errorf("data %s; want the deferred language and topics in the response", res.Data)
	}
	if res.HasNext != nil {
		t.Errorf("hasNext %v; want none: nothing more comes", *res.HasNext)
	}
}

// TestIntVariablesAreNumbers checks that an Int variable sent as a string
// of digits is refused, as the GraphQL spec asks, rather than read as its
// number: the cost limit reads a page size only from a number, so that
// {"n": "100"} ran a page of 100 nested in pages of 100 that {"n": 100}
// is refused for (a hostile probe's).
func TestIntVariablesAreNumbers(t *testing.T) {
	const query = `query($n: Int) { articles(first: $n) { nodes { statements(first: $n) { nodes { content } } } } }`
	postOp(t, server, "", map[string]any{"query": query, "variables": map[string]any{"n": 100}}).
		refused(t, http.StatusOK, plainJSON, "QUERY_TOO_COMPLEX")
	res := postOp(t, server, "", map[string]any{"query": query, "variables": map[string]any{"n": "100"}}).executed(t, plainJSON)
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Message, "Int") || !strings.Contains(res.Errors[0].Message, "string") {
		t.Fatalf("errors %+v; want one saying an Int cannot be a string", res.Errors)
	}
	if got := res.Errors[0].Extensions["code"]; got != "BAD_USER_INPUT" {
		t.Errorf("code %v; want BAD_USER_INPUT", got)
	}
	if string(res.Data) != "null" {
		t.Errorf("data %s; want null (articles is non-null)", res.Data)
	}
}

// TestUpgradeOtherThanWebsocket checks that a request asking to upgrade to
// something other than a websocket (HTTP/2's h2c, as curl --http2 sends)
// is answered over HTTP: gqlgen's websocket transport took any Upgrade
// header and answered 426 in plain text.
func TestUpgradeOtherThanWebsocket(t *testing.T) {
	req, err := http.NewRequest(http.MethodPost, server.URL+"/query", strings.NewReader(`{"query": "{ __typename }"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", plainJSON)
	req.Header.Set("Connection", "Upgrade, HTTP2-Settings")
	req.Header.Set("Upgrade", "h2c")
	req.Header.Set("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA")
	res := sendAPI(t, req).executed(t, plainJSON)
	if len(res.Errors) > 0 {
		t.Errorf("errors %+v; want the query answered", res.Errors)
	}
}
