package graph

import (
	"context"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/db"
)

func BenchmarkEncodeCursor(b *testing.B) {
	keys := []string{"2025-04-18", "123456"}
	b.ReportAllocs()
	for b.Loop() {
		_ = encodeCursor("articles.published:desc", keys)
	}
}

func BenchmarkDecodeCursor(b *testing.B) {
	c := encodeCursor("statements.article:asc", []string{"98765", "12", "1234567"})
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := decodeCursor(c); !ok {
			b.Fatal("cursor does not decode")
		}
	}
}

func BenchmarkEncodeDecodeID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, ok := decodeID(encodeID(typeStatement, 1234567)); !ok {
			b.Fatal("id does not decode")
		}
	}
}

// BenchmarkConnectionOf measures building a 100-item page's connection:
// an edge and a cursor per item.
func BenchmarkConnectionOf(b *testing.B) {
	page := db.Page[db.Statement]{Order: "statements.article:asc", HasNext: true}
	for i := range 100 {
		page.Items = append(page.Items, &db.Statement{ArticleItem: db.ArticleItem{ID: int64(i)}, Keyset: db.Keyset{
			Keys: []string{"42", strconv.Itoa(i), strconv.Itoa(1000 + i)}}})
	}
	count := func(context.Context) (int, error) { return 0, nil }
	b.ReportAllocs()
	for b.Loop() {
		c := connectionOf(page, count)
		if len(c.Edges) != 100 {
			b.Fatal("wrong page size")
		}
	}
}
