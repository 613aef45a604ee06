package db

import (
	"context"
	"fmt"
)

// EventChannel is the PostgreSQL NOTIFY channel of change events; the
// payload is the event's id.
const EventChannel = "newsgraph_events"

// ChangeChannel is the PostgreSQL NOTIFY channel on which every transaction
// that changes any table announces, when it commits, that it did (with an
// empty payload; migration 6's triggers send it).
const ChangeChannel = "newsgraph_changes"

// The kinds of change event.
const (
	EventArticleImported = "article_imported"
	EventStatementAdded  = "statement_added"
	EventFigureAdded     = "figure_added"
)

// ChangeEvent is a committed change: an article imported, a statement or
// figure added. SubjectID is the id of that article, statement or figure.
// Ids grow in commit order per writer, and a listener reads them in order.
// Position is a WAL position at or past the event's commit: reads routed
// with it (ReadFromStandby) see the change.
type ChangeEvent struct {
	ID        int64  `db:"id"`
	Kind      string `db:"kind"`
	SubjectID int64  `db:"subject_id"`
	Position  LSN    `db:"position"`
}

// EventsAfterOrIn reads up to limit committed events whose id is above
// after or among ids, in id order.
func (s *Store) EventsAfterOrIn(ctx context.Context, after int64, ids []int64, limit int) ([]*ChangeEvent, error) {
	events, err := fetchAll[ChangeEvent](ctx, s.pool, `SELECT id, kind, subject_id, `+insertPosition+` AS position FROM change_events
		WHERE id > $1 OR id = ANY($2) ORDER BY id LIMIT $3`, after, ids, limit)
	if err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	return events, nil
}

// LastEventID returns the id of the newest committed event, 0 if none.
func (s *Store) LastEventID(ctx context.Context) (int64, error) {
	var id int64
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM change_events`).Scan(&id); err != nil {
		return 0, fmt.Errorf("read last event: %w", err)
	}
	return id, nil
}
