package corpus_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// schemaOf lists the definitions of every index and constraint of the
// public schema, and whether each is valid.
func schemaOf(t *testing.T, q *dbtest.Database) []string {
	t.Helper()
	rows, err := q.Pool.Query(context.Background(), `
		SELECT 'index ' || c.relname || ': ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid AND i.indisready THEN '' ELSE ' INVALID' END
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE c.relnamespace = 'public'::regnamespace
		UNION ALL
		SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || ': ' || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' NOT VALIDATED' END
		FROM pg_constraint WHERE connamespace = 'public'::regnamespace
		UNION ALL
		SELECT 'trigger ' || tgname || ': ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return defs
}

// rowCounts counts the rows of every table of the public schema.
func rowCounts(t *testing.T, d *dbtest.Database) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for table := range snapshotTables(t, d) {
		var n int64
		if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM `+pgx.Identifier{table}.Sanitize()).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func snapshotTables(t *testing.T, d *dbtest.Database) map[string]bool {
	t.Helper()
	rows, err := d.Pool.Query(context.Background(), `SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`)
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, n := range names {
		out[n] = true
	}
	return out
}

// digest digests every table's rows, leaving out timestamps (which record
// when rows were written, not what they say).
func digest(t *testing.T, d *dbtest.Database) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	for table := range snapshotTables(t, d) {
		rows, err := d.Pool.Query(ctx, `SELECT column_name::text FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name = $1 AND data_type NOT LIKE 'timestamp%' ORDER BY ordinal_position`, table)
		if err != nil {
			t.Fatal(err)
		}
		cols, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range cols {
			cols[i] = "t." + pgx.Identifier{c}.Sanitize()
		}
		row := "(" + strings.Join(cols, ", ") + ")::text"
		var sum string
		err = d.Pool.QueryRow(ctx, `SELECT md5(coalesce(string_agg(`+row+`, ',' ORDER BY `+row+`), '')) FROM `+pgx.Identifier{table}.Sanitize()+` t`).Scan(&sum)
		if err != nil {
			t.Fatal(err)
		}
		out[table] = sum
	}
	return out
}

// foreignKeyViolations checks every foreign key of the public schema with
// a query of its own (not trusting the constraint), and returns the
// constraints some row breaks.
func foreignKeyViolations(t *testing.T, d *dbtest.Database) []string {
	t.Helper()
	ctx := context.Background()
	rows, err := d.Pool.Query(ctx, `
		SELECT c.conname::text, c.conrelid::regclass::text, c.confrelid::regclass::text,
		       array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
		       array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
		FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`)
	if err != nil {
		t.Fatal(err)
	}
	type fk struct {
		name, child, parent string
		cols, refs          []string
	}
	var fks []fk
	var f fk
	if _, err := pgx.ForEachRow(rows, []any{&f.name, &f.child, &f.parent, &f.cols, &f.refs}, func() error {
		fks = append(fks, f)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(fks) < 40 {
		t.Fatalf("found %d foreign keys; the schema has more", len(fks))
	}
	var broken []string
	for _, f := range fks {
		var notNull, match []string
		for i := range f.cols {
			notNull = append(notNull, "c."+f.cols[i]+" IS NOT NULL")
			match = append(match, "p."+f.refs[i]+" = c."+f.cols[i])
		}
		var n int
		err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM `+f.child+` c WHERE `+strings.Join(notNull, " AND ")+
			` AND NOT EXISTS (SELECT 1 FROM `+f.parent+` p WHERE `+strings.Join(match, " AND ")+`)`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			broken = append(broken, fmt.Sprintf("%s: %d rows", f.name, n))
		}
	}
	return broken
}

// allVisibleTables are the tables whose rows Generate writes by SQL after
// the copy, and so must vacuum.
var allVisibleTables = []string{"search_documents", "agreements", "people", "organizations", "statements", "statement_organizations", "organization_statement_members"}

// checkAllVisible fails t unless every page of allVisibleTables is marked
// all-visible.
func checkAllVisible(t *testing.T, d *dbtest.Database) {
	t.Helper()
	rows, err := d.Pool.Query(context.Background(), `SELECT c.relname::text, c.relpages, c.relallvisible FROM pg_class c
		WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname = ANY($1)`, allVisibleTables)
	if err != nil {
		t.Fatal(err)
	}
	type rel struct {
		Name           string
		Pages, Visible int
	}
	rels, err := pgx.CollectRows(rows, pgx.RowToStructByPos[rel])
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != len(allVisibleTables) {
		t.Fatalf("found %d of the %d tables: %+v", len(rels), len(allVisibleTables), rels)
	}
	for _, r := range rels {
		if r.Pages == 0 || r.Visible != r.Pages {
			t.Errorf("%s: %d of %d pages all-visible; want all", r.Name, r.Visible, r.Pages)
		}
	}
}

// A transaction that runs in another database of the server all along
// (a busy server's normal state) must not keep Generate's vacuum from
// marking the pages all-visible. PostgreSQL ignores it for the horizon of
// this database's tables, unless a snapshot of this database taken while
// it ran (such as a concurrent ANALYZE's) holds it. Before the generator
// committed synchronously and vacuumed every table before analyzing any,
// this failed on every run (see vacuumAllVisible).
func TestGenerateAllVisibleBusyServer(t *testing.T) {
	d := dbtest.New(t)
	other := dbtest.New(t)
	ctx := context.Background()
	tx, err := other.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck
	var xid int64
	if err := tx.QueryRow(ctx, `SELECT txid_current()`).Scan(&xid); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	checkAllVisible(t, d)
}

func TestGenerate(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	before := schemaOf(t, d)
	const articles = 300
	res, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: articles, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}

	// The rows written by SQL after the copy (search documents; counts,
	// dates and sort columns updated in place; the statements'
	// organizations, deleted and inserted again) are vacuumed like the
	// copied ones: every page visible to all, so that an index-only scan
	// of a fresh corpus reads no table page, as on a database autovacuum
	// has reached.
	t.Run("AllVisible", func(t *testing.T) { checkAllVisible(t, d) })

	t.Run("RowCounts", func(t *testing.T) {
		counts := rowCounts(t, d)
		for table, n := range res.Rows {
			if counts[table] != n {
				t.Errorf("%s holds %d rows; Generate reported %d", table, counts[table], n)
			}
		}
		scale := corpus.ScaleFor(articles)
		for table, want := range map[string]int64{
			"articles": articles, "people": int64(scale.People), "organizations": int64(scale.Organizations),
			"agreements": int64(scale.Agreements), "topics": 39,
		} {
			if counts[table] != want {
				t.Errorf("%s: got %d rows; want %d", table, counts[table], want)
			}
		}
		for table, perArticle := range map[string][2]float64{
			"statements": {7, 13}, "figures": {2, 4.5}, "paragraphs": {8, 20}, "evidence": {15, 40}, "credits": {2, 2},
			"article_topics": {1.5, 2.5}, "statement_topics": {7, 13}, "figure_topics": {2, 4.5},
		} {
			got := float64(counts[table]) / articles
			if got < perArticle[0] || got > perArticle[1] {
				t.Errorf("%s: got %.1f rows an article; want %.1f to %.1f", table, got, perArticle[0], perArticle[1])
			}
		}
		if counts["entities"] != counts["people"]+counts["organizations"]+counts["places"]+counts["agreements"] {
			t.Errorf("entities: got %d; want one for each person, organization, place and agreement", counts["entities"])
		}
	})

	t.Run("FactsAcrossArticles", func(t *testing.T) { checkFactsAcrossArticles(t, d) })

	t.Run("SchemaRestored", func(t *testing.T) {
		after := schemaOf(t, d)
		if !slices.Equal(before, after) {
			for _, s := range before {
				if !slices.Contains(after, s) {
					t.Errorf("lost: %s", s)
				}
			}
			for _, s := range after {
				if !slices.Contains(before, s) {
					t.Errorf("gained: %s", s)
				}
			}
		}
	})

	t.Run("ReferentialIntegrity", func(t *testing.T) {
		if broken := foreignKeyViolations(t, d); len(broken) > 0 {
			t.Errorf("foreign keys broken: %v", broken)
		}
	})

	t.Run("EvidenceSpans", func(t *testing.T) {
		var total, bad int
		err := d.Pool.QueryRow(ctx, `
			SELECT count(*), count(*) FILTER (WHERE substr(p.text, e.start_offset + 1, e.end_offset - e.start_offset) <> e.text
			                                   OR e.article_id <> p.article_id)
			FROM evidence e JOIN paragraphs p ON p.id = e.paragraph_id`).Scan(&total, &bad)
		if err != nil {
			t.Fatal(err)
		}
		if total == 0 || bad != 0 {
			t.Errorf("%d of %d evidence spans do not cut their text out of their paragraph", bad, total)
		}
		var nonASCII int
		if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM evidence WHERE octet_length(text) <> char_length(text)`).Scan(&nonASCII); err != nil {
			t.Fatal(err)
		}
		if nonASCII == 0 {
			t.Error("no evidence span holds a multi-byte character; offsets in characters go untested")
		}
	})

	t.Run("ParagraphsAreTheSource", func(t *testing.T) {
		var bad int
		err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM paragraphs p JOIN articles a ON a.id = p.article_id
			WHERE substr(a.source_text, p.source_offset + 1, char_length(p.text)) <> p.text`).Scan(&bad)
		if err != nil {
			t.Fatal(err)
		}
		if bad != 0 {
			t.Errorf("%d paragraphs are not where their source_offset says", bad)
		}
	})

	t.Run("FullTextFilled", func(t *testing.T) {
		for _, table := range []string{"articles", "paragraphs", "statements", "figures", "agreements"} {
			var empty int
			if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM `+table+` WHERE search IS NULL OR length(search) = 0`).Scan(&empty); err != nil {
				t.Fatal(err)
			}
			if empty != 0 {
				t.Errorf("%s: %d rows have no full-text vector", table, empty)
			}
		}
	})

	t.Run("Skewed", func(t *testing.T) {
		var top, median float64
		err := d.Pool.QueryRow(ctx, `SELECT max(n), percentile_cont(0.5) WITHIN GROUP (ORDER BY n)
			FROM (SELECT count(*) AS n FROM statements WHERE speaker_kind = 'person' GROUP BY speaker_id) x`).Scan(&top, &median)
		if err != nil {
			t.Fatal(err)
		}
		if top < 5*median {
			t.Errorf("the most prolific speaker made %.0f statements, the median one %.0f; want a few prolific speakers", top, median)
		}
	})

	t.Run("Marker", func(t *testing.T) {
		got, err := corpus.Marker(ctx, d.Pool)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("articles=%d seed=7", articles); !strings.HasSuffix(got, want) {
			t.Errorf("Marker: got %q; want it to end with %q", got, want)
		}
	})

	t.Run("Reuse", func(t *testing.T) {
		again, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: articles, Seed: 7, Reuse: true})
		if err != nil {
			t.Fatal(err)
		}
		if !again.Reused {
			t.Error("Generate with Reuse regenerated an identical corpus")
		}
	})

	// Last: the seeds load over the corpus (the identities were advanced).
	t.Run("ImportAfter", func(t *testing.T) {
		if err := d.Seed(ctx); err != nil {
			t.Fatalf("seed over a generated corpus: %v", err)
		}
	})
}

func TestGenerateDeterministic(t *testing.T) {
	ctx := context.Background()
	gen := func(seed uint64) map[string]string {
		d := dbtest.New(t)
		if _, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 120, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		return digest(t, d)
	}
	a, b, c := gen(3), gen(3), gen(4)
	for table, sum := range a {
		if b[table] != sum {
			t.Errorf("%s differs between two corpora of seed 3", table)
		}
	}
	for _, table := range []string{"articles", "statements", "people"} {
		if c[table] == a[table] {
			t.Errorf("%s is the same for seeds 3 and 4", table)
		}
	}
}

func TestGenerateRefusesData(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	_, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 50, Seed: 1})
	if db.ErrorCode(err) != db.CodeConflict {
		t.Fatalf("Generate over the seeds: got %v; want a conflict", err)
	}
	if _, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 50, Seed: 1, Reset: true}); err != nil {
		t.Fatalf("Generate with Reset: %v", err)
	}
	var n int
	if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE source_file NOT LIKE 'generated/%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("Reset left %d seed articles", n)
	}
}

// cancelAfter is a progress writer that cancels a context once the
// generation has set the schema aside, and records the database's comment
// at that moment.
type cancelAfter struct {
	mu      sync.Mutex
	d       *dbtest.Database
	cancel  context.CancelFunc
	comment string
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.comment == "" && strings.HasPrefix(string(p), "prepare") {
		_ = c.d.Pool.QueryRow(context.Background(), `SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()`).Scan(&c.comment)
		c.cancel()
	}
	return len(p), nil
}

func TestGenerateInterrupted(t *testing.T) {
	d := dbtest.New(t)
	before := schemaOf(t, d)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &cancelAfter{d: d, cancel: cancel}
	_, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 200, Seed: 1, Progress: w})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Generate, cancelled: got %v; want context.Canceled", err)
	}
	if !strings.Contains(w.comment, "in progress") {
		t.Fatalf("while loading, the database's comment was %q; want the schema set aside", w.comment)
	}

	t.Run("SchemaRestored", func(t *testing.T) {
		if after := schemaOf(t, d); !slices.Equal(before, after) {
			t.Errorf("after an interrupted generation the schema differs:\n got %v\nwant %v", after, before)
		}
		for table, n := range rowCounts(t, d) {
			if n != 0 {
				t.Errorf("%s holds %d rows after an interrupted generation", table, n)
			}
		}
	})

	// A generation that died without restoring the schema left its record
	// in the comment; the next one restores what it set aside.
	t.Run("RecordRestoresDroppedSchema", func(t *testing.T) {
		ctx := context.Background()
		for _, sql := range []string{
			`ALTER TABLE evidence DROP CONSTRAINT evidence_statement_id_fkey`,
			`DROP INDEX statements_search_idx`,
			`ALTER TABLE evidence DISABLE TRIGGER evidence_matches_paragraph`,
			`COMMENT ON DATABASE ` + pgx.Identifier{d.Name}.Sanitize() + ` IS ` + quote(w.comment),
		} {
			if _, err := d.Pool.Exec(ctx, sql); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 40, Seed: 1, Progress: io.Discard}); err != nil {
			t.Fatal(err)
		}
		if after := schemaOf(t, d); !slices.Equal(before, after) {
			t.Errorf("the schema was not restored from the record:\n got %v\nwant %v", after, before)
		}
	})
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// checkFactsAcrossArticles checks that the corpus restates facts (figures
// of the same metric, subject and period in several articles, some with
// other values; claims a person makes again) and that the store groups
// them as a plain SQL grouping and a grouping in Go of the statements do.
func checkFactsAcrossArticles(t *testing.T, d *dbtest.Database) {
	ctx := context.Background()
	store := db.NewStore(d.Pool)

	// The figures, by plain SQL grouping.
	type group struct {
		ids         string
		conflicting bool
	}
	rows, err := d.Pool.Query(ctx, `SELECT array_to_string(array_agg(id ORDER BY id), ','),
			count(DISTINCT (value, unit, currency)) > 1
		FROM figures WHERE period_year IS NOT NULL
		GROUP BY lower(metric), subject_id, period_year, coalesce(period_month, 0), coalesce(period_day, 0)
		HAVING count(DISTINCT article_id) > 1
		ORDER BY lower(metric), subject_id, period_year, coalesce(period_month, 0), coalesce(period_day, 0)`)
	if err != nil {
		t.Fatal(err)
	}
	want, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (group, error) {
		var g group
		return g, r.Scan(&g.ids, &g.conflicting)
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []group
	var after *db.Cursor
	for {
		page, err := store.ListFigureClaims(ctx, nil, db.PageArgs{First: 100, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range page.Items {
			ids := make([]string, len(c.FigureIDs))
			for i, id := range c.FigureIDs {
				ids[i] = fmt.Sprint(id)
			}
			got = append(got, group{strings.Join(ids, ","), c.Conflicting})
			if c.ArticleCount < 2 {
				t.Errorf("figures %v: articleCount %d; want 2 or more", c.FigureIDs, c.ArticleCount)
			}
		}
		if !page.HasNext {
			break
		}
		after = &db.Cursor{Order: page.Order, Keys: page.Items[len(page.Items)-1].Keys}
	}
	conflicting := 0
	for _, g := range want {
		if g.conflicting {
			conflicting++
		}
	}
	if conflicting == 0 || conflicting == len(want) {
		t.Errorf("%d of %d restated facts conflict; want the corpus to have both kinds", conflicting, len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("figure claims: %d groups, %v...; want the SQL grouping's %d, %v...", len(got), got[:min(3, len(got))], len(want), want[:min(3, len(want))])
	}
	n, err := store.CountFigureClaims(ctx, nil)
	if err != nil || n != len(want) {
		t.Errorf("CountFigureClaims = %d, %v; want %d", n, err, len(want))
	}

	// The statements: grouped in Go by speaker and words, case and
	// punctuation aside.
	rows, err = d.Pool.Query(ctx, `SELECT id, speaker_id, content FROM statements WHERE speaker_id IS NOT NULL ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	type statement struct {
		id, speaker int64
		content     string
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (statement, error) {
		var s statement
		return s, r.Scan(&s.id, &s.speaker, &s.content)
	})
	if err != nil {
		t.Fatal(err)
	}
	normal := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	claims := map[string][]int64{}
	var ids []int64
	for _, s := range all {
		k := fmt.Sprint(s.speaker, "|", normal(s.content))
		claims[k] = append(claims[k], s.id)
		ids = append(ids, s.id)
	}
	same, err := store.SameStatementClaims(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	repeated := 0
	for _, s := range all {
		var want []int64
		for _, id := range claims[fmt.Sprint(s.speaker, "|", normal(s.content))] {
			if id != s.id {
				want = append(want, id)
			}
		}
		var got []int64
		for _, o := range same[s.id] {
			got = append(got, o.ID)
		}
		if len(want) > 0 {
			repeated++
		}
		if !slices.Equal(got, want) {
			t.Errorf("statement %d: same claim as %v; want %v", s.id, got, want)
		}
	}
	if repeated == 0 {
		t.Error("no person makes a claim twice; want the corpus to restate some")
	}
}
