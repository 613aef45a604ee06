package serve

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// The response cache's hot path: identifying a query (on every query while
// the cache is on), and looking it up.
func benchmarkOperation() *graphql.OperationContext {
	return &graphql.OperationContext{
		RawQuery: `query Article($slug: String!) { article(slug: $slug) { slug title lede published { iso text } topics { slug label }
  paragraphs { position kind text } statements(first: 100) { totalCount nodes { position verb mode content speakerRole } } } }`,
		OperationName: "Article",
		Variables:     map[string]any{"slug": "malaysia-china-digital-economy-00042", "first": 100},
	}
}

func BenchmarkResponseCacheKey(b *testing.B) {
	oc := benchmarkOperation()
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := keyOf(oc); !ok {
			b.Fatal("no key")
		}
	}
}

func BenchmarkResponseCacheHit(b *testing.B) {
	c := NewResponseCache("", 32<<20, nil, nil)
	c.live.Store(true)
	key, _ := keyOf(benchmarkOperation())
	data := bytes.Repeat([]byte("x"), 8<<10)
	c.put(key, data, 0, 0, true)
	b.ReportAllocs()
	for b.Loop() {
		if got, _ := c.get(key, 0); len(got) != len(data) {
			b.Fatal("miss")
		}
	}
}
