package curate_test

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/migrations"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// snapshot returns every table's row count and digest.
func snapshot(t *testing.T, d *dbtest.Database) map[string]dbtest.TableState {
	t.Helper()
	state, err := d.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return state
}

func readSeeds(t *testing.T) []*document.Document {
	t.Helper()
	docs, err := document.Read(seeds.FS)
	if err != nil {
		t.Fatalf("read seeds: %v", err)
	}
	return docs
}

func TestMigrationsRoundTrip(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	latest, err := migrations.Latest()
	if err != nil {
		t.Fatal(err)
	}
	m, err := migrations.New(d.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()

	objects := func() int {
		t.Helper()
		var n int
		err := d.Pool.QueryRow(ctx, `
			SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations')
			     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			        WHERE n.nspname = 'public' AND t.typtype = 'e')`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	version := func() uint {
		t.Helper()
		v, dirty, err := m.Version()
		if err != nil || dirty {
			t.Fatalf("version: %d dirty=%v err=%v", v, dirty, err)
		}
		return v
	}

	if got := version(); got != latest {
		t.Fatalf("after up: version %d; want %d", got, latest)
	}
	up := objects()
	if up == 0 {
		t.Fatal("after up: no tables or types")
	}
	for steps := 0; version() != 0; steps++ {
		if steps > 100 {
			t.Fatal("migrating down never reaches version 0")
		}
		if err := m.Down(1); err != nil {
			t.Fatal(err)
		}
	}
	if got := version(); got != 0 {
		t.Errorf("after down: version %d; want 0", got)
	}
	if got := objects(); got != 0 {
		t.Errorf("after down: %d tables and enum types remain; want 0", got)
	}
	if err := m.Up(); err != nil {
		t.Fatal(err)
	}
	if got := version(); got != latest {
		t.Errorf("after up again: version %d; want %d", got, latest)
	}
	if got := objects(); got != up {
		t.Errorf("after up again: %d tables and types; want %d", got, up)
	}
	if err := d.Seed(ctx); err != nil {
		t.Errorf("seed after round trip: %v", err)
	}
}

func TestSeedTwiceIsIdentical(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	if err := d.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	first := snapshot(t, d)
	if first["statements"].Rows == 0 || first["evidence"].Rows == 0 {
		t.Fatalf("seeding wrote no statements or evidence: %+v", first)
	}
	if err := d.Seed(ctx); err != nil {
		t.Fatal(err)
	}
	second := snapshot(t, d)
	for table, want := range first {
		if got := second[table]; got != want {
			t.Errorf("%s after the second load: %d rows (digest %s); want %d rows (digest %s)",
				table, got.Rows, got.Digest, want.Rows, want.Digest)
		}
	}
}

// TestSeedErrors breaks the seed documents one way at a time and checks
// that each error names the file and the item, and that nothing is written.
func TestSeedErrors(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	before := snapshot(t, d)

	article := func(docs []*document.Document) *document.Document {
		for _, doc := range docs {
			if doc.Article != nil && len(doc.Statements) > 0 {
				return doc
			}
		}
		t.Fatal("no article document with statements in the seeds")
		return nil
	}
	tests := []struct {
		name string
		// edit changes the parsed documents; editFile changes a file's text.
		edit     func(docs []*document.Document)
		editFile func(fsys fstest.MapFS)
		want     []string
	}{{
		name: "UnknownKey",
		editFile: func(fsys fstest.MapFS) {
			fsys["catalog.yaml"].Data = append(fsys["catalog.yaml"].Data, "\nflavour: salty\n"...)
		},
		want: []string{"catalog.yaml", `unknown field "flavour"`},
	}, {
		name: "MissingRequiredField",
		edit: func(docs []*document.Document) { article(docs).Statements[0].Content = "" },
		want: []string{"statements[0].content", "is required"},
	}, {
		name: "DanglingReference",
		edit: func(docs []*document.Document) {
			article(docs).Statements[0].Speaker = document.SpeakerDoc{Person: ptr("nobody-at-all")}
		},
		want: []string{"statements[0].speaker.person", `"nobody-at-all"`, "declared nowhere"},
	}, {
		name: "WrongKindOfReference",
		edit: func(docs []*document.Document) {
			article(docs).Figures[0].Statement = nil
			article(docs).Figures[0].Subject = ""
		},
		want: []string{"figures[0].subject", "is empty"},
	}, {
		// Items of all: true, each under its own limit, that write more
		// spans than a document may have: the rows were written before.
		name: "EvidencePastTheDocumentsSpans",
		edit: func(docs []*document.Document) {
			doc := article(docs)
			the := document.SpanDoc{Text: "the", All: true}
			found, msg := document.ResolveSpan(document.SplitParagraphs(doc.Text), the)
			if msg != "" || len(found) == 0 {
				t.Fatalf("\"the\" in the seed article: %d, %s", len(found), msg)
			}
			doc.Statements[0].Evidence = nil
			for range document.MaxDocumentSpans/len(found) + 1 {
				doc.Statements[0].Evidence = append(doc.Statements[0].Evidence, the)
			}
		},
		want: []string{"statements[0].evidence[", "past 5000 spans"},
	}, {
		name: "EvidenceNotVerbatim",
		edit: func(docs []*document.Document) {
			article(docs).Statements[1].Evidence = document.EvidenceList{{Text: "words this article never says"}}
		},
		want: []string{"statements[1].evidence[0]", "not found verbatim"},
	}, {
		name: "EvidenceWithStraightQuotes",
		edit: func(docs []*document.Document) {
			doc := article(docs)
			for _, b := range strings.Split(doc.Text, "\n") {
				if i := strings.Index(b, "’"); i > 10 {
					doc.Statements[0].Evidence = document.EvidenceList{{Text: strings.ReplaceAll(b[i-10:i+10], "’", "'")}}
					return
				}
			}
			t.Fatal("no curly apostrophe in the article")
		},
		want: []string{"statements[0].evidence[0]", "different quotes or dashes"},
	}, {
		name: "EvidenceAmbiguous",
		edit: func(docs []*document.Document) {
			article(docs).Statements[0].Evidence = document.EvidenceList{{Text: "China"}}
		},
		want: []string{"statements[0].evidence[0]", "occurs", "add paragraph and occurrence"},
	}, {
		name: "UnknownVerb",
		edit: func(docs []*document.Document) { article(docs).Statements[0].Verb = "whispered" },
		want: []string{"statements[0].verb", `"whispered"`, "want one of"},
	}, {
		name: "ImpossibleDate",
		edit: func(docs []*document.Document) {
			article(docs).Article.Published = &document.DateDoc{Text: "April 18, 2025", Year: ptr(2025), Month: ptr(4), Day: ptr(31)}
		},
		want: []string{"article.published.day", "no such day"},
	}, {
		name: "DuplicateSlug",
		edit: func(docs []*document.Document) {
			doc := article(docs)
			doc.People = append(doc.People, doc.People[0])
		},
		want: []string{"people[", "already declared"},
	}, {
		name: "ParentCycle",
		edit: func(docs []*document.Document) {
			for _, doc := range docs {
				for i, o := range doc.Organizations {
					if o.Parent != nil {
						doc.Organizations[i].Parent = ptr(o.Slug)
						return
					}
				}
			}
			t.Fatal("no organization with a parent in the seeds")
		},
		want: []string{"parents form a cycle"},
	}, {
		name: "ContentTooLong",
		edit: func(docs []*document.Document) {
			article(docs).Statements[0].Content = strings.Repeat("ä", document.MaxLongText+1)
		},
		want: []string{"statements[0].content", "is 10001 characters long; the limit is 10000 characters"},
	}, {
		name: "NameTooLong",
		edit: func(docs []*document.Document) { article(docs).People[0].Name = strings.Repeat("n", 900_000) },
		want: []string{"people[0].name", "is 900000 characters long; the limit is 300 characters"},
	}, {
		name: "NULInName",
		edit: func(docs []*document.Document) { article(docs).People[0].Name = "Gan\x00Tian Loo" },
		want: []string{"people[0].name", "NUL"},
	}, {
		name: "NULInReference",
		edit: func(docs []*document.Document) {
			article(docs).Statements[0].Speaker = document.SpeakerDoc{Person: ptr("gan-tian\x00loo")}
		},
		want: []string{"statements[0].speaker.person", "NUL"},
	}, {
		name: "SlugTooLong",
		edit: func(docs []*document.Document) { article(docs).Article.Slug = strings.Repeat("a", document.MaxSlug+1) },
		want: []string{"article.slug", "the limit is 100 characters"},
	}, {
		name: "EvidenceNotUTF8",
		edit: func(docs []*document.Document) { article(docs).Statements[0].Evidence[0].Text = "\xff\xfe" },
		want: []string{"statements[0].evidence[0].text", "not valid UTF-8"},
	}, {
		name: "SourceTextTooLong",
		edit: func(docs []*document.Document) {
			doc := article(docs)
			doc.Text += strings.Repeat("\nword", document.MaxArticleText/5)
		},
		want: []string{"article.source", "the source text is", "the limit is 200000 characters"},
	}, {
		name: "MissingSourceText",
		editFile: func(fsys fstest.MapFS) {
			for name := range fsys {
				if strings.HasSuffix(name, ".txt") {
					delete(fsys, name)
					return
				}
			}
		},
		want: []string{"article.source", "cannot be read"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := copyFS(t, seeds.FS)
			if tt.editFile != nil {
				tt.editFile(fsys)
			}
			docs, err := document.Read(fsys)
			if err == nil {
				if tt.edit != nil {
					tt.edit(docs)
				}
				_, err = curate.Import(ctx, d.Store, docs)
			}
			var invalid *db.ValidationError
			if !errors.As(err, &invalid) {
				t.Fatalf("got error %v; want a validation error", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
			for _, p := range invalid.Problems {
				if p.Document == "" {
					t.Errorf("problem %q names no document", p)
				}
			}
			if got := db.ErrorCode(err); got != db.CodeInvalid {
				t.Errorf("ErrorCode = %q; want %q", got, db.CodeInvalid)
			}
			after := snapshot(t, d)
			for table, want := range before {
				if after[table] != want {
					t.Errorf("%s changed: %+v; want %+v", table, after[table], want)
				}
			}
		})
	}
}

// TestProblemsListAllowedValues checks that a value outside a vocabulary
// is reported with the values the field allows as a list of their own
// (Problem.Allowed), so that a caller writes them by its own names
// (the API's enums) without reading them out of the message.
func TestProblemsListAllowedValues(t *testing.T) {
	d := dbtest.New(t)
	docs, err := document.Read(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	var st *document.StatementDoc
	for _, doc := range docs {
		if len(doc.Statements) > 0 {
			st = &doc.Statements[0]
			break
		}
	}
	if st == nil {
		t.Fatal("no statement in the seeds")
	}
	verb := st.Verb
	st.Verb = "whispered"
	_, err = curate.Import(context.Background(), d.Store, docs)
	var invalid *db.ValidationError
	if !errors.As(err, &invalid) {
		t.Fatalf("got error %v; want a validation error", err)
	}
	var p *db.Problem
	for i := range invalid.Problems {
		if invalid.Problems[i].Path == "statements[0].verb" {
			p = &invalid.Problems[i]
		}
	}
	if p == nil {
		t.Fatalf("no problem at statements[0].verb in %v", err)
	}
	if p.Message != `is "whispered"` || !slices.Contains(p.Allowed, verb) {
		t.Errorf("message %q, allowed %v; want the value alone and a list with %q", p.Message, p.Allowed, verb)
	}
	list := strings.Join(p.Allowed, ", ")
	if got, want := p.Text(strings.ToUpper), `is "whispered"; want one of `+strings.ToUpper(list); got != want {
		t.Errorf("Text(strings.ToUpper) = %q; want %q", got, want)
	}
	if !strings.HasSuffix(p.String(), `: is "whispered"; want one of `+list) {
		t.Errorf("String() = %q; want the documents' own values", p.String())
	}
}

// copyFS copies a file system into a MapFS that a test may change.
func copyFS(t *testing.T, src fs.FS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, path)
		out[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// TestSeedCountsMatchCuratedFiles compares what each article holds in the
// database with what its curated document lists.
func TestSeedCountsMatchCuratedFiles(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	docs := readSeeds(t)
	kinds := map[string]string{}
	for _, doc := range docs {
		for _, x := range doc.People {
			kinds[x.Slug] = db.KindPerson
		}
		for _, x := range doc.Agreements {
			kinds[x.Slug] = db.KindAgreement
		}
		for _, x := range doc.Places {
			kinds[x.Slug] = db.KindPlace
		}
		for _, x := range doc.Organizations {
			kinds[x.Slug] = db.KindOrganization
		}
	}
	articles := 0
	for _, doc := range docs {
		if doc.Article == nil {
			continue
		}
		articles++
		entities := func(kind string, declared []string) int {
			set := map[string]bool{}
			for _, s := range declared {
				set[s] = true
			}
			for _, m := range doc.Mentions {
				if kinds[m.Entity] == kind {
					set[m.Entity] = true
				}
			}
			return len(set)
		}
		var people, agreements []string
		for _, x := range doc.People {
			people = append(people, x.Slug)
		}
		for _, x := range doc.Agreements {
			agreements = append(agreements, x.Slug)
		}
		want := map[string]int{
			"statements": len(doc.Statements),
			"figures":    len(doc.Figures),
			"people":     entities(db.KindPerson, people),
			"agreements": entities(db.KindAgreement, agreements),
		}
		var got = map[string]int{}
		var statements, figures, persons, agreementsN int
		err := d.Pool.QueryRow(ctx, `
			SELECT
			  (SELECT count(*) FROM statements s WHERE s.article_id = a.id),
			  (SELECT count(*) FROM figures f WHERE f.article_id = a.id),
			  (SELECT count(DISTINCT e.entity_id) FROM evidence e JOIN entities n ON n.id = e.entity_id
			    WHERE e.article_id = a.id AND n.kind = 'person'),
			  (SELECT count(DISTINCT e.entity_id) FROM evidence e JOIN entities n ON n.id = e.entity_id
			    WHERE e.article_id = a.id AND n.kind = 'agreement')
			FROM articles a WHERE a.slug = $1`, doc.Article.Slug).Scan(&statements, &figures, &persons, &agreementsN)
		if err != nil {
			t.Fatalf("%s: %v", doc.Name, err)
		}
		got["statements"], got["figures"], got["people"], got["agreements"] = statements, figures, persons, agreementsN
		for k, w := range want {
			if w == 0 {
				t.Errorf("%s curates no %s", doc.Name, k)
			}
			if got[k] != w {
				t.Errorf("%s: %d %s in the database; want %d", doc.Name, got[k], k, w)
			}
		}
	}
	if articles != 2 {
		t.Errorf("seeds hold %d articles; want the 2 of shared/articles", articles)
	}
}

// TestEvidenceOffsetsCutTheirText checks every stored span against its
// paragraph, and every paragraph against the article's source text.
func TestEvidenceOffsetsCutTheirText(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	var total, bad int
	err := d.Pool.QueryRow(ctx, `
		SELECT count(*), count(*) FILTER (WHERE substr(p.text, e.start_offset + 1, e.end_offset - e.start_offset) <> e.text)
		FROM evidence e JOIN paragraphs p ON p.id = e.paragraph_id AND p.article_id = e.article_id`).Scan(&total, &bad)
	if err != nil {
		t.Fatal(err)
	}
	if total == 0 || bad != 0 {
		t.Errorf("%d of %d evidence spans do not cut their text out of their paragraph; want 0 of more than 0", bad, total)
	}
	err = d.Pool.QueryRow(ctx, `
		SELECT count(*), count(*) FILTER (WHERE substr(a.source_text, p.source_offset + 1, char_length(p.text)) <> p.text)
		FROM paragraphs p JOIN articles a ON a.id = p.article_id`).Scan(&total, &bad)
	if err != nil {
		t.Fatal(err)
	}
	if total == 0 || bad != 0 {
		t.Errorf("%d of %d paragraphs are not verbatim at their source offset", bad, total)
	}
	// Every curated fact has evidence.
	for _, q := range []string{
		`SELECT count(*) FROM statements s WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.statement_id = s.id)`,
		`SELECT count(*) FROM figures f WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.figure_id = f.id)`,
		`SELECT count(*) FROM affiliations a WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.affiliation_id = a.id)`,
		`SELECT count(*) FROM credits c WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.credit_id = c.id)`,
		`SELECT count(*) FROM entities n WHERE n.kind IN ('agreement', 'event', 'project', 'person', 'organization')
		   AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.entity_id = n.id)`,
	} {
		var missing int
		if err := d.Pool.QueryRow(ctx, q).Scan(&missing); err != nil {
			t.Fatal(err)
		}
		if missing != 0 {
			t.Errorf("%d rows have no evidence: %s", missing, q)
		}
	}
	// The sources are stored byte for byte.
	for _, doc := range readSeeds(t) {
		if doc.Article == nil {
			continue
		}
		var stored string
		if err := d.Pool.QueryRow(ctx, `SELECT source_text FROM articles WHERE slug = $1`, doc.Article.Slug).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != doc.Text {
			t.Errorf("%s: stored source text differs from the file", doc.Name)
		}
	}
}

// TestFidelity checks what the articles force: no invented title or date,
// the garbled institution kept verbatim and unresolved, inferred dates
// marked as such, shared entities stored once.
func TestFidelity(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()

	t.Run("NoInventedTitleOrDate", func(t *testing.T) {
		var n int
		err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM articles
			WHERE title IS NULL AND lede IS NULL AND published_precision IS NULL AND source_file LIKE '000\_%'`).Scan(&n)
		if err != nil || n != 1 {
			t.Errorf("article 000 with no title, lede or date: %d rows (err %v); want 1", n, err)
		}
	})
	t.Run("GarbledInstitutionUnresolved", func(t *testing.T) {
		var unresolved bool
		var children int
		err := d.Pool.QueryRow(ctx, `SELECT o.unresolved, (SELECT count(*) FROM organizations c WHERE c.parent_id = o.id)
			FROM organizations o WHERE o.name = '优米直装下载app'`).Scan(&unresolved, &children)
		if err != nil {
			t.Fatalf("the garbled institution is not stored verbatim: %v", err)
		}
		if !unresolved || children == 0 {
			t.Errorf("garbled institution: unresolved=%v children=%d; want unresolved with its business school", unresolved, children)
		}
	})
	t.Run("InferredDatesSayFromWhat", func(t *testing.T) {
		var n int
		err := d.Pool.QueryRow(ctx, `
			SELECT count(*) FROM (
			  SELECT date_inferred, date_basis FROM agreements UNION ALL
			  SELECT date_inferred, date_basis FROM events UNION ALL
			  SELECT completion_inferred, completion_basis FROM projects) x(inferred, basis)
			WHERE cardinality(inferred) > 0 AND basis <> ''`).Scan(&n)
		if err != nil || n == 0 {
			t.Errorf("inferred dates with a basis: %d (err %v); want some (the joint statement's 'on Thursday')", n, err)
		}
	})
	t.Run("SharedEntitiesOnce", func(t *testing.T) {
		for _, name := range []string{"China", "Malaysia"} {
			var records, articles int
			err := d.Pool.QueryRow(ctx, `SELECT count(DISTINCT p.id), count(DISTINCT e.article_id)
				FROM places p LEFT JOIN evidence e ON e.entity_id = p.id WHERE p.name = $1`, name).Scan(&records, &articles)
			if err != nil || records != 1 || articles != 2 {
				t.Errorf("%s: %d records mentioned in %d articles (err %v); want 1 record in 2 articles", name, records, articles, err)
			}
		}
	})
}

// TestConstraints checks that the schema itself refuses inconsistent rows.
func TestConstraints(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	tests := []struct {
		name, sql, code string
	}{
		{"DayPrecisionWithoutDay", `UPDATE articles SET published_precision = 'day', published_text = 'x', published_month = 4 WHERE id = (SELECT min(id) FROM articles)`, "23514"},
		{"InferredWithoutBasis", `UPDATE agreements SET date_basis = NULL WHERE cardinality(date_inferred) > 0`, "23514"},
		{"EvidenceReversed", `UPDATE evidence SET end_offset = start_offset WHERE id = (SELECT min(id) FROM evidence)`, "23514"},
		{"EvidenceTextMismatch", `UPDATE evidence SET text = upper(text) || 'x', end_offset = end_offset + 1 WHERE id = (SELECT min(id) FROM evidence)`, "23514"},
		{"FigureDateWithValue", `UPDATE figures SET value = 1 WHERE unit = 'date'`, "23514"},
		{"StatementWithTwoSpeakers", `UPDATE statements SET speaker_description = 'someone' WHERE speaker_id IS NOT NULL`, "23514"},
		{"SpeakerOfWrongKind", `UPDATE statements SET speaker_id = (SELECT id FROM places LIMIT 1), speaker_kind = 'person' WHERE speaker_id IS NOT NULL`, "23503"},
		{"DeleteReferencedSpeaker", `DELETE FROM entities WHERE id IN (SELECT speaker_id FROM statements)`, "23503"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tx, err := d.Pool.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx)
			tag, err := tx.Exec(ctx, tt.sql)
			if got := pgCode(err); got != tt.code {
				t.Errorf("got SQLSTATE %q (err %v, %d rows); want %s", got, err, tag.RowsAffected(), tt.code)
			}
		})
	}
}

func pgCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// TestAgreementKindOmitted checks that an agreement whose document omits
// its kind (the text does not say) is stored as unspecified, every other
// kind as written, and that an export omits the kind again.
func TestAgreementKindOmitted(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	omitted := 0
	for _, doc := range readSeeds(t) {
		for _, a := range doc.Agreements {
			var id int64
			var kind string
			if err := d.Pool.QueryRow(ctx, `SELECT ag.id, ag.agreement_kind::text FROM agreements ag
				JOIN entities e ON e.id = ag.id WHERE e.slug = $1`, a.Slug).Scan(&id, &kind); err != nil {
				t.Fatalf("%s: %v", a.Slug, err)
			}
			want := a.Kind
			if want == "" {
				want = db.AgreementKindUnspecified
				omitted++
			}
			if kind != want {
				t.Errorf("%s: stored kind %q; want %q", a.Slug, kind, want)
			}
			exported, err := curate.ExportEntity(ctx, d.Pool, id)
			if err != nil {
				t.Fatalf("export %s: %v", a.Slug, err)
			}
			if got := exported.(*document.AgreementDoc).Kind; got != a.Kind {
				t.Errorf("%s: exported kind %q; want %q", a.Slug, got, a.Kind)
			}
		}
	}
	if omitted == 0 {
		t.Error("no seed agreement omits its kind; want at least one (the RCEP)")
	}
}

// onlyProblem returns the one problem of a *db.ValidationError.
func onlyProblem(t *testing.T, err error) db.Problem {
	t.Helper()
	var invalid *db.ValidationError
	if !errors.As(err, &invalid) || len(invalid.Problems) != 1 {
		t.Fatalf("got %v; want a *db.ValidationError with one problem", err)
	}
	return invalid.Problems[0]
}
