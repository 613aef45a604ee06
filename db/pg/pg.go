package pg

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/multitracer"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgconn/ctxwatch"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DefaultURL is the database newsgraph uses when none is configured.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/newsgraph?sslmode=disable"

// PoolOptions sizes the connection pool and bounds what each connection may
// do. Zero fields take the defaults of DefaultPoolOptions.
type PoolOptions struct {
	// MaxConns is the most connections the pool opens.
	MaxConns int32
	// StatementTimeout stops any one SQL statement that runs longer.
	StatementTimeout time.Duration
	// LockTimeout stops a statement that waits longer for a lock.
	LockTimeout time.Duration
	// IdleInTransactionTimeout ends a session left idle inside a transaction.
	IdleInTransactionTimeout time.Duration
	// ConnectTimeout bounds opening one connection, so that requests fail
	// fast while the database is down.
	ConnectTimeout time.Duration
	// Tracer, when set, sees every statement the pool sends, besides the
	// count of CountStatements: the API's tests record them with it, on a
	// pool with the server's own settings.
	Tracer pgx.QueryTracer
}

// DefaultPoolOptions are the limits newsgraph runs with.
var DefaultPoolOptions = PoolOptions{
	MaxConns:                 int32(max(4, 4*runtime.GOMAXPROCS(0))),
	StatementTimeout:         5 * time.Second,
	LockTimeout:              2 * time.Second,
	IdleInTransactionTimeout: 10 * time.Second,
	ConnectTimeout:           3 * time.Second,
}

// NewPool configures a pool on databaseURL without connecting: connections
// open on first use, so the pool can be made while the database is down.
// A statement whose context ends is cancelled on the server (a PostgreSQL
// cancel request), not just abandoned.
func NewPool(databaseURL string, o PoolOptions) (*pgxpool.Pool, error) {
	d := DefaultPoolOptions
	o.MaxConns = cmp.Or(o.MaxConns, d.MaxConns)
	o.StatementTimeout = cmp.Or(o.StatementTimeout, d.StatementTimeout)
	o.LockTimeout = cmp.Or(o.LockTimeout, d.LockTimeout)
	o.IdleInTransactionTimeout = cmp.Or(o.IdleInTransactionTimeout, d.IdleInTransactionTimeout)
	o.ConnectTimeout = cmp.Or(o.ConnectTimeout, d.ConnectTimeout)

	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	cfg.MaxConns = o.MaxConns
	cfg.MinConns = 0
	cfg.MaxConnIdleTime = 5 * time.Minute
	cfg.HealthCheckPeriod = 15 * time.Second
	cc := cfg.ConnConfig
	cc.ConnectTimeout = o.ConnectTimeout
	ms := func(d time.Duration) string { return strconv.FormatInt(d.Milliseconds(), 10) }
	cc.RuntimeParams["application_name"] = "newsgraph"
	cc.RuntimeParams["statement_timeout"] = ms(o.StatementTimeout)
	cc.RuntimeParams["lock_timeout"] = ms(o.LockTimeout)
	cc.RuntimeParams["idle_in_transaction_session_timeout"] = ms(o.IdleInTransactionTimeout)
	// Keep the plan of a prepared statement: PostgreSQL would plan each of
	// them anew on every run, because a parameter array (the ids or parents
	// of a batch) makes the generic plan look ten times costlier than a
	// plan for one id, and planning was most of the database's CPU time per
	// request (an article page: 2.6 ms of CPU, 1.3 ms with kept plans).
	// Statements that need plans for their values run on the store's other
	// pool (NewStore). TestCanonicalPlans checks the generic plans.
	cc.RuntimeParams["plan_cache_mode"] = "force_generic_plan"
	// No JIT compilation: a nested listing's parameter arrays and subplans
	// make its estimated cost pass jit_above_cost, and compiling it took
	// 0.1 to 1.5 s for statements that run in a few milliseconds (25
	// organizations' statement counts on the two seed articles: 0.77 s).
	cc.RuntimeParams["jit"] = "off"
	cc.Tracer = statementTracer{}
	if o.Tracer != nil {
		cc.Tracer = multitracer.New(statementTracer{}, o.Tracer)
	}
	cc.BuildContextWatcherHandler = func(pc *pgconn.PgConn) ctxwatch.Handler {
		return &pgconn.CancelRequestContextWatcherHandler{Conn: pc, CancelRequestDelay: 0, DeadlineDelay: 2 * time.Second}
	}
	return pgxpool.NewWithConfig(context.Background(), cfg)
}

// Open makes a pool with the default options and checks that the database
// answers.
func Open(ctx context.Context, databaseURL string) (*pgxpool.Pool, error) {
	pool, err := NewPool(databaseURL, PoolOptions{})
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to %s: %w", Redact(databaseURL), err)
	}
	return pool, nil
}

// Connect opens a connection of its own, outside pool, with pool's
// configuration and no tracer, params added to its run-time parameters
// (params may be nil). The caller closes it. It is for work that holds a
// connection for long or changes its session: bulk loads (the synthetic
// corpus generator) and LISTEN.
func Connect(ctx context.Context, pool *pgxpool.Pool, params map[string]string) (*pgx.Conn, error) {
	cfg := pool.Config().ConnConfig.Copy()
	cfg.Tracer = nil
	for k, v := range params {
		cfg.RuntimeParams[k] = v
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return conn, nil
}

// ConnectURL opens a connection of its own to databaseURL's server, in
// database (databaseURL's own when ""), params added to its run-time
// parameters (params may be nil). The caller closes it. It is for short
// work outside the server's pools: creating the database (EnsureDatabase)
// and the load tool's reading of PostgreSQL's statistics.
func ConnectURL(ctx context.Context, databaseURL, database string, params map[string]string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	cfg.Database = cmp.Or(database, cfg.Database)
	for k, v := range params {
		cfg.RuntimeParams[k] = v
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect to %s: %w", Redact(databaseURL), err)
	}
	return conn, nil
}

// EnsureDatabase creates the database named in databaseURL if it does not
// exist, connecting to the server's postgres database to do so.
func EnsureDatabase(ctx context.Context, databaseURL string) error {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return fmt.Errorf("parse database URL: %w", err)
	}
	name := cfg.Database
	conn, err := ConnectURL(ctx, databaseURL, "postgres", nil)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)`, pgx.NamedArgs{"name": name}).Scan(&exists); err != nil {
		return fmt.Errorf("look up database %q: %w", name, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, `CREATE DATABASE `+pgx.Identifier{name}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // created meanwhile by someone else
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %q: %w", name, err)
	}
	return nil
}

// Redact hides the password of a database URL for logs and errors.
func Redact(databaseURL string) string {
	u, err := url.Parse(databaseURL)
	if err != nil || u.User == nil {
		if strings.Contains(databaseURL, "password") {
			return "the configured database"
		}
		return databaseURL
	}
	return u.Redacted()
}
