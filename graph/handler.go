package graph

import (
	"log/slog"
	"net/http"

	"github.com/newsgraph/newsgraph/db"
)

// NewHandler returns newsgraph's HTTP handler.
func NewHandler(store *db.Store, logger *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	return mux
}
