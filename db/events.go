package db

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/route"
)

// EventChannel is the PostgreSQL NOTIFY channel of change events; the
// payload is the event's id.
const EventChannel = "newsgraph_events"

// ChangeChannel is the PostgreSQL NOTIFY channel on which every transaction
// that changes any table announces, when it commits, that it did (with an
// empty payload; migration 6's triggers send it).
const ChangeChannel = "newsgraph_changes"

// The kinds of change event. The others are EventKind's: a statement,
// figure or entity added, updated or deleted.
const (
	EventArticleImported = "article_imported"
	EventArticleDeleted  = "article_deleted"
	EventStatementAdded  = "statement_added"
	EventFigureAdded     = "figure_added"
)

// The actions of change events.
const (
	ActionAdded   = "added"
	ActionUpdated = "updated"
	ActionDeleted = "deleted"
)

// EventKind returns the kind of the change event of an action on a row of
// kind typ (statement, figure, person, organization, place, event,
// project, agreement, topic), or "" when such rows have no events
// (affiliations, credits).
func EventKind(typ, action string) string {
	switch typ {
	case "statement", "figure", KindPerson, KindOrganization, KindPlace, KindEvent, KindProject, KindAgreement, "topic":
		return typ + "_" + action
	}
	return ""
}

// ChangeEvent is a committed change: an article imported or deleted, a
// statement, figure, entity or topic added, updated or deleted (a topic
// through the API only: a document's topics are stored without events). SubjectID is the
// id of that row (which no longer exists after a deletion).
// Ids grow in commit order per writer, and a listener reads them in order.
// Position is a WAL position at or past the event's commit: reads routed
// with it (Router.ReadFromStandby) see the change.
type ChangeEvent struct {
	ID        int64     `db:"id"`
	Kind      string    `db:"kind"`
	SubjectID int64     `db:"subject_id"`
	Position  route.LSN `db:"position"`
}

// EventsAfterOrIn reads up to limit committed events whose id is above
// after or among ids, in id order.
func (s *Store) EventsAfterOrIn(ctx context.Context, after int64, ids []int64, limit int) ([]*ChangeEvent, error) {
	events, err := fetchAll[ChangeEvent](ctx, s.pool, `SELECT id, kind, subject_id, `+route.InsertPosition+` AS position FROM change_events
		WHERE id > @after OR id = ANY(@ids) ORDER BY id LIMIT @limit`, pgx.NamedArgs{"after": after, "ids": ids, "limit": limit})
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
