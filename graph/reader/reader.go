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
