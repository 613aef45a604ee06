package graph

import (
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/vektah/gqlparser/v2/ast"
)

// maxCost is where a cost estimate stops growing: far beyond any sensible
// limit, and far enough below the largest int that the arithmetic cannot
// overflow (a multiplier is at most db.MaxPageSize).
const maxCost = 1 << 40

// operationCost estimates what a validated operation costs to resolve,
// before it runs, in objects: a field that selects an object (or an
// interface or union) costs 1 plus the cost of its selections. Scalar and
// enum fields cost nothing: they read rows already loaded, and the alias
// limit bounds how many a query asks of each object. A connection field (one that takes first or last) resolves its
// selections once per item of its page, so it multiplies their cost by
// first or last (defaultPageSize when neither is given), and so does a
// plain list that takes first (a fact's figures, a figure's sameFactAs, a
// statement's sameClaimAs: as long as a fact is popular); nodes(ids:)
// multiplies by the number of IDs; both at most db.MaxPageSize, beyond
// which the resolver refuses the page anyway. Other lists (an article's
// paragraphs, a statement's evidence) hold a few curated items, load in
// one batch for all their parents, and do not multiply. Introspection
// fields cost nothing: validation bounds their depth. A connection's
// aggregates (groups, summary) resolve once for the connection, not once
// per item: they are not multiplied by its page size, and each adds
// AggregateCost for the items it reads. Type conditions are not
// evaluated: every fragment counts, as if it applied.
//
// Each named fragment is costed once and reused wherever it is spread, so
// the walk is linear in the document even when fragments fan out
// exponentially; the result saturates at maxCost.
func operationCost(op *ast.OperationDefinition, vars map[string]any) int {
	c := costWalker{vars: vars, fragments: map[string]setCost{}}
	return c.selectionSet(op.SelectionSet).total()
}

type costWalker struct {
	vars      map[string]any
	fragments map[string]setCost // a named fragment's cost, once computed
}

// setCost is the cost of a selection set: what its fields cost for each
// item of the field that selects them (each), and what its aggregates
// (a connection's groups and summary) cost once, whatever the page size
// of their connection.
type setCost struct{ each, once int }

func (s setCost) total() int { return min(s.each+s.once, maxCost) }

func (c *costWalker) selectionSet(set ast.SelectionSet) setCost {
	var total setCost
	add := func(s setCost) {
		total = setCost{each: min(total.each+s.each, maxCost), once: min(total.once+s.once, maxCost)}
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if isAggregate(s) {
				add(setCost{once: c.field(s)})
			} else {
				add(setCost{each: c.field(s)})
			}
		case *ast.InlineFragment:
			add(c.selectionSet(s.SelectionSet))
		case *ast.FragmentSpread:
			cost, ok := c.fragments[s.Name]
			if !ok {
				cost = c.selectionSet(s.Definition.SelectionSet)
				c.fragments[s.Name] = cost
			}
			add(cost)
		}
	}
	return total
}

func (c *costWalker) field(f *ast.Field) int {
	if isIntrospection(f) || len(f.SelectionSet) == 0 {
		return 0
	}
	sel := c.selectionSet(f.SelectionSet)
	cost := 1 + c.multiplier(f)*sel.each + sel.once
	if f.Name == "extractDraft" && f.ObjectDefinition != nil && f.ObjectDefinition.Name == "Query" {
		cost += ExtractDraftCost
	}
	if isAggregate(f) {
		cost += AggregateCost
	}
	return min(cost, maxCost)
}

// isAggregate reports whether f is an aggregate of a connection (groups,
// summary): it resolves once for the connection, not once per item.
func isAggregate(f *ast.Field) bool {
	return (f.Name == "groups" || f.Name == "summary") && f.ObjectDefinition != nil &&
		strings.HasSuffix(f.ObjectDefinition.Name, "Connection")
}

// ExtractDraftCost is what Query.extractDraft adds to an operation's cost
// for the extraction itself (a few milliseconds of CPU per 1,000 words).
const ExtractDraftCost = 100

// multiplier is how many times f resolves its selections.
func (c *costWalker) multiplier(f *ast.Field) int {
	def := f.Definition
	if def == nil || len(def.Arguments) == 0 {
		return 1
	}
	args := f.ArgumentMap(c.vars)
	for _, name := range []string{"first", "last"} {
		if size, ok := args[name].(int64); ok {
			return int(min(max(size, 0), db.MaxPageSize))
		}
	}
	if def.Arguments.ForName("first") != nil || def.Arguments.ForName("last") != nil {
		return defaultPageSize
	}
	for _, arg := range def.Arguments {
		if ids, ok := args[arg.Name].([]any); ok && def.Type.Elem != nil {
			return min(len(ids), db.MaxPageSize)
		}
	}
	return 1
}
