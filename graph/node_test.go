package graph_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

// nodeIDs returns the global IDs of objects of every type that implements
// Node, taken from the lists the API offers.
func nodeIDs(t *testing.T) map[string][]string {
	t.Helper()
	var got struct {
		Articles struct {
			Nodes []struct {
				ID         string
				Paragraphs []struct{ ID string }
			}
		}
		Topics, People, Organizations, Places, Events, Agreements, Statements struct {
			Nodes []struct {
				ID           string
				Affiliations []struct{ ID string }
			}
		}
		Figures struct {
			Nodes []struct {
				ID      string
				Subject struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
		}
	}
	data(t, `query IDs {
  articles(first: 100) { nodes { id paragraphs { id } } }
  topics(first: 100) { nodes { id } }
  people(first: 100) { nodes { id affiliations { id } } }
  organizations(first: 100) { nodes { id } }
  places(first: 100) { nodes { id } }
  events(first: 100) { nodes { id } }
  agreements(first: 100) { nodes { id } }
  statements(first: 100) { nodes { id } }
  figures(first: 100) { nodes { id subject { __typename id } } }
}`, nil, &got)
	out := map[string][]string{}
	for _, a := range got.Articles.Nodes {
		out["Article"] = append(out["Article"], a.ID)
		for _, p := range a.Paragraphs {
			out["Paragraph"] = append(out["Paragraph"], p.ID)
		}
	}
	for typ, list := range map[string][]struct {
		ID           string
		Affiliations []struct{ ID string }
	}{
		"Topic": got.Topics.Nodes, "Person": got.People.Nodes, "Organization": got.Organizations.Nodes, "Place": got.Places.Nodes,
		"Event": got.Events.Nodes, "Agreement": got.Agreements.Nodes, "Statement": got.Statements.Nodes,
	} {
		for _, n := range list {
			out[typ] = append(out[typ], n.ID)
			for _, a := range n.Affiliations {
				out["Affiliation"] = append(out["Affiliation"], a.ID)
			}
		}
	}
	for _, f := range got.Figures.Nodes {
		out["Figure"] = append(out["Figure"], f.ID)
		if f.Subject.Typename == "Project" && !slices.Contains(out["Project"], f.Subject.ID) {
			out["Project"] = append(out["Project"], f.Subject.ID)
		}
	}
	return out
}

// nodeTypes are the object types that implement Node.
var nodeTypes = []string{"Article", "Paragraph", "Topic", "Person", "Affiliation", "Organization", "Place", "Event", "Project", "Agreement", "Statement", "Figure"}

// TestNode fetches objects of every type again with node(id:) and checks
// the id and type round-trip.
func TestNode(t *testing.T) {
	all := nodeIDs(t)
	for _, typ := range nodeTypes {
		t.Run(typ, func(t *testing.T) {
			ids := all[typ]
			if len(ids) == 0 {
				t.Fatalf("no %s listed anywhere", typ)
			}
			q := fmt.Sprintf(`query Node($id: ID!) { node(id: $id) { __typename id ... on %s { typed: id } } }`, typ)
			for _, id := range ids {
				var got struct {
					Node *struct {
						Typename  string `json:"__typename"`
						ID, Typed string
					}
				}
				data(t, q, map[string]any{"id": id}, &got)
				if got.Node == nil {
					t.Errorf("node(id: %s) is null; want the %s", id, typ)
					continue
				}
				if got.Node.Typename != typ || got.Node.ID != id || got.Node.Typed != id {
					t.Errorf("node(id: %s) = %s %s (on %s: %q); want %s %s", id, got.Node.Typename, got.Node.ID, typ, got.Node.Typed, typ, id)
				}
			}
		})
	}
	t.Run("UnknownIDIsNull", func(t *testing.T) {
		for _, typ := range nodeTypes {
			var got struct{ Node *json.RawMessage }
			unknown := unknownID(t, all[typ][0])
			data(t, `query Node($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": unknown}, &got)
			if got.Node != nil {
				t.Errorf("node(id: unknown %s) = %s; want null", typ, *got.Node)
			}
		}
	})
	for name, id := range map[string]string{
		"ErrMalformed":    "not-an-id",
		"ErrEmpty":        "",
		"ErrNotBase64URL": "QXJ0aWNsZTox+/==",
	} {
		t.Run(name, func(t *testing.T) {
			wantError(t, `query Node($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id}, "BAD_USER_INPUT", "id")
		})
	}
}

// TestNodes checks nodes(ids:): the order given, null for unknown IDs.
func TestNodes(t *testing.T) {
	all := nodeIDs(t)
	const q = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`
	type node struct {
		Typename string `json:"__typename"`
		ID       string
	}
	t.Run("EveryType", func(t *testing.T) {
		var ids, types []string
		for _, typ := range nodeTypes {
			for _, id := range all[typ] {
				ids, types = append(ids, id), append(types, typ)
			}
		}
		for start := 0; start < len(ids); start += 100 {
			end := min(start+100, len(ids))
			var got struct{ Nodes []*node }
			data(t, q, map[string]any{"ids": ids[start:end]}, &got)
			if len(got.Nodes) != end-start {
				t.Fatalf("%d nodes for %d ids", len(got.Nodes), end-start)
			}
			for i, n := range got.Nodes {
				if n == nil || n.ID != ids[start+i] || n.Typename != types[start+i] {
					t.Errorf("nodes[%d] = %+v; want %s %s", i, n, types[start+i], ids[start+i])
				}
			}
		}
	})
	t.Run("KeepsOrderWithUnknownAndDuplicates", func(t *testing.T) {
		a, p, s := all["Article"][0], all["Person"][0], all["Statement"][len(all["Statement"])-1]
		unknown := unknownID(t, p)
		ids := []string{s, unknown, a, p, s}
		var got struct{ Nodes []*node }
		data(t, q, map[string]any{"ids": ids}, &got)
		if len(got.Nodes) != len(ids) {
			t.Fatalf("%d nodes; want %d", len(got.Nodes), len(ids))
		}
		for i, id := range ids {
			switch {
			case id == unknown && got.Nodes[i] != nil:
				t.Errorf("nodes[%d] = %+v; want null for an unknown ID", i, got.Nodes[i])
			case id != unknown && (got.Nodes[i] == nil || got.Nodes[i].ID != id):
				t.Errorf("nodes[%d] = %+v; want %s", i, got.Nodes[i], id)
			}
		}
	})
	t.Run("Empty", func(t *testing.T) {
		var got struct{ Nodes []*node }
		data(t, q, map[string]any{"ids": []string{}}, &got)
		if got.Nodes == nil || len(got.Nodes) != 0 {
			t.Errorf("nodes(ids: []) = %v; want []", got.Nodes)
		}
	})
	t.Run("ErrMalformed", func(t *testing.T) {
		wantError(t, q, map[string]any{"ids": []string{all["Article"][0], "not-an-id"}}, "BAD_USER_INPUT", "not-an-id")
	})
	t.Run("ErrTooMany", func(t *testing.T) {
		ids := make([]string, 101)
		for i := range ids {
			ids[i] = all["Topic"][i%len(all["Topic"])]
		}
		wantError(t, q, map[string]any{"ids": ids}, "BAD_USER_INPUT", "ids", "100")
	})
}
