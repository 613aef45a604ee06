package route

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Options configures the reads from hot standbys (Router.AddStandby).
// Zero fields take the defaults of DefaultOptions.
type Options struct {
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
}

// DefaultOptions are the standby settings newsgraph runs with.
var DefaultOptions = Options{
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

// Router sends the store's reads to a server and one of its pools: the
// primary, or a hot standby in rotation that has replayed what the read
// must see; the pool for generic plans, or the one for custom plans
// (Reads.ForValues). It is safe for concurrent use once its standbys are added.
type Router struct {
	primary  *node
	standbys []*node
	opts     Options
	turn     atomic.Uint32 // round robin over the standbys
}

// New returns a Router that reads from the primary's pool and from a
// custom-plan pool it opens on pool's configuration (CustomPool). The
// caller keeps ownership of pool; Close closes what the Router opened.
func New(pool *pgxpool.Pool) *Router {
	return &Router{primary: &node{name: "primary", generic: pool, custom: CustomPool(pool)}, opts: DefaultOptions}
}

// CustomPool opens a pool on pool's configuration, with at most a quarter
// of its connections (at least 2), whose connections plan every statement
// for its values; pool itself if it cannot.
func CustomPool(pool *pgxpool.Pool) *pgxpool.Pool {
	cfg := pool.Config()
	cfg.MaxConns = max(2, cfg.MaxConns/4)
	cfg.MinConns = 0
	params := make(map[string]string, len(cfg.ConnConfig.RuntimeParams)+1)
	for k, v := range cfg.ConnConfig.RuntimeParams {
		params[k] = v
	}
	params["plan_cache_mode"] = "force_custom_plan"
	cfg.ConnConfig.RuntimeParams = params
	// Unnamed prepared statements, planned at each run; pgx still caches
	// their descriptions.
	cfg.ConnConfig.DefaultQueryExecMode = pgx.QueryExecModeCacheDescribe
	custom, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		// NewWithConfig fails only on a configuration that pool was made
		// with already; plan on pool's connections then.
		return pool
	}
	return custom
}

// Close closes the pools the Router owns: the custom-plan pools it opened
// and the standbys' pools it was given; not the primary's pool.
func (r *Router) Close() {
	for _, n := range append([]*node{r.primary}, r.standbys...) {
		if n.custom != n.generic {
			n.custom.Close()
		}
		if n != r.primary {
			n.generic.Close()
		}
	}
}

// SetOptions sets how the Router treats its standbys; zero fields of o
// take DefaultOptions'. Call it before the Router is used.
func (r *Router) SetOptions(o Options) {
	d := DefaultOptions
	o.MaxLag = cmp.Or(o.MaxLag, d.MaxLag)
	o.MaxWait = cmp.Or(o.MaxWait, d.MaxWait)
	o.CheckEvery = cmp.Or(o.CheckEvery, d.CheckEvery)
	r.opts = o
}

// AddStandby makes the Router read from a hot standby of the primary's
// database, at url, through pool (which the Router then owns and closes);
// until WatchStandbys has found it healthy, reads go to the primary. Call
// it before the Router is used.
func (r *Router) AddStandby(url string, pool *pgxpool.Pool) {
	r.standbys = append(r.standbys, &node{name: hostOf(url), url: url, generic: pool, custom: CustomPool(pool), state: StandbyUnknown})
}

// node is a server the store reads from: the primary or a standby.
type node struct {
	name    string // "primary", or a standby's host:port
	generic *pgxpool.Pool
	custom  *pgxpool.Pool // plans every statement for its values (Reads.ForValues)
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

// pool returns the node's pool: the custom-plan pool for reads planned
// for their values.
func (n *node) pool(forValues bool) *pgxpool.Pool {
	if forValues {
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

// StandbyStatus is what the Router knows of one standby.
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

// hostOf returns the host:port of a database URL, or "standby" if it
// cannot be read.
func hostOf(databaseURL string) string {
	if u, err := url.Parse(databaseURL); err == nil && u.Host != "" {
		return u.Host
	}
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return "standby"
	}
	return fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)
}

// Standbys returns the state of each standby, in the order configured.
func (r *Router) Standbys() []StandbyStatus {
	out := make([]StandbyStatus, len(r.standbys))
	for i, n := range r.standbys {
		n.mu.Lock()
		out[i] = StandbyStatus{Name: n.name, State: n.state, Lag: n.lag, LagBytes: n.lagBytes, Reads: n.reads.Load()}
		n.mu.Unlock()
	}
	return out
}

// PrimaryReads counts the statements of the store's reads that went to the
// primary (those of writes not included).
func (r *Router) PrimaryReads() int64 { return r.primary.reads.Load() }

// HasStandbys reports whether the store was given standbys to read from.
func (r *Router) HasStandbys() bool { return len(r.standbys) > 0 }

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
// after waiting up to Options.MaxWait for one to, to the primary.
// With after 0 any standby in rotation will do; with PrimaryOnly, the
// primary. The standby is chosen on the first read and kept; should it
// fail, the reads go on on the primary. Without standbys, ctx is returned
// as it is. Reads in any other context go to the primary.
func (r *Router) ReadFromStandby(ctx context.Context, after LSN) context.Context {
	if len(r.standbys) == 0 {
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

// Reads is the querier of the reads made in one context: it sends each
// statement to its route's server (the primary when there is no route),
// and one that fails on a standby for the standby's sake (it went down,
// or replay cancelled it) again to the primary: with Collect and QueryRow
// even after some of its rows had come, with Query only before the first.
type Reads struct {
	rt        *Router
	r         *route
	forValues bool
}

// Reads returns the querier of the reads made in ctx.
func (r *Router) Reads(ctx context.Context) Reads {
	rt, _ := ctx.Value(routeKey{}).(*route)
	return Reads{rt: r, r: rt}
}

// ForValues returns, when on, the same reads planned by PostgreSQL for
// their argument values each time they run: on the server's custom-plan
// pool (CustomPool), whose connections plan every statement for its
// values, where the others keep generic plans. The store's filtered
// listings need it: their filters' selectivity depends on the values (a
// metric, a range, words), and after five runs of a named prepared
// statement PostgreSQL may settle on a generic plan that fits no value
// well. With figures of one metric in a range of values, the generic plan
// (a BitmapAnd of the trigram and value indexes, then a sort of every
// match) took 190 ms where the custom plan (the article-order index,
// filtered) takes 2 ms.
func (q Reads) ForValues(on bool) Reads {
	q.forValues = on
	return q
}

// node returns the server a statement goes to, choosing the route's on
// its first read; a standby that left the rotation since sends the rest
// to the primary.
func (q Reads) node(ctx context.Context) *node {
	if q.r == nil {
		return q.rt.primary
	}
	q.r.mu.Lock()
	if q.r.n == nil {
		q.r.n, q.r.at = q.rt.choose(ctx, q.r.after)
	}
	n := q.r.n
	q.r.mu.Unlock()
	if n.url != "" && !n.inUse.Load() {
		return q.rt.primary
	}
	return n
}

func (q Reads) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	n := q.node(ctx)
	n.reads.Add(1)
	rows, err := n.pool(q.forValues).Query(ctx, sql, args...)
	if n.url == "" {
		return rows, err
	}
	if err != nil && q.rt.standbyFailed(ctx, n, err) {
		return q.onPrimary(ctx, sql, args)
	}
	return &failoverRows{Rows: rows, ctx: ctx, q: q, n: n, sql: sql, args: args}, err
}

func (q Reads) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return row{ctx: ctx, q: q, sql: sql, args: args}
}

func (q Reads) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	n := q.node(ctx)
	n.reads.Add(1)
	tag, err := n.pool(q.forValues).Exec(ctx, sql, args...)
	if n.url != "" && err != nil && q.rt.standbyFailed(ctx, n, err) {
		q.rt.primary.reads.Add(1)
		return q.rt.primary.pool(q.forValues).Exec(ctx, sql, args...)
	}
	return tag, err
}

// Collect runs a read and hands its rows to read, which reads what it
// needs of them. If the standby fails before the rows are complete (it was
// stopped, its connection dropped, replay cancelled the statement), before
// the first row or after some, the statement runs again on the primary and
// read is called again with the primary's rows: read must start over then,
// keeping nothing of its first call. Query, whose rows go to the caller one
// by one, can send a read to the primary only before its first row; the
// store reads through Collect.
func (q Reads) Collect(ctx context.Context, sql string, args []any, read func(pgx.Rows) error) error {
	n := q.node(ctx)
	n.reads.Add(1)
	rowsErr, err := collect(ctx, n.pool(q.forValues), sql, args, read)
	if n.url == "" || rowsErr == nil || !q.rt.standbyFailed(ctx, n, rowsErr) {
		return err
	}
	q.rt.primary.reads.Add(1)
	_, err = collect(ctx, q.rt.primary.pool(q.forValues), sql, args, read)
	return err
}

// collect runs a statement on pool and hands its rows to read. It returns
// the rows' own error (the statement's or the connection's, never read's)
// apart, and as err the first of read's error and the rows'.
func collect(ctx context.Context, pool *pgxpool.Pool, sql string, args []any, read func(pgx.Rows) error) (rowsErr, err error) {
	rows, err := pool.Query(ctx, sql, args...)
	if err != nil {
		return err, err
	}
	defer rows.Close()
	scanned := &scannedRows{Rows: rows}
	err = read(scanned)
	rows.Close()
	rowsErr = rows.Err()
	if scanned.failed {
		rowsErr = nil // pgx keeps a failed Scan's error as the rows' own
	}
	if err == nil {
		err = rows.Err()
	}
	return rowsErr, err
}

// scannedRows are rows that remember whether the reader failed to scan
// one: pgx then ends the rows with that error, which is the reader's, not
// the server's.
type scannedRows struct {
	pgx.Rows
	failed bool
}

func (r *scannedRows) Scan(dest ...any) error {
	err := r.Rows.Scan(dest...)
	r.failed = r.failed || err != nil
	return err
}

func (r *scannedRows) Values() ([]any, error) {
	v, err := r.Rows.Values()
	r.failed = r.failed || err != nil
	return v, err
}

// onPrimary sends a read to the primary.
func (q Reads) onPrimary(ctx context.Context, sql string, args []any) (pgx.Rows, error) {
	q.rt.primary.reads.Add(1)
	return q.rt.primary.pool(q.forValues).Query(ctx, sql, args...)
}

// failoverRows are a standby's answer to a read: if the standby fails
// before the first row (it was stopped, its connection dropped, replay
// cancelled the statement), the statement runs again on the primary and
// the rows are the primary's.
type failoverRows struct {
	pgx.Rows
	ctx  context.Context
	q    Reads
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
	if err := r.Rows.Err(); err == nil || !r.q.rt.standbyFailed(r.ctx, r.n, err) {
		return false
	}
	r.Rows.Close()
	r.Rows, _ = r.q.onPrimary(r.ctx, r.sql, r.args) // pgxpool returns rows that hold any error
	return r.Rows.Next()
}

// row is the one row of a read, as pgx.Conn.QueryRow returns it, but for
// when the statement runs: at Scan, through Collect, so that a standby
// that fails sends it to the primary.
type row struct {
	ctx  context.Context
	q    Reads
	sql  string
	args []any
}

func (r row) Scan(dest ...any) error {
	return r.q.Collect(r.ctx, r.sql, r.args, func(rows pgx.Rows) error {
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return err
			}
			return pgx.ErrNoRows
		}
		return rows.Scan(dest...)
	})
}

// standbyFailed reports whether err, from a read on standby n, is the
// standby's failure rather than the statement's or the caller's, so the
// read should be sent to the primary: the standby is unreachable (its
// connection was refused or dropped, it is shutting down, starting up or
// out of connections), or replay cancelled the statement (a recovery
// conflict, 40001). An unreachable standby leaves the rotation until the
// next health check finds it well.
func (r *Router) standbyFailed(ctx context.Context, n *node, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "40001" { // canceling statement due to conflict with recovery
		return true
	}
	if !Unreachable(err) {
		return false // the statement's own error or the caller's; the primary would say the same
	}
	n.setState(StandbyDown, 0, 0)
	return true
}

// Unreachable reports whether err means the server could not be reached
// or went away: a connection that could not be made, or that broke while a
// statement was sent or answered; a server shutting down, starting up or
// with no connection to spare. A statement's own errors are none of
// these, nor are those pgx finds in the caller's arguments or rows (an
// argument it cannot encode, a NULL scanned into an int64).
func Unreachable(err error) bool {
	var connect *pgconn.ConnectError
	if errors.As(err, &connect) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		code := pgErr.Code
		return strings.HasPrefix(code, "08") || code == "57P01" || code == "57P02" || code == "57P03" || code == "53300"
	}
	var network net.Error
	return errors.As(err, &network) || pgconn.SafeToRetry(err) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// choose picks the server for reads that must see after: a standby in
// rotation known to have replayed it, the next in turn; else, if one in
// rotation may get there, it asks the furthest where it is now, again
// after 1, 2, 4 ... ms until MaxWait has passed; else the primary. It
// returns the server and the position it had replayed.
func (r *Router) choose(ctx context.Context, after LSN) (*node, LSN) {
	if after == PrimaryOnly {
		return r.primary, 0
	}
	deadline := time.Now().Add(r.opts.MaxWait)
	delay := time.Millisecond
	for {
		start := int(r.turn.Add(1))
		var furthest *node
		for i := range r.standbys {
			n := r.standbys[(start+i)%len(r.standbys)]
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
			return r.primary, 0
		}
		at, err := scanLSN(furthest.generic.QueryRow(ctx, `SELECT coalesce(pg_last_wal_replay_lsn(), '0/0')::text`))
		if err != nil {
			return r.primary, 0
		}
		advance(&furthest.replayed, at)
		if at >= after {
			return furthest, at
		}
		select {
		case <-ctx.Done():
			return r.primary, 0
		case <-time.After(min(delay, time.Until(deadline))):
		}
		delay *= 2
	}
}
