package serve

import (
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph"
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
// first or last (graph.DefaultPageSize when neither is given); nodes(ids:)
// multiplies by the number of IDs; both at most db.MaxPageSize, beyond
// which the resolver refuses the page anyway. Other lists (an article's
// paragraphs, a statement's evidence) hold a few curated items, load in
// one batch for all their parents, and do not multiply. Introspection
// fields cost nothing: validation bounds their depth. Type conditions are
// not evaluated: every fragment counts, as if it applied.
//
// Each named fragment is costed once and reused wherever it is spread, so
// the walk is linear in the document even when fragments fan out
// exponentially; the result saturates at maxCost.
func operationCost(op *ast.OperationDefinition, vars map[string]any) int {
	c := costWalker{vars: vars, fragments: map[string]int{}}
	return c.selectionSet(op.SelectionSet)
}

type costWalker struct {
	vars      map[string]any
	fragments map[string]int // a named fragment's cost, once computed
}

func (c *costWalker) selectionSet(set ast.SelectionSet) int {
	total := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			total += c.field(s)
		case *ast.InlineFragment:
			total += c.selectionSet(s.SelectionSet)
		case *ast.FragmentSpread:
			cost, ok := c.fragments[s.Name]
			if !ok {
				cost = c.selectionSet(s.Definition.SelectionSet)
				c.fragments[s.Name] = cost
			}
			total += cost
		}
		total = min(total, maxCost)
	}
	return total
}

func (c *costWalker) field(f *ast.Field) int {
	if isIntrospection(f) || len(f.SelectionSet) == 0 {
		return 0
	}
	cost := 1 + c.multiplier(f)*c.selectionSet(f.SelectionSet)
	if f.Name == "extractDraft" && f.ObjectDefinition != nil && f.ObjectDefinition.Name == "Query" {
		cost += ExtractDraftCost
	}
	return min(cost, maxCost)
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
		return graph.DefaultPageSize
	}
	for _, arg := range def.Arguments {
		if ids, ok := args[arg.Name].([]any); ok && def.Type.Elem != nil {
			return min(len(ids), db.MaxPageSize)
		}
	}
	return 1
}
