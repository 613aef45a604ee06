package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vikstrous/dataloadgen"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/search"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// Resolver resolves newsgraph's schema. Resolvers hold no SQL: they read
// through the store, batched by the request's Loaders.
type Resolver struct {
	Store  *db.Store
	Logger *slog.Logger
	// Broker delivers change events to subscriptions; nil: none.
	Broker Events
	// Documents bounds the documents importArticle parses.
	Documents document.Limits
}

// filters converts the API's filters into db's (package input), looking
// the IDs they name up in the store.
func (r *Resolver) filters() input.Filters { return input.Filters{Store: r.Store} }

// keyed is a domain row read through a listing.
type keyed interface{ ListKeys() []string }

// connectionOf wraps a page in a connection whose total is counted only
// when asked for.
func connectionOf[T any](page db.Page[T], count func(context.Context) (int, error)) *model.Connection[T] {
	c := &model.Connection[T]{
		Edges:    make([]*model.Edge[T], len(page.Items)),
		PageInfo: &model.PageInfo{HasNextPage: page.HasNext, HasPreviousPage: page.HasPrevious},
		Count:    count,
	}
	for i, it := range page.Items {
		c.Edges[i] = &model.Edge[T]{Position: model.Position{Order: page.Order, Keys: any(it).(keyed).ListKeys()}, Node: it}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.Start = &c.Edges[0].Position
		c.PageInfo.End = &c.Edges[n-1].Position
	}
	return c
}

// nested resolves a nested connection through the request's batched page
// and count loaders, its rows filtered by filter (converted by convert, as
// its root connection's filter is) and ordered by o. A connection asked
// only for its totalCount (from its start: no cursor) reads no page, only
// the count.
func nested[T, F any, DF db.Filter](ctx context.Context, r db.Relation[T], parent int64, first *int, after *string, last *int, before *string,
	filter *F, convert func(context.Context, string, *F) (DF, error), o db.Order) (*model.Connection[T], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	l := loaders(ctx)
	var f any // nil, not a nil *F, when there is no filter
	if filter != nil {
		f = filter
	}
	a, err := l.nestedArgs(ctx, f, func(ctx context.Context) (db.Filter, error) { return convert(ctx, "filter", filter) }, o)
	if err != nil {
		return nil, err
	}
	// Its aggregates (groups, summary) group the parent's children that
	// match the filter, batched with the other parents' in one statement.
	group := func(ctx context.Context, g db.GroupBy, summarize bool) ([]*db.Group, error) {
		return nestedGroups(l, r, a, g, summarize).Level(ctx, parent)
	}
	count, items := connectionSelection(ctx)
	if !items && after == nil && before == nil {
		c := connectionOf(db.Page[T]{}, func(ctx context.Context) (int, error) {
			return nestedCounts(l, r, a).Level(ctx, parent)
		})
		c.Group = group
		return c, nil
	}
	key := pageKey{parent: parent, first: args.First, last: args.Last, count: count}
	if after != nil {
		key.after = *after
	}
	if before != nil {
		key.before = *before
	}
	page, err := nestedPages(l, r, a).Level(ctx, key)
	if err != nil {
		return nil, err
	}
	c := connectionOf(page, func(ctx context.Context) (int, error) {
		if page.Total != nil {
			return *page.Total, nil
		}
		return nestedCounts(l, r, a).Level(ctx, parent)
	})
	c.Group = group
	return c, nil
}

// connectionSelection reports whether the connection field being resolved
// selects totalCount (count), directly or through fragments on the
// connection's type, so that its page is read with its count in one
// statement, and whether it selects anything else that needs the page
// (items: edges, nodes, pageInfo; not __typename, nor the aggregates groups
// and summary). A count selected some other way is still answered, by a
// statement of its own. Without a field context it reports items, so that
// the page is read.
func connectionSelection(ctx context.Context) (count, items bool) {
	fc := graphql.GetFieldContext(ctx)
	oc := graphql.GetOperationContext(ctx)
	if fc == nil || fc.Field.Field == nil || fc.Field.Definition == nil || oc == nil {
		return false, true
	}
	// The usual selection, plain fields, needs no CollectFields (which
	// allocates); fragments and directives do.
	collect := false
	for _, sel := range fc.Field.Selections {
		f, ok := sel.(*ast.Field)
		switch {
		case !ok || len(f.Directives) > 0:
			collect = true
		case f.Name == "totalCount":
			count = true
		case !noItems[f.Name]:
			items = true
		}
	}
	if !collect {
		return count, items
	}
	count, items = false, false
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, []string{fc.Field.Definition.Type.Name()}) {
		switch f.Name {
		case "totalCount":
			count = true
		default:
			items = items || !noItems[f.Name]
		}
	}
	return count, items
}

// noItems are the fields of a connection that need no page of items.
var noItems = map[string]bool{"__typename": true, "groups": true, "summary": true}

// rootList resolves a root connection of the listing rows: it checks the
// paging arguments, converts the filter (by convert; a nil filter is none),
// reads the page in the order o and counts lazily.
func rootList[MF any, F db.Filter, T any](ctx context.Context, first *int, after *string, last *int, before *string,
	filter *MF, convert func(context.Context, string, *MF) (F, error), o db.Order, s *db.Store, rows db.Listing[T, F],
) (*model.Connection[T], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := convert(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	// A connection asked only for its count or aggregates (from its
	// start) reads no page.
	var page db.Page[T]
	if _, items := connectionSelection(ctx); items || after != nil || before != nil {
		if page, err = rows.List(ctx, s, f, o, args); err != nil {
			return nil, err
		}
	}
	c := connectionOf(page, func(ctx context.Context) (int, error) { return rows.Count(ctx, s, f) })
	c.Root, c.Filter = true, f
	return c, nil
}

// noFilter is the filter conversion of a connection that takes no filter.
func noFilter(context.Context, string, *struct{}) (*db.NoFilter, error) {
	return nil, nil // no filter
}

// orderInput is the shape of every orderBy input (StatementOrder, ...).
type orderInput = struct {
	Field     string `json:"field"`
	Direction string `json:"direction"`
}

// orderOf turns a connection's orderBy input into a db.Order; nil means
// the connection's default.
func orderOf[O interface{ ~orderInput }](o *O) db.Order {
	if o == nil {
		return db.Order{}
	}
	in := orderInput(*o)
	return db.Order{Field: in.Field, Desc: in.Direction == "DESC"}
}

// object loads the object of API type typ (Article, Person, ...) with id
// through the request's loaders. An object that does not exist is
// dataloadgen.ErrNotFound, as is a type no object has.
func object(ctx context.Context, typ string, id int64) (any, error) {
	l := loaders(ctx).objects(typ)
	if l == nil {
		return nil, dataloadgen.ErrNotFound
	}
	return l.load(ctx, id)
}

// anyOf is a loaded row as an interface: an untyped nil on error, so that
// nothing reads as an object with no fields.
func anyOf[T any](v T, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return v, nil
}

// node fetches any object by global ID; GraphQL's null when nothing has
// that ID (see nullIfMissing).
func (r *Resolver) node(ctx context.Context, gid string) (model.Node, error) {
	typ, id, ok := decodeID(gid)
	if !ok {
		return nil, input.Errorf("id: %q is not an ID from this API", input.Abbreviate(gid))
	}
	v, err := nullIfMissing(object(ctx, typ, id))
	if err != nil || v == nil {
		return nil, err
	}
	return as[model.Node](v)
}

// ref loads the object of type typ with id a row points at, as I (an
// interface of the schema): it must exist.
func ref[I any](ctx context.Context, typ string, id int64) (I, error) {
	v, err := object(ctx, typ, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		err = errors.New("dangling reference") // the schema's foreign keys forbid this
	}
	if err != nil {
		var none I
		return none, err
	}
	return as[I](v)
}

// as is v as I, an interface of the schema.
func as[I any](v any) (I, error) {
	x, ok := v.(I)
	if !ok {
		return x, fmt.Errorf("read %T, want %T", v, (*I)(nil))
	}
	return x, nil
}

// entity loads the entity of a kind (PERSON, ORGANIZATION, ...) and id.
func (r *Resolver) entity(ctx context.Context, kind string, id int64) (model.Entity, error) {
	typ := typeOfKind(kind)
	if !slices.Contains(entityTypeNames, typ) {
		return nil, fmt.Errorf("entity %d: unknown kind %q", id, kind)
	}
	return ref[model.Entity](ctx, typ, id)
}

// entities loads the entity of each kind and id in refs, for a batch
// resolver (whole: see wholeBatch): people, organizations and places
// through the level they share (one statement), the other kinds through
// their loaders.
func (r *Resolver) entities(ctx context.Context, refs []db.EntityKey, whole bool) ([]model.Entity, error) {
	var named []db.EntityKey
	for _, k := range refs {
		if namedKind(k.Kind) {
			named = append(named, k)
		}
	}
	found, err := factEntities(ctx, named, whole)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, errors.New("dangling reference") // the schema's foreign keys forbid this
	}
	if err != nil {
		return nil, err
	}
	out := make([]model.Entity, len(refs))
	for i, k := range refs {
		if !namedKind(k.Kind) {
			if out[i], err = r.entity(ctx, k.Kind, k.ID); err != nil {
				return nil, err
			}
			continue
		}
		e, ok := found[0].(model.Entity)
		if !ok {
			return nil, fmt.Errorf("entity %d: read %T for %s", k.ID, found[0], k.Kind)
		}
		out[i], found = e, found[1:]
	}
	return out, nil
}

// readAhead reads the people, organizations and places refs name at once
// and gives them to the request's later loads, for a level of the query
// whose parents are not in one list (each party's entity, one by one) but
// whose keys a batch resolver above it, holding its whole level, knows.
func (r *Resolver) readAhead(ctx context.Context, refs []db.EntityKey) error {
	refs = slices.DeleteFunc(refs, func(k db.EntityKey) bool { return !namedKind(k.Kind) })
	l := loaders(ctx).namedEntities
	found, err := l.Each(ctx, refs, true)
	if err != nil {
		return err
	}
	for i, k := range refs {
		l.Prime(k, found[i])
	}
	return nil
}

// namedKind reports whether entities of kind are read by the level people,
// organizations and places share.
func namedKind(kind string) bool {
	return kind == "PERSON" || kind == "ORGANIZATION" || kind == "PLACE"
}

// searchResult loads the row a search hit names.
func (r *Resolver) searchResult(ctx context.Context, hit *search.Hit) (model.SearchResult, error) {
	return ref[model.SearchResult](ctx, typeOfKind(hit.Kind), hit.ID)
}

// articleID decodes an argument that must be an article's global ID.
func articleID(arg, gid string) (int64, error) {
	typ, id, ok := decodeID(gid)
	if !ok || typ != typeArticle {
		return 0, input.Errorf("%s: %q is not the ID of an Article", arg, input.Abbreviate(gid))
	}
	return id, nil
}

// mentions resolves Entity.mentions(article:) for the entity with id.
func mentions(ctx context.Context, entity int64, article string) ([]*db.Evidence, error) {
	a, err := articleID("article", article)
	if err != nil {
		return nil, err
	}
	return loaders(ctx).mentions.Load(ctx, db.MentionKey{Entity: entity, Article: a})
}

// follow turns a broker subscription into a stream of the rows the events
// name; fetch returns db.ErrNotFound for a row the subscriber's filter
// leaves out (or that is gone since), which the stream skips.
func follow[T any](ctx context.Context, r *Resolver, kind string, fetch func(context.Context, int64) (*T, error)) (<-chan *T, error) {
	if r.Broker == nil {
		return nil, db.Errorf(db.CodeUnavailable, "subscriptions are not enabled on this server")
	}
	events, err := r.Broker.Subscribe(ctx, kind)
	if err != nil {
		return nil, err
	}
	out := make(chan *T)
	go func() {
		defer close(out)
		for e := range events {
			item, err := fetch(ctx, e.SubjectID)
			if db.ErrorCode(err) == db.CodeNotFound {
				continue // gone since, or not matching the subscription's filter
			}
			if err != nil {
				r.Logger.WarnContext(ctx, "subscription: read event subject", "kind", kind, "id", e.SubjectID, "error", err.Error())
				continue
			}
			select {
			case out <- item:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// followAdded follows the events of kind that name a row of rows that
// filter f matches (ids gives the field of f that picks rows by id): each
// event's row is read with f, narrowed to its id, so that a row f leaves
// out is skipped.
func followAdded[T, F any, PF interface {
	*F
	db.Filter
}](ctx context.Context, r *Resolver, kind string, rows db.Listing[T, PF], f F, ids func(PF) *[]int64) (<-chan *T, error) {
	return follow(ctx, r, kind, func(ctx context.Context, id int64) (*T, error) {
		match := f // a copy for this event
		*ids(&match) = []int64{id}
		return onlyOf(rows.List(ctx, r.Store, &match, db.Order{}, db.PageArgs{First: 1}))
	})
}

// only is the one row of a read by id; db.ErrNotFound when there is none.
func only[T any](items []*T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, db.ErrNotFound
	}
	return items[0], nil
}

// onlyOf is only for a page.
func onlyOf[T any](page db.Page[T], err error) (*T, error) {
	return only(page.Items, err)
}
