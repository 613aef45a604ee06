// Package bench is newsgraph's load tool (`newsgraph bench`): it drives a
// running server over HTTP with GraphQL operations read from .graphql files
// (the canonical ones are in operations/, compiled in), at a given
// concurrency and for a given time after a warm-up, one operation after
// another, and reports for each its throughput, latency percentiles,
// errors, SQL statements per request and the server's peak memory.
//
// It depends on no other newsgraph package but db/pg (to connect to
// PostgreSQL for its statistics): it sees the server only as an HTTP
// endpoint, PostgreSQL's statistics and the server's /proc entry.
// The corpus it is run on comes from bench/corpus (bench/cmd/generate),
// which does import db.
package bench
