// Package migrations is newsgraph's schema: the numbered migrations in
// this folder (NNNNNN_name.up.sql and .down.sql, golang-migrate's form),
// compiled into the binary, and the Migrator that applies or reverts them
// on one database (Up, Down, Version) and tells the newest (Latest). Its
// one job is the schema's versions.
//
// What it must not do: read or write rows, or hold connections beyond a
// Migrator's own; a migration, once on main, is never edited: a change is
// a new migration.
//
// The numbers have gaps (2, 8, 9, 11, 15, 17, 24 to 29): no migration of
// those numbers ever landed on main, and a number is never reused.
// The comments of the early migrations name Go files by the paths they had
// then: db/search.go is now the package db/search, graph/cache.go is
// graph/serve/cache.go, db/queries.go's orderFor is in db/read.go,
// db/facts.go is db/figures.go, and db.SearchTypes is search.Types.
package migrations
