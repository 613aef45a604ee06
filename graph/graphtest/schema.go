package graphtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// SchemaFiles loads the schema from graph/schema/*.graphqls, wherever the
// test runs.
func SchemaFiles(t testing.TB) *ast.Schema {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(here), "..", "schema")
	files, err := filepath.Glob(filepath.Join(dir, "*.graphqls"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files under graph/schema: %v", err)
	}
	var sources []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, err := filepath.Rel(filepath.Join(dir, ".."), f) // as the files were named from graph/
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: rel, Input: string(b)})
	}
	schema, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		t.Fatalf("load schema files: %v", err)
	}
	return schema
}
