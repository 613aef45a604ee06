// Package playground serves a GraphiQL IDE for the newsgraph API that works
// offline. React, GraphiQL and GraphiQL's query-builder plugin are fetched
// from npm at build time by gen (go generate), committed under assets/ and
// embedded in the binary; the page loads nothing from any origin but its own.
//
// # Mount contract
//
// The http.Handler returned by Handler routes on the request path it sees:
//
//   - "/" is the HTML page;
//   - "/playground/assets/NAME" is the embedded file NAME;
//   - every other path is 404 Not Found.
//
// The page refers to its assets by relative URLs such as
// "playground/assets/graphiql.min.js?v=…", so it works mounted at the
// server's root, where it also answers 404 for any path no other pattern
// claims:
//
//	mux.Handle("/query", srv)
//	mux.Handle("/", playground.Handler("newsgraph", "/query"))
//
// which serves the page at "/" and the assets under "/playground/assets/",
// and below a prefix, with the prefix stripped and a pattern ending in a
// slash so that the page's URL does too:
//
//	mux.Handle("/graphiql/", http.StripPrefix("/graphiql", playground.Handler("newsgraph", "/query")))
//
// which serves the page at "/graphiql/" and the assets under
// "/graphiql/playground/assets/".
//
// # Headers
//
// Every page and asset response has "X-Content-Type-Options: nosniff".
//
// The page has a Content-Security-Policy that lets scripts, styles, images,
// fonts and connections (HTTP and WebSocket) come only from the page's own
// origin, plus the data: URLs of the images and fonts inlined in GraphiQL's
// CSS and the inline scripts and styles that carry the response's nonce: the
// page's own, and the style elements GraphiQL's dialogs add. As the nonce is
// new in every response, the page is sent with "Cache-Control: no-store" and
// no ETag; it is small, and browsers pick up new assets after a deploy.
//
// An asset has an ETag and honours If-None-Match. Requested with the "v"
// query parameter the page uses, a hash of the asset's content, it is sent
// with "Cache-Control: public, max-age=31536000, immutable"; with any other
// or no "v", with "Cache-Control: no-cache".
//
// # Assets
//
// gen/package.json and gen/package-lock.json pin the npm packages;
//
//	go generate ./graph/playground/
//
// runs npm ci in a temporary directory and rewrites assets/ with the same
// bytes for the same lock file. To move to other versions, change
// gen/package.json, run `npm install --package-lock-only` in gen/ and then
// go generate. assets/LICENSES.txt, served like the other assets, holds the
// packages' licenses.
//
// The package does not build on gqlgen's graphql/playground: its page always
// emits CDN-style integrity and crossorigin attributes, has inline code
// without a nonce and offers no default query.
package playground
