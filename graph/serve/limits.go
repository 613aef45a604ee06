package serve

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator/core"
	"github.com/vektah/gqlparser/v2/validator/rules"
)

// Limits bounds what one request may ask of the API. All of them are
// enforced before any SQL runs, and all but Cost before the document is
// validated (gqlparser's validation is quadratic in repeated fields). A
// field that is zero or negative takes its value from DefaultLimits.
type Limits struct {
	// BodyBytes bounds a POST body: 413 REQUEST_TOO_LARGE.
	BodyBytes int
	// Tokens bounds a document's lexical tokens (comments included),
	// counted before it is parsed: TOO_MANY_TOKENS.
	Tokens int
	// Depth bounds how deeply fields nest, fragments expanded where they
	// are spread; introspection fields do not count (validation bounds
	// how often they cycle through fields and types, and maxOfTypeDepth
	// how deeply ofType nests): QUERY_TOO_DEEP.
	Depth int
	// Aliases bounds the aliased fields a document writes: TOO_MANY_ALIASES.
	Aliases int
	// Repeats bounds how often one selection set selects the same field
	// (response name), its inline fragments' selections included:
	// TOO_MANY_REPEATED_FIELDS. Validation compares every pair of them,
	// so a document of one field repeated within the token limit would
	// cost a hundred milliseconds.
	Repeats int
	// Directives bounds the directives a document writes: TOO_MANY_DIRECTIVES.
	Directives int
	// Cost bounds the estimated cost of the operation that runs (see
	// operationCost): QUERY_TOO_COMPLEX.
	Cost int
	// Errors bounds how many validation errors a response lists; past it,
	// the last one says there were more. Validation stops formatting
	// errors there: a document of repeated conflicting fields has thousands.
	Errors int
	// InFlight bounds the GraphQL requests that run at once (websocket
	// subscriptions aside; a request's body is read before it takes a
	// slot, within Options.BodyReadTimeout). The others wait, in arrival order, for a slot
	// until their deadline, and then get 503 UNAVAILABLE. Requests spend
	// much of their time idle, waiting for PostgreSQL or for a loader's
	// batch window, so it takes several a core to keep the cores busy;
	// many more would only contend for them, lengthening every request and
	// splitting loader batches (see BENCHMARKS.md).
	InFlight int
	// BufferedBodyBytes bounds the bytes of request bodies the server holds
	// in memory at once, over all requests: bodies being read and those of
	// requests that wait for a slot or run. A request reserves memory as
	// its body arrives (what it has read, rounded up to the buffer that
	// holds it, not its declared length) and returns it when it ends; a
	// body that would take more than is left is refused at once with 503
	// UNAVAILABLE.
	BufferedBodyBytes int
}

// DefaultLimits are the limits NewHandler applies when Options.Limits
// leaves them zero.
var DefaultLimits = Limits{
	BodyBytes:  1 << 20,
	Tokens:     1000,
	Depth:      10,
	Aliases:    15,
	Repeats:    20,
	Directives: 50,
	Cost:       5000,
	Errors:     100,
	InFlight:   6 * runtime.GOMAXPROCS(0),

	BufferedBodyBytes: 64 << 20,
}

// withDefaults returns l with each unset limit taken from DefaultLimits.
func (l Limits) withDefaults() Limits {
	l.BodyBytes = positiveOr(l.BodyBytes, DefaultLimits.BodyBytes)
	l.Tokens = positiveOr(l.Tokens, DefaultLimits.Tokens)
	l.Depth = positiveOr(l.Depth, DefaultLimits.Depth)
	l.Aliases = positiveOr(l.Aliases, DefaultLimits.Aliases)
	l.Repeats = positiveOr(l.Repeats, DefaultLimits.Repeats)
	l.Directives = positiveOr(l.Directives, DefaultLimits.Directives)
	l.Cost = positiveOr(l.Cost, DefaultLimits.Cost)
	l.Errors = positiveOr(l.Errors, DefaultLimits.Errors)
	l.InFlight = positiveOr(l.InFlight, DefaultLimits.InFlight)
	l.BufferedBodyBytes = positiveOr(l.BufferedBodyBytes, DefaultLimits.BufferedBodyBytes)
	return l
}

// positiveOr returns n, or fallback if n is not positive.
func positiveOr(n, fallback int) int {
	if n <= 0 {
		return fallback
	}
	return n
}

// tokenCountSpan is how far countTokens counts, as a multiple of the
// limit, to say by how much a document exceeds it. Lexing every token of a
// megabyte body would cost milliseconds; this bounds the work at a few
// tens of microseconds.
const tokenCountSpan = 2

// limitChecker is a gqlgen extension that enforces Limits on each
// operation: tokens, then depth, aliases and directives on its own parse
// of the document (where it also checks the operation, checkOperation),
// all before gqlgen parses and validates it; the cost after validation
// (it needs the coerced variables), still before anything resolves.
type limitChecker struct {
	anySchema
	limits Limits
	// passed holds, by their text, the operations (names and kinds) of
	// the documents that passed the checks made on the text alone, so that
	// a repeated query (most are) is not counted, parsed and walked again;
	// checkOperation, which depends on the request, still runs. Refused
	// texts are not kept, nor texts over maxPassedText bytes, nor syntax
	// trees (256 of a valid 5 KB document held 58 MB). Nil: nothing is
	// kept.
	passed *lru.LRU[[]operation]
}

// The passed texts a limitChecker keeps: at most 256 of at most 8 KB
// each, 2 MB at most.
const (
	maxPassed     = 256
	maxPassedText = 8 << 10
)

// newLimitChecker returns a limitChecker for limits that keeps the
// operations of the documents it passed.
func newLimitChecker(limits Limits) limitChecker {
	return limitChecker{limits: limits, passed: lru.New[[]operation](maxPassed)}
}

// ExtensionName names the extension in gqlgen's stats.
func (limitChecker) ExtensionName() string { return "Limits" }

// MutateOperationParameters refuses a document over the token, depth,
// alias, directive or repeat limit, and then what checkOperation refuses. A
// document that does not parse passes: gqlgen reports its syntax error.
func (c limitChecker) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if c.passed != nil {
		if ops, ok := c.passed.Get(ctx, p.Query); ok {
			return checkOperation(ctx, ops, p.OperationName)
		}
	}
	stop := tokenCountSpan * c.limits.Tokens
	n := countTokens(p.Query, stop+1)
	if n > stop {
		return farOverLimit(codeTooManyTokens, "query token count", stop, c.limits.Tokens)
	}
	if n > c.limits.Tokens {
		return overLimit(codeTooManyTokens, "query token count", n, c.limits.Tokens)
	}
	if err := checkQueryStrings(p.Query); err != nil {
		return requestErrorf("GRAPHQL_PARSE_FAILED", "a string of the query %v", err)
	}
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return nil
	}
	if d := documentDepth(doc); d > c.limits.Depth {
		return overLimit(codeQueryTooDeep, "query depth", d, c.limits.Depth)
	}
	if d := ofTypeDepth(doc); d > maxOfTypeDepth {
		return overLimit(codeQueryTooDeep, "introspection ofType nesting", d, maxOfTypeDepth)
	}
	u := documentUsage(doc)
	if u.aliases > c.limits.Aliases {
		return overLimit(codeTooManyAliases, "query alias count", u.aliases, c.limits.Aliases)
	}
	if u.directives > c.limits.Directives {
		return overLimit(codeTooManyDirectives, "query directive count", u.directives, c.limits.Directives)
	}
	if u.repeats > c.limits.Repeats {
		return requestErrorf(codeTooManyRepeatedFields, "field %q is selected %d times in one selection set, which exceeds the limit of %d by %d",
			input.Abbreviate(u.repeated), u.repeats, c.limits.Repeats, u.repeats-c.limits.Repeats)
	}
	ops := operationsOf(doc)
	if c.passed != nil && len(p.Query) <= maxPassedText {
		c.passed.Add(ctx, p.Query, ops)
	}
	return checkOperation(ctx, ops, p.OperationName)
}

// MutateOperationContext refuses an operation that costs more than the
// limit.
func (c limitChecker) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	cost := operationCost(opCtx.Operation, opCtx.Variables)
	if cost >= maxCost {
		return farOverLimit(codeQueryTooComplex, "query cost", maxCost, c.limits.Cost)
	}
	if cost > c.limits.Cost {
		return overLimit(codeQueryTooComplex, "query cost", cost, c.limits.Cost)
	}
	return nil
}

// overLimit is the error for a request over a limit: what was measured,
// the limit, and by how much.
func overLimit(code, what string, n, limit int) *gqlerror.Error {
	return requestErrorf(code, "%s %d exceeds the limit of %d by %d", what, n, limit, n-limit)
}

// farOverLimit is overLimit for a measure that stopped counting past
// atLeast.
func farOverLimit(code, what string, atLeast, limit int) *gqlerror.Error {
	return requestErrorf(code, "%s exceeds the limit of %d by more than %d", what, limit, atLeast-limit)
}

// countTokens returns how many lexical tokens query has, comments
// included, counting no further than stop. A lexical error ends the count:
// the parser reports it.
func countTokens(query string, stop int) int {
	lex := lexer.New(&ast.Source{Input: query})
	n := 0
	for n < stop {
		tok, err := lex.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			break
		}
		n++
	}
	return n
}

// documentDepth returns how deeply fields nest in the operations of a
// parsed, not yet validated document. Introspection fields do not count.
func documentDepth(doc *ast.QueryDocument) int {
	w := newWalker(doc, func(w *walker, f *ast.Field) int {
		if isIntrospection(f) {
			return 0
		}
		return 1 + w.selectionSet(f.SelectionSet)
	})
	depth := 0
	for _, op := range doc.Operations {
		depth = max(depth, w.selectionSet(op.SelectionSet))
	}
	return depth
}

// maxOfTypeDepth bounds how deeply an introspection query nests ofType
// (__Type's wrapped type). Validation bounds introspection's other cycles
// (fields, interfaces, possibleTypes, inputFields) but not this one, and
// the depth limit does not count introspection. The types of this schema
// wrap at most three deep ([T!]!); GraphiQL's introspection query (the
// playground's) asks for nine.
const maxOfTypeDepth = 10

// ofTypeDepth returns the longest chain of ofType fields nested in each
// other in a parsed document, fragments expanded where they are spread.
// Any field named ofType counts: only __Type has one, and validation
// refuses it elsewhere.
func ofTypeDepth(doc *ast.QueryDocument) int {
	w := newWalker(doc, func(w *walker, f *ast.Field) int {
		inner := w.selectionSet(f.SelectionSet) // a chain may start inside
		if f.Name == "ofType" {
			return 1 + inner
		}
		return 0
	})
	for _, op := range doc.Operations {
		w.selectionSet(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		w.fragment(f.Name)
	}
	return w.largest
}

// walker measures the selection sets of a parsed, not yet validated
// document, fragments expanded where they are spread: a set measures the
// largest of its selections, a field what field returns (which walks the
// field's own selections where it needs them). Each fragment is measured
// once, so the walk is linear in the document however often fragments
// spread each other. A fragment that spreads itself, or an unknown one,
// counts as empty: validation rejects both.
type walker struct {
	field     func(w *walker, f *ast.Field) int
	fragments map[string]*ast.FragmentDefinition
	measured  map[string]int // a measured fragment's measure; -1 while being measured
	largest   int            // the largest measure of any set walked
}

// newWalker returns a walker of doc's selection sets that measures a field
// with field.
func newWalker(doc *ast.QueryDocument, field func(w *walker, f *ast.Field) int) *walker {
	w := &walker{field: field, fragments: map[string]*ast.FragmentDefinition{}, measured: map[string]int{}}
	for _, f := range doc.Fragments {
		if _, dup := w.fragments[f.Name]; !dup {
			w.fragments[f.Name] = f
		}
	}
	return w
}

func (w *walker) selectionSet(set ast.SelectionSet) int {
	m := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			m = max(m, w.field(w, s))
		case *ast.InlineFragment:
			m = max(m, w.selectionSet(s.SelectionSet))
		case *ast.FragmentSpread:
			m = max(m, w.fragment(s.Name))
		}
	}
	w.largest = max(w.largest, m)
	return m
}

func (w *walker) fragment(name string) int {
	if m, ok := w.measured[name]; ok {
		return max(m, 0)
	}
	f, ok := w.fragments[name]
	if !ok {
		return 0
	}
	w.measured[name] = -1
	m := w.selectionSet(f.SelectionSet)
	w.measured[name] = m
	return m
}

// isIntrospection reports whether f is one of the introspection fields
// (__schema, __type, __typename).
func isIntrospection(f *ast.Field) bool {
	return strings.HasPrefix(f.Name, "__")
}

// usage is what a parsed document writes, each counted where it is
// written: a fragment once, however often it is spread.
type usage struct {
	aliases    int // an alias that repeats the field's name (id: id) is not counted
	directives int
	repeats    int    // the most times one selection set selects one response name
	repeated   string // that response name
}

// documentUsage counts what doc writes.
func documentUsage(doc *ast.QueryDocument) usage {
	var u usage
	for _, op := range doc.Operations {
		u.directives += len(op.Directives)
		for _, v := range op.VariableDefinitions {
			u.directives += len(v.Directives)
		}
		u.selectionSet(op.SelectionSet, map[string]int{})
	}
	for _, f := range doc.Fragments {
		u.directives += len(f.Directives)
		u.selectionSet(f.SelectionSet, map[string]int{})
	}
	return u
}

// selectionSet counts what set writes; names counts the response names of
// the selection set it belongs to, which its inline fragments share.
func (u *usage) selectionSet(set ast.SelectionSet, names map[string]int) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != s.Name {
				u.aliases++
			}
			u.directives += len(s.Directives)
			names[s.Alias]++
			if n := names[s.Alias]; n > u.repeats {
				u.repeats, u.repeated = n, s.Alias
			}
			if len(s.SelectionSet) > 0 {
				u.selectionSet(s.SelectionSet, map[string]int{})
			}
		case *ast.InlineFragment:
			u.directives += len(s.Directives)
			u.selectionSet(s.SelectionSet, names)
		case *ast.FragmentSpread:
			u.directives += len(s.Directives)
		}
	}
}

// validationRules returns the function that gives gqlgen fresh validation
// rules for each document: gqlparser's, without the variants that suggest
// names ("Did you mean ...?") unless dev, since suggestions map the schema
// for whoever guesses; and sharing one errorCap of maxErrors.
func validationRules(dev bool, maxErrors int) func() *rules.Rules {
	return func() *rules.Rules {
		base := rules.NewDefaultRules()
		if !dev {
			for _, rule := range []core.Rule{
				rules.FieldsOnCorrectTypeRuleWithoutSuggestions,
				rules.KnownArgumentNamesRuleWithoutSuggestions,
				rules.KnownTypeNamesRuleWithoutSuggestions,
				rules.ScalarLeafsRuleWithoutSuggestions,
				rules.ValuesOfCorrectTypeRuleWithoutSuggestions,
			} {
				base.RemoveRule(strings.TrimSuffix(rule.Name, "WithoutSuggestions"))
				base.AddRule(rule.Name, rule.RuleFunc)
			}
		}
		c := &errorCap{max: maxErrors}
		capped := rules.NewRules()
		for name, f := range base.GetInner() {
			capped.AddRule(name, c.wrap(f))
		}
		return capped
	}
}

// errorCap lets the rules of one validation report at most max errors:
// when one more comes, the last one reported becomes a summary that says
// so, and the rest are dropped before they are formatted.
type errorCap struct {
	max, found int
	last       *gqlerror.Error
}

func (c *errorCap) wrap(rule core.RuleFunc) core.RuleFunc {
	return func(observers *core.Events, addError core.AddErrFunc) {
		rule(observers, func(options ...core.ErrorOption) {
			c.found++
			switch {
			case c.found <= c.max:
				addError(append(options, func(err *gqlerror.Error) { c.last = err })...)
			case c.found == c.max+1:
				*c.last = gqlerror.Error{Message: fmt.Sprintf(
					"the document has more errors than the limit of %d; only the first %d are shown", c.max, c.max-1)}
			}
		})
	}
}
