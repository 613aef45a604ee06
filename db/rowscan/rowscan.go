package rowscan

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Strict reads every row of rows into a new *T, field by column name,
// strictly: every column must have a field of T, and every field of T
// must have a column, so that a column a query forgot is an error rather
// than a zero value. The one exception is an embedded struct of type
// optional (nil: none), whose columns a statement may leave out: the
// store's Keyset, a row's place in a listing, which only listings select.
// Fields tagged db:"-" are not read.
//
// pgx's RowToStructByName would demand the optional columns of every
// query; Strict checks the columns once per statement against the
// struct's fields (found once per type), then reads the rows with
// Collect, which matches columns to fields once per result. (Rows that
// learn their columns only with their first row, a standby's retry on the
// primary, are read without the check.)
func Strict[T any](rows pgx.Rows, optional reflect.Type) ([]*T, error) {
	// A statement that failed has no columns; reading its rows reports why.
	if descs := rows.FieldDescriptions(); descs != nil {
		if err := checkColumns(reflect.TypeFor[T](), optional, descs); err != nil {
			rows.Close()
			return nil, err
		}
	}
	return Collect[T](rows)
}

// requiredKey is a struct type and the type of its optional embedded
// struct.
type requiredKey struct{ t, optional reflect.Type }

// requiredColumns caches, per requiredKey, the columns rows must have.
var requiredColumns sync.Map // requiredKey -> []string

// checkColumns reports a column that t's struct fields (but optional's)
// need and a statement's columns (descs) lack. (A column without a field
// is already an error of pgx's scanner.)
func checkColumns(t, optional reflect.Type, descs []pgconn.FieldDescription) error {
	key := requiredKey{t, optional}
	cached, ok := requiredColumns.Load(key)
	if !ok {
		cached, _ = requiredColumns.LoadOrStore(key, structColumns(t, optional, nil))
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

// structColumns appends to names the columns of t's fields, those of
// embedded structs too, except optional's.
func structColumns(t, optional reflect.Type, names []string) []string {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if f.Type != optional {
				names = structColumns(f.Type, optional, names)
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

// Collect reads every row of rows into a new *T, each column into
// the field of T that names it: the field's db tag (case aside), or, for a
// field without one, its name (case and underscores aside); embedded
// structs' fields count as T's. A field no column names keeps its zero
// value; a column no field names is an error. It is what
// pgx.CollectRows(rows, pgx.RowToAddrOfStructByNameLax[T]) does, but
// matches columns to fields once for the whole result, not once per row
// (pgx joins the column names and looks them up for every row), and
// reuses one slice of scan targets: the read path scans thousands of rows
// a request.
func Collect[T any](rows pgx.Rows) ([]*T, error) {
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
// struct type t that it goes to (see Collect).
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
