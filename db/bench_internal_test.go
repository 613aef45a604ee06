package db

import (
	"fmt"
	"io"
	"strings"
	"testing"
)

// Benchmarks of the read path's pure-CPU steps and of the generator.

// BenchmarkKeysetSQL builds the SQL of a page after a cursor: the keyset
// condition, the ORDER BY and the keys column.
func BenchmarkKeysetSQL(b *testing.B) {
	o, err := orderFor("statements", Order{})
	if err != nil {
		b.Fatal(err)
	}
	after := &Cursor{Order: o.cursorName(), Keys: []string{"1042", "7", "9913"}}
	b.ReportAllocs()
	for b.Loop() {
		l := listing{from: statementFrom, columns: statementColumns}
		l.and((*StatementFilter)(nil).sql(&l))
		orderBy, limit, _, err := l.keyset(o, PageArgs{First: 20, After: after})
		if err != nil {
			b.Fatal(err)
		}
		_ = fmt.Sprintf(`SELECT %s, %s FROM %s WHERE %s ORDER BY %s LIMIT %d`,
			l.columns, keysColumn(o), l.from, l.whereSQL(), orderBy, limit+1)
	}
}

// BenchmarkParseSnippet turns a marked search snippet into text and ranges.
func BenchmarkParseSnippet(b *testing.B) {
	marked := "Cooperation in the " + markStart + "digital" + markEnd + " " + markStart + "economy" + markEnd +
		" will create high-skilled jobs … investment in the " + markStart + "digital" + markEnd + " sector"
	b.ReportAllocs()
	for b.Loop() {
		_ = parseSnippet(marked)
	}
}

// BenchmarkGenerateArticles makes articles' COPY input (no database):
// the generator's share of a load.
func BenchmarkGenerateArticles(b *testing.B) {
	g := newGenerator(GenerateOptions{Articles: 10_000, Seed: 1})
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
