package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/search"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Levels read ahead. A root list's resolver holds all the parents of the
// level below it, before gqlgen resolves its items (each on a goroutine
// of its own); a level below that the operation selects can be read then,
// at once, and handed to the loader its fields read through, so that
// none of the items' goroutines waits in a loader's window (3 ms: parking
// them, the window's timer and waking them cost more CPU than the read).
// Reading ahead is only a shortcut: what it does not read, or fails to,
// the fields read through the loaders as without it.

// articlesAhead reads the articles of a root page of figures at once, when
// the page's items select their article.
func articlesAhead(ctx context.Context, c *model.Connection[db.Figure]) {
	oc, fc := graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx)
	if len(c.Edges) == 0 || oc == nil || fc == nil || len(fieldsOf(oc, itemSelections(oc, fc.Field.Selections, "Figure"), "Figure", "article")) == 0 {
		return
	}
	ids := make([]int64, len(c.Edges))
	for i, e := range c.Edges {
		ids[i] = e.Node.ArticleID
	}
	prime(ctx, loaders(ctx).articles, unique(ids))
}

// statementsAhead reads, for a root page of articles, the levels below it
// that a front page selects: each article's page of statements (without
// a filter, order or cursor), their speakers (and the unnamed speakers'
// organizations) and the speakers' affiliations, one statement each.
func statementsAhead(ctx context.Context, c *model.Connection[db.Article]) {
	oc, fc := graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx)
	if len(c.Edges) == 0 || oc == nil || fc == nil {
		return
	}
	l := loaders(ctx)
	articles := make([]int64, len(c.Edges))
	for i, e := range c.Edges {
		articles[i] = e.Node.ID
	}
	for _, sf := range fieldsOf(oc, itemSelections(oc, fc.Field.Selections, "Article"), "Article", "statements") {
		args := sf.ArgumentMap(oc.Variables)
		if args["filter"] != nil || args["orderBy"] != nil || args["after"] != nil || args["before"] != nil {
			continue
		}
		first, firstOK := intArg(args["first"])
		last, lastOK := intArg(args["last"])
		page, err := pageArgs(first, nil, last, nil)
		if err != nil || !firstOK || !lastOK {
			continue
		}
		items := itemSelections(oc, sf.Selections, "Statement")
		count := len(fieldsOf(oc, []ast.SelectionSet{sf.Selections}, "StatementConnection", "totalCount")) > 0
		if len(items) == 0 {
			continue // a count alone: the resolvers count without a page
		}
		a, err := l.nestedArgs(ctx, nil, nil, db.Order{})
		if err != nil {
			continue
		}
		keys := make([]pageKey, len(articles))
		for i, id := range articles {
			keys[i] = pageKey{parent: id, first: page.First, last: page.Last, count: count}
		}
		pages, ok := prime(ctx, nestedPages(l, db.ArticleStatements, a), keys)
		if !ok {
			continue
		}
		var statements []*db.Statement
		for _, p := range pages {
			statements = append(statements, p.Items...)
		}
		speakersAhead(ctx, oc, items, statements)
	}
}

// speakersAhead reads the speakers of statements, when items (the
// statements' selections) select them, and the speakers' affiliations and
// the unnamed speakers' organizations when those are selected too.
func speakersAhead(ctx context.Context, oc *graphql.OperationContext, items []ast.SelectionSet, statements []*db.Statement) {
	speakers := fieldSelections(fieldsOf(oc, items, "Statement", "speaker"))
	if len(speakers) == 0 || len(statements) == 0 {
		return
	}
	orgs := len(fieldsOf(oc, speakers, "UnnamedSpeaker", "organization")) > 0
	var keys []db.EntityKey
	var people []int64
	for _, s := range statements {
		switch {
		case s.SpeakerID != nil && s.SpeakerKind != nil:
			keys = append(keys, db.EntityKey{Kind: *s.SpeakerKind, ID: *s.SpeakerID})
			if *s.SpeakerKind == "PERSON" {
				people = append(people, *s.SpeakerID)
			}
		case orgs && s.SpeakerOrganizationID != nil:
			keys = append(keys, db.EntityKey{Kind: "ORGANIZATION", ID: *s.SpeakerOrganizationID})
		}
	}
	l := loaders(ctx)
	if _, ok := prime(ctx, l.namedEntities, unique(keys)); !ok {
		return
	}
	if len(fieldsOf(oc, speakers, "Person", "affiliations")) > 0 && len(people) > 0 {
		prime(ctx, l.affiliationsOf, unique(people))
	}
}

// prime reads the values of keys at once through l's read and gives them
// to its loader; ok is false when the read failed.
func prime[K comparable, V any](ctx context.Context, l level[K, V], keys []K) (values []V, ok bool) {
	values, err := primed(ctx, l, keys)
	return values, err == nil
}

// primed is prime with the read's error.
func primed[K comparable, V any](ctx context.Context, l level[K, V], keys []K) ([]V, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	values, err := l.now(ctx, keys)
	if err != nil {
		return nil, err
	}
	for i, k := range keys {
		l.Prime(k, values[i])
	}
	return values, nil
}

// unique returns keys without repeats, in their first order.
func unique[K comparable](keys []K) []K {
	seen := make(map[K]bool, len(keys))
	out := keys[:0:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// itemSelections returns the selections of a connection's items of type
// typ, from the connection's selection set sel: its nodes, and its
// edges' node.
func itemSelections(oc *graphql.OperationContext, sel ast.SelectionSet, typ string) []ast.SelectionSet {
	var out []ast.SelectionSet
	for _, f := range graphql.CollectFields(oc, sel, []string{typ + "Connection"}) {
		switch f.Name {
		case "nodes":
			out = append(out, f.Selections)
		case "edges":
			for _, e := range graphql.CollectFields(oc, f.Selections, []string{typ + "Edge"}) {
				if e.Name == "node" {
					out = append(out, e.Selections)
				}
			}
		}
	}
	return out
}

// fieldsOf returns the fields called name that sets select on objects of
// type typ, directly or through fragments.
func fieldsOf(oc *graphql.OperationContext, sets []ast.SelectionSet, typ, name string) []graphql.CollectedField {
	var out []graphql.CollectedField
	for _, set := range sets {
		for _, f := range graphql.CollectFields(oc, set, []string{typ}) {
			if f.Name == name {
				out = append(out, f)
			}
		}
	}
	return out
}

// fieldSelections returns the selection sets of fields.
func fieldSelections(fields []graphql.CollectedField) []ast.SelectionSet {
	out := make([]ast.SelectionSet, len(fields))
	for i, f := range fields {
		out[i] = f.Selections
	}
	return out
}

// intArg returns an Int argument's value as the resolvers get it: nil when
// absent or null; ok is false for a value of another type.
func intArg(v any) (n *int, ok bool) {
	var i int64
	switch x := v.(type) {
	case nil:
		return nil, true
	case int:
		i = int64(x)
	case int64:
		i = x
	case json.Number:
		var err error
		if i, err = x.Int64(); err != nil {
			return nil, false
		}
	default:
		return nil, false
	}
	m := int(i)
	return &m, true
}

// searchNodesAhead reads the rows a page of search hits names, each type's
// at once and the types side by side (the people, organizations and places
// together, as the level they share), and gives them to the loaders the
// hits' nodes are read through, so that no hit waits in a loader's window
// for the others: a search returns its page whole.
func (r *Resolver) searchNodesAhead(ctx context.Context, hits []*search.Hit) error {
	var named []db.EntityKey
	ids := map[string][]int64{}
	for _, h := range hits {
		if namedKind(h.Kind) {
			named = append(named, db.EntityKey{Kind: h.Kind, ID: h.ID})
		} else {
			typ := typeOfKind(h.Kind)
			ids[typ] = append(ids[typ], h.ID)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, 0, len(ids)+1)
	var mu sync.Mutex
	read := func(f func() error) {
		wg.Go(func() {
			if err := safely(f); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	if len(named) > 0 {
		read(func() error { return r.readAhead(ctx, named) })
	}
	l := loaders(ctx)
	for typ, ids := range ids {
		if lv := l.objects(typ); lv != nil {
			read(func() error { return lv.ahead(ctx, unique(ids)) })
		}
	}
	wg.Wait()
	return errors.Join(errs...)
}

// safely runs f, a read on a goroutine of its own, and turns a panic into
// an error, as gqlgen does on its resolvers' goroutines and the loaders on
// theirs: a panic there would end the process.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("read ahead: %v", p)
		}
	}()
	return f()
}
