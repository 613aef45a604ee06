// Command gqlgenpatch removes two per-field allocations from gqlgen's
// generated executor; `go generate` runs it on graph/generated/generated.go
// right after gqlgen (see server.go).
//
// gqlgen (v0.17.95) makes, in every object's marshaler, a field set and a
// map for its @defer fragments, and at its end hands them off, computing
// the object's path for that even when nothing is deferred
// (graphql.GetPath allocates the whole path): together a fifth of a front
// page's allocations. And every scalar field's context carries a new error
// value, made on each call, for a misuse that never happens. The patch
// makes the deferred field set and map when a field is deferred, the
// hand-off conditional (ProcessDeferredGroup returns at once without
// deferred fragments, so behaviour is unchanged), and the errors
// package-level values.
//
// It fails when gqlgen's output no longer has these shapes, so that an
// upgrade of gqlgen notices; on a file it has patched already it changes
// nothing.
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"regexp"
	"sort"
)

const marker = "// Patched by graph/internal/gqlgenpatch."

var (
	deferred = regexp.MustCompile(`(?m)^\tatomic\.AddInt32\(&ec\.Deferred, int32\(min\(len\(deferLabelToView\), math\.MaxInt32\)\)\)\n\n\tec\.ProcessDeferredGroup\(graphql\.DeferredGroup\{\n\t\tDefers:   deferLabelToView,\n\t\tPath:     graphql\.GetPath\(ctx\),\n\t\tFieldSet: deferredFieldSet,\n\t\tContext:  ctx,\n\t\}\)\n`)
	noChild  = regexp.MustCompile(`errors\.New\("field of type (\w+) does not have child fields"\)`)

	deferredSet     = regexp.MustCompile(`(?m)^\tdeferredFieldSet := graphql\.NewFieldSet\(nil\)\n\tdeferLabelToView := make\(map\[string\]\*graphql\.FieldSetView\)\n`)
	deferredSetLazy = "\tvar deferredFieldSet *graphql.FieldSet // made when a field is deferred\n\tvar deferLabelToView map[string]*graphql.FieldSetView\n"
	isDeferred      = regexp.MustCompile(`(?m)^(\t+)if field\.IsDeferred\(\) \{\n`)
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gqlgenpatch FILE")
		os.Exit(2)
	}
	if err := patch(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgenpatch:", err)
		os.Exit(1)
	}
}

func patch(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if bytes.Contains(src, []byte(marker)) {
		return nil
	}
	n := len(deferred.FindAll(src, -1))
	if n == 0 {
		return fmt.Errorf("%s: no deferred-group hand-off found; has gqlgen's output changed?", path)
	}
	src = deferred.ReplaceAllFunc(src, func(block []byte) []byte {
		return append(append([]byte("\tif len(deferLabelToView) > 0 {\n"), block...), "\t}\n"...)
	})
	sets := len(deferredSet.FindAll(src, -1))
	if sets != n {
		return fmt.Errorf("%s: %d deferred field sets for %d hand-offs; has gqlgen's output changed?", path, sets, n)
	}
	src = deferredSet.ReplaceAll(src, []byte(deferredSetLazy))
	src = isDeferred.ReplaceAll(src, []byte("${1}if field.IsDeferred() {\n${1}\tif deferredFieldSet == nil {\n"+
		"${1}\t\tdeferredFieldSet = graphql.NewFieldSet(nil)\n${1}\t\tdeferLabelToView = make(map[string]*graphql.FieldSetView)\n${1}\t}\n"))
	types := map[string]bool{}
	src = noChild.ReplaceAllFunc(src, func(call []byte) []byte {
		t := string(noChild.FindSubmatch(call)[1])
		types[t] = true
		return []byte("errNoChildFields" + t)
	})
	if len(types) == 0 {
		return fmt.Errorf("%s: no scalar field contexts found; has gqlgen's output changed?", path)
	}
	names := make([]string, 0, len(types))
	for t := range types {
		names = append(names, t)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.Write(src)
	fmt.Fprintf(&b, "\n%s The errors of scalar fields' contexts, made once.\nvar (\n", marker)
	for _, t := range names {
		fmt.Fprintf(&b, "\terrNoChildFields%s = errors.New(%q)\n", t, "field of type "+t+" does not have child fields")
	}
	b.WriteString(")\n")
	out, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Printf("gqlgenpatch: %s: %d objects' deferred field sets made on demand and hand-offs conditional, %d scalar errors made once\n", path, n, len(names))
	return os.WriteFile(path, out, 0o644)
}
