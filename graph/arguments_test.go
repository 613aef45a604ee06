package graph_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/input"
)

// TestArgumentChecksOnlyWhenRefused checks that ArgumentChecks leaves an
// operation whose arguments pass without a field middleware (gqlgen's
// default, which allocates nothing per field), and puts CheckArguments
// around the fields of one with a refused text anywhere: in a nested
// field, an inline fragment or a named fragment.
func TestArgumentChecksOnlyWhenRefused(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{}})
	plain := executor.New(schema)
	checked := executor.New(schema)
	checked.Use(input.ArgumentChecks{})
	middleware := func(e *executor.Executor, query string, vars map[string]any) uintptr {
		t.Helper()
		ctx := graphql.StartOperationTrace(context.Background())
		oc, errs := e.CreateOperationContext(ctx, &graphql.RawParams{Query: query, Variables: vars})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", query, errs)
		}
		return reflect.ValueOf(oc.ResolverMiddleware).Pointer()
	}
	const front = `query($n: String) { articles(first: 2) { nodes { statements(first: 3, filter: { text: $n }) { totalCount } } } }`
	none := middleware(plain, front, map[string]any{"n": "x"})
	tests := []struct {
		name, query string
		vars        map[string]any
		refused     bool
	}{
		{"Passes", front, map[string]any{"n": "energy"}, false},
		{"NoArguments", `{ articles { totalCount } }`, nil, false},
		{"NestedNUL", front, map[string]any{"n": "a\x00b"}, true},
		{"InlineFragmentNUL", `{ ... on Query { entity(slug: "a\u0000b") { id } } }`, nil, true},
		{"FragmentSlugTooLong", `query($s: String!) { ...F } fragment F on Query { topic(slug: $s) { id } }`,
			map[string]any{"s": string(make([]byte, 1000))}, true},
		{"MutationIDWithNUL", `mutation($id: String) { deletePerson(input: { id: "UGVyc29uOjE", clientMutationId: $id }) { deletedId } }`,
			map[string]any{"id": "a\x00b"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := middleware(checked, tt.query, tt.vars) != none
			if got != tt.refused {
				t.Errorf("field middleware installed: got %v; want %v", got, tt.refused)
			}
		})
	}
}
