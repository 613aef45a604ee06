package bench_test

import (
	"fmt"
	"slices"
	"testing"
)

// TestSearchSnippetPlans checks the plan the server keeps for the search's
// snippets statement (prepared once, planned without the search's words):
// it must find an article's best paragraph among that article's
// paragraphs, not by intersecting them with the matches of the words in
// the whole corpus's paragraphs index, which for a common word reads
// thousands of index entries per hit (13,490 for "digital economy" on
// 20,000 articles: 28 ms of CPU for a page of 20 hits).
func TestSearchSnippetPlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	for _, name := range []string{"q4-search", "q4-search-exclusion"} {
		t.Run(name, func(t *testing.T) {
			checked := 0
			for _, sent := range h.run(t, canonicalOp(t, name))[:1] {
				for _, st := range sent {
					plan := h.genericPlan(t, st)
					if plan == nil {
						continue
					}
					checked++
					if slices.Contains(indexScans(plan), "paragraphs_search_idx") {
						t.Errorf("the generic plan reads paragraphs_search_idx: %s", abbreviate(st.SQL))
					}
				}
			}
			if checked == 0 {
				t.Error("no generic plan was checked: the server prepares the snippets statement")
			}
		})
	}
}

// indexScans returns the names of the indexes a plan scans.
func indexScans(node map[string]any) []string {
	var out []string
	if p, ok := node["Plan"].(map[string]any); ok {
		return indexScans(p)
	}
	if name, ok := node["Index Name"]; ok {
		out = append(out, fmt.Sprint(name))
	}
	if kids, ok := node["Plans"].([]any); ok {
		for _, k := range kids {
			if m, ok := k.(map[string]any); ok {
				out = append(out, indexScans(m)...)
			}
		}
	}
	return out
}
