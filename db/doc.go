// Package db is newsgraph's store: its domain (the rows the API reads, the
// stored vocabularies, error codes) and its storage in PostgreSQL: the
// queries the API reads with, change events, reads routed to standbys,
// and the embedded schema migrations. Writing the curated documents
// (import, edits, export) is its subpackage curate's job, which reaches
// transactions and the read-back of written rows through a small seam
// (writes.go: Store.InTx, RecordEvents, a root listing's Written and
// QueueWritten); db imports neither curate nor the format's package
// document.
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
//
// # The read model
//
// One file per aggregate holds its domain type, its reads and its
// listings: articles.go (with paragraphs and credits), statements.go,
// figures.go (with the facts figures of several articles state),
// entities.go (people, organizations, places, events, affiliations),
// agreements.go, projects.go, topics.go, evidence.go, audit.go. Search
// (search.go) and aggregates (aggregate.go) have files of their own. What
// they share is small: page.go (keyset pages: cursors, the listing builder
// and the statement shapes of pages and counts), lists.go (root listings,
// Listing: AllArticles, ...; nested listings, Relation), read.go (reading by id and by parent,
// orderings, the filters' and, or, not), scan.go (the row scanner: strict, and matching columns once a result).
//
// Each read by id, by slug or by parent is one SQL string, a const next to
// the function that runs it, written out whole. Three are not yet:
// NamedEntities and EvidenceOfAll join one const branch per kind asked for
// with UNION ALL (one statement of all kinds, the others given empty
// arrays, got a generic plan of parallel workers, 0.4 s for a
// millisecond's work), the facts across figures (figures.go) share the
// grouping subquery figureClaimFrom, and Missing names its table from a
// fixed list. A listing cannot be: its
// filter is a boolean tree the caller builds (and, or, not over a dozen
// conditions), and it orders by one of several orderings, each with its
// own index (migration 000010), read forwards or backwards after or before
// a cursor. So a listing's statement is one of a few shapes (pageSQL,
// countSQL, nestedSQL, ... in page.go), each one readable const with named
// parts ({columns}, {from}, {where}, {order}, ...), filled from the
// listing's constants (its FROM and columns, next to its type), the
// filter's conditions (each written whole in the filter's sql method) and
// the ordering's keys. User values never enter the text: they travel as
// arguments. A fixed statement per listing with optional parts, such as
// `($1::bigint IS NULL OR (s.article_id, s.position, s.id) > ($1, $2, $3))`,
// was measured and refused: under a generic plan PostgreSQL cannot use such
// a condition to start the index scan at the cursor, and filters the
// whole index up to it instead (a statements page after article 9,000 of
// 10,000: 84,635 rows removed by the filter, against an index condition
// that reads 22). sqlc was not taken for the same reason: it checks fixed
// statements, and the listings, the bulk of the reads, are not fixed; the
// fixed reads gain little from generated code over a const and the strict
// scanner.
//
// Arguments are named (@ids, @parents, @slug; @a1, @a2, ... for a
// filter's values) in every read: pgx rewrites them to $n, so a statement
// reads as its own documentation, and the listing builder, search and the
// write side already used them. Rows are read into structs strictly
// (scanRows): a column a statement lacks is an error, not a zero field.
// A read of one row by slug returns ErrNotFound when there is none; reads
// of many rows by id leave out ids that name nothing; no read returns
// (nil, nil).
package db
