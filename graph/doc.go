// Package graph is newsgraph's GraphQL face: the schema (schema/*.graphqls),
// thin resolvers over the db package, per-request batched loaders, relay
// global IDs and cursors, and the HTTP handler that serves the API, the
// embedded playground and the health endpoints.
//
// Resolvers hold no SQL and no business rules; they decode arguments, load
// through the request's Loaders, and return db's domain types, which the
// schema binds directly. The generated executor lives in graph/generated.
package graph
