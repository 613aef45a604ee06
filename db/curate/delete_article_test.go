package curate_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// sqlInt runs a query that returns one integer.
func sqlInt(t *testing.T, d *dbtest.Database, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := d.Pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// articleRows counts the rows of every table that belong to the article.
const articleRows = `SELECT (SELECT count(*) FROM articles WHERE id = $1) + (SELECT count(*) FROM paragraphs WHERE article_id = $1)
	+ (SELECT count(*) FROM credits WHERE article_id = $1) + (SELECT count(*) FROM statements WHERE article_id = $1)
	+ (SELECT count(*) FROM figures WHERE article_id = $1) + (SELECT count(*) FROM evidence WHERE article_id = $1)
	+ (SELECT count(*) FROM article_topics WHERE article_id = $1)
	+ (SELECT count(*) FROM statement_topics x JOIN statements s ON s.id = x.statement_id WHERE s.article_id = $1)`

// TestDeleteArticle deletes an article imported through the API: its rows
// go, the other article's and the shared entities stay, and the deletion
// is audited and announced with an event for the article and for each of
// its statements and figures, in one transaction.
func TestDeleteArticle(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	if _, err := curate.ImportBy(ctx, d.Store, "alice", readSeeds(t)); err != nil {
		t.Fatal(err)
	}
	var id, other int64
	var version int
	if err := d.Pool.QueryRow(ctx, `SELECT id, version, (SELECT max(id) FROM articles) FROM articles ORDER BY id LIMIT 1`).Scan(&id, &version, &other); err != nil {
		t.Fatal(err)
	}
	if id == other {
		t.Fatal("the seeds need two articles")
	}
	statements := sqlInt(t, d, `SELECT count(*) FROM statements WHERE article_id = $1`, id)
	figures := sqlInt(t, d, `SELECT count(*) FROM figures WHERE article_id = $1`, id)
	if statements == 0 || figures == 0 {
		t.Fatalf("the article has %d statements and %d figures; the test needs some of each", statements, figures)
	}
	otherRows := sqlInt(t, d, articleRows, other)
	entities := sqlInt(t, d, `SELECT count(*) FROM entities`)
	events := d.EventCounts(t)

	t.Run("ErrConflict", func(t *testing.T) {
		stale := version + 1
		_, err := curate.DeleteArticle(ctx, d.Store, "bob", id, &stale)
		if p := onlyProblem(t, err); p.Code != db.CodeConflict || p.Path != "version" {
			t.Fatalf("got %+v; want a conflict at version", p)
		}
		if n := sqlInt(t, d, articleRows, id); n == 0 {
			t.Error("a refused delete removed the article's rows")
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := curate.DeleteArticle(ctx, d.Store, "bob", other+1000, nil)
		if p := onlyProblem(t, err); p.Code != db.CodeNotFound || p.Path != "id" {
			t.Fatalf("got %+v; want not found at id", p)
		}
	})
	t.Run("OK", func(t *testing.T) {
		deleted, err := curate.DeleteArticle(ctx, d.Store, "bob", id, &version)
		if err != nil {
			t.Fatal(err)
		}
		if len(deleted.Cascaded) != statements+figures {
			t.Errorf("%d items listed as deleted; want %d statements and %d figures", len(deleted.Cascaded), statements, figures)
		}
		if n := sqlInt(t, d, articleRows, id); n != 0 {
			t.Errorf("%d rows of the article remain; want none", n)
		}
		if n := sqlInt(t, d, articleRows, other); n != otherRows {
			t.Errorf("the other article has %d rows; want %d as before", n, otherRows)
		}
		if n := sqlInt(t, d, `SELECT count(*) FROM entities`); n != entities {
			t.Errorf("%d entities; want %d as before: they are shared", n, entities)
		}
		got := d.EventCounts(t)
		for kind, n := range map[string]int{db.EventArticleDeleted: 1, "statement_deleted": statements, "figure_deleted": figures} {
			if got[kind]-events[kind] != n {
				t.Errorf("%d %s events; want %d", got[kind]-events[kind], kind, n)
			}
		}
		if n := sqlInt(t, d, `SELECT count(*) FROM audit_log WHERE action = 'delete_article' AND actor = 'bob' AND target_id = $1
			AND jsonb_array_length(detail->'cascaded') = $2`, id, statements+figures); n != 1 {
			t.Errorf("%d audit entries of the delete; want 1", n)
		}
	})
}

// TestUpdateAndEntityEvents checks the events of updates and entities: an
// import announces each entity it adds, and a re-import each statement,
// figure and entity it updates, as many as there are rows.
func TestUpdateAndEntityEvents(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	if _, err := curate.ImportBy(ctx, d.Store, "alice", readSeeds(t)); err != nil {
		t.Fatal(err)
	}
	got := d.EventCounts(t)
	for _, kind := range []string{db.KindPerson, db.KindOrganization, db.KindPlace, db.KindEvent, db.KindProject, db.KindAgreement} {
		want := sqlInt(t, d, `SELECT count(*) FROM entities WHERE kind::text = $1`, kind)
		if want == 0 {
			t.Errorf("the seeds have no %s; the test needs one", kind)
		}
		if got[kind+"_added"] != want {
			t.Errorf("%d %s_added events; want %d", got[kind+"_added"], kind, want)
		}
	}
	if _, err := curate.ImportBy(ctx, d.Store, "bob", readSeeds(t)); err != nil {
		t.Fatal(err)
	}
	got = d.EventCounts(t)
	for kind, sql := range map[string]string{
		"statement_updated":    `SELECT count(*) FROM statements`,
		"figure_updated":       `SELECT count(*) FROM figures`,
		"agreement_updated":    `SELECT count(*) FROM entities WHERE kind = 'agreement'`,
		"organization_updated": `SELECT count(*) FROM entities WHERE kind = 'organization'`,
	} {
		if want := sqlInt(t, d, sql); got[kind] != want {
			t.Errorf("%d %s events after a re-import; want %d", got[kind], kind, want)
		}
	}
}
