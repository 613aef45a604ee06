package bench_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
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

// TestSearchDocumentsPlans checks the plan the server keeps for a search's
// statement (prepared once, planned without the words): each full-text
// type's newest matches are found by walking search_documents_pkey
// backwards and, for words too rare for the walk, through the type's
// partial full-text index, never by reading the search documents whole;
// and a rare word ("Suhaiza", in a few hundred articles) does take the
// full-text index, reading no more documents than the walk's bound and its
// matches.
func TestSearchDocumentsPlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	for _, name := range []string{"q4-search", "q4-search-exclusion"} {
		t.Run(name, func(t *testing.T) {
			checked := 0
			for _, st := range h.run(t, canonicalOp(t, name))[0] {
				if !strings.Contains(st.SQL, "FROM search_documents d") {
					continue
				}
				checked++
				plan := h.genericPlan(t, st)
				if plan == nil {
					t.Fatalf("the search statement is not prepared: %s", abbreviate(st.SQL))
				}
				if seq := seqScans(plan); slices.Contains(seq, "search_documents") {
					t.Errorf("the generic plan reads search_documents whole: %s", abbreviate(st.SQL))
				}
				used := indexScans(plan)
				for _, index := range []string{"search_documents_pkey", "search_documents_article_idx", "search_documents_statement_idx",
					"search_documents_figure_idx", "search_documents_topic_idx"} {
					if !slices.Contains(used, index) {
						t.Errorf("the generic plan does not use %s (it uses %v)", index, used)
					}
				}
			}
			if checked != 1 {
				t.Errorf("%d statements read search_documents; want 1 (hits and counts)", checked)
			}
		})
	}
	t.Run("RareWord", func(t *testing.T) {
		var rows []map[string]any
		for _, st := range h.run(t, canonicalOp(t, "q4-search"))[0] {
			if !strings.Contains(st.SQL, "FROM search_documents d") {
				continue
			}
			sql, args := h.positional(t, st)
			for i, a := range args {
				if a == "digital economy" {
					args[i] = "Suhaiza"
				}
			}
			walkPlan(h.explain(t, st, `EXPLAIN (FORMAT JSON, ANALYZE) `+sql, args), func(n map[string]any) {
				if name, _ := n["Index Name"].(string); strings.HasPrefix(name, "search_documents") {
					rows = append(rows, n)
				}
			})
		}
		articles := false
		for _, n := range rows {
			if n["Index Name"] == "search_documents_article_idx" && n["Actual Rows"].(float64) > 0 {
				articles = true
			}
		}
		if !articles {
			t.Error("a search for a rare word found no article through search_documents_article_idx")
		}
	})
}

// TestSearchDocumentsMatchRows checks that the generated corpus's search
// documents are those of its rows (bench/corpus writes them at once, with
// the triggers set aside): the table and the view search_document_rows
// hold the same rows.
func TestSearchDocumentsMatchRows(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	var missing, extra, n int
	err := h.Pool.QueryRow(context.Background(), `SELECT
		(SELECT count(*) FROM (SELECT * FROM search_document_rows EXCEPT ALL SELECT kind, id, dates, norm, title, search FROM search_documents) x),
		(SELECT count(*) FROM (SELECT kind, id, dates, norm, title, search FROM search_documents EXCEPT ALL SELECT * FROM search_document_rows) x),
		(SELECT count(*) FROM search_documents)`).Scan(&missing, &extra, &n)
	if err != nil {
		t.Fatal(err)
	}
	if missing != 0 || extra != 0 || n == 0 {
		t.Errorf("search_documents: %d rows, %d missing, %d extra; want one per searchable row", n, missing, extra)
	}
}

// TestSearchCandidatesPlans checks that the kept plan of a search's
// statement keeps each full-text type's candidates as ids, days and ranks:
// each is ranked as the walk finds it, so no materialized CTE (cK, one per
// type) holds a search document's tsvector. Copying the candidates'
// tsvectors (an article's is 1.5 KB) into the CTEs and ranking them
// afterwards cost 1.1 to 1.2 ms of the statement's 5.2 to 6.5 ms of CPU on
// 20,000 articles.
func TestSearchCandidatesPlans(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	eachSearch(t, h, func(t *testing.T, sent []statement) {
		ctes := 0
		for _, st := range sent {
			if !strings.Contains(st.SQL, "FROM search_documents d") {
				continue
			}
			plan := h.genericPlanOf(t, st, "FORMAT JSON, VERBOSE")
			if plan == nil {
				t.Fatalf("the search statement is not prepared: %s", abbreviate(st.SQL))
			}
			walkPlan(plan, func(n map[string]any) {
				sub, _ := n["Subplan Name"].(string)
				if !candidatesCTE.MatchString(sub) {
					return
				}
				ctes++
				out, _ := n["Output"].([]any)
				for _, col := range out {
					if tsvectorColumn.MatchString(fmt.Sprint(col)) {
						t.Errorf("%s keeps %s, a tsvector, in: %s", sub, col, abbreviate(st.SQL))
					}
				}
			})
		}
		if ctes == 0 {
			t.Error("no candidates CTE (cK) in the search statement's plan")
		}
	})
}

// candidatesCTE matches the name of a full-text type's candidates CTE in
// a plan; tsvectorColumn an output that is a search document's tsvector.
var (
	candidatesCTE  = regexp.MustCompile(`^CTE c\d$`)
	tsvectorColumn = regexp.MustCompile(`^\w+\.search$`)
)

// TestSearchOneStatement checks that a search's hits, per-type counts and
// snippets come from one statement: the snippets, once a second statement
// (a round trip, a parse and a bind more per request), are computed for
// the page's rows in the statement that finds them.
func TestSearchOneStatement(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	eachSearch(t, h, func(t *testing.T, sent []statement) {
		searching, snippets := 0, 0
		for _, st := range sent {
			hits := strings.Contains(st.SQL, "FROM search_documents d")
			if hits {
				searching++
			}
			if strings.Contains(st.SQL, "ts_headline(") {
				snippets++
				if !hits {
					t.Errorf("a statement of its own computes the snippets: %s", abbreviate(st.SQL))
				}
			}
		}
		if searching != 1 || snippets != 1 {
			t.Errorf("%d statements search and %d compute snippets; want the same one", searching, snippets)
		}
	})
}

// TestSearchArgumentsPositional checks that a search's statement reaches
// pgx with its arguments in their positions ($1, $2, ...), its named
// arguments rewritten once per statement text by package db, not lexed by
// pgx at every request (some 15 KB of SQL: 0.17 ms of the server's CPU a
// search).
func TestSearchArgumentsPositional(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	eachSearch(t, h, func(t *testing.T, sent []statement) {
		for _, st := range sent {
			for _, a := range st.Args {
				if _, ok := a.(pgx.NamedArgs); ok {
					t.Errorf("a statement was sent with named arguments for pgx to rewrite: %s", abbreviate(st.SQL))
				}
			}
			if strings.Contains(st.SQL, "FROM search_documents d") && !strings.Contains(st.SQL, "$1") {
				t.Errorf("the search statement has no positional arguments: %s", abbreviate(st.SQL))
			}
		}
	})
}

// eachSearch runs the canonical searches (q4-search and
// q4-search-exclusion) once each, as subtests, and checks the statements
// each sent with check.
func eachSearch(t *testing.T, h *harness, check func(t *testing.T, sent []statement)) {
	for _, name := range []string{"q4-search", "q4-search-exclusion"} {
		t.Run(name, func(t *testing.T) { check(t, h.run(t, canonicalOp(t, name))[0]) })
	}
}

// TestSearchFuzzyNameLookups checks that a word long enough for typos
// ("digital", "economy") finds people, organizations and places by the
// words like it (which include the names that have the word as a word),
// not also by regular expression through the trigram indexes
// (organizations_matching, or an index condition ~*): two lookups more per
// word and type, about half a millisecond of CPU for "digital economy" on
// 20,000 articles.
func TestSearchFuzzyNameLookups(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	checked := 0
	for _, st := range h.run(t, canonicalOp(t, "q4-search"))[0] {
		if !strings.Contains(st.SQL, "FROM organizations x") {
			continue
		}
		checked++
		plan := h.genericPlanOf(t, st, "FORMAT JSON, VERBOSE")
		if plan == nil {
			t.Fatalf("the search statement is not prepared: %s", abbreviate(st.SQL))
		}
		walkPlan(plan, func(n map[string]any) {
			if cond := fmt.Sprint(n["Index Cond"]); findsByRegex.MatchString(cond) {
				t.Errorf("%v finds names by regular expression (%s) for a word looked up by likeness", n["Index Name"], cond)
			}
			out, _ := n["Output"].([]any)
			for _, out := range out {
				if strings.Contains(fmt.Sprint(out), "organizations_matching(") {
					t.Errorf("the plan calls %s for a word looked up by likeness", out)
				}
			}
		})
	}
	if checked != 1 {
		t.Errorf("%d statements searched organizations; want 1", checked)
	}
}

// TestSearchLikeFindsExactNames checks what TestSearchFuzzyNameLookups
// relies on, on the generated corpus: for every word of five letters or more
// in a person's, organization's or place's name, the names with a word
// among the words like it (name_words_like, as a search looks a word up)
// include every name that has the word as a whole word (what the regular
// expression of a search term matches).
func TestSearchLikeFindsExactNames(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	for _, c := range []struct{ table, name string }{
		{"people", "person_full_name(x.honorifics, x.name)"},
		{"organizations", "(x.name || ' ' || coalesce(x.short_name, ''))"},
		{"places", "x.name"},
	} {
		t.Run(c.table, func(t *testing.T) {
			var words, missed int
			err := h.Pool.QueryRow(context.Background(), `WITH w AS (
					SELECT DISTINCT lower(w) AS w FROM `+c.table+` x, regexp_split_to_table(`+c.name+`, '[^[:alnum:]]+') w
					WHERE char_length(w) >= 5)
				SELECT (SELECT count(*) FROM w),
					(SELECT count(*) FROM w, `+c.table+` x WHERE `+c.name+` ~* ('\m' || w.w || '\M')
						AND NOT words_of(`+c.name+`) && name_words_like(w.w))`).Scan(&words, &missed)
			if err != nil {
				t.Fatal(err)
			}
			if words == 0 {
				t.Fatalf("no word of five letters or more in the names of %s", c.table)
			}
			if missed != 0 {
				t.Errorf("name_words_like misses %d %s that have one of %d words as a word; want none", missed, c.table, words)
			}
		})
	}
}

// TestSearchLooksNameWordsUpOnce runs each canonical search's statement in
// a transaction and counts the index scans it made (inside functions too):
// each word of the query is looked up once among the words of all names
// (name_words' trigram index), not once per type searched by name, and
// people and organizations are each found by all the words at once, one
// scan of their index of words at most (the planner may prefer another
// index for a phrase, which its regular expression checks). It was six
// lookups for "digital economy", one per word and type, and each listed
// every name with one of the words (193 organizations for "digital" at
// 100,000 articles) to intersect them: 0.6 ms of the statement's 5.3.
func TestSearchLooksNameWordsUpOnce(t *testing.T) {
	h := newHarness(t, generatedCorpus(t))
	eachSearch(t, h, func(t *testing.T, sent []statement) {
		query, scanned := searchScans(t, h, sent, "name_words_word_trgm_idx", "people_words_idx", "organizations_words_idx")
		words := map[string]bool{} // of the terms to include
		for _, token := range strings.Fields(query) {
			if strings.HasPrefix(token, "-") {
				continue
			}
			for _, w := range strings.FieldsFunc(strings.ToLower(token), func(r rune) bool { return !unicode.IsLetter(r) }) {
				words[w] = true
			}
		}
		if len(words) < 2 {
			t.Fatalf("the query %q has %d words to include; want a query of two or more", query, len(words))
		}
		for w := range words {
			if utf8.RuneCountInString(w) < 2 {
				t.Fatalf("the query %q has a word of one letter, which is not looked up", query)
			}
		}
		if n := scanned["name_words_word_trgm_idx"]; n != len(words) {
			t.Errorf("the words of %q were looked up %d times among the names' words; want once each, %d", query, n, len(words))
		}
		for _, index := range []string{"people_words_idx", "organizations_words_idx"} {
			if n := scanned[index]; n > 1 {
				t.Errorf("%s was scanned %d times; want once at most, for all the words", index, n)
			}
		}
	})
}

// searchScans runs the search statement among sent in a transaction and
// returns the query's text and how many times the statement scanned each
// of indexes (inside functions too).
func searchScans(t *testing.T, h *harness, sent []statement, indexes ...string) (string, map[string]int) {
	t.Helper()
	var search *statement
	for i, st := range sent {
		if strings.Contains(st.SQL, "FROM organizations x") {
			search = &sent[i]
		}
	}
	if search == nil {
		t.Fatal("no statement searched organizations")
	}
	sql, args := h.positional(t, *search)
	var query string
	for _, a := range args {
		if s, ok := a.(string); ok && query == "" {
			query = s // the query's text comes first
		}
	}
	ctx := context.Background()
	tx, err := h.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	// The counts are this backend's since it last reported them, which it
	// does not do within a transaction.
	counts := func() map[string]int {
		n := map[string]int{}
		for _, index := range indexes {
			var c int
			if err := tx.QueryRow(ctx, `SELECT pg_stat_get_xact_numscans($1::regclass)`, index).Scan(&c); err != nil {
				t.Fatal(err)
			}
			n[index] = c
		}
		return n
	}
	before := counts()
	if _, err := tx.Exec(ctx, sql, args...); err != nil {
		t.Fatal(err)
	}
	scanned := counts()
	for index := range scanned {
		scanned[index] -= before[index]
	}
	return query, scanned
}

// TestSearchSkipsOlderMatchesOfKindsWalkedWhole checks that a search does
// not look a kind's older matches up in its full-text index when its walk
// of the newest documents (3,000, searchWalk) read every document of the
// kind, whatever it found: there are no older ones. It read the index and
// rechecked every match, 74 agreements for the exclusion at 100,000
// articles, where the 2,000 agreements are walked whole.
func TestSearchSkipsOlderMatchesOfKindsWalkedWhole(t *testing.T) {
	const walk = 3000
	h := newHarness(t, generatedCorpus(t))
	indexes := []string{"search_documents_article_idx", "search_documents_statement_idx", "search_documents_figure_idx",
		"search_documents_agreement_idx", "search_documents_event_idx", "search_documents_project_idx", "search_documents_topic_idx"}
	ctx := context.Background()
	skipped := 0
	eachSearch(t, h, func(t *testing.T, sent []statement) {
		query, scanned := searchScans(t, h, sent, indexes...)
		for kind, index := range indexes {
			var docs, matches int
			err := h.Pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE search @@ websearch_to_tsquery('english', $2))
				FROM search_documents WHERE kind = $1`, kind, query).Scan(&docs, &matches)
			if err != nil {
				t.Fatal(err)
			}
			if docs > walk {
				continue
			}
			if docs > 0 && matches < 100 {
				skipped++ // the candidates are too few: only the walk's reach skips the index
			}
			if scanned[index] != 0 {
				t.Errorf("%s: %s was scanned %d times for the %d documents of kind %d, all walked; want none",
					query, index, scanned[index], docs, kind)
			}
		}
	})
	if skipped == 0 {
		t.Error("no kind walked whole had fewer than 100 matches: nothing was checked")
	}
}
