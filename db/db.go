package db

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/db/migrations"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/route"
)

// Store reads and writes newsgraph's data through a connection pool. It is
// safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
	// route sends each read to a server and pool: the primary's pool, a
	// second pool on its configuration that plans every statement for its
	// values (filtered listings and aggregates: route.Reads.ForValues), or a hot
	// standby's (UseStandbys).
	route *route.Router
}

// NewStore returns a Store over pool; the caller keeps ownership of pool
// and closes it after Close. The store opens a second pool on pool's
// configuration, with at most a quarter of its connections (at least 2),
// for the statements that must be planned for their values.
func NewStore(pool *pgxpool.Pool) *Store {
	return &Store{pool: pool, route: route.New(pool)}
}

// Close closes the connections the store opened itself (not the pool it
// was made with): its custom-plan pool and the standbys' pools.
func (s *Store) Close() { s.route.Close() }

// Router returns where the store's reads go (package route): a context
// that reads from standbys (ReadFromStandby), the standbys' state and
// their health check (WatchStandbys).
func (s *Store) Router() *route.Router { return s.route }

// read returns the querier of the store's reads in ctx (see route.Reads).
func (s *Store) read(ctx context.Context) route.Reads { return s.route.Reads(ctx) }

// UseStandbys makes the store read from hot standbys of its database, one
// URL each, as its Router's ReadFromStandby asks; until WatchStandbys has
// found a standby healthy, reads go to the primary. Call it before the
// store is used; each standby's pools are opened without connecting, with
// the default pg.PoolOptions.
func (s *Store) UseStandbys(urls []string, o route.Options) error {
	s.route.SetOptions(o)
	for _, u := range urls {
		p, err := pg.NewPool(u, pg.PoolOptions{})
		if err != nil {
			return fmt.Errorf("standby %s: %w", pg.Redact(u), err)
		}
		s.route.AddStandby(u, p)
	}
	return nil
}

// Pool returns the store's connection pool.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// inTx runs fn in a transaction, committing if fn returns nil and rolling
// back otherwise.
// A committed transaction's WAL position is noted for ctx (TrackCommits).
// A transaction PostgreSQL fails for a deadlock or a serialization failure
// is run again, at most maxTxAttempts times in all, after a short pause:
// the transaction it met has gone on by then. fn must be safe to run again
// (it is, as every write's transaction reads what it writes from tx).
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, fn)
		if err == nil {
			s.route.NoteCommit(ctx)
			return nil
		}
		if code := pgErrorCode(err); attempt == maxTxAttempts || code != "40P01" && code != "40001" {
			return err
		}
		pause := time.Duration(attempt) * time.Duration(1+rand.IntN(10)) * time.Millisecond
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
	}
}

// maxTxAttempts is how many times inTx runs a transaction that meets
// another in a deadlock or a serialization failure.
const maxTxAttempts = 3

// Ready reports whether the database answers and its schema is at the
// newest embedded migration, not dirty.
func (s *Store) Ready(ctx context.Context) error {
	latest, err := migrations.Latest()
	if err != nil {
		return err
	}
	var version int64
	var dirty bool
	err = s.pool.QueryRow(ctx, `SELECT version, dirty FROM schema_migrations`).Scan(&version, &dirty)
	switch {
	case err != nil && pgErrorCode(err) == "42P01":
		return Errorf(CodeInternal, "the database has no schema yet")
	case err != nil:
		return Errorf(CodeInternal, "the database does not answer")
	case dirty || uint(version) != latest:
		return Errorf(CodeInternal, "the schema is at version %d (dirty %v); want %d", version, dirty, latest)
	}
	return nil
}

// Empty reports whether the database holds no article: the server loads
// the seeds into an empty one.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var exists bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&exists); err != nil {
		return false, fmt.Errorf("count articles: %w", err)
	}
	return !exists, nil
}
