package dbtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/migrations"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// Database is one throwaway database.
type Database struct {
	Name  string
	URL   string
	Pool  *pgxpool.Pool
	Store *db.Store
	admin string // URL of the server's postgres database
}

// ServerURL returns the configured database URL: DATABASE_URL or the default.
func ServerURL() string {
	if u := os.Getenv("DATABASE_URL"); u != "" {
		return u
	}
	return pg.DefaultURL
}

// Create makes a new, migrated, empty database. Drop it when done.
func Create(ctx context.Context) (*Database, error) {
	return createOn(ctx, ServerURL(), "C.UTF-8")
}

// createOn makes a new, migrated, empty database beside serverURL's, whose
// character classes are those of the locale ctype.
func createOn(ctx context.Context, serverURL, ctype string) (*Database, error) {
	cfg, err := pgx.ParseConfig(serverURL)
	if err != nil {
		return nil, fmt.Errorf("parse DATABASE_URL: %w", err)
	}
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	name := "newsgraph_test_" + hex.EncodeToString(suffix)
	// Connect to the server's own postgres database: the one DATABASE_URL
	// names need not exist.
	cfg.Database = "postgres"
	admin := withDatabase(serverURL, "postgres")
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("tests need PostgreSQL at DATABASE_URL (%s); start it with `make postgres`: %w", serverURL, err)
	}
	defer conn.Close(ctx)
	// Code-point collation, so that name orders do not depend on the
	// server's locale.
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+pgx.Identifier{name}.Sanitize()+
		` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '`+strings.ReplaceAll(ctype, "'", "''")+`'`); err != nil {
		return nil, fmt.Errorf("create test database: %w", err)
	}
	d := &Database{Name: name, URL: withDatabase(serverURL, name), admin: admin}
	m, err := migrations.New(d.URL)
	if err != nil {
		_ = d.drop(ctx)
		return nil, err
	}
	upErr := m.Up()
	if closeErr := m.Close(); upErr == nil {
		upErr = closeErr
	}
	if upErr != nil {
		_ = d.drop(ctx)
		return nil, upErr
	}
	if d.Pool, err = pg.Open(ctx, d.URL); err != nil {
		_ = d.drop(ctx)
		return nil, err
	}
	d.Store = db.NewStore(d.Pool)
	return d, nil
}

// withDatabase returns databaseURL with its database name replaced; it
// accepts the URL and the key=value forms.
func withDatabase(databaseURL, name string) string {
	u, err := url.Parse(databaseURL)
	if err != nil || u.Scheme == "" {
		return databaseURL + " dbname=" + name
	}
	u.Path = "/" + name
	return u.String()
}

// Drop closes the pool and drops the database, ending its connections.
func (d *Database) Drop(ctx context.Context) error {
	if d.Store != nil {
		d.Store.Close()
	}
	if d.Pool != nil {
		d.Pool.Close()
	}
	return d.drop(ctx)
}

func (d *Database) drop(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, d.admin)
	if err != nil {
		return fmt.Errorf("drop test database: %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, `DROP DATABASE IF EXISTS `+pgx.Identifier{d.Name}.Sanitize()+` WITH (FORCE)`)
	return err
}

// New returns a fresh migrated database that is dropped when tb ends.
func New(tb testing.TB) *Database {
	tb.Helper()
	return newOn(tb, ServerURL())
}

// newOn returns a fresh migrated database beside serverURL's that is
// dropped when tb ends.
func newOn(tb testing.TB, serverURL string) *Database {
	tb.Helper()
	return newIn(tb, serverURL, "C.UTF-8")
}

// NewInCType is New with the character classes of the locale ctype (what
// is a letter, and its case): C.UTF-8 for New.
func NewInCType(tb testing.TB, ctype string) *Database {
	tb.Helper()
	return newIn(tb, ServerURL(), ctype)
}

func newIn(tb testing.TB, serverURL, ctype string) *Database {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d, err := createOn(ctx, serverURL, ctype)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := d.Drop(ctx); err != nil {
			tb.Errorf("drop %s: %v", d.Name, err)
		}
	})
	return d
}

// Seed loads the embedded seed documents into d.
func (d *Database) Seed(ctx context.Context) error {
	docs, err := document.Read(seeds.FS)
	if err != nil {
		return err
	}
	_, err = curate.Import(ctx, d.Store, docs)
	return err
}

// NewSeeded returns a fresh database holding the seed dataset.
func NewSeeded(tb testing.TB) *Database {
	tb.Helper()
	d := New(tb)
	if err := d.Seed(context.Background()); err != nil {
		tb.Fatalf("seed: %v", err)
	}
	return d
}

// Replicated is a seeded throwaway database on a private primary that
// streams to a hot standby.
type Replicated struct {
	*Database
	Primary, Standby *Cluster
	// StandbyURL is the database's URL on the standby.
	StandbyURL string
}

// NewReplicated starts a private primary and a streaming hot standby of
// it (see Cluster.NewStandby), and returns a seeded database on the
// primary, replicated to the standby; it all goes when tb ends. It takes a
// few seconds.
func NewReplicated(tb testing.TB) *Replicated {
	tb.Helper()
	primary := NewCluster(tb)
	primary.Start()
	standby := primary.NewStandby()
	standby.Start()
	d := newOn(tb, primary.URL("postgres"))
	if err := d.Seed(context.Background()); err != nil {
		tb.Fatalf("seed: %v", err)
	}
	return &Replicated{Database: d, Primary: primary, Standby: standby, StandbyURL: standby.URL(d.Name)}
}

// OnStandby runs sql on the database's standby (pg_wal_replay_pause(),
// pg_wal_replay_resume(), a read).
func (r *Replicated) OnStandby(tb testing.TB, sql string) {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, r.StandbyURL)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		tb.Fatalf("on the standby: %s: %v", sql, err)
	}
}

// Versioned is a row's id and version.
type Versioned struct{ ID, Version int64 }

// Topics returns the id and version of the first n topics by id, failing
// tb if there are fewer.
func (d *Database) Topics(tb testing.TB, n int) []Versioned {
	tb.Helper()
	rows, err := d.Pool.Query(context.Background(), `SELECT id, version FROM topics ORDER BY id LIMIT $1`, n)
	if err != nil {
		tb.Fatal(err)
	}
	topics, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Versioned])
	if err != nil || len(topics) < n {
		tb.Fatalf("%d topics: %v %v", n, topics, err)
	}
	return topics
}

// EventCounts returns the number of change events of each kind, failing
// tb if they cannot be read.
func (d *Database) EventCounts(tb testing.TB) map[string]int {
	tb.Helper()
	rows, err := d.Pool.Query(context.Background(), `SELECT kind, count(*)::int FROM change_events GROUP BY kind`)
	if err != nil {
		tb.Fatal(err)
	}
	type count struct {
		Kind string
		N    int
	}
	counts, err := pgx.CollectRows(rows, pgx.RowToStructByPos[count])
	if err != nil {
		tb.Fatal(err)
	}
	out := make(map[string]int, len(counts))
	for _, c := range counts {
		out[c.Kind] = c.N
	}
	return out
}

// WaitFor calls check every 20 ms until it returns nil, and fails tb with
// its last error if that takes longer than timeout: for what replication
// makes true a little later.
func WaitFor(tb testing.TB, timeout time.Duration, what string, check func() error) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		err := check()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s: not within %v: %v", what, timeout, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TableState is a table's row count and a digest of all its rows.
type TableState struct {
	Rows   int
	Digest string
}

// Snapshot returns the state of every table of d, so a test can show that
// a refused write left the database byte for byte as it was.
func (d *Database) Snapshot(ctx context.Context) (map[string]TableState, error) {
	rows, err := d.Pool.Query(ctx, `
		SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	state := map[string]TableState{}
	for _, table := range tables {
		var s TableState
		err := d.Pool.QueryRow(ctx, `SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
			FROM `+pgx.Identifier{table}.Sanitize()+` t`).Scan(&s.Rows, &s.Digest)
		if err != nil {
			return nil, fmt.Errorf("digest %s: %w", table, err)
		}
		state[table] = s
	}
	return state, nil
}
