// Package pg opens newsgraph's connections to PostgreSQL, with its
// settings: pools (NewPool, Open: statement, lock and idle timeouts,
// generic plans kept, no JIT, a cancel request when a context ends),
// connections of their own for bulk work (Connect), for notices (Listen)
// and for short work outside the pools (ConnectURL), the database itself
// (EnsureDatabase); and what the connections send: the count of
// statements sent in a context (CountStatements), which the N+1 guards
// read, and named arguments rewritten to $n once per statement text
// (Positional). Its one job is connecting; every pool and connection of
// the server is made here, or by db/route on the configuration of a pool
// made here (a standby's health check, the custom-plan pools).
//
// What it must not do: say any SQL but the session's own (LISTEN, the WAL
// position of a Listener, CREATE DATABASE); know the store's tables, rows
// or errors; import db. Packages outside db/... use it to make the pool
// they hand to db.NewStore (the API's tests too, with a Tracer), to
// listen, for a bulk loader's connection (the synthetic corpus generator,
// bench/corpus) and to read PostgreSQL's statistics (the load tool,
// bench). TestOnlyDBConnects checks that no code outside db/ opens a
// connection or a pool itself.
package pg
