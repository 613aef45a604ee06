// Package serve is the HTTP side of newsgraph's API: NewHandler and the
// ordered chain of layers a request to /query passes through (compression,
// request id, CORS, logging and metrics, readiness, authentication by API
// token, deadlines, consistency tokens, bounded body reading, admission of
// at most Limits.InFlight requests at once), the GraphQL-over-HTTP
// transports and the websocket for subscriptions, the limits checked
// before an operation runs (tokens, depth, aliases, repeats, directives,
// cost), persisted queries and the allow list, the response cache, the
// subscription broker, the error presenter (db's error codes to
// extensions.code; anything else is "internal server error" with the
// request id), /metrics, /healthz, /readyz, /schema.graphql, and the mounts
// of the embedded playground (graph/playground) and reader (graph/reader).
//
// It executes the schema of package graph, whose resolvers it gives what
// they need of a request through graph's seams (graph.WithRequestID,
// graph.WithActor, graph.Events, graph.LoaderMetrics).
//
// What does not belong here: resolvers, loaders, relay IDs or anything
// else about the schema (package graph), and SQL. It reaches PostgreSQL
// only through db/...: the response cache and the broker listen for
// notices with db/pg's Listen, readiness goes through db.Store, and
// standby routing through its Router (db/route).
package serve
