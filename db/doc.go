// Package db is newsgraph's domain and its storage in PostgreSQL: the
// curated data as the store takes it (Document and its parts, the one write
// model of imports and edits alike) and its validator, the loader that
// writes it in one transaction, the queries the API reads with, and the
// embedded schema migrations.
//
// Everything the server says in SQL lives here, and only this package opens
// connections to PostgreSQL: the pools (Open, NewPool), the hot standbys'
// (UseStandbys), connections of their own for bulk work (Connect) and for
// notices (Listen). Which server a read goes to is decided here too: the
// primary, unless the caller's context asks for a standby
// (ReadFromStandby) and one in rotation has replayed what it must see. The one
// other speaker of SQL is the synthetic corpus generator, bench/corpus, a
// bulk loader outside the server. The package knows nothing of GraphQL,
// HTTP or YAML (package document parses the curated files onto Document,
// and nothing here may import it): it returns domain structs and errors
// classified by Code, whose messages are safe to show to callers; any
// other error is internal.
package db
