package db

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// The seam between the store and its writer, package db/curate, which
// imports and edits the curated documents: a transaction on the primary,
// the change events and the read-back of written rows. Nothing else may
// write through it; readers use the Store's read methods.

// InTx runs fn in one transaction on the primary, committing if fn
// returns nil and rolling back otherwise. A committed transaction's WAL
// position is noted for ctx (TrackCommits), so reads that follow on a
// standby see it.
func (s *Store) InTx(ctx context.Context, fn func(pgx.Tx) error) error { return s.inTx(ctx, fn) }

// Ref names a row: its kind (statement, figure, person, ..., topic) and id.
type Ref struct {
	Kind string
	ID   int64
}

// RecordEvents records the change events of action (ActionAdded, ...) on
// the rows refs in the write's transaction tx (nothing for rows without
// events); they are announced when it commits.
func RecordEvents(ctx context.Context, tx pgx.Tx, action string, refs []Ref) error {
	return recordEvents(ctx, tx, action, refs)
}

// IsUniqueViolation reports whether err is PostgreSQL's refusal of a
// duplicate in a unique index (SQLSTATE 23505).
func IsUniqueViolation(err error) bool { return pgErrorCode(err) == "23505" }

// Written* read back, in the write's transaction tx, the row with id that
// it wrote, as the API reads it; ErrNotFound when there is none.

// WrittenArticle reads back the article with id.
func WrittenArticle(ctx context.Context, tx pgx.Tx, id int64) (*Article, error) {
	return written[Article](ctx, tx, articleFrom, articleColumns, id, "a.id")
}

// WrittenTopic reads back the topic with id.
func WrittenTopic(ctx context.Context, tx pgx.Tx, id int64) (*Topic, error) {
	return written[Topic](ctx, tx, topicFrom, topicColumns, id, "t.id")
}

// WrittenPerson reads back the person with id.
func WrittenPerson(ctx context.Context, tx pgx.Tx, id int64) (*Person, error) {
	return written[Person](ctx, tx, personFrom, personColumns, id, "p.id", "n.id")
}

// WrittenOrganization reads back the organization with id.
func WrittenOrganization(ctx context.Context, tx pgx.Tx, id int64) (*Organization, error) {
	return written[Organization](ctx, tx, organizationFrom, organizationColumns, id, "o.id", "n.id")
}

// WrittenPlace reads back the place with id.
func WrittenPlace(ctx context.Context, tx pgx.Tx, id int64) (*Place, error) {
	return written[Place](ctx, tx, placeFrom, placeColumns, id, "pl.id", "n.id")
}

// WrittenEvent reads back the event with id.
func WrittenEvent(ctx context.Context, tx pgx.Tx, id int64) (*Event, error) {
	return written[Event](ctx, tx, eventFrom, eventColumns, id, "ev.id", "n.id")
}

// WrittenProject reads back the project with id.
func WrittenProject(ctx context.Context, tx pgx.Tx, id int64) (*Project, error) {
	return written[Project](ctx, tx, projectFrom, projectColumns, id, "pr.id", "n.id")
}

// WrittenAgreement reads back the agreement with id.
func WrittenAgreement(ctx context.Context, tx pgx.Tx, id int64) (*Agreement, error) {
	return written[Agreement](ctx, tx, agreementFrom, agreementColumns, id, "ag.id", "n.id")
}

// written reads back the row with id that tx wrote.
func written[T any](ctx context.Context, tx pgx.Tx, from, columns string, id int64, idColumns ...string) (*T, error) {
	items, err := byIDs[T](ctx, tx, from, columns, []int64{id}, idColumns...)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("read back %s %d: %w", from, id, ErrNotFound)
	}
	return items[0], nil
}

// AuditRecord is an edit as the audit log records it: who did what to
// which kind of row, and details.
type AuditRecord struct {
	Actor, Action, TargetType string
	Detail                    any
}

// QueueWrittenStatement queues on b the statement that reads back into
// *row the statement with id that the batch's transaction wrote, and
// records a in the audit log as done to it, in one statement.
func QueueWrittenStatement(b *pgx.Batch, id int64, a AuditRecord, row **Statement) {
	queueWritten(b, statementFrom, statementColumns, "s.id", id, a, row)
}

// QueueWrittenFigure is QueueWrittenStatement for a figure.
func QueueWrittenFigure(b *pgx.Batch, id int64, a AuditRecord, row **Figure) {
	queueWritten(b, figureFrom, figureColumns, "f.id", id, a, row)
}

// queueWritten queues on b the statement that reads back into *row the
// row with id (in idColumn) the transaction wrote, and records a in the
// audit log as done to it.
func queueWritten[T any](b *pgx.Batch, from, columns, idColumn string, id int64, a AuditRecord, row **T) {
	b.Queue(`
		WITH logged AS (INSERT INTO audit_log (actor, action, target_type, target_id, detail) VALUES (@actor, @action, @target_type, @id, @detail))
		SELECT `+columns+` FROM `+from+` WHERE `+idColumn+` = @id`,
		pgx.NamedArgs{"id": id, "actor": a.Actor, "action": a.Action, "target_type": a.TargetType, "detail": a.Detail},
	).Query(func(rows pgx.Rows) error {
		items, err := scanRows[T](rows)
		if err != nil {
			return fmt.Errorf("read back %s %d: %w", from, id, err)
		}
		if len(items) == 0 {
			return fmt.Errorf("read back %s %d: %w", from, id, ErrNotFound)
		}
		*row = items[0]
		return nil
	})
}
