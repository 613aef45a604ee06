package bench_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
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

// TestSearchNamePlans checks that the searches find organizations by
// name through organizations_name_trgm_idx, in the plans for their words:
// PostgreSQL, costing a regular expression like an equality, chose to run
// each of the query's words' expressions on every organization's name
// (1.3 ms of CPU for "digital economy" on 1,000 organizations; 0.8 with
// the index). A scan of every organization may remain on a small table,
// to pick the ids found, but only an exclusion's expression (NOT ...) may
// run there (PostgreSQL writes it !~*).
func TestSearchNamePlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	for _, name := range []string{"q4-search", "q4-search-exclusion"} {
		t.Run(name, func(t *testing.T) {
			searched := 0
			for _, st := range h.run(t, canonicalOp(t, name))[0] {
				if !strings.Contains(st.SQL, "FROM organizations x") {
					continue
				}
				searched++
				for _, filter := range seqScanFilters(h.plan(t, st, false), "organizations") {
					if findsByRegex.MatchString(filter) {
						t.Errorf("a sequential scan of organizations runs a regular expression (%s) in: %s", filter, abbreviate(st.SQL))
					}
				}
			}
			if searched == 0 {
				t.Error("no statement searched organizations")
			}
		})
	}
}

// findsByRegex matches a condition that holds when a regular expression
// matches (~*, not !~*).
var findsByRegex = regexp.MustCompile(`(^|[^!])~\*`)

// seqScanFilters returns the filters of a plan's sequential scans of table.
func seqScanFilters(node map[string]any, table string) []string {
	var out []string
	if p, ok := node["Plan"].(map[string]any); ok {
		return seqScanFilters(p, table)
	}
	if node["Node Type"] == "Seq Scan" && node["Relation Name"] == table {
		out = append(out, fmt.Sprint(node["Filter"]))
	}
	if kids, ok := node["Plans"].([]any); ok {
		for _, k := range kids {
			if m, ok := k.(map[string]any); ok {
				out = append(out, seqScanFilters(m, table)...)
			}
		}
	}
	return out
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
