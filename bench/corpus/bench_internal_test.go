package corpus

import (
	"io"
	"strings"
	"testing"
)

// Benchmarks of the generator's pure-CPU steps (no database).

// BenchmarkGenerateArticles makes articles' COPY input (no database):
// the generator's share of a load.
func BenchmarkGenerateArticles(b *testing.B) {
	g := newGenerator(Options{Articles: 10_000, Seed: 1})
	batch := &batch{}
	g.shared(batch)
	size := func() (n int64) {
		for t := range batch.t {
			n += int64(len(batch.t[t].b))
		}
		return n
	}
	b.ReportAllocs()
	var bytes int64
	i := 0
	for b.Loop() {
		if i%articlesPerBatch == 0 {
			batch.reset()
		}
		i++
		before := size()
		g.article(batch, i)
		bytes += size() - before
	}
	b.ReportMetric(float64(bytes)/float64(b.N), "copy-bytes/article")
}

// BenchmarkCopyEncode writes statement rows in COPY's text format.
func BenchmarkCopyEncode(b *testing.B) {
	var c copyBuf
	content := strings.Repeat("Cooperation in the digital economy will create jobs. ", 2)
	b.ReportAllocs()
	for b.Loop() {
		if len(c.b) > 1<<20 {
			c.reset()
		}
		c.int(1042).int(7).str("s7").int(7).int(5812).str("person").null().null().str("director").str("said").str("quote").str(content).end()
	}
	_, _ = io.Copy(io.Discard, &c)
}
