package db

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// StandbyOptions configures the reads from hot standbys (UseStandbys).
// Zero fields take the defaults of DefaultStandbyOptions.
type StandbyOptions struct {
	// MaxLag is how far behind the primary a standby may be and still
	// serve reads: a standby that has not replayed what the primary had
	// written MaxLag ago leaves the rotation until it catches up.
	MaxLag time.Duration
	// MaxWait is how long a read that needs a position (a client's
	// consistency token) waits for a standby to replay it before it goes
	// to the primary.
	MaxWait time.Duration
	// CheckEvery is how often WatchStandbys asks the primary and every
	// standby where they are.
	CheckEvery time.Duration
	// Pool sizes each standby's pools, as the primary's.
	Pool PoolOptions
}

// DefaultStandbyOptions are the standby settings newsgraph runs with.
var DefaultStandbyOptions = StandbyOptions{
	MaxLag:     2 * time.Second,
	MaxWait:    50 * time.Millisecond,
	CheckEvery: 250 * time.Millisecond,
}

// The states of a standby (StandbyStatus.State).
const (
	StandbyUnknown = "unknown" // not checked yet: out of rotation
	StandbyUp      = "up"      // in rotation
	StandbyLagging = "lagging" // more than MaxLag behind: out of rotation
	StandbyDown    = "down"    // does not answer, or is no standby: out of rotation
)

// node is a server the store reads from: the primary or a standby.
type node struct {
	name    string // "primary", or a standby's host:port
	generic *pgxpool.Pool
	custom  *pgxpool.Pool // plans every statement for its values (customPlan)
	reads   atomic.Int64  // statements read here

	// Standbys only; the health check (WatchStandbys) writes them.
	url      string
	inUse    atomic.Bool   // in rotation
	replayed atomic.Uint64 // an LSN it has replayed at least
	mu       sync.Mutex
	state    string
	lag      time.Duration
	lagBytes int64
}

// pool returns the node's pool for a statement with args: the custom-plan
// pool when its first argument is customPlan.
func (n *node) pool(args []any) *pgxpool.Pool {
	if len(args) > 0 && args[0] == customPlan {
		return n.custom
	}
	return n.generic
}

// setState records what the health check found.
func (n *node) setState(state string, lag time.Duration, lagBytes int64) {
	n.mu.Lock()
	n.state, n.lag, n.lagBytes = state, lag, lagBytes
	n.mu.Unlock()
	n.inUse.Store(state == StandbyUp)
}

// StandbyStatus is what the store knows of one standby.
type StandbyStatus struct {
	// Name is the host:port of the standby's URL.
	Name string
	// State is StandbyUp, StandbyLagging, StandbyDown or StandbyUnknown.
	State string
	// Lag is how long ago the primary had written what the standby has
	// replayed by now (0: all of it), as of the last check; LagBytes the
	// WAL between the two.
	Lag      time.Duration
	LagBytes int64
	// Reads counts the statements that read there.
	Reads int64
}

// UseStandbys makes the store read from hot standbys of its database, one
// URL each, as ReadFromStandby asks; until WatchStandbys has found a
// standby healthy, reads go to the primary. Call it before the store is
// used; each standby's pools are opened without connecting.
func (s *Store) UseStandbys(urls []string, o StandbyOptions) error {
	d := DefaultStandbyOptions
	o.MaxLag = cmp.Or(o.MaxLag, d.MaxLag)
	o.MaxWait = cmp.Or(o.MaxWait, d.MaxWait)
	o.CheckEvery = cmp.Or(o.CheckEvery, d.CheckEvery)
	s.standbyOpts = o
	for _, u := range urls {
		generic, err := NewPool(u, o.Pool)
		if err != nil {
			return fmt.Errorf("standby %s: %w", redact(u), err)
		}
		n := &node{name: hostOf(u), url: u, generic: generic, custom: customPool(generic), state: StandbyUnknown}
		s.standbys = append(s.standbys, n)
	}
	return nil
}

// hostOf returns the host:port of a database URL, or the redacted URL.
func hostOf(databaseURL string) string {
	if u, err := url.Parse(databaseURL); err == nil && u.Host != "" {
		return u.Host
	}
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return redact(databaseURL)
	}
	return fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)
}

// Standbys returns the state of each standby, in the order configured.
func (s *Store) Standbys() []StandbyStatus {
	out := make([]StandbyStatus, len(s.standbys))
	for i, n := range s.standbys {
		n.mu.Lock()
		out[i] = StandbyStatus{Name: n.name, State: n.state, Lag: n.lag, LagBytes: n.lagBytes, Reads: n.reads.Load()}
		n.mu.Unlock()
	}
	return out
}

// PrimaryReads counts the statements of the store's reads that went to the
// primary (those of writes not included).
func (s *Store) PrimaryReads() int64 { return s.primary.reads.Load() }

// HasStandbys reports whether the store was given standbys to read from.
func (s *Store) HasStandbys() bool { return len(s.standbys) > 0 }

// route is where one context's reads go: chosen on the first read, then
// kept, so the reads of one request see one server's state, which only
// moves forward.
type route struct {
	after LSN // the position the reads must see
	mu    sync.Mutex
	n     *node // nil until chosen
	at    LSN   // a position n had replayed when chosen
}

type routeKey struct{}

// ReadFromStandby returns a context in which the store's reads go to one
// standby in rotation that has replayed at least after, or, if none has,
// after waiting up to StandbyOptions.MaxWait for one to, to the primary.
// With after 0 any standby in rotation will do; with PrimaryOnly, the
// primary. The standby is chosen on the first read and kept; should it
// fail, the reads go on on the primary. Without standbys, ctx is returned
// as it is. Reads in any other context go to the primary.
func (s *Store) ReadFromStandby(ctx context.Context, after LSN) context.Context {
	if len(s.standbys) == 0 {
		return ctx
	}
	return context.WithValue(ctx, routeKey{}, &route{after: after})
}

// ReadAfter returns the position a context of ReadFromStandby asks its
// reads to see, 0 for any other context.
func ReadAfter(ctx context.Context) LSN {
	if r, ok := ctx.Value(routeKey{}).(*route); ok {
		return r.after
	}
	return 0
}

// ReadPosition reports where the reads made so far in ctx came from: ok is
// false when any came from a standby that may not have replayed past at
// (at is then what it had replayed when chosen), and true when they all
// came from the primary or none was made.
func ReadPosition(ctx context.Context) (at LSN, primary bool) {
	r, ok := ctx.Value(routeKey{}).(*route)
	if !ok {
		return 0, true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.n == nil || r.n.url == "" {
		return 0, true
	}
	return r.at, false
}

// reads is the querier of the reads made in one context: it sends each
// statement to its route's server (the primary when there is no route),
// and one that fails on a standby for the standby's sake (it went down,
// or replay cancelled it) again to the primary.
type reads struct {
	s *Store
	r *route
}

// read returns the querier of reads in ctx.
func (s *Store) read(ctx context.Context) reads {
	r, _ := ctx.Value(routeKey{}).(*route)
	return reads{s: s, r: r}
}

// node returns the server a statement goes to, choosing the route's on
// its first read; a standby that left the rotation since sends the rest
// to the primary.
func (q reads) node(ctx context.Context) *node {
	if q.r == nil {
		return q.s.primary
	}
	q.r.mu.Lock()
	if q.r.n == nil {
		q.r.n, q.r.at = q.s.choose(ctx, q.r.after)
	}
	n := q.r.n
	q.r.mu.Unlock()
	if n.url != "" && !n.inUse.Load() {
		return q.s.primary
	}
	return n
}

func (q reads) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	n := q.node(ctx)
	n.reads.Add(1)
	rows, err := n.pool(args).Query(ctx, sql, args...)
	if n.url == "" {
		return rows, err
	}
	if err != nil && q.s.standbyFailed(ctx, n, err) {
		return q.onPrimary(ctx, sql, args)
	}
	return &failoverRows{Rows: rows, ctx: ctx, q: q, n: n, sql: sql, args: args}, err
}

func (q reads) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	rows, _ := q.Query(ctx, sql, args...) // the error is rows.Err()
	return row{rows}
}

func (q reads) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	n := q.node(ctx)
	n.reads.Add(1)
	tag, err := n.pool(args).Exec(ctx, sql, args...)
	if n.url != "" && err != nil && q.s.standbyFailed(ctx, n, err) {
		q.s.primary.reads.Add(1)
		return q.s.primary.pool(args).Exec(ctx, sql, args...)
	}
	return tag, err
}

// onPrimary sends a read to the primary.
func (q reads) onPrimary(ctx context.Context, sql string, args []any) (pgx.Rows, error) {
	q.s.primary.reads.Add(1)
	return q.s.primary.pool(args).Query(ctx, sql, args...)
}

// failoverRows are a standby's answer to a read: if the standby fails
// before the first row (it was stopped, its connection dropped, replay
// cancelled the statement), the statement runs again on the primary and
// the rows are the primary's.
type failoverRows struct {
	pgx.Rows
	ctx  context.Context
	q    reads
	n    *node
	sql  string
	args []any
	seen bool // a row was read, or the read was sent again
}

func (r *failoverRows) Next() bool {
	if r.Rows.Next() {
		r.seen = true
		return true
	}
	if r.seen {
		return false
	}
	r.seen = true
	if err := r.Rows.Err(); err == nil || !r.q.s.standbyFailed(r.ctx, r.n, err) {
		return false
	}
	r.Rows.Close()
	r.Rows, _ = r.q.onPrimary(r.ctx, r.sql, r.args) // pgxpool returns rows that hold any error
	return r.Rows.Next()
}

// row is one row of rows, as pgx.Conn.QueryRow returns it.
type row struct{ rows pgx.Rows }

func (r row) Scan(dest ...any) error {
	defer r.rows.Close()
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return pgx.ErrNoRows
	}
	if err := r.rows.Scan(dest...); err != nil {
		return err
	}
	r.rows.Close()
	return r.rows.Err()
}

// standbyFailed reports whether err, from a read on standby n, is the
// standby's failure rather than the statement's or the caller's, so the
// read should be sent to the primary: its connection was refused or
// dropped, it is shutting down, or replay cancelled the statement (a
// recovery conflict, 40001). A standby that failed for its connection
// leaves the rotation until the next health check finds it well.
func (s *Store) standbyFailed(ctx context.Context, n *node, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch code := pgErr.Code; {
		case code == "40001": // canceling statement due to conflict with recovery
			return true
		case code == "57P01" || code == "57P02" || code == "57P03" || code == "53300" || code[:2] == "08":
		default:
			return false // the statement's own error; the primary would say the same
		}
	}
	n.setState(StandbyDown, 0, 0)
	return true
}

// choose picks the server for reads that must see after: a standby in
// rotation known to have replayed it, the next in turn; else, if one in
// rotation may get there, it asks the furthest where it is now, again
// after 1, 2, 4 ... ms until MaxWait has passed; else the primary. It
// returns the server and the position it had replayed.
func (s *Store) choose(ctx context.Context, after LSN) (*node, LSN) {
	if after == PrimaryOnly {
		return s.primary, 0
	}
	deadline := time.Now().Add(s.standbyOpts.MaxWait)
	delay := time.Millisecond
	for {
		start := int(s.turn.Add(1))
		var furthest *node
		for i := range s.standbys {
			n := s.standbys[(start+i)%len(s.standbys)]
			if !n.inUse.Load() {
				continue
			}
			if at := LSN(n.replayed.Load()); at >= after {
				return n, at
			}
			if furthest == nil || n.replayed.Load() > furthest.replayed.Load() {
				furthest = n
			}
		}
		if furthest == nil || time.Now().After(deadline) {
			return s.primary, 0
		}
		at, err := scanLSN(furthest.generic.QueryRow(ctx, `SELECT coalesce(pg_last_wal_replay_lsn(), '0/0')::text`))
		if err != nil {
			return s.primary, 0
		}
		advance(&furthest.replayed, at)
		if at >= after {
			return furthest, at
		}
		select {
		case <-ctx.Done():
			return s.primary, 0
		case <-time.After(min(delay, time.Until(deadline))):
		}
		delay *= 2
	}
}

// sample is the primary's WAL position at a time.
type sample struct {
	at  time.Time
	lsn LSN
}

// WatchStandbys checks the primary and every standby every
// StandbyOptions.CheckEvery until ctx ends: a standby that answers, is in
// recovery and is at most MaxLag behind is in rotation; one that does not
// answer, or lags, is not, until it does again. It returns at once when
// the store has no standbys.
func (s *Store) WatchStandbys(ctx context.Context) {
	if len(s.standbys) == 0 {
		return
	}
	o := s.standbyOpts
	conns := make([]*pgx.Conn, len(s.standbys))
	defer func() {
		for _, c := range conns {
			if c != nil {
				_ = c.Close(context.WithoutCancel(ctx))
			}
		}
	}()
	var samples []sample
	tick := time.NewTicker(o.CheckEvery)
	defer tick.Stop()
	timeout := max(o.CheckEvery, time.Second)
	for {
		checkCtx, cancel := context.WithTimeout(ctx, timeout)
		// The primary's written position, not its insert position: that
		// one runs past the last record at a page boundary, where an idle
		// standby would never seem to catch up.
		if p, err := scanLSN(s.pool.QueryRow(checkCtx, `SELECT pg_current_wal_lsn()::text`)); err == nil {
			samples = addSample(samples, sample{time.Now(), p}, max(10*o.MaxLag, time.Minute))
		}
		for i, n := range s.standbys {
			conns[i] = s.checkStandby(checkCtx, n, conns[i], samples)
		}
		cancel()
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// checkStandby asks standby n, on its connection conn (opened if nil),
// whether it is in recovery and what it has replayed, and puts it in
// rotation or takes it out. It returns the connection to use next time.
func (s *Store) checkStandby(ctx context.Context, n *node, conn *pgx.Conn, samples []sample) *pgx.Conn {
	if conn == nil {
		cfg := n.generic.Config().ConnConfig.Copy()
		cfg.Tracer = nil
		c, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			n.setState(StandbyDown, 0, 0)
			return nil
		}
		conn = c
	}
	var recovery bool
	var replayed string
	err := conn.QueryRow(ctx, `SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn(), '0/0')::text`).Scan(&recovery, &replayed)
	at, lsnErr := ParseLSN(replayed)
	if err != nil || lsnErr != nil || !recovery {
		_ = conn.Close(context.WithoutCancel(ctx))
		n.setState(StandbyDown, 0, 0)
		return nil
	}
	n.replayed.Store(uint64(at))
	lag, lagBytes := lagOf(at, samples, time.Now())
	state := StandbyUp
	if lag > s.standbyOpts.MaxLag {
		state = StandbyLagging
	}
	n.setState(state, lag, lagBytes)
	return conn
}

// maxSamples bounds the primary's positions kept to tell lags by.
const maxSamples = 4096

// addSample appends p to samples (oldest first) if the primary has moved
// since the last, and drops those older than keep but the newest of
// them, and the oldest past maxSamples. A lag is told exactly up to keep
// and is at least keep past it.
func addSample(samples []sample, p sample, keep time.Duration) []sample {
	if n := len(samples); n > 0 && samples[n-1].lsn == p.lsn {
		return samples
	}
	samples = append(samples, p)
	i := 0
	for i < len(samples)-1 && (samples[i+1].at.Before(p.at.Add(-keep)) || len(samples)-i > maxSamples) {
		i++
	}
	return slices.Delete(samples, 0, i)
}

// lagOf returns how long ago the primary had first been seen past at, by
// samples (oldest first), and how many bytes its newest position is past
// at: 0, 0 when at is at or past it.
func lagOf(at LSN, samples []sample, now time.Time) (time.Duration, int64) {
	if len(samples) == 0 || at >= samples[len(samples)-1].lsn {
		return 0, 0
	}
	lagBytes := int64(samples[len(samples)-1].lsn - at)
	for _, p := range samples {
		if p.lsn > at {
			return now.Sub(p.at), lagBytes
		}
	}
	return 0, lagBytes
}
