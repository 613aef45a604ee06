package search

import "testing"

// BenchmarkParseSnippet turns a marked search snippet into text and ranges.
func BenchmarkParseSnippet(b *testing.B) {
	marked := "Cooperation in the " + markStart + "digital" + markEnd + " " + markStart + "economy" + markEnd +
		" will create high-skilled jobs … investment in the " + markStart + "digital" + markEnd + " sector"
	b.ReportAllocs()
	for b.Loop() {
		_ = parseSnippet(marked)
	}
}
