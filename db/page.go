package db

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/route"
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
	// shape is the statement of a root listing's page when not pageSQL
	// (see Listing.walk), with pageSQL's parts and {walk_order}, the
	// ordering's ORDER BY on the walk's columns (alias w for f).
	shape string
	// planOnce says that the shape's plan does not hang on its values (the
	// index its walk takes is pinned by the condition's collation, and the
	// other conditions are ones that index holds), so a page of it is
	// planned once for all, filtered or not.
	planOnce bool
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

// float8Pattern is a float8 as PostgreSQL writes one: decimal digits, an
// optional fraction and exponent (0.6551724076271057, 1e-05).
var float8Pattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?$`)

// validKey reports whether a cursor's key is a value of the sort key's
// type, so that a tampered cursor is refused before any SQL runs.
func validKey(typ, v string) bool {
	switch typ {
	case "bigint", "int":
		_, err := strconv.ParseInt(v, 10, 64)
		return err == nil
	case "float8": // a search's score, as PostgreSQL writes a float8
		if !float8Pattern.MatchString(v) {
			return false
		}
		f, err := strconv.ParseFloat(v, 64)
		// a number too small for a float8, which Go reads as 0 and
		// PostgreSQL refuses
		tiny := f == 0 && strings.ContainsAny(strings.SplitN(strings.ToLower(v), "e", 2)[0], "123456789")
		return err == nil && !math.IsInf(f, 0) && !tiny
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

// The statements of listings, one shape each. A {name} is a part of the
// listing (its columns, FROM and conditions: constants of the file of its
// type, see listing) or of its ordering (keys, ORDER BY, LIMIT), put in by
// statement; user values only ever travel in its arguments (@a1, @a2, ...,
// and @parents, the parents' ids of a nested listing). A listing's
// conditions may be a boolean tree of filters (and, or, not) and its order
// one of several, each with its own index (see orderFor), so its WHERE and
// ORDER BY cannot be one fixed text: see the package comment.
const (
	// pageSQL reads a page of a root listing, one row more than the page
	// to learn whether more follow.
	pageSQL = `SELECT {columns}, {keys} FROM {from} WHERE {where} ORDER BY {order} LIMIT {limit}`
	// countSQL counts a root listing.
	countSQL = `SELECT count(*) FROM {from} WHERE {where}`

	// nestedSQL reads the same page of a nested listing for each parent,
	// each in a subquery of its own, whose conditions name the parent's id
	// par.id.
	nestedSQL = `
		SELECT x.* FROM unnest(@parents::bigint[]) AS par(id)
		CROSS JOIN LATERAL (
			SELECT par.id AS list_parent, {columns}, {keys} FROM {from} WHERE {where} ORDER BY {order} LIMIT {limit}
		) x`
	// nestedCountedSQL is nestedSQL with each parent's count ({count_where}:
	// the conditions before the cursor's bounds).
	nestedCountedSQL = `
		SELECT x.* FROM unnest(@parents::bigint[]) AS par(id)
		CROSS JOIN LATERAL (SELECT count(*) AS n FROM {from} WHERE {count_where}) list_count
		CROSS JOIN LATERAL (
			SELECT par.id AS list_parent, list_count.n AS list_total, {columns}, {keys} FROM {from} WHERE {where} ORDER BY {order} LIMIT {limit}
		) x`
	// nestedMembersCountedSQL is nestedSQL with each parent's count
	// ({size}) taken from the relation's members ({with}, see Relation).
	nestedMembersCountedSQL = `
		WITH RECURSIVE {with}
		SELECT x.* FROM (SELECT m.list_parent AS id, {size} AS n FROM list_members m) par
		CROSS JOIN LATERAL (
			SELECT par.id AS list_parent, par.n AS list_total, {columns}, {keys} FROM {from} WHERE {where} ORDER BY {order} LIMIT {limit}
		) x`
	// nestedCountSQL counts a nested listing for each parent.
	nestedCountSQL = `SELECT par.id, (SELECT count(*) FROM {from} WHERE {where}) FROM unnest(@parents::bigint[]) AS par(id)`

	// memberPagesSQL reads each parent's page of a relation by members
	// (see fetchMemberPages).
	memberPagesSQL = `
		WITH RECURSIVE {with},
		list_sizes AS MATERIALIZED (SELECT m.list_parent, m.ids, {size} AS n FROM list_members m)
		SELECT r.list_parent, r.list_total, r.list_rank, x.* FROM (
			SELECT m.list_parent, m.n AS list_total, {alias}.id AS list_id,
				row_number() OVER (PARTITION BY m.list_parent ORDER BY {order}) AS list_rank
			FROM list_sizes m JOIN {from} ON {alias}.id = ANY(m.ids) WHERE {where}
		) r CROSS JOIN LATERAL (SELECT {columns}, {keys} FROM {from} WHERE {alias}.id = r.list_id LIMIT 1) x
		WHERE r.list_rank <= {limit} ORDER BY r.list_parent, r.list_rank`
	// memberCountsSQL counts the children of each parent of a relation by
	// members.
	memberCountsSQL = `WITH RECURSIVE {with}
		SELECT m.list_parent, {size} FROM list_members m`
)

// shape puts the named parts (name, value, name, value, ...) into a
// listing's statement shape, in one pass (a strings.Replacer, built for
// each statement, cost more than the rest of building it).
func shape(sql string, parts ...string) string {
	var b strings.Builder
	b.Grow(len(sql) + 1024)
	for {
		i := strings.IndexByte(sql, '{')
		j := strings.IndexByte(sql[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(sql)
			return b.String()
		}
		name := sql[i : i+j+1]
		b.WriteString(sql[:i])
		value := name
		for k := 0; k+1 < len(parts); k += 2 {
			if parts[k] == name {
				value = parts[k+1]
				break
			}
		}
		b.WriteString(value)
		sql = sql[i+j+1:]
	}
}

// fetchPage reads one page of a listing.
func fetchPage[T any](ctx context.Context, q route.Reads, l listing, o ordering, page PageArgs) (Page[T], error) {
	filtered := l.n > 0 && !l.planOnce // arguments so far are the filter's
	orderBy, limit, backward, err := l.keyset(o, page)
	if err != nil {
		return Page[T]{}, err
	}
	sql, walkOrder := pageSQL, ""
	if l.shape != "" {
		sql, walkOrder = l.shape, strings.ReplaceAll(orderBy, "f.", "w.")
	}
	sql = shape(sql, "{columns}", l.columns, "{keys}", keysColumn(o), "{from}", l.from,
		"{where}", l.whereSQL(), "{order}", orderBy, "{walk_order}", walkOrder, "{limit}", strconv.Itoa(limit+1))
	var items []*T
	err = q.ForValues(filtered).Collect(ctx, sql, []any{l.args}, func(rows pgx.Rows) (err error) {
		items, err = scanRows[T](rows)
		return err
	})
	if err != nil {
		return Page[T]{}, fmt.Errorf("list: %w", err)
	}
	p := finish(items, limit, backward, page)
	p.Order = o.cursorName()
	return p, nil
}

// count counts the rows of a listing.
func count(ctx context.Context, q route.Reads, l listing) (int, error) {
	if err := l.check(); err != nil {
		return 0, err
	}
	var n int
	sql := shape(countSQL, "{from}", l.from, "{where}", l.whereSQL())
	if err := q.ForValues(l.n > 0).QueryRow(ctx, sql, l.args).Scan(&n); err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	return n, nil
}

// withParents adds the parents' ids to l's arguments as @parents.
func (l *listing) withParents(parents []int64) {
	if l.args == nil {
		l.args = pgx.NamedArgs{}
	}
	l.args["parents"] = parents
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
func fetchNestedPages[T any](ctx context.Context, q route.Reads, l listing, members, size string, o ordering, parents []int64, page PageArgs, withCount bool) (map[int64]Page[T], error) {
	filtered := l.n > 0 && !l.planOnce // arguments so far are the filter's
	// The count's conditions are the listing's, before the cursor's bounds.
	countWhere := l.whereSQL()
	orderBy, limit, backward, err := l.keyset(o, page)
	if err != nil {
		return nil, err
	}
	l.withParents(parents)
	sql := nestedSQL
	switch {
	case withCount && members != "":
		sql = nestedMembersCountedSQL
	case withCount:
		sql = nestedCountedSQL
	}
	sql = shape(sql, "{with}", members, "{size}", size, "{count_where}", countWhere, "{columns}", l.columns,
		"{keys}", keysColumn(o), "{from}", l.from, "{where}", l.whereSQL(), "{order}", orderBy, "{limit}", strconv.Itoa(limit+1))
	return collectNestedPages[T](ctx, q.ForValues(filtered), sql, l.args, o, parents, page, limit, backward, withCount)
}

// collectNestedPages runs a statement of nested pages and splits its rows
// into each parent's page; see fetchNestedPages.
func collectNestedPages[T any](ctx context.Context, q querier, sql string, args pgx.NamedArgs, o ordering, parents []int64, page PageArgs, limit int, backward, withCount bool) (map[int64]Page[T], error) {
	var items []*T
	err := collect(ctx, q, sql, []any{args}, func(rows pgx.Rows) (err error) {
		items, err = scanRows[T](rows)
		return err
	})
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
func countNested(ctx context.Context, q route.Reads, l listing, parents []int64) (map[int64]int, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	forValues := l.n > 0
	l.withParents(parents)
	return collectCounts(ctx, q.ForValues(forValues), shape(nestedCountSQL, "{from}", l.from, "{where}", l.whereSQL()), l.args)
}

// collectCounts runs a statement that returns parents and their counts.
func collectCounts(ctx context.Context, q querier, sql string, args pgx.NamedArgs) (map[int64]int, error) {
	counts, err := readMap[int](ctx, q, sql, args)
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
//
// list_sizes counts the ids apart, so that the sort of the rows does not
// carry each parent's array along. The rows are ranked by their keys
// alone; only the page's rows are read whole, each by its id (LIMIT 1
// keeps PostgreSQL from folding that lookup into a join, which it planned
// as a hash join over the whole table, misjudging how many rows a rank <= n
// keeps).
func fetchMemberPages[T any](ctx context.Context, q route.Reads, l listing, alias, with, size string, o ordering, parents []int64, page PageArgs, withCount bool) (map[int64]Page[T], error) {
	filtered := l.n > 0 && !l.planOnce // arguments so far are the filter's
	orderBy, limit, backward, err := l.keyset(o, page)
	if err != nil {
		return nil, err
	}
	l.withParents(parents)
	sql := shape(memberPagesSQL, "{with}", with, "{size}", size, "{alias}", alias, "{columns}", l.columns,
		"{keys}", keysColumn(o), "{from}", l.from, "{where}", l.whereSQL(), "{order}", orderBy, "{limit}", strconv.Itoa(limit+1))
	return collectNestedPages[T](ctx, q.ForValues(filtered), sql, l.args, o, parents, page, limit, backward, withCount)
}

// countMembers counts the children of many parents of a relation listed by
// members (see Relation) in one statement; with and size are as for
// fetchMemberPages, and size's arguments are l's.
func countMembers(ctx context.Context, q route.Reads, l listing, with, size string, parents []int64) (map[int64]int, error) {
	if err := l.check(); err != nil {
		return nil, err
	}
	forValues := l.n > 0
	l.withParents(parents)
	return collectCounts(ctx, q.ForValues(forValues), shape(memberCountsSQL, "{with}", with, "{size}", size), l.args)
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
