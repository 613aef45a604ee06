package serve

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// TestLimitCheckerKeepsPassedDocuments checks that a query that passed the
// checks on its text is not parsed again when it comes back (a handful of
// allocations, against the hundreds of a parse), that what depends on the
// request is still checked (a mutation sent with GET), and that a refused
// text stays refused.
func TestLimitCheckerKeepsPassedDocuments(t *testing.T) {
	c := newLimitChecker(DefaultLimits)
	ctx := context.Background()
	query := `query Article($slug: String!) { article(slug: $slug) { slug title
		statements(first: 100) { totalCount nodes { position verb content speaker { __typename ... on Person { displayName } } } } } }`
	check := func(ctx context.Context, q string) *graphql.RawParams {
		t.Helper()
		p := &graphql.RawParams{Query: q}
		if err := c.MutateOperationParameters(ctx, p); err != nil {
			t.Fatalf("refused %q: %v", q, err)
		}
		return p
	}
	parsed := testing.AllocsPerRun(10, func() {
		if err := (limitChecker{limits: DefaultLimits}).MutateOperationParameters(ctx, &graphql.RawParams{Query: query}); err != nil {
			t.Fatal(err)
		}
	})
	check(ctx, query)
	again := testing.AllocsPerRun(100, func() { check(ctx, query) })
	if again > 5 || parsed < 10*again {
		t.Errorf("a query checked again allocates %.0f times, one parsed %.0f; want at most 5, and a tenth of a parse", again, parsed)
	}

	mutation := `mutation { deleteStatement(input: {id: "x", version: 1}) { deletedId } }`
	check(ctx, mutation)
	get := context.WithValue(ctx, httpMethodKey{}, http.MethodGet)
	for range 2 {
		if err := c.MutateOperationParameters(get, &graphql.RawParams{Query: mutation}); err == nil {
			t.Error("a kept mutation sent with GET passes; want it refused")
		}
	}

	deep := "{ a " + strings.Repeat("{ a ", DefaultLimits.Depth+1) + strings.Repeat("}", DefaultLimits.Depth+2)
	for i := range 2 {
		if err := c.MutateOperationParameters(ctx, &graphql.RawParams{Query: deep}); err == nil {
			t.Errorf("a query over the depth limit passes the %d time; want it refused", i+1)
		}
	}
}

// TestLimitCheckerKeepsLittle fills the limit checker's memory of passed
// texts with documents of about 5 KB that pass every limit (990 fields),
// and checks what it holds: the texts and their operations, not their
// syntax trees (58 MB for these when it kept them).
func TestLimitCheckerKeepsLittle(t *testing.T) {
	c := newLimitChecker(DefaultLimits)
	ctx := context.Background()
	fields := make([]string, 990)
	for i := range fields {
		fields[i] = fmt.Sprintf("f%d", i)
	}
	body := strings.Join(fields, " ")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range maxPassed {
		q := "{a{" + body + "}}" + strings.Repeat(" ", i)
		if err := c.MutateOperationParameters(ctx, &graphql.RawParams{Query: q}); err != nil {
			t.Fatalf("refused: %v", err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(c.passed)
	if kept := int64(after.HeapAlloc) - int64(before.HeapAlloc); kept > 8<<20 {
		t.Errorf("%d passed documents of %d bytes hold %d MB; want at most 8", maxPassed, len(body), kept>>20)
	}
}
