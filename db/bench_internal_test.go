package db

import (
	"cmp"
	"context"
	"net/url"
	"os"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Benchmarks of the read path's pure-CPU steps and of the generator.

// BenchmarkKeysetSQL builds the SQL of a page after a cursor: the keyset
// condition, the ORDER BY and the keys column.
func BenchmarkKeysetSQL(b *testing.B) {
	o, err := orderFor("statements", Order{})
	if err != nil {
		b.Fatal(err)
	}
	after := &Cursor{Order: o.cursorName(), Keys: []string{"1042", "7", "9913"}}
	b.ReportAllocs()
	for b.Loop() {
		l := listing{from: statementFrom, columns: statementColumns}
		l.and((*StatementFilter)(nil).sql(&l))
		orderBy, limit, _, err := l.keyset(o, PageArgs{First: 20, After: after})
		if err != nil {
			b.Fatal(err)
		}
		_ = shape(pageSQL, "{columns}", l.columns, "{keys}", keysColumn(o), "{from}", l.from,
			"{where}", l.whereSQL(), "{order}", orderBy, "{limit}", strconv.Itoa(limit+1))
	}
}

// BenchmarkParseSnippet turns a marked search snippet into text and ranges.
func BenchmarkParseSnippet(b *testing.B) {
	marked := "Cooperation in the " + markStart + "digital" + markEnd + " " + markStart + "economy" + markEnd +
		" will create high-skilled jobs … investment in the " + markStart + "digital" + markEnd + " sector"
	b.ReportAllocs()
	for b.Loop() {
		_ = parseSnippet(marked)
	}
}

// TestPlannedRouting checks that statements sent with customPlan run on
// connections that plan for the values, and the others on connections
// that keep generic plans.
func TestPlannedRouting(t *testing.T) {
	ctx := context.Background()
	// Any database will do, and the one DATABASE_URL names need not exist
	// yet: use the server's own postgres database.
	u, err := url.Parse(cmp.Or(os.Getenv("DATABASE_URL"), DefaultURL))
	if err != nil {
		t.Fatalf("DATABASE_URL: %v", err)
	}
	u.Path = "/postgres"
	pool, err := NewPool(u.String(), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	s := NewStore(pool)
	defer s.Close()
	for _, c := range []struct {
		name string
		args []any
		want string
	}{
		{"Custom", []any{customPlan}, "force_custom_plan"},
		{"Cached", nil, "force_generic_plan"},
		{"CachedWithArgs", []any{pgx.NamedArgs{}}, "force_generic_plan"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got string
			if err := s.read(ctx).QueryRow(ctx, `SELECT current_setting('plan_cache_mode')`, c.args...).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("plan_cache_mode = %q; want %q", got, c.want)
			}
		})
	}
	if got, want := s.custom.Config().MaxConns, max(2, pool.Config().MaxConns/4); got != want {
		t.Errorf("custom-plan pool size %d; want %d", got, want)
	}
}
