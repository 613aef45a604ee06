package corpus_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// BenchmarkGenerate loads a small corpus: rows a second, end to end.
func BenchmarkGenerate(b *testing.B) {
	d := dbtest.New(b)
	ctx := context.Background()
	var rows int64
	for b.Loop() {
		res, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 1000, Seed: 1, Reset: true})
		if err != nil {
			b.Fatal(err)
		}
		rows += res.TotalRows()
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
