package playground

import (
	"bytes"
	"crypto/rand"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/graph/internal/embedsite"
)

//go:generate go run ./gen

// assetsFS holds the files gen writes: the npm bundles and LICENSES.txt.
//
//go:embed assets
var assetsFS embed.FS

// assetsPath is the path, below the handler's root, of the embedded assets.
const assetsPath = "/playground/assets/"

// pageStyles and pageScripts are the assets the page loads, in order.
var (
	pageStyles  = []string{"graphiql.min.css", "plugin-explorer.css"}
	pageScripts = []string{
		"react.production.min.js",
		"react-dom.production.min.js",
		"graphiql.min.js",
		"plugin-explorer.umd.js",
	}
)

// pageStyle is the page's inline style sheet.
const pageStyle = `body { margin: 0; } #graphiql { height: 100vh; }`

// bootScript is the page's inline script, which starts GraphiQL; %s stands
// for a JSON object with the endpoint and the default query. It first hands
// its own nonce to the style elements GraphiQL's dialogs add, which take it
// from the global __webpack_nonce__. Queries and mutations go to the
// endpoint with HTTP POST, subscriptions to the same URL over a WebSocket
// speaking graphql-transport-ws, with ws: or wss: to match the page's own
// scheme.
const bootScript = `(function (config) {
  "use strict";
  window.__webpack_nonce__ = document.currentScript.nonce;
  var page = window.location;
  var url = new URL(config.endpoint, page.href);
  var subscriptionUrl = new URL(url.href);
  subscriptionUrl.protocol = page.protocol === "https:" ? "wss:" : "ws:";
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({
      url: url.href,
      subscriptionUrl: subscriptionUrl.href
    }),
    defaultQuery: config.defaultQuery,
    plugins: [GraphiQLPluginExplorer.explorerPlugin()],
    isHeadersEditorEnabled: true
  }));
})(%s);
`

// defaultQuery fills the query editor until the user edits it; GraphiQL then
// keeps the user's tabs in the browser's local storage instead.
const defaultQuery = `# Welcome to the newsgraph GraphQL API.
#
# Run the query below with Ctrl-Enter (Cmd-Enter
# on a Mac). In the sidebar, the Documentation
# Explorer browses the schema and the GraphiQL
# Explorer builds queries from the fields you tick.

query LatestArticles {
  articles(first: 5) {
    nodes {
      title
    }
  }
}
`

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{range .Styles}}<link rel="stylesheet" href="{{.}}">
{{end}}<style nonce="{{.Nonce}}">{{.Style}}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<noscript>The GraphiQL playground needs JavaScript.</noscript>
{{range .Scripts}}<script src="{{.}}"></script>
{{end}}<script nonce="{{.Nonce}}">{{.Script}}</script>
</body>
</html>
`))

// pageData is what pageTemplate renders.
type pageData struct {
	Title           string
	Styles, Scripts []string
	Style           template.CSS
	Script          template.JS
	// Nonce is the CSP nonce of one response.
	Nonce string
}

// loadAssets reads the embedded files once, on first use.
var loadAssets = sync.OnceValue(func() map[string]embedsite.Asset {
	assets, err := embedsite.Load(assetsFS, "assets")
	if err != nil {
		panic(fmt.Sprintf("playground: %v", err))
	}
	return assets
})

// handler renders the page.
type handler struct {
	page pageData
}

// Handler returns an http.Handler serving a GraphiQL page titled title, and
// the files it loads, as the package documentation describes. The page sends
// queries and mutations to endpoint with HTTP POST and subscriptions to the
// same URL over a WebSocket (graphql-transport-ws protocol), offers the
// Documentation Explorer and the GraphiQL Explorer plugin, and opens with an
// example query.
//
// endpoint must be an absolute path on the page's own origin, such as
// "/query": Handler panics otherwise, as the page's Content-Security-Policy
// allows no other origin.
func Handler(title, endpoint string) http.Handler {
	if !isOriginPath(endpoint) {
		panic(fmt.Sprintf("playground: endpoint %q is not an absolute path on the page's origin", endpoint))
	}
	site := &embedsite.Site{Name: "playground", AssetsPath: assetsPath, Assets: loadAssets()}

	config, err := json.Marshal(struct {
		Endpoint     string `json:"endpoint"`
		DefaultQuery string `json:"defaultQuery"`
	}{endpoint, defaultQuery})
	if err != nil {
		panic(fmt.Sprintf("playground: %v", err))
	}
	h := &handler{
		page: pageData{
			Title:  title,
			Style:  template.CSS(pageStyle),
			Script: template.JS(fmt.Sprintf(bootScript, config)),
		},
	}
	for _, name := range pageStyles {
		h.page.Styles = append(h.page.Styles, site.URL(name))
	}
	for _, name := range pageScripts {
		h.page.Scripts = append(h.page.Scripts, site.URL(name))
	}
	site.Page = h.servePage
	return site
}

// isOriginPath reports whether endpoint is an absolute path that a browser
// resolves against the page's own origin: it must start with a single
// slash, and name neither a scheme nor a host, even in the forms browsers
// read leniently such as backslashes.
func isOriginPath(endpoint string) bool {
	u, err := url.Parse(endpoint)
	return err == nil && u.Scheme == "" && u.Host == "" &&
		strings.HasPrefix(endpoint, "/") && !strings.HasPrefix(endpoint, "//") &&
		!strings.Contains(endpoint, `\`)
}

// contentSecurityPolicy returns the Content-Security-Policy of a page
// response whose inline scripts and styles carry nonce.
func contentSecurityPolicy(nonce string) string {
	n := "'nonce-" + nonce + "'"
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self' " + n,
		"style-src 'self' " + n,
		"img-src 'self' data:",
		"font-src 'self' data:",
		"connect-src 'self'",
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'self'",
	}, "; ")
}

// servePage renders the page with a fresh nonce and sends it.
func (h *handler) servePage(w http.ResponseWriter, r *http.Request) {
	data := h.page
	data.Nonce = rand.Text()
	var page bytes.Buffer
	if err := pageTemplate.Execute(&page, data); err != nil {
		http.Error(w, "rendering the playground page failed", http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("Content-Security-Policy", contentSecurityPolicy(data.Nonce))
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(page.Bytes()))
}
