package route_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// standbyIs returns a check that the store's one standby is in state.
func standbyIs(store *db.Store, state string) func() error {
	return func() error {
		if got := store.Router().Standbys()[0]; got.State != state {
			return fmt.Errorf("standby %+v; want %s", got, state)
		}
		return nil
	}
}

// number is a row of one bigint column, n.
type number struct {
	N int64 `db:"n"`
}

// topicLabels reads the labels of topics in ctx.
func topicLabels(ctx context.Context, store *db.Store, ids []int64) (map[int64]string, error) {
	topics, err := store.Topics(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	for _, tp := range topics {
		out[tp.ID] = tp.Label
	}
	return out, nil
}

// TestStandbys reads from a real streaming hot standby: reads go there,
// a read with the position of a write sees it, a paused standby leaves
// the rotation and comes back, and a stopped one fails no read.
func TestStandbys(t *testing.T) {
	r := dbtest.NewReplicated(t)
	store := r.Store
	if err := store.UseStandbys([]string{r.StandbyURL}, route.Options{
		MaxLag: 300 * time.Millisecond, CheckEvery: 20 * time.Millisecond, MaxWait: 50 * time.Millisecond,
	}); err != nil {
		t.Fatal(err)
	}
	watch, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); store.Router().WatchStandbys(watch) }()
	t.Cleanup(func() { stop(); <-done })
	ctx := context.Background()

	topics := r.Topics(t, 4)
	ids := make([]int64, len(topics))
	for i, tp := range topics {
		ids[i] = tp.ID
	}
	// reads makes n reads as a query would (by ids, and a listing planned
	// for its values), each in a context of its own.
	text := "cooperation"
	reads := func(n int) error {
		for range n {
			rc := store.Router().ReadFromStandby(ctx, 0)
			if _, err := topicLabels(rc, store, ids); err != nil {
				return err
			}
			if _, err := db.AllStatements.List(rc, store, &db.StatementFilter{Text: &text}, db.Order{}, db.PageArgs{First: 5}); err != nil {
				return err
			}
		}
		return nil
	}

	t.Run("ReadsLandOnTheStandby", func(t *testing.T) {
		dbtest.WaitFor(t, 10*time.Second, "the standby in rotation", standbyIs(store, route.StandbyUp))
		standby, primary := store.Router().Standbys()[0].Reads, store.Router().PrimaryReads()
		if err := reads(20); err != nil {
			t.Fatal(err)
		}
		if got := store.Router().Standbys()[0].Reads - standby; got != 40 {
			t.Errorf("the standby read %d statements; want 40", got)
		}
		if got := store.Router().PrimaryReads() - primary; got != 0 {
			t.Errorf("the primary read %d statements; want 0", got)
		}
		// Outside a context of ReadFromStandby, reads stay on the primary.
		if _, err := topicLabels(ctx, store, ids); err != nil {
			t.Fatal(err)
		}
		if got := store.Router().PrimaryReads() - primary; got != 1 {
			t.Errorf("a read outside ReadFromStandby: the primary read %d statements; want 1", got)
		}
	})

	t.Run("ReadYourWritesUnderLoad", func(t *testing.T) {
		const writers, rounds = 4, 75
		var wg sync.WaitGroup
		var stale, fromStandby, failed atomic.Int64
		loadCtx, stopLoad := context.WithCancel(ctx)
		for range 4 { // readers that keep the standby busy
			wg.Go(func() {
				for loadCtx.Err() == nil {
					if err := reads(1); err != nil && loadCtx.Err() == nil {
						failed.Add(1)
						t.Errorf("load: %v", err)
					}
				}
			})
		}
		var writersDone sync.WaitGroup
		for w := range writers {
			writersDone.Go(func() {
				tp := topics[w]
				version := int(tp.Version)
				for i := range rounds {
					label := fmt.Sprintf("label %d of writer %d", i, w)
					wc := route.TrackCommits(ctx)
					written, err := curate.UpdateTopic(wc, store, "test", tp.ID, version, func(d *document.TopicDoc) error {
						d.Label = label
						return nil
					})
					if err != nil {
						t.Errorf("writer %d round %d: %v", w, i, err)
						return
					}
					version = written.Version
					after := route.CommitPosition(wc)
					if after == 0 {
						t.Errorf("writer %d round %d: no commit position", w, i)
						return
					}
					rc := store.Router().ReadFromStandby(ctx, after)
					got, err := topicLabels(rc, store, []int64{tp.ID})
					if err != nil {
						t.Errorf("writer %d round %d: read: %v", w, i, err)
						return
					}
					if got[tp.ID] != label {
						stale.Add(1)
						t.Errorf("writer %d round %d: read %q after writing %q", w, i, got[tp.ID], label)
					}
					if _, primary := route.ReadPosition(rc); !primary {
						fromStandby.Add(1)
					}
				}
			})
		}
		writersDone.Wait()
		stopLoad()
		wg.Wait()
		t.Logf("%d writes read back, %d of them from the standby; %d stale", writers*rounds, fromStandby.Load(), stale.Load())
		if fromStandby.Load() == 0 {
			t.Errorf("no write was read back from the standby")
		}
	})

	t.Run("PausedStandbyLeavesTheRotationAndComesBack", func(t *testing.T) {
		dbtest.WaitFor(t, 10*time.Second, "the standby in rotation", standbyIs(store, route.StandbyUp))
		r.OnStandby(t, `SELECT pg_wal_replay_pause()`)
		// The primary writes on; the standby replays nothing of it.
		writing, stopWriting := context.WithCancel(ctx)
		writer := make(chan struct{})
		defer func() { stopWriting(); <-writer }()
		go func() {
			defer close(writer)
			tick := time.NewTicker(20 * time.Millisecond)
			defer tick.Stop()
			for writing.Err() == nil {
				if _, err := r.Pool.Exec(ctx, `UPDATE topics SET description = now()::text WHERE id = $1`, ids[0]); err != nil {
					t.Errorf("write: %v", err)
					return
				}
				select {
				case <-writing.Done():
				case <-tick.C:
				}
			}
		}()
		dbtest.WaitFor(t, 10*time.Second, "the paused standby out of rotation", standbyIs(store, route.StandbyLagging))
		dbtest.WaitFor(t, 10*time.Second, "the paused standby 0.5 s behind", func() error {
			if lag := store.Router().Standbys()[0].Lag; lag < 500*time.Millisecond {
				return fmt.Errorf("lag %v", lag)
			}
			return nil
		})
		stopWriting()
		<-writer
		// The lag the store reports keeps growing while the standby is
		// paused: it was 0.5 s at least above, and is no less now.
		if lag := store.Router().Standbys()[0].Lag; lag < 500*time.Millisecond {
			t.Errorf("a standby paused for 0.8 s or more lags %v; want 0.5 s or more", lag)
		}
		standby, primary := store.Router().Standbys()[0].Reads, store.Router().PrimaryReads()
		if err := reads(5); err != nil {
			t.Fatal(err)
		}
		if got := store.Router().Standbys()[0].Reads - standby; got != 0 {
			t.Errorf("while it lags, the standby read %d statements; want 0", got)
		}
		if got := store.Router().PrimaryReads() - primary; got != 10 {
			t.Errorf("while the standby lags, the primary read %d statements; want 10", got)
		}
		r.OnStandby(t, `SELECT pg_wal_replay_resume()`)
		dbtest.WaitFor(t, 10*time.Second, "the resumed standby back in rotation", standbyIs(store, route.StandbyUp))
		standby = store.Router().Standbys()[0].Reads
		if err := reads(5); err != nil {
			t.Fatal(err)
		}
		if got := store.Router().Standbys()[0].Reads - standby; got != 10 {
			t.Errorf("back in rotation, the standby read %d statements; want 10", got)
		}
	})

	// readOnce makes one read, in a context that reads from the standby
	// once it is in rotation, and checks how many statements the standby
	// and the primary read for it.
	readOnce := func(t *testing.T, read func(rc context.Context), onStandby, onPrimary int64) {
		t.Helper()
		dbtest.WaitFor(t, 10*time.Second, "the standby in rotation", standbyIs(store, route.StandbyUp))
		standby, primary := store.Router().Standbys()[0].Reads, store.Router().PrimaryReads()
		read(store.Router().ReadFromStandby(ctx, 0))
		if n := store.Router().Standbys()[0].Reads - standby; n != onStandby {
			t.Errorf("the standby read %d statements; want %d", n, onStandby)
		}
		if n := store.Router().PrimaryReads() - primary; n != onPrimary {
			t.Errorf("the primary read %d statements; want %d", n, onPrimary)
		}
	}

	t.Run("StandbyLostMidReadFailsNoRead", func(t *testing.T) {
		// On the standby only, the statement's backend ends itself at its
		// 1,000th row, after the rows before it were sent (no sort holds
		// them back): the store has read rows when the connection drops,
		// as when a standby stops while a read streams. The read runs
		// again on the primary.
		const rows = 5000
		readOnce(t, func(rc context.Context) {
			got, err := db.FetchAll[number](rc, store, `
				SELECT g AS n FROM generate_series(1, @rows::int) g
				WHERE CASE WHEN g = 1000 AND pg_is_in_recovery() THEN NOT pg_terminate_backend(pg_backend_pid()) ELSE true END`, pgx.NamedArgs{"rows": rows})
			if err != nil {
				t.Fatalf("a read whose standby was lost after 999 rows: %v; want the primary's rows", err)
			}
			if len(got) != rows || got[0].N != 1 || got[rows-1].N != rows {
				t.Errorf("read %d rows; want %d, 1 to %d, the primary's alone", len(got), rows, rows)
			}
		}, 1, 1)
	})

	t.Run("ScanErrorKeepsTheStandby", func(t *testing.T) {
		// A row the reader cannot scan (NULL into an int64) is the
		// read's own error, which the primary would give too: the
		// standby stays in rotation and the read is not sent again.
		readOnce(t, func(rc context.Context) {
			if _, err := db.FetchAll[number](rc, store, `SELECT NULL::bigint AS n`); err == nil {
				t.Fatal("scanning NULL into an int64: no error")
			}
			if err := standbyIs(store, route.StandbyUp)(); err != nil {
				t.Error(err)
			}
		}, 1, 0)
	})

	t.Run("ArgumentErrorKeepsTheStandby", func(t *testing.T) {
		// An argument pgx cannot encode fails the read before anything
		// is sent: the caller's error, which the primary would give too.
		// The standby stays in rotation and the read is not sent again.
		readOnce(t, func(rc context.Context) {
			_, err := db.FetchAll[number](rc, store, `SELECT @n::bigint AS n`, pgx.NamedArgs{"n": struct{}{}})
			if err == nil || !strings.Contains(err.Error(), "encode") {
				t.Fatalf("reading with an argument that cannot be encoded: %v; want an encoding error", err)
			}
			if err := standbyIs(store, route.StandbyUp)(); err != nil {
				t.Error(err)
			}
		}, 1, 0)
	})

	t.Run("StoppedStandbyFailsNoRead", func(t *testing.T) {
		dbtest.WaitFor(t, 10*time.Second, "the standby in rotation", standbyIs(store, route.StandbyUp))
		primary := store.Router().PrimaryReads()
		loadCtx, stopLoad := context.WithCancel(ctx)
		var wg sync.WaitGroup
		var made, failed atomic.Int64
		for range 8 {
			wg.Go(func() {
				for loadCtx.Err() == nil {
					if err := reads(1); err != nil {
						failed.Add(1)
						t.Errorf("read while the standby stops: %v", err)
					}
					made.Add(1)
				}
			})
		}
		// Stop the standby under load: once the readers are running, and
		// until the store has seen it down and more reads were made.
		atLeast := func(n int64) func() error {
			return func() error {
				if got := made.Load(); got < n {
					return fmt.Errorf("%d reads of %d", got, n)
				}
				return nil
			}
		}
		dbtest.WaitFor(t, 10*time.Second, "the readers to run", atLeast(16))
		r.Standby.Stop()
		atStop := made.Load()
		dbtest.WaitFor(t, 30*time.Second, "the stopped standby out of rotation", standbyIs(store, route.StandbyDown))
		dbtest.WaitFor(t, 10*time.Second, "reads while the standby is down", atLeast(atStop+16))
		stopLoad()
		wg.Wait()
		if err := standbyIs(store, route.StandbyDown)(); err != nil {
			t.Error(err)
		}
		if store.Router().PrimaryReads() == primary {
			t.Errorf("no read went to the primary after the standby stopped")
		}
		t.Logf("%d reads of 2 statements while the standby stopped, %d failed", made.Load(), failed.Load())
		r.Standby.Start()
		dbtest.WaitFor(t, 30*time.Second, "the restarted standby back in rotation", standbyIs(store, route.StandbyUp))
	})
}
