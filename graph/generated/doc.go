// Package generated is gqlgen's executor for the schema in
// graph/schema/*.graphqls: parsing results into the resolvers' calls,
// field by field, and marshalling their answers. Its one file besides
// this one, generated.go, is written by `go generate ./...` (gqlgen,
// configured by gqlgen.yml) and is never edited by hand; CI fails when it
// is stale. The resolvers it calls are package graph's.
package generated
