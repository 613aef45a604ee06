package db_test

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/seeds"
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

func ptr[T any](v T) *T { return &v }

func pgCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}
