package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// ParseAllowList decodes an allow list of persisted queries: a JSON object
// that maps the SHA-256 hash of each query's text (64 lower-case hex
// digits) to the text. It checks every hash against its text.
func ParseAllowList(data []byte) (map[string]string, error) {
	var list map[string]string
	if err := json.Unmarshal(data, &list); err != nil || list == nil {
		return nil, errors.New("want a JSON object that maps SHA-256 hashes (hex) to query texts")
	}
	var wrong []string
	for hash, query := range list {
		if queryHash(query) != hash {
			wrong = append(wrong, input.Abbreviate(hash))
		}
	}
	if len(wrong) > 0 {
		slices.Sort(wrong)
		return nil, fmt.Errorf("%d hash(es) are not the SHA-256 of their query (lower-case hex): %s", len(wrong), strings.Join(wrong, ", "))
	}
	return list, nil
}

// queryHash returns the SHA-256 of a query's text in lower-case hex, as
// persisted queries name it.
func queryHash(query string) string {
	sum := sha256.Sum256([]byte(query))
	return hex.EncodeToString(sum[:])
}

// allowList is a gqlgen extension that lets only registered operations
// run: a request names one by its hash (extensions.persistedQuery.
// sha256Hash, as automatic persisted queries send it) or sends its exact
// text. In development (dev) it also lets introspection queries run, so
// that the playground works.
type allowList struct {
	anySchema
	queries map[string]string // text by hash
	dev     bool
}

// ExtensionName names the extension in gqlgen's stats.
func (allowList) ExtensionName() string { return "AllowList" }

// MutateOperationParameters looks a hash up, and refuses text that is not
// registered. In development unregistered text passes on to
// MutateOperationContext, which sees whether it is introspection.
func (a allowList) MutateOperationParameters(_ context.Context, p *graphql.RawParams) *gqlerror.Error {
	ext, hasExt := p.Extensions["persistedQuery"].(map[string]any)
	if hasExt && !isOne(ext["version"]) {
		return requestErrorf(codeBadRequest, "extensions.persistedQuery.version must be 1")
	}
	if p.Query != "" {
		registered := a.registered(p.Query)
		if !a.dev && !registered {
			return errNotAllowed()
		}
		// A hash sent with a registered text must be the text's, as the
		// APQ extension asks outside this mode (an unregistered text is
		// refused as such, in development once validated).
		if hash, ok := ext["sha256Hash"]; registered && hasExt && ok && hash != queryHash(p.Query) {
			return requestErrorf(codeBadRequest, "extensions.persistedQuery.sha256Hash is not the hash of the query's text")
		}
		return nil
	}
	hash, ok := ext["sha256Hash"].(string)
	if !ok {
		return requestErrorf(codeBadRequest, "extensions.persistedQuery.sha256Hash must be a string")
	}
	if p.Query, ok = a.queries[hash]; !ok {
		return errNotAllowed()
	}
	return nil
}

// MutateOperationContext refuses, in development, an unregistered
// operation that is not introspection.
func (a allowList) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if !a.dev || a.registered(opCtx.RawQuery) || introspectionOnly(opCtx.Operation.SelectionSet) {
		return nil
	}
	return errNotAllowed()
}

// isOne reports whether v, a decoded JSON value, is the number 1.
func isOne(v any) bool {
	switch n := v.(type) {
	case json.Number:
		return n.String() == "1"
	case float64:
		return n == 1
	case int:
		return n == 1
	case int64:
		return n == 1
	}
	return false
}

func (a allowList) registered(query string) bool {
	return a.queries[queryHash(query)] == query
}

func errNotAllowed() *gqlerror.Error {
	return requestErrorf(codePersistedQueryNotAllowed, "this server runs registered (persisted) operations only, and this one is not registered")
}

// introspectionOnly reports whether a validated selection set selects
// introspection fields (__schema, __type, __typename) and nothing else.
func introspectionOnly(set ast.SelectionSet) bool {
	for _, sel := range set {
		var ok bool
		switch s := sel.(type) {
		case *ast.Field:
			ok = isIntrospection(s)
		case *ast.InlineFragment:
			ok = introspectionOnly(s.SelectionSet)
		case *ast.FragmentSpread:
			ok = s.Definition != nil && introspectionOnly(s.Definition.SelectionSet)
		}
		if !ok {
			return false
		}
	}
	return true
}
