package db_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestStatementOrganizationsFollowWrites changes what a statement's
// organizations are derived from, one write at a time (a speaker, an
// unnamed speaker's organization, a role's affiliations, an affiliation's
// organization, a deleted article, a re-import), and checks after each
// that statement_organizations (kept by the triggers of migration 000020)
// holds exactly the organizations a plain union of the sources gives.
func TestStatementOrganizationsFollowWrites(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	check := func(t *testing.T, step string) {
		t.Helper()
		var kept, missing, extra int
		err := d.Pool.QueryRow(ctx, `
			WITH want AS (
				SELECT s.id AS statement_id, s.speaker_id AS organization_id FROM statements s WHERE s.speaker_kind = 'organization'
				UNION SELECT s.id, s.speaker_organization_id FROM statements s WHERE s.speaker_organization_id IS NOT NULL
				UNION SELECT sa.statement_id, af.organization_id FROM statement_affiliations sa
					JOIN affiliations af ON af.id = sa.affiliation_id WHERE af.organization_id IS NOT NULL)
			SELECT (SELECT count(*) FROM statement_organizations),
				(SELECT count(*) FROM (SELECT * FROM want EXCEPT SELECT statement_id, organization_id FROM statement_organizations) x),
				(SELECT count(*) FROM (SELECT statement_id, organization_id FROM statement_organizations EXCEPT SELECT * FROM want) x)`).Scan(&kept, &missing, &extra)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if kept == 0 || missing != 0 || extra != 0 {
			t.Errorf("%s: statement_organizations holds %d rows, misses %d and has %d extra; want some, none missing or extra", step, kept, missing, extra)
		}
	}
	exec := func(t *testing.T, step, sql string) {
		t.Helper()
		execStep(t, d, step, sql, check)
	}
	check(t, "seeded")
	exec(t, "a person speaker replaced by an organization", `
		UPDATE statements SET speaker_id = (SELECT min(id) FROM organizations), speaker_kind = 'organization'
		WHERE id = (SELECT min(id) FROM statements WHERE speaker_kind = 'person')`)
	exec(t, "an organization speaker replaced", `
		UPDATE statements SET speaker_id = (SELECT o.id FROM organizations o WHERE o.id <> statements.speaker_id ORDER BY o.id LIMIT 1)
		WHERE id = (SELECT min(id) FROM statements WHERE speaker_kind = 'organization')`)
	exec(t, "a person speaker made an unnamed one of an organization", `
		UPDATE statements SET speaker_id = NULL, speaker_kind = NULL, speaker_description = 'an official',
			speaker_organization_id = (SELECT max(id) FROM organizations)
		WHERE id = (SELECT min(id) FROM statements WHERE speaker_kind = 'person')`)
	for _, w := range affiliationWrites {
		exec(t, w.step, w.sql)
	}
	exec(t, "an article's statements deleted", `
		DELETE FROM statements WHERE article_id = (SELECT min(article_id) FROM statement_affiliations sa JOIN statements s ON s.id = sa.statement_id)`)
	if _, err := curate.ImportBy(ctx, d.Store, "alice", readSeeds(t)); err != nil {
		t.Fatal(err)
	}
	check(t, "the seeds imported again")
}
