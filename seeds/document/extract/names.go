package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a block: bytes [start, end).
type token struct {
	start, end int
	text       string
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '&'
}

// tokenize cuts s[lo:hi] into words; a possessive "'s" is left out.
func tokenize(s string, lo, hi int) []token {
	var ts []token
	for i := lo; i < hi; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) || r == '-' {
			i += n
			continue
		}
		j := i
		for j < hi {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r) {
				break
			}
			j += n
		}
		end := strings.TrimRight(s[i:j], "-")
		if j-i == 1 && i > lo && s[i-1] == '(' && j < hi && s[j] == ')' && unicode.IsUpper(r) {
			i = j // a marker such as "(M)" in a company name
			continue
		}
		ts = append(ts, token{start: i, end: i + len(end), text: end})
		i = j
	}
	return ts
}

func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.Is(unicode.Han, r) || (unicode.IsDigit(r) && strings.ContainsFunc(w, unicode.IsLetter))
}

func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

var connectors = set("of", "for", "and", "on", "the", "bin", "binti", "van", "von", "de", "da", "al", "bte")

// name is a run of capitalized words in a block.
type name struct {
	start, end int
	words      []string
}

// names finds the runs of capitalized words in s[lo:hi], a sentence.
func names(s string, lo, hi int) []name {
	ts := tokenize(s, lo, hi)
	var out []name
	for i := 0; i < len(ts); i++ {
		if !capitalized(ts[i].text) {
			continue
		}
		if ts[i].start == lo && stopwords[ts[i].text] && !appositiveName(s[ts[i].end:hi]) {
			continue
		}
		n := name{start: ts[i].start, end: ts[i].end, words: []string{ts[i].text}}
		inTail := false
		j := i + 1
		for j < len(ts) {
			gap := s[ts[j-1].end:ts[j].start]
			w := ts[j].text
			switch {
			case capitalized(w) && joins(gap, ts[j-1].text):
				if headOf(ts[j-1].text) && (w == "Ministry" || w == "University") {
					break
				}
				n.end, n.words = ts[j].end, append(n.words, w)
				j++
				continue
			case gap == " " && connectors[w] && j+1 < len(ts) && s[ts[j].end:ts[j+1].start] == " " && capitalized(ts[j+1].text):
				if w == "and" && allCaps(ts[j-1].text) {
					break
				}
				next := strings.ToLower(ts[j+1].text)
				if weekdays[ts[j+1].text] || months[ts[j+1].text] != 0 {
					break // "Singapore on Thursday", "Manila in May": a date, not a name
				}
				if w == "and" && (!inTail && !headAhead(ts[j+1:], s) || titles[next] && !portfolios[next]) {
					break
				}
				if w == "the" && !inTail {
					break
				}
				if w != "and" && w != "the" && anyHead(n.words) {
					inTail = true
				}
				if w == "bin" || w == "binti" || w == "bte" || w == "van" || w == "von" || w == "de" || w == "da" || w == "al" {
					inTail = false
				}
				n.end, n.words = ts[j+1].end, append(n.words, w, ts[j+1].text)
				j += 2
				continue
			case gap == ", " && inTail && capitalized(w) && commaList(ts[j:], s):
				n.end, n.words = ts[j].end, append(n.words, w)
				j++
				continue
			}
			break
		}
		out = append(out, n)
		i = j - 1
	}
	return out
}

// joins reports whether gap joins two capitalized words into one name.
func joins(gap, prev string) bool {
	switch gap {
	case " ", "–", "-", "—":
		return true
	case ". ":
		for _, h := range honorifics {
			if h == prev+"." {
				return true
			}
		}
	case "' ", "’ ":
		for _, h := range honorifics {
			if strings.HasSuffix(h, "'") && strings.TrimSuffix(h, "'") == prev {
				return true
			}
		}
	case " (M) ":
		return true
	}
	return false
}

func headOf(w string) bool {
	lw := strings.ToLower(w)
	_, o := orgHeads[lw]
	_, e := eventHeads[lw]
	return o || e
}

func anyHead(words []string) bool {
	for _, w := range words {
		if headOf(w) {
			return true
		}
		if _, ok := agreementHeads[strings.ToLower(w)]; ok {
			return true
		}
	}
	return false
}

// headAhead reports whether the capitalized run starting at ts ends with a
// head word, so that "X and Y Conference" stays one name.
func headAhead(ts []token, s string) bool {
	for k, t := range ts {
		if !capitalized(t.text) {
			return false
		}
		if _, ok := agreementHeads[strings.ToLower(t.text)]; ok || headOf(t.text) {
			return true
		}
		if k+1 < len(ts) && !joins(s[t.end:ts[k+1].start], t.text) {
			return false
		}
	}
	return false
}

// commaList reports whether ts starts "A, B and C" of capitalized words.
func commaList(ts []token, s string) bool {
	for k, t := range ts {
		if t.text == "and" {
			return k > 0
		}
		if !capitalized(t.text) {
			return false
		}
		if k+1 < len(ts) {
			if g := s[t.end:ts[k+1].start]; g != " " && g != ", " {
				return false
			}
		}
	}
	return false
}

var appositive = regexp.MustCompile(`^ \p{Lu}[\p{L}\-]+, (?:a |an |the )?\p{L}+`)

// appositiveName reports whether a sentence's first word, though a common
// word, starts a name followed by a role: "An Tongliang, Dean of ...".
func appositiveName(rest string) bool {
	m := appositive.FindString(rest)
	if m == "" {
		return false
	}
	w := m[strings.LastIndex(m, " ")+1:]
	return titles[strings.ToLower(w)]
}
