package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The seam between the store and its writer, package db/curate, which
// imports and edits the curated documents: a transaction on the primary
// and the read-back of written rows. Nothing else may
// write through it; readers use the Store's read methods.

// InTx runs fn in one transaction on the primary, committing if fn
// returns nil and rolling back otherwise. A committed transaction's WAL
// position is noted for ctx (TrackCommits), so reads that follow on a
// standby see it.
func (s *Store) InTx(ctx context.Context, fn func(pgx.Tx) error) error { return s.inTx(ctx, fn) }

// IsUniqueViolation reports whether err is PostgreSQL's refusal of a
// duplicate in a unique index (SQLSTATE 23505).
func IsUniqueViolation(err error) bool { return pgErrorCode(err) == "23505" }

// Written reads back, in the write's transaction tx, the row with id that
// it wrote, as the listing reads it (AllPeople.Written, ...); ErrNotFound
// when there is none.
func (r Listing[T, F]) Written(ctx context.Context, tx pgx.Tx, id int64) (*T, error) {
	rows, err := tx.Query(ctx, r.writtenSQL(), pgx.NamedArgs{"id": id})
	if err != nil {
		return nil, fmt.Errorf("read back %s %d: %w", r.from, id, err)
	}
	return r.readBack(rows, id)
}

// AuditRecord is an edit as the audit log records it: who did what to
// which kind of row, and details.
type AuditRecord struct {
	Actor, Action, TargetType string
	Detail                    any
}

// QueueWritten queues on b the statement that reads back into *row the
// row with id that the batch's transaction wrote, as the listing reads it,
// and records a in the audit log as done to it, in one statement.
func (r Listing[T, F]) QueueWritten(b *pgx.Batch, id int64, a AuditRecord, row **T) {
	b.Queue(`
		WITH logged AS (INSERT INTO audit_log (actor, action, target_type, target_id, detail) VALUES (@actor, @action, @target_type, @id, @detail))
		`+r.writtenSQL(),
		pgx.NamedArgs{"id": id, "actor": a.Actor, "action": a.Action, "target_type": a.TargetType, "detail": a.Detail},
	).Query(func(rows pgx.Rows) error {
		item, err := r.readBack(rows, id)
		if err == nil {
			*row = item
		}
		return err
	})
}

// writtenSQL selects the listing's row with @id. Each of its id columns
// is tested: a kind of entity names its own id and its entities row's, so
// that PostgreSQL reads only that row of both (see namedEntityBranches).
func (r Listing[T, F]) writtenSQL() string {
	where := make([]string, len(r.ids))
	for i, c := range r.ids {
		where[i] = c + ` = @id`
	}
	return `SELECT ` + r.columns + ` FROM ` + r.from + ` WHERE ` + strings.Join(where, ` AND `)
}

// readBack reads the one row of rows, the row with id written.
func (r Listing[T, F]) readBack(rows pgx.Rows, id int64) (*T, error) {
	items, err := scanRows[T](rows)
	if err != nil {
		return nil, fmt.Errorf("read back %s %d: %w", r.from, id, err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("read back %s %d: %w", r.from, id, ErrNotFound)
	}
	return items[0], nil
}
