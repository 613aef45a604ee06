package db

import (
	"reflect"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// collectStructs reads every row of rows into a new *T, each column into
// the field of T that names it: the field's db tag (case aside), or, for a
// field without one, its name (case and underscores aside); embedded
// structs' fields count as T's. A field no column names keeps its zero
// value; a column no field names is an error. It is what
// pgx.CollectRows(rows, pgx.RowToAddrOfStructByNameLax[T]) does, but
// matches columns to fields once for the whole result, not once per row
// (pgx joins the column names and looks them up for every row), and
// reuses one slice of scan targets: the read path scans thousands of rows
// a request.
func collectStructs[T any](rows pgx.Rows) ([]*T, error) {
	defer rows.Close()
	var out []*T
	var paths [][]int
	var targets []any
	for rows.Next() {
		if targets == nil {
			// Only now: a statement sent without a prepared description
			// (a standby's retry, the simple protocol) learns its columns
			// with its first row.
			var err error
			if paths, err = columnFields(reflect.TypeFor[T](), rows.FieldDescriptions()); err != nil {
				return nil, err
			}
			targets = make([]any, len(paths))
		}
		v := new(T)
		rv := reflect.ValueOf(v).Elem()
		for i, p := range paths {
			targets[i] = rv.FieldByIndex(p).Addr().Interface()
		}
		if err := rows.Scan(targets...); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// columnFieldsKey is a struct type and the names of a result's columns,
// joined by NUL.
type columnFieldsKey struct {
	t    reflect.Type
	cols string
}

// columnFieldsCache maps a columnFieldsKey to the index path of the field
// each column goes to ([][]int); a process reads a few dozen shapes.
var columnFieldsCache sync.Map

// columnFields returns, for each column, the index path of the field of
// struct type t that it goes to (see collectStructs).
func columnFields(t reflect.Type, cols []pgconn.FieldDescription) ([][]int, error) {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	key := columnFieldsKey{t, strings.Join(names, "\x00")}
	if v, ok := columnFieldsCache.Load(key); ok {
		return v.([][]int), nil
	}
	paths := make([][]int, len(cols))
	matchFields(t, nil, names, paths)
	for i, p := range paths {
		if p == nil {
			return nil, &scanError{column: names[i], t: t}
		}
	}
	columnFieldsCache.Store(key, paths)
	return paths, nil
}

// matchFields sets paths[i] to the index path (under prefix) of the field
// of struct type t that column names[i] goes to, for the columns that name
// one of t's fields; fields of embedded structs are t's.
func matchFields(t reflect.Type, prefix []int, names []string, paths [][]int) {
	for i := range t.NumField() {
		f := t.Field(i)
		path := append(append([]int(nil), prefix...), i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			matchFields(f.Type, path, names, paths)
			continue
		}
		if !f.IsExported() {
			continue
		}
		tag, tagged := f.Tag.Lookup("db")
		tag, _, _ = strings.Cut(tag, ",")
		if tag == "-" {
			continue
		}
		if col := columnNamed(names, tag, f.Name, tagged); col >= 0 && paths[col] == nil {
			paths[col] = path
		}
	}
}

// columnNamed returns the index of the column a field goes to: by its tag,
// exactly, else case aside; without a tag, by its name, case and
// underscores aside. -1 if none.
func columnNamed(names []string, tag, field string, tagged bool) int {
	if tagged {
		for i, n := range names {
			if n == tag {
				return i
			}
		}
		for i, n := range names {
			if strings.EqualFold(n, tag) {
				return i
			}
		}
		return -1
	}
	for i, n := range names {
		if strings.EqualFold(strings.ReplaceAll(n, "_", ""), field) {
			return i
		}
	}
	return -1
}

// scanError is a result column that no field of the struct names.
type scanError struct {
	column string
	t      reflect.Type
}

func (e *scanError) Error() string {
	return "scan: " + e.t.String() + " has no field for column " + e.column
}
