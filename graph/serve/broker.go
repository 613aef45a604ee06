package serve

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/newsgraph/newsgraph/graph"
)

// Broker delivers change events to this server's subscriptions. It listens
// for NOTIFY on its own connection and reads the events themselves from the
// change_events table by id, so every replica delivers every event, and
// events announced while it was reconnecting are caught up.
//
// Event ids are taken when a transaction writes the event but become
// visible when it commits, which can be out of order; the broker remembers
// the ids it skipped for a while (gapWindow) and reads them again, so an
// event whose transaction commits late is still delivered.
type Broker struct {
	store  *db.Store
	url    string
	logger *slog.Logger

	ready chan struct{} // closed once the listener has started

	mu      sync.Mutex
	started bool
	last    int64               // highest event id seen
	gaps    map[int64]time.Time // ids below last not seen yet, and since when
	subs    map[*subscription]struct{}
	before  func(route.LSN) // see BeforeDelivery
	// position is at or past the commit of every event dispatched.
	position route.LSN
}

// gapWindow is how long an unseen event id may still turn up: longer than
// any write transaction may last (statement and idle timeouts).
const gapWindow = 2 * time.Minute

// subscription is one subscriber's queue.
type subscription struct {
	kind string
	ch   chan *db.ChangeEvent
}

// startWait is how long a subscription waits for the listener to start.
const startWait = 5 * time.Second

// subscriberBuffer is how many events a subscriber may fall behind before
// it is dropped.
const subscriberBuffer = 256

// NewBroker returns a broker that reads events through store and listens on
// its own connection to databaseURL. Call Run to start it.
func NewBroker(store *db.Store, databaseURL string, logger *slog.Logger) *Broker {
	return &Broker{store: store, url: databaseURL, logger: logger, ready: make(chan struct{}),
		gaps: map[int64]time.Time{}, subs: map[*subscription]struct{}{}}
}

// Subscribe returns the events of one kind (graph.AnyKind: all) committed from now on, until ctx
// ends or the subscriber falls too far behind; then the channel closes.
// A subscription made before the listener has started waits for it, up to
// startWait.
func (b *Broker) Subscribe(ctx context.Context, kind string) (<-chan *db.ChangeEvent, error) {
	select {
	case <-b.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(startWait):
		return nil, db.Errorf(db.CodeUnavailable, "subscriptions are not available yet; retry shortly")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	s := &subscription{kind: kind, ch: make(chan *db.ChangeEvent, subscriberBuffer)}
	b.subs[s] = struct{}{}
	context.AfterFunc(ctx, func() { b.unsubscribe(s) })
	return s.ch, nil
}

func (b *Broker) unsubscribe(s *subscription) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.subs[s]; ok {
		delete(b.subs, s)
		close(s.ch)
	}
}

// BeforeDelivery makes the broker call fn before it delivers events read
// from the database, with a WAL position at or past their commits. The
// handler clears the response cache there, so that a subscriber told of a
// change never reads an answer cached before it, whichever of the two
// notices arrives first.
func (b *Broker) BeforeDelivery(fn func(route.LSN)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.before = fn
}

// Position returns a WAL position at or past the commit of every event
// delivered so far: reads routed with it see them (0 before the first).
func (b *Broker) Position() route.LSN {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.position
}

// Subscribers returns how many subscriptions are open.
func (b *Broker) Subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// Run listens until ctx ends, reconnecting with backoff after failures.
func (b *Broker) Run(ctx context.Context) {
	reconnecting(ctx, b.logger, "event listener", b.listen)
}

// reconnecting runs serve until ctx ends, again after each failure, waiting
// longer each time (half a second, doubling up to ten).
func reconnecting(ctx context.Context, logger *slog.Logger, what string, serve func(context.Context) error) {
	delay := 500 * time.Millisecond
	for ctx.Err() == nil {
		err := serve(ctx)
		if ctx.Err() != nil {
			return
		}
		logger.Warn(what+" stopped; reconnecting", "error", err.Error(), "retry_in", delay.String())
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 10*time.Second)
	}
}

// pollEvery bounds how long a missed notification can delay delivery.
const pollEvery = 2 * time.Second

// listen serves one connection's life: LISTEN, catch up, then read new
// events whenever a notification arrives or pollEvery passes.
func (b *Broker) listen(ctx context.Context) error {
	l, err := pg.Listen(ctx, b.url, db.EventChannel)
	if err != nil {
		return err
	}
	defer l.Close(context.WithoutCancel(ctx))
	b.mu.Lock()
	if !b.started {
		// Start at the newest event: subscribers get what is committed
		// from now on.
		last, err := b.store.LastEventID(ctx)
		if err != nil {
			b.mu.Unlock()
			return err
		}
		b.last, b.started = last, true
		close(b.ready)
	}
	b.mu.Unlock()
	for {
		if err := b.catchUp(ctx); err != nil {
			return err
		}
		wait, cancel := context.WithTimeout(ctx, pollEvery)
		err := l.Wait(wait)
		cancel()
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// catchUp reads the events after the newest seen, and those in gaps, and
// dispatches them in id order.
func (b *Broker) catchUp(ctx context.Context) error {
	for {
		b.mu.Lock()
		last, before := b.last, b.before
		gaps := make([]int64, 0, len(b.gaps))
		for id, since := range b.gaps {
			if time.Since(since) > gapWindow {
				delete(b.gaps, id)
				continue
			}
			gaps = append(gaps, id)
		}
		b.mu.Unlock()
		slices.Sort(gaps)
		events, err := b.store.EventsAfterOrIn(ctx, last, gaps, 500)
		if err != nil {
			return err
		}
		if len(events) > 0 && before != nil {
			var at route.LSN
			for _, e := range events {
				at = max(at, e.Position)
			}
			before(at)
		}
		b.dispatch(events)
		if len(events) < 500 {
			return nil
		}
	}
}

// maxGaps bounds the ids remembered as gaps.
const maxGaps = 10_000

// dispatch hands events to the subscribers of their kind, dropping a
// subscriber whose queue is full.
func (b *Broker) dispatch(events []*db.ChangeEvent) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	for _, e := range events {
		b.position = max(b.position, e.Position)
		if _, late := b.gaps[e.ID]; late {
			delete(b.gaps, e.ID)
		} else if e.ID > b.last {
			for id := b.last + 1; id < e.ID && len(b.gaps) < maxGaps; id++ {
				b.gaps[id] = now
			}
			b.last = e.ID
		} else {
			continue // already delivered
		}
		for s := range b.subs {
			if s.kind != graph.AnyKind && s.kind != e.Kind {
				continue
			}
			select {
			case s.ch <- e:
			default:
				b.logger.Warn("subscriber too slow; dropped", "kind", s.kind)
				delete(b.subs, s)
				close(s.ch)
			}
		}
	}
}
