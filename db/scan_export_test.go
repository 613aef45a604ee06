package db

import (
	"context"
)

// ReadAll reads the rows of sql into Ts as every read of the store does
// (scanRows), for the tests of the row scanner in package db_test.
func ReadAll[T any](ctx context.Context, s *Store, sql string, args ...any) ([]*T, error) {
	return fetchAll[T](ctx, s.read(ctx), sql, args...)
}
