package db_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// generated returns a store over a fresh database with a small generated
// corpus.
func generated(b *testing.B, articles int) *dbtest.Database {
	b.Helper()
	d := dbtest.New(b)
	if _, err := corpus.Generate(context.Background(), d.Pool, corpus.Options{Articles: articles, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkNestedPages reads the first 10 statements of 20 articles, the
// front page's nested connection: in one statement for all parents (what
// the per-request loaders batch into), and one statement a parent (what an
// unbatched resolver would send).
func BenchmarkNestedPages(b *testing.B) {
	d := generated(b, 500)
	ctx := context.Background()
	page, err := db.AllArticles.List(ctx, d.Store, nil, db.Order{}, db.PageArgs{First: 20})
	if err != nil {
		b.Fatal(err)
	}
	var parents []int64
	for _, a := range page.Items {
		parents = append(parents, a.ID)
	}
	args := db.PageArgs{First: 10}
	b.Run("Batched", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := db.NestedPages(ctx, d.Store, db.ArticleStatements, parents, args, db.NestedArgs{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("OneByOne", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range parents {
				if _, err := db.NestedPages(ctx, d.Store, db.ArticleStatements, []int64{p}, args, db.NestedArgs{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkStatementsPage reads page 1 and, by cursor, page 200 of all
// statements: keyset pages cost the same wherever they are.
func BenchmarkStatementsPage(b *testing.B) {
	d := generated(b, 500)
	ctx := context.Background()
	args := db.PageArgs{First: 20}
	var after *db.Cursor
	for range 199 {
		page, err := db.AllStatements.List(ctx, d.Store, nil, db.Order{}, db.PageArgs{First: 20, After: after})
		if err != nil {
			b.Fatal(err)
		}
		last := page.Items[len(page.Items)-1]
		after = &db.Cursor{Order: page.Order, Keys: last.ListKeys()}
	}
	for name, a := range map[string]db.PageArgs{"Page1": args, "Page200": {First: 20, After: after}} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := db.AllStatements.List(ctx, d.Store, nil, db.Order{}, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
