package db

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// The rows a search's hits name, read by the search's own statement (part
// of the seam of keyset.go): a page of hits used to be followed by one
// read by id per type on the page (articles, topics, ...), two statements
// more a request for "digital economy", each a round trip and, on the
// server, a loader's batch. NodeSQL gives the search's statement the
// store's own read by id of a type, for the one id of a hit, and
// FetchWithNodes reads those rows with the same strict scanner into the
// same domain structs: the rows the loaders would have read.

// nodeRead is the store's read by id of one kind of row and the reading
// of its rows into their domain structs (as []any of *Article, ...).
type nodeRead struct {
	byID string
	scan func(pgx.Rows) ([]any, error)
}

// nodeReads are the reads by id of the kinds searched by full text, each
// the very statement the type's loader reads with (Store.Articles, ...).
var nodeReads = map[string]nodeRead{
	"ARTICLE":   {articlesByID, scanAny[Article]},
	"STATEMENT": {statementsByID, scanAny[Statement]},
	"FIGURE":    {figuresByID, scanAny[Figure]},
	"AGREEMENT": {agreementsByID, scanAny[Agreement]},
	"EVENT":     {eventsByID, scanAny[Event]},
	"PROJECT":   {projectsByID, scanAny[Project]},
	"TOPIC":     {topicsByID, scanAny[Topic]},
}

func scanAny[T any](rows pgx.Rows) ([]any, error) {
	items, err := scanRows[T](rows)
	out := make([]any, len(items))
	for i, it := range items {
		out[i] = it
	}
	return out, err
}

// NodeSQL returns the statement that reads the rows of kind (ARTICLE,
// STATEMENT, FIGURE, AGREEMENT, EVENT, PROJECT or TOPIC) whose ids are the
// SQL expression ids (a bigint[]): the store's read by id of that kind,
// the one its loader reads with, given those ids. ok is false for another
// kind.
func NodeSQL(kind, ids string) (sql string, ok bool) {
	r, ok := nodeReads[kind]
	if !ok {
		return "", false
	}
	return strings.ReplaceAll(r.byID, "ANY(@ids)", "ANY("+ids+")"), true
}

// NodeMarker is the column a statement read by FetchWithNodes puts before
// each kind's columns.
const NodeMarker = "node_columns"

// FetchWithNodes runs sql with args as FetchAll does, for a statement whose
// columns are T's, then, for each of kinds in turn, a column named
// NodeMarker followed by the columns of that kind's NodeSQL (NULL in a row
// without such a node; the first of them, the id, tells). It returns the
// rows read into Ts and, for each, its node: the row of the first kind
// with one, read into its domain struct (a *Article, *Topic, ...) as the
// type's read by id reads it, or nil.
func FetchWithNodes[T any](ctx context.Context, s *Store, sql string, kinds []string, args ...any) ([]*T, []any, error) {
	sql, args = positional(ctx, sql, args)
	rows, err := s.read(ctx).Query(ctx, sql, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var raw [][][]byte
	for rows.Next() {
		// The connection reuses its buffer: each row's values are copied
		// into one buffer of the row's own.
		values := rows.RawValues()
		n := 0
		for _, v := range values {
			n += len(v)
		}
		buf := make([]byte, 0, n)
		row := make([][]byte, len(values))
		for i, v := range values {
			if v != nil {
				buf = append(buf, v...)
				row[i] = buf[len(buf)-len(v) : len(buf) : len(buf)]
			}
		}
		raw = append(raw, row)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	descs := rows.FieldDescriptions()
	typeMap := rows.TypeMap()
	// groups[0] is T's columns, groups[i] those of kinds[i-1].
	var groups [][2]int
	start := 0
	for i, d := range descs {
		if d.Name == NodeMarker {
			groups = append(groups, [2]int{start, i})
			start = i + 1
		}
	}
	groups = append(groups, [2]int{start, len(descs)})
	if len(groups) != len(kinds)+1 {
		return nil, nil, fmt.Errorf("read nodes: %d groups of columns for %d kinds", len(groups)-1, len(kinds))
	}
	items, err := scanRows[T](&rawRows{descs: descs[groups[0][0]:groups[0][1]], rows: raw, cols: groups[0], typeMap: typeMap})
	if err != nil {
		return nil, nil, err
	}
	nodes := make([]any, len(raw))
	for k, kind := range kinds {
		g := groups[k+1]
		r, ok := nodeReads[kind]
		if !ok {
			return nil, nil, fmt.Errorf("read nodes: no read by id of %s", kind)
		}
		var which []int
		var with [][][]byte
		for i, row := range raw {
			if g[1] > g[0] && row[g[0]] != nil && nodes[i] == nil {
				which, with = append(which, i), append(with, row)
			}
		}
		if len(with) == 0 {
			continue
		}
		found, err := r.scan(&rawRows{descs: descs[g[0]:g[1]], rows: with, cols: g, typeMap: typeMap})
		if err != nil {
			return nil, nil, fmt.Errorf("read %s nodes: %w", strings.ToLower(kind), err)
		}
		for j, i := range which {
			nodes[i] = found[j]
		}
	}
	return items, nodes, nil
}

// rawRows are rows already read (a range cols of each row's raw values),
// read again by the strict scanner.
type rawRows struct {
	descs   []pgconn.FieldDescription
	rows    [][][]byte
	cols    [2]int
	typeMap *pgtype.Map
	n       int
	plans   []pgtype.ScanPlan // per column, for types[i]
	types   []reflect.Type
}

func (r *rawRows) Close()                                       {}
func (r *rawRows) Err() error                                   { return nil }
func (r *rawRows) CommandTag() pgconn.CommandTag                { return pgconn.CommandTag{} }
func (r *rawRows) FieldDescriptions() []pgconn.FieldDescription { return r.descs }
func (r *rawRows) Conn() *pgx.Conn                              { return nil }
func (r *rawRows) TypeMap() *pgtype.Map                         { return r.typeMap }
func (r *rawRows) RawValues() [][]byte                          { return r.rows[r.n-1][r.cols[0]:r.cols[1]] }

func (r *rawRows) Next() bool {
	if r.n >= len(r.rows) {
		return false
	}
	r.n++
	return true
}

// Scan reads the row's values into dest as pgx's rows do, planning each
// column's scan once for all the rows (pgtype.Map.Scan plans it anew at
// every value, allocating).
func (r *rawRows) Scan(dest ...any) error {
	if len(dest) != len(r.descs) {
		return fmt.Errorf("scan: %d destinations for %d columns", len(dest), len(r.descs))
	}
	if r.plans == nil {
		r.plans = make([]pgtype.ScanPlan, len(r.descs))
		r.types = make([]reflect.Type, len(r.descs))
	}
	values := r.RawValues()
	for i, d := range dest {
		if d == nil {
			continue
		}
		if t := reflect.TypeOf(d); r.plans[i] == nil || r.types[i] != t {
			r.plans[i] = r.typeMap.PlanScan(r.descs[i].DataTypeOID, r.descs[i].Format, d)
			r.types[i] = t
		}
		if err := r.plans[i].Scan(values[i], d); err != nil {
			return pgx.ScanArgError{ColumnIndex: i, FieldName: r.descs[i].Name, Err: err}
		}
	}
	return nil
}

func (r *rawRows) Values() ([]any, error) {
	out := make([]any, len(r.descs))
	for i, d := range r.descs {
		var v any
		if err := r.typeMap.Scan(d.DataTypeOID, d.Format, r.RawValues()[i], &v); err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
