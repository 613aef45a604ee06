package bench_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/migrations"
	"github.com/newsgraph/newsgraph/db/pg"
)

// BenchmarkWholeCorpusAggregates groups every statement, figure and
// agreement of the corpus of the plan tests (set
// NEWSGRAPH_BENCH_DATABASE_URL for a larger one) by each dimension, one at
// a time, 20 groups by count: the cost of the largest aggregate a request
// can ask for.
func BenchmarkWholeCorpusAggregates(b *testing.B) {
	url := generatedCorpus(b)
	m, err := migrations.New(url)
	if err != nil {
		b.Fatal(err)
	}
	if err := m.Up(); err != nil {
		b.Fatal(err)
	}
	_ = m.Close()
	pool, err := pg.NewPool(url, pg.PoolOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	store := db.NewStore(pool)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		group func(context.Context, db.GroupBy) ([]*db.Group, error)
		by    []string
	}{
		{"Statements", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) {
			return store.GroupStatements(ctx, nil, g)
		},
			[]string{"TOPIC", "SPEAKER", "ORGANIZATION", "COUNTRY", "ARTICLE", "VERB", "MODE", "PUBLISHED_YEAR", "PUBLISHED_MONTH"}},
		{"Figures", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) { return store.GroupFigures(ctx, nil, g) },
			[]string{"TOPIC", "SUBJECT", "COUNTRY", "SPEAKER", "ARTICLE", "METRIC", "UNIT", "PERIOD_YEAR", "PERIOD_MONTH", "PUBLISHED_YEAR", "PUBLISHED_MONTH"}},
		{"Agreements", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) {
			return store.GroupAgreements(ctx, nil, g)
		},
			[]string{"TOPIC", "PARTY", "COUNTRY", "ARTICLE", "KIND", "STATUS", "YEAR", "MONTH"}},
	} {
		for _, by := range c.by {
			b.Run(c.name+"/"+by, func(b *testing.B) {
				for b.Loop() {
					groups, err := c.group(ctx, db.GroupBy{Dimensions: []string{by}, First: 20})
					if err != nil {
						b.Fatal(err)
					}
					if len(groups) == 0 {
						b.Fatal("no groups")
					}
				}
			})
		}
	}
}
