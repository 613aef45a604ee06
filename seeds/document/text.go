package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/db"
)

// Paragraph is one paragraph cut out of an article's source text.
type Paragraph struct {
	Position     int    // 1-based
	Text         string // the line without Markdown markers
	SourceOffset int    // characters from the start of the source
	Heading      bool   // the line was "# ..."
	Kind         string
}

// SplitParagraphs cuts source text into paragraphs: every non-blank line is
// one, a "# " heading loses its marker and a line wrapped in "**" loses its
// asterisks; the text in between is kept byte for byte.
func SplitParagraphs(src string) []Paragraph {
	var blocks []Paragraph
	offset := 0 // bytes
	for line := range strings.SplitAfterSeq(src, "\n") {
		start := offset
		offset += len(line)
		content := strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.TrimSpace(content) == "" {
			continue
		}
		b := Paragraph{Position: len(blocks) + 1, Kind: db.ParagraphBody}
		switch {
		case strings.HasPrefix(content, "# "):
			b.Heading = true
			start += 2
			content = content[2:]
		case len(content) > 4 && strings.HasPrefix(content, "**") && strings.HasSuffix(content, "**"):
			start += 2
			content = content[2 : len(content)-2]
		}
		b.Text = content
		b.SourceOffset = utf8.RuneCountInString(src[:start])
		blocks = append(blocks, b)
	}
	return blocks
}

// Span is a resolved piece of evidence: a character range of a paragraph.
type Span struct {
	Paragraph int // position, 1-based
	Start     int // characters, inclusive
	End       int // characters, exclusive
	Text      string
}

// Occurrences returns the byte offsets of every occurrence of sub in s,
// overlapping ones included: the validator counts occurrences so, and so
// must whatever writes "occurrence" into a document (the export, the
// extractor).
func Occurrences(s, sub string) []int {
	var at []int
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return at
		}
		at = append(at, i+j)
		i += j + 1
	}
}

// wholeWord reports whether s[i:i+n] is not glued to a letter or digit.
func wholeWord(s string, i, n int) bool {
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && isWordRune(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s[i+n:]); i+n < len(s) && isWordRune(r) {
		return false
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// newSpan converts a byte range of a paragraph into a character span.
func newSpan(p Paragraph, at, n int) Span {
	start := utf8.RuneCountInString(p.Text[:at])
	return Span{
		Paragraph: p.Position,
		Start:     start,
		End:       start + utf8.RuneCountInString(p.Text[at:at+n]),
		Text:      p.Text[at : at+n],
	}
}
