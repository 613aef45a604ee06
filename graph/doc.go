// Package graph is newsgraph's GraphQL face: the schema (schema/*.graphqls),
// thin resolvers over the db package (and db/curate for writes),
// per-request batched loaders, relay global IDs, cursors and page
// arguments. The generated executor lives in graph/generated, the
// GraphQL-only shapes in graph/model; the checks and conversions of a
// read's other arguments (filters into db's, the texts' limits) in
// graph/input, and the conversion of a mutation's input into the curated
// documents (and of the writer's problems into user errors) in graph/edit,
// both of which graph imports. What stays here of the mutations is the
// resolvers' share (edits.go): the request's actor, asking db/curate to
// write, the payloads, the loaders and the log.
//
// Resolvers hold no SQL and no business rules; they decode arguments, load
// through the request's Loaders, and return db's domain types, which the
// schema binds directly. A level of a query whose parents are all at hand
// (one parent, or the whole list a batch resolver gets, gqlgen.yml's
// `batch: true`) is read at once; the others gather their keys in the
// loaders' windows. The statements and figures of an article resolved
// alone share the levels below them (articlefacts.go): their evidence is
// read in one statement, their speakers and subjects in another. A root
// list's resolver reads ahead the levels below it that the operation
// selects, at once, and primes the loaders with them (ahead.go: a front
// page's statements, speakers and affiliations; a figures page's
// articles), so that no list item waits in a loader's window. Fields that
// need no I/O (ids) are methods of the rows. Arguments' texts are checked
// by graph/input, once per operation (input.ArgumentChecks).
//
// What does not belong here: anything about HTTP. The handler and its
// transports, limits and admission, tokens, the response cache, the
// subscription broker, consistency tokens, metrics, persisted queries and
// the error presenter live in graph/serve, which imports graph; graph never
// imports it. What the resolvers need of a request the HTTP side fills in
// through context.go: the request id (WithRequestID), the authenticated
// actor writes are audited as (WithActor), the change events
// subscriptions follow (Events) and the loaders' batch metrics
// (LoaderMetrics). The package reaches PostgreSQL only through db (and its
// writer, db/curate).
package graph
