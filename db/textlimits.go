package db

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on the text of the curated documents, and so of every edit, in
// characters (Unicode code points, not bytes). Each fits every seed article
// many times over; they keep one field from filling a row, an index entry
// or a search vector (PostgreSQL refuses a tsvector over 1 MB, and a
// B-tree entry over about 2.7 KB).
const (
	// MaxSlug bounds slugs, item keys and every reference by slug.
	MaxSlug = 100
	// MaxShortText bounds names, labels, titles, roles, metrics, displays,
	// the wording of dates and the words of the controlled vocabularies.
	MaxShortText = 300
	// MaxLongText bounds statements' content, summaries, notes,
	// descriptions, ledes and evidence quoted from an article.
	MaxLongText = 10_000
	// MaxArticleText bounds an article's verbatim source text: at most
	// 800 KB in UTF-8, so its search vector fits PostgreSQL's 1 MB.
	MaxArticleText = 200_000
)

// TextProblem says what is wrong with s as a text of at most limit
// characters: it is not UTF-8, it holds a NUL character (PostgreSQL can
// store neither), or it is too long. It returns "" when s is fine.
func TextProblem(s string, limit int) string {
	switch {
	case !utf8.ValidString(s):
		return "is not valid UTF-8 text"
	case strings.IndexByte(s, 0) >= 0:
		return "contains a NUL character (U+0000), which no text may hold"
	case len(s) <= limit: // no more characters than bytes
		return ""
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Sprintf("is %d characters long; the limit is %d characters", n, limit)
	}
	return ""
}
