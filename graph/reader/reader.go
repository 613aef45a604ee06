// Package reader serves newsgraph's reference reader: a small web client,
// built from the GraphQL API as any frontend would be, that lists the
// articles with search, shows an article's verbatim text with every
// statement, figure and agreement highlighted at its evidence, and a page
// for each person and organization with their statements. It is
// documentation that runs: gen/src/ holds its TypeScript, which uses urql
// and graphql-ws and the types graphql-codegen generates from the schema.
//
// # Mount contract
//
// The handler routes on the path it sees: "/" is the page and
// "/assets/NAME" an embedded file; anything else is 404. The page loads its
// assets by relative URLs and talks to the API at the absolute path
// "/query", so it is mounted below a prefix with the prefix stripped:
//
//	mux.Handle("/reader/", http.StripPrefix("/reader", reader.Handler()))
//
// # Headers
//
// Every response has "X-Content-Type-Options: nosniff". The page has a
// Content-Security-Policy that lets scripts, styles and connections (HTTP
// and WebSocket) come only from its own origin, and is sent with
// "Cache-Control: no-cache". An asset has an ETag; requested with the "v"
// query parameter the page uses, a hash of its content, it is cached for a
// year as immutable.
//
// # Assets
//
//	go generate ./graph/reader/
//
// rebuilds assets/ (and gen/src/gql/, the generated types) from gen/ and
// the schema, from the npm packages pinned in gen/package-lock.json.
package reader

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"
)

//go:generate go run ./gen

//go:embed assets
var assetsFS embed.FS

// asset is an embedded file ready to serve.
type asset struct {
	body        []byte
	contentType string
	version     string // a hash of body: its ETag and "v" parameter
}

var contentTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".js":  "text/javascript; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsgraph reader</title>
<link rel="stylesheet" href="{{.CSS}}">
<script type="module" src="{{.JS}}"></script>
</head>
<body>
<main id="app">Loading…</main>
<noscript>The newsgraph reader needs JavaScript.</noscript>
</body>
</html>
`))

const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

// handler is the http.Handler Handler returns.
type handler struct {
	page   []byte
	assets map[string]asset
}

// Handler returns the reader's http.Handler, as the package documentation
// describes. It panics if the embedded assets are missing.
func Handler() http.Handler {
	h := &handler{assets: map[string]asset{}}
	entries, err := assetsFS.ReadDir("assets")
	if err != nil {
		panic(fmt.Sprintf("reader: %v", err))
	}
	for _, e := range entries {
		body, err := assetsFS.ReadFile("assets/" + e.Name())
		if err != nil {
			panic(fmt.Sprintf("reader: %v", err))
		}
		ext := e.Name()[strings.LastIndex(e.Name(), "."):]
		sum := sha256.Sum256(body)
		h.assets[e.Name()] = asset{body: body, contentType: contentTypes[ext], version: hex.EncodeToString(sum[:8])}
	}
	url := func(name string) string {
		a, ok := h.assets[name]
		if !ok {
			panic(fmt.Sprintf("reader: embedded assets lack %q: run go generate ./graph/reader/", name))
		}
		return "assets/" + name + "?v=" + a.version
	}
	var page bytes.Buffer
	if err := pageTemplate.Execute(&page, struct{ CSS, JS string }{url("reader.css"), url("reader.js")}); err != nil {
		panic(fmt.Sprintf("reader: %v", err))
	}
	h.page = page.Bytes()
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, isAsset := h.assets[strings.TrimPrefix(r.URL.Path, "/assets/")]
	isAsset = isAsset && strings.HasPrefix(r.URL.Path, "/assets/")
	if r.URL.Path != "/" && !isAsset {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	if !isAsset {
		hdr.Set("Content-Type", "text/html; charset=utf-8")
		hdr.Set("Cache-Control", "no-cache")
		hdr.Set("Content-Security-Policy", contentSecurityPolicy)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(h.page))
		return
	}
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("ETag", `"`+a.version+`"`)
	if r.URL.Query().Get("v") == a.version {
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
