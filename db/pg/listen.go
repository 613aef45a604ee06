package pg

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/route"
)

// A Listener is a connection of its own, outside any pool, that receives
// PostgreSQL's notices on one channel (db.EventChannel, db.ChangeChannel). It is
// not safe for concurrent use. Notices sent while no Listener is connected
// are lost: a caller that reconnects must catch up by other means.
type Listener struct {
	conn  *pgx.Conn
	since route.LSN
}

// Listen connects to databaseURL and LISTENs on channel, which must be one
// of db's channel names (it is written into the statement as is).
// The connection's application_name is "newsgraph listen " and the channel.
func Listen(ctx context.Context, databaseURL, channel string) (*Listener, error) {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", channel, err)
	}
	cfg.RuntimeParams["application_name"] = "newsgraph listen " + channel
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", channel, err)
	}
	l := &Listener{conn: conn}
	// The position is read once LISTEN has committed: every change
	// committed past it sends a notice here.
	if _, err = conn.Exec(ctx, `LISTEN `+channel); err == nil {
		l.since, err = l.Position(ctx)
	}
	if err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("listen on %s: %w", channel, err)
	}
	return l, nil
}

// Since returns the primary's WAL position when the listener started: a
// change committed past it sends a notice here; one before it may not
// have.
func (l *Listener) Since() route.LSN { return l.since }

// Wait blocks until a notice arrives on the channel, returning nil, or
// until ctx ends or the connection fails, returning the error (ctx's, as
// errors.Is sees it, when ctx ended).
func (l *Listener) Wait(ctx context.Context) error {
	_, err := l.conn.WaitForNotification(ctx)
	return err
}

// Close closes the connection.
func (l *Listener) Close(ctx context.Context) error {
	return l.conn.Close(ctx)
}

// Position returns the primary's WAL position now, at or past the commit
// of every transaction whose notice has arrived (see route.InsertPosition).
func (l *Listener) Position(ctx context.Context) (route.LSN, error) {
	var p route.LSN
	if err := l.conn.QueryRow(ctx, `SELECT `+route.InsertPosition).Scan(&p); err != nil {
		return 0, fmt.Errorf("read the WAL position: %w", err)
	}
	return p, nil
}
