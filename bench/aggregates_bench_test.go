package bench_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db"
)

// BenchmarkWholeCorpusAggregates groups every statement, figure and
// agreement of the corpus of the plan tests (set
// NEWSGRAPH_BENCH_DATABASE_URL for a larger one) by each dimension that
// reads several tables for a row: the organizations a statement's speaker
// spoke for and their countries, the country a figure is about.
func BenchmarkWholeCorpusAggregates(b *testing.B) {
	url := generatedCorpus(b)
	m, err := db.NewMigrator(url)
	if err != nil {
		b.Fatal(err)
	}
	if err := m.Up(); err != nil {
		b.Fatal(err)
	}
	_ = m.Close()
	pool, err := db.NewPool(url, db.PoolOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	store := db.NewStore(pool)
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		group func(context.Context, db.GroupBy) ([]*db.Group, error)
		by    string
	}{
		{"Statements/TOPIC", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) {
			return store.GroupStatements(ctx, nil, g)
		}, "TOPIC"},
		{"Statements/ORGANIZATION", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) {
			return store.GroupStatements(ctx, nil, g)
		}, "ORGANIZATION"},
		{"Statements/COUNTRY", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) {
			return store.GroupStatements(ctx, nil, g)
		}, "COUNTRY"},
		{"Figures/COUNTRY", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) { return store.GroupFigures(ctx, nil, g) }, "COUNTRY"},
		{"Agreements/COUNTRY", func(ctx context.Context, g db.GroupBy) ([]*db.Group, error) {
			return store.GroupAgreements(ctx, nil, g)
		}, "COUNTRY"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				groups, err := c.group(ctx, db.GroupBy{Dimensions: []string{c.by}, First: 20})
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
