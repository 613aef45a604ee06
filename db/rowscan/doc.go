// Package rowscan reads query results into Go values: rows into structs,
// field by column name, strictly (Strict: a column a statement forgot is
// an error, not a zero field) or by name alone (Collect), matching columns
// to fields once a result rather than once a row; and the flat JSON
// objects some columns hold (FlatObject), without encoding/json's
// reflection or a reader on the heap. It is the row scanner of package db's reads, which read a
// few thousand rows a request.
//
// What it must not do: run statements, hold connections or know the
// store's tables and types (db passes its Keyset type as the one optional
// struct, and decodes its own dates with FlatObject); import db.
package rowscan
