package graph_test

import (
	"slices"
	"testing"
)

// TestSearchFollowsWrites checks that a search sees a write as soon as it
// is committed: a statement and a topic created, changed and deleted
// through the API are found by their new words, no longer by their old
// ones, and not at all once deleted, hits and counts alike (the search
// reads search_documents, which triggers keep in the writing transaction).
func TestSearchFollowsWrites(t *testing.T) {
	f := newEditFixture(t)
	search := func(t *testing.T, query, typ string) []string {
		t.Helper()
		var got struct{ Search searchResult }
		f.query(t, searchQuery, map[string]any{"query": query, "types": []string{typ}, "first": 100}, &got)
		var ids []string
		for _, h := range got.Search.Edges {
			ids = append(ids, h.Node.ID)
		}
		if len(got.Search.Counts) != 1 || got.Search.Counts[0].Count != len(ids) || got.Search.TotalCount != len(ids) {
			t.Errorf("search %q of %s: counts %+v, totalCount %d; want %d", query, typ, got.Search.Counts, got.Search.TotalCount, len(ids))
		}
		return ids
	}
	expect := func(t *testing.T, query, typ, id string, found bool) {
		t.Helper()
		ids := search(t, query, typ)
		if slices.Contains(ids, id) != found || (found && len(ids) != 1) || (!found && len(ids) != 0) {
			t.Errorf("search %q of %s: %v; want only %s: %v", query, typ, ids, id, found)
		}
	}

	t.Run("Statement", func(t *testing.T) {
		created := node[struct {
			ID      string
			Version int
		}](t, f.succeed(t, "createStatement", map[string]any{"article": f.article(t), "statement": map[string]any{
			"speaker":  map[string]any{"person": f.entity(t, "gan-tian-loo")},
			"verb":     "SAID",
			"mode":     "PARAPHRASE",
			"content":  "The two countries issued a joint statement on quokkanomics.",
			"evidence": []any{map[string]any{"text": "The two countries issued a joint statement"}},
		}}), "statement")
		expect(t, "quokkanomics", "STATEMENT", created.ID, true)
		f.succeed(t, "updateStatement", map[string]any{"id": created.ID, "version": created.Version,
			"statement": map[string]any{"content": "The two countries issued a joint statement on wombatology."}})
		expect(t, "quokkanomics", "STATEMENT", created.ID, false)
		expect(t, "wombatology", "STATEMENT", created.ID, true)
		f.succeed(t, "deleteStatement", map[string]any{"id": created.ID})
		expect(t, "wombatology", "STATEMENT", created.ID, false)
	})
	t.Run("Topic", func(t *testing.T) {
		created := node[struct {
			ID      string
			Version int
		}](t, f.succeed(t, "createTopic", map[string]any{"topic": map[string]any{"slug": "quokkanomics", "label": "Quokkanomics"}}), "topic")
		expect(t, "quokkanomics", "TOPIC", created.ID, true)
		f.succeed(t, "updateTopic", map[string]any{"id": created.ID, "version": created.Version, "topic": map[string]any{"label": "Wombatology"}})
		expect(t, "quokkanomics", "TOPIC", created.ID, false)
		expect(t, "wombatology", "TOPIC", created.ID, true)
		f.succeed(t, "deleteTopic", map[string]any{"id": created.ID})
		expect(t, "wombatology", "TOPIC", created.ID, false)
	})
}
