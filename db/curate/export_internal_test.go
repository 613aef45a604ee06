package curate

// The export's hooks for its tests in package curate_test, which can use
// package dbtest (this package cannot: dbtest imports it to seed), and its
// own tests of unexported parts.

import (
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/seeds/document"
)

var (
	ExportArticle = exportArticle
	ExportEntity  = exportEntity
	ExportTopic   = exportTopic
)

// TestExportSpanDoc checks that every occurrence of a text in a paragraph,
// overlapping and after multi-byte characters, is exported as the item that
// resolves back to it.
func TestExportSpanDoc(t *testing.T) {
	blocks := document.SplitParagraphs("# “Title” aa\n\n优米 aaa “aa” aa\n")
	p := blocks[1]
	at := document.Occurrences(p.Text, "aa")
	if len(at) != 4 {
		t.Fatalf("%d occurrences of %q in %q; want 4", len(at), "aa", p.Text)
	}
	for i, b := range at {
		start := utf8.RuneCountInString(p.Text[:b])
		item, err := spanDoc(blocks, document.Span{Paragraph: 2, Start: start, End: start + 2, Text: "aa"})
		if err != nil {
			t.Fatalf("occurrence %d: %v", i+1, err)
		}
		if want := (document.SpanDoc{Text: "aa", Paragraph: 2, Occurrence: i + 1}); item != want {
			t.Errorf("occurrence %d: got %+v; want %+v", i+1, item, want)
		}
		found, msg := document.ResolveSpan(blocks, item)
		if msg != "" || len(found) != 1 || found[0].Start != start || found[0].Paragraph != 2 {
			t.Errorf("document.ResolveSpan(%+v) = %+v, %q; want the span at character %d of paragraph 2", item, found, msg, start)
		}
	}
	if _, err := spanDoc(blocks, document.Span{Paragraph: 2, Start: 1, End: 3, Text: "aa"}); err == nil {
		t.Error("a span whose text is not at its offset: got no error; want one")
	}
	if _, err := spanDoc(blocks, document.Span{Paragraph: 3, Start: 0, End: 2, Text: "aa"}); err == nil {
		t.Error("a span in a paragraph the text does not have: got no error; want one")
	}
}
