package search

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A searchQuery is a search's text read the way websearch_to_tsquery
// reads it, for the name side of a search (people, organizations,
// places), which the full-text parser does not serve: alternatives
// separated by OR, each a list of terms that must all match; a term is a
// word, a "quoted phrase" or a word joined by hyphens, and a term preceded
// by - must not match.
type searchQuery struct {
	alternatives []searchAlternative
}

// searchAlternative is one branch of OR: the terms a name must match
// (include) and those it must not (exclude).
type searchAlternative struct {
	include, exclude []searchTerm
}

// searchTerm is a word or a phrase, as lower-case words.
type searchTerm struct {
	words []string
}

// minFuzzyRunes is the shortest word that may match a name with typos: a
// shorter word ("GDP", "5G") only matches a name that has it as a word,
// since a typo of three letters is another word (GDS).
const minFuzzyRunes = 5

// fuzzy reports whether the term may match a name with typos.
func (t searchTerm) fuzzy() bool {
	return len(t.words) == 1 && utf8.RuneCountInString(t.words[0]) >= minFuzzyRunes
}

// pattern is the case-insensitive regular expression (PostgreSQL's ARE) of
// the term as whole words: `\mdigital\W+economy\M`.
func (t searchTerm) pattern() string {
	quoted := make([]string, len(t.words))
	for i, w := range t.words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return `\m` + strings.Join(quoted, `\W+`) + `\M`
}

// stopWords are the words a name need not contain when the query has other
// words: "Ministry of Economy" finds "Ministry Economy".
var stopWords = map[string]bool{"a": true, "an": true, "and": true, "at": true, "de": true, "for": true,
	"in": true, "of": true, "on": true, "the": true, "to": true}

// splitWords returns the lower-case words (runs of letters and digits) of s.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// parseSearchQuery reads a search's text. Alternatives without a term to
// include are dropped, as are stop words in an alternative with other
// words; what is left may have no alternatives at all.
func parseSearchQuery(text string) searchQuery {
	var q searchQuery
	var cur searchAlternative
	end := func() {
		var include []searchTerm
		for _, t := range cur.include {
			if len(t.words) == 1 && stopWords[t.words[0]] {
				continue
			}
			include = append(include, t)
		}
		if len(include) == 0 {
			include = cur.include
		}
		if len(include) > 0 {
			q.alternatives = append(q.alternatives, searchAlternative{include: include, exclude: cur.exclude})
		}
		cur = searchAlternative{}
	}
	rest := []rune(text)
	for len(rest) > 0 {
		if unicode.IsSpace(rest[0]) {
			rest = rest[1:]
			continue
		}
		negate := false
		if rest[0] == '-' {
			negate, rest = true, rest[1:]
		}
		var token string
		quoted := len(rest) > 0 && rest[0] == '"'
		if quoted {
			rest = rest[1:]
			n := 0
			for n < len(rest) && rest[n] != '"' {
				n++
			}
			token = string(rest[:n])
			rest = rest[min(n+1, len(rest)):]
		} else {
			n := 0
			for n < len(rest) && !unicode.IsSpace(rest[n]) && rest[n] != '"' {
				n++
			}
			token = string(rest[:n])
			rest = rest[n:]
		}
		if !quoted && !negate && strings.EqualFold(token, "or") {
			end()
			continue
		}
		words := splitWords(token)
		if len(words) == 0 {
			continue
		}
		if negate {
			cur.exclude = append(cur.exclude, searchTerm{words})
		} else {
			cur.include = append(cur.include, searchTerm{words})
		}
	}
	end()
	return q
}

// text is the words of the terms to include, for similarity scores.
func (q searchQuery) text() string {
	return strings.Join(q.nameWords(), " ")
}

// nameWords is the words of the terms to include, for marking the words
// of a name in a snippet (@nw in snippetSQL).
func (q searchQuery) nameWords() []string {
	var words []string
	for _, a := range q.alternatives {
		for _, t := range a.include {
			words = append(words, t.words...)
		}
	}
	return words
}
