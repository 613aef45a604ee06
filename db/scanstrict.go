package db

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// scanRows reads every row of rows into a T, field by column name,
// strictly: every column must have a field of T, and every field of T
// must have a column, so that a column a query forgot is an error rather
// than a zero value. The one exception is Keyset, the row's place in a
// listing, which only listings select (their statements name all its
// columns they fill: list_keys, list_parent, list_total, list_rank).
// Fields tagged db:"-" are not read.
//
// pgx's RowToStructByName would demand Keyset's columns of every query;
// scanRows checks the columns once per statement against the struct's
// fields (found once per type), then reads the rows with collectStructs,
// which matches columns to fields once per result. (Rows that learn their
// columns only with their first row, a standby's retry on the primary, are
// read without the check.)
func scanRows[T any](rows pgx.Rows) ([]*T, error) {
	// A statement that failed has no columns; reading its rows reports why.
	if descs := rows.FieldDescriptions(); descs != nil {
		if err := checkColumns(reflect.TypeFor[T](), descs); err != nil {
			rows.Close()
			return nil, err
		}
	}
	return collectStructs[T](rows)
}

// requiredColumns caches, per struct type, the columns its rows must have.
var requiredColumns sync.Map // reflect.Type -> []string

// checkColumns reports a column that t's struct fields need and a
// statement's columns (descs) lack. (A column without a field is already
// an error of pgx's scanner.)
func checkColumns(t reflect.Type, descs []pgconn.FieldDescription) error {
	cached, ok := requiredColumns.Load(t)
	if !ok {
		cached, _ = requiredColumns.LoadOrStore(t, structColumns(t, nil))
	}
	for _, name := range cached.([]string) {
		if !hasColumn(descs, name) {
			return fmt.Errorf("scan %s: the statement has no column %q", t.Name(), name)
		}
	}
	return nil
}

// hasColumn reports whether descs has a column of the name (as pgx matches
// tagged fields: case aside).
func hasColumn(descs []pgconn.FieldDescription, name string) bool {
	for _, d := range descs {
		if strings.EqualFold(d.Name, name) {
			return true
		}
	}
	return false
}

var keysetType = reflect.TypeFor[Keyset]()

// structColumns appends to names the columns of t's fields, those of
// embedded structs too, except Keyset's.
func structColumns(t reflect.Type, names []string) []string {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if f.Type != keysetType {
				names = structColumns(f.Type, names)
			}
			continue
		}
		if !f.IsExported() {
			continue
		}
		name, ok := f.Tag.Lookup("db")
		switch {
		case name == "-":
			continue
		case !ok:
			name = f.Name
		}
		names = append(names, strings.Split(name, ",")[0])
	}
	return names
}
