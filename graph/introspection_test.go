package graph_test

import (
	"slices"
	"strings"
	"testing"
)

// introspectionQuery reads every type with its fields, arguments, input
// fields and enum values, and their descriptions.
const introspectionQuery = `query Introspection {
  __schema {
    queryType { name }
    types {
      kind name description
      fields(includeDeprecated: true) { name description args { name description } }
      inputFields { name description }
      enumValues(includeDeprecated: true) { name description }
      interfaces { name }
      possibleTypes { name }
    }
  }
}`

type introType struct {
	Kind, Name, Description string
	Fields                  []struct {
		Name, Description string
		Args              []struct{ Name, Description string }
	}
	InputFields               []struct{ Name, Description string }
	EnumValues                []struct{ Name, Description string }
	Interfaces, PossibleTypes []struct{ Name string }
}

// builtinScalars come from the GraphQL specification, not newsgraph.
var builtinScalars = []string{"String", "Int", "Float", "Boolean", "ID"}

// TestIntrospection checks that introspection serves the schema in
// graph/schema/*.graphqls and that every type, field, argument, input
// field and enum value of it is described.
func TestIntrospection(t *testing.T) {
	var got struct {
		Schema struct {
			QueryType struct{ Name string }
			Types     []introType
		} `json:"__schema"`
	}
	data(t, introspectionQuery, nil, &got)
	if got.Schema.QueryType.Name != "Query" {
		t.Errorf("queryType %q; want Query", got.Schema.QueryType.Name)
	}
	served := map[string]introType{}
	for _, typ := range got.Schema.Types {
		if strings.HasPrefix(typ.Name, "__") || slices.Contains(builtinScalars, typ.Name) {
			continue
		}
		served[typ.Name] = typ
	}

	t.Run("MatchesSchemaFiles", func(t *testing.T) {
		schema := schemaFiles(t)
		for name, def := range schema.Types {
			if strings.HasPrefix(name, "__") || slices.Contains(builtinScalars, name) {
				continue
			}
			typ, ok := served[name]
			if !ok {
				t.Errorf("type %s is in the schema files but not served", name)
				continue
			}
			if typ.Kind != string(def.Kind) {
				t.Errorf("%s is served as %s; want %s", name, typ.Kind, def.Kind)
			}
			var want, have []string
			for _, f := range def.Fields {
				if strings.HasPrefix(f.Name, "__") {
					continue
				}
				entry := f.Name
				for _, a := range f.Arguments {
					entry += " " + a.Name
				}
				want = append(want, entry)
			}
			for _, f := range typ.Fields {
				entry := f.Name
				for _, a := range f.Args {
					entry += " " + a.Name
				}
				have = append(have, entry)
			}
			for _, f := range typ.InputFields {
				have = append(have, f.Name)
			}
			for _, v := range def.EnumValues {
				want = append(want, v.Name)
			}
			for _, v := range typ.EnumValues {
				have = append(have, v.Name)
			}
			if !slices.Equal(sorted(have), sorted(want)) {
				t.Errorf("%s serves %q; the schema files say %q", name, sorted(have), sorted(want))
			}
		}
		for name := range served {
			if _, ok := schema.Types[name]; !ok {
				t.Errorf("type %s is served but in no schema file", name)
			}
		}
	})

	t.Run("EverythingDescribed", func(t *testing.T) {
		undescribed := func(s string) bool { return strings.TrimSpace(s) == "" }
		for name, typ := range served {
			if undescribed(typ.Description) {
				t.Errorf("type %s has no description", name)
			}
			for _, f := range typ.Fields {
				if undescribed(f.Description) {
					t.Errorf("field %s.%s has no description", name, f.Name)
				}
				for _, a := range f.Args {
					if undescribed(a.Description) {
						t.Errorf("argument %s.%s(%s) has no description", name, f.Name, a.Name)
					}
				}
			}
			for _, f := range typ.InputFields {
				if undescribed(f.Description) {
					t.Errorf("input field %s.%s has no description", name, f.Name)
				}
			}
			for _, v := range typ.EnumValues {
				if undescribed(v.Description) {
					t.Errorf("enum value %s.%s has no description", name, v.Name)
				}
			}
		}
	})

	t.Run("NodeImplementations", func(t *testing.T) {
		var have []string
		for _, p := range served["Node"].PossibleTypes {
			have = append(have, p.Name)
		}
		if !slices.Equal(sorted(have), sorted(nodeTypes)) {
			t.Errorf("types implementing Node %v; want %v", sorted(have), sorted(nodeTypes))
		}
	})
}
