package route_test

import (
	"cmp"
	"context"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/route"
)

// postgresURL is the URL of the server's own postgres database: these
// tests need any database, and the one DATABASE_URL names need not exist
// yet.
func postgresURL(t *testing.T) *url.URL {
	t.Helper()
	u, err := url.Parse(cmp.Or(os.Getenv("DATABASE_URL"), pg.DefaultURL))
	if err != nil {
		t.Fatalf("DATABASE_URL: %v", err)
	}
	u.Path = "/postgres"
	return u
}

// TestPlannedRouting checks that reads ForValues run on connections that
// plan for the values, and the others on connections that keep generic
// plans, whatever their arguments.
func TestPlannedRouting(t *testing.T) {
	ctx := context.Background()
	pool, err := pg.NewPool(postgresURL(t).String(), pg.PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	r := route.New(pool)
	defer r.Close()
	for _, c := range []struct {
		name      string
		forValues bool
		args      []any
		want      string
	}{
		{"ForValues", true, nil, "force_custom_plan"},
		{"ForValuesWithArgs", true, []any{pgx.NamedArgs{}}, "force_custom_plan"},
		{"Cached", false, nil, "force_generic_plan"},
		{"CachedWithArgs", false, []any{pgx.NamedArgs{}}, "force_generic_plan"},
		{"CachedWithAnExecMode", false, []any{pgx.QueryExecModeCacheDescribe}, "force_generic_plan"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got string
			reads := r.Reads(ctx).ForValues(c.forValues)
			if err := reads.QueryRow(ctx, `SELECT current_setting('plan_cache_mode')`, c.args...).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("plan_cache_mode = %q; want %q", got, c.want)
			}
		})
	}
	custom := route.CustomPool(pool)
	defer custom.Close()
	if got, want := custom.Config().MaxConns, max(2, pool.Config().MaxConns/4); got != want {
		t.Errorf("custom-plan pool size %d; want %d", got, want)
	}
}

// TestUnreachable checks which errors of a real server say it cannot be
// reached: those of a connection it refuses or ends, not those of a
// statement or of the caller's arguments or rows.
func TestUnreachable(t *testing.T) {
	ctx := context.Background()
	u := postgresURL(t)
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	scan := func(sql string, dest any, args ...any) error { return conn.QueryRow(ctx, sql, args...).Scan(dest) }
	var n int64
	missing := *u
	missing.Path = "/no_database_has_this_name"
	_, refused := pgx.Connect(ctx, missing.String())
	closed, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	// The server ends the second connection, as when a server stops.
	_ = scan(`SELECT pg_terminate_backend($1)::int`, &n, closed.PgConn().PID())
	ended := closed.QueryRow(ctx, `SELECT 1`).Scan(&n)
	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"ConnectionRefusedByTheServer", refused, true},
		{"ConnectionEndedByTheServer", ended, true},
		{"StatementError", scan(`SELECT 1 / 0`, &n), false},
		{"ArgumentNotEncoded", scan(`SELECT $1::bigint`, &n, struct{}{}), false},
		{"NullScannedIntoAnInt64", scan(`SELECT NULL::bigint`, &n), false},
	} {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if got := route.Unreachable(c.err); got != c.want {
			t.Errorf("%s (%v): Unreachable %v; want %v", c.name, c.err, got, c.want)
		}
	}
}
