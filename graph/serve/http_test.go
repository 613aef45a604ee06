package serve_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestGETQuery checks the GET transport.
func TestGETQuery(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		res, body := request(t, "GET", "/query?query="+url.QueryEscape("{__typename}"), nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d; want 200: %s", res.StatusCode, body)
		}
		var got struct {
			Data struct {
				Typename string `json:"__typename"`
			}
			Errors []gqlError
		}
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatalf("decode %s: %v", body, err)
		}
		if got.Data.Typename != "Query" || len(got.Errors) > 0 {
			t.Errorf("got %s; want {\"data\":{\"__typename\":\"Query\"}}", body)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("Content-Type %q; want application/json", ct)
		}
	})
	t.Run("WithVariables", func(t *testing.T) {
		slug := seed(t).Articles[0].Article.Slug
		q := url.Values{
			"query":         {`query A($slug: String) { article(slug: $slug) { slug } }`},
			"variables":     {`{"slug": "` + slug + `"}`},
			"operationName": {"A"},
		}
		res, body := request(t, "GET", "/query?"+q.Encode(), nil)
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), slug) {
			t.Errorf("status %d, body %s; want 200 with the article %s", res.StatusCode, body, slug)
		}
	})
	for name, query := range map[string]string{
		"ErrMalformed":    "{ articles { nodes { slug }",
		"ErrUnknownField": "{ articles { nodes { headline } } }",
	} {
		t.Run(name, func(t *testing.T) {
			res, body := request(t, "GET", "/query?query="+url.QueryEscape(query), nil)
			var got response
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("status %d, decode %s: %v", res.StatusCode, body, err)
			}
			if len(got.Errors) == 0 {
				t.Fatalf("status %d, no error: %s", res.StatusCode, body)
			}
			if code := got.Errors[0].Extensions["code"]; code != "GRAPHQL_PARSE_FAILED" && code != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("extensions.code %v; want GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED", code)
			}
			if strings.Contains(string(body), `"data"`) {
				t.Errorf("a query that cannot run has data: %s", body)
			}
			if res.StatusCode != http.StatusOK {
				t.Errorf("status %d; want 200 in application/json, as the GraphQL-over-HTTP spec recommends for a document that cannot run", res.StatusCode)
			}
			if res, _ := request(t, "GET", "/query?query="+url.QueryEscape(query), map[string]string{"Accept": graphQLResponseJSON}); res.StatusCode != http.StatusBadRequest {
				t.Errorf("in %s: status %d; want 400", graphQLResponseJSON, res.StatusCode)
			}
		})
	}
	t.Run("ErrNoQuery", func(t *testing.T) {
		res, body := request(t, "GET", "/query", nil)
		if res.StatusCode < 400 || res.StatusCode >= 500 {
			t.Errorf("GET /query with no query: status %d (%s); want a 4xx", res.StatusCode, body)
		}
	})
}

// TestPOSTValidation checks that queries the schema rejects fail with
// GRAPHQL_VALIDATION_FAILED naming what is wrong.
func TestPOSTValidation(t *testing.T) {
	for _, c := range []struct {
		name, query string
		vars        map[string]any
		word        string
	}{
		{"UnknownField", `{ statements { nodes { said } } }`, nil, "said"},
		{"UnknownEnumValue", `{ statements(filter: {verbs: [SHOUTED]}) { totalCount } }`, nil, "SHOUTED"},
		{"UnknownEnumValueInVariable", `query Q($f: StatementFilter) { statements(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{"verbs": []string{"SHOUTED"}}}, "SHOUTED"},
		{"WrongVariableType", `query Q($n: Int) { statements(first: $n) { totalCount } }`, map[string]any{"n": "ten"}, "Int"},
		{"MissingRequiredArgument", `{ search { totalCount } }`, nil, "query"},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, res := send(t, c.query, c.vars)
			if len(res.Errors) == 0 {
				t.Fatalf("status %d, no error", status)
			}
			e := res.Errors[0]
			if code := e.Extensions["code"]; code != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("extensions.code %v (%q); want GRAPHQL_VALIDATION_FAILED", code, e.Message)
			}
			if !strings.Contains(e.Message, c.word) {
				t.Errorf("message %q does not name %q", e.Message, c.word)
			}
		})
	}
}

// TestPlayground checks that / serves the GraphiQL page, self-contained.
func TestPlayground(t *testing.T) {
	res, body := request(t, "GET", "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d; want 200", res.StatusCode)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("Content-Type %q; want text/html", ct)
	}
	page := string(body)
	if !strings.Contains(page, "/query") {
		t.Error("the page does not point the playground at /query")
	}
	own, err := url.Parse(server.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?i)https?://[^\s"'<>()]+`).FindAllString(page, -1) {
		u, err := url.Parse(m)
		if err != nil || u.Host != own.Host {
			t.Errorf("the page refers to another host: %s", m)
		}
	}
	// The assets it loads are served here.
	assets := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(assets) == 0 {
		t.Error("the page loads no scripts or stylesheets")
	}
	for _, a := range assets {
		ref, err := url.Parse(a[1])
		if err != nil {
			t.Errorf("asset %q: %v", a[1], err)
			continue
		}
		u := own.ResolveReference(ref)
		if u.Host != own.Host {
			t.Errorf("asset %s is on another host", u)
			continue
		}
		res, _ := request(t, "GET", u.RequestURI(), nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("asset %s: status %d; want 200", u.RequestURI(), res.StatusCode)
		}
	}
}

// TestHealth checks /healthz and /readyz.
func TestHealth(t *testing.T) {
	t.Run("Healthz", func(t *testing.T) {
		res, body := request(t, "GET", "/healthz", nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("status %d (%s); want 200", res.StatusCode, body)
		}
	})
	t.Run("Readyz", func(t *testing.T) {
		res, body := request(t, "GET", "/readyz", nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d (%s); want 200", res.StatusCode, body)
		}
		var got map[string]any
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatalf("decode %s: %v", body, err)
		}
		if got["status"] != "ready" {
			t.Errorf("got %s; want {\"status\":\"ready\"}", body)
		}
	})
}

// TestCORS checks preflight and simple requests from the allowed origin
// and from another one.
func TestCORS(t *testing.T) {
	preflight := func(origin string) map[string]string {
		return map[string]string{"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
	}
	t.Run("PreflightAllowedOrigin", func(t *testing.T) {
		res, _ := request(t, "OPTIONS", "/query", preflight(corsOrigin))
		if res.StatusCode >= 300 {
			t.Errorf("status %d; want 2xx", res.StatusCode)
		}
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != corsOrigin {
			t.Errorf("Access-Control-Allow-Origin %q; want %q", got, corsOrigin)
		}
		if got := res.Header.Get("Access-Control-Allow-Methods"); !strings.Contains(got, "POST") {
			t.Errorf("Access-Control-Allow-Methods %q; want POST among them", got)
		}
		if got := strings.ToLower(res.Header.Get("Access-Control-Allow-Headers")); !strings.Contains(got, "content-type") {
			t.Errorf("Access-Control-Allow-Headers %q; want Content-Type among them", got)
		}
	})
	t.Run("PreflightOtherOrigin", func(t *testing.T) {
		res, _ := request(t, "OPTIONS", "/query", preflight("https://evil.example"))
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q for another origin; want none", got)
		}
	})
	t.Run("PreflightLookalikeOrigin", func(t *testing.T) {
		res, _ := request(t, "OPTIONS", "/query", preflight(corsOrigin+".evil.example"))
		if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin %q for %s.evil.example; want none", got, corsOrigin)
		}
	})
	t.Run("SimpleRequest", func(t *testing.T) {
		for origin, want := range map[string]string{corsOrigin: corsOrigin, "https://evil.example": "", "": ""} {
			res, _ := request(t, "GET", "/query?query="+url.QueryEscape("{__typename}"), map[string]string{"Origin": origin})
			if got := res.Header.Get("Access-Control-Allow-Origin"); got != want {
				t.Errorf("GET from %q: Access-Control-Allow-Origin %q; want %q", origin, got, want)
			}
			// Every answer depends on the origin, also one that names none:
			// a shared cache must not give an allowed origin's to another.
			if !slices.Contains(res.Header.Values("Vary"), "Origin") {
				t.Errorf("GET from %q: Vary %q; want Origin among them", origin, res.Header.Values("Vary"))
			}
		}
	})
}

// TestRequestID checks that every response carries an X-Request-ID, the
// caller's when it is sane.
func TestRequestID(t *testing.T) {
	for _, path := range []string{"/query?query=" + url.QueryEscape("{__typename}"), "/healthz", "/readyz", "/"} {
		res, _ := request(t, "GET", path, nil)
		if res.Header.Get("X-Request-ID") == "" {
			t.Errorf("GET %s: no X-Request-ID", path)
		}
	}
	res1, _ := request(t, "GET", "/healthz", nil)
	res2, _ := request(t, "GET", "/healthz", nil)
	if a, b := res1.Header.Get("X-Request-ID"), res2.Header.Get("X-Request-ID"); a == b {
		t.Errorf("two requests share the X-Request-ID %q; want one each", a)
	}
	t.Run("EchoesCallers", func(t *testing.T) {
		res, _ := request(t, "GET", "/healthz", map[string]string{"X-Request-ID": "trace-42.abc_DEF"})
		if got := res.Header.Get("X-Request-ID"); got != "trace-42.abc_DEF" {
			t.Errorf("X-Request-ID %q; want the caller's trace-42.abc_DEF", got)
		}
	})
	t.Run("ReplacesUnsafe", func(t *testing.T) {
		for _, bad := range []string{"has space", strings.Repeat("x", 200), "<script>"} {
			res, _ := request(t, "GET", "/healthz", map[string]string{"X-Request-ID": bad})
			if got := res.Header.Get("X-Request-ID"); got == "" || got == bad {
				t.Errorf("X-Request-ID %q for the caller's %q; want a fresh one", got, bad)
			}
		}
	})
	t.Run("POST", func(t *testing.T) {
		res, err := http.Post(server.URL+"/query", "application/json", strings.NewReader(`{"query":"{__typename}"}`))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.Header.Get("X-Request-ID") == "" {
			t.Error("POST /query: no X-Request-ID")
		}
	})
}
