package db

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The types a search can return, in the order ties are broken.
var searchTypes = []string{"ARTICLE", "STATEMENT", "FIGURE", "AGREEMENT", "PERSON", "ORGANIZATION"}

// Markers that snippets from the database put around matched words; they
// are private-use characters that article text does not contain.
const (
	markStart = "\uE000"
	markEnd   = "\uE001"
)

// SearchHit is one search result: a row of Kind (one of the search types)
// with its Score (higher is better) and a Snippet of its text.
type SearchHit struct {
	Kind    string  `db:"kind"`
	ID      int64   `db:"id"`
	Score   float64 `db:"score"`
	Snippet Snippet `db:"-"`
	Marked  string  `db:"snippet"`
	Keyset
}

// Snippet is a piece of text with some ranges marked; offsets count
// characters and End is exclusive.
type Snippet struct {
	Text       string
	Highlights []TextRange
}

// TextRange is a range of characters.
type TextRange struct{ Start, End int }

// parseSnippet turns text with marker characters into plain text and the
// ranges the markers enclosed.
func parseSnippet(marked string) Snippet {
	var b strings.Builder
	var s Snippet
	start, n := -1, 0
	for _, r := range marked {
		switch string(r) {
		case markStart:
			start = n
		case markEnd:
			if start >= 0 && n > start {
				s.Highlights = append(s.Highlights, TextRange{Start: start, End: n})
			}
			start = -1
		default:
			b.WriteRune(r)
			n++
		}
	}
	s.Text = b.String()
	if s.Highlights == nil {
		s.Highlights = []TextRange{}
	}
	return s
}

// searchCandidates is how many matches of each full-text type a search
// ranks: the newest (highest id) that match, found by an index-ordered
// scan or, for rare words, the full-text index. Ranking every match would
// cost a popular query ("digital economy" matches 17,700 of 100,000
// articles and 55,600 statements) half a second; a search returns the best
// of these candidates, so at most this many articles, statements, figures
// and agreements each. People and organizations are all ranked: their
// matches come from the trigram indexes.
const searchCandidates = 200

// tsQuery is the full-text form of the query text @q. Written out in each
// branch (not taken from a CTE) so that PostgreSQL, planning for the
// query's value, sees the words and estimates how many rows match.
const tsQuery = `websearch_to_tsquery('english', @q)`

// fullTextBranch ranks the candidate matches of one table t (aliased x)
// with a generated search column.
func fullTextBranch(kind string, ord int, table string) string {
	return fmt.Sprintf(`SELECT '%s' AS kind, %d AS ord, c.id, ts_rank_cd(c.search, %s, 32)::float8 AS score
		FROM (SELECT x.id, x.search FROM %s x WHERE x.search @@ %s ORDER BY x.id DESC LIMIT %d) c`,
		kind, ord, tsQuery, table, tsQuery, searchCandidates)
}

// searchBranches are the ranked matches of each type. @q is the query
// text. Full-text ranks are normalized to [0, 1) and name scores lie in
// [0, 1], so a fair union can sort by score. Each branch names its
// columns: any of them may come first in the union. The name branches take
// the people and organizations_like candidates (migration 000005, with the
// trigram indexes) and keep those that match exactly as the name filters
// do.
var searchBranches = map[string]string{
	"ARTICLE":   fullTextBranch("ARTICLE", 0, "articles"),
	"STATEMENT": fullTextBranch("STATEMENT", 1, "statements"),
	"FIGURE":    fullTextBranch("FIGURE", 2, "figures"),
	"AGREEMENT": fullTextBranch("AGREEMENT", 3, "agreements"),
	"PERSON": `SELECT 'PERSON' AS kind, 4 AS ord, p.id, ` + nameScore(nameMatch("@q"), "strict_word_similarity(@q, p.name)", "similarity(@q, p.name)") + ` AS score
		FROM people p WHERE p.id = ANY(ARRAY(SELECT people_like(@q))) AND ` + nameMatch("@q") + ` >= ` + nameSimilarity,
	"ORGANIZATION": `SELECT 'ORGANIZATION' AS kind, 5 AS ord, o.id, ` + nameScore(
		"word_similarity(@q, o.name || ' ' || coalesce(o.short_name, ''))",
		"strict_word_similarity(@q, o.name || ' ' || coalesce(o.short_name, ''))",
		"similarity(@q, o.name || ' ' || coalesce(o.short_name, ''))") + ` AS score
		FROM organizations o WHERE o.id = ANY(ARRAY(SELECT organizations_like(@q)))
		AND word_similarity(@q, o.name || ' ' || coalesce(o.short_name, '')) >= ` + nameSimilarity,
}

// nameScore ranks a name match: how well the query's words match (word
// and strict word similarity), discounted when the query as a whole is
// little like the name, so that a query of several words that shares one
// word with a name ("digital economy", "Ministry of Economy") ranks below
// the texts that match it all.
func nameScore(word, strict, whole string) string {
	return `(((` + word + ` + ` + strict + `) / 2) * (0.5 + 0.5 * ` + whole + `))::float8`
}

// headlineOptions make ts_headline mark matches with the marker characters.
const headlineOptions = `'StartSel=` + markStart + `, StopSel=` + markEnd + `, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`

// markName marks the words of a name that are like the query.
func markName(column string) string {
	return `(SELECT string_agg(CASE WHEN similarity(w.word, @q) >= 0.3 THEN '` + markStart + `' || w.word || '` + markEnd + `' ELSE w.word END, ' ' ORDER BY w.n)
		FROM regexp_split_to_table(` + column + `, '\s+') WITH ORDINALITY AS w(word, n))`
}

// snippetSQL computes the snippet of a hit h, only for the rows of a page.
var snippetSQL = `CASE h.kind
	WHEN 'ARTICLE' THEN coalesce(
		(SELECT ts_headline('english', p.text, q.tsq, ` + headlineOptions + `) FROM paragraphs p
		 WHERE p.article_id = h.id AND p.search @@ q.tsq ORDER BY ts_rank_cd(p.search, q.tsq) DESC, p.position LIMIT 1),
		(SELECT coalesce(a.title, a.slug) FROM articles a WHERE a.id = h.id))
	WHEN 'STATEMENT' THEN (SELECT ts_headline('english',
		CASE WHEN to_tsvector('english', s.content) @@ q.tsq THEN s.content
		     ELSE coalesce(s.speaker_role, s.speaker_description, s.content) END, q.tsq, ` + headlineOptions + `)
		FROM statements s WHERE s.id = h.id)
	WHEN 'FIGURE' THEN (SELECT ts_headline('english', f.metric || ': ' || f.display, q.tsq, ` + headlineOptions + `) FROM figures f WHERE f.id = h.id)
	WHEN 'AGREEMENT' THEN (SELECT ts_headline('english', ag.name || coalesce('. ' || ag.summary, ''), q.tsq, ` + headlineOptions + `) FROM agreements ag WHERE ag.id = h.id)
	WHEN 'PERSON' THEN (SELECT ` + markName("p.name") + ` FROM people p WHERE p.id = h.id)
	ELSE (SELECT ` + markName("o.name || coalesce(' (' || o.short_name || ')', '')") + ` FROM organizations o WHERE o.id = h.id)
END`

// searchListing builds the union of the branches for the given types (all
// when empty).
func searchListing(query string, types []string) (listing, error) {
	if strings.TrimSpace(query) == "" {
		return listing{}, Errorf(CodeInvalid, "query: is empty; give words to look for")
	}
	if strings.ContainsRune(query, 0) {
		return listing{}, Errorf(CodeInvalid, "query: contains a NUL character")
	}
	if utf8.RuneCountInString(query) > 500 {
		return listing{}, Errorf(CodeInvalid, "query: is %d characters long; the limit is 500", utf8.RuneCountInString(query))
	}
	if len(types) == 0 {
		types = searchTypes
	}
	var branches []string
	for _, t := range searchTypes { // fixed order, whitelisted SQL only
		for _, want := range types {
			if want == t {
				branches = append(branches, searchBranches[t])
				break
			}
		}
	}
	if len(branches) == 0 {
		return listing{}, Errorf(CodeInvalid, "types: none of %v can be searched", types)
	}
	l := listing{
		from:    `(` + strings.Join(branches, " UNION ALL ") + `) h`,
		columns: `h.kind, h.id, h.score`,
		args:    map[string]any{"q": query},
	}
	return l, nil
}

var searchOrder = ordering{name: "search", desc: true, keys: []sortKey{
	key("h.score", "float8"), key("h.ord", "int"), key("h.id", "bigint")}}

// Search finds articles, statements, figures and agreements by full text and
// people and organizations by name (tolerating typos), best first, and
// returns one page of hits with snippets.
func (s *Store) Search(ctx context.Context, query string, types []string, page PageArgs) (Page[SearchHit], error) {
	l, err := searchListing(query, types)
	if err != nil {
		return Page[SearchHit]{}, err
	}
	orderBy, limit, backward, err := l.keyset(searchOrder, page)
	if err != nil {
		return Page[SearchHit]{}, err
	}
	sql := fmt.Sprintf(`
		WITH hits AS (SELECT h.kind, h.ord, h.id, h.score, %s FROM %s WHERE %s ORDER BY %s LIMIT %d),
		     q AS (SELECT `+tsQuery+` AS tsq)
		SELECT h.kind, h.id, h.score, h.list_keys, %s AS snippet
		FROM hits h, q ORDER BY %s`,
		keysColumn(searchOrder), l.from, l.whereSQL(), orderBy, limit+1, snippetSQL, orderBy)
	hits, err := fetchAll[SearchHit](ctx, s.read(ctx), sql, customPlan, l.args)
	if err != nil {
		return Page[SearchHit]{}, fmt.Errorf("search: %w", err)
	}
	for _, h := range hits {
		h.Snippet = parseSnippet(h.Marked)
	}
	p := finish(hits, limit, backward, page)
	p.Order = searchOrder.cursorName()
	return p, nil
}

// CountSearch counts the hits of a search.
func (s *Store) CountSearch(ctx context.Context, query string, types []string) (int, error) {
	l, err := searchListing(query, types)
	if err != nil {
		return 0, err
	}
	return count(ctx, s.read(ctx), l)
}
