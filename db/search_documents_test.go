package db_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestSearchDocumentsFollowRows checks that the triggers keep
// search_documents equal to the documents of the rows (the view
// search_document_rows), in the writing transaction: after the seeds are
// imported, after an article's publication date changes (its statements
// and figures are dated by it), after a statement's and a topic's text
// change, and after an article is deleted with its facts.
func TestSearchDocumentsFollowRows(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	check := func(t *testing.T, when string) {
		t.Helper()
		n := sqlInt(t, d, `SELECT count(*) FROM search_documents`)
		missing := sqlInt(t, d, `SELECT count(*) FROM (SELECT * FROM search_document_rows
			EXCEPT ALL SELECT kind, id, dates, norm, title, search FROM search_documents) x`)
		extra := sqlInt(t, d, `SELECT count(*) FROM (SELECT kind, id, dates, norm, title, search FROM search_documents
			EXCEPT ALL SELECT * FROM search_document_rows) x`)
		if n == 0 || missing != 0 || extra != 0 {
			t.Errorf("%s: %d documents, %d missing or out of date, %d extra", when, n, missing, extra)
		}
	}
	check(t, "seeded")
	article := sqlInt(t, d, `SELECT a.id FROM articles a WHERE EXISTS (SELECT FROM statements s WHERE s.article_id = a.id)
		AND EXISTS (SELECT FROM figures f WHERE f.article_id = a.id) AND a.published_year IS NOT NULL ORDER BY a.id LIMIT 1`)
	tx, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	for _, c := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE articles SET published_year = 1999 WHERE id = $1`, []any{article}},
		{`UPDATE statements SET content = content || ' Quokkanomics.' WHERE id = (SELECT min(id) FROM statements WHERE article_id = $1)`, []any{article}},
		{`UPDATE topics SET label = label || ' quokkas' WHERE id = (SELECT min(id) FROM topics)`, nil},
	} {
		if _, err := tx.Exec(ctx, c.sql, c.args...); err != nil {
			t.Fatalf("%s: %v", c.sql, err)
		}
	}
	var stale int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM search_documents d WHERE d.kind IN (1, 2)
		AND d.dates = (SELECT a.published_range FROM articles a WHERE a.id = $1) AND lower(d.dates) < '2000-01-01'`, article).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	if stale == 0 {
		t.Error("no statement or figure document dated by the article's new date (1999) in the writing transaction")
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	check(t, "after the date and text changes")
	if _, err := d.Pool.Exec(ctx, `DELETE FROM articles WHERE id = $1`, article); err != nil {
		t.Fatal(err)
	}
	check(t, "after the article was deleted")
	if n := sqlInt(t, d, `SELECT count(*) FROM search_documents WHERE kind = 0 AND id = $1`, article); n != 0 {
		t.Errorf("the deleted article keeps its document")
	}
}
