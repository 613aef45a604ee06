package playground

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	// assetRefRE matches the src of a script tag or the href of a link tag.
	assetRefRE = regexp.MustCompile(`<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]*)"`)
	// openTagRE matches the start tag of a script or style element and
	// captures its name and attributes.
	openTagRE = regexp.MustCompile(`<(script|style)\b([^>]*)>`)
	// nonceRE captures a nonce from a start tag's attributes or a CSP.
	nonceRE = regexp.MustCompile(`(?:nonce="|'nonce-)([^"']*)`)
	// cssURLRE matches a url(...) in a style sheet and captures its argument.
	cssURLRE = regexp.MustCompile(`url\(\s*["']?([^"')]*)`)
)

// get sends a GET request for target to h and returns the response and body.
func get(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading body of %s: %v", target, err)
	}
	return res, string(body)
}

// assetRefs returns the asset URLs the page loads, resolved against base,
// the page's own URL.
func assetRefs(t *testing.T, page, base string) []*url.URL {
	t.Helper()
	baseURL, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var refs []*url.URL
	for _, m := range assetRefRE.FindAllStringSubmatch(page, -1) {
		ref, err := url.Parse(m[1])
		if err != nil {
			t.Fatalf("parsing asset reference %q: %v", m[1], err)
		}
		refs = append(refs, baseURL.ResolveReference(ref))
	}
	return refs
}

func TestPage(t *testing.T) {
	res, page := get(t, Handler("newsgraph", "/query"), "/")

	if got, want := res.StatusCode, http.StatusOK; got != want {
		t.Fatalf("GET /: got status %d; want %d", got, want)
	}
	if got, want := res.Header.Get("Content-Type"), "text/html; charset=utf-8"; got != want {
		t.Errorf("GET /: got Content-Type %q; want %q", got, want)
	}
	if got, want := res.Header.Get("Cache-Control"), "no-store"; got != want {
		t.Errorf("GET /: got Cache-Control %q; want %q", got, want)
	}
	if got := res.Header.Get("ETag"); got != "" {
		t.Errorf("GET /: got ETag %q; want none, as every page has its own nonce", got)
	}
	if got, want := page, "<title>newsgraph</title>"; !strings.Contains(got, want) {
		t.Errorf("GET /: got page without %q", want)
	}

	var gotPaths []string
	for _, ref := range assetRefs(t, page, "/") {
		gotPaths = append(gotPaths, ref.Path)
	}
	for _, want := range []string{
		"/playground/assets/graphiql.min.css",
		"/playground/assets/plugin-explorer.css",
		"/playground/assets/react.production.min.js",
		"/playground/assets/react-dom.production.min.js",
		"/playground/assets/graphiql.min.js",
		"/playground/assets/plugin-explorer.umd.js",
	} {
		if !slices.Contains(gotPaths, want) {
			t.Errorf("GET /: got asset paths %q; want them to include %q", gotPaths, want)
		}
	}
}

func TestPageHasNoExternalURL(t *testing.T) {
	_, page := get(t, Handler("newsgraph", "/query"), "/")

	for _, scheme := range []string{"http://", "https://"} {
		if i := strings.Index(strings.ToLower(page), scheme); i >= 0 {
			t.Errorf("got page containing %q at %q; want no absolute URL", scheme, page[i:min(len(page), i+60)])
		}
	}
	if got := regexp.MustCompile(`//[^/\s"'<>]+`).FindString(page); got != "" {
		t.Errorf("got page containing protocol-relative reference %q; want none", got)
	}
	for _, m := range assetRefRE.FindAllStringSubmatch(page, -1) {
		u, err := url.Parse(m[1])
		if err != nil {
			t.Fatalf("parsing asset reference %q: %v", m[1], err)
		}
		if u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			t.Errorf("got asset reference %q; want a relative path", m[1])
		}
	}
}

func TestPageConfiguresFetcher(t *testing.T) {
	_, page := get(t, Handler("newsgraph", "/query"), "/")

	for _, want := range []string{
		`"endpoint":"/query"`,
		`window.__webpack_nonce__ = document.currentScript.nonce;`,
		`GraphiQL.createFetcher(`,
		`subscriptionUrl.protocol = page.protocol === "https:" ? "wss:" : "ws:"`,
		`GraphiQLPluginExplorer.explorerPlugin()`,
		`articles(first: 5)`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("got page without %q; want the boot script to contain it", want)
		}
	}
}

func TestPageEscapesTitle(t *testing.T) {
	_, page := get(t, Handler(`</title><script>alert(1)</script>`, "/query"), "/")

	if got, want := page, "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"; !strings.Contains(got, want) {
		t.Errorf("got page without %q; want the title escaped", want)
	}
}

func TestPageCSPAllowsOnlyItsInlineCode(t *testing.T) {
	h := Handler("newsgraph", "/query")
	res, page := get(t, h, "/")
	csp := res.Header.Get("Content-Security-Policy")

	m := nonceRE.FindStringSubmatch(csp)
	if m == nil {
		t.Fatalf("got Content-Security-Policy %q; want a nonce in it", csp)
	}
	nonce := m[1]
	for _, want := range []string{
		"default-src 'none'",
		"script-src 'self' 'nonce-" + nonce + "'",
		"style-src 'self' 'nonce-" + nonce + "'",
		"connect-src 'self'",
	} {
		if !strings.Contains(csp, want) {
			t.Errorf("got Content-Security-Policy %q; want it to contain %q", csp, want)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "http:", "https:", "*"} {
		if strings.Contains(csp, bad) {
			t.Errorf("got Content-Security-Policy %q; want no %q", csp, bad)
		}
	}

	inline := 0
	for _, tag := range openTagRE.FindAllStringSubmatch(page, -1) {
		if strings.Contains(tag[2], "src=") {
			continue
		}
		inline++
		if got := nonceRE.FindStringSubmatch(tag[2]); got == nil || got[1] != nonce {
			t.Errorf("got inline element %s; want it to carry nonce %q", tag[0], nonce)
		}
	}
	if got, want := inline, 2; got != want {
		t.Errorf("got %d inline script or style elements; want %d", got, want)
	}

	again, _ := get(t, h, "/")
	if got := again.Header.Get("Content-Security-Policy"); got == csp {
		t.Errorf("got the same Content-Security-Policy %q for two responses; want a new nonce each time", got)
	}
}

func TestAssets(t *testing.T) {
	h := Handler("newsgraph", "/query")
	_, page := get(t, h, "/")
	refs := assetRefs(t, page, "/")
	if len(refs) == 0 {
		t.Fatal("got no asset references in the page; want some")
	}

	wantTypes := map[string]string{
		".js":  "text/javascript; charset=utf-8",
		".css": "text/css; charset=utf-8",
	}
	for _, ref := range refs {
		res, body := get(t, h, ref.String())
		if got, want := res.StatusCode, http.StatusOK; got != want {
			t.Errorf("GET %s: got status %d; want %d", ref, got, want)
			continue
		}
		if got, want := res.Header.Get("Content-Type"), wantTypes[path.Ext(ref.Path)]; got != want {
			t.Errorf("GET %s: got Content-Type %q; want %q", ref, got, want)
		}
		if got, want := res.Header.Get("Cache-Control"), "public, max-age=31536000, immutable"; got != want {
			t.Errorf("GET %s: got Cache-Control %q; want %q", ref, got, want)
		}
		if got, want := res.Header.Get("X-Content-Type-Options"), "nosniff"; got != want {
			t.Errorf("GET %s: got X-Content-Type-Options %q; want %q", ref, got, want)
		}
		if len(body) == 0 {
			t.Errorf("GET %s: got empty body; want the asset", ref)
		}
		if want := ref.Query().Get("v"); res.Header.Get("ETag") != `"`+want+`"` {
			t.Errorf("GET %s: got ETag %q; want %q", ref, res.Header.Get("ETag"), `"`+want+`"`)
		}
	}
}

// TestStylesLoadNothingExternal checks that the style sheets, which the
// browser interprets without any page script, refer only to data: URLs.
func TestStylesLoadNothingExternal(t *testing.T) {
	for _, name := range pageStyles {
		body, err := assetsFS.ReadFile("assets/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range cssURLRE.FindAllStringSubmatch(string(body), -1) {
			if !strings.HasPrefix(m[1], "data:") {
				t.Errorf("%s: got url(%s); want only data: URLs", name, m[1])
			}
		}
		if strings.Contains(string(body), "@import") {
			t.Errorf("%s: got an @import; want none", name)
		}
	}
}

func TestAssetCacheControlNeedsCurrentVersion(t *testing.T) {
	h := Handler("newsgraph", "/query")
	for _, target := range []string{
		"/playground/assets/graphiql.min.js",
		"/playground/assets/graphiql.min.js?v=0123456789abcdef",
	} {
		res, _ := get(t, h, target)
		if got, want := res.StatusCode, http.StatusOK; got != want {
			t.Errorf("GET %s: got status %d; want %d", target, got, want)
		}
		if got, want := res.Header.Get("Cache-Control"), "no-cache"; got != want {
			t.Errorf("GET %s: got Cache-Control %q; want %q", target, got, want)
		}
	}
}

func TestAssetConditionalGet(t *testing.T) {
	const target = "/playground/assets/react.production.min.js"
	h := Handler("newsgraph", "/query")
	first, _ := get(t, h, target)
	etag := first.Header.Get("ETag")
	if etag == "" {
		t.Fatalf("GET %s: got no ETag; want one", target)
	}
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("If-None-Match", etag)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got, want := rec.Code, http.StatusNotModified; got != want {
		t.Errorf("GET %s with If-None-Match %s: got status %d; want %d", target, etag, got, want)
	}
}

func TestNotFound(t *testing.T) {
	h := Handler("newsgraph", "/query")
	for _, target := range []string{
		"/playground/assets/nope.js",
		"/playground/assets/",
		"/playground/assets/../assets/graphiql.min.js",
		"/playground/",
		"/assets/graphiql.min.js",
		"/index.html",
		"/query",
	} {
		res, _ := get(t, h, target)
		if got, want := res.StatusCode, http.StatusNotFound; got != want {
			t.Errorf("GET %s: got status %d; want %d", target, got, want)
		}
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := Handler("newsgraph", "/query")
	for _, target := range []string{"/", "/playground/assets/graphiql.min.js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, target, nil))
		if got, want := rec.Code, http.StatusMethodNotAllowed; got != want {
			t.Errorf("POST %s: got status %d; want %d", target, got, want)
		}
		if got, want := rec.Header().Get("Allow"), "GET, HEAD"; got != want {
			t.Errorf("POST %s: got Allow %q; want %q", target, got, want)
		}
	}
}

func TestHead(t *testing.T) {
	h := Handler("newsgraph", "/query")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/", nil))
	if got, want := rec.Code, http.StatusOK; got != want {
		t.Errorf("HEAD /: got status %d; want %d", got, want)
	}
	if got := rec.Body.Len(); got != 0 {
		t.Errorf("HEAD /: got %d body bytes; want 0", got)
	}
}

// TestMounts checks the two mounts the package documentation describes: at
// the root next to the GraphQL endpoint, and below a stripped prefix.
func TestMounts(t *testing.T) {
	endpoint := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "endpoint")
	})
	root := http.NewServeMux()
	root.Handle("/query", endpoint)
	root.Handle("/", Handler("newsgraph", "/query"))
	prefixed := http.NewServeMux()
	prefixed.Handle("/query", endpoint)
	prefixed.Handle("/graphiql/", http.StripPrefix("/graphiql", Handler("newsgraph", "/query")))

	for _, tc := range []struct {
		name           string
		mux            http.Handler
		pagePath       string
		wantAssetsPath string
	}{
		{"root", root, "/", "/playground/assets/"},
		{"prefix", prefixed, "/graphiql/", "/graphiql/playground/assets/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, page := get(t, tc.mux, tc.pagePath)
			if got, want := res.StatusCode, http.StatusOK; got != want {
				t.Fatalf("GET %s: got status %d; want %d", tc.pagePath, got, want)
			}
			refs := assetRefs(t, page, tc.pagePath)
			if len(refs) == 0 {
				t.Fatalf("GET %s: got no asset references; want some", tc.pagePath)
			}
			for _, ref := range refs {
				if !strings.HasPrefix(ref.Path, tc.wantAssetsPath) {
					t.Errorf("got asset path %s; want it under %s", ref.Path, tc.wantAssetsPath)
				}
				if res, _ := get(t, tc.mux, ref.String()); res.StatusCode != http.StatusOK {
					t.Errorf("GET %s: got status %d; want %d", ref, res.StatusCode, http.StatusOK)
				}
			}
			if _, body := get(t, tc.mux, "/query"); body != "endpoint" {
				t.Errorf("GET /query: got body %q; want the endpoint's %q", body, "endpoint")
			}
		})
	}
}

func TestHandlerRejectsForeignEndpoint(t *testing.T) {
	for _, endpoint := range []string{
		"",
		"query",
		"https://example.com/query",
		"//example.com/query",
		`/\example.com/query`,
		"javascript:alert(1)",
	} {
		t.Run(endpoint, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Handler(%q, %q): got no panic; want one", "newsgraph", endpoint)
				}
			}()
			Handler("newsgraph", endpoint)
		})
	}
}
