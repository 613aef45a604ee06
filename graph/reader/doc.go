// Package reader serves newsgraph's reference reader: a small web client,
// built from the GraphQL API as any frontend would be, that lists the
// articles with search, shows an article's verbatim text with every
// statement, figure and agreement highlighted at its evidence, and a page
// for each person and organization with their statements. It is
// documentation that runs: gen/src/ holds its TypeScript, which uses urql
// and graphql-ws and the types graphql-codegen generates from the schema.
//
// # Mount contract
//
// The handler routes on the path it sees: "/" is the page and
// "/assets/NAME" an embedded file; anything else is 404. The page loads its
// assets by relative URLs and talks to the API at the absolute path
// "/query", so it is mounted below a prefix with the prefix stripped:
//
//	mux.Handle("/reader/", http.StripPrefix("/reader", reader.Handler()))
//
// # Headers
//
// Every response has "X-Content-Type-Options: nosniff". The page has a
// Content-Security-Policy that lets scripts, styles and connections (HTTP
// and WebSocket) come only from its own origin, and is sent with
// "Cache-Control: no-cache". An asset has an ETag; requested with the "v"
// query parameter the page uses, a hash of its content, it is cached for a
// year as immutable.
//
// # Assets
//
//	go generate ./graph/reader/
//
// rebuilds assets/ (and gen/src/gql/, the generated types) from gen/ and
// the schema, from the npm packages pinned in gen/package-lock.json.
package reader
