package db_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestInTxRunsAgainAfterADeadlock makes a write's transaction and another
// lock two rows in opposite orders, so that PostgreSQL fails the write's
// for a deadlock (it looks for deadlocks sooner than the other), and
// checks that the write runs again and commits: a deadlock between two
// writes is no error to the client that loses it.
func TestInTxRunsAgainAfterADeadlock(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	if _, err := d.Pool.Exec(ctx, `CREATE TABLE intx_rows (id int PRIMARY KEY, n int NOT NULL DEFAULT 0); INSERT INTO intx_rows (id) VALUES (1), (2)`); err != nil {
		t.Fatal(err)
	}
	writeLocked, otherLocked, otherDone := make(chan struct{}), make(chan struct{}), make(chan struct{})
	var otherErr error
	go func() {
		defer close(otherDone)
		<-writeLocked
		otherErr = pgx.BeginFunc(ctx, d.Pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `UPDATE intx_rows SET n = n + 1 WHERE id = 2`); err != nil {
				return err
			}
			close(otherLocked)
			_, err := tx.Exec(ctx, `UPDATE intx_rows SET n = n + 1 WHERE id = 1`)
			return err
		})
	}()
	attempts := 0
	err := d.Store.InTx(ctx, func(tx pgx.Tx) error {
		attempts++
		if attempts > 1 {
			// The other transaction was waiting for row 1, which the
			// failed attempt held: let it commit first, or this attempt
			// may take row 1 before it and deadlock with it again (3
			// attempts, seen on a loaded machine).
			<-otherDone
		}
		if _, err := tx.Exec(ctx, `SET LOCAL deadlock_timeout = '20ms'`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE intx_rows SET n = n + 1 WHERE id = 1`); err != nil {
			return err
		}
		if attempts == 1 {
			close(writeLocked)
			<-otherLocked
		}
		_, err := tx.Exec(ctx, `UPDATE intx_rows SET n = n + 1 WHERE id = 2`)
		return err
	})
	if err != nil {
		t.Fatalf("the write failed after %d attempts: %v; want it run again and committed", attempts, err)
	}
	<-otherDone
	if otherErr != nil {
		t.Fatalf("the other transaction: %v", otherErr)
	}
	var n1, n2 int
	if err := d.Pool.QueryRow(ctx, `SELECT (SELECT n FROM intx_rows WHERE id = 1), (SELECT n FROM intx_rows WHERE id = 2)`).Scan(&n1, &n2); err != nil {
		t.Fatal(err)
	}
	if attempts != 2 || n1 != 2 || n2 != 2 {
		t.Errorf("%d attempts, rows at %d and %d; want 2 attempts (one failed for the deadlock), both rows written twice (once each)", attempts, n1, n2)
	}
}
