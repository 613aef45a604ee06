// Package graph is newsgraph's GraphQL face: the schema (schema/*.graphqls),
// thin resolvers over the db package, per-request batched loaders, relay
// global IDs and cursors. It also holds, until they move to a package of
// their own, the HTTP side that serves the API: the handler and its
// transports, limits and admission, auth, the response cache, the
// subscription broker, consistency tokens (which route queries to
// standbys through db), metrics, persisted queries, and the embedded
// playground and health endpoints.
//
// Resolvers hold no SQL and no business rules; they decode arguments, load
// through the request's Loaders, and return db's domain types, which the
// schema binds directly. A level of a query whose parents are all at hand
// (one parent, or the whole list a batch resolver gets, gqlgen.yml's
// `batch: true`) is read at once; the others gather their keys in the
// loaders' windows. Fields that need no I/O (ids) are methods of the rows. The package reaches PostgreSQL only through db:
// the response cache and the broker listen for notices with db.Listen.
// The generated executor lives in graph/generated.
package graph
