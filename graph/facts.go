package graph

import (
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/input"
)

// listFirst checks the first argument of a plain list of facts
// (Figure.sameFactAs, Statement.sameClaimAs, FigureClaim.figures): 1 to
// db.MaxPageSize, DefaultPageSize unless given. The cost check counts it
// as it counts a connection's.
func listFirst(first *int) (int, error) {
	if first == nil {
		return DefaultPageSize, nil
	}
	if *first < 1 || *first > db.MaxPageSize {
		return 0, input.Errorf("first: must be between 1 and %d, got %d", db.MaxPageSize, *first)
	}
	return *first, nil
}

// firstLoaded is the first first (listFirst) of the items load returns.
func firstLoaded[T any](first *int, load func() ([]T, error)) ([]T, error) {
	n, err := listFirst(first)
	if err != nil {
		return nil, err
	}
	items, err := load()
	return firstOf(items, n), err
}

// firstOf is the first n items of a list, at most.
func firstOf[T any](items []T, n int) []T {
	return items[:min(len(items), n)]
}
