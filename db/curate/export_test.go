package curate_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// sameSnapshot reports every table whose rows differ from before.
func sameSnapshot(t *testing.T, before, after map[string]dbtest.TableState) {
	t.Helper()
	if len(after) != len(before) {
		t.Errorf("got %d tables; want %d", len(after), len(before))
	}
	for table, want := range before {
		if got := after[table]; got != want {
			t.Errorf("%s: %d rows (digest %s); want %d rows (digest %s)", table, got.Rows, got.Digest, want.Rows, want.Digest)
		}
	}
}

// seededExportDB returns a fresh database holding the seeds, and the seed
// documents.
func seededExportDB(t *testing.T) (*dbtest.Database, []*document.Document) {
	t.Helper()
	d := dbtest.New(t)
	docs := readSeeds(t)
	if _, err := curate.Import(context.Background(), d.Store, docs); err != nil {
		t.Fatalf("seed: %v", err)
	}
	return d, docs
}

// TestExportArticleRoundTrip exports every seeded article and imports the
// exported documents: every table must be left exactly as it was.
func TestExportArticleRoundTrip(t *testing.T) {
	d, seeds := seededExportDB(t)
	store, pool := d.Store, d.Pool
	ctx := context.Background()
	before := snapshot(t, d)
	if before["statements"].Rows == 0 || before["figures"].Rows == 0 || before["evidence"].Rows == 0 {
		t.Fatalf("seeding wrote no statements, figures or evidence: %+v", before)
	}

	var exported []*document.Document
	for _, seed := range seeds {
		if seed.Article == nil {
			continue
		}
		var id int64
		if err := pool.QueryRow(ctx, `SELECT id FROM articles WHERE slug = $1`, seed.Article.Slug).Scan(&id); err != nil {
			t.Fatalf("%s: %v", seed.Name, err)
		}
		// Through a transaction, as the API's edits will.
		tx, err := pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := curate.ExportArticle(ctx, tx, id)
		_ = tx.Rollback(ctx)
		if err != nil {
			t.Fatalf("curate.ExportArticle(%s): %v", seed.Article.Slug, err)
		}
		exported = append(exported, doc)

		if got, want := doc.Name, "article "+seed.Article.Slug; got != want {
			t.Errorf("Name = %q; want %q", got, want)
		}
		if doc.Text != seed.Text {
			t.Errorf("%s: exported text differs from the source file", seed.Name)
		}
		a, want := doc.Article, seed.Article
		if a.Slug != want.Slug || a.Source != want.Source || a.Language != want.Language {
			t.Errorf("%s: article %q %q %q; want %q %q %q", seed.Name, a.Slug, a.Source, a.Language, want.Slug, want.Source, want.Language)
		}
		if got, want := orNil(a.Title), orNil(want.Title); got != want {
			t.Errorf("%s: title %q; want %q", seed.Name, got, want)
		}
		if got, want := fmt.Sprint(dateString(a.Published)), fmt.Sprint(dateString(want.Published)); got != want {
			t.Errorf("%s: published %s; want %s", seed.Name, got, want)
		}
		if got, want := sorted(a.Topics), sorted(want.Topics); !slices.Equal(got, want) {
			t.Errorf("%s: topics %v; want %v", seed.Name, got, want)
		}
		if got, want := len(a.Credits), len(want.Credits); got != want {
			t.Errorf("%s: %d credits; want %d", seed.Name, got, want)
		}
		if got, want := len(doc.Statements), len(seed.Statements); got != want {
			t.Errorf("%s: %d statements; want %d", seed.Name, got, want)
		}
		if got, want := len(doc.Figures), len(seed.Figures); got != want {
			t.Errorf("%s: %d figures; want %d", seed.Name, got, want)
		}
		if got, want := len(doc.Affiliations), len(seed.Affiliations); got != want {
			t.Errorf("%s: %d affiliations; want %d", seed.Name, got, want)
		}
		var gotKeys, wantKeys []string
		for _, s := range doc.Statements {
			gotKeys = append(gotKeys, s.Key)
		}
		for _, s := range seed.Statements {
			wantKeys = append(wantKeys, s.Key)
		}
		if got, want := sorted(gotKeys), sorted(wantKeys); !slices.Equal(got, want) {
			t.Errorf("%s: statement keys %v; want %v", seed.Name, got, want)
		}
		// Every entity the seed declares or mentions is mentioned, and
		// nothing is declared.
		wantMentions := map[string]bool{}
		for _, slug := range evidencedEntities(seed) {
			wantMentions[slug] = true
		}
		gotMentions := map[string]bool{}
		for _, m := range doc.Mentions {
			if len(m.Evidence) == 0 {
				t.Errorf("%s: mention of %s has no evidence", seed.Name, m.Entity)
			}
			gotMentions[m.Entity] = true
		}
		if !maps.Equal(gotMentions, wantMentions) {
			t.Errorf("%s: mentions %v; want %v", seed.Name, sortedKeys(gotMentions), sortedKeys(wantMentions))
		}
		if n := len(doc.People) + len(doc.Organizations) + len(doc.Places) + len(doc.Events) + len(doc.Projects) +
			len(doc.Agreements) + len(doc.Topics); n != 0 {
			t.Errorf("%s: the export declares %d entities or topics; want 0", seed.Name, n)
		}
	}
	if len(exported) != 2 {
		t.Fatalf("exported %d articles; want the 2 of the seeds", len(exported))
	}

	result, err := curate.Import(ctx, store, exported)
	if err != nil {
		t.Fatalf("import the exported documents: %v", err)
	}
	if len(result.Articles) != len(exported) {
		t.Errorf("imported %d articles; want %d", len(result.Articles), len(exported))
	}
	sameSnapshot(t, before, snapshot(t, d))
}

// TestExportArticleStatements checks that exportArticle sends the same
// small number of statements for every article, however many statements
// and figures it holds.
func TestExportArticleStatements(t *testing.T) {
	d, _ := seededExportDB(t)
	pool := d.Pool
	rows, err := pool.Query(context.Background(), `SELECT id FROM articles ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 2 {
		t.Fatalf("%d articles; want at least 2", len(ids))
	}
	for _, id := range ids {
		ctx := pg.CountStatements(context.Background())
		if _, err := curate.ExportArticle(ctx, pool, id); err != nil {
			t.Fatal(err)
		}
		if got, want := pg.StatementCount(ctx), int64(6); got != want {
			t.Errorf("exporting article %d sent %d statements; want %d", id, got, want)
		}
	}
}

// TestExportEntitiesRoundTrip exports every stored entity and topic and
// imports them as one document with no article: every table must be left
// exactly as it was.
func TestExportEntitiesRoundTrip(t *testing.T) {
	d, _ := seededExportDB(t)
	store, pool := d.Store, d.Pool
	ctx := context.Background()
	before := snapshot(t, d)

	ids := func(sql string) []int64 {
		t.Helper()
		rows, err := pool.Query(ctx, sql)
		if err != nil {
			t.Fatal(err)
		}
		out, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	doc := &document.Document{Name: "entities"}
	for _, id := range ids(`SELECT id FROM topics ORDER BY id`) {
		topic, err := curate.ExportTopic(ctx, pool, id)
		if err != nil {
			t.Fatalf("curate.ExportTopic(%d): %v", id, err)
		}
		doc.Topics = append(doc.Topics, *topic)
	}
	kinds := map[string]int{}
	entities := ids(`SELECT id FROM entities ORDER BY id`)
	for _, id := range entities {
		x, err := curate.ExportEntity(ctx, pool, id)
		if err != nil {
			t.Fatalf("curate.ExportEntity(%d): %v", id, err)
		}
		switch x := x.(type) {
		case *document.PersonDoc:
			doc.People = append(doc.People, *x)
			kinds[db.KindPerson]++
		case *document.OrganizationDoc:
			doc.Organizations = append(doc.Organizations, *x)
			kinds[db.KindOrganization]++
		case *document.PlaceDoc:
			doc.Places = append(doc.Places, *x)
			kinds[db.KindPlace]++
		case *document.EventDoc:
			doc.Events = append(doc.Events, *x)
			kinds[db.KindEvent]++
		case *document.ProjectDoc:
			doc.Projects = append(doc.Projects, *x)
			kinds[db.KindProject]++
		case *document.AgreementDoc:
			doc.Agreements = append(doc.Agreements, *x)
			kinds[db.KindAgreement]++
		default:
			t.Fatalf("curate.ExportEntity(%d) = %T; want a declaration", id, x)
		}
	}
	if got, want := len(doc.Topics), int(before["topics"].Rows); got != want {
		t.Errorf("exported %d topics; want %d", got, want)
	}
	if got, want := len(entities), int(before["entities"].Rows); got != want {
		t.Errorf("exported %d entities; want %d", got, want)
	}
	for kind, table := range map[string]string{db.KindPerson: "people", db.KindOrganization: "organizations", db.KindPlace: "places",
		db.KindEvent: "events", db.KindProject: "projects", db.KindAgreement: "agreements"} {
		if got, want := kinds[kind], int(before[table].Rows); got != want || want == 0 {
			t.Errorf("exported %d %s; want %d (more than 0)", got, table, want)
		}
	}
	// What the seeds make sure to exercise: references by slug and ordered parties.
	var withParent, withParties, withParticipants int
	for _, o := range doc.Organizations {
		if o.Parent != nil {
			withParent++
		}
	}
	for _, a := range doc.Agreements {
		if len(a.Parties) > 0 {
			withParties++
		}
	}
	for _, e := range doc.Events {
		if len(e.Participants) > 0 {
			withParticipants++
		}
	}
	if withParent == 0 || withParties == 0 || withParticipants == 0 {
		t.Errorf("organizations with a parent %d, agreements with parties %d, events with participants %d; want more than 0 each",
			withParent, withParties, withParticipants)
	}

	if _, err := curate.Import(ctx, store, []*document.Document{doc}); err != nil {
		t.Fatalf("import the exported entities: %v", err)
	}
	sameSnapshot(t, before, snapshot(t, d))
}

// TestExportNotFound asks for ids that name nothing.
func TestExportNotFound(t *testing.T) {
	d, _ := seededExportDB(t)
	pool := d.Pool
	ctx := context.Background()
	const missing = 1 << 40
	tests := []struct {
		name string
		call func() (any, error)
	}{
		{"ErrNotFoundEntity", func() (any, error) { return curate.ExportEntity(ctx, pool, missing) }},
		{"ErrNotFoundTopic", func() (any, error) { return curate.ExportTopic(ctx, pool, missing) }},
		{"ErrNotFoundArticle", func() (any, error) { return curate.ExportArticle(ctx, pool, missing) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.call()
			if !errors.Is(err, db.ErrNotFound) {
				t.Fatalf("got error %v; want one wrapping db.ErrNotFound", err)
			}
			if code := db.ErrorCode(err); code != db.CodeNotFound {
				t.Errorf("db.ErrorCode = %q; want %q", code, db.CodeNotFound)
			}
			if !isNil(got) {
				t.Errorf("got %v with the error; want nil", got)
			}
		})
	}
}

// TestExportKeepsPositions imports an article whose statements and figures
// list a later span first, so that the writer numbers them by that span:
// the export must lead each with a span that gives them the same positions
// again.
func TestExportKeepsPositions(t *testing.T) {
	d := dbtest.New(t)
	store, pool := d.Store, d.Pool
	ctx := context.Background()
	doc := &document.Document{
		Name:    "order.yaml",
		Text:    "Ana says alpha at 1 percent.\n\nAna says beta at 2 percent.\n\nAna says gamma at 3 percent.\n",
		Article: &document.ArticleDoc{Slug: "order", Source: "order.txt", Language: "en"},
		People:  []document.PersonDoc{{Slug: "ana", Name: "Ana", Evidence: document.EvidenceList{{Text: "Ana", All: true}}}},
		Statements: []document.StatementDoc{
			{Key: "late", Speaker: document.SpeakerDoc{Person: ptr("ana")}, Verb: "said", Mode: "paraphrase", Content: "Gamma and alpha.",
				Evidence: document.EvidenceList{{Text: "gamma"}, {Text: "alpha"}}},
			{Key: "middle", Speaker: document.SpeakerDoc{Person: ptr("ana")}, Verb: "said", Mode: "paraphrase", Content: "Beta.",
				Evidence: document.EvidenceList{{Text: "beta"}}},
		},
		Figures: []document.FigureDoc{
			{Key: "late", Metric: "share", Value: ptr("3"), Unit: "percent", Display: "3 percent", Subject: "ana",
				Evidence: document.EvidenceList{{Text: "3 percent"}, {Text: "1 percent"}}},
			{Key: "middle", Metric: "share", Value: ptr("2"), Unit: "percent", Display: "2 percent", Subject: "ana",
				Evidence: document.EvidenceList{{Text: "2 percent"}}},
		},
	}
	result, err := curate.Import(ctx, store, []*document.Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	id := result.Articles["order"]
	positions := func(table string) string {
		t.Helper()
		rows, err := pool.Query(ctx, `SELECT key FROM `+pgx.Identifier{table}.Sanitize()+` WHERE article_id = $1 ORDER BY position`, id)
		if err != nil {
			t.Fatal(err)
		}
		keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(keys)
	}
	for _, table := range []string{"statements", "figures"} {
		if got, want := positions(table), "[middle late]"; got != want {
			t.Fatalf("%s by position after the import: %s; want %s", table, got, want)
		}
	}
	before := snapshot(t, d)

	exported, err := curate.ExportArticle(ctx, pool, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := exported.Statements[1].Evidence, (document.EvidenceList{{Text: "gamma", Paragraph: 3, Occurrence: 1}, {Text: "alpha", Paragraph: 1, Occurrence: 1}}); !slices.Equal(got, want) {
		t.Errorf("evidence of statement late: %+v; want %+v", got, want)
	}
	if got, want := exported.Figures[1].Evidence, (document.EvidenceList{{Text: "3 percent", Paragraph: 3, Occurrence: 1}, {Text: "1 percent", Paragraph: 1, Occurrence: 1}}); !slices.Equal(got, want) {
		t.Errorf("evidence of figure late: %+v; want %+v", got, want)
	}
	if _, err := curate.Import(ctx, store, []*document.Document{exported}); err != nil {
		t.Fatal(err)
	}
	sameSnapshot(t, before, snapshot(t, d))
}

// evidencedEntities lists the entities an article document gives evidence
// for: those it declares and those it mentions.
func evidencedEntities(doc *document.Document) []string {
	var out []string
	for _, x := range doc.People {
		out = append(out, x.Slug)
	}
	for _, x := range doc.Organizations {
		out = append(out, x.Slug)
	}
	for _, x := range doc.Places {
		out = append(out, x.Slug)
	}
	for _, x := range doc.Events {
		out = append(out, x.Slug)
	}
	for _, x := range doc.Projects {
		out = append(out, x.Slug)
	}
	for _, x := range doc.Agreements {
		out = append(out, x.Slug)
	}
	for _, m := range doc.Mentions {
		out = append(out, m.Entity)
	}
	return out
}

func orNil(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func dateString(d *document.DateDoc) string {
	if d == nil {
		return "<nil>"
	}
	part := func(p *int) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("%q %s/%s/%s inferred %v basis %s", d.Text, part(d.Year), part(d.Month), part(d.Day), d.Inferred, orNil(d.Basis))
}

func sorted(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func isNil(x any) bool {
	switch x := x.(type) {
	case nil:
		return true
	case *document.TopicDoc:
		return x == nil
	case *document.Document:
		return x == nil
	}
	return false
}
