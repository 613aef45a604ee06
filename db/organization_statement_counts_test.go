package db_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// orgStatementsPlain counts, for organization x, the statements its
// nested connection lists, in plain SQL over the curated tables: its own
// (as the speaker), those of an unnamed speaker for it or an organization
// below it, and those whose role refers to an affiliation with it or an
// organization below it, each once.
const orgStatementsPlain = `(
	WITH RECURSIVE tree(id) AS (SELECT x.id UNION SELECT c.id FROM tree t JOIN organizations c ON c.parent_id = t.id)
	SELECT count(DISTINCT m.id) FROM (
		SELECT s.id FROM statements s WHERE s.speaker_id = x.id
		UNION ALL SELECT s.id FROM statements s WHERE s.speaker_organization_id IN (SELECT id FROM tree)
		UNION ALL SELECT sa.statement_id FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
			WHERE af.organization_id IN (SELECT id FROM tree)) m)`

// TestOrganizationStatementCountsFollowWrites changes what an
// organization's statements are, one write at a time through the writer
// (db/curate: a speaker changed, statements and an article deleted, an
// organization moved under another, the seeds imported again) and in SQL
// (a role's affiliations, an affiliation's organization), and checks after
// each that every organization's subtree_statement_count (kept by the
// triggers of migration 000031) is its statements' count in plain SQL,
// and that the connection's totalCount reads the same.
func TestOrganizationStatementCountsFollowWrites(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	check := func(t *testing.T, step string) { checkOrgStatementCounts(t, d, step) }
	var slug string
	var child, parent int64
	// An organization below another, and one elsewhere.
	err := d.Pool.QueryRow(ctx, `SELECT o.id, o.parent_id FROM organizations o WHERE o.parent_id IS NOT NULL ORDER BY o.id LIMIT 1`).Scan(&child, &parent)
	if err != nil {
		t.Fatalf("an organization with a parent: %v", err)
	}
	check(t, "seeded")

	// A person's statement made an unnamed speaker's for the organization
	// below another.
	stID, stVersion := statementOf(t, d, `speaker_kind = 'person'`)
	if err := d.Pool.QueryRow(ctx, `SELECT slug FROM entities WHERE id = $1`, child).Scan(&slug); err != nil {
		t.Fatal(err)
	}
	official := "an official"
	if _, err := curate.UpdateStatement(ctx, d.Store, "alice", stID, stVersion, func(s *document.StatementDoc) error {
		s.Speaker = document.SpeakerDoc{Description: &official, SpeaksFor: &slug}
		s.Role, s.Affiliations = nil, nil
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	check(t, "a statement's speaker changed (curate.UpdateStatement)")

	// The organization below moved to the top, then back under another.
	move := func(step string, to *string) {
		t.Helper()
		var version int
		if err := d.Pool.QueryRow(ctx, `SELECT version FROM entities WHERE id = $1`, child).Scan(&version); err != nil {
			t.Fatal(err)
		}
		if _, err := curate.UpdateEntity(ctx, d.Store, "alice", curate.Organizations, child, version, func(o *document.OrganizationDoc) error {
			o.Parent = to
			return nil
		}, nil); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		check(t, step)
	}
	move("an organization moved to the top (curate.UpdateEntity)", nil)
	var other string
	if err := d.Pool.QueryRow(ctx, `SELECT e.slug FROM organizations o JOIN entities e ON e.id = o.id
		WHERE o.id NOT IN ($1, $2) ORDER BY o.id LIMIT 1`, child, parent).Scan(&other); err != nil {
		t.Fatal(err)
	}
	move("an organization moved under another (curate.UpdateEntity)", &other)

	for _, w := range affiliationWrites {
		execStep(t, d, w.step, w.sql, check)
	}

	// A statement with affiliations deleted, with what depends on it.
	stID, stVersion = statementOf(t, d, `id IN (SELECT statement_id FROM statement_affiliations)`)
	if _, err := curate.DeleteStatement(ctx, d.Store, "alice", stID, &stVersion, true); err != nil {
		t.Fatal(err)
	}
	check(t, "a statement deleted (curate.DeleteStatement, cascade)")

	var article int64
	var articleVersion int
	if err := d.Pool.QueryRow(ctx, `SELECT a.id, a.version FROM articles a
		WHERE a.id = (SELECT min(s.article_id) FROM statements s WHERE s.speaker_organization_id IS NOT NULL OR s.speaker_kind = 'organization')`).Scan(&article, &articleVersion); err != nil {
		t.Fatal(err)
	}
	if _, err := curate.DeleteArticle(ctx, d.Store, "alice", article, &articleVersion); err != nil {
		t.Fatal(err)
	}
	check(t, "an article deleted (curate.DeleteArticle)")

	if _, err := curate.ImportBy(ctx, d.Store, "alice", readSeeds(t)); err != nil {
		t.Fatal(err)
	}
	check(t, "the seeds imported again (curate.ImportBy)")

	// Counted anew for all at once, as after a bulk load (bench/corpus).
	if _, err := d.Pool.Exec(ctx, `UPDATE organizations SET subtree_statement_count = 0`); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Pool.Exec(ctx, `SELECT refresh_organization_statement_totals(NULL)`); err != nil {
		t.Fatal(err)
	}
	check(t, "counted anew (refresh_organization_statement_totals(NULL))")
}

// checkOrgStatementCounts compares every organization's
// subtree_statement_count with its statements' count in plain SQL, and the
// connection's totalCount alone (the stored count) with the one read with
// a page (gathered from its statements), after step.
func checkOrgStatementCounts(t *testing.T, d *dbtest.Database, step string) {
	t.Helper()
	var orgs, wrong, counted int
	err := d.Pool.QueryRow(context.Background(), `SELECT count(*), count(*) FILTER (WHERE x.subtree_statement_count <> `+orgStatementsPlain+`),
		coalesce(sum(`+orgStatementsPlain+`), 0) FROM organizations x`).Scan(&orgs, &wrong, &counted)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if counted == 0 || wrong != 0 {
		t.Errorf("%s: %d of %d organizations count other than their %d statements; want none, of some", step, wrong, orgs, counted)
	}
	ids := orgIDs(t, d)
	stored, err := db.NestedCounts(context.Background(), d.Store, db.OrganizationStatements, ids, db.NestedArgs{})
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	// A page with its count gathers each organization's statements.
	pages, err := db.NestedPagesCounted(context.Background(), d.Store, db.OrganizationStatements, ids, db.PageArgs{First: 1}, db.NestedArgs{})
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	for _, id := range ids {
		if pg := pages[id]; pg.Total == nil || stored[id] != *pg.Total {
			t.Errorf("%s: organization %d: totalCount %d from the stored count, %v with a page; want the same", step, id, stored[id], pg.Total)
		}
	}
}

// statementOf returns the id and version of the first statement that meets
// cond.
func statementOf(t *testing.T, d *dbtest.Database, cond string) (int64, int) {
	t.Helper()
	var id int64
	var version int
	if err := d.Pool.QueryRow(context.Background(), `SELECT id, version FROM statements WHERE `+cond+` ORDER BY id LIMIT 1`).Scan(&id, &version); err != nil {
		t.Fatalf("a statement where %s: %v", cond, err)
	}
	return id, version
}

// orgIDs returns the ids of every organization.
func orgIDs(t *testing.T, d *dbtest.Database) []int64 {
	t.Helper()
	var ids []int64
	if err := d.Pool.QueryRow(context.Background(), `SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM organizations`).Scan(&ids); err != nil {
		t.Fatal(err)
	}
	return ids
}
