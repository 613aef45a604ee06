package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/seeds/document"
)

// paragraph is one non-blank line of the source, cut as db cuts it: a
// "# " heading loses its marker, a line wrapped in "**" its asterisks.
type paragraph struct {
	pos     int // 1-based, as the validator counts
	text    string
	heading bool
	bold    bool
}

func splitParagraphs(src string) []paragraph {
	var ps []paragraph
	for line := range strings.SplitSeq(src, "\n") {
		content := strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(content) == "" {
			continue
		}
		p := paragraph{pos: len(ps) + 1}
		switch {
		case strings.HasPrefix(content, "# "):
			p.heading = true
			content = content[2:]
		case len(content) > 4 && strings.HasPrefix(content, "**") && strings.HasSuffix(content, "**"):
			p.bold = true
			content = content[2 : len(content)-2]
		}
		p.text = content
		ps = append(ps, p)
	}
	return ps
}

// part is a piece of a block: a paragraph's text placed at off in the
// block's text.
type part struct {
	para int // index into the paragraphs
	off  int // byte offset in the block text
	len  int
}

// block is a run of paragraphs read as one: a paragraph that stops mid
// sentence continues in the next one when that starts in lower case.
type block struct {
	text  string
	parts []part
}

func joinBlocks(ps []paragraph) []block {
	var bs []block
	for i, p := range ps {
		if n := len(bs); n > 0 && !p.heading && continues(ps[i-1].text, p.text) {
			b := &bs[n-1]
			b.text += " "
			b.parts = append(b.parts, part{para: i, off: len(b.text), len: len(p.text)})
			b.text += p.text
			continue
		}
		bs = append(bs, block{text: p.text, parts: []part{{para: i, len: len(p.text)}}})
	}
	return bs
}

func continues(prev, next string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(prev))
	if strings.ContainsRune(".!?:”\"'’)", r) {
		return false
	}
	f, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(f)
}

// sentences returns the byte ranges of the sentences of s.
func sentences(s string) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		end := i + 1
		// closing quotes and brackets belong to the sentence
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if r != '"' && r != '”' && r != '’' && r != ')' && r != '\'' {
				break
			}
			end += n
		}
		if end < len(s) && s[end] != ' ' {
			continue // "5.1", "U.S", "heights.5"
		}
		if c == '.' && abbreviation(s[start:i]) {
			continue
		}
		next := strings.TrimLeft(s[end:], " ")
		if next != "" {
			r, _ := utf8.DecodeRuneInString(next)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '“' && r != '‘' {
				continue
			}
		}
		out = append(out, [2]int{start, end})
		start = end
		for start < len(s) && s[start] == ' ' {
			start++
		}
		i = start - 1
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, [2]int{start, len(strings.TrimRight(s, " "))})
	}
	return out
}

// abbreviation reports whether the text before a period ends with an
// abbreviation rather than a sentence.
func abbreviation(before string) bool {
	w := before[strings.LastIndexAny(before, " (")+1:]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(rune(w[0])) {
		return true // an initial
	}
	return abbreviations[strings.ToLower(w)]
}

// article is the source being read, with what evidence needs.
type article struct {
	src    string
	paras  []paragraph
	counts map[string]int // occurrences of an evidence text in the article
}

// span is a piece of evidence: bytes [start, end) of a block.
type span struct {
	b          *block
	start, end int
}

func (s span) text() string { return s.b.text[s.start:s.end] }

// evidence converts a span of a block into evidence items, one per
// paragraph it touches, each picking out exactly that place.
func (a *article) evidence(s span) document.EvidenceList {
	var list document.EvidenceList
	for _, p := range s.b.parts {
		lo, hi := max(s.start, p.off), min(s.end, p.off+p.len)
		if lo >= hi {
			continue
		}
		text := strings.TrimSpace(s.b.text[lo:hi])
		if text == "" {
			continue
		}
		lo += strings.Index(s.b.text[lo:hi], text)
		list = append(list, a.item(p.para, lo-p.off, text))
	}
	return list
}

// item is the evidence for text at byte at of paragraph i: the bare text
// when it occurs once in the article, else paragraph and occurrence.
func (a *article) item(i, at int, text string) document.SpanDoc {
	total, ok := a.counts[text]
	if !ok {
		for _, p := range a.paras {
			total += len(document.Occurrences(p.text, text))
		}
		if a.counts == nil {
			a.counts = map[string]int{}
		}
		a.counts[text] = total
	}
	if total == 1 {
		return document.SpanDoc{Text: text}
	}
	inPara := len(document.Occurrences(a.paras[i].text, text))
	if inPara == 1 {
		return document.SpanDoc{Text: text, Paragraph: a.paras[i].pos}
	}
	k := 0
	for _, o := range document.Occurrences(a.paras[i].text, text) {
		k++
		if o == at {
			break
		}
	}
	return document.SpanDoc{Text: text, Paragraph: a.paras[i].pos, Occurrence: k}
}

var agencyDateline = regexp.MustCompile(`^[A-Z][A-Z .]+(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)*)?, [A-Z][a-z]+\.? \d{1,2}(?: \([^)]*\))? ?(?:--|—|–) ?`)

// sentencesOf returns the sentences of a block, with an agency dateline
// ("JAKARTA, March 6 -- ") left out of the first.
func sentencesOf(b *block) [][2]int {
	ss := sentences(b.text)
	if len(ss) > 0 {
		if m := agencyDateline.FindString(b.text); m != "" && len(m) < ss[0][1] {
			ss[0][0] = len(m)
		}
	}
	return ss
}
