package db

import "github.com/jackc/pgx/v5"

// CollectStructs exposes collectStructs to the package's external tests.
func CollectStructs[T any](rows pgx.Rows) ([]*T, error) { return collectStructs[T](rows) }
