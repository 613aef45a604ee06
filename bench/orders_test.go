package bench_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/bench"
)

// orderedListings are the connections TestOrderPlans reads in every order
// their orderBy enum offers: each root connection, and nested ones whose
// parents have many children (a query with %s for the orderBy argument).
var orderedListings = []struct {
	name, enum, query string
	root              bool // a root connection: its page reads an index in order, without a sort
}{
	{"articles", "ArticleOrderField", `{ articles(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"statements", "StatementOrderField", `{ statements(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"figures", "FigureOrderField", `{ figures(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"agreements", "AgreementOrderField", `{ agreements(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"people", "PersonOrderField", `{ people(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"organizations", "OrganizationOrderField", `{ organizations(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"places", "PlaceOrderField", `{ places(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"events", "EventOrderField", `{ events(first: 20, after: $after, %s) { nodes { id } pageInfo { endCursor } } }`, true},
	{"person.statements", "StatementOrderField", `{ people(first: 5, orderBy: {field: STATEMENTS, direction: DESC}) {
		nodes { statements(first: 10, %s) { nodes { id } } } } }`, false},
	{"organization.statements", "StatementOrderField", `{ organizations(first: 5, orderBy: {field: STATEMENTS, direction: DESC}) {
		nodes { statements(first: 10, %s) { nodes { id } } } } }`, false},
	{"topic.statements", "StatementOrderField", `{ topics(first: 5) { nodes { statements(first: 10, %s) { nodes { id } } } } }`, false},
	{"article.statements", "StatementOrderField", `{ articles(first: 5) { nodes { statements(first: 10, %s) { nodes { id } } } } }`, false},
	{"place.figures", "FigureOrderField", `{ places(first: 5, orderBy: {field: STATEMENTS, direction: DESC}) { nodes { figures(first: 10, %s) { nodes { id } } } } }`, false},
	{"topic.figures", "FigureOrderField", `{ topics(first: 5) { nodes { figures(first: 10, %s) { nodes { id } } } } }`, false},
	{"place.articles", "ArticleOrderField", `{ places(first: 5, orderBy: {field: STATEMENTS, direction: DESC}) { nodes { articles(first: 10, %s) { nodes { id } } } } }`, false},
	{"topic.articles", "ArticleOrderField", `{ topics(first: 5) { nodes { articles(first: 10, %s) { nodes { id } } } } }`, false},
	{"organization.members", "PersonOrderField", `{ organizations(first: 5) { nodes { members(first: 10, %s) { nodes { id } } } } }`, false},
	{"place.agreements", "AgreementOrderField", `{ places(first: 5) { nodes { agreements(first: 10, %s) { nodes { id } } } } }`, false},
	{"article.organizations", "OrganizationOrderField", `{ articles(first: 5) { nodes { organizations(first: 10, %s) { nodes { id } } } } }`, false},
	{"article.places", "PlaceOrderField", `{ articles(first: 5) { nodes { places(first: 10, %s) { nodes { id } } } } }`, false},
	{"article.events", "EventOrderField", `{ articles(first: 5) { nodes { events(first: 10, %s) { nodes { id } } } } }`, false},
}

// TestOrderPlans reads every connection of orderedListings in every order
// of its enum, both directions (the root connections on their first page
// and on the page after it), and fails on a sequential scan of a big table
// in the plan of any statement the server sends, custom or generic; a
// root connection also fails on a sort of a big table's rows (its order's
// index gives them in order). Every value of every orderBy enum is read by
// some root connection, so an order added without an index fails here.
func TestOrderPlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	ctx := context.Background()
	enums := map[string][]string{}
	covered := map[string]bool{}
	for _, l := range orderedListings {
		if enums[l.enum] != nil {
			continue
		}
		raw, err := bench.Post(ctx, h.URL, body(t, fmt.Sprintf(`{ __type(name: %q) { enumValues { name } } }`, l.enum), nil))
		if err != nil {
			t.Fatal(err)
		}
		var answer struct {
			Data struct {
				Type struct{ EnumValues []struct{ Name string } } `json:"__type"`
			}
		}
		if err := json.Unmarshal(raw, &answer); err != nil || len(answer.Data.Type.EnumValues) == 0 {
			t.Fatalf("%s: %s %v; want its values", l.enum, raw, err)
		}
		for _, v := range answer.Data.Type.EnumValues {
			enums[l.enum] = append(enums[l.enum], v.Name)
		}
	}
	for _, l := range orderedListings {
		for _, field := range enums[l.enum] {
			for _, dir := range []string{"ASC", "DESC"} {
				t.Run(fmt.Sprintf("%s/%s_%s", l.name, field, dir), func(t *testing.T) {
					query := fmt.Sprintf(l.query, fmt.Sprintf("orderBy: {field: %s, direction: %s}", field, dir))
					vars := []map[string]any{{}}
					if l.root {
						query = "query($after: String) " + query
						raw, err := bench.Post(ctx, h.URL, body(t, query, nil))
						if err != nil {
							t.Fatal(err)
						}
						var page map[string]struct {
							PageInfo struct{ EndCursor *string }
						}
						var answer struct{ Data json.RawMessage }
						if err := json.Unmarshal(raw, &answer); err != nil || json.Unmarshal(answer.Data, &page) != nil {
							t.Fatalf("%s: %v", raw, err)
						}
						if c := page[l.name].PageInfo.EndCursor; c != nil {
							vars = append(vars, map[string]any{"after": *c})
						}
						covered[l.enum+"."+field] = true
					}
					op := &bench.Operation{Name: l.name, Query: query, Variables: vars}
					for _, sent := range h.run(t, op) {
						if len(sent) == 0 {
							t.Fatal("the server sent no SQL")
						}
						for _, st := range sent {
							for kind, plan := range map[string]map[string]any{"custom": h.plan(t, st, false), "generic": h.genericPlan(t, st)} {
								if plan == nil {
									continue
								}
								for _, rel := range seqScans(plan) {
									if slices.Contains(bigTables, rel) {
										t.Errorf("sequential scan of %s in the %s plan of: %s", rel, kind, abbreviate(st.SQL))
									}
								}
								if l.root {
									for _, rel := range sortedTables(plan) {
										if slices.Contains(bigTables, rel) {
											t.Errorf("a sort of %s in the %s plan of: %s", rel, kind, abbreviate(st.SQL))
										}
									}
								}
							}
						}
					}
				})
			}
		}
	}
	for enum, fields := range enums {
		for _, f := range fields {
			if !covered[enum+"."+f] {
				t.Errorf("%s.%s: no root connection read in this order", enum, f)
			}
		}
	}
}

// sortedTables returns the relations whose rows a Sort node of a plan
// sorts (an Incremental Sort, which sorts rows already in order by a
// prefix of the keys, does not count).
func sortedTables(node map[string]any) []string {
	var out []string
	walkPlan(node, func(n map[string]any) {
		if n["Node Type"] != "Sort" {
			return
		}
		walkPlan(n, func(m map[string]any) {
			if r, ok := m["Relation Name"].(string); ok {
				out = append(out, r)
			}
		})
	})
	return out
}

// body is a GraphQL request body.
func body(t *testing.T, query string, vars map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	return b
}
