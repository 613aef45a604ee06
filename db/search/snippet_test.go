package search

import (
	"reflect"
	"strings"
	"testing"
)

// parseSnippetByRune is parseSnippet as it was, rune by rune: the reference
// TestParseSnippet compares it with.
func parseSnippetByRune(marked string) Snippet {
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

// TestParseSnippet checks that snippets are read as they were rune by rune
// (offsets in characters, empty and unclosed marks dropped, other
// private-use characters kept as text), with two allocations: the text and
// the ranges.
func TestParseSnippet(t *testing.T) {
	m := func(s string) string { return markStart + s + markEnd }
	for _, marked := range []string{
		"",
		"no marks",
		m("digital") + " " + m("economy") + " of Malaysia’s " + m("digital") + " sector",
		"“Ở " + m("Việt Nam") + "” … 数字" + m("经济") + " ✓",
		m("") + "empty mark",
		"unclosed " + markStart + "mark",
		"stray end" + markEnd + " and " + m("kept"),
		m("a") + m("b"),
		"private \uE002 use \uE03F and \uE0FF " + m("text"),
		strings.Repeat(m("Cooperation")+" in the "+m("digital economy")+" … ", 20),
	} {
		got, want := parseSnippet(marked), parseSnippetByRune(marked)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseSnippet(%q) = %+v; want %+v", marked, got, want)
		}
	}
	marked := "Cooperation in the " + m("digital") + " " + m("economy") + " will create jobs … the " + m("digital") + " sector"
	if n := testing.AllocsPerRun(100, func() { parseSnippet(marked) }); n > 2 {
		t.Errorf("parseSnippet allocates %v times; want 2", n)
	}
}
