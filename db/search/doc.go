// Package search is the store's search: one statement that finds
// articles, statements, figures, agreements, events, projects and topics
// by full text (the search_documents of migration 000022, a bounded
// candidate set of each type ranked with ts_rank_cd) and people,
// organizations and places by the words of their names (typos tolerated in
// longer words), counts the hits of each type, and returns one keyset page
// of hits with their snippets (Find, FindCounted). Its one job is
// that statement: reading the query the way websearch_to_tsquery does
// (query.go), writing the SQL (search.go) and turning the marked snippets
// PostgreSQL returns into text and highlighted ranges (Snippet).
//
// It reaches PostgreSQL only through package db, by the small seam db
// exports for it (keyset.go): PageQuery holds the statement's named
// arguments and the keyset conditions of a page in an Ordering (cursors
// checked as every listing's are), FinishPage trims the row beyond the
// page, and FetchAll runs the statement on the Store's routed reads and
// scans its rows strictly. Errors are db's (db.Errorf with db.CodeInvalid
// for a query, type, sort or cursor the caller got wrong).
//
// What it must not do: open pools or connections, or route reads itself;
// take user values into the SQL text (they travel as arguments; the text
// is its constants and whitelisted names); load the rows its hits name
// (a hit is a kind and an id: package graph loads them through its
// loaders); know GraphQL, HTTP or the curated format. Package db does not
// import it.
package search
