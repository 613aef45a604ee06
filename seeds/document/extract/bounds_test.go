package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestExtractBoundsASentenceOfFigures checks that one sentence naming
// 20,000 figures ("5.1% 5.1% …", 100 KB, half the API's limit) is read in
// time linear in its length: each figure's context used to read the whole
// sentence again, and another 40 KB like it kept a core busy for minutes
// after its client had gone. A sentence gives at most maxSentenceFigures.
func TestExtractBoundsASentenceOfFigures(t *testing.T) {
	text := "Malaysia's GDP grew " + strings.Repeat("5.1% ", 20000) + "in 2024.\n"
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := Extract(ctx, text, Options{})
	if err != nil {
		t.Fatalf("Extract: %v; want a draft", err)
	}
	if n := len(d.Doc.Figures); n == 0 || n > maxSentenceFigures {
		t.Errorf("%d figures; want 1 to %d, the first of the sentence", n, maxSentenceFigures)
	}
}

// TestExtractStopsWhenItsContextEnds checks that Extract gives up, with
// its context's error, once the request it serves has ended.
func TestExtractStopsWhenItsContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Extract(ctx, "Malaysia's GDP grew 5.1% in 2024, the minister said.\n", Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Extract after its context was cancelled: %v; want context.Canceled", err)
	}
}
