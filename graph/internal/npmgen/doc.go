// Package npmgen is what the generators of the embedded front-end assets
// (graph/playground/gen and graph/reader/gen) share: running npm in a
// scratch copy of a pinned npm project, copying files out of it, and
// writing the licenses of the packages whose code is embedded. It runs at
// go generate time only; nothing in the server imports it.
package npmgen
