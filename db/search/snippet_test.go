package search

import (
	"reflect"
	"strings"
	"testing"
)

// parseSnippetByRune reads a snippet the way parseSnippet did before it
// read runs (rune by rune, the text as runes): the reference
// TestParseSnippet compares it with.
func parseSnippetByRune(marked string) Snippet {
	start, end := []rune(markStart)[0], []rune(markEnd)[0]
	text, ranges, open := []rune{}, []TextRange{}, -1
	for _, r := range marked {
		switch {
		case r == start:
			open = len(text)
		case r != end:
			text = append(text, r)
		case open >= 0 && len(text) > open:
			ranges, open = append(ranges, TextRange{Start: open, End: len(text)}), -1
		default:
			open = -1
		}
	}
	return Snippet{Text: string(text), Highlights: ranges}
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
