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
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"github.com/newsgraph/newsgraph/graph/internal/embedsite"
)

//go:generate go run ./gen

//go:embed assets
var assetsFS embed.FS

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

// Handler returns the reader's http.Handler, as the package documentation
// describes. It panics if the embedded assets are missing.
func Handler() http.Handler {
	assets, err := embedsite.Load(assetsFS, "assets")
	if err != nil {
		panic(fmt.Sprintf("reader: %v", err))
	}
	site := &embedsite.Site{Name: "reader", AssetsPath: "/assets/", Assets: assets}
	var page bytes.Buffer
	if err := pageTemplate.Execute(&page, struct{ CSS, JS string }{site.URL("reader.css"), site.URL("reader.js")}); err != nil {
		panic(fmt.Sprintf("reader: %v", err))
	}
	site.Page = func(w http.ResponseWriter, r *http.Request) {
		hdr := w.Header()
		hdr.Set("Content-Type", "text/html; charset=utf-8")
		hdr.Set("Cache-Control", "no-cache")
		hdr.Set("Content-Security-Policy", contentSecurityPolicy)
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(page.Bytes()))
	}
	return site
}
