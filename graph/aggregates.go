package graph

import (
	"context"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/model"
)

// AggregateCost is what an aggregate (a connection's groups or summary)
// adds to an operation's cost beyond its groups: it reads every item the
// filter selects.
const AggregateCost = 50

// groups resolves an aggregate of a root connection: it checks the
// arguments and groups the items its filter selects with group.
func groups[T, F any](ctx context.Context, c *model.Connection[T], by []string, first *int, orderBy *string, listing string,
	group func(context.Context, *F, db.GroupBy) ([]*db.Group, error),
) ([]*db.Group, error) {
	if !c.Root {
		return nil, inputErrorf("aggregates are only on the root %s connection; filter it to the items of this one", listing)
	}
	g := db.GroupBy{Dimensions: by, First: defaultPageSize, ByValue: orderBy != nil && *orderBy == "VALUE"}
	if first != nil {
		if *first < 1 || *first > db.MaxPageSize {
			return nil, inputErrorf("first: must be between 1 and %d, got %d", db.MaxPageSize, *first)
		}
		g.First = *first
	}
	f, _ := c.Filter.(*F)
	return group(ctx, f, g)
}
