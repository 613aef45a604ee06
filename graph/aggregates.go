package graph

import (
	"context"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/model"
)

// AggregateCost is what an aggregate (a connection's groups or summary)
// adds to an operation's cost beyond its groups: it reads every item the
// filter selects.
const AggregateCost = 50

// groups resolves an aggregate of a connection: it checks the arguments
// and groups the items the connection selects: a root connection's by
// group, with its filter; a nested one's by its Group, for its parent and
// filter (summarize: the summary of figures' values).
func groups[T, F any](ctx context.Context, c *model.Connection[T], by []string, first *int, orderBy *string, summarize bool,
	group func(context.Context, *F, db.GroupBy) ([]*db.Group, error),
) ([]*db.Group, error) {
	g := db.GroupBy{Dimensions: by, First: DefaultPageSize, ByValue: orderBy != nil && *orderBy == "VALUE"}
	if first != nil {
		if *first < 1 || *first > db.MaxPageSize {
			return nil, input.Errorf("first: must be between 1 and %d, got %d", db.MaxPageSize, *first)
		}
		g.First = *first
	}
	if !c.Root {
		if c.Group == nil {
			return nil, input.Errorf("this connection has no aggregates")
		}
		return c.Group(ctx, g, summarize)
	}
	f, _ := c.Filter.(*F)
	return group(ctx, f, g)
}
