package db

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// The seam of keyset pages for the one statement db does not write
// itself: a search's (package db/search). The caller writes the statement;
// db adds what every listing of its own shares: user values as named
// arguments (@a1, @a2, ...), the conditions that select the rows after and
// before a page's cursors (checked against the ordering), the ORDER BY and
// LIMIT of the page, the keys column its cursors are made from, the
// trimming of the row beyond the page, and the read itself (on the
// Store's routed reads, scanned strictly). Nothing else may use it: the
// store's own reads are listings (lists.go).

// SortKey is one expression an Ordering sorts by and its SQL type (bigint,
// int, float8, numeric, date or text), to which a cursor's value is cast
// back.
type SortKey struct {
	Expr, Type string
}

// Ordering is a total order of a caller's rows for keyset pages: its name
// (as the cursors of its pages carry it), its direction and its sort keys,
// the row id last.
type Ordering struct {
	o ordering
}

// NewOrdering returns the ordering called name, by keys, descending if
// desc.
func NewOrdering(name string, desc bool, keys ...SortKey) Ordering {
	o := ordering{name: name, desc: desc, keys: make([]sortKey, len(keys))}
	for i, k := range keys {
		o.keys[i] = key(k.Expr, k.Type)
	}
	return Ordering{o}
}

// CursorName is the ordering's name as its cursors carry it
// (Page.Order).
func (o Ordering) CursorName() string { return o.o.cursorName() }

// KeysColumn is the select-list expression list_keys, a row's sort keys
// as text, from which its cursor is made (Keyset.Keys).
func (o Ordering) KeysColumn() string { return keysColumn(o.o) }

// PageQuery is what db writes of a statement whose rows a caller pages:
// its named arguments and the conditions of one page. Its zero value has
// no arguments.
type PageQuery struct {
	l listing
}

// Arg adds the user value v as a named argument and returns its
// placeholder (@a1, @a2, ...).
func (q *PageQuery) Arg(v any) string { return q.l.arg(v) }

// Args are the statement's named arguments; the caller may add arguments
// of its own names (not a1, a2, ...) to the map.
func (q *PageQuery) Args() pgx.NamedArgs {
	if q.l.args == nil {
		q.l.args = pgx.NamedArgs{}
	}
	return q.l.args
}

// Keyset adds the conditions that select the rows strictly after
// page.After and before page.Before in ordering o (a cursor of another
// ordering, or one this API did not make, is refused with CodeInvalid, as
// is a text argument with a NUL character), and returns the ORDER BY and
// the LIMIT of the page: a page read backwards (page.Last) is fetched in
// reverse order. The statement reads limit+1 rows, to tell whether more
// follow (FinishPage).
func (q *PageQuery) Keyset(o Ordering, page PageArgs) (orderBy string, limit int, backward bool, err error) {
	return q.l.keyset(o.o, page)
}

// Where is the conditions Keyset added, joined with AND ("true" when
// there are none).
func (q *PageQuery) Where() string { return q.l.whereSQL() }

// FinishPage makes the page of items, the rows a statement read with the
// limit and direction Keyset returned for page: it trims the row beyond
// the page and puts a backward page back in the ordering's order. Its
// Order is left for the caller (Ordering.CursorName).
func FinishPage[T any](items []*T, limit int, backward bool, page PageArgs) Page[T] {
	return finish(items, limit, backward, page)
}

// FetchAll runs sql with args on s's reads in ctx (routed as every read of
// the store is, see route.Reads) and reads every row into a new *T
// strictly (as the store's own reads are): every column must have a field
// of T and every field of T a column, but for fields tagged db:"-" and the
// columns of an embedded Keyset.
func FetchAll[T any](ctx context.Context, s *Store, sql string, args ...any) ([]*T, error) {
	return fetchAll[T](ctx, s.read(ctx), sql, args...)
}
