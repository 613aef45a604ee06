// Package db is newsgraph's domain and its storage in PostgreSQL: the curated
// document format and its validator, the loader that writes documents, the
// queries the API reads with, and the embedded schema migrations.
//
// Everything that speaks SQL lives here. The package knows nothing of
// GraphQL or HTTP: it returns domain structs and errors classified by Code,
// whose messages are safe to show to callers; any other error is internal.
package db
