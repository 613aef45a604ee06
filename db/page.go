package db

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
)

// MaxPageSize is the largest page a listing returns.
const MaxPageSize = 100

// Cursor is a position in an ordered listing: the name of the ordering it
// belongs to and the sort keys of the row at that position, its id last.
type Cursor struct {
	Order string
	Keys  []string
}

// PageArgs selects a page of a listing: the First rows after After, or the
// Last rows before Before. Exactly one of First and Last is positive.
type PageArgs struct {
	First, Last   int
	After, Before *Cursor
}

// Page is one page of a listing, in the listing's order. Each item's Keyset
// holds its cursor keys.
type Page[T any] struct {
	Items       []*T
	HasNext     bool
	HasPrevious bool
	// Order is the name of the page's ordering, for the cursors of its items.
	Order string
	// Total is how many items the whole listing has, when the page was
	// read with its count; nil when it was not counted.
	Total *int
}

// Order chooses one of a listing's orderings by name (e.g. "NAME") and
// direction; the zero Order is the listing's default.
type Order struct {
	Field string
	Desc  bool
}

// sortKey is one expression an ordering sorts by, and its SQL type, used to
// cast cursor values back.
type sortKey struct {
	expr, typ string
}

// ordering is a total order of a listing: sort keys, the row id last.
type ordering struct {
	name string
	keys []sortKey
	desc bool
}

// cursorName is the ordering's name as cursors carry it.
func (o ordering) cursorName() string {
	if o.desc {
		return o.name + ":desc"
	}
	return o.name + ":asc"
}

// listing is the SQL of one listable type: FROM (with any joins), columns,
// and the conditions that every row must meet. Conditions and columns are
// this package's constants; user values only ever travel in args.
type listing struct {
	from    string
	columns string
	where   []string
	args    pgx.NamedArgs
	n       int  // arguments added so far
	nul     bool // a text argument holds a NUL character
}

// arg adds a user value as a named argument and returns its placeholder.
func (l *listing) arg(v any) string {
	switch x := v.(type) {
	case string:
		l.nul = l.nul || strings.ContainsRune(x, 0)
	case *string:
		l.nul = l.nul || x != nil && strings.ContainsRune(*x, 0)
	}
	l.n++
	name := fmt.Sprintf("a%d", l.n)
	if l.args == nil {
		l.args = pgx.NamedArgs{}
	}
	l.args[name] = v
	return "@" + name
}

func (l *listing) and(cond string) { l.where = append(l.where, cond) }

func (l *listing) whereSQL() string {
	if len(l.where) == 0 {
		return "true"
	}
	return strings.Join(l.where, " AND ")
}

// check refuses what PostgreSQL cannot take: text with a NUL character.
func (l *listing) check() error {
	if l.nul {
		return Errorf(CodeInvalid, "a text value in the request contains a NUL character, which cannot be searched for")
	}
	return nil
}

// keyset adds the conditions that select the rows strictly after `after`
// and before `before` in ordering o, and returns the ORDER BY and LIMIT
// clauses of the page. A page read backwards is fetched in reverse.
func (l *listing) keyset(o ordering, page PageArgs) (orderBy string, limit int, backward bool, err error) {
	if err := l.check(); err != nil {
		return "", 0, false, err
	}
	if (page.First > 0) == (page.Last > 0) {
		return "", 0, false, Errorf(CodeInvalid, "give either first or last")
	}
	exprs := make([]string, len(o.keys))
	for i, k := range o.keys {
		exprs[i] = k.expr
	}
	row := "(" + strings.Join(exprs, ", ") + ")"
	bound := func(c *Cursor, arg string, after bool) error {
		if c == nil {
			return nil
		}
		if c.Order != o.cursorName() || len(c.Keys) != len(o.keys) {
			return Errorf(CodeInvalid, "%s: the cursor belongs to another ordering or listing", arg)
		}
		vals := make([]string, len(o.keys))
		for i, k := range o.keys {
			if !validKey(k.typ, c.Keys[i]) {
				return Errorf(CodeInvalid, "%s: the cursor is not one this API made", arg)
			}
			vals[i] = l.arg(c.Keys[i]) + "::" + k.typ
		}
		op := ">"
		if after == o.desc {
			op = "<"
		}
		l.and(row + " " + op + " (" + strings.Join(vals, ", ") + ")")
		return nil
	}
	if err := bound(page.After, "after", true); err != nil {
		return "", 0, false, err
	}
	if err := bound(page.Before, "before", false); err != nil {
		return "", 0, false, err
	}
	backward = page.Last > 0
	dir := "ASC"
	if o.desc != backward {
		dir = "DESC"
	}
	parts := make([]string, len(exprs))
	for i, e := range exprs {
		parts[i] = e + " " + dir
	}
	limit = page.First
	if backward {
		limit = page.Last
	}
	return strings.Join(parts, ", "), limit, backward, nil
}

// validKey reports whether a cursor's key is a value of the sort key's
// type, so that a tampered cursor is refused before any SQL runs.
func validKey(typ, v string) bool {
	switch typ {
	case "bigint", "int":
		_, err := strconv.ParseInt(v, 10, 64)
		return err == nil
	case "float8":
		_, err := strconv.ParseFloat(v, 64)
		return err == nil
	case "numeric":
		return v == "Infinity" || v == "-Infinity" || decimalPattern.MatchString(v)
	case "date":
		_, err := time.Parse(time.DateOnly, v)
		return err == nil || v == "infinity" || v == "-infinity"
	case "text":
		return utf8.ValidString(v) && !strings.ContainsRune(v, 0)
	}
	return false
}

// keysColumn is the select-list expression that reports a row's sort keys.
func keysColumn(o ordering) string {
	parts := make([]string, len(o.keys))
	for i, k := range o.keys {
		parts[i] = "(" + k.expr + ")::text"
	}
	return "ARRAY[" + strings.Join(parts, ", ") + "] AS list_keys"
}

// finish trims the extra row fetched to learn whether more follow, and puts
// a backward page back in the listing's order.
func finish[T any](items []*T, limit int, backward bool, page PageArgs) Page[T] {
	more := len(items) > limit
	if more {
		items = items[:limit]
	}
	if backward {
		slices.Reverse(items)
		return Page[T]{Items: items, HasPrevious: more, HasNext: page.Before != nil}
	}
	return Page[T]{Items: items, HasNext: more, HasPrevious: page.After != nil}
}

// customPlan makes PostgreSQL plan a statement for its argument values
// each time it runs (an unnamed prepared statement; pgx still caches its
// description). Filtered listings and searches need it: their filters'
// selectivity depends on the values (a metric, a range, search words), and
// after five runs of a named prepared statement PostgreSQL may settle on a
// generic plan that fits no value well. With figures of one metric in a
// range of values, the generic plan (a BitmapAnd of the trigram and value
// indexes, then a sort of every match) took 190 ms where the custom plan
// (the article-order index, filtered) takes 2 ms.
//
// Such statements run on the store's custom pool (Store.planned routes
// them), whose connections plan every statement for its values; the
// store's other connections keep generic plans (NewPool).
const customPlan = pgx.QueryExecModeCacheDescribe

// execMode is how to send a listing's statement: planned for its values
// when a filter gave it values (filtered is true), else as a prepared
// statement whose plan PostgreSQL may keep (a cursor's keys do not change
// the plan: the ordering's index, from the cursor on).
func execMode(filtered bool) pgx.QueryExecMode {
	if filtered {
		return customPlan
	}
	return pgx.QueryExecModeCacheStatement
}

// fetchPage reads one page of a listing.
func fetchPage[T any](ctx context.Context, q querier, l listing, o ordering, page PageArgs) (Page[T], error) {
	filtered := l.n > 0 // arguments so far are the filter's
	orderBy, limit, backward, err := l.keyset(o, page)
	if err != nil {
		return Page[T]{}, err
	}
	sql := fmt.Sprintf(`SELECT %s, %s FROM %s WHERE %s ORDER BY %s LIMIT %d`,
		l.columns, keysColumn(o), l.from, l.whereSQL(), orderBy, limit+1)
	rows, err := q.Query(ctx, sql, execMode(filtered), l.args)
	if err != nil {
		return Page[T]{}, fmt.Errorf("list: %w", err)
	}
	items, err := collectStructs[T](rows)
	if err != nil {
		return Page[T]{}, fmt.Errorf("list: %w", err)
	}
	p := finish(items, limit, backward, page)
	p.Order = o.cursorName()
	return p, nil
}

// count counts the rows of a listing.
func count(ctx context.Context, q querier, l listing) (int, error) {
	if err := l.check(); err != nil {
		return 0, err
	}
	var n int
	err := q.QueryRow(ctx, fmt.Sprintf(`SELECT count(*) FROM %s WHERE %s`, l.from, l.whereSQL()), execMode(l.n > 0), l.args).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	return n, nil
}

// fetchNestedPages reads the same page of a nested listing for many
// parents in one statement. The listing's conditions refer to the parent's
// id as par.id. With withCount, the statement also counts each parent's
// children (all of them, not just the page's) and every row carries its
// parent's count as list_total: from list_members when members (a WITH list
// that ends with list_members(list_parent, ids), see Relation) is given,
// else in a LATERAL subquery. A parent whose page is empty has no row to
// carry it, so its count is known (zero) only when the page has no cursor,
// and is left unknown (nil) otherwise.
func fetchNestedPages[T any](ctx context.Context, q querier, l listing, members, size string, o ordering, parents []int64, page PageArgs, withCount bool) (map[int64]Page[T], error) {
	filtered := l.n > 0 // arguments so far are the filter's
	// The count's conditions are the listing's, before the cursor's bounds.
	countWhere := l.whereSQL()
	orderBy, limit, backward, err := l.keyset(o, page)
	if err != nil {
		return nil, err
	}
	var sql string
	switch {
	case withCount && members != "":
		if l.args == nil {
			l.args = pgx.NamedArgs{}
		}
		l.args["parents"] = parents
		sql = fmt.Sprintf(`
		WITH RECURSIVE %s
		SELECT x.* FROM (SELECT m.list_parent AS id, %s AS n FROM list_members m) par
		CROSS JOIN LATERAL (
			SELECT par.id AS list_parent, par.n AS list_total, %s, %s FROM %s WHERE %s ORDER BY %s LIMIT %d
		) x`, members, size, l.columns, keysColumn(o), l.from, l.whereSQL(), orderBy, limit+1)
	case withCount:
		sql = fmt.Sprintf(`
		SELECT x.* FROM unnest(%s::bigint[]) AS par(id)
		CROSS JOIN LATERAL (SELECT count(*) AS n FROM %s WHERE %s) list_count
		CROSS JOIN LATERAL (
			SELECT par.id AS list_parent, list_count.n AS list_total, %s, %s FROM %s WHERE %s ORDER BY %s LIMIT %d
		) x`, l.arg(parents), l.from, countWhere, l.columns, keysColumn(o), l.from, l.whereSQL(), orderBy, limit+1)
	default:
		sql = fmt.Sprintf(`
		SELECT x.* FROM unnest(%s::bigint[]) AS par(id)
		CROSS JOIN LATERAL (
			SELECT par.id AS list_parent, %s, %s FROM %s WHERE %s ORDER BY %s LIMIT %d
		) x`, l.arg(parents), l.columns, keysColumn(o), l.from, l.whereSQL(), orderBy, limit+1)
	}
	return collectNestedPages[T](ctx, q, sql, execMode(filtered), l.args, o, parents, page, limit, backward, withCount)
}

// collectNestedPages runs a statement of nested pages and splits its rows
// into each parent's page; see fetchNestedPages.
func collectNestedPages[T any](ctx context.Context, q querier, sql string, mode pgx.QueryExecMode, args pgx.NamedArgs, o ordering, parents []int64, page PageArgs, limit int, backward, withCount bool) (map[int64]Page[T], error) {
	rows, err := q.Query(ctx, sql, mode, args)
	if err != nil {
		return nil, fmt.Errorf("list nested: %w", err)
	}
	items, err := collectStructs[T](rows)
	if err != nil {
		return nil, fmt.Errorf("list nested: %w", err)
	}
	grouped := map[int64][]*T{}
	for _, it := range items {
		p := parentOf(it)
		grouped[p] = append(grouped[p], it)
	}
	pages := make(map[int64]Page[T], len(parents))
	for _, p := range parents {
		items := grouped[p]
		pg := finish(items, limit, backward, page)
		pg.Order = o.cursorName()
		if withCount {
			switch {
			case len(items) > 0:
				n := any(items[0]).(keyed).keyset().Total
				pg.Total = &n
			case page.After == nil && page.Before == nil:
				pg.Total = new(int) // no children at all
			}
		}
		pages[p] = pg
	}
	return pages, nil
}

// countNested counts a nested listing for many parents in one statement.
func countNested(ctx context.Context, q querier, l listing, parents []int64) (map[int64]int, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	mode := execMode(l.n > 0)
	sql := fmt.Sprintf(`SELECT par.id, (SELECT count(*) FROM %s WHERE %s) FROM unnest(%s::bigint[]) AS par(id)`,
		l.from, l.whereSQL(), l.arg(parents))
	return collectCounts(ctx, q, sql, mode, l.args)
}

// collectCounts runs a statement that returns parents and their counts.
func collectCounts(ctx context.Context, q querier, sql string, mode pgx.QueryExecMode, args pgx.NamedArgs) (map[int64]int, error) {
	rows, err := q.Query(ctx, sql, mode, args)
	if err != nil {
		return nil, fmt.Errorf("count nested: %w", err)
	}
	counts := map[int64]int{}
	var id int64
	var n int
	_, err = pgx.ForEachRow(rows, []any{&id, &n}, func() error {
		counts[id] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count nested: %w", err)
	}
	return counts, nil
}

// fetchMemberPages is fetchNestedPages for a relation whose children are
// listed by members (see Relation): with is a WITH list that ends with
// list_members(list_parent, ids), every parent's children, found once for
// the whole batch. Each parent's page is its first rows by row_number()
// over its children, and each row carries its parent's count (the number
// of its ids, before the cursor's bounds; size counts them, see
// Relation.size) as list_total.
func fetchMemberPages[T any](ctx context.Context, q querier, l listing, alias, with, size string, o ordering, parents []int64, page PageArgs, withCount bool) (map[int64]Page[T], error) {
	filtered := l.n > 0 // arguments so far are the filter's
	orderBy, limit, backward, err := l.keyset(o, page)
	if err != nil {
		return nil, err
	}
	if l.args == nil {
		l.args = pgx.NamedArgs{}
	}
	l.args["parents"] = parents
	// list_sizes counts the ids apart, so that the sort of the rows does
	// not carry each parent's array along. The rows are ranked by their
	// keys alone; only the page's rows are read whole, each by its id
	// (LIMIT 1 keeps PostgreSQL from folding that lookup into a join,
	// which it planned as a hash join over the whole table, misjudging
	// how many rows a rank <= n keeps).
	sql := fmt.Sprintf(`
		WITH RECURSIVE %[1]s,
		list_sizes AS MATERIALIZED (SELECT m.list_parent, m.ids, %[9]s AS n FROM list_members m)
		SELECT r.list_parent, r.list_total, r.list_rank, x.* FROM (
			SELECT m.list_parent, m.n AS list_total, %[4]s.id AS list_id,
				row_number() OVER (PARTITION BY m.list_parent ORDER BY %[5]s) AS list_rank
			FROM list_sizes m JOIN %[6]s ON %[4]s.id = ANY(m.ids) WHERE %[7]s
		) r CROSS JOIN LATERAL (SELECT %[2]s, %[3]s FROM %[6]s WHERE %[4]s.id = r.list_id LIMIT 1) x
		WHERE r.list_rank <= %[8]d ORDER BY r.list_parent, r.list_rank`,
		with, l.columns, keysColumn(o), alias, orderBy, l.from, l.whereSQL(), limit+1, size)
	return collectNestedPages[T](ctx, q, sql, execMode(filtered), l.args, o, parents, page, limit, backward, withCount)
}

// countMembers counts the children of many parents of a relation listed by
// members (see Relation) in one statement; with and size are as for
// fetchMemberPages, and size's arguments are l's.
func countMembers(ctx context.Context, q querier, l listing, with, size string, parents []int64) (map[int64]int, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	mode := execMode(l.n > 0)
	if l.args == nil {
		l.args = pgx.NamedArgs{}
	}
	l.args["parents"] = parents
	sql := `WITH RECURSIVE ` + with + `
		SELECT m.list_parent, ` + size + ` FROM list_members m`
	return collectCounts(ctx, q, sql, mode, l.args)
}

// keyed is any domain type that embeds Keyset.
type keyed interface{ keyset() *Keyset }

func (k *Keyset) keyset() *Keyset { return k }

// parentOf returns the parent a nested row was listed under.
func parentOf[T any](item *T) int64 {
	if k, ok := any(item).(keyed); ok {
		return k.keyset().Parent
	}
	return 0
}

// fetchAll reads every row of a query into domain structs.
func fetchAll[T any](ctx context.Context, q querier, sql string, args ...any) ([]*T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return collectStructs[T](rows)
}

// groupByParent groups rows read with a list_parent column by that parent.
func groupByParent[T any](items []*T) map[int64][]*T {
	out := map[int64][]*T{}
	for _, it := range items {
		p := parentOf(it)
		out[p] = append(out[p], it)
	}
	return out
}
