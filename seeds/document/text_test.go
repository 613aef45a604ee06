package document

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/db"
)

func TestSplitParagraphs(t *testing.T) {
	src := "\n\n# Title “quoted”\r\n\nApril 18, 2025\n\n\n**Bold lede — here**\nBody 优米 line\n   \nLast"
	got := SplitParagraphs(src)
	want := []Paragraph{
		{Position: 1, Text: "Title “quoted”", Heading: true, Kind: db.ParagraphBody},
		{Position: 2, Text: "April 18, 2025", Kind: db.ParagraphBody},
		{Position: 3, Text: "Bold lede — here", Kind: db.ParagraphBody},
		{Position: 4, Text: "Body 优米 line", Kind: db.ParagraphBody},
		{Position: 5, Text: "Last", Kind: db.ParagraphBody},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d paragraphs; want %d: %+v", len(got), len(want), got)
	}
	runes := []rune(src)
	for i, w := range want {
		g := got[i]
		if g.Position != w.Position || g.Text != w.Text || g.Heading != w.Heading {
			t.Errorf("paragraph %d: got %+v; want %+v", i+1, g, w)
		}
		n := utf8.RuneCountInString(g.Text)
		if g.SourceOffset+n > len(runes) || string(runes[g.SourceOffset:g.SourceOffset+n]) != g.Text {
			t.Errorf("paragraph %d: source offset %d does not point at %q", i+1, g.SourceOffset, g.Text)
		}
	}
}

func TestResolveSpan(t *testing.T) {
	blocks := SplitParagraphs("China and Malaysia.\nMalaysian firms in Malaysia’s hub; Malaysia.")
	tests := []struct {
		name    string
		span    SpanDoc
		want    []Span
		wantErr bool
	}{
		{"Unique", SpanDoc{Text: "Malaysian firms"}, []Span{{Paragraph: 2, Start: 0, End: 15, Text: "Malaysian firms"}}, false},
		{"Ambiguous", SpanDoc{Text: "Malaysia"}, nil, true},
		{"InParagraph", SpanDoc{Text: "Malaysia", Paragraph: 1}, []Span{{Paragraph: 1, Start: 10, End: 18, Text: "Malaysia"}}, false},
		{"Occurrence", SpanDoc{Text: "Malaysia", Paragraph: 2, Occurrence: 3}, []Span{{Paragraph: 2, Start: 35, End: 43, Text: "Malaysia"}}, false},
		{"AllWholeWords", SpanDoc{Text: "Malaysia", All: true}, []Span{
			{Paragraph: 1, Start: 10, End: 18, Text: "Malaysia"},
			{Paragraph: 2, Start: 19, End: 27, Text: "Malaysia"},
			{Paragraph: 2, Start: 35, End: 43, Text: "Malaysia"},
		}, false},
		{"NotFound", SpanDoc{Text: "Thailand"}, nil, true},
		{"NoSuchParagraph", SpanDoc{Text: "China", Paragraph: 3}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, msg := ResolveSpan(blocks, tt.span)
			if (msg != "") != tt.wantErr {
				t.Fatalf("message %q; want error=%v", msg, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v; want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("span %d: got %+v; want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestResolveSpanBoundsAll checks that all: true picks out at most
// MaxAllOccurrences spans: a hostile import's "a" in a text of 99,000 of
// them ran into the statement timeout writing the evidence.
func TestResolveSpanBoundsAll(t *testing.T) {
	text := strings.TrimSpace(strings.Repeat("a ", MaxAllOccurrences))
	if got, msg := ResolveSpan(SplitParagraphs(text), SpanDoc{Text: "a", All: true}); msg != "" || len(got) != MaxAllOccurrences {
		t.Errorf("%d occurrences: %d spans, message %q; want them all", MaxAllOccurrences, len(got), msg)
	}
	got, msg := ResolveSpan(SplitParagraphs(text+" a"), SpanDoc{Text: "a", All: true})
	if got != nil || !strings.Contains(msg, fmt.Sprintf("at most %d", MaxAllOccurrences)) {
		t.Errorf("%d occurrences: %d spans, message %q; want a message naming the limit", MaxAllOccurrences+1, len(got), msg)
	}
}
