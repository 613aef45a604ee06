package db

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/rowscan"
)

// What the reads of every type share: running a statement into domain
// structs, reading by id and by parent, the orderings' building blocks,
// and the filters' (date ranges, subtrees, and, or, not).

// Querier is what reads need of a pool, a connection or a transaction; the
// bulk loader bench/corpus runs its own SQL through it.
type Querier = querier

// querier is what reads need of a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// scanRows reads every row of rows into domain structs, strictly: a
// column a statement lacks is an error, not a zero field, but for the
// columns of Keyset, which only listings select (see rowscan.Strict).
func scanRows[T any](rows pgx.Rows) ([]*T, error) { return rowscan.Strict[T](rows, keysetType) }

var keysetType = reflect.TypeFor[Keyset]()

// fetchAll reads every row of a statement into domain structs (see
// scanRows). Its named arguments are rewritten once per statement text
// (pg.Positional).
func fetchAll[T any](ctx context.Context, q querier, sql string, args ...any) (items []*T, err error) {
	sql, args = pg.Positional(ctx, sql, args)
	err = collect(ctx, q, sql, args, func(rows pgx.Rows) (err error) {
		items, err = scanRows[T](rows)
		return err
	})
	return items, err
}

// readMap reads the rows of a statement that selects an id and a value
// into a map from the one to the other.
func readMap[V any](ctx context.Context, q querier, sql string, args pgx.NamedArgs) (map[int64]V, error) {
	var out map[int64]V
	err := collect(ctx, q, sql, []any{args}, func(rows pgx.Rows) error {
		out = map[int64]V{}
		var id int64
		var v V
		_, err := pgx.ForEachRow(rows, []any{&id, &v}, func() error {
			out[id] = v
			return nil
		})
		return err
	})
	return out, err
}

// collector is a querier that can run a read again elsewhere when its
// server fails while the rows stream: the store's reads (route.Reads).
type collector interface {
	Collect(ctx context.Context, sql string, args []any, read func(pgx.Rows) error) error
}

// collect runs a statement on q and hands its rows to read, which reads
// what it needs of them. On the store's reads, read is called again, to
// start over, when a standby fails before the rows are complete
// (route.Reads.Collect): read must keep nothing of a call but its last.
func collect(ctx context.Context, q querier, sql string, args []any, read func(pgx.Rows) error) error {
	if c, ok := q.(collector); ok {
		return c.Collect(ctx, sql, args, read)
	}
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := read(rows); err != nil {
		return err
	}
	rows.Close()
	return rows.Err()
}

// readByIDs reads the rows of a statement that takes their ids as @ids, in
// no particular order; ids that name nothing are left out.
func readByIDs[T any](ctx context.Context, q querier, what, sql string, ids []int64) ([]*T, error) {
	items, err := fetchAll[T](ctx, q, sql, pgx.NamedArgs{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return items, nil
}

// readOne reads the one row of a statement, or returns ErrNotFound.
func readOne[T any](ctx context.Context, q querier, what, sql string, args pgx.NamedArgs) (*T, error) {
	items, err := fetchAll[T](ctx, q, sql, args)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if len(items) == 0 {
		return nil, ErrNotFound
	}
	return items[0], nil
}

// children reads rows grouped by the parent each belongs to. sql selects
// the parent as list_parent and takes the parents' ids as @parents.
func children[T any](ctx context.Context, q querier, what, sql string, parents []int64) (map[int64][]*T, error) {
	items, err := fetchAll[T](ctx, q, sql, pgx.NamedArgs{"parents": parents})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return groupByParent(items), nil
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

// Missing returns the ids that name no row of the given kind: one of
// ARTICLE, TOPIC, PERSON, ORGANIZATION, PLACE, EVENT, PROJECT, AGREEMENT.
func (s *Store) Missing(ctx context.Context, kind string, ids []int64) ([]int64, error) {
	table, ok := map[string]string{"ARTICLE": "articles", "TOPIC": "topics", "PERSON": "people",
		"ORGANIZATION": "organizations", "PLACE": "places", "EVENT": "events", "PROJECT": "projects",
		"AGREEMENT": "agreements"}[kind]
	if !ok {
		return nil, fmt.Errorf("missing: unknown kind %q", kind)
	}
	var missing []int64
	err := s.read(ctx).Collect(ctx, `SELECT x FROM unnest(@ids::bigint[]) x WHERE NOT EXISTS (SELECT 1 FROM `+table+` t WHERE t.id = x)`, []any{pgx.NamedArgs{"ids": ids}}, func(rows pgx.Rows) (err error) {
		missing, err = pgx.CollectRows(rows, pgx.RowTo[int64])
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("check %s ids: %w", kind, err)
	}
	return missing, nil
}

func key(expr, typ string) sortKey { return sortKey{expr: expr, typ: typ} }

// orders are a root listing's orderings by name (the API's orderBy field;
// "" is the listing's default), each given the direction asked for.
type orders map[string]func(desc bool) ordering

// listingOrders are the root listings' orderings, by listing name.
var listingOrders = map[string]orders{
	"articles": articleOrders, "statements": statementOrders, "figures": figureOrders,
	"agreements": agreementOrders, "people": personOrders, "organizations": organizationOrders,
	"places": placeOrders, "events": eventOrders, "projects": projectOrders, "topics": topicOrders,
	"audit": auditOrders,
}

// orderFor returns the ordering of a listing chosen by o, or the listing's
// default when o.Field is empty. listing is one of the root listings; its
// nested listings order by the same names (see Relation). Each ordering
// has an index for each direction (migration 000010); the expressions of
// the listings' orders must stay those of the indexes.
func orderFor(listing string, o Order) (ordering, error) {
	by, ok := listingOrders[listing][o.Field]
	if !ok {
		return ordering{}, Errorf(CodeInvalid, "orderBy: %s cannot be ordered by %s", listing, o.Field)
	}
	return by(o.Desc), nil
}

// byDate orders by a date range column: undated rows come last either way.
func byDate(name, column, id string, desc bool) ordering {
	return byDateKeys(name, "lower("+column+")", desc, key(id, "bigint"))
}

func byText(name, column, id string, desc bool) ordering {
	return ordering{name: name, desc: desc, keys: []sortKey{key(column, "text"), key(id, "bigint")}}
}

// byDateKeys orders by a date, undated rows last either way, then by
// more keys (the row id last).
func byDateKeys(name, date string, desc bool, more ...sortKey) ordering {
	fallback := "'infinity'::date"
	if desc {
		fallback = "'-infinity'::date"
	}
	return ordering{name: name, desc: desc, keys: append([]sortKey{key("coalesce("+date+", "+fallback+")", "date")}, more...)}
}

// byCount orders by a count, then by id.
func byCount(name, column, id string, desc bool) ordering {
	return ordering{name: name, desc: desc, keys: []sortKey{key(column, "int"), key(id, "bigint")}}
}

// byName orders the rows of table t by name, then by id.
func byName(t string) []sortKey {
	return []sortKey{key(t+".name", "text"), key(t+".id", "bigint")}
}

// inArticles orders article by article, each in reading order.
func inArticles(t string) []sortKey {
	return []sortKey{key(t+".article_id", "bigint"), key(t+".position", "int"), key(t+".id", "bigint")}
}

// DateRange is an inclusive range of days; a nil end is open.
type DateRange struct {
	From, To *time.Time
}

// overlaps is the condition that a daterange column overlaps r.
func (l *listing) overlaps(column string, r *DateRange) string {
	return fmt.Sprintf("%s && daterange(%s::date, %s::date, '[]')", column, l.arg(r.From), l.arg(r.To))
}

// where gathers a filter's conditions, their values as l's arguments, in
// the order added. Each method but add adds its condition only when the
// filter sets the field: a nil slice or pointer adds nothing, an empty
// slice a condition that selects nothing.
type where struct {
	l     *listing
	conds []string
}

// add adds a condition the filter wrote itself.
func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// ids adds that column is one of ids.
func (w *where) ids(column string, ids []int64) {
	if ids != nil {
		w.add(column + ` = ANY(` + w.l.arg(ids) + `)`)
	}
}

// under adds that column is one of ids or below one of them in the tree
// (organizationTree, placeTree).
func (w *where) under(column string, tree func(arg string) string, ids []int64) {
	if ids != nil {
		w.add(column + ` = ANY(` + tree(w.l.arg(ids)) + `)`)
	}
}

// enums adds that the enum column is one of names (the API's upper-case
// names).
func (w *where) enums(column string, names []string) {
	if names != nil {
		w.add(column + `::text = ANY(` + w.l.arg(lower(names)) + `)`)
	}
}

// during adds that the daterange column overlaps r.
func (w *where) during(column string, r *DateRange) {
	if r != nil {
		w.add(w.l.overlaps(column, r))
	}
}

// tagged adds that the row (its id) is tagged, in the link table, with
// one of topics or a narrower topic.
func (w *where) tagged(table, column, id string, topics []int64) {
	if topics != nil {
		w.add(taggedWith(table, column, id, w.l.arg(topics)))
	}
}

// matches adds that the tsvector column matches the web search text.
func (w *where) matches(column string, text *string) {
	if text != nil {
		w.add(column + ` @@ websearch_to_tsquery('english', ` + w.l.arg(*text) + `)`)
	}
}

// Subtree queries: the given ids and everything below them.
func topicTree(arg string) string {
	return `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM topics WHERE id = ANY(` + arg + `)
		UNION SELECT c.id FROM topics c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`
}

func organizationTree(arg string) string {
	return `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = ANY(` + arg + `)
		UNION SELECT c.id FROM organizations c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`
}

func placeTree(arg string) string {
	return `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM places WHERE id = ANY(` + arg + `)
		UNION SELECT c.id FROM places c JOIN tree ON c.parent_id = tree.id OR c.country_id = tree.id) SELECT id FROM tree)`
}

// lower lowercases enum names for comparison with stored enum values.
func lower(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.ToLower(n)
	}
	return out
}

// filterSQL renders f as one SQL condition, its values as l's arguments:
// "true" when f is nil (of any type) or sets nothing.
func filterSQL(l *listing, f Filter) string {
	if f == nil || reflect.ValueOf(f).IsNil() {
		return "true"
	}
	w := where{l: l}
	f.conditions(&w)
	f.boolean(&w)
	if len(w.conds) == 0 {
		return "true"
	}
	// Elsewhere NULL and false select the same rows, and the conditions
	// stay bare, so that PostgreSQL can use their indexes (wrapped in
	// coalesce, a speaker's statements were counted by reading the whole
	// speaker index).
	return "(" + strings.Join(w.conds, " AND ") + ")"
}

// Boolean is what every filter F of a listing's rows embeds: beside the
// filter's own conditions, it selects only the rows that every filter of
// And selects, that a filter of Or selects (when Or is given: an empty Or,
// not nil, selects none), and that Not does not select.
type Boolean[F any] struct {
	And, Or []F
	Not     *F
}

// boolean adds b's parts to w, after the filter's own conditions.
func (b *Boolean[F]) boolean(w *where) {
	if len(b.And) > 0 {
		w.add("(" + strings.Join(subfilters(w.l, b.And), " AND ") + ")")
	}
	switch {
	case b.Or == nil:
	case len(b.Or) == 0:
		w.add("false") // no filter of Or selects anything
	default:
		w.add("(" + strings.Join(subfilters(w.l, b.Or), " OR ") + ")")
	}
	if b.Not != nil {
		// A condition on a missing value (NULL) is false, so that NOT
		// selects exactly the rows the filter does not.
		w.add("NOT coalesce(" + filterSQL(w.l, any(b.Not).(Filter)) + ", false)")
	}
}

// subfilters renders each of fs (whose pointers are Filters) as a condition.
func subfilters[F any](l *listing, fs []F) []string {
	conds := make([]string, len(fs))
	for i := range fs {
		conds[i] = filterSQL(l, any(&fs[i]).(Filter))
	}
	return conds
}
