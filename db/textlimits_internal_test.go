package db

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
		case reflect.String:
			if _, ok := textLimits[fieldName(path)]; !ok {
				t.Errorf("%s has no entry in textLimits", path)
			}
		case reflect.Struct:
			if seen[typ] {
				return
			}
			seen[typ] = true
			for i := range typ.NumField() {
				name, _, _ := strings.Cut(typ.Field(i).Tag.Get("yaml"), ",")
				if name != "" && name != "-" {
					walk(typ.Name()+"."+name, typ.Field(i).Type)
				}
			}
		}
	}
	walk("", reflect.TypeOf(Document{}))
	if len(seen) < 15 {
		t.Errorf("walked %d types; want every document type", len(seen))
	}
}
