package graph_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestReadmeOperationsAreValid checks every GraphQL block of the README
// against the schema, so the examples users copy keep working.
func TestReadmeOperationsAreValid(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	schema := schemaFiles(t)
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) < 5 {
		t.Fatalf("%d GraphQL blocks in the README; want the examples", len(blocks))
	}
	for i, b := range blocks {
		if _, errs := gqlparser.LoadQueryWithRules(schema, string(b[1]), nil); errs != nil {
			t.Errorf("README GraphQL block %d: %v\n%s", i+1, errs, b[1])
		}
	}
}

// schemaFiles loads the schema from graph/schema/*.graphqls.
func schemaFiles(t *testing.T) *ast.Schema {
	t.Helper()
	return graphtest.SchemaFiles(t)
}
