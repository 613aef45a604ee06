// Package db is newsgraph's store: its domain (the rows the API reads, the
// stored vocabularies, error codes) and its storage in PostgreSQL: the
// queries the API reads with, change events, reads routed to standbys,
// and the embedded schema migrations. Writing the curated documents
// (import, edits, export) is its subpackage curate's job, which reaches
// transactions and the read-back of written rows through a small seam
// (writes.go: Store.InTx, RecordEvents, Written*); db imports neither
// curate nor the format's package document.
//
// Everything the server says in SQL lives here or in db/curate, and only
// this package opens connections to PostgreSQL: the pools (Open, NewPool),
// the hot standbys' (UseStandbys), connections of their own for bulk work
// (Connect) and for notices (Listen). Which server a read goes to is
// decided here too: the primary, unless the caller's context asks for a
// standby (ReadFromStandby) and one in rotation has replayed what it must
// see. The one other speaker of SQL is the synthetic corpus generator,
// bench/corpus, a bulk loader outside the server. The package knows
// nothing of GraphQL, HTTP, YAML or the curated format (package document
// holds the format's types, parser and validator, and nothing here may
// import it): it returns domain structs and errors classified by Code,
// whose messages are safe to show to callers; any other error is internal.
package db
