package embedsite

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// An Asset is an embedded file ready to serve.
type Asset struct {
	body        []byte
	contentType string
	// version is a hash of body, used as its ETag and as the "v" query
	// parameter of the URL the page loads it from.
	version string
}

// contentTypes maps the extensions of the embedded files to the
// Content-Type they are served with, independent of the machine's MIME
// tables.
var contentTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".js":  "text/javascript; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
}

// Load reads the files in dir of fsys and maps their names to them. A file
// whose extension has no content type is an error.
func Load(fsys fs.FS, dir string) (map[string]Asset, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	assets := make(map[string]Asset, len(entries))
	for _, e := range entries {
		contentType, ok := contentTypes[path.Ext(e.Name())]
		if !ok {
			return nil, fmt.Errorf("no content type for embedded asset %q", e.Name())
		}
		body, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(body)
		assets[e.Name()] = Asset{body: body, contentType: contentType, version: hex.EncodeToString(sum[:8])}
	}
	return assets, nil
}

// A Site is an http.Handler that routes on the path it sees: "/" is Page,
// AssetsPath followed by a name the asset of that name, and anything else
// 404 Not Found. It answers GET and HEAD (other methods get 405 with an
// Allow header), every response with "X-Content-Type-Options: nosniff".
// An asset has an ETag and honours If-None-Match; requested with the "v"
// query parameter its URL carries, a hash of its content, it is sent with
// "Cache-Control: public, max-age=31536000, immutable", with any other or
// no "v" with "Cache-Control: no-cache".
type Site struct {
	Name       string // the client's package below graph, for messages: "reader"
	AssetsPath string // such as "/assets/": it starts and ends with a slash
	Assets     map[string]Asset
	Page       http.HandlerFunc
}

// URL returns the URL, relative to the page, that loads the asset name in
// its current version. It panics if there is no such asset: the assets
// were not generated.
func (s *Site) URL(name string) string {
	a, ok := s.Assets[name]
	if !ok {
		panic(fmt.Sprintf("%s: embedded assets lack %q: run go generate ./graph/%[1]s/", s.Name, name))
	}
	return strings.TrimPrefix(s.AssetsPath, "/") + name + "?v=" + a.version
}

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	isPage := r.URL.Path == "/"
	var a Asset
	ok := isPage
	if name, isAsset := strings.CutPrefix(r.URL.Path, s.AssetsPath); isAsset {
		a, ok = s.Assets[name]
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if isPage {
		s.Page(w, r)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("ETag", `"`+a.version+`"`)
	if r.URL.Query().Get("v") == a.version {
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.body))
}
