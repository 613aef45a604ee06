package db_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// Helpers that the tests here share with those of db/curate (which has
// its own copies).

func readSeeds(t *testing.T) []*document.Document {
	t.Helper()
	docs, err := document.Read(seeds.FS)
	if err != nil {
		t.Fatalf("read seeds: %v", err)
	}
	return docs
}

func pgCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// sqlInt runs a query that returns one integer.
func sqlInt(t *testing.T, d *dbtest.Database, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := d.Pool.QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

// execStep runs one write of a test that follows writes step by step:
// it fails the test when the write changes no row (the test needs the
// seeds to have one), then checks what the write must keep.
func execStep(t *testing.T, d *dbtest.Database, step, sql string, check func(t *testing.T, step string)) {
	t.Helper()
	tag, err := d.Pool.Exec(context.Background(), sql)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if tag.RowsAffected() == 0 {
		t.Fatalf("%s: changed no row; the test needs the seeds to have one", step)
	}
	check(t, step)
}

// affiliationWrites change what statements' roles refer to: an
// affiliation dropped from a role, some added, an affiliation's
// organization changed.
var affiliationWrites = []struct{ step, sql string }{
	{"a role's affiliation dropped", `
		DELETE FROM statement_affiliations WHERE (statement_id, affiliation_id) = (
			SELECT sa.statement_id, sa.affiliation_id FROM statement_affiliations sa
				JOIN affiliations af ON af.id = sa.affiliation_id WHERE af.organization_id IS NOT NULL
			ORDER BY 1, 2 LIMIT 1)`},
	{"a role's affiliation added", `
		INSERT INTO statement_affiliations (statement_id, affiliation_id)
		SELECT s.id, af.id FROM statements s CROSS JOIN affiliations af
		WHERE af.organization_id IS NOT NULL AND NOT EXISTS (
			SELECT 1 FROM statement_affiliations x WHERE x.statement_id = s.id AND x.affiliation_id = af.id)
		ORDER BY s.id, af.id LIMIT 3`},
	{"an affiliation's organization changed", `
		UPDATE affiliations SET organization_id = (SELECT o.id FROM organizations o WHERE NOT EXISTS (
				SELECT 1 FROM affiliations x WHERE x.person_id = affiliations.person_id AND x.organization_id = o.id) ORDER BY o.id LIMIT 1)
		WHERE id = (SELECT min(sa.affiliation_id) FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
			WHERE af.organization_id IS NOT NULL)`},
}
