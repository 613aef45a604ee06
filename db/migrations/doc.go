// Package migrations is newsgraph's schema: the numbered migrations in
// this folder (NNNNNN_name.up.sql and .down.sql, golang-migrate's form),
// compiled into the binary, and the Migrator that applies or reverts them
// on one database (Up, Down, Version) and tells the newest (Latest). Its
// one job is the schema's versions.
//
// What it must not do: read or write rows, or hold connections beyond a
// Migrator's own; a migration, once on main, is never edited: a change is
// a new migration.
package migrations
