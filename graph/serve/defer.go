package serve

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// deliverDeferredAtOnce answers @defer by not deferring: the deferred
// fragments' data comes in the one response, as the incremental delivery
// proposal allows a server to do. None of the transports streams
// incremental payloads (they answer with one JSON document), and without
// this gqlgen would reply "hasNext": true and never send the rest.
type deliverDeferredAtOnce struct{ anySchema }

func (deliverDeferredAtOnce) ExtensionName() string { return "DeliverDeferredAtOnce" }

// MutateOperationContext gives the operation a copy of its document
// without @defer. The document itself may be shared, through the query
// cache, with requests running at the same time: it is only read.
func (deliverDeferredAtOnce) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if opCtx.Doc == nil || !hasDefer(opCtx.Doc) {
		return nil
	}
	doc := *opCtx.Doc
	doc.Operations = make(ast.OperationList, len(opCtx.Doc.Operations))
	for i, op := range opCtx.Doc.Operations {
		c := *op
		c.SelectionSet = undeferred(op.SelectionSet)
		doc.Operations[i] = &c
		if op == opCtx.Operation {
			opCtx.Operation = &c
		}
	}
	doc.Fragments = make(ast.FragmentDefinitionList, len(opCtx.Doc.Fragments))
	for i, f := range opCtx.Doc.Fragments {
		c := *f
		c.SelectionSet = undeferred(f.SelectionSet)
		doc.Fragments[i] = &c
	}
	opCtx.Doc = &doc
	return nil
}

// hasDefer reports whether any fragment of doc is deferred.
func hasDefer(doc *ast.QueryDocument) bool {
	var in func(ast.SelectionSet) bool
	in = func(set ast.SelectionSet) bool {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if in(s.SelectionSet) {
					return true
				}
			case *ast.InlineFragment:
				if s.Directives.ForName("defer") != nil || in(s.SelectionSet) {
					return true
				}
			case *ast.FragmentSpread:
				if s.Directives.ForName("defer") != nil {
					return true
				}
			}
		}
		return false
	}
	for _, op := range doc.Operations {
		if in(op.SelectionSet) {
			return true
		}
	}
	for _, f := range doc.Fragments {
		if in(f.SelectionSet) {
			return true
		}
	}
	return false
}

// undeferred copies a selection set without @defer, sharing nothing it
// changes with the original.
func undeferred(set ast.SelectionSet) ast.SelectionSet {
	if set == nil {
		return nil
	}
	out := make(ast.SelectionSet, len(set))
	for i, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			c := *s
			c.SelectionSet = undeferred(s.SelectionSet)
			out[i] = &c
		case *ast.InlineFragment:
			c := *s
			c.Directives = withoutDefer(s.Directives)
			c.SelectionSet = undeferred(s.SelectionSet)
			out[i] = &c
		case *ast.FragmentSpread:
			c := *s
			c.Directives = withoutDefer(s.Directives)
			out[i] = &c
		default:
			out[i] = sel
		}
	}
	return out
}

func withoutDefer(ds ast.DirectiveList) ast.DirectiveList {
	if ds.ForName("defer") == nil {
		return ds
	}
	out := make(ast.DirectiveList, 0, len(ds)-1)
	for _, d := range ds {
		if d.Name != "defer" {
			out = append(out, d)
		}
	}
	return out
}
