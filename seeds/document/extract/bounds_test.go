package extract

import (
	"context"
	"errors"
	"fmt"
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

// TestExtractEndsNearItsDeadline checks that a text made of one long
// sentence gives up soon after its deadline: a review found two that
// took 79 s and 15 s with a deadline of 2 s, the first a bare "1 million"
// that read the rest of the sentence again for each one, the second 15,000
// names. Extract gets 30 times its deadline.
func TestExtractEndsNearItsDeadline(t *testing.T) {
	for name, text := range map[string]string{
		"ScaledNumbers": "GDP grew " + strings.Repeat("1 million ", 19000) + "in 2024.\n",
		"Names":         "Officials " + strings.Repeat("Ahmad Bakar, ", 15000) + "said.\n",
	} {
		t.Run(name, func(t *testing.T) {
			const deadline = time.Second
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			done := make(chan error, 1)
			go func() {
				_, err := Extract(ctx, text, Options{})
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil && !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("Extract: %v; want a draft or the deadline's error", err)
				}
			case <-time.After(30 * deadline):
				t.Fatalf("Extract ran on %v past its deadline of %v", 29*deadline, deadline)
			}
		})
	}
}

// TestExtractSaidWithNoOne checks that a sentence ending "..., said."
// names no speaker rather than reading past its end (a slice out of
// range: an internal error through the API).
func TestExtractSaidWithNoOne(t *testing.T) {
	if _, err := Extract(context.Background(), "Officials Ahmad Bakar, Siti Aminah, said.\n", Options{}); err != nil {
		t.Errorf("Extract: %v; want a draft", err)
	}
}

// BenchmarkExtractManyNames extracts a sentence of 4,000 distinct names,
// 60 KB: the cost must grow with the text's length. When each name's
// titleStart split the rest of its sentence into words, this took 2.5 s
// (8,000 names: 12 s); it takes about 0.2 s.
func BenchmarkExtractManyNames(b *testing.B) {
	var text strings.Builder
	text.WriteString("The minister said ")
	for i := range 4000 {
		fmt.Fprintf(&text, "%s %s, ", fakeName(i), fakeName(i*7+3))
	}
	text.WriteString("were there.\n")
	for b.Loop() {
		if _, err := Extract(context.Background(), text.String(), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// fakeName is a capitalized word of six letters made from i.
func fakeName(i int) string {
	s := []byte{byte('A' + i%26)}
	for j := range 5 {
		i /= 3
		s = append(s, byte('a'+(i*7+j)%26))
	}
	return string(s)
}
