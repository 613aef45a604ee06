package db_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/bench/corpus"
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
// members of migration 000032) is its statements' count in plain SQL,
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

// TestOrganizationCountWritesReadTheirOwnRows moves a statement into the
// organization with the most statements of a generated corpus and counts
// the rows of the statement tables the write read, triggers included: the
// counts move by the statement's own organizations (migration 000032), so
// the write reads a few rows, not the organization's statements, as the
// recounts of migration 000031 did. The counts are then checked in plain
// SQL.
func TestOrganizationCountWritesReadTheirOwnRows(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	if _, err := corpus.Generate(ctx, d.Pool, corpus.Options{Articles: 400, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	var big, size int64
	if err := d.Pool.QueryRow(ctx, `SELECT id, subtree_statement_count FROM organizations
		ORDER BY subtree_statement_count DESC, id LIMIT 1`).Scan(&big, &size); err != nil {
		t.Fatal(err)
	}
	const mostRead = 40
	if size < 5*mostRead {
		t.Fatalf("the largest organization counts %d statements; the corpus is too small to tell a recount from a delta", size)
	}
	var statement int64
	if err := d.Pool.QueryRow(ctx, `SELECT s.id FROM statements s
		WHERE s.speaker_organization_id IS NOT NULL AND NOT $1 = ANY(organization_lineage(ARRAY[s.speaker_organization_id]))
		ORDER BY s.id LIMIT 1`, big).Scan(&statement); err != nil {
		t.Fatal(err)
	}
	err := pgx.BeginFunc(ctx, d.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE statements SET speaker_organization_id = $1 WHERE id = $2`, big, statement); err != nil {
			return err
		}
		// This transaction's reads, by table (not yet reported to the
		// statistics collector, so no one else's).
		var read int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(sum(coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)), 0)
			FROM pg_stat_xact_user_tables WHERE relname IN ('statements', 'statement_affiliations')`).Scan(&read); err != nil {
			return err
		}
		if read > mostRead {
			t.Errorf("moving a statement into an organization of %d statements read %d rows of the statement tables; want at most %d", size, read, mostRead)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkOrgStatementCounts(t, d, "a statement moved into the largest organization")
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
		if pg := pages[id]; pg.Total == nil {
			t.Errorf("%s: organization %d: no totalCount with a page; want %d, as stored", step, id, stored[id])
		} else if stored[id] != *pg.Total {
			t.Errorf("%s: organization %d: totalCount %d from the stored count, %d with a page; want the same", step, id, stored[id], *pg.Total)
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

// TestOrganizationCountsUnderConcurrentWrites has two writers move a
// statement each between two organizations, in opposite directions, at
// the same time and many times over (a role's affiliation changed from one
// organization to the other), and checks that no write fails (a deadlock
// between the two would fail one) and that the counts match plain SQL
// afterwards. When the rows gained and the rows lost locked their
// organizations in two passes, about one write in a hundred deadlocked.
func TestOrganizationCountsUnderConcurrentWrites(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	// Two affiliations with different organizations, and two statements
	// whose roles refer to one affiliation each.
	var afA, afB, s1, s2 int64
	err := d.Pool.QueryRow(ctx, `SELECT a.id, b.id FROM affiliations a JOIN affiliations b ON b.organization_id <> a.organization_id
		WHERE a.organization_id IS NOT NULL AND b.organization_id IS NOT NULL ORDER BY a.id, b.id LIMIT 1`).Scan(&afA, &afB)
	if err != nil {
		t.Fatal(err)
	}
	err = d.Pool.QueryRow(ctx, `SELECT min(statement_id), max(statement_id) FROM statement_affiliations`).Scan(&s1, &s2)
	if err != nil || s1 == s2 {
		t.Fatalf("two statements with affiliations: %v (%d, %d)", err, s1, s2)
	}
	for _, s := range []int64{s1, s2} {
		if _, err := d.Pool.Exec(ctx, `DELETE FROM statement_affiliations WHERE statement_id = $1`, s); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.Pool.Exec(ctx, `INSERT INTO statement_affiliations (statement_id, affiliation_id) VALUES ($1, $2), ($3, $4)`, s1, afA, s2, afB); err != nil {
		t.Fatal(err)
	}
	move := func(statement, from, to int64) error {
		_, err := d.Pool.Exec(ctx, `UPDATE statement_affiliations SET affiliation_id = $3 WHERE statement_id = $1 AND affiliation_id = $2`, statement, from, to)
		return err
	}
	const rounds = 300
	errs := make(chan error, 2)
	for _, w := range []struct{ statement, from, to int64 }{{s1, afA, afB}, {s2, afB, afA}} {
		go func() {
			for range rounds {
				if err := move(w.statement, w.from, w.to); err != nil {
					errs <- err
					return
				}
				if err := move(w.statement, w.to, w.from); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("a concurrent write failed: %v", err)
		}
	}
	checkOrgStatementCounts(t, d, "after concurrent moves")
}

// TestOrganizationCountsWhileReparenting moves an organization from under
// one parent to under another in one transaction and, before that commits,
// takes away in a second the affiliation with it that a statement's role
// refers to: the second waits for the first, then lists the statement with
// what the first committed. When each write read the organizations'
// parents as they were when it started, the statement stayed counted for
// the new parent and the one above it.
func TestOrganizationCountsWhileReparenting(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	// g1 > p1 > o, and g2 > p2; a statement whose role refers to an
	// affiliation with o, and to no other organization.
	ids := map[string]int64{}
	for _, name := range []string{"g1", "p1", "o", "g2", "p2"} {
		var id int64
		if err := d.Pool.QueryRow(ctx, `INSERT INTO entities (kind, slug) VALUES ('organization', 'reparent-' || $1) RETURNING id`, name).Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids[name] = id
	}
	for _, o := range []struct{ name, parent string }{{"g1", ""}, {"p1", "g1"}, {"o", "p1"}, {"g2", ""}, {"p2", "g2"}} {
		var parent *int64
		if o.parent != "" {
			p := ids[o.parent]
			parent = &p
		}
		if _, err := d.Pool.Exec(ctx, `INSERT INTO organizations (id, name, parent_id) VALUES ($1, $2, $3)`, ids[o.name], "Reparent "+o.name, parent); err != nil {
			t.Fatal(err)
		}
	}
	var statement, affiliation int64
	if err := d.Pool.QueryRow(ctx, `SELECT min(s.id) FROM statements s WHERE s.speaker_kind IS DISTINCT FROM 'organization' AND s.speaker_organization_id IS NULL
		AND NOT EXISTS (SELECT 1 FROM statement_affiliations sa WHERE sa.statement_id = s.id)`).Scan(&statement); err != nil {
		t.Fatal(err)
	}
	if err := d.Pool.QueryRow(ctx, `INSERT INTO affiliations (person_id, organization_id, role)
		VALUES ((SELECT min(id) FROM people), $1, 'a test role') RETURNING id`, ids["o"]).Scan(&affiliation); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Pool.Exec(ctx, `INSERT INTO statement_affiliations (statement_id, affiliation_id) VALUES ($1, $2)`, statement, affiliation); err != nil {
		t.Fatal(err)
	}
	checkOrgStatementCounts(t, d, "an affiliation added")

	reparent, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer reparent.Rollback(ctx)
	if _, err := reparent.Exec(ctx, `UPDATE organizations SET parent_id = $1 WHERE id = $2`, ids["p2"], ids["o"]); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := d.Pool.Exec(ctx, `DELETE FROM statement_affiliations WHERE statement_id = $1 AND affiliation_id = $2`, statement, affiliation)
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the deletion under way
	if err := reparent.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	checkOrgStatementCounts(t, d, "an organization re-parented while a statement's affiliation with it was taken away")
}

// TestOrganizationCountsMoveByRowsMoved asks the function every change of
// the members' rows goes through to add a row that is there already and to
// take away one that is not: the counts must move by what it did (nothing),
// not by what it was asked.
func TestOrganizationCountsMoveByRowsMoved(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	var statement, org int64
	if err := d.Pool.QueryRow(ctx, `SELECT statement_id, organization_id FROM organization_statement_members
		ORDER BY statement_id, organization_id LIMIT 1`).Scan(&statement, &org); err != nil {
		t.Fatal(err)
	}
	_, err := d.Pool.Exec(ctx, `SELECT move_organization_statement_members(ARRAY[$1::bigint, $1], ARRAY[$2::bigint, -1], ARRAY[1, -1])`, statement, org)
	if err != nil {
		t.Fatal(err)
	}
	checkOrgStatementCounts(t, d, "a row there already added, one not there taken away")
}

// membersPlain is every (statement, organization) the statement counts
// for, in plain SQL: the organization that spoke it, and an unnamed
// speaker's and its affiliations' organizations with every one above them.
const membersPlain = `WITH RECURSIVE up(org, above) AS (
		SELECT o.id, o.id FROM organizations o
		UNION SELECT up.org, o.parent_id FROM up JOIN organizations o ON o.id = up.above WHERE o.parent_id IS NOT NULL)
	SELECT s.id, s.speaker_id FROM statements s WHERE s.speaker_kind = 'organization'
	UNION SELECT s.id, up.above FROM statements s JOIN up ON up.org = s.speaker_organization_id
	UNION SELECT sa.statement_id, up.above FROM statement_affiliations sa
		JOIN affiliations af ON af.id = sa.affiliation_id JOIN up ON up.org = af.organization_id`

// checkMembers checks that organization_statement_members holds what
// membersPlain computes, and the counts what they count.
func checkMembers(t *testing.T, d *dbtest.Database, step string) {
	t.Helper()
	var missing, extra int
	err := d.Pool.QueryRow(context.Background(), `WITH plain(s, o) AS (`+membersPlain+`),
		held AS (SELECT statement_id AS s, organization_id AS o FROM organization_statement_members)
		SELECT (SELECT count(*) FROM (SELECT * FROM plain EXCEPT SELECT * FROM held) x),
			(SELECT count(*) FROM (SELECT * FROM held EXCEPT SELECT * FROM plain) x)`).Scan(&missing, &extra)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if missing != 0 || extra != 0 {
		t.Errorf("%s: the members miss %d rows and hold %d they should not", step, missing, extra)
	}
	checkOrgStatementCounts(t, d, step)
}

// reparentTree adds the organizations a > b > c and d > e, and makes the
// seeds' first four statements (which keep the organizations they have)
// refer to affiliations: one with c, one with c and e, one with c and b,
// one with b; it returns the organizations' ids by name and the
// statements'.
func reparentTree(t *testing.T, d *dbtest.Database) (map[string]int64, []int64) {
	t.Helper()
	ctx := context.Background()
	ids := map[string]int64{}
	for _, o := range []struct{ name, parent string }{{"a", ""}, {"b", "a"}, {"c", "b"}, {"d", ""}, {"e", "d"}} {
		var id int64
		if err := d.Pool.QueryRow(ctx, `INSERT INTO entities (kind, slug) VALUES ('organization', 'tree-' || $1) RETURNING id`, o.name).Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids[o.name] = id
		var parent *int64
		if o.parent != "" {
			p := ids[o.parent]
			parent = &p
		}
		if _, err := d.Pool.Exec(ctx, `INSERT INTO organizations (id, name, parent_id) VALUES ($1, $2, $3)`, id, "Tree "+o.name, parent); err != nil {
			t.Fatal(err)
		}
	}
	var statements []int64
	if err := d.Pool.QueryRow(ctx, `SELECT array_agg(id ORDER BY id) FROM (SELECT s.id FROM statements s ORDER BY s.id LIMIT 4) x`).Scan(&statements); err != nil {
		t.Fatal(err)
	}
	if len(statements) != 4 {
		t.Fatalf("%d statements in the seeds; want 4 or more", len(statements))
	}
	for i, orgs := range [][]string{{"c"}, {"c", "e"}, {"c", "b"}, {"b"}} {
		for _, o := range orgs {
			if _, err := d.Pool.Exec(ctx, `WITH af AS (INSERT INTO affiliations (person_id, organization_id, role)
					VALUES ((SELECT min(id) FROM people), $1, 'tree role ' || $2::int) RETURNING id)
				INSERT INTO statement_affiliations (statement_id, affiliation_id) SELECT $3, af.id FROM af`, ids[o], i, statements[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ids, statements
}

// TestReparentingMovesMembersByAncestors moves organizations of a small
// tree, with statements that count for them through affiliations, under
// other parents and to the top, and checks after each move that the members
// are those of plain SQL: a statement leaves the ancestors the moved
// organization lost unless another of its organizations keeps it there.
func TestReparentingMovesMembersByAncestors(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ids, _ := reparentTree(t, d)
	checkMembers(t, d, "the tree added")
	for _, m := range []struct{ org, parent string }{
		{"c", "e"}, // c leaves b and a for e and d; b keeps one statement in a
		{"c", ""},  // to the top
		{"b", "d"}, // a subtree of one under d
		{"c", "b"}, // c under b, under d
		{"b", "a"}, // b, with c, back under a
		{"a", "e"}, // the whole tree under e
		{"a", ""},
	} {
		var parent *int64
		if m.parent != "" {
			p := ids[m.parent]
			parent = &p
		}
		if _, err := d.Pool.Exec(context.Background(), `UPDATE organizations SET parent_id = $1 WHERE id = $2`, parent, ids[m.org]); err != nil {
			t.Fatal(err)
		}
		checkMembers(t, d, fmt.Sprintf("%s moved under %q", m.org, m.parent))
	}
}

// TestReparentingWaitsForNoStatementEdit moves an organization while
// another transaction, not yet committed, edits the words of a statement
// that counts for it: the re-parenting lists no statement anew, so it need
// not wait for that edit. When it locked every statement of the subtree,
// it waited, and with a short lock timeout failed.
func TestReparentingWaitsForNoStatementEdit(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	ids, statements := reparentTree(t, d)
	edit, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer edit.Rollback(ctx)
	if _, err := edit.Exec(ctx, `UPDATE statements SET content = content || ' ' WHERE id = $1`, statements[0]); err != nil {
		t.Fatal(err)
	}
	err = pgx.BeginFunc(ctx, d.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL lock_timeout = '1s'`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE organizations SET parent_id = $1 WHERE id = $2`, ids["e"], ids["c"])
		return err
	})
	if err != nil {
		t.Fatalf("re-parenting while a statement's words are edited: %v", err)
	}
	if err := edit.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	checkMembers(t, d, "c moved under e while a statement's words were edited")
}

// TestReparentingParentAndChildInOneStatement moves b (under a) and c
// (under b) under d in one UPDATE. A trigger per row of c climbed from its
// old parent (b) through the organizations as the whole statement left
// them (b already under d), so c lost {b}, not {b, a}, and gained nothing;
// b's no longer found c in its subtree: c's statements stayed counted for
// a and never reached d.
func TestReparentingParentAndChildInOneStatement(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ids, _ := reparentTree(t, d)
	checkMembers(t, d, "the tree added")
	if _, err := d.Pool.Exec(context.Background(), `UPDATE organizations SET parent_id = $1 WHERE id = ANY($2)`,
		ids["d"], []int64{ids["b"], ids["c"]}); err != nil {
		t.Fatal(err)
	}
	checkMembers(t, d, "b and c moved under d in one statement")
}

// TestReparentingSiblingsInOneStatement moves two siblings (b's children)
// to the top in one UPDATE, as deleting their parent does.
func TestReparentingSiblingsInOneStatement(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	ids, _ := reparentTree(t, d)
	if _, err := d.Pool.Exec(ctx, `UPDATE organizations SET parent_id = $1 WHERE id = $2`, ids["b"], ids["e"]); err != nil {
		t.Fatal(err)
	}
	checkMembers(t, d, "e moved under b")
	if _, err := d.Pool.Exec(ctx, `UPDATE organizations SET parent_id = NULL WHERE parent_id = $1`, ids["b"]); err != nil {
		t.Fatal(err)
	}
	checkMembers(t, d, "b's children moved to the top in one statement")
}

// TestReparentingWhileStatementDeleted deletes a statement that counts for
// c through its unnamed speaker's organization (no affiliations) while b's
// move under d is not yet committed. The deletion's trigger read the
// statement's rows before it took any lock, then waited for the
// organizations' rows; once the move committed it deleted the rows it had
// read, and the row the move added for d stayed, counting a deleted
// statement.
func TestReparentingWhileStatementDeleted(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	ids, first4 := reparentTree(t, d)
	var statement int64
	if err := d.Pool.QueryRow(ctx, `SELECT min(s.id) FROM statements s WHERE s.speaker_kind IS DISTINCT FROM 'organization'
		AND s.id <> ALL($1) AND NOT EXISTS (SELECT 1 FROM statement_affiliations sa WHERE sa.statement_id = s.id)`, first4).Scan(&statement); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Pool.Exec(ctx, `UPDATE statements SET speaker_organization_id = $1 WHERE id = $2`, ids["c"], statement); err != nil {
		t.Fatal(err)
	}
	checkMembers(t, d, "a statement's unnamed speaker spoke for c")

	reparent, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer reparent.Rollback(ctx)
	if _, err := reparent.Exec(ctx, `UPDATE organizations SET parent_id = $1 WHERE id = $2`, ids["d"], ids["b"]); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := d.Pool.Exec(ctx, `DELETE FROM statements WHERE id = $1`, statement)
		done <- err
	}()
	// Wait until the deletion waits for a lock.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting int
		if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'DELETE FROM statements%'`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("the deletion did not wait for the move: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("the deletion never waited for a lock")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := reparent.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var left []int64
	if err := d.Pool.QueryRow(ctx, `SELECT coalesce(array_agg(organization_id ORDER BY organization_id), '{}') FROM organization_statement_members WHERE statement_id = $1`, statement).Scan(&left); err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("deleted statement %d still counts for organizations %v (d=%d, e=%d)", statement, left, ids["d"], ids["e"])
	}
	checkMembers(t, d, "a statement deleted while b moved under d")
}
