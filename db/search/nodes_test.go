package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestFindReadsNodes checks that the rows a search returns with its hits of
// each type searched by full text (Hit.Node) are those the type's read by
// id returns (the loaders' reads: Store.Articles, ...), on the seeds: for
// each type, a search for a word of one of its documents, every hit on the
// page compared, and no hit of another type given a row.
func TestFindReadsNodes(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	reads := map[string]func([]int64) (any, error){
		"ARTICLE":   func(ids []int64) (any, error) { return d.Store.Articles(ctx, ids) },
		"STATEMENT": func(ids []int64) (any, error) { return d.Store.Statements(ctx, ids) },
		"FIGURE":    func(ids []int64) (any, error) { return d.Store.Figures(ctx, ids) },
		"AGREEMENT": func(ids []int64) (any, error) { return d.Store.Agreements(ctx, ids) },
		"EVENT":     func(ids []int64) (any, error) { return d.Store.Events(ctx, ids) },
		"PROJECT":   func(ids []int64) (any, error) { return d.Store.Projects(ctx, ids) },
		"TOPIC":     func(ids []int64) (any, error) { return d.Store.Topics(ctx, ids) },
	}
	for kind, k := range fullTextKinds {
		t.Run(kind, func(t *testing.T) {
			var word string
			err := d.Pool.QueryRow(ctx, `SELECT (SELECT w.lexeme FROM unnest(s.search) w ORDER BY length(w.lexeme) DESC, w.lexeme LIMIT 1)
				FROM search_documents s WHERE s.kind = $1 ORDER BY s.id LIMIT 1`, k).Scan(&word)
			if err != nil {
				t.Fatalf("a word of a %s: %v", kind, err)
			}
			// All types, so that the page may hold names (no row) too.
			page, _, err := FindCounted(ctx, d.Store, Args{Query: word}, db.PageArgs{First: 100})
			if err != nil {
				t.Fatal(err)
			}
			compared := 0
			for _, h := range page.Items {
				read, ok := reads[h.Kind]
				if !ok {
					if h.Node != nil {
						t.Errorf("%s %d came with a row: %T", h.Kind, h.ID, h.Node)
					}
					continue
				}
				got, err := read([]int64{h.ID})
				if err != nil {
					t.Fatal(err)
				}
				want := reflect.ValueOf(got).Index(0).Interface()
				if !reflect.DeepEqual(h.Node, want) {
					t.Errorf("%s %d: got %s; want %s", h.Kind, h.ID, show(h.Node), show(want))
				}
				if h.Kind == kind {
					compared++
				}
			}
			if compared == 0 {
				t.Errorf("%q found no %s to compare", word, kind)
			}
		})
	}
}

func show(v any) string { return fmt.Sprintf("%+v", v) }
