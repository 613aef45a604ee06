// Package embedsite is what the two web clients embedded in the server
// (graph/playground and graph/reader) share: reading their embedded files,
// each with a hash of its content, and serving a page and those files with
// the same routing, methods and caching. What the page is, and its own
// headers, are each client's.
//
// What does not belong here: anything about one client (its page, its
// Content-Security-Policy) and building the files (graph/internal/npmgen,
// at go generate time).
package embedsite
