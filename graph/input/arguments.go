package input

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// MaxArgumentText bounds, in characters, each text in the arguments of a
// read (a search query, a filter's text, name or metric, an ID) other than
// slugs (document.MaxSlug) and cursors (model.MaxCursor), and a mutation's
// clientMutationId.
const MaxArgumentText = 500

// argumentLimits maps the arguments and input fields of reads that have
// a limit of their own, by name.
var argumentLimits = map[string]int{"slug": document.MaxSlug, "after": model.MaxCursor, "before": model.MaxCursor,
	"articleText": document.MaxArticleText}

// CheckArguments is a field middleware that refuses, with BAD_USER_INPUT
// naming the argument, a read whose arguments hold a text PostgreSQL
// cannot take (not UTF-8, or with a NUL character) or a text over its
// limit, before the field resolves. It walks the arguments as the request
// gave them, variables and defaults filled in, input objects and lists
// included. A mutation's input is the validator's, whose problems come
// back as userErrors; only its clientMutationId, which the payload echoes,
// is checked here. The server runs it only for operations ArgumentChecks
// found a problem in.
func CheckArguments(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return next(ctx)
	}
	if err := fieldArguments(fc.Field.Field, fc.Object, graphql.GetOperationContext(ctx).Variables); err != nil {
		return nil, err
	}
	return next(ctx)
}

// ArgumentChecks is the server extension that puts CheckArguments around
// the fields of an operation whose arguments hold a text it would refuse,
// and of no other: it checks every field's arguments once, when the
// operation is parsed. A field middleware costs gqlgen a closure for every
// field it resolves, scalars and list items included (about 4% of a front
// page's allocations), and almost every operation passes. An operation
// that does not pass is answered as before: each field whose arguments
// hold the text is an error of its own, the rest of the data alongside.
type ArgumentChecks struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = ArgumentChecks{}

// ExtensionName names the extension.
func (ArgumentChecks) ExtensionName() string { return "ArgumentChecks" }

// Validate accepts any schema.
func (ArgumentChecks) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext puts CheckArguments around the operation's fields
// when any field of it, in fragments too, has an argument CheckArguments
// refuses.
func (ArgumentChecks) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || !refusesArguments(oc.Operation.SelectionSet, oc.Variables, map[string]bool{}) {
		return nil
	}
	inner := oc.ResolverMiddleware
	oc.ResolverMiddleware = func(ctx context.Context, next graphql.Resolver) (any, error) {
		return CheckArguments(ctx, func(ctx context.Context) (any, error) { return inner(ctx, next) })
	}
	return nil
}

// refusesArguments reports whether a field in set, or below it, has an
// argument CheckArguments refuses; seen holds the fragments walked.
func refusesArguments(set ast.SelectionSet, vars map[string]any, seen map[string]bool) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			object := ""
			if s.ObjectDefinition != nil {
				object = s.ObjectDefinition.Name
			}
			if fieldArguments(s, object, vars) != nil || refusesArguments(s.SelectionSet, vars, seen) {
				return true
			}
		case *ast.InlineFragment:
			if refusesArguments(s.SelectionSet, vars, seen) {
				return true
			}
		case *ast.FragmentSpread:
			if seen[s.Name] || s.Definition == nil {
				continue
			}
			seen[s.Name] = true
			if refusesArguments(s.Definition.SelectionSet, vars, seen) {
				return true
			}
		}
	}
	return false
}

// fieldArguments checks the arguments of field f of type object with
// variables vars, as CheckArguments does.
func fieldArguments(f *ast.Field, object string, vars map[string]any) error {
	if f == nil || len(f.Arguments) == 0 {
		return nil
	}
	args := f.ArgumentMap(vars)
	if object == "Mutation" {
		if input, ok := args["input"].(map[string]any); ok {
			return checkArgument("input.clientMutationId", "clientMutationId", input["clientMutationId"])
		}
		return nil
	}
	for _, a := range f.Arguments {
		if err := checkArgument(a.Name, a.Name, args[a.Name]); err != nil {
			return err
		}
	}
	return nil
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
		if msg := document.TextProblem(x, limit); msg != "" {
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
