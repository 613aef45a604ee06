package route

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// sample is the primary's WAL position at a time.
type sample struct {
	at  time.Time
	lsn LSN
}

// WatchStandbys checks the primary and every standby every
// Options.CheckEvery until ctx ends: a standby that answers, is in
// recovery and is at most MaxLag behind is in rotation; one that does not
// answer, or lags, is not, until it does again. It returns at once when
// the Router has no standbys.
func (r *Router) WatchStandbys(ctx context.Context) {
	if len(r.standbys) == 0 {
		return
	}
	o := r.opts
	conns := make([]*pgx.Conn, len(r.standbys))
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
		if p, err := scanLSN(r.primary.generic.QueryRow(checkCtx, `SELECT pg_current_wal_lsn()::text`)); err == nil {
			samples = addSample(samples, sample{time.Now(), p}, max(10*o.MaxLag, time.Minute))
		}
		for i, n := range r.standbys {
			conns[i] = r.checkStandby(checkCtx, n, conns[i], samples)
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
func (r *Router) checkStandby(ctx context.Context, n *node, conn *pgx.Conn, samples []sample) *pgx.Conn {
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
	if lag > r.opts.MaxLag {
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
