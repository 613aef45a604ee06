package input

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/model"
)

// MaxArgumentText bounds, in characters, each text in the arguments of a
// read (a search query, a filter's text, name or metric, an ID) other than
// slugs (db.MaxSlug) and cursors (model.MaxCursor), and a mutation's
// clientMutationId.
const MaxArgumentText = 500

// argumentLimits maps the arguments and input fields of reads that have
// a limit of their own, by name.
var argumentLimits = map[string]int{"slug": db.MaxSlug, "after": model.MaxCursor, "before": model.MaxCursor,
	"articleText": db.MaxArticleText}

// CheckArguments is a field middleware that refuses, with BAD_USER_INPUT
// naming the argument, a read whose arguments hold a text PostgreSQL
// cannot take (not UTF-8, or with a NUL character) or a text over its
// limit, before the field resolves. It walks the arguments as the request
// gave them, variables and defaults filled in, input objects and lists
// included. A mutation's input is the validator's, whose problems come
// back as userErrors; only its clientMutationId, which the payload echoes,
// is checked here.
func CheckArguments(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || len(fc.Field.Arguments) == 0 {
		return next(ctx)
	}
	args := fc.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	if fc.Object == "Mutation" {
		if input, ok := args["input"].(map[string]any); ok {
			if err := checkArgument("input.clientMutationId", "clientMutationId", input["clientMutationId"]); err != nil {
				return nil, err
			}
		}
		return next(ctx)
	}
	for _, a := range fc.Field.Arguments {
		if err := checkArgument(a.Name, a.Name, args[a.Name]); err != nil {
			return nil, err
		}
	}
	return next(ctx)
}

// checkArgument checks the texts of one argument's value v, at path; name
// is the argument's or input field's name.
func checkArgument(path, name string, v any) error {
	switch x := v.(type) {
	case string:
		limit, ok := argumentLimits[name]
		if !ok {
			limit = MaxArgumentText
		}
		if msg := db.TextProblem(x, limit); msg != "" {
			return Errorf("%s: %s", path, msg)
		}
	case []any:
		for i, item := range x {
			if err := checkArgument(fmt.Sprintf("%s[%d]", path, i), name, item); err != nil {
				return err
			}
		}
	case map[string]any:
		for _, field := range slices.Sorted(maps.Keys(x)) {
			if err := checkArgument(path+"."+field, field, x[field]); err != nil {
				return err
			}
		}
	}
	return nil
}
