package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
)

// TestSQLCounterReadsTheDatabase checks that, with no server metrics to
// read, the load tool counts the statements run in the server's database
// from PostgreSQL's own statistics, on a connection of its own.
func TestSQLCounterReadsTheDatabase(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	c := newSQLCounter(ctx, "", d.URL)
	if c == nil {
		t.Fatal("no SQL counter for the database")
	}
	defer c.Close()
	before, _, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A session of its own, closed at the end, so that its statistics
	// reach the view now (an idle session's wait up to 10 s).
	conn, err := pg.ConnectURL(ctx, d.URL, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	const n = 20
	for range n {
		if _, err := conn.Exec(ctx, `SELECT 1`); err != nil {
			t.Fatal(err)
		}
	}
	if err := conn.Close(ctx); err != nil {
		t.Fatal(err)
	}
	dbtest.WaitFor(t, 5*time.Second, "the statements counted", func() error {
		after, _, err := c.Read(ctx)
		if err != nil {
			return err
		}
		if after-before < n {
			return fmt.Errorf("%s: counted %v statements; want at least %d", c.Source(), after-before, n)
		}
		return nil
	})
}
