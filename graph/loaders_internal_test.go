package graph

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLazyLevel: a level makes its dataloadgen loader on first use, once,
// however many goroutines get there at once, and copies of the level share
// it: a value primed through one copy is what a Load through another
// returns, without a read; keys not primed are read in one batch.
func TestLazyLevel(t *testing.T) {
	var reads, keysRead atomic.Int64
	read := func(_ context.Context, keys []int) (map[int]string, error) {
		reads.Add(1)
		keysRead.Add(int64(len(keys)))
		out := map[int]string{}
		for _, k := range keys {
			out[k] = "read"
		}
		return out, nil
	}
	lv := levelOf(loaderConfig{wait: 5 * time.Millisecond, metrics: noMetrics{}}, read)
	if lv.loader != nil {
		t.Fatal("the loader was made before its first use")
	}
	copied := lv
	var wg sync.WaitGroup
	got := make([]string, 10)
	copied.Prime(0, "primed")
	for i := range got {
		wg.Go(func() {
			var err error
			if got[i], err = lv.Load(context.Background(), i); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if lv.loader == nil || lv.loader != copied.loader {
		t.Fatalf("copies of a level hold different loaders: %p, %p", lv.loader, copied.loader)
	}
	if got[0] != "primed" {
		t.Errorf("Load of a primed key = %q; want the primed value", got[0])
	}
	for i, v := range got[1:] {
		if v != "read" {
			t.Errorf("Load(%d) = %q; want %q", i+1, v, "read")
		}
	}
	if reads.Load() != 1 || keysRead.Load() != 9 {
		t.Errorf("%d reads of %d keys; want one read of the 9 keys not primed", reads.Load(), keysRead.Load())
	}
}

// TestSafelyRecovers checks that a read ahead that panics fails with an
// error instead of ending the process.
func TestSafelyRecovers(t *testing.T) {
	err := safely(func() error { panic("boom") })
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("safely(panic): %v; want an error that says boom", err)
	}
	if err := safely(func() error { return nil }); err != nil {
		t.Errorf("safely(nil): %v", err)
	}
}
