package db

import (
	"context"
	"fmt"
	"strings"
)

// Listing is a root listing: all the rows of T (AllArticles,
// AllStatements, ...), those a filter F selects (*ArticleFilter, ...; nil:
// all), a page at a time in the ordering asked for. Its name is the one
// orderFor and cursors know it by; from and columns are its FROM and
// columns, which the write side's read-back of a written row shares (see
// Written), and ids the id columns such a read tests.
type Listing[T any, F Filter] struct {
	name, from, columns string
	ids                 []string
	// walk, when set, may read a page another way than pageSQL: given
	// the filter and the ordering, it adds the filter's conditions to l
	// and sets l.shape, and reports whether it did.
	walk func(l *listing, f F, o ordering) bool
}

// List reads a page of the rows that match f, in the ordering o chooses.
func (r Listing[T, F]) List(ctx context.Context, s *Store, f F, o Order, page PageArgs) (Page[T], error) {
	ord, err := orderFor(r.name, o)
	if err != nil {
		return Page[T]{}, err
	}
	l := listing{from: r.from, columns: r.columns}
	if r.walk == nil || !r.walk(&l, f, ord) {
		l.and(filterSQL(&l, f))
	}
	return fetchPage[T](ctx, s.read(ctx), l, ord, page)
}

// Count counts the rows that match f.
func (r Listing[T, F]) Count(ctx context.Context, s *Store, f F) (int, error) {
	l := listing{from: r.from}
	l.and(filterSQL(&l, f))
	return count(ctx, s.read(ctx), l)
}

// NoFilter is the filter of a listing that takes none (AllTopics,
// AuditLog): every row.
type NoFilter struct{}

func (*NoFilter) conditions(*where) {}
func (*NoFilter) boolean(*where)    {}

// Relation is a nested listing of T: the children of a parent, such as an
// article's statements, filtered and ordered as its root listing's rows
// are (NestedArgs) or in its own order. A parent's page is read one of two
// ways:
//   - by a condition (where) that refers to the parent's id as par.id: each
//     parent's page is read by a subquery of its own, which suits children
//     an index finds by their parent (an article's statements), or children
//     that an index on the listing's order finds soon (a topic's);
//   - by members, without a condition: a query of (list_parent, ids) rows,
//     each parent in @parents with the ids of all its children, once each.
//     It runs once for the whole batch, after the WITH list with (which may
//     walk all the parents' subtrees at once), and each parent's page is
//     ranked from its ids. This suits children found through link tables
//     and subtrees (an organization's statements), where a condition would
//     be checked row by row, for every parent.
//
// A relation with members counts its children from them, with a condition
// or not: counting needs no rows of the listing itself. A relation whose
// counts are kept on write (stored: a query of (id, count) rows for the
// parents in @parents) reads its unfiltered counts from there instead.
type Relation[T any] struct {
	name, from, columns, where string
	with, members, alias       string // alias is the table of from whose ids members lists
	stored                     string
	keys                       []sortKey
	desc                       bool
}

// relation declares a nested listing by condition of the rows of a root
// listing; desc reads its keys descending.
func relation[T any, F Filter](rows Listing[T, F], desc bool, name, where string, keys []sortKey) Relation[T] {
	return Relation[T]{name: name, from: rows.from, columns: rows.columns, where: where, keys: keys, desc: desc}
}

// memberRelation declares a nested listing by members of the rows of a
// root listing: members lists their ids (the first of the listing's id
// columns). With a condition (where), pages are read by the condition and
// counted from the members.
func memberRelation[T any, F Filter](rows Listing[T, F], desc bool, name, where, with, members string, keys []sortKey) Relation[T] {
	alias := strings.TrimSuffix(rows.ids[0], ".id")
	return Relation[T]{name: name, from: rows.from, alias: alias, columns: rows.columns, where: where, with: with, members: members, keys: keys, desc: desc}
}

// storedCounts gives a relation counts kept on write: stored is a query of
// (id, count) rows, one for each parent in @parents, that counts exactly
// what the relation lists; NestedCounts reads it when no filter is given.
func (r Relation[T]) storedCounts(stored string) Relation[T] {
	r.stored = stored
	return r
}

// Filter is a filter of one listing's rows, which adds its conditions to
// a where (filterSQL renders it): a *StatementFilter for statements, a
// *FigureFilter for figures, ...; a nil Filter, or a nil filter of any
// type, selects every row.
type Filter interface {
	conditions(w *where) // its own conditions
	boolean(w *where)    // its and, or and not parts (see Boolean)
}

// NestedArgs are what a nested listing takes beside its page: a filter of
// its rows (of the type its root listing takes) and an order (by the names
// its root listing orders by; the zero Order is the relation's own).
type NestedArgs struct {
	Filter Filter
	Order  Order
}

// ordering returns the relation's ordering chosen by o: its own when
// o.Field is empty, else its root listing's ordering of that name.
func (r Relation[T]) ordering(o Order) (ordering, error) {
	if o.Field == "" {
		return ordering{name: r.name, keys: r.keys, desc: r.desc}, nil
	}
	return orderFor(listingOf[T](), o)
}

// listingOf names the root listing of T's rows, whose orderings and
// filters its relations take.
func listingOf[T any]() string {
	switch any((*T)(nil)).(type) {
	case *Article:
		return "articles"
	case *Statement:
		return "statements"
	case *Figure:
		return "figures"
	case *Agreement:
		return "agreements"
	case *Person:
		return "people"
	case *Organization:
		return "organizations"
	case *Place:
		return "places"
	case *Event:
		return "events"
	case *Topic:
		return "topics"
	}
	return ""
}

// filter adds the condition of args' filter to l and returns it ("true"
// when it selects every row).
func filter(l *listing, args NestedArgs) string {
	cond := filterSQL(l, args.Filter)
	if cond != "true" {
		l.and(cond)
	}
	return cond
}

// size is the select-list expression that counts a parent's children from
// list_members m: its ids, or those of them that meet cond.
func (r Relation[T]) size(cond string) string {
	if cond == "true" {
		return "cardinality(m.ids)"
	}
	return fmt.Sprintf("(SELECT count(*) FROM %s WHERE %s.id = ANY(m.ids) AND %s)", r.from, r.alias, cond)
}

// Name returns the relation's name, unique among relations.
func (r Relation[T]) Name() string { return r.name }

// NestedPages reads the same page of a relation, filtered and ordered as
// args say, for many parents in one statement.
func NestedPages[T any](ctx context.Context, s *Store, r Relation[T], parents []int64, page PageArgs, args NestedArgs) (map[int64]Page[T], error) {
	return r.pages(ctx, s, parents, page, args, false)
}

// NestedPagesCounted is NestedPages that also counts each parent's
// children, in the same statement: each page's Total is set, except for an
// empty page after or before a cursor (the statement returns no row that
// could carry its count), which NestedCounts must count.
func NestedPagesCounted[T any](ctx context.Context, s *Store, r Relation[T], parents []int64, page PageArgs, args NestedArgs) (map[int64]Page[T], error) {
	return r.pages(ctx, s, parents, page, args, true)
}

func (r Relation[T]) pages(ctx context.Context, s *Store, parents []int64, page PageArgs, args NestedArgs, withCount bool) (map[int64]Page[T], error) {
	ord, err := r.ordering(args.Order)
	if err != nil {
		return nil, err
	}
	l := listing{from: r.from, columns: r.columns}
	cond := filter(&l, args)
	if r.where == "" {
		return fetchMemberPages[T](ctx, s.read(ctx), l, r.alias, r.membersWith(), r.size(cond), ord, parents, page, withCount)
	}
	l.and(r.where)
	if r.members != "" {
		return fetchNestedPages[T](ctx, s.read(ctx), l, r.membersWith(), r.size(cond), ord, parents, page, withCount)
	}
	return fetchNestedPages[T](ctx, s.read(ctx), l, "", "", ord, parents, page, withCount)
}

// membersWith is the WITH list of a relation by members: its own WITH list,
// then list_members, materialized so that each parent's ids are read once.
func (r Relation[T]) membersWith() string {
	with := `list_members(list_parent, ids) AS MATERIALIZED (` + r.members + `)`
	if r.with != "" {
		with = r.with + `,
		` + with
	}
	return with
}

// NestedCounts counts a relation's children that match args' filter for
// many parents in one statement: without a filter, from the counts kept on
// write when the relation has them (a parent that names no row is left
// out).
func NestedCounts[T any](ctx context.Context, s *Store, r Relation[T], parents []int64, args NestedArgs) (map[int64]int, error) {
	l := listing{from: r.from}
	cond := filter(&l, args)
	if cond == "true" && r.stored != "" {
		l.withParents(parents)
		return collectCounts(ctx, s.read(ctx), r.stored, l.args)
	}
	if r.members != "" {
		return countMembers(ctx, s.read(ctx), l, r.membersWith(), r.size(cond), parents)
	}
	l.and(r.where)
	return countNested(ctx, s.read(ctx), l, parents)
}
