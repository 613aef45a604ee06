package db_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestScanIsStrict checks that the read model's row scanner refuses a
// statement that lacks a column of the domain type (the lax scanner left
// the field zero), as well as one with a column the type has no field
// for, and takes one without the listing's columns (Keyset), which only
// listings select.
func TestScanIsStrict(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	s := db.NewStore(d.Pool)
	const all = `SELECT a.id, a.slug, a.title, a.lede, a.language, a.source_file, a.version,
		partial_date_json(a.published_year, a.published_month, a.published_day, a.published_precision,
			a.published_text, a.published_inferred, a.published_basis) AS published`
	want, err := db.ReadAll[db.Article](ctx, s, all+` FROM articles a ORDER BY a.id`)
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	if err := d.Pool.QueryRow(ctx, `SELECT array_agg(slug ORDER BY id) FROM articles`).Scan(&slugs); err != nil {
		t.Fatal(err)
	}
	if len(want) != len(slugs) || len(want) == 0 {
		t.Fatalf("read %d articles, the table has %d", len(want), len(slugs))
	}
	for i, a := range want {
		if a.Slug != slugs[i] || a.Language == "" {
			t.Errorf("article %d: slug %q language %q; want slug %q and a language", i, a.Slug, a.Language, slugs[i])
		}
	}
	// Without the title: an error that names it.
	_, err = db.ReadAll[db.Article](ctx, s, strings.Replace(all, "a.title, ", "", 1)+` FROM articles a`)
	if err == nil || !strings.Contains(err.Error(), `"title"`) {
		t.Errorf("without the title column: error %v; want one that names the column", err)
	}
	// Even when no row comes back.
	_, err = db.ReadAll[db.Article](ctx, s, strings.Replace(all, "a.lede, ", "", 1)+` FROM articles a WHERE false`)
	if err == nil || !strings.Contains(err.Error(), `"lede"`) {
		t.Errorf("without the lede column, no rows: error %v; want one that names the column", err)
	}
	// A column the type has no field for.
	if _, err = db.ReadAll[db.Article](ctx, s, all+`, a.source_text FROM articles a`); err == nil {
		t.Error("with a source_text column: no error; want one")
	}
}
