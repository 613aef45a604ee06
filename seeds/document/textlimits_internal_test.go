package document

import (
	"reflect"
	"strings"
	"testing"
)

// TestEveryTextHasALimit walks the document types: every string field
// must have its own entry in textLimits, so a field added later cannot go
// unbounded (an unlisted one would get a limit of 0).
func TestEveryTextHasALimit(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type)
	walk = func(path string, typ reflect.Type) {
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice:
			walk(path, typ.Elem())
		case reflect.Struct:
			if seen[typ] {
				return
			}
			seen[typ] = true
			for i := range typ.NumField() {
				name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
				if name == "" || name == "-" {
					continue
				}
				elem := typ.Field(i).Type
				for elem.Kind() == reflect.Pointer || elem.Kind() == reflect.Slice {
					elem = elem.Elem()
				}
				_, own := textLimits[typ.Name()+"."+name]
				_, shared := textLimits[name]
				if elem.Kind() == reflect.String && !own && !shared {
					t.Errorf("%s.%s has no entry in textLimits", typ.Name(), name)
				}
				walk(typ.Name()+"."+name, elem)
			}
		}
	}
	walk("", reflect.TypeOf(Document{}))
	if len(seen) < 15 {
		t.Errorf("walked %d types; want every document type", len(seen))
	}
}

// DocumentTextProblems is documentTextProblems, for the benchmark in
// package document_test.
var DocumentTextProblems = documentTextProblems
