package serve_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// nested returns a query that selects field inside itself n times, with
// leaf innermost: nested("parent", 2, "slug") is "parent { parent { slug } }".
func nested(field string, n int, leaf string) string {
	return strings.Repeat(field+" { ", n) + leaf + strings.Repeat(" }", n)
}

// fanOutFragments returns a query whose fragments each spread the next
// one twice, n deep: 2^n paths to walk for a checker that does not
// remember fragments. Its depth is n+2.
func fanOutFragments(n int) string {
	var b strings.Builder
	b.WriteString(`{ topic(slug: "x") { ...F0 } }`)
	for i := range n {
		fmt.Fprintf(&b, " fragment F%d on Topic { parent { ...F%d } children { ...F%d } }", i, i+1, i+1)
	}
	fmt.Fprintf(&b, " fragment F%d on Topic { slug }", n)
	return b.String()
}

// repeated returns a selection set of n copies of sel, %d in sel numbered.
func repeated(n int, sel string) string {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range n {
		if strings.Contains(sel, "%d") {
			fmt.Fprintf(&b, sel+" ", i)
		} else {
			b.WriteString(sel + " ")
		}
	}
	b.WriteString("}")
	return b.String()
}

// readmeOperations returns each operation in README.md's graphql code
// blocks, by name, as a request with a placeholder for each variable.
func readmeOperations(t *testing.T) map[string]map[string]any {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	ops := map[string]map[string]any{}
	blocks := strings.Split(string(readme), "```graphql\n")[1:]
	for _, block := range blocks {
		text, _, _ := strings.Cut(block, "```")
		doc, gqlErr := parser.ParseQuery(&ast.Source{Input: text})
		if gqlErr != nil {
			t.Fatalf("README.md: %v in\n%s", gqlErr, text)
		}
		for _, op := range doc.Operations {
			if op.Operation == ast.Subscription {
				continue // runs over a websocket; see writes_test.go
			}
			vars := map[string]any{}
			for _, v := range op.VariableDefinitions {
				vars[v.Variable] = "placeholder"
			}
			ops[op.Name] = map[string]any{"query": text, "operationName": op.Name, "variables": vars}
		}
	}
	if len(ops) < 5 {
		t.Fatalf("found %d operations in README.md; want its examples", len(ops))
	}
	return ops
}

// graphiQLIntrospection is the introspection query the playground sends:
// graphql-js's getIntrospectionQuery as GraphiQL 4.1.2 (graph/playground)
// calls it, with nine nested ofType. Its depth is 6 with ofType not
// counted, 15 with.
const graphiQLIntrospection = `query IntrospectionQuery {
  __schema {
    queryType { name kind }
    mutationType { name kind }
    subscriptionType { name kind }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) {
    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
}`

// TestWithinLimits checks that the README's examples, GraphiQL's
// introspection and queries at each limit run (README examples whose
// variables get placeholders may fail in their fields, but they run).
func TestWithinLimits(t *testing.T) {
	for name, op := range readmeOperations(t) {
		t.Run("README"+name, func(t *testing.T) {
			postOp(t, server, graphQLResponseJSON, op).executed(t, graphQLResponseJSON)
		})
	}
	queries := map[string]string{
		"Introspection":       graphiQLIntrospection,
		"IntrospectionOfType": `{ __type(name: "Query") { ` + nested("ofType", 10, "name") + ` } }`,
		"DepthTen":            `{ topic(slug: "digital-economy") { ` + nested("parent", 8, "slug") + ` } }`,
		"FifteenAliases":      repeated(15, "a%d: __typename"),
		"AliasAsItsName":      "{ __typename: __typename " + repeated(15, "a%d: __typename")[1:],
		"FiftyDirectives": "{ " + strings.Repeat("__typename @include(if: true) @skip(if: false) ", 20) +
			strings.Repeat("articles @include(if: true) @skip(if: false) { totalCount } ", 5) + "}",
		"CostAtTheLimit": `{ articles(first: 49) { nodes { statements(first: 100) { nodes { content } } } } }`,
		"ThousandTokens": repeated(20, "__typename") + strings.Repeat("\n#", 978),
		"TwentyRepeats":  `{ node(id: "QXJ0aWNsZTox") { ` + repeated(20, "... on Article { id }")[1:] + ` }`,
	}
	for name, query := range queries {
		t.Run(name, func(t *testing.T) {
			r := postOp(t, server, graphQLResponseJSON, map[string]any{"query": query})
			if res := r.executed(t, graphQLResponseJSON); len(res.Errors) > 0 {
				t.Errorf("errors: %+v", res.Errors)
			}
		})
	}
}

// TestLimits checks that each limit refuses a request over it, with its
// own code and a message that names the limit and by how much it was
// exceeded, before any SQL runs.
func TestLimits(t *testing.T) {
	fiftyIDs := make([]string, 50)
	for i := range fiftyIDs {
		fiftyIDs[i] = fmt.Sprintf("id-%d", i)
	}
	for _, c := range []struct {
		name   string
		op     map[string]any
		status int
		code   string
		words  []string
	}{
		{"Tokens", map[string]any{"query": repeated(1200, "__typename")},
			400, "TOO_MANY_TOKENS", []string{"query token count 1202 exceeds the limit of 1000 by 202"}},
		{"TokensComments", map[string]any{"query": "{ __typename }" + strings.Repeat("\n# comment", 1000)},
			400, "TOO_MANY_TOKENS", []string{"query token count 1003 exceeds the limit of 1000 by 3"}},
		{"TokensFarOver", map[string]any{"query": repeated(100_000, "a")},
			400, "TOO_MANY_TOKENS", []string{"query token count exceeds the limit of 1000 by more than 1000"}},
		{"Depth", map[string]any{"query": `{ topic(slug: "x") { ` + nested("parent", 12, "slug") + ` } }`},
			400, "QUERY_TOO_DEEP", []string{"query depth 14 exceeds the limit of 10 by 4"}},
		{"DepthThroughFragments", map[string]any{"query": `{ topic(slug: "x") { ...A } }
			fragment A on Topic { parent { ...B } }
			fragment B on Topic { parent { parent { ...C } } }
			fragment C on Topic { ` + nested("parent", 6, "slug") + ` }`},
			400, "QUERY_TOO_DEEP", []string{"query depth 11 exceeds the limit of 10 by 1"}},
		{"DepthThroughFragmentFanOut", map[string]any{"query": fanOutFragments(50)},
			400, "QUERY_TOO_DEEP", []string{"query depth 52 exceeds the limit of 10 by 42"}},
		{"IntrospectionOfType", map[string]any{"query": `{ __type(name: "Query") { ` + nested("ofType", 50, "name") + ` } }`},
			400, "QUERY_TOO_DEEP", []string{"introspection ofType nesting 50 exceeds the limit of 10 by 40"}},
		{"IntrospectionOfTypeThroughFragments", map[string]any{"query": `{ __schema { types { ...A } } }
			fragment A on __Type { ofType { ofType { ...B } } }
			fragment B on __Type { ` + nested("ofType", 9, "name") + ` }`},
			400, "QUERY_TOO_DEEP", []string{"introspection ofType nesting 11 exceeds the limit of 10 by 1"}},
		{"DepthOfAnyOperation", map[string]any{"query": `query A { __typename } query B { ` + nested("a", 11, "b") + ` }`, "operationName": "A"},
			400, "QUERY_TOO_DEEP", []string{"query depth 12 exceeds the limit of 10 by 2"}},
		{"Aliases", map[string]any{"query": repeated(16, "a%d: __typename")},
			400, "TOO_MANY_ALIASES", []string{"query alias count 16 exceeds the limit of 15 by 1"}},
		{"AliasesInFragments", map[string]any{"query": `{ ...A ...B } fragment A on Query ` + repeated(8, "a%d: __typename") + ` fragment B on Query ` + repeated(8, "b%d: __typename")},
			400, "TOO_MANY_ALIASES", []string{"query alias count 16 exceeds the limit of 15 by 1"}},
		{"Repeats", map[string]any{"query": repeated(21, "__typename")},
			400, "TOO_MANY_REPEATED_FIELDS", []string{`field "__typename" is selected 21 times in one selection set, which exceeds the limit of 20 by 1`}},
		{"RepeatsInInlineFragments", map[string]any{"query": `{ node(id: "x") { ` + repeated(25, "... on Article { id }")[1:] + ` }`},
			400, "TOO_MANY_REPEATED_FIELDS", []string{`field "id" is selected 25 times in one selection set, which exceeds the limit of 20 by 5`}},
		{"Directives", map[string]any{"query": repeated(51, "__typename @include(if: true)")},
			400, "TOO_MANY_DIRECTIVES", []string{"query directive count 51 exceeds the limit of 50 by 1"}},
		{"DirectivesEverywhere", map[string]any{"query": `query Q @a @b { ...F @c ... @d { __typename @e } } fragment F on Query @f ` + repeated(45, "__typename @x")},
			400, "TOO_MANY_DIRECTIVES", []string{"query directive count 51 exceeds the limit of 50 by 1"}},
		{"Cost", map[string]any{"query": `{ articles(first: 100) { nodes { statements(first: 100) { nodes { content } } } } }`},
			400, "QUERY_TOO_COMPLEX", []string{"query cost 10201 exceeds the limit of 5000 by 5201"}},
		{"CostLast", map[string]any{"query": `{ articles(last: 100) { nodes { statements(last: 100) { nodes { content } } } } }`},
			400, "QUERY_TOO_COMPLEX", []string{"query cost 10201 exceeds the limit of 5000 by 5201"}},
		{"CostFromVariables", map[string]any{
			"query":     `query Q($a: Int, $s: Int) { articles(first: $a) { nodes { statements(first: $s) { nodes { content } } } } }`,
			"variables": map[string]any{"a": 100, "s": 100},
		}, 400, "QUERY_TOO_COMPLEX", []string{"query cost 10201 exceeds the limit of 5000 by 5201"}},
		{"CostDefaultPageSize", map[string]any{"query": `{ people { nodes { statements { nodes { article { statements { nodes { content } } } } } } } }`},
			400, "QUERY_TOO_COMPLEX", []string{"query cost 9241 exceeds the limit of 5000 by 4241"}},
		{"CostOfNodesByID", map[string]any{
			"query":     `query Q($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { statements(first: 100) { nodes { content } } } } }`,
			"variables": map[string]any{"ids": fiftyIDs},
		}, 400, "QUERY_TOO_COMPLEX", []string{"query cost 5051 exceeds the limit of 5000 by 51"}},
		{"CostOfFragmentsWhereSpread", map[string]any{"query": `{ a: articles(first: 50) { ...S } b: articles(first: 50) { ...S } }
			fragment S on ArticleConnection { nodes { statements(first: 100) { nodes { content } } } }`},
			400, "QUERY_TOO_COMPLEX", []string{"query cost 10202 exceeds the limit of 5000 by 5202"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := statements.N.Load()
			postOp(t, server, graphQLResponseJSON, c.op).refused(t, c.status, graphQLResponseJSON, c.code, c.words...)
			if n := statements.N.Load() - before; n != 0 {
				t.Errorf("%d SQL statements ran for a refused request; want none", n)
			}
		})
	}
}

// TestBodyLimit checks that a body over the limit is refused with 413,
// whether or not the client says its length up front.
func TestBodyLimit(t *testing.T) {
	body := `{"query": "{ __typename }", "padding": "` + strings.Repeat("x", 1<<20) + `"}`
	t.Run("ContentLength", func(t *testing.T) {
		postRaw(t, server, plainJSON, graphQLResponseJSON, body).
			refused(t, http.StatusRequestEntityTooLarge, graphQLResponseJSON, "REQUEST_TOO_LARGE",
				fmt.Sprintf("request body size in bytes %d exceeds the limit of 1048576 by %d", len(body), len(body)-1<<20))
	})
	t.Run("Chunked", func(t *testing.T) {
		req, err := http.NewRequest(http.MethodPost, server.URL+"/query", io.MultiReader(strings.NewReader(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", plainJSON)
		sendAPI(t, req).refused(t, http.StatusRequestEntityTooLarge, plainJSON, "REQUEST_TOO_LARGE",
			"request body size in bytes exceeds the limit of 1048576")
	})
}

// TestErrorLimit checks that a document with more validation errors than
// the limit gets that many, the last of which says there are more.
func TestErrorLimit(t *testing.T) {
	errs := postOp(t, server, graphQLResponseJSON, map[string]any{"query": repeated(150, "unknown%d")}).
		refused(t, http.StatusBadRequest, graphQLResponseJSON, "GRAPHQL_VALIDATION_FAILED", "unknown0")
	if len(errs) != 100 {
		t.Fatalf("%d errors; want 100", len(errs))
	}
	if last := errs[len(errs)-1]; last.Message != "the document has more errors than the limit of 100; only the first 99 are shown" {
		t.Errorf("last error %q; want one that says there are more", last.Message)
	}
}

// TestConfiguredLimits checks that Options.Limits replaces each default.
func TestConfiguredLimits(t *testing.T) {
	srv := serveOptions(t, dbtest.New(t), serve.Options{Limits: serve.Limits{
		BodyBytes: 2000, Tokens: 200, Depth: 40, Aliases: 1, Directives: 1, Cost: 10, Errors: 3,
	}})
	big := `{"query": "{ __typename }", "padding": "` + strings.Repeat("x", 2000) + `"}`
	for _, c := range []struct {
		name   string
		body   string
		status int
		code   string
		word   string
	}{
		{"BodyBytes", big, 413, "REQUEST_TOO_LARGE", fmt.Sprintf("%d exceeds the limit of 2000 by %d", len(big), len(big)-2000)},
		{"Tokens", queryBody(repeated(240, "a")), 400, "TOO_MANY_TOKENS", "242 exceeds the limit of 200 by 42"},
		{"Depth", queryBody("{ " + nested("a", 41, "b") + " }"), 400, "QUERY_TOO_DEEP", "42 exceeds the limit of 40 by 2"},
		{"Aliases", queryBody("{ a: __typename b: __typename }"), 400, "TOO_MANY_ALIASES", "2 exceeds the limit of 1 by 1"},
		{"Directives", queryBody("{ __typename @skip(if: false) @include(if: true) }"), 400, "TOO_MANY_DIRECTIVES", "2 exceeds the limit of 1 by 1"},
		{"Cost", queryBody("{ articles(first: 10) { nodes { title } } }"), 400, "QUERY_TOO_COMPLEX", "query cost 11 exceeds the limit of 10 by 1"},
		{"CostBeyondCounting", queryBody(nestedConnections(7)), 400, "QUERY_TOO_COMPLEX", "query cost exceeds the limit of 10 by more than"},
		{"Errors", queryBody("{ a b c d e }"), 400, "GRAPHQL_VALIDATION_FAILED", `"a"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			errs := postRaw(t, srv, plainJSON, graphQLResponseJSON, c.body).refused(t, c.status, graphQLResponseJSON, c.code, c.word)
			if len(errs) > 3 {
				t.Errorf("%d errors; want at most 3", len(errs))
			}
		})
	}
	t.Run("ErrorsSummed", func(t *testing.T) {
		errs := postRaw(t, srv, plainJSON, graphQLResponseJSON, queryBody("{ a b c d e }")).
			refused(t, http.StatusBadRequest, graphQLResponseJSON, "GRAPHQL_VALIDATION_FAILED")
		if len(errs) != 3 || errs[2].Message != "the document has more errors than the limit of 3; only the first 2 are shown" {
			t.Errorf("errors %+v; want two and one that says there are more", errs)
		}
	})
}

// nestedConnections returns a query of n connections of 100 nested in
// each other: articles, then statements of each statement's article.
func nestedConnections(n int) string {
	return "{ articles(first: 100) { nodes { " +
		strings.Repeat("statements(first: 100) { nodes { article { ", n-1) + "slug" + strings.Repeat(" } } }", n-1) +
		" } } }"
}

// TestEveryConnectionTakesAPageSize checks what operationCost relies on to
// multiply every connection by its page size: every field that returns a
// connection takes first or last (most take both; search takes first).
func TestEveryConnectionTakesAPageSize(t *testing.T) {
	var schema struct {
		Schema struct {
			Types []struct {
				Name   string
				Fields []struct {
					Name string
					Args []struct{ Name string }
					Type struct {
						Name   *string
						OfType struct{ Name *string }
					}
				}
			}
		} `json:"__schema"`
	}
	data(t, `{ __schema { types { name fields { name args { name } type { name ofType { name } } } } } }`, nil, &schema)
	connections := 0
	for _, typ := range schema.Schema.Types {
		for _, f := range typ.Fields {
			name := f.Type.Name
			if name == nil {
				name = f.Type.OfType.Name
			}
			if name == nil || !strings.HasSuffix(*name, "Connection") {
				continue
			}
			connections++
			args := map[string]bool{}
			for _, a := range f.Args {
				args[a.Name] = true
			}
			if !args["first"] && !args["last"] {
				t.Errorf("%s.%s returns %s but takes neither first nor last; the cost limit would not multiply it", typ.Name, f.Name, *name)
			}
		}
	}
	if connections < 10 {
		t.Errorf("found %d connection fields; want the schema's (at least 10)", connections)
	}
}

// benchmarkRefusal measures what refusing a request costs the server: the
// handler itself, without the network. A GET request has no JSON to
// decode, so it shows the cost of the GraphQL checks alone.
func benchmarkRefusal(b *testing.B, method, query string, status int, code string) {
	b.Helper()
	handler := server.Config.Handler
	body, target := []byte(queryBody(query)), "/query?"+url.Values{"query": {query}}.Encode()
	b.SetBytes(int64(len(query)))
	b.ReportAllocs()
	for b.Loop() {
		var req *http.Request
		if method == http.MethodPost {
			req = httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(body))
			req.Header.Set("Content-Type", plainJSON)
		} else {
			req = httptest.NewRequest(http.MethodGet, target, nil)
		}
		req.Header.Set("Accept", graphQLResponseJSON)
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		if rec.Code != status || !bytes.Contains(rec.Body.Bytes(), []byte(`"code":"`+code+`"`)) {
			b.Fatalf("status %d, %.300s; want %d %s", rec.Code, rec.Body.Bytes(), status, code)
		}
	}
}

// queryBody is the JSON body of a request for query.
func queryBody(query string) string {
	b, _ := json.Marshal(map[string]string{"query": query})
	return string(b)
}

func BenchmarkRefuseBodyTooLarge(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, repeated(600_000, "a"), http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE")
}

func BenchmarkRefuse100kFields(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, repeated(100_000, "a"), http.StatusBadRequest, "TOO_MANY_TOKENS")
}

func BenchmarkRefuse100kFieldsGET(b *testing.B) {
	benchmarkRefusal(b, http.MethodGet, repeated(100_000, "a"), http.StatusBadRequest, "TOO_MANY_TOKENS")
}

func BenchmarkRefuseMegabyteOfBraces(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, strings.Repeat("{", 1<<20-100), http.StatusBadRequest, "TOO_MANY_TOKENS")
}

func BenchmarkRefuseDeepNesting(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, "{ "+nested("a", 300, "b")+" }", http.StatusBadRequest, "QUERY_TOO_DEEP")
}

func BenchmarkRefuseFragmentFanOut(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, fanOutFragments(55), http.StatusBadRequest, "QUERY_TOO_DEEP")
}

func BenchmarkRefuseAliases(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, repeated(300, "a%d: __typename"), http.StatusBadRequest, "TOO_MANY_ALIASES")
}

// BenchmarkRefuseRepeatedField is one field repeated to the token limit,
// which validation would take 100 ms to compare pair by pair.
func BenchmarkRefuseRepeatedField(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, repeated(998, "__typename"), http.StatusBadRequest, "TOO_MANY_REPEATED_FIELDS")
}

// BenchmarkRefuseConflictingFields is a bad case for validation within the
// limits: five fields, each repeated as often as allowed with other
// arguments, so that every pair conflicts.
func BenchmarkRefuseConflictingFields(b *testing.B) {
	var query strings.Builder
	query.WriteString("{ ")
	for _, field := range []string{"articles", "statements", "figures", "agreements", "people"} {
		for i := range 20 {
			fmt.Fprintf(&query, "%s(first: %d) { totalCount } ", field, i+1)
		}
	}
	query.WriteString("}")
	benchmarkRefusal(b, http.MethodPost, query.String(), http.StatusBadRequest, "GRAPHQL_VALIDATION_FAILED")
}

func BenchmarkRefuseTooComplex(b *testing.B) {
	benchmarkRefusal(b, http.MethodPost, nestedConnections(3), http.StatusBadRequest, "QUERY_TOO_COMPLEX")
}
