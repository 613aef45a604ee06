// Package db is newsgraph's store: its domain (the rows the API reads, the
// stored vocabularies, error codes) and its reads in PostgreSQL: the
// queries the API reads with and the change events. Writing the curated
// documents (import, edits and the lookups they make first, recording
// change events, export) is its subpackage curate's job, which reaches
// transactions and the read-back of written rows through a small seam
// (writes.go: Store.InTx, a root listing's Written and QueueWritten); db
// imports neither curate nor the format's package document, which owns the
// limits on the documents' texts. The package knows nothing of GraphQL,
// HTTP, YAML or the curated format: it returns domain structs and errors
// classified by Code, whose messages are safe to show to callers; any
// other error is internal.
// Search is its subpackage search's job (db/search: one statement over
// every type, by full text and by name, with counts and snippets), which
// writes its own statement and pages it through a seam of keyset.go:
// PageQuery (named arguments and a page's keyset conditions in an
// Ordering), FinishPage and FetchAll (the Store's routed reads, scanned
// strictly); db does not import search.
//
// Everything the server says in SQL lives here or under db/. Beneath db,
// five packages have one job each and import nothing of it:
//   - db/pg connects: every pool and connection is made there (NewPool,
//     Open, Connect, Listen), with newsgraph's settings. The caller makes
//     the primary's pool and hands it to NewStore; UseStandbys makes the
//     standbys' with the same function.
//   - db/route decides where each read runs. The Store holds one
//     route.Router (Store.Router) and sends every read through it
//     (Store.read, route.Reads): the primary, unless the caller's context
//     asks for a standby (Router.ReadFromStandby) and one in rotation has
//     replayed what it must see; and the primary's or the standby's
//     custom-plan pool for the reads of a filtered listing or aggregate
//     (Reads.ForValues: page.go's statements, planned for their values).
//     A committed transaction's WAL position is noted there (inTx:
//     Router.NoteCommit). Nothing in db keeps its own pools or servers.
//   - db/rowscan reads rows into the domain structs (scanRows: strict, the
//     listing's Keyset optional) and partial dates (PartialDate.ScanBytes).
//   - db/aggregate writes the statements of aggregates (groups.go): db
//     checks the GroupBy, chooses the rows with the listing builder and
//     hands over only strings, the FROM list and a WHERE condition whose
//     values are named arguments (or, for the children of many parents,
//     the WITH entries ending in list_rows(list_parent, rid)); it runs the
//     statement and reads the groups into Group. Neither the listing
//     builder nor the filters are exported for it.
//   - db/migrations holds the schema; Ready checks its version.
//
// The one other speaker of SQL is the synthetic corpus generator,
// bench/corpus, a bulk loader outside the server (on a pg.Connect
// connection).
//
// # The read model
//
// One file per aggregate holds its domain type, its reads and its
// listings: articles.go (with paragraphs and credits), statements.go,
// figures.go (with the facts figures of several articles state),
// entities.go (people, organizations, places, events, affiliations),
// agreements.go, projects.go, topics.go, evidence.go, audit.go.
// Aggregates (groups.go) have a file of their own, search a package of
// its own (db/search, above). What
// they share is small: page.go (keyset pages: cursors, the listing builder
// and the statement shapes of pages and counts), lists.go (root listings,
// Listing: AllArticles, ...; nested listings, Relation), read.go (reading
// by id and by parent, orderings, the filters' and, or, not, and scanRows).
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
// filter's conditions (added in the filter's conditions method: the
// common ones, a column among ids, enum names, a subtree, a date range,
// topics or a text search, by where's helpers, the others written whole;
// its and, or and not parts by the Boolean it embeds) and the ordering's
// keys. User values never enter the text: they travel as
// arguments. A root listing may read its page in a shape of its own
// (Listing.walk): the figures whose metric holds a substring, in article
// order, by the distinct metrics first (figuresByMetricSQL in figures.go,
// figure_metrics of migration 000030), planned once for all values
// (listing.planOnce: its walk's index is pinned by a collation, migration
// 000033). A fixed statement per listing with optional parts, such as
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
// write side already used them. fetchAll has pgx rewrite a statement's
// text once and keeps it (pg.Positional: pgx lexed a search's 15 KB at
// every run). Rows are read into structs strictly
// (scanRows): a column a statement lacks is an error, not a zero field.
// A read of one row by slug returns ErrNotFound when there is none; reads
// of many rows by id leave out ids that name nothing; no read returns
// (nil, nil).
package db
