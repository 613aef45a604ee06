package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/db"
)

// Types are the types a search can return, in the order ties are
// broken.
var Types = []string{"ARTICLE", "STATEMENT", "FIGURE", "AGREEMENT", "EVENT", "PROJECT", "TOPIC",
	"PERSON", "ORGANIZATION", "PLACE"}

// Markers that snippets from the database put around matched words; they
// are private-use characters that article text does not contain.
const (
	markStart = "\uE000"
	markEnd   = "\uE001"
)

// Hit is one search result: a row of Kind (one of Types) with its Score
// (higher is better) and a Snippet of its text.
type Hit struct {
	Kind    string  `db:"kind"`
	ID      int64   `db:"id"`
	Score   float64 `db:"score"`
	Snippet Snippet `db:"-"`
	db.Keyset
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
// ranges the markers enclosed. It copies the runs between markers whole
// and counts their characters, rather than rune by rune (a search turns
// some twenty snippets of a few hundred characters a request): two
// allocations, the text and the ranges.
func parseSnippet(marked string) Snippet {
	var s Snippet
	if n := strings.Count(marked, markEnd); n > 0 {
		s.Highlights = make([]TextRange, 0, n)
	}
	var b strings.Builder
	b.Grow(len(marked))
	start, n := -1, 0
	for rest := marked; ; {
		i := strings.Index(rest, markPrefix)
		if i < 0 || i+len(markStart) > len(rest) {
			b.WriteString(rest)
			break
		}
		run := rest[:i]
		b.WriteString(run)
		n += utf8.RuneCountInString(run)
		switch rest[i : i+len(markStart)] {
		case markStart:
			start = n
		case markEnd:
			if start >= 0 && n > start {
				s.Highlights = append(s.Highlights, TextRange{Start: start, End: n})
			}
			start = -1
		default: // another private-use character: text
			b.WriteString(rest[i : i+len(markStart)])
			n++
		}
		rest = rest[i+len(markStart):]
	}
	s.Text = b.String()
	if s.Highlights == nil {
		s.Highlights = []TextRange{}
	}
	return s
}

// markPrefix is the first two bytes of the markers' UTF-8 encoding (and of
// U+E000 to U+E03F).
var markPrefix = markStart[:2]

// searchCandidates is how many matches of each full-text type a search
// ranks: the newest (highest id) that match. Ranking every match would
// cost a popular query ("digital economy" matches 17,700 of 100,000
// articles and 55,600 statements) half a second; a search returns the best
// of these candidates, so at most this many of each full-text type (as many
// as one page holds). People, organizations and places are all ranked:
// their matches come from the trigram indexes.
const searchCandidates = 100

// searchWalk is how many of a full-text type's newest search documents a
// search checks one by one for its newest matches, walking
// search_documents_pkey backwards, before it turns to the type's
// full-text index for the older matches. A common word's newest 100
// matches lie within the walk (for "digital economy" on 20,000 articles:
// 603 articles, 1,898 statements, 2,595 figures), found without reading
// the thousands of other matches the index would return in no order; a
// rare word's come from the index, after a walk whose cost is bounded.
const searchWalk = 3000

// tsQuery is the full-text form of the query text @q, computed once per
// statement in its CTE q.
const tsQuery = `websearch_to_tsquery('english', @q)`

// rankQuery is the query the candidates are ranked with (rq in the CTE q),
// given the query's tsquery tsq: tsq without its exclusions (querytree
// drops the negations) when each exclusion is of one word (a ! before a
// quoted lexeme) and there is no OR, else tsq itself. A candidate matches
// tsq, so it holds none of the excluded words: ts_rank_cd finds the same
// positions and the same covers in it with or without them, and gives the
// same rank (TestRankQuery compares them). It costs less with fewer items:
// ts_rank_cd zeroes a buffer of 16,384 positions (32 KB) per item of its
// query at every call, and `"digital economy" -Malaysia` has six items,
// three without the exclusion, for some 300 candidates and a page's
// paragraphs. tsq is kept for an excluded phrase (!( … )), whose words are
// operands the candidate may hold apart and which count in its covers, a
// double negation (!!, a word required), an exclusion next to a phrase
// operator, an OR, and a query of exclusions only (querytree gives 'T').
const rankQuery = `CASE WHEN tsq::text ~ '[|]|!\s*[^''\s]|>\s*!|!''(?:[^'']|'''')*''\s*<' OR querytree(tsq) = 'T' THEN tsq
		ELSE querytree(tsq)::tsquery END`

// Args is what a search looks for: Query (websearch syntax: words,
// "quoted phrases", -exclusions, OR), of Types (all when empty), dated in
// Published (nil: any date, undated results too), in the order Sort names:
// RELEVANCE (the default), NEWEST or OLDEST.
type Args struct {
	Query     string
	Types     []string
	Published *db.DateRange
	Sort      string
}

// fullTextKinds are the types searched by full text, with their kind in
// search_documents (migration 000022): their position in Types.
var fullTextKinds = map[string]int{"ARTICLE": 0, "STATEMENT": 1, "FIGURE": 2, "AGREEMENT": 3, "EVENT": 4, "PROJECT": 5, "TOPIC": 6}

// fullTextCandidates are the CTEs that find and rank the newest
// searchCandidates search documents of kind k matching the query (and
// dated in the range q.r when dated is set): cK walks the newest
// searchWalk documents, checking each; fK adds, only when the walk found
// fewer and there are older documents (wK, the newest document not walked,
// is NULL when the walk read every document of the kind, as it does for
// the 2,000 agreements at 100,000 articles), as many of the older matches
// as are missing, from the kind's partial full-text index (the plan's
// One-Time Filter skips it otherwise: it read the index and rechecked
// every match of a kind walked whole, the 74 agreements about "digital
// economy" at 100,000 articles).
// Each candidate is ranked once found (rankSQL; the walk's limit stops
// the ranking at the 100th match, the older matches are ranked after their
// sort and limit), so that only its id, day and rank are kept, not its
// tsvector (an article's is 1.5 KB, copied twice by the materialized CTEs).
// The query and range come from the CTE q (computed once: written out in a
// condition checked row by row, websearch_to_tsquery would parse the query
// again for every row), so the plan is the same for every query and can be
// kept.
func fullTextCandidates(k int, dated bool) string {
	within := ""
	if dated {
		within = " AND d.dates && (SELECT r FROM q)"
	}
	return fmt.Sprintf(`c%[1]d AS MATERIALIZED (SELECT d.id, lower(d.dates) AS day, %[5]s AS r
		FROM (SELECT d.id, d.dates, d.norm, d.title, d.search FROM search_documents d WHERE d.kind = %[1]d ORDER BY d.id DESC LIMIT %[2]d) d
		WHERE d.search @@ (SELECT tsq FROM q)%[3]s ORDER BY d.id DESC LIMIT %[4]d),
	w%[1]d AS MATERIALIZED (SELECT (SELECT b.id FROM search_documents b WHERE b.kind = %[1]d ORDER BY b.id DESC OFFSET %[2]d LIMIT 1) AS below),
	f%[1]d AS (SELECT * FROM c%[1]d UNION ALL
		SELECT d.id, lower(d.dates) AS day, %[5]s AS r FROM (SELECT d.id, d.dates, d.norm, d.title, d.search
			FROM search_documents d WHERE d.kind = %[1]d AND d.search @@ (SELECT tsq FROM q)%[3]s
			AND (SELECT count(*) FROM c%[1]d) < %[4]d AND (SELECT w.below FROM w%[1]d w) IS NOT NULL
			AND d.id + 0 <= (SELECT w.below FROM w%[1]d w)
		ORDER BY d.id + 0 DESC LIMIT (SELECT %[4]d - count(*) FROM c%[1]d)) d)`,
		k, searchWalk, within, searchCandidates, rankSQL)
}

// rankSQL is the rank of a search document d. It is PostgreSQL's cover
// density (ts_rank_cd: each stretch of the text that holds the query's
// words adds the weight of its field, 1 for a title, what was said or a
// name, 0.4 for a lede or summary, 0.2 for the rest and a speaker's role,
// less when the words lie apart), divided by the document's norm, 1 + the
// logarithm of the text's length in bytes, so that a shorter text saying
// the same ranks higher; a row whose whole title or name is the query's
// words (case aside) gains one more cover of weight 1, so that "New
// energy" finds the topic of that name before "New-energy vehicles", whose
// label and description hold the words twice.
const rankSQL = `ts_rank_cd(d.search, (SELECT rq FROM q)) / d.norm + coalesce(d.title = (SELECT w FROM q), false)::int`

// fullTextBranch gives the candidates of kind k their score, the rank
// scaled to [0, 1) as r / (r + 1).
func fullTextBranch(kind string, k int) string {
	return fmt.Sprintf(`SELECT '%s' AS kind, %d AS ord, f.id, f.day, (f.r / (1 + f.r))::float8 AS score FROM f%d f`, kind, k, k)
}

// nameType is a type searched by name, with typos tolerated: its table
// (aliased x), the name expression its trigram index and its index of
// words (words_of, migration 000034) cover (match), the name a match is
// scored against and, if not empty, the function that finds the names
// matching a regular expression through the trigram index (migration
// 000019), for a table PostgreSQL would otherwise scan whole.
type nameType struct {
	table, match, name, matching string
}

var nameTypes = map[string]nameType{
	"PERSON": {"people", "person_full_name(x.honorifics, x.name)", "x.name", ""},
	"ORGANIZATION": {"organizations", "(x.name || ' ' || coalesce(x.short_name, ''))", "(x.name || ' ' || coalesce(x.short_name, ''))",
		"organizations_matching"},
	"PLACE": {"places", "x.name", "x.name", ""},
}

// nameWordsLike adds to ctes, for each word by which q's terms to include
// look names up (searchTerm.likeWords), a CTE that looks it up once among
// the words of all names (name_words_like, migration 000039: the words
// like it, itself and the words that hold it among others), for every
// type searched by name; it returns the CTEs' names by word.
func nameWordsLike(l *db.PageQuery, q searchQuery, ctes []string) ([]string, map[string]string) {
	likes := map[string]string{}
	for _, a := range q.alternatives {
		for _, term := range a.include {
			for _, w := range term.likeWords() {
				if likes[w] == "" {
					likes[w] = fmt.Sprintf("nw%d", len(likes))
					ctes = append(ctes, likes[w]+` AS MATERIALIZED (SELECT name_words_like(`+l.Arg(w)+`) AS words)`)
				}
			}
		}
	}
	return ctes, likes
}

// likeWords are the words by which the term looks names up, all of which
// a name must have a word like: a term matched with typos, by its word; any
// other, by those of its words whose likeness holds every name its
// regular expression matches (narrows), none if it has none.
func (t searchTerm) likeWords() []string {
	if t.fuzzy() {
		return t.words
	}
	if !t.folds() {
		return nil
	}
	var words []string
	for _, w := range t.words {
		if narrows(w) {
			words = append(words, w)
		}
	}
	return words
}

// narrows reports whether the names with a word like w (a word of a term
// matched without typos, that folds) hold every name with w as a word,
// and are few. A word like it is one whose lower case holds w's trigrams
// in a row, as a name's word that has w does, but for words
//   - of one letter, like every word of two that starts with it ("a" like
//     "ab");
//   - with no ASCII letter or digit, in which a database whose LC_CTYPE is
//     C finds no trigrams.
func narrows(w string) bool {
	return utf8.RuneCountInString(w) > 1 &&
		strings.ContainsFunc(w, func(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) })
}

// folds reports whether ~* folds the term's letters as lower() and pg_trgm
// do, which the indexes of names hold. It does not for a few: ~* finds
// "IŞIK" for "ışık" and "ΟΔΟΣ" for "οδος", but lower() makes them "işik"
// and "οδοσ", so that neither a trigram index nor the names' words find
// them.
func (t searchTerm) folds() bool {
	for _, w := range t.words {
		if strings.ToLower(strings.ToUpper(w)) != w {
			return false
		}
	}
	return true
}

// withWordsLike is the condition that a name (the expression match) has a
// word like each of words (of a term's likeWords, looked up in the CTEs
// likes names); "" for no words.
func withWordsLike(match string, words []string, likes map[string]string) string {
	conds := make([]string, len(words))
	for i, w := range words {
		conds[i] = "words_of(" + match + ") && (SELECT n.words FROM " + likes[w] + " n)"
	}
	return strings.Join(conds, " AND ")
}

// nameBranch ranks the names that match the query q: every term of one of
// its alternatives as whole words (a word of minFuzzyRunes or more also
// when a name has a word like it, typos and all), and none of its
// exclusions. A name that matches without typos scores 0.5 to 1 (more the
// closer the whole name is to the query), one with typos below 0.5 (more
// the closer its words are to the query's, whole words counting more), so
// a typo never outranks an exact match.
//
// The names are found by their words, through the type's GIN index on
// them: those with a word like each word of the terms (the CTEs likes
// names), all words at once. A name that has a word as a word has a word
// like it (word_similarity 1, over the 0.5 name_words_like asks), so these
// include every name the terms' regular expressions match, which then
// check them; a term matched with typos is matched by likeness alone.
// Looking a word up among all names' words once, rather than once per
// type, cost "digital economy" 0.6 ms less at 100,000 articles
// (TestSearchLooksNameWordsUpOnce).
func nameBranch(l *db.PageQuery, kind string, ord int, t nameType, q searchQuery, likes map[string]string, published string) string {
	var match, exact []string
	for _, a := range q.alternatives {
		var m, e []string
		for _, term := range a.include {
			pattern := l.Arg(term.pattern())
			re := t.match + " ~* " + pattern
			e = append(e, re)
			switch like := withWordsLike(t.match, term.likeWords(), likes); {
			case !term.folds():
				// No index of names holds every name it matches: they
				// are read whole ("|| ''" is no indexed expression).
				re = "(" + t.match + " || '') ~* " + pattern
				if term.fuzzy() {
					re = "(" + like + " OR " + re + ")"
				}
			case term.fuzzy():
				re = like
			case like != "":
				re = like + " AND " + re
			case t.matching != "":
				re = "x.id = ANY(ARRAY(SELECT " + t.matching + "(" + pattern + ")))"
			}
			m = append(m, re)
		}
		for _, term := range a.exclude {
			not := "NOT " + t.match + " ~* " + l.Arg(term.pattern())
			m, e = append(m, not), append(e, not)
		}
		match = append(match, "("+strings.Join(m, " AND ")+")")
		exact = append(exact, "("+strings.Join(e, " AND ")+")")
	}
	where := strings.Join(match, " OR ")
	if published != "" {
		where = "false" // names have no date
	}
	words := l.Arg(q.text())
	return fmt.Sprintf(`SELECT '%s' AS kind, %d AS ord, x.id, NULL::date AS day,
		(CASE WHEN %[3]s THEN 0.5 + 0.5 * similarity(%[4]s, %[5]s)
		 ELSE 0.25 * (word_similarity(%[4]s, %[5]s) + strict_word_similarity(%[4]s, %[5]s)) END)::float8 AS score
		FROM %[6]s x WHERE %[7]s`,
		kind, ord, strings.Join(exact, " OR "), words, t.name, t.table, where)
}

// headlineOptions make ts_headline mark matches with the marker characters.
const headlineOptions = `'StartSel=` + markStart + `, StopSel=` + markEnd + `, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`

// headline is the snippet of a long text matched by full text: up to two
// fragments of it, around its matches.
func headline(text string) string {
	return `ts_headline('english', ` + text + `, q.tsq, ` + headlineOptions + `)`
}

// wholeSnippet is the longest text, in characters, that is its own
// snippet: about as long as headline's two fragments can be.
const wholeSnippet = 280

// textSnippet is the snippet of the text a full-text hit has, the
// expression text over the row that from selects (a table with its
// condition, an order and a limit): all of it, its matches marked, when it
// is short (a statement, a figure's metric and value, a name with its
// summary); else headline's fragments. Fragments keep only the words
// around the matches: "The visa exemption agreement plays a role." became
// "visa exemption agreement plays a role", and "GDP growth: 5.1%" "GDP
// growth".
func textSnippet(text, from string) string {
	return fmt.Sprintf(`(SELECT CASE WHEN char_length(x.t) <= %d
			THEN ts_headline('english', x.t, q.tsq, 'StartSel=%s, StopSel=%s, HighlightAll=true')
			ELSE %s END
		FROM (SELECT %s AS t FROM %s) x)`, wholeSnippet, markStart, markEnd, headline("x.t"), text, from)
}

// markName marks the words of a name that are a word of the query @nw
// (text[], lower case) or, for a long word of the query, like it.
func markName(column string) string {
	return `(SELECT string_agg(CASE WHEN m.t[1] ~ '^\w' AND EXISTS (SELECT FROM unnest(@nw::text[]) q(w)
			WHERE q.w = lower(m.t[1]) OR (char_length(q.w) >= ` + fmt.Sprint(minFuzzyRunes) + ` AND similarity(m.t[1], q.w) >= 0.3))
		THEN '` + markStart + `' || m.t[1] || '` + markEnd + `' ELSE m.t[1] END, '' ORDER BY m.n)
		FROM regexp_matches(` + column + `, '\w+|\W+', 'g') WITH ORDINALITY AS m(t, n))`
}

// snippetSQL computes the snippet of the hit `hit` (a row with kind and id)
// of the search whose tsquery is q.tsq and whose words for names are
// @nw, only for the rows of a page.
// An article's paragraphs are matched as `(p.search @@ q.tsq) IS TRUE`, a
// condition no index serves, so that they are found by article: in the
// plan kept for the search statement (planned without the words), PostgreSQL
// otherwise intersected each article's paragraphs with every paragraph
// matching the words in paragraphs_search_idx, 13,490 index entries per
// hit for "digital economy" on 20,000 articles (28.7 ms of CPU for a page
// of 20 hits; now 1.5). Whether a statement's own words match is read from
// the part of its search vector they make up (weight A, ts_filter), not
// from a tsvector computed again.
var snippetSQL = `CASE hit.kind
	WHEN 'ARTICLE' THEN coalesce(
		` + textSnippet("p.text", `paragraphs p
		 WHERE p.article_id = hit.id AND (p.search @@ q.tsq) IS TRUE ORDER BY ts_rank_cd(p.search, q.rq) DESC, p.position LIMIT 1`) + `,
		(SELECT coalesce(a.title, a.slug) FROM articles a WHERE a.id = hit.id))
	WHEN 'STATEMENT' THEN ` + textSnippet(`CASE WHEN ts_filter(s.search, '{a}') @@ q.tsq THEN s.content
		     ELSE coalesce(s.speaker_role, s.speaker_description, s.content) END`, `statements s WHERE s.id = hit.id`) + `
	WHEN 'FIGURE' THEN ` + textSnippet(`f.metric || ': ' || f.display`, `figures f WHERE f.id = hit.id`) + `
	WHEN 'AGREEMENT' THEN ` + textSnippet(`ag.name || coalesce('. ' || ag.summary, '')`, `agreements ag WHERE ag.id = hit.id`) + `
	WHEN 'EVENT' THEN ` + textSnippet(`e.name || coalesce('. ' || e.summary, '')`, `events e WHERE e.id = hit.id`) + `
	WHEN 'PROJECT' THEN ` + textSnippet(`pr.name || coalesce('. ' || pr.summary, '')`, `projects pr WHERE pr.id = hit.id`) + `
	WHEN 'TOPIC' THEN ` + textSnippet(`t.label || coalesce('. ' || t.description, '')`, `topics t WHERE t.id = hit.id`) + `
	WHEN 'PERSON' THEN (SELECT ` + markName("p.name") + ` FROM people p WHERE p.id = hit.id)
	WHEN 'PLACE' THEN (SELECT ` + markName("pl.name") + ` FROM places pl WHERE pl.id = hit.id)
	ELSE (SELECT ` + markName("o.name || coalesce(' (' || o.short_name || ')', '')") + ` FROM organizations o WHERE o.id = hit.id)
END`

// statement builds a search's WITH clause (the query q, each full-text
// type's candidates, and h, every hit of every type searched with its
// kind, ord, id, day and score) and its arguments, in l.
func statement(l *db.PageQuery, a Args) (with string, q searchQuery, err error) {
	query := a.Query
	if strings.TrimSpace(query) == "" {
		return "", searchQuery{}, db.Errorf(db.CodeInvalid, "query: is empty; give words to look for")
	}
	if strings.ContainsRune(query, 0) {
		return "", searchQuery{}, db.Errorf(db.CodeInvalid, "query: contains a NUL character")
	}
	if n := utf8.RuneCountInString(query); n > 500 {
		return "", searchQuery{}, db.Errorf(db.CodeInvalid, "query: is %d characters long; the limit is 500", n)
	}
	q = parseSearchQuery(query)
	if len(q.alternatives) == 0 {
		return "", q, db.Errorf(db.CodeInvalid, "query: %q has no word to look for, only exclusions or punctuation", query)
	}
	types := a.Types
	if len(types) == 0 {
		types = Types
	}
	for _, t := range types {
		if !slices.Contains(Types, t) {
			return "", q, db.Errorf(db.CodeInvalid, "types: %s cannot be searched", t)
		}
	}
	l.Args()["q"] = query
	rng, published := "NULL::daterange", ""
	if a.Published != nil {
		rng = fmt.Sprintf("daterange(%s::date, %s::date, '[]')", l.Arg(a.Published.From), l.Arg(a.Published.To))
		published = rng
	}
	ctes := []string{`q AS MATERIALIZED (SELECT q0.*, ` + rankQuery + ` AS rq FROM (SELECT ` + tsQuery + ` AS tsq, lower(` + l.Arg(q.text()) + `::text) AS w, ` + rng + ` AS r) q0)`}
	var likes map[string]string
	if published == "" && slices.ContainsFunc(types, func(t string) bool { _, ok := nameTypes[t]; return ok }) {
		ctes, likes = nameWordsLike(l, q, ctes)
	}
	var branches []string
	for ord, t := range Types { // fixed order, whitelisted SQL only
		if !slices.Contains(types, t) {
			continue
		}
		if k, ok := fullTextKinds[t]; ok {
			ctes = append(ctes, fullTextCandidates(k, published != ""))
			branches = append(branches, fullTextBranch(t, k))
		} else {
			branches = append(branches, nameBranch(l, t, ord, nameTypes[t], q, likes, published))
		}
	}
	ctes = append(ctes, `h AS MATERIALIZED (`+strings.Join(branches, " UNION ALL ")+`)`)
	return `WITH ` + strings.Join(ctes, ",\n\t"), q, nil
}

// orders are the orders a search can return its hits in: best first, or
// by date (undated hits last), ties broken by type and id.
var orders = map[string]db.Ordering{
	"RELEVANCE": db.NewOrdering("search", true,
		db.SortKey{Expr: "h.score", Type: "float8"}, db.SortKey{Expr: "h.ord", Type: "int"}, db.SortKey{Expr: "h.id", Type: "bigint"}),
	"NEWEST": db.NewOrdering("search-newest", true,
		db.SortKey{Expr: "coalesce(h.day, '-infinity'::date)", Type: "date"}, db.SortKey{Expr: "h.ord", Type: "int"}, db.SortKey{Expr: "h.id", Type: "bigint"}),
	"OLDEST": db.NewOrdering("search-oldest", false,
		db.SortKey{Expr: "coalesce(h.day, 'infinity'::date)", Type: "date"}, db.SortKey{Expr: "h.ord", Type: "int"}, db.SortKey{Expr: "h.id", Type: "bigint"}),
}

// Find finds articles, statements, figures, agreements, events, projects
// and topics by full text and people, organizations and places by name
// (tolerating typos in longer words), and returns one page of hits with
// snippets.
func Find(ctx context.Context, s *db.Store, a Args, page db.PageArgs) (db.Page[Hit], error) {
	p, _, err := FindCounted(ctx, s, a, page)
	return p, err
}

// searchRow is a row of a search's statement: a hit of the page (N, its
// place on the page, set; Snippet its marked snippet, NULL for the row
// beyond the page) or the count of one type's hits (Count set).
type searchRow struct {
	Kind    string   `db:"kind"`
	ID      *int64   `db:"id"`
	Score   *float64 `db:"score"`
	Keys    []string `db:"list_keys"`
	Count   *int     `db:"count"`
	N       *int64   `db:"n"`
	Snippet *string  `db:"snippet"`
}

// FindCounted is Find with the number of hits of each type searched, in
// the order of Types (zero counts too), both from one statement: the
// counts are those of the hits the page is taken from.
func FindCounted(ctx context.Context, s *db.Store, a Args, page db.PageArgs) (db.Page[Hit], []*TypeCount, error) {
	if a.Sort == "" {
		a.Sort = "RELEVANCE"
	}
	order, ok := orders[a.Sort]
	if !ok {
		return db.Page[Hit]{}, nil, db.Errorf(db.CodeInvalid, "sort: %s is not an order of search results", a.Sort)
	}
	var l db.PageQuery
	with, q, err := statement(&l, a)
	if err != nil {
		return db.Page[Hit]{}, nil, err
	}
	orderBy, limit, backward, err := l.Keyset(order, page)
	if err != nil {
		return db.Page[Hit]{}, nil, err
	}
	// The page's rows come first, in the page's order (n), with their
	// snippets (not the row beyond the page, fetched to tell whether there
	// is more), then one row per type with hits.
	l.Args()["nw"] = q.nameWords()
	sql := fmt.Sprintf(`%s
	SELECT x.kind, x.id, x.score, x.list_keys, x.count, x.n, x.snippet FROM (
		SELECT hit.kind, hit.id, hit.score, hit.list_keys, NULL::int AS count, hit.n,
			CASE WHEN hit.n <= %d THEN %s END AS snippet
		FROM (SELECT p.*, row_number() OVER () AS n
			FROM (SELECT h.kind, h.id, h.score, %s FROM h WHERE %s ORDER BY %s LIMIT %d) p) hit, q
		UNION ALL
		SELECT h.kind, NULL, NULL, NULL, count(*)::int, NULL, NULL FROM h GROUP BY h.kind) x
	ORDER BY x.n NULLS LAST`,
		with, limit, snippetSQL, order.KeysColumn(), l.Where(), orderBy, limit+1)
	rows, err := db.FetchAll[searchRow](ctx, s, sql, l.Args())
	if err != nil {
		return db.Page[Hit]{}, nil, fmt.Errorf("search: %w", err)
	}
	var hits []*Hit
	counted := map[string]int{}
	for _, r := range rows {
		if r.Count != nil {
			counted[r.Kind] = *r.Count
			continue
		}
		h := &Hit{Kind: r.Kind, ID: *r.ID, Score: *r.Score, Keyset: db.Keyset{Keys: r.Keys}}
		if r.Snippet != nil {
			h.Snippet = parseSnippet(*r.Snippet)
		}
		hits = append(hits, h)
	}
	p := db.FinishPage(hits, limit, backward, page)
	p.Order = order.CursorName()
	types := a.Types
	if len(types) == 0 {
		types = Types
	}
	counts := []*TypeCount{}
	for _, t := range Types {
		if slices.Contains(types, t) {
			counts = append(counts, &TypeCount{Kind: t, Count: counted[t]})
		}
	}
	return p, counts, nil
}

// TypeCount is how many hits of one type a search returns.
type TypeCount struct {
	Kind  string `db:"kind"`
	Count int    `db:"count"`
}
