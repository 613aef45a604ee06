// Command gen builds graph/reader/assets from the TypeScript sources in
// src/ and the npm packages pinned in package.json and package-lock.json
// beside it. It is meant to be run by go generate, which starts it in
// graph/reader:
//
//	go generate ./graph/reader/
//
// In a temporary directory, so node_modules never appears in the work tree,
// gen runs `npm ci`, then graphql-codegen over graph/schema/*.graphqls and
// the operations in src/ (the generated types are copied back into
// src/gql/ and committed), tsc to check the types, and esbuild to bundle
// src/main.ts. It writes assets/reader.js, assets/reader.css and
// assets/LICENSES.txt, the licenses of the packages bundled. npm ci checks
// every tarball against the lock file, so running gen again reproduces the
// same files.
package main
