package curate_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// editArticle is the seed article the edit benchmarks change.
const editArticle = "china-malaysia-high-tech-collaboration-new-quality-productive-forces"

// maxEditSQL is the most SQL statements a single-item edit may send,
// BEGIN and COMMIT included (an update reads its item twice, once to
// edit and once to tell whether the edit changed anything).
const maxEditSQL = 17

func editedArticle(tb testing.TB, d *dbtest.Database) int64 {
	tb.Helper()
	a, err := d.Store.ArticleBySlug(context.Background(), editArticle)
	if err != nil || a == nil {
		tb.Fatalf("article %s: %v", editArticle, err)
	}
	return a.ID
}

func newStatement(content string) document.StatementDoc {
	return document.StatementDoc{
		Speaker:  document.SpeakerDoc{Person: ptr("gan-tian-loo")},
		Verb:     "said",
		Mode:     "paraphrase",
		Content:  content,
		Topics:   []string{"5g"},
		Mentions: []string{"huawei"},
		Evidence: document.EvidenceList{{Text: "The two countries issued a joint statement"}},
	}
}

func newFigure(display string) document.FigureDoc {
	return document.FigureDoc{
		Metric:   "share of something",
		Value:    ptr("5.1"),
		Unit:     "percent",
		Display:  display,
		Subject:  "malaysia",
		Topics:   []string{"5g"},
		Evidence: document.EvidenceList{{Text: "The two countries issued a joint statement"}},
	}
}

// itemEdits are the edits of one statement or figure, each run once on
// the seed article; the figure cites the statement, so the statement's
// delete cascades to it.
func itemEdits(d *dbtest.Database, articleID int64) []struct {
	name string
	run  func(ctx context.Context) error
} {
	var st *db.Statement
	var fig *db.Figure
	return []struct {
		name string
		run  func(ctx context.Context) error
	}{
		{"CreateStatement", func(ctx context.Context) (err error) {
			st, err = curate.CreateStatement(ctx, d.Store, "bench", articleID, newStatement("A statement to edit."))
			return err
		}},
		{"UpdateStatement", func(ctx context.Context) (err error) {
			st, err = curate.UpdateStatement(ctx, d.Store, "bench", st.ID, st.Version, func(s *document.StatementDoc) error {
				s.Content = "A statement, edited."
				s.Evidence = document.EvidenceList{{Text: "the ongoing construction of a large-scale data center"}}
				return nil
			})
			return err
		}},
		{"CreateFigure", func(ctx context.Context) (err error) {
			_, key, err := curate.StatementKey(context.Background(), d.Store, st.ID)
			if err != nil {
				return err
			}
			f := newFigure("5.1%")
			f.Statement = &key
			fig, err = curate.CreateFigure(ctx, d.Store, "bench", articleID, f)
			return err
		}},
		{"UpdateFigure", func(ctx context.Context) (err error) {
			fig, err = curate.UpdateFigure(ctx, d.Store, "bench", fig.ID, fig.Version, func(f *document.FigureDoc) error {
				f.Display = "5.1 percent"
				f.Evidence = document.EvidenceList{{Text: "Scheduled for completion in June"}}
				return nil
			})
			return err
		}},
		{"DeleteFigure", func(ctx context.Context) error {
			return curate.DeleteFigure(ctx, d.Store, "bench", fig.ID, &fig.Version)
		}},
		{"DeleteStatement", func(ctx context.Context) error {
			_, err := curate.DeleteStatement(ctx, d.Store, "bench", st.ID, &st.Version, true)
			return err
		}},
	}
}

// TestItemEditSQL bounds the SQL statements of each edit of one statement
// or figure: an edit writes the rows it touches, not its whole article.
func TestItemEditSQL(t *testing.T) {
	d := dbtest.NewSeeded(t)
	for _, e := range itemEdits(d, editedArticle(t, d)) {
		ctx := pg.CountStatements(context.Background())
		if err := e.run(ctx); err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if got := pg.StatementCount(ctx); got > maxEditSQL {
			t.Errorf("%s sent %d SQL statements; want at most %d", e.name, got, maxEditSQL)
		}
	}
}

// TestItemEditsMatchRewrite checks that each edit of one statement or
// figure leaves its article as the importer's writer leaves it from the
// whole document: importing the exported article afterwards changes no
// row (positions, links and evidence included).
func TestItemEditsMatchRewrite(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	articleID := editedArticle(t, d)
	for _, e := range itemEdits(d, articleID) {
		if err := e.run(ctx); err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		before, err := d.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := curate.ExportArticle(ctx, d.Pool, articleID)
		if err != nil {
			t.Fatalf("%s: export: %v", e.name, err)
		}
		if _, err := curate.Import(ctx, d.Store, []*document.Document{doc}); err != nil {
			t.Fatalf("%s: import the exported article: %v", e.name, err)
		}
		after, err := d.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for table, want := range before {
			if got := after[table]; got != want {
				t.Errorf("after %s, a rewrite changes %s: %d rows (digest %s); want %d rows (digest %s)",
					e.name, table, got.Rows, got.Digest, want.Rows, want.Digest)
			}
		}
	}
}

// BenchmarkItemEdit runs each edit of one statement or figure on a seed
// article and reports its SQL statements per edit (sql/op). CommitFloor is
// the least a write costs: one row inserted and committed, most of it the
// commit's WAL flush.
func BenchmarkItemEdit(b *testing.B) {
	d := dbtest.NewSeeded(b)
	articleID := editedArticle(b, d)
	b.Run("CommitFloor", func(b *testing.B) {
		for b.Loop() {
			err := pgx.BeginFunc(context.Background(), d.Pool, func(tx pgx.Tx) error {
				_, err := tx.Exec(context.Background(), `INSERT INTO audit_log (actor, action, target_type, target_id, detail)
					VALUES ('bench', 'floor', 'statement', 0, '{}')`)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	for i, e := range itemEdits(d, articleID) {
		b.Run(e.name, func(b *testing.B) {
			var sql int64
			b.StopTimer()
			for range b.N {
				// Each op needs the edits before it, and the ones after
				// it leave the article as it was; both run untimed.
				fresh := itemEdits(d, articleID)
				for _, before := range fresh[:i] {
					if err := before.run(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				ctx := pg.CountStatements(context.Background())
				if err := fresh[i].run(ctx); err != nil {
					b.Fatal(fmt.Errorf("%s: %w", e.name, err))
				}
				b.StopTimer()
				sql += pg.StatementCount(ctx)
				for _, after := range fresh[i+1:] {
					if err := after.run(context.Background()); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(sql)/float64(b.N), "sql/op")
		})
	}
}
