package db_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/pg"
)

func TestImportByAuditsVersionsAndEvents(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	docs := readSeeds(t)
	var articles, statements, figures int
	for _, doc := range docs {
		if doc.Article != nil {
			articles++
			statements += len(doc.Statements)
			figures += len(doc.Figures)
		}
	}

	if _, err := curate.ImportBy(ctx, d.Store, "alice", docs); err != nil {
		t.Fatal(err)
	}
	got := d.EventCounts(t)
	want := map[string]int{db.EventArticleImported: articles, db.EventStatementAdded: statements, db.EventFigureAdded: figures}
	for kind, n := range want {
		if got[kind] != n {
			t.Errorf("after the first import: %d %s events; want %d", got[kind], kind, n)
		}
	}

	if _, err := curate.ImportBy(ctx, d.Store, "bob", readSeeds(t)); err != nil {
		t.Fatal(err)
	}
	got = d.EventCounts(t)
	want[db.EventArticleImported] = 2 * articles // re-imported; nothing added
	for kind, n := range want {
		if got[kind] != n {
			t.Errorf("after re-importing: %d %s events; want %d", got[kind], kind, n)
		}
	}
	var minVersion, maxVersion int
	var by string
	err := d.Pool.QueryRow(ctx, `SELECT min(version), max(version), min(updated_by) FROM statements`).Scan(&minVersion, &maxVersion, &by)
	if err != nil {
		t.Fatal(err)
	}
	if minVersion != 2 || maxVersion != 2 || by != "bob" {
		t.Errorf("statements after two imports: versions %d..%d, updated by %q; want 2..2 by bob", minVersion, maxVersion, by)
	}
	var audits int
	if err := d.Pool.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = 'import_article' AND actor IN ('alice', 'bob')`).Scan(&audits); err != nil {
		t.Fatal(err)
	}
	if audits != 2*articles {
		t.Errorf("%d audit rows; want one per article and import (%d)", audits, 2*articles)
	}
}

// TestRolledBackImportLeavesNoTrace makes an import fail inside its
// transaction (a lock it needs is held past its lock timeout): no row, no
// audit entry, no event, and no notification may remain.
func TestRolledBackImportLeavesNoTrace(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	listener, err := pgx.Connect(ctx, d.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer listener.Close(ctx)
	if _, err := listener.Exec(ctx, `LISTEN `+db.EventChannel); err != nil {
		t.Fatal(err)
	}

	lock, err := d.Pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec(ctx, `LOCK TABLE evidence IN EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	_, err = curate.ImportBy(ctx, d.Store, "alice", readSeeds(t))
	if err == nil {
		t.Fatal("the import succeeded while its table was locked; want it to fail")
	}
	if err := lock.Rollback(ctx); err != nil {
		t.Fatal(err)
	}

	var rows int
	if err := d.Pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM statements)
		+ (SELECT count(*) FROM change_events) + (SELECT count(*) FROM audit_log)`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 0 {
		t.Errorf("%d rows remain after the failed import; want none", rows)
	}
	waitCtx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	n, err := listener.WaitForNotification(waitCtx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got notification %+v (err %v); want none from a rolled-back import", n, err)
	}
}

// TestPoolConnectionsCarryTheirLimits checks the session settings every
// pooled connection gets.
func TestPoolConnectionsCarryTheirLimits(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	pool, err := pg.NewPool(d.URL, pg.PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for setting, want := range map[string]string{
		"statement_timeout":                   "5s",
		"lock_timeout":                        "2s",
		"idle_in_transaction_session_timeout": "10s",
		"application_name":                    "newsgraph",
		"plan_cache_mode":                     "force_generic_plan",
		"jit":                                 "off",
	} {
		var got string
		if err := pool.QueryRow(ctx, `SELECT current_setting($1)`, setting).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s = %q; want %q", setting, got, want)
		}
	}
	if got := pool.Config().MaxConns; got != pg.DefaultPoolOptions.MaxConns || got < 4 {
		t.Errorf("pool size %d; want the explicit default %d", got, pg.DefaultPoolOptions.MaxConns)
	}
}

// TestEveryTableNotifiesChanges checks that a write to any table announces
// itself on db.ChangeChannel (the response caches rely on it), once a
// transaction, when it commits, and not when it rolls back.
func TestEveryTableNotifiesChanges(t *testing.T) {
	d := dbtest.NewSeeded(t)
	ctx := context.Background()
	rows, err := d.Pool.Query(ctx, `
		SELECT t.tablename FROM pg_tables t
		WHERE t.schemaname = 'public' AND t.tablename <> 'schema_migrations'
		  AND NOT EXISTS (SELECT FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid
		                  WHERE g.tgrelid = format('%I', t.tablename)::regclass AND p.proname = 'notify_change'
		                    AND g.tgtype = 4 | 8 | 16 | 32) -- after each statement that inserts, deletes, updates, truncates
		ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	silent, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if len(silent) > 0 {
		t.Errorf("tables whose writes send no change notice: %v; give them a notify_change trigger", silent)
	}

	listener, err := pgx.Connect(ctx, d.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer listener.Close(ctx)
	if _, err := listener.Exec(ctx, `LISTEN `+db.ChangeChannel); err != nil {
		t.Fatal(err)
	}
	notices := func(wait time.Duration) int {
		n := 0
		for {
			waitCtx, cancel := context.WithTimeout(ctx, wait)
			_, err := listener.WaitForNotification(waitCtx)
			cancel()
			if errors.Is(err, context.DeadlineExceeded) {
				return n
			}
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	write := func(commit bool) {
		tx, err := d.Pool.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback(ctx)
		for _, sql := range []string{
			`UPDATE articles SET title = title || '.'`,
			`UPDATE people SET name = name || '.'`,
			`DELETE FROM statement_topics WHERE statement_id = (SELECT min(statement_id) FROM statement_topics)`,
		} {
			if _, err := tx.Exec(ctx, sql); err != nil {
				t.Fatal(err)
			}
		}
		if n := notices(200 * time.Millisecond); n != 0 {
			t.Errorf("%d notices before the transaction ended; want none", n)
		}
		if commit {
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	write(false)
	if n := notices(500 * time.Millisecond); n != 0 {
		t.Errorf("%d notices after a rollback; want none", n)
	}
	write(true)
	if n := notices(time.Second); n != 1 {
		t.Errorf("%d notices after a commit that wrote three tables; want one", n)
	}
}

// TestImportRecordsTopicEvents imports the seeds (whose topics are new),
// then again with one topic's label changed: the changed subscription must
// hear each topic the first import created, and each topic the second
// rewrote (an import, on purpose, rewrites every topic its documents
// declare, as it does their entities), like the other kinds.
func TestImportRecordsTopicEvents(t *testing.T) {
	d := dbtest.New(t)
	ctx := context.Background()
	docs := readSeeds(t)
	topics := 0
	for _, doc := range docs {
		topics += len(doc.Topics)
	}
	if topics == 0 {
		t.Fatal("the seeds declare no topic; the test needs some")
	}
	if _, err := curate.ImportBy(ctx, d.Store, "alice", docs); err != nil {
		t.Fatal(err)
	}
	got := d.EventCounts(t)
	if got[db.EventKind("topic", db.ActionAdded)] != topics || got[db.EventKind("topic", db.ActionUpdated)] != 0 {
		t.Errorf("after the first import: %d topic_added, %d topic_updated events; want %d, 0",
			got[db.EventKind("topic", db.ActionAdded)], got[db.EventKind("topic", db.ActionUpdated)], topics)
	}
	var added int
	if err := d.Pool.QueryRow(ctx, `SELECT count(DISTINCT e.subject_id) FROM change_events e JOIN topics t ON t.id = e.subject_id
		WHERE e.kind = 'topic_added'`).Scan(&added); err != nil {
		t.Fatal(err)
	}
	if added != topics {
		t.Errorf("topic_added events name %d distinct topics; want %d", added, topics)
	}

	again := readSeeds(t)
	for _, doc := range again {
		if len(doc.Topics) > 0 {
			doc.Topics[0].Label += " (renamed)"
			break
		}
	}
	if _, err := curate.ImportBy(ctx, d.Store, "bob", again); err != nil {
		t.Fatal(err)
	}
	got = d.EventCounts(t)
	if got[db.EventKind("topic", db.ActionAdded)] != topics || got[db.EventKind("topic", db.ActionUpdated)] != topics {
		t.Errorf("after re-importing: %d topic_added, %d topic_updated events; want %d, %d",
			got[db.EventKind("topic", db.ActionAdded)], got[db.EventKind("topic", db.ActionUpdated)], topics, topics)
	}
}
