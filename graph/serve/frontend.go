package serve

import (
	"bytes"
	"net/http"
	"time"

	"github.com/klauspost/compress/gzhttp"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
)

// schemaHandler serves schema as SDL, the schema the API runs with every
// description, for code generators such as graphql-codegen:
//
//	GET /schema.graphql
func schemaHandler(schema *ast.Schema) http.Handler {
	var sdl bytes.Buffer
	formatter.NewFormatter(&sdl, formatter.WithIndent("  ")).FormatSchema(schema)
	body := sdl.Bytes()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/graphql; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	})
}

// compress sends responses gzip-compressed to clients that accept it, once
// they pass gzhttp's minimum size (1 KiB); WebSocket upgrades pass through.
func compress(next http.Handler) http.Handler {
	return gzhttp.GzipHandler(next)
}
