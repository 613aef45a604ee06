package corpus

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/pg"
)

// querier is what the generator needs of a connection or a transaction.
type querier = db.Querier

// generatorVersion names the generator's output. Change it whenever the
// same options would produce different rows, so that a stored corpus made
// by an older generator is not reused.
const generatorVersion = 2

// Options configures Generate.
type Options struct {
	// Articles is the corpus size; the other counts scale with it (see
	// ScaleFor). It must be positive.
	Articles int
	// Seed makes the corpus: the same seed and size give the same rows.
	Seed uint64
	// Reset replaces whatever the database holds. Without it, Generate
	// refuses a database that holds any article, entity or topic.
	Reset bool
	// Reuse keeps the database as it is when it already holds the corpus
	// these options describe (as recorded by a previous Generate).
	Reuse bool
	// Connections is how many connections load and index in parallel
	// (PostgreSQL computes the full-text columns of one COPY on one core);
	// zero means 2.
	Connections int
	// NoFreeze loads without COPY FREEZE and vacuums afterwards instead;
	// it exists to measure what FREEZE saves.
	NoFreeze bool
	// Progress receives a progress bar and phase timings; nil is quiet.
	Progress io.Writer
}

// Scale is how many rows of each kind a corpus gets.
type Scale struct {
	Articles, People, Organizations, Agreements int
	// Journalists are the people credited for articles; they are part of
	// People and make no statements.
	Journalists int
}

// ScaleFor returns the scale of a corpus of n articles: a person for every
// 5 articles, an organization for every 20 and an agreement for every 50,
// with small floors so that tiny corpora stay varied. Statements (about
// 10 an article), figures (about 3) and evidence follow the articles.
func ScaleFor(n int) Scale {
	return Scale{
		Articles:      n,
		People:        max(60, n/5),
		Organizations: max(30, n/20),
		Agreements:    max(10, n/50),
		Journalists:   max(8, n/400),
	}
}

// Phase is one timed step of a generation.
type Phase struct {
	Name    string
	Elapsed time.Duration
}

// Result says what Generate wrote.
type Result struct {
	// Rows counts the rows written to each table.
	Rows map[string]int64
	// CopyTime is how long the COPY statements of each table took.
	CopyTime map[string]time.Duration
	// Phases are the timed steps, in order.
	Phases []Phase
	// Elapsed is the whole run.
	Elapsed time.Duration
	// Reused is true when an identical corpus was already there and
	// nothing was written.
	Reused bool
}

// TotalRows is the sum of Rows.
func (r Result) TotalRows() int64 {
	var n int64
	for _, v := range r.Rows {
		n += v
	}
	return n
}

// The database's comment records the generated corpus, or the schema set
// aside while a generation is under way.
const (
	markerPrefix     = "newsgraph generate "
	inProgressPrefix = "newsgraph generate in progress; the indexes and constraints set aside: "
)

// corpusMarker describes the corpus that o generates.
func corpusMarker(o Options) string {
	return fmt.Sprintf("%sv%d articles=%d seed=%d", markerPrefix, generatorVersion, o.Articles, o.Seed)
}

// databaseComment returns the comment on the current database, or "".
func databaseComment(ctx context.Context, q querier) (string, error) {
	var c *string
	err := q.QueryRow(ctx, `SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()`).Scan(&c)
	if err != nil {
		return "", fmt.Errorf("read the database's comment: %w", err)
	}
	if c == nil {
		return "", nil
	}
	return *c, nil
}

func setDatabaseComment(ctx context.Context, q querier, comment string) error {
	var name string
	if err := q.QueryRow(ctx, `SELECT current_database()`).Scan(&name); err != nil {
		return fmt.Errorf("set the database's comment: %w", err)
	}
	value := "NULL"
	if comment != "" {
		value = quoteLiteral(comment)
	}
	if _, err := q.Exec(ctx, `COMMENT ON DATABASE `+pgx.Identifier{name}.Sanitize()+` IS `+value); err != nil {
		return fmt.Errorf("set the database's comment: %w", err)
	}
	return nil
}

// Marker returns the description of the generated corpus the
// database holds ("newsgraph generate v1 articles=100000 seed=1"), or ""
// when it holds none.
func Marker(ctx context.Context, pool *pgxpool.Pool) (string, error) {
	c, err := databaseComment(ctx, pool)
	if err != nil || !strings.HasPrefix(c, markerPrefix) || strings.HasPrefix(c, inProgressPrefix) {
		return "", err
	}
	return c, nil
}

// Generate fills pool's database with a synthetic corpus. The database
// must be migrated.
//
// It works in phases, each on Connections connections at once: it empties
// the tables and sets aside their indexes, keys, foreign keys and the
// evidence trigger (recording their definitions in the database's
// comment); loads every table with COPY FREEZE (so the rows need no
// vacuum), generating the next batch of articles while the last one is
// copied; rebuilds the indexes and constraints (PostgreSQL validates every
// foreign key as it adds it back); checks every evidence span against its
// paragraph the way the trigger would; advances the identity sequences past
// the generated ids; vacuums the tables until every page is marked
// all-visible (see vacuumAllVisible), then analyzes them.
//
// On an error (or cancellation) after the schema was set aside, Generate
// empties the tables and restores the schema before it returns. Should
// that fail too, the definitions stay in the database's comment and the
// next Generate restores them.
func Generate(ctx context.Context, pool *pgxpool.Pool, o Options) (Result, error) {
	start := time.Now()
	res := Result{Rows: map[string]int64{}, CopyTime: map[string]time.Duration{}}
	if o.Articles <= 0 {
		return res, db.Errorf(db.CodeInvalid, "articles: must be positive, got %d", o.Articles)
	}
	o.Connections = cmp.Or(o.Connections, 2)
	pr := newProgress(o.Progress)
	comment, err := databaseComment(ctx, pool)
	if err != nil {
		return res, err
	}
	var saved *setAsideSchema
	if def, ok := strings.CutPrefix(comment, inProgressPrefix); ok {
		saved = &setAsideSchema{}
		if err := json.Unmarshal([]byte(def), saved); err != nil {
			return res, fmt.Errorf("an earlier generate was interrupted, and its record of the schema is unreadable: %w", err)
		}
		pr.printf("an earlier generate was interrupted; restoring the indexes and constraints it set aside\n")
	}
	if o.Reuse && saved == nil && comment == corpusMarker(o) {
		var n int
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
			return res, fmt.Errorf("count articles: %w", err)
		}
		if n == o.Articles {
			res.Reused = true
			pr.printf("reusing the corpus the database holds (%s)\n", comment)
			return res, nil
		}
	}
	if !o.Reset && saved == nil {
		var used bool
		err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM entities) OR EXISTS (SELECT 1 FROM topics)`).Scan(&used)
		if err != nil {
			return res, fmt.Errorf("check the database is empty: %w", err)
		}
		if used {
			return res, db.Errorf(db.CodeConflict, "the database already holds data; generate into an empty database, or replace its data with -reset")
		}
	}

	// Connections of our own: no statement timeout, memory for index builds.
	params := map[string]string{
		"application_name": "newsgraph generate", "statement_timeout": "0", "lock_timeout": "60s",
		"idle_in_transaction_session_timeout": "0", "maintenance_work_mem": "1GB", "work_mem": "256MB",
		"synchronous_commit": "off",
	}
	if o.Connections > 1 {
		// The connections already keep the cores busy; parallel index
		// builds would only crowd them.
		params["max_parallel_maintenance_workers"] = "0"
	}
	connect := func(ctx context.Context) (*pgx.Conn, error) { return pg.Connect(ctx, pool, params) }
	conns := make([]*pgx.Conn, o.Connections)
	defer func() {
		for _, c := range conns {
			if c != nil {
				c.Close(context.Background())
			}
		}
	}()
	for i := range conns {
		if conns[i], err = connect(ctx); err != nil {
			return res, fmt.Errorf("generate: %w", err)
		}
	}

	phase := func(name string, t0 time.Time) {
		d := time.Since(t0)
		res.Phases = append(res.Phases, Phase{Name: name, Elapsed: d})
		pr.phaseDone(name, d)
	}
	t0 := time.Now()
	schema, err := setAside(ctx, conns[0], saved)
	if err != nil {
		return res, fmt.Errorf("generate: %w", err)
	}
	phase("prepare: empty the tables, set the indexes and constraints aside", t0)

	err = func() error {
		g := newGenerator(o)
		t0 := time.Now()
		if err := g.load(ctx, conns, pr, &res, !o.NoFreeze); err != nil {
			return err
		}
		pr.finishBar()
		phase(fmt.Sprintf("copy %s rows", thousands(res.TotalRows())), t0)

		// The search documents, which the search_document_changed triggers
		// would write row by row, written at once before their indexes are
		// rebuilt.
		t0 = time.Now()
		if _, err := conns[0].Exec(ctx, `SELECT refresh_search_documents()`); err != nil {
			return fmt.Errorf("write the search documents: %w", err)
		}
		phase("write the search documents", t0)

		// The metrics figures have (figure_metrics), which the
		// figure_metrics_insert trigger would add copy by copy.
		t0 = time.Now()
		if _, err := conns[0].Exec(ctx, `INSERT INTO figure_metrics (metric) SELECT DISTINCT metric FROM figures`); err != nil {
			return fmt.Errorf("list the figures' metrics: %w", err)
		}
		phase("list the figures' metrics", t0)

		t0 = time.Now()
		if err := schema.restore(ctx, conns, pr); err != nil {
			return err
		}
		phase(fmt.Sprintf("rebuild %d indexes and %d constraints", schema.indexCount(), schema.constraintCount()), t0)

		// The words of the names (name_words), which the *_name_words
		// triggers would add name by name; after the rebuild, so that each
		// word's check for one there already reads name_words' index.
		t0 = time.Now()
		if _, err := conns[0].Exec(ctx, `SELECT refresh_name_words()`); err != nil {
			return fmt.Errorf("list the names' words: %w", err)
		}
		phase("list the names' words", t0)

		t0 = time.Now()
		err := pgx.BeginFunc(ctx, conns[0], func(tx pgx.Tx) error {
			// Committed synchronously, as everything after it: see
			// vacuumAllVisible.
			if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = on`); err != nil {
				return err
			}
			if err := checkEvidence(ctx, tx); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `SELECT refresh_statement_counts(ARRAY(SELECT id FROM entities))`); err != nil {
				return fmt.Errorf("count the entities' statements: %w", err)
			}
			// The statements' organizations, those each counts for with
			// the organizations above, and each organization's count.
			if _, err := tx.Exec(ctx, `SELECT refresh_statement_organizations(NULL)`); err != nil {
				return fmt.Errorf("list the statements' organizations: %w", err)
			}
			if _, err := tx.Exec(ctx, `SELECT refresh_agreements_published(NULL)`); err != nil {
				return fmt.Errorf("date the agreements: %w", err)
			}
			if err := setTriggers(ctx, tx, "ENABLE"); err != nil {
				return err
			}
			if err := advanceIdentities(ctx, tx); err != nil {
				return err
			}
			return setDatabaseComment(ctx, tx, corpusMarker(o))
		})
		if err != nil {
			return err
		}
		phase("check the evidence spans, count the statements, enable the triggers, advance identities", t0)
		return nil
	}()
	if err != nil {
		pr.finishBar()
		return res, fmt.Errorf("generate: %w%s", err, recoverSchema(connect, schema, pr))
	}

	// The copied rows are frozen and visible to all, but the rows written
	// after the copy by SQL (the search documents, the statements'
	// organizations, the entities' counts and the agreements' dates) are
	// not: without a vacuum an index-only scan of them visits the table
	// for every row, and a fresh corpus measured slower than one
	// autovacuum has reached (search: 21 ms of PostgreSQL CPU a request
	// against 6). A vacuum skips the pages the copy left all-visible.
	// Every table is vacuumed before any is analyzed; see vacuumAllVisible.
	t0 = time.Now()
	vacuum := "VACUUM"
	if o.NoFreeze {
		vacuum = "VACUUM (FREEZE)"
	}
	if err = vacuumAllVisible(ctx, conns, schema.Tables, vacuum, pr); err == nil {
		phase(strings.ToLower(vacuum), t0)
		t0 = time.Now()
		err = parallel(ctx, conns, schema.Tables, func(ctx context.Context, c *pgx.Conn, table string) error {
			_, err := c.Exec(ctx, `ANALYZE `+pgx.Identifier{table}.Sanitize())
			return err
		})
		phase("analyze", t0)
	}
	if err != nil {
		return res, fmt.Errorf("generate: %w", err)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// vacuumAttempts bounds how often vacuumAllVisible vacuums a table whose
// pages it did not all mark; the waits between attempts double from
// vacuumRetryWait (about 16 s in all).
const (
	vacuumAttempts  = 6
	vacuumRetryWait = 500 * time.Millisecond
)

// vacuumAllVisible runs vacuum (VACUUM or VACUUM (FREEZE)) on every table,
// on all connections at once, until every page of every table is marked
// all-visible (pg_class.relallvisible = relpages).
//
// PostgreSQL 15's vacuum marks a page only if every row on it is hinted
// committed and was inserted by a transaction older than every snapshot
// open in this database (ComputeXidHorizons; vacuums aside). It may not
// set the hint while the commit's WAL is unflushed, and it judges that by
// the newest asynchronous commit among the 32 transaction ids around it
// (the clog's LSN group). So the transaction that wrote the rows commits
// synchronously, and so does everything after it on the connections
// (synchronous_commit is set back on here): a transaction id committed
// asynchronously right after it (an ANALYZE's, which writes pg_statistic)
// left the pages of the tables vacuumed next unmarked until the WAL
// writer caught up (statement_organizations in the test corpus, even on a
// quiet server). And nothing is analyzed until every table is vacuumed:
// an ANALYZE also holds a snapshot, whose horizon on a busy server is the
// oldest transaction running in any database.
//
// What the generator cannot control (another session of this database
// holding a snapshot, as an autovacuum ANALYZE does; other sessions'
// asynchronous commits, flushed within three wal_writer_delay) it waits
// out: it vacuums the tables left unmarked again, at most vacuumAttempts
// times, then returns an error naming them and the sessions of this
// database that hold the oldest snapshots.
func vacuumAllVisible(ctx context.Context, conns []*pgx.Conn, tables []string, vacuum string, pr *progress) error {
	for _, c := range conns {
		if _, err := c.Exec(ctx, `SET synchronous_commit = on`); err != nil {
			return fmt.Errorf("commit synchronously: %w", err)
		}
	}
	wait := vacuumRetryWait
	for attempt := 1; ; attempt++ {
		err := parallel(ctx, conns, tables, func(ctx context.Context, c *pgx.Conn, table string) error {
			_, err := c.Exec(ctx, vacuum+" "+pgx.Identifier{table}.Sanitize())
			return err
		})
		if err != nil {
			return err
		}
		rows, err := conns[0].Query(ctx, `SELECT relname::text, relallvisible, relpages FROM pg_class
			WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
			AND relname = ANY($1) AND relallvisible < relpages ORDER BY relname`, tables)
		if err != nil {
			return fmt.Errorf("count the all-visible pages: %w", err)
		}
		type rel struct {
			Name           string
			Visible, Pages int
		}
		rels, err := pgx.CollectRows(rows, pgx.RowToStructByPos[rel])
		if err != nil {
			return fmt.Errorf("count the all-visible pages: %w", err)
		}
		tables = tables[:0:0]
		var unmarked []string
		for _, r := range rels {
			tables = append(tables, r.Name)
			unmarked = append(unmarked, fmt.Sprintf("%s (%d of %d pages)", r.Name, r.Visible, r.Pages))
		}
		if len(unmarked) == 0 {
			return nil
		}
		if attempt == vacuumAttempts {
			holders, err := snapshotHolders(ctx, conns[0])
			if err != nil {
				return err
			}
			return fmt.Errorf("%s left pages not all-visible after %d attempts: %s; sessions of this database holding the oldest snapshots: %s; end them and vacuum these tables, or generate again",
				vacuum, attempt, strings.Join(unmarked, ", "), holders)
		}
		pr.printf("%s left pages not all-visible (%s); vacuuming them again in %v\n", vacuum, strings.Join(unmarked, ", "), wait)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// snapshotHolders describes the other sessions of c's database that hold
// a snapshot, oldest first, for an error message.
func snapshotHolders(ctx context.Context, c *pgx.Conn) (string, error) {
	rows, err := c.Query(ctx, `SELECT format('pid %s (%s, %s since %s)', pid, coalesce(nullif(application_name, ''), backend_type), state, xact_start)
		FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL
		ORDER BY age(backend_xmin) DESC LIMIT 3`)
	if err != nil {
		return "", fmt.Errorf("list the sessions holding snapshots: %w", err)
	}
	holders, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", fmt.Errorf("list the sessions holding snapshots: %w", err)
	}
	if len(holders) == 0 {
		return "none now", nil
	}
	return strings.Join(holders, ", "), nil
}

// parallel runs do for each item, on all connections at once, items in
// order; it stops at the first error.
func parallel[T any](ctx context.Context, conns []*pgx.Conn, items []T, do func(context.Context, *pgx.Conn, T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan T)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for _, c := range conns {
		wg.Go(func() {
			for it := range work {
				if err := do(ctx, c, it); err != nil {
					once.Do(func() { first = err; cancel() })
				}
			}
		})
	}
	for _, it := range items {
		select {
		case work <- it:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(work)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// recoverSchema empties the tables and restores the schema after a failed
// generation, on a fresh connection (the failure may have broken the
// others), and says how that went, for the error message.
func recoverSchema(connect func(context.Context) (*pgx.Conn, error), schema *setAsideSchema, pr *progress) string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	pr.printf("restoring the schema after the failure...\n")
	err := func() error {
		c, err := connect(ctx)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		if err := truncate(ctx, c, schema.Tables); err != nil {
			return err
		}
		if err := schema.restore(ctx, []*pgx.Conn{c}, nil); err != nil {
			return err
		}
		if err := setTriggers(ctx, c, "ENABLE"); err != nil {
			return err
		}
		return setDatabaseComment(ctx, c, "")
	}()
	if err != nil {
		return fmt.Sprintf(" (and restoring the schema failed: %v; run generate -reset to restore it)", err)
	}
	return " (the tables were left empty, with their indexes and constraints)"
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// setAsideSchema holds the definitions of the indexes and constraints
// Generate drops before loading, to add them back afterwards.
type setAsideSchema struct {
	Tables  []string `json:"tables"`  // every table of the public schema but the migrations' own
	Keys    []ddl    `json:"keys"`    // primary keys and unique constraints
	Indexes []ddl    `json:"indexes"` // other indexes
	FKeys   []ddl    `json:"fkeys"`   // foreign keys, added last (PostgreSQL validates them)
}

// ddl is one index or constraint: its table, name and definition. A key
// (primary or unique) also has the definition of its index (Index) and
// how it is attached to it ("PRIMARY KEY", "UNIQUE DEFERRABLE ...").
type ddl struct {
	Table  string `json:"t"`
	Name   string `json:"n"`
	Def    string `json:"d"`
	Index  string `json:"i,omitempty"`
	Attach string `json:"a,omitempty"`
}

func (s *setAsideSchema) indexCount() int      { return len(s.Keys) + len(s.Indexes) }
func (s *setAsideSchema) constraintCount() int { return len(s.Keys) + len(s.FKeys) }

func truncate(ctx context.Context, q querier, tables []string) error {
	ids := make([]string, len(tables))
	for i, t := range tables {
		ids[i] = pgx.Identifier{t}.Sanitize()
	}
	if _, err := q.Exec(ctx, `TRUNCATE `+strings.Join(ids, ", ")+` RESTART IDENTITY`); err != nil {
		return fmt.Errorf("empty the tables: %w", err)
	}
	return nil
}

// setAside empties every table of the public schema (but the migrations'
// own), and drops their foreign keys, primary keys, unique constraints and
// indexes, remembering their definitions (in the database's comment too,
// should the generation be interrupted); CHECK and NOT NULL constraints
// stay and check every row as it is copied. It also disables the evidence
// trigger, whose per-row lookups checkEvidence replaces with one join.
// saved, when not nil, is what an interrupted generation set aside.
func setAside(ctx context.Context, conn *pgx.Conn, saved *setAsideSchema) (*setAsideSchema, error) {
	var s *setAsideSchema
	err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`)
		if err != nil {
			return fmt.Errorf("list tables: %w", err)
		}
		tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return fmt.Errorf("list tables: %w", err)
		}
		if err := truncate(ctx, tx, tables); err != nil {
			return err
		}
		if saved != nil {
			s = saved
		} else if s, err = readSchema(ctx, tx); err != nil {
			return err
		}
		s.Tables = tables
		for _, d := range s.FKeys {
			if _, err := tx.Exec(ctx, `ALTER TABLE `+d.Table+` DROP CONSTRAINT IF EXISTS `+pgx.Identifier{d.Name}.Sanitize()); err != nil {
				return fmt.Errorf("drop %s: %w", d.Name, err)
			}
		}
		for _, d := range s.Keys {
			if _, err := tx.Exec(ctx, `ALTER TABLE `+d.Table+` DROP CONSTRAINT IF EXISTS `+pgx.Identifier{d.Name}.Sanitize()); err != nil {
				return fmt.Errorf("drop %s: %w", d.Name, err)
			}
		}
		for _, d := range s.Indexes {
			if _, err := tx.Exec(ctx, `DROP INDEX IF EXISTS `+d.Name); err != nil {
				return fmt.Errorf("drop %s: %w", d.Name, err)
			}
		}
		if err := setTriggers(ctx, tx, "DISABLE"); err != nil {
			return err
		}
		record, err := json.Marshal(s)
		if err != nil {
			return err
		}
		return setDatabaseComment(ctx, tx, inProgressPrefix+string(record))
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// loadTriggers are the triggers the load sets aside: they check or derive
// row by row what the generator writes right (the evidence spans, checked
// afterwards by checkEvidence; the statements' and figures' sort columns;
// the search documents, written afterwards by refresh_search_documents;
// the figures' metrics and the names' words, listed afterwards),
// or would read rows that other connections are still copying (the
// statement counts, counted afterwards for all entities at once; the
// statements' organizations and the agreements' publication dates, found
// afterwards for all of them; the organizations' statements with their
// subtrees' and affiliations', counted afterwards for all of them).
var loadTriggers = []struct{ table, name string }{
	{"evidence", "evidence_matches_paragraph"},
	{"statements", "statement_sort_columns"},
	{"statements", "statements_counted_insert"},
	{"figures", "figure_sort_columns"},
	{"people", "speaker_name_changed"},
	{"organizations", "speaker_name_changed"},
	{"articles", "search_document_changed"},
	{"statements", "search_document_changed"},
	{"figures", "search_document_changed"},
	{"agreements", "search_document_changed"},
	{"events", "search_document_changed"},
	{"projects", "search_document_changed"},
	{"topics", "search_document_changed"},
	{"statements", "statements_organizations_insert"},
	{"statement_affiliations", "statement_affiliations_organizations_insert"},
	{"evidence", "evidence_agreements_published_insert"},
	{"figures", "figure_metrics_insert"},
	{"people", "people_name_words"},
	{"organizations", "organizations_name_words"},
	{"places", "places_name_words"},
}

// setTriggers enables or disables (action) the loadTriggers.
func setTriggers(ctx context.Context, q querier, action string) error {
	for _, t := range loadTriggers {
		if _, err := q.Exec(ctx, `ALTER TABLE `+t.table+` `+action+` TRIGGER `+t.name); err != nil {
			return fmt.Errorf("%s trigger %s: %w", strings.ToLower(action), t.name, err)
		}
	}
	return nil
}

// readSchema reads the definitions of the indexes, keys and foreign keys of
// the public schema.
func readSchema(ctx context.Context, q querier) (*setAsideSchema, error) {
	s := &setAsideSchema{}
	rows, err := q.Query(ctx, `
		SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype::text,
		       coalesce(pg_get_indexdef(c.conindid), ''), c.condeferrable, c.condeferred
		FROM pg_constraint c
		WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f')
		  AND c.conrelid::regclass::text <> 'schema_migrations'
		ORDER BY c.conrelid::regclass::text, c.conname`)
	if err != nil {
		return nil, fmt.Errorf("read constraints: %w", err)
	}
	var table, name, def, typ, index string
	var deferrable, deferred bool
	_, err = pgx.ForEachRow(rows, []any{&table, &name, &def, &typ, &index, &deferrable, &deferred}, func() error {
		d := ddl{Table: table, Name: name, Def: def}
		switch typ {
		case "f":
			s.FKeys = append(s.FKeys, d)
			return nil
		case "p":
			d.Attach = "PRIMARY KEY"
		default:
			d.Attach = "UNIQUE"
		}
		if deferrable {
			d.Attach += " DEFERRABLE"
		}
		if deferred {
			d.Attach += " INITIALLY DEFERRED"
		}
		d.Index = index
		s.Keys = append(s.Keys, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read constraints: %w", err)
	}
	rows, err = q.Query(ctx, `
		SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
		WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'schema_migrations'
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
		ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("read indexes: %w", err)
	}
	_, err = pgx.ForEachRow(rows, []any{&table, &name, &def}, func() error {
		s.Indexes = append(s.Indexes, ddl{Table: table, Name: name, Def: def})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read indexes: %w", err)
	}
	return s, nil
}

// restore adds back what setAside dropped and is not there, in stages
// whose steps share the connections: it builds every index (those of the
// keys too; CREATE INDEX takes a lock that lets other indexes of the table
// be built at the same time), attaches the keys to their indexes, adds the
// foreign keys as NOT VALID and then validates them (a validation locks
// only its own table against another validation). It leaves exactly the
// schema that setAside found.
func (s *setAsideSchema) restore(ctx context.Context, conns []*pgx.Conn, pr *progress) error {
	sizes := map[string]int64{}
	rows, err := conns[0].Query(ctx, `SELECT relname::text, pg_total_relation_size(oid) FROM pg_class
		WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`)
	if err != nil {
		return fmt.Errorf("read table sizes: %w", err)
	}
	var name string
	var size int64
	if _, err := pgx.ForEachRow(rows, []any{&name, &size}, func() error { sizes[name] = size; return nil }); err != nil {
		return fmt.Errorf("read table sizes: %w", err)
	}
	type step struct {
		table, name string
		sql         string
		skip        string // a query on name and table: true when the step is done already
		weight      int64
	}
	const (
		indexExists      = `SELECT to_regclass('public.' || $1) IS NOT NULL AND $2 <> ''`
		constraintExists = `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = $1 AND conrelid = $2::regclass)`
		validated        = `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = $1 AND conrelid = $2::regclass AND convalidated)`
	)
	weight := func(table, def string) int64 {
		w := sizes[strings.Trim(table, `"`)]
		if strings.Contains(def, "USING gin") {
			w *= 4 // GIN builds are the slowest
		}
		return w
	}
	ident := func(n string) string { return pgx.Identifier{n}.Sanitize() }
	var build, attach, add, validate []step
	for _, d := range s.Keys {
		build = append(build, step{d.Table, d.Name, d.Index, indexExists, weight(d.Table, d.Index)})
		attach = append(attach, step{d.Table, d.Name, `ALTER TABLE ` + d.Table + ` ADD CONSTRAINT ` + ident(d.Name) + ` ` +
			strings.Replace(d.Attach, " DEFERRABLE", " USING INDEX "+ident(d.Name)+" DEFERRABLE", 1), constraintExists, 0})
		if !strings.Contains(d.Attach, " DEFERRABLE") {
			attach[len(attach)-1].sql += ` USING INDEX ` + ident(d.Name)
		}
	}
	for _, d := range s.Indexes {
		build = append(build, step{d.Table, d.Name, d.Def, indexExists, weight(d.Table, d.Def)})
	}
	for _, d := range s.FKeys {
		add = append(add, step{d.Table, d.Name, `ALTER TABLE ` + d.Table + ` ADD CONSTRAINT ` + ident(d.Name) + ` ` + d.Def + ` NOT VALID`, constraintExists, 0})
		validate = append(validate, step{d.Table, d.Name, `ALTER TABLE ` + d.Table + ` VALIDATE CONSTRAINT ` + ident(d.Name), validated, sizes[strings.Trim(d.Table, `"`)]})
	}
	// The heaviest steps first, tables taking turns so that two
	// validations seldom wait for the same table.
	interleave := func(steps []step) []step {
		slices.SortStableFunc(steps, func(a, b step) int { return cmp.Compare(b.weight, a.weight) })
		seen := map[string]int{}
		rank := make([]int, len(steps))
		for i, st := range steps {
			rank[i] = seen[st.table]
			seen[st.table]++
		}
		idx := make([]int, len(steps))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(rank[a], rank[b]) })
		out := make([]step, len(steps))
		for i, j := range idx {
			out[i] = steps[j]
		}
		return out
	}
	total := len(build) + len(attach) + len(add) + len(validate)
	var done atomic.Int64
	do := func(ctx context.Context, c *pgx.Conn, st step) error {
		var skip bool
		if err := c.QueryRow(ctx, st.skip, st.name, st.table).Scan(&skip); err != nil {
			return fmt.Errorf("look up %s: %w", st.name, err)
		}
		t0 := time.Now()
		if !skip {
			if _, err := c.Exec(ctx, st.sql); err != nil {
				return fmt.Errorf("%s: %w", st.name, err)
			}
		}
		if pr != nil {
			pr.step(int(done.Add(1)), total, st.name, time.Since(t0))
		}
		return nil
	}
	for _, stage := range []struct {
		steps    []step
		parallel bool
	}{{interleave(build), true}, {attach, false}, {add, false}, {interleave(validate), true}} {
		cs := conns
		if !stage.parallel {
			cs = conns[:1]
		}
		if err := parallel(ctx, cs, stage.steps, do); err != nil {
			return err
		}
	}
	if pr != nil {
		pr.endSteps()
	}
	return nil
}

// checkEvidence checks every evidence span against its paragraph, as the
// evidence_matches_paragraph trigger does row by row.
func checkEvidence(ctx context.Context, q querier) error {
	var bad int64
	var example *int64
	err := q.QueryRow(ctx, `
		SELECT count(*), min(e.id) FROM evidence e JOIN paragraphs p ON p.id = e.paragraph_id
		WHERE substr(p.text, e.start_offset + 1, e.end_offset - e.start_offset) IS DISTINCT FROM e.text
		   OR e.end_offset > char_length(p.text)`).Scan(&bad, &example)
	if err != nil {
		return fmt.Errorf("check evidence spans: %w", err)
	}
	if bad > 0 {
		return fmt.Errorf("check evidence spans: %d spans do not match their paragraphs (evidence %d is one)", bad, *example)
	}
	return nil
}

// advanceIdentities moves every identity sequence past the largest id its
// column holds, so that later inserts (an import of curated documents) get
// fresh ids.
func advanceIdentities(ctx context.Context, q querier) error {
	rows, err := q.Query(ctx, `SELECT table_name::text, column_name::text FROM information_schema.columns
		WHERE table_schema = 'public' AND is_identity = 'YES' ORDER BY table_name`)
	if err != nil {
		return fmt.Errorf("list identity columns: %w", err)
	}
	var table, column string
	var cols [][2]string
	_, err = pgx.ForEachRow(rows, []any{&table, &column}, func() error {
		cols = append(cols, [2]string{table, column})
		return nil
	})
	if err != nil {
		return fmt.Errorf("list identity columns: %w", err)
	}
	for _, c := range cols {
		t, col := pgx.Identifier{c[0]}.Sanitize(), pgx.Identifier{c[1]}.Sanitize()
		_, err := q.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(`+col+`) FROM `+t+`), 0) + 1, false)`,
			"public."+t, c[1])
		if err != nil {
			return fmt.Errorf("advance the identity of %s.%s: %w", c[0], c[1], err)
		}
	}
	return nil
}

// --- loading ---------------------------------------------------------------

// The tables Generate writes, in the order of their COPY columns below.
type table int

const (
	tTopics table = iota
	tEntities
	tPlaces
	tOrganizations
	tPeople
	tAffiliations
	tAgreements
	tAgreementParties
	tAgreementTopics
	tArticles
	tArticleTopics
	tParagraphs
	tCredits
	tStatements
	tStatementAffiliations
	tStatementTopics
	tFigures
	tFigureTopics
	tEvidence
	nTables
)

var copyTables = [nTables]struct {
	name    string
	columns string
}{
	tTopics:                {"topics", "id, slug, label, description, parent_id"},
	tEntities:              {"entities", "id, kind, slug"},
	tPlaces:                {"places", "id, name, place_kind, country_id, parent_id"},
	tOrganizations:         {"organizations", "id, name, short_name, org_kind, country_id, parent_id"},
	tPeople:                {"people", "id, name, honorifics"},
	tAffiliations:          {"affiliations", "id, person_id, organization_id, place_id, role, former"},
	tAgreements:            {"agreements", "id, name, agreement_kind, status, summary, parent_id, date_year, date_month, date_day, date_precision, date_text"},
	tAgreementParties:      {"agreement_parties", "agreement_id, entity_id, role, position"},
	tAgreementTopics:       {"agreement_topics", "agreement_id, topic_id"},
	tArticles:              {"articles", "id, slug, title, lede, language, source_file, source_text, published_year, published_month, published_day, published_precision, published_text"},
	tArticleTopics:         {"article_topics", "article_id, topic_id"},
	tParagraphs:            {"paragraphs", "id, article_id, position, kind, text, source_offset"},
	tCredits:               {"credits", "id, article_id, person_id, role, position"},
	tStatements:            {"statements", "id, article_id, key, position, speaker_id, speaker_kind, speaker_description, speaker_organization_id, speaker_role, verb, mode, content, published, speaker_name"},
	tStatementAffiliations: {"statement_affiliations", "statement_id, affiliation_id"},
	tStatementTopics:       {"statement_topics", "statement_id, topic_id"},
	tFigures:               {"figures", "id, article_id, key, position, metric, value, unit, currency, display, subject_id, period_year, period_precision, period_text, base_year, base_precision, base_text, published"},
	tFigureTopics:          {"figure_topics", "figure_id, topic_id"},
	tEvidence:              {"evidence", "id, article_id, paragraph_id, start_offset, end_offset, text, statement_id, figure_id, affiliation_id, credit_id, entity_id"},
}

// batch is COPY input for every table: rows in PostgreSQL's text format.
type batch struct {
	t        [nTables]copyBuf
	articles int
	pending  atomic.Int32 // workers yet to copy it
}

func (b *batch) reset() {
	for i := range b.t {
		b.t[i].reset()
	}
	b.articles = 0
}

// articlesPerBatch is how many articles one batch of COPY input holds.
const articlesPerBatch = 1000

// copyCost is how long PostgreSQL takes to copy each table's rows of an
// article, roughly, in microseconds (measured at the default scale): the
// full-text columns make articles, paragraphs and statements the heavy ones.
var copyCost = [nTables]float64{
	tArticles: 420, tParagraphs: 320, tStatements: 190, tEvidence: 65, tFigures: 37,
	tArticleTopics: 12, tStatementTopics: 6, tStatementAffiliations: 6, tCredits: 4, tFigureTopics: 4,
}

// assignTables gives each table to one of n connections so that each gets
// about the same work (largest first, to the least loaded).
func assignTables(n int) [nTables]int {
	var owner [nTables]int
	order := make([]table, nTables)
	for t := range nTables {
		order[t] = t
	}
	slices.SortStableFunc(order, func(a, b table) int { return cmp.Compare(copyCost[b], copyCost[a]) })
	load := make([]float64, n)
	for _, t := range order {
		w := 0
		for i := range load {
			if load[i] < load[w] {
				w = i
			}
		}
		owner[t] = w
		load[w] += copyCost[t]
	}
	return owner
}

// load generates the corpus and copies it in, on all connections at once:
// each copies its own tables in its own transaction (so that COPY FREEZE
// may write frozen rows), batch after batch, while the next batch is
// generated. The shared entities come first, then the articles.
func (g *generator) load(ctx context.Context, conns []*pgx.Conn, pr *progress, res *Result, freeze bool) error {
	owner := assignTables(len(conns))
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	free := make(chan *batch, len(conns)+2)
	for range cap(free) {
		free <- &batch{}
	}
	inputs := make([]chan *batch, len(conns))
	for i := range inputs {
		inputs[i] = make(chan *batch, cap(free))
	}
	rows := make([][nTables]int64, len(conns))
	took := make([][nTables]time.Duration, len(conns))
	var wg sync.WaitGroup
	for w, conn := range conns {
		wg.Go(func() {
			err := g.copyWorker(ctx, conn, w, owner, inputs[w], free, &rows[w], &took[w], pr, freeze)
			if err != nil {
				cancel(err)
				for b := range inputs[w] { // keep the pipeline moving until it stops
					if b.pending.Add(-1) == 0 {
						free <- b
					}
				}
			}
		})
	}

	pr.startBar(g.scale.Articles)
	send := func(b *batch) bool {
		b.pending.Store(int32(len(conns)))
		for _, in := range inputs {
			in <- b // never blocks: there are no more batches than room
		}
		return ctx.Err() == nil
	}
	b := <-free
	b.reset()
	g.shared(b)
	ok := send(b)
	for first := 1; ok && first <= g.scale.Articles; first += articlesPerBatch {
		select {
		case b = <-free:
		case <-ctx.Done():
			ok = false
			continue
		}
		b.reset()
		for i := first; i < first+articlesPerBatch && i <= g.scale.Articles; i++ {
			g.article(b, i)
			b.articles++
		}
		ok = send(b)
	}
	for _, in := range inputs {
		close(in)
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return err
	}
	for w := range conns {
		for t := range nTables {
			name := copyTables[t].name
			res.Rows[name] += rows[w][t]
			res.CopyTime[name] += took[w][t]
		}
	}
	return nil
}

// copyWorker copies its tables (those owner gives worker w) of every batch
// it receives, in one transaction, and hands each batch back to free once
// every worker is done with it.
func (g *generator) copyWorker(ctx context.Context, conn *pgx.Conn, w int, owner [nTables]int, in <-chan *batch, free chan<- *batch,
	rows *[nTables]int64, took *[nTables]time.Duration, pr *progress, freeze bool) error {
	var mine []table
	for t := range nTables {
		if owner[t] == w {
			mine = append(mine, t)
		}
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	opts := ""
	if freeze && len(mine) > 0 {
		// COPY FREEZE wants tables emptied in its own transaction.
		names := make([]string, len(mine))
		for i, t := range mine {
			names[i] = copyTables[t].name
		}
		if err := truncate(ctx, tx, names); err != nil {
			return err
		}
		opts = " WITH (FREEZE)"
	}
	for b := range in {
		for _, t := range mine {
			buf := &b.t[t]
			if buf.rows == 0 {
				continue
			}
			buf.off = 0
			t0 := time.Now()
			tag, err := conn.PgConn().CopyFrom(ctx, buf, `COPY `+copyTables[t].name+` (`+copyTables[t].columns+`) FROM STDIN`+opts)
			took[t] += time.Since(t0)
			if err != nil {
				return fmt.Errorf("copy %s: %w", copyTables[t].name, err)
			}
			if tag.RowsAffected() != buf.rows {
				return fmt.Errorf("copy %s: wrote %d rows, want %d", copyTables[t].name, tag.RowsAffected(), buf.rows)
			}
			rows[t] += buf.rows
			pr.rows.Add(buf.rows)
		}
		if w == 0 {
			pr.articles.Add(int64(b.articles))
		}
		if b.pending.Add(-1) == 0 {
			free <- b
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// copyBuf accumulates rows in COPY's text format and reads them back out.
type copyBuf struct {
	b    []byte
	off  int // read position
	rows int64
	col  int // columns written in the current row
}

func (c *copyBuf) reset() { c.b, c.off, c.rows, c.col = c.b[:0], 0, 0, 0 }

func (c *copyBuf) Read(p []byte) (int, error) {
	if c.off >= len(c.b) {
		return 0, io.EOF
	}
	n := copy(p, c.b[c.off:])
	c.off += n
	return n, nil
}

func (c *copyBuf) sep() {
	if c.col > 0 {
		c.b = append(c.b, '\t')
	}
	c.col++
}

func (c *copyBuf) int(v int64) *copyBuf {
	c.sep()
	c.b = strconv.AppendInt(c.b, v, 10)
	return c
}

// ref writes an id, or NULL for 0.
func (c *copyBuf) ref(v int64) *copyBuf {
	if v == 0 {
		return c.null()
	}
	return c.int(v)
}

func (c *copyBuf) null() *copyBuf {
	c.sep()
	c.b = append(c.b, '\\', 'N')
	return c
}

func (c *copyBuf) bool(v bool) *copyBuf {
	c.sep()
	if v {
		c.b = append(c.b, 't')
	} else {
		c.b = append(c.b, 'f')
	}
	return c
}

// str writes text, escaped for COPY.
func (c *copyBuf) str(s string) *copyBuf {
	c.sep()
	c.b = escapeCopy(c.b, s)
	return c
}

// bytes writes text held in a byte slice, escaped for COPY.
func (c *copyBuf) bytes(s []byte) *copyBuf {
	c.sep()
	c.b = escapeCopy(c.b, s)
	return c
}

// escapeCopy appends s to b escaped for COPY's text format.
func escapeCopy[S string | []byte](b []byte, s S) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc byte
		switch s[i] {
		case '\\':
			esc = '\\'
		case '\n':
			esc = 'n'
		case '\r':
			esc = 'r'
		case '\t':
			esc = 't'
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, '\\', esc)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// optInt writes v, or NULL for 0 or less (a month or day not given).
func (c *copyBuf) optInt(v int) *copyBuf {
	if v <= 0 {
		return c.null()
	}
	return c.int(int64(v))
}

// optStr writes text, or NULL for "".
func (c *copyBuf) optStr(s string) *copyBuf {
	if s == "" {
		return c.null()
	}
	return c.str(s)
}

// end finishes a row.
func (c *copyBuf) end() {
	c.b = append(c.b, '\n')
	c.rows++
	c.col = 0
}

// textArray renders a text[] literal.
func textArray(items []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		for _, r := range it {
			if r == '"' || r == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// --- progress --------------------------------------------------------------

// progress prints a progress bar of the copy and the rebuild steps.
type progress struct {
	w        io.Writer
	tty      bool
	rows     atomic.Int64
	articles atomic.Int64
	total    int
	start    time.Time
	stop     chan struct{}
	done     chan struct{}
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) printf(format string, args ...any) {
	if p.w != nil {
		fmt.Fprintf(p.w, format, args...)
	}
}

// startBar starts redrawing the copy's progress bar.
func (p *progress) startBar(total int) {
	p.total, p.start = total, time.Now()
	if p.w == nil {
		return
	}
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	every := 250 * time.Millisecond
	if !p.tty {
		every = 5 * time.Second
	}
	go func() {
		defer close(p.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				p.draw(true)
				return
			case <-t.C:
				p.draw(false)
			}
		}
	}()
}

func (p *progress) draw(final bool) {
	n := int(p.articles.Load())
	rows := p.rows.Load()
	secs := time.Since(p.start).Seconds()
	const width = 30
	filled := width * n / max(p.total, 1)
	bar := strings.Repeat("=", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	line := fmt.Sprintf("copy [%s] %3d%%  %s/%s articles  %s rows  %s rows/s",
		bar, 100*n/max(p.total, 1), thousands(int64(n)), thousands(int64(p.total)), thousands(rows), thousands(int64(float64(rows)/max(secs, 1e-3))))
	switch {
	case p.tty && final:
		fmt.Fprintf(p.w, "\r%s\n", line)
	case p.tty:
		fmt.Fprintf(p.w, "\r%s", line)
	default:
		fmt.Fprintln(p.w, line)
	}
}

func (p *progress) finishBar() {
	if p.stop != nil {
		close(p.stop)
		<-p.done
		p.stop = nil
	}
}

// step reports one rebuild step.
func (p *progress) step(done, total int, what string, d time.Duration) {
	if p.w == nil {
		return
	}
	if p.tty {
		fmt.Fprintf(p.w, "\rrebuild [%d/%d] %-60s", done, total, what)
		return
	}
	if d > time.Second/20 {
		fmt.Fprintf(p.w, "rebuild [%d/%d] %s (%.2fs)\n", done, total, what, d.Seconds())
	}
}

func (p *progress) endSteps() {
	if p.w != nil && p.tty {
		fmt.Fprintf(p.w, "\r%-80s\r", "")
	}
}

func (p *progress) phaseDone(name string, d time.Duration) {
	p.printf("%-58s %6.1fs\n", name, d.Seconds())
}

// thousands formats n with thousands separators.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// --- the corpus --------------------------------------------------------------

type genTopic struct {
	id            int64
	slug, label   string
	parent        int // index, -1 for none
	phrase        string
	weight        float64
	subjects      []string // what statements on the topic talk about
	metricIndexes []int
}

type genPlace struct {
	id         int64
	slug, name string
	adjective  string // countries: "Malaysian"
	dateline   string // cities: "KUALA LUMPUR"
	country    int    // index of the country, -1 for a country
	cities     []int  // countries: their cities
	kind       string
	weight     float64
	the        bool // countries: written "the United States"
}

type genOrg struct {
	id              int64
	slug, name      string
	short, kind     string
	country, parent int  // indexes, -1 for none
	withArticle     bool // "the Ministry of ..." vs "Huawei"
}

type genPerson struct {
	id         int64
	slug, name string
	honorifics []string
	display    string
	affs       []int // indexes into affiliations, the current one first
	journalist bool
}

type genAff struct {
	id      int64
	person  int
	org     int // index or -1
	place   int // index or -1
	role    string
	former  bool
	phrase  string // "former director of the Ministry of Trade"
	nameOff int    // where the organization's or place's name starts in phrase, in characters
	name    string // the organization's or place's name as phrase gives it
}

type genAgreement struct {
	id      int64
	name    string
	status  string
	year    int
	parties []int64
}

// generator makes the corpus. Everything it makes comes from one random
// stream in a fixed order, so the same options give the same rows.
type generator struct {
	o     Options
	scale Scale
	r     *rand.Rand

	topics     []genTopic
	topicCum   []float64
	places     []genPlace
	countries  []int
	countryCum []float64
	orgs       []genOrg
	people     []genPerson
	affs       []genAff
	agreements []genAgreement

	speakerRank []int // people by how much they speak: speakerRank[0] speaks most
	speakerZipf *rand.Zipf
	orgRank     []int
	orgZipf     *rand.Zipf
	agreeZipf   *rand.Zipf
	journalists []int

	pendingAgreements []*agreementRow // rows of agreements, written by shared

	// running ids
	paragraphID, statementID, figureID, evidenceID, creditID int64

	// facts said again: the latest figures, and each person's latest claim
	recentFigures []figureFact
	lastClaims    map[int]string

	// per article scratch
	mentioned map[int64]bool
	// published is the current article's first day of publication
	// (YYYY-MM-DD), for its statements' and figures' sort columns; empty
	// when it is undated.
	published string
	src       []byte
}

func newGenerator(o Options) *generator {
	g := &generator{
		o:          o,
		scale:      ScaleFor(o.Articles),
		r:          rand.New(rand.NewPCG(o.Seed, 0x6e657773677261)),
		mentioned:  map[int64]bool{},
		lastClaims: map[int]string{},
	}
	g.vocabulary()
	return g
}

// pickCum picks an index with probability proportional to its weight,
// given the cumulative weights.
func (g *generator) pickCum(cum []float64) int {
	x := g.r.Float64() * cum[len(cum)-1]
	return sort.SearchFloat64s(cum, x)
}

func cumulative(n int, weight func(int) float64) []float64 {
	cum := make([]float64, n)
	var sum float64
	for i := range n {
		sum += weight(i)
		cum[i] = sum
	}
	return cum
}

func (g *generator) pick(items []string) string { return items[g.r.IntN(len(items))] }

// vocabulary makes the shared entities: topics, places, organizations,
// people and their affiliations, and agreements.
func (g *generator) vocabulary() {
	r := g.r
	// Topics: the seeds' vocabulary, with popularity weights.
	for i, t := range topicVocabulary {
		parent := -1
		for j := range i {
			if topicVocabulary[j].slug == t.parent {
				parent = j
			}
		}
		g.topics = append(g.topics, genTopic{id: int64(i + 1), slug: t.slug, label: t.label, parent: parent,
			phrase: t.phrase, weight: t.weight, subjects: t.subjects})
	}
	for i, m := range metricVocabulary {
		for j := range g.topics {
			if g.topics[j].slug == m.topic {
				g.topics[j].metricIndexes = append(g.topics[j].metricIndexes, i)
			}
		}
	}
	g.topicCum = cumulative(len(g.topics), func(i int) float64 { return g.topics[i].weight })

	// Places: countries and their cities; ids start at 1.
	var id int64
	for _, c := range countryVocabulary {
		id++
		g.countries = append(g.countries, len(g.places))
		g.places = append(g.places, genPlace{id: id, slug: slugify(c.name), name: c.name, adjective: c.adjective, the: theCountries[c.name],
			country: -1, kind: "country", weight: c.weight})
	}
	for ci, c := range countryVocabulary {
		for _, city := range c.cities {
			id++
			country := g.countries[ci]
			g.places[country].cities = append(g.places[country].cities, len(g.places))
			slug := slugify(city)
			if city == c.name { // Singapore
				slug = slugify(city + " city")
			}
			g.places = append(g.places, genPlace{id: id, slug: slug, name: city,
				dateline: strings.ToUpper(city), country: country, kind: "city"})
		}
	}
	g.countryCum = cumulative(len(g.countries), func(i int) float64 { return g.places[g.countries[i]].weight })

	// Organizations, with unique names.
	names := map[string]bool{}
	for len(g.orgs) < g.scale.Organizations {
		o := g.newOrganization(names)
		id++
		o.id = id
		g.orgs = append(g.orgs, o)
	}
	slugs := map[string]int{}
	for i := range g.places {
		slugs[g.places[i].slug]++
	}
	for i := range g.orgs {
		g.orgs[i].slug = uniqueSlug(slugs, slugify(g.orgs[i].name))
	}
	g.orgRank = r.Perm(len(g.orgs))
	g.orgZipf = rand.NewZipf(r, 1.15, 4, uint64(len(g.orgs)-1))

	// People: the speakers, then the journalists.
	for i := range g.scale.People {
		id++
		p := genPerson{id: id, journalist: i >= g.scale.People-g.scale.Journalists}
		given, family := g.pick(givenNames), g.pick(familyNames)
		if r.IntN(3) == 0 && !p.journalist && family[0] >= 'A' && family[0] <= 'Z' { // East Asian order
			p.name = family + " " + given
		} else {
			p.name = given + " " + family
		}
		if !p.journalist && r.IntN(9) == 0 {
			p.honorifics = []string{g.pick(honorificVocabulary)}
			if p.honorifics[0] == "Dato'" && r.IntN(2) == 0 {
				p.honorifics = []string{"Dato' Sri"}
			}
		}
		p.display = p.name
		for j := len(p.honorifics) - 1; j >= 0; j-- {
			p.display = p.honorifics[j] + " " + p.display
		}
		p.slug = uniqueSlug(slugs, slugify(p.name))
		g.people = append(g.people, p)
		if p.journalist {
			g.journalists = append(g.journalists, i)
		}
	}
	speakers := g.scale.People - g.scale.Journalists
	g.speakerRank = r.Perm(speakers)
	// The head of the distribution flattens with the population: the top
	// speaker of 20,000 makes about 1% of the statements.
	g.speakerZipf = rand.NewZipf(r, 1.2, max(1, float64(speakers)/1000), uint64(speakers-1))

	// Affiliations: a current role for every speaker, some with a former
	// one too; a few hold their role at a country (an ambassador).
	for i := range speakers {
		n := 1
		if r.IntN(4) == 0 {
			n = 2
		}
		seen := map[string]bool{}
		for k := range n {
			a := genAff{id: int64(len(g.affs) + 1), person: i, org: -1, place: -1, former: k > 0}
			if r.IntN(25) == 0 {
				a.place = g.countries[g.pickCum(g.countryCum)]
				a.role = g.pick(placeRoles)
				a.name = g.places[a.place].name
				a.phrase = a.role + " of "
			} else {
				a.org = g.orgRank[g.orgZipf.Uint64()]
				a.role = g.pick(orgRoles)
				o := g.orgs[a.org]
				a.name = o.name
				a.phrase = a.role + " of "
				if o.withArticle {
					a.phrase += "the "
				}
			}
			key := fmt.Sprint(a.org, a.place, a.role)
			if seen[key] {
				continue
			}
			seen[key] = true
			if a.former {
				a.phrase = "former " + a.phrase
			}
			a.nameOff = utf8.RuneCountInString(a.phrase)
			a.phrase += a.name
			g.people[i].affs = append(g.people[i].affs, len(g.affs))
			g.affs = append(g.affs, a)
		}
	}

	// Agreements between countries or organizations.
	for i := range g.scale.Agreements {
		id++
		g.agreements = append(g.agreements, g.newAgreement(id, i))
	}
	g.agreeZipf = rand.NewZipf(r, 1.1, 3, uint64(len(g.agreements)-1))
}

func uniqueSlug(seen map[string]int, base string) string {
	seen[base]++
	if n := seen[base]; n > 1 {
		s := base + "-" + strconv.Itoa(n)
		seen[s]++
		return s
	}
	return base
}

// newOrganization makes an organization whose name is not in names yet.
func (g *generator) newOrganization(names map[string]bool) genOrg {
	r := g.r
	for attempt := 0; ; attempt++ {
		country := g.countries[g.pickCum(g.countryCum)]
		c := g.places[country]
		domain := g.pick(domainVocabulary)
		o := genOrg{country: country, parent: -1, withArticle: true}
		switch x := r.IntN(100); {
		case x < 8:
			o.kind, o.name = "ministry", c.adjective+" Ministry of "+domain
		case x < 18:
			o.kind, o.name = "government_body", c.adjective+" "+domain+" "+g.pick([]string{"Authority", "Commission", "Agency", "Council", "Board", "Corporation"})
		case x < 24 && len(g.orgs) > 20:
			parent := r.IntN(len(g.orgs))
			if g.orgs[parent].kind == "department" {
				continue
			}
			o.kind, o.parent, o.country = "department", parent, g.orgs[parent].country
			o.name = domain + " " + g.pick([]string{"Division", "Department", "Office", "Unit"})
		case x < 32:
			city := c.name
			if len(c.cities) > 0 {
				city = g.places[c.cities[r.IntN(len(c.cities))]].name
			}
			o.kind = "university"
			o.name = g.pick([]string{"University of " + city, city + " University of Technology", city + " " + domain + " University", city + " National University"})
		case x < 40:
			o.kind, o.name = "school_or_institute", g.pick([]string{"Institute of " + domain + " Studies", c.adjective + " Institute for " + domain, "Centre for " + domain + " Research"})
		case x < 47:
			o.kind, o.name = "association", g.pick([]string{c.adjective + " " + domain + " Association", domain + " Industry Association of " + c.name, c.adjective + " Chamber of " + domain})
		case x < 50:
			o.kind, o.name = "academy", c.name+" Academy of "+domain
		default:
			o.kind = "company"
			o.name = g.pick(brandVocabulary) + g.pick(brandSuffixes) + " " + g.pick(companyDomains) + " " + g.pick(companyForms)
			o.withArticle = false
		}
		if r.IntN(20) == 0 && o.kind == "company" {
			o.kind = "" // the articles do not say
		}
		if attempt > 20 {
			o.name += " " + strconv.Itoa(attempt)
		}
		key := o.name
		if o.parent >= 0 { // a department's name is unique within its parent
			key += "|" + strconv.Itoa(o.parent)
		}
		if names[key] {
			continue
		}
		names[key] = true
		if r.IntN(4) == 0 && o.kind != "department" {
			o.short = acronym(o.name)
		}
		if r.IntN(6) == 0 && o.kind == "company" {
			o.country = -1
		}
		return o
	}
}

// acronym makes a short name of a name's capitalized words.
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r, _ := utf8.DecodeRuneInString(w); r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

func (g *generator) newAgreement(id int64, i int) genAgreement {
	r := g.r
	a := genAgreement{id: id}
	ca := g.countries[g.pickCum(g.countryCum)]
	cb := ca
	for cb == ca {
		cb = g.countries[g.pickCum(g.countryCum)]
	}
	topic := g.topics[g.pickCum(g.topicCum)]
	pair := g.places[ca].name + "–" + g.places[cb].name
	a.year = 2013 + r.IntN(13)
	a.parties = []int64{g.places[ca].id, g.places[cb].id}
	var kind string
	switch x := r.IntN(100); {
	case x < 25:
		kind, a.name, a.status = "joint_statement", pair+" Joint Statement on "+topic.label, "issued"
	case x < 50:
		kind, a.name, a.status = "signed_agreement", pair+" Agreement on "+topic.label+" Cooperation", g.pick([]string{"signed", "signed", "in_force"})
	case x < 62:
		kind, a.name, a.status = "cooperation_model", pair+" "+topic.label+" Cooperation Model", g.pick([]string{"proposed", "established", "agreed"})
	case x < 75:
		kind, a.name, a.status = "initiative", g.pick(brandVocabulary)+" "+topic.label+" Initiative", g.pick([]string{"announced", "established", "proposed"})
	case x < 87:
		kind, a.name, a.status = "framework", pair+" Framework for "+topic.label, g.pick([]string{"agreed", "signed", "established"})
	case x < 94:
		kind, a.name, a.status = "commitment", "Commitment on "+topic.label+" ("+pair+")", "agreed"
	default:
		kind, a.name, a.status = "policy", g.places[ca].adjective+" National "+topic.label+" Policy", g.pick([]string{"announced", "in_force"})
		a.parties = a.parties[:1]
	}
	a.name += fmt.Sprintf(" (%d)", a.year)
	if r.IntN(3) == 0 && len(g.orgs) > 0 {
		a.parties = append(a.parties, g.orgs[g.orgRank[g.orgZipf.Uint64()]].id)
	}
	b := &agreementRow{kind: kind, topic: topic.id}
	if kind == "commitment" && i > 0 {
		b.parent = g.agreements[r.IntN(i)].id
	}
	switch r.IntN(10) {
	case 0, 1:
		b.precision, b.text = "year", fmt.Sprintf("in %d", a.year)
	case 2, 3, 4:
		b.month = 1 + r.IntN(12)
		b.precision, b.text = "month", fmt.Sprintf("in %s %d", monthNames[b.month-1], a.year)
	default:
		b.month, b.day = 1+r.IntN(12), 1+r.IntN(28)
		b.precision, b.text = "day", fmt.Sprintf("on %s %d, %d", monthNames[b.month-1], b.day, a.year)
	}
	b.summary = "A " + strings.ReplaceAll(kind, "_", " ") + " on " + strings.ToLower(topic.label) + " between " +
		g.places[ca].name + " and " + g.places[cb].name + "."
	g.pendingAgreements = append(g.pendingAgreements, b)
	return a
}

// agreementRow is the part of an agreement only its own row needs.
type agreementRow struct {
	kind, precision, text, summary string
	month, day                     int
	parent, topic                  int64
}

// shared writes the shared entities' rows.
func (g *generator) shared(b *batch) {
	for _, t := range g.topics {
		b.t[tTopics].int(t.id).str(t.slug).str(t.label).str("Synthetic topic: " + strings.ToLower(t.label) + ".").
			ref(g.topicID(t.parent)).end()
	}
	for _, p := range g.places {
		b.t[tEntities].int(p.id).str("place").str(p.slug).end()
		b.t[tPlaces].int(p.id).str(p.name).str(p.kind).ref(g.placeID(p.country)).null().end()
	}
	for _, o := range g.orgs {
		b.t[tEntities].int(o.id).str("organization").str(o.slug).end()
		b.t[tOrganizations].int(o.id).str(o.name).optStr(o.short).optStr(o.kind).
			ref(g.placeID(o.country)).ref(g.orgID(o.parent)).end()
	}
	for _, p := range g.people {
		b.t[tEntities].int(p.id).str("person").str(p.slug).end()
		b.t[tPeople].int(p.id).str(p.name).str(textArray(p.honorifics)).end()
	}
	for _, a := range g.affs {
		b.t[tAffiliations].int(a.id).int(g.people[a.person].id).ref(g.orgID(a.org)).ref(g.placeID(a.place)).
			str(a.role).bool(a.former).end()
	}
	for i, a := range g.agreements {
		x := g.pendingAgreements[i]
		b.t[tEntities].int(a.id).str("agreement").str(uniqueAgreementSlug(a, i)).end()
		b.t[tAgreements].int(a.id).str(a.name).str(x.kind).str(a.status).str(x.summary).ref(x.parent).int(int64(a.year)).
			optInt(x.month).optInt(x.day).str(x.precision).str(x.text).end()
		for k, p := range a.parties {
			role := "party"
			if k >= 2 {
				role = "signatory"
			}
			b.t[tAgreementParties].int(a.id).int(p).str(role).int(int64(k + 1)).end()
		}
		b.t[tAgreementTopics].int(a.id).int(x.topic).end()
	}
	g.pendingAgreements = nil
}

// topicID, placeID and orgID return the id of the topic, place or
// organization at index i, or 0, which ref writes as NULL, for -1.
func (g *generator) topicID(i int) int64 {
	if i < 0 {
		return 0
	}
	return g.topics[i].id
}

func (g *generator) placeID(i int) int64 {
	if i < 0 {
		return 0
	}
	return g.places[i].id
}

func (g *generator) orgID(i int) int64 {
	if i < 0 {
		return 0
	}
	return g.orgs[i].id
}

func uniqueAgreementSlug(a genAgreement, i int) string {
	return "agreement-" + strconv.Itoa(i+1) + "-" + slugify(strings.SplitN(a.name, " (", 2)[0])
}

// slugify turns a name into a slug: lower-case ASCII letters and digits
// joined by hyphens.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if f, ok := foldASCII[r]; ok {
			r = f
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '\'' || r == '’' || r == '.':
			continue
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

var foldASCII = map[rune]rune{
	'á': 'a', 'à': 'a', 'ã': 'a', 'â': 'a', 'ä': 'a', 'å': 'a', 'ả': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ễ': 'e',
	'í': 'i', 'ï': 'i', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'ø': 'o', 'ú': 'u', 'ü': 'u', 'ç': 'c', 'ñ': 'n', 'ł': 'l',
	'ş': 's', 'ğ': 'g', 'ı': 'i', 'Ł': 'l', 'Ö': 'o', 'Ç': 'c', 'Ş': 's', 'Ü': 'u', 'É': 'e', 'ạ': 'a', 'ứ': 'u', 'ơ': 'o',
	'ư': 'u', 'đ': 'd', 'Đ': 'd', 'ồ': 'o', 'ộ': 'o', 'ắ': 'a',
}

// --- articles ----------------------------------------------------------------

// para builds one paragraph and counts its characters.
type para struct {
	id   int64
	kind string
	b    []byte
	n    int // characters
}

// add appends s and returns where it starts and ends, in characters.
func (p *para) add(s string) (start, end int) {
	start = p.n
	p.b = append(p.b, s...)
	p.n += runeCount(s)
	return start, p.n
}

func runeCount(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}

// article writes the rows of article i.
func (g *generator) article(b *batch, i int) {
	r := g.r
	aid := int64(i)
	clear(g.mentioned)
	var paras []*para
	newPara := func(kind string) *para {
		g.paragraphID++
		p := &para{id: g.paragraphID, kind: kind}
		paras = append(paras, p)
		return p
	}
	evidence := func(p *para, start, end int, text string, owner table, ownerID int64) {
		g.evidenceID++
		row := b.t[tEvidence].int(g.evidenceID).int(aid).int(p.id).int(int64(start)).int(int64(end)).str(text)
		for _, t := range []table{tStatements, tFigures, tAffiliations, tCredits, tEntities} {
			if t == owner {
				row.int(ownerID)
			} else {
				row.null()
			}
		}
		row.end()
	}
	// mention writes s, and evidence of the entity's first mention.
	mention := func(p *para, entity int64, s string) {
		start, end := p.add(s)
		if !g.mentioned[entity] {
			g.mentioned[entity] = true
			evidence(p, start, end, s, tEntities, entity)
		}
	}

	// What the article is about.
	nTopics := 1 + r.IntN(3)
	var topics []int
	for len(topics) < nTopics {
		t := g.pickCum(g.topicCum)
		if !containsInt(topics, t) {
			topics = append(topics, t)
		}
	}
	ca := g.countries[g.pickCum(g.countryCum)]
	cb := ca
	for cb == ca {
		cb = g.countries[g.pickCum(g.countryCum)]
	}
	main := g.topics[topics[0]]

	// When: day precision mostly, some month only, a few undated.
	var year, month, day int
	var precision, published string
	g.published = ""
	if x := r.IntN(100); x >= 2 {
		d := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3653))
		year, month = d.Year(), int(d.Month())
		if x >= 5 {
			day = d.Day()
			precision, published = "day", fmt.Sprintf("%s %d, %d", monthNames[month-1], day, year)
			g.published = d.Format(time.DateOnly)
		} else {
			precision, published = "month", fmt.Sprintf("%s %d", monthNames[month-1], year)
			g.published = d.AddDate(0, 0, 1-d.Day()).Format(time.DateOnly)
		}
	}

	// Title, dateline and lede.
	var title, lede string
	if r.IntN(20) != 0 {
		p := newPara(db.ParagraphTitle)
		g.country(p, ca, "The ", mention)
		p.add(" and ")
		g.country(p, cb, "the ", mention)
		p.add(" " + g.pick(titleVerbs) + " " + main.phrase + " " + g.pick(titleNouns))
		title = string(p.b)
	}
	if c := g.places[ca]; len(c.cities) > 0 {
		city := g.places[c.cities[r.IntN(len(c.cities))]]
		p := newPara(db.ParagraphDateline)
		mention(p, city.id, city.dateline)
		if published != "" {
			p.add(", " + published)
		}
	}
	if r.IntN(10) != 0 {
		p := newPara(db.ParagraphLede)
		g.country(p, ca, "The ", mention)
		p.add(" and ")
		g.country(p, cb, "the ", mention)
		p.add(" " + g.pick(ledeVerbs) + " " + main.phrase + ", " + g.pick(ledeTails) + ".")
		lede = string(p.b)
	}

	// The body: statements and figures, one or two to a paragraph.
	nStatements := min(1+int(r.ExpFloat64()*9), 99)
	nFigures := min(int(r.ExpFloat64()*3.5), 40)
	items := make([]bool, 0, nStatements+nFigures) // true: a statement
	for range nStatements {
		items = append(items, true)
	}
	for range nFigures {
		items = append(items, false)
	}
	r.Shuffle(len(items), func(a, c int) { items[a], items[c] = items[c], items[a] })
	agreementAt := -1
	if r.IntN(5) == 0 {
		agreementAt = r.IntN(len(items) + 1)
	}
	// A few speakers, the first quoted most.
	speakers := make([]genSpeaker, min(nStatements, 2+int(r.ExpFloat64()*1.5), len(speakerCum)))
	for k := range speakers {
		speakers[k] = g.newSpeaker()
	}
	statementPos, figurePos := 0, 0
	var p *para
	for k := 0; k <= len(items); k++ {
		if k == agreementAt {
			p = newPara(db.ParagraphBody)
			g.agreementSentence(p, mention)
			p = nil
		}
		if k == len(items) {
			break
		}
		if p == nil || p.n > 160 || r.IntN(3) == 0 {
			p = newPara(db.ParagraphBody)
		} else {
			p.add(" ")
		}
		topic := g.topics[topics[r.IntN(len(topics))]]
		if items[k] {
			statementPos++
			sp := speakers[g.pickCum(speakerCum[:len(speakers)])]
			g.statement(b, p, aid, statementPos, sp, topic, ca, cb, mention, evidence)
		} else {
			figurePos++
			g.figure(b, p, aid, figurePos, topic, ca, mention, evidence)
		}
	}

	// The credit line.
	reporter := g.journalists[r.IntN(len(g.journalists))]
	editor := g.journalists[r.IntN(len(g.journalists))]
	for editor == reporter {
		editor = g.journalists[r.IntN(len(g.journalists))]
	}
	p = newPara(db.ParagraphCredit)
	p.add("Reporting by ")
	for pos, c := range []struct {
		person int
		role   string
	}{{reporter, "reporter"}, {editor, "editor"}} {
		if pos == 1 {
			p.add("; editing by ")
		}
		g.creditID++
		name := g.people[c.person].name
		start, end := p.add(name)
		b.t[tCredits].int(g.creditID).int(aid).int(g.people[c.person].id).str(c.role).int(int64(pos + 1)).end()
		evidence(p, start, end, name, tCredits, g.creditID)
	}

	// The source text: paragraphs as Markdown blocks, with their offsets.
	g.src = g.src[:0]
	offset := 0
	for k, p := range paras {
		if k > 0 {
			g.src = append(g.src, "\n\n"...)
			offset += 2
		}
		switch p.kind {
		case db.ParagraphTitle:
			g.src = append(g.src, "# "...)
			offset += 2
		case db.ParagraphLede:
			g.src = append(g.src, "**"...)
			offset += 2
		}
		b.t[tParagraphs].int(p.id).int(aid).int(int64(k + 1)).str(p.kind).bytes(p.b).int(int64(offset)).end()
		g.src = append(g.src, p.b...)
		offset += p.n
		if p.kind == db.ParagraphLede {
			g.src = append(g.src, "**"...)
			offset += 2
		}
	}
	g.src = append(g.src, '\n')

	slug := "article-" + strconv.Itoa(i)
	if title != "" {
		words := strings.Split(slugify(title), "-")
		slug = strings.Join(words[:min(len(words), 8)], "-") + "-" + strconv.Itoa(i)
	}
	row := b.t[tArticles].int(aid).str(slug).optStr(title).optStr(lede).str("en").str(fmt.Sprintf("generated/%07d.txt", i)).bytes(g.src)
	if precision == "" {
		row.null().null().null().null().null()
	} else {
		row.int(int64(year)).int(int64(month)).optInt(day).str(precision).str(published)
	}
	row.end()
	for _, t := range topics {
		b.t[tArticleTopics].int(aid).int(g.topics[t].id).end()
	}
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

type mentionFunc func(p *para, entity int64, s string)
type evidenceFunc func(p *para, start, end int, text string, owner table, ownerID int64)

// agreementSentence names an agreement the article mentions.
func (g *generator) agreementSentence(p *para, mention mentionFunc) {
	a := g.agreements[g.agreeZipf.Uint64()]
	p.add("The two sides also discussed the ")
	mention(p, a.id, a.name)
	p.add(", which was " + strings.ReplaceAll(a.status, "_", " ") + " in " + strconv.Itoa(a.year) + ".")
}

// statement writes one statement: its sentence in p, its row and evidence.
// genSpeaker is who speaks in an article: a person, an organization, or
// someone unnamed at an organization.
type genSpeaker struct {
	person, org int // indexes, -1 for none
	description string
}

// newSpeaker picks a speaker: mostly people, the prolific ones most often.
func (g *generator) newSpeaker() genSpeaker {
	switch x := g.r.IntN(100); {
	case x < 80:
		return genSpeaker{person: g.speakerRank[g.speakerZipf.Uint64()], org: -1}
	case x < 92:
		return genSpeaker{person: -1, org: g.orgRank[g.orgZipf.Uint64()]}
	default:
		return genSpeaker{person: -1, org: g.orgRank[g.orgZipf.Uint64()], description: g.pick(unnamedSpeakers)}
	}
}

// speakerCum weighs an article's speakers: the first speaks most.
var speakerCum = cumulative(8, func(i int) float64 { return 1 / float64(i+1) })

// statement writes one statement: its sentence in p, its row and evidence.
func (g *generator) statement(b *batch, p *para, aid int64, pos int, sp genSpeaker, topic genTopic, ca, cb int, mention mentionFunc, evidence evidenceFunc) {
	r := g.r
	g.statementID++
	sid := g.statementID
	clause := g.clause(topic, ca, cb)
	if sp.person >= 0 {
		// One claim in eight is one the person made before, word for word
		// (the same claim reported again, for facts across articles).
		if last, ok := g.lastClaims[sp.person]; ok && r.IntN(8) == 0 {
			clause = last
		}
		g.lastClaims[sp.person] = clause
	}
	verb := verbVocabulary[g.pickCum(verbCum)]
	quote := verb.quote && r.IntN(10) < 6

	var speakerID, speakerOrg int64
	var speakerKind, speakerName, description, role string
	var aff = -1
	// speaker writes the speaker's words into p, and reports whether they
	// end with an appositive (", director of ...").
	var speaker func() bool
	switch {
	case sp.person >= 0:
		pp := g.people[sp.person]
		aff = pp.affs[0]
		a := g.affs[aff]
		speakerID, speakerKind, speakerName, role = pp.id, "person", pp.name, a.role
		if a.former {
			role = "former " + a.role
		}
		speaker = func() bool {
			if g.mentioned[pp.id] {
				p.add(pp.name)
				return false
			}
			mention(p, pp.id, pp.display)
			p.add(", ")
			start, end := p.add(a.phrase)
			evidence(p, start, end, a.phrase, tAffiliations, a.id)
			target := int64(0)
			if a.org >= 0 {
				target = g.orgs[a.org].id
			} else {
				target = g.places[a.place].id
			}
			if !g.mentioned[target] {
				g.mentioned[target] = true
				evidence(p, start+a.nameOff, end, a.name, tEntities, target)
			}
			return true
		}
	case sp.description == "":
		o := g.orgs[sp.org]
		speakerID, speakerKind, speakerName = o.id, "organization", o.name
		speaker = func() bool {
			if o.withArticle {
				p.add("the ")
			}
			mention(p, o.id, o.name)
			return false
		}
	default:
		o := g.orgs[sp.org]
		description, speakerName = sp.description, sp.description
		speakerOrg = o.id
		speaker = func() bool {
			p.add(description + " at ")
			if o.withArticle {
				p.add("the ")
			}
			mention(p, o.id, o.name)
			return false
		}
	}

	// The sentence; evidence is the claim's own words.
	var start, end int
	said := clause
	switch {
	case quote:
		said = upperFirst(clause)
		p.add("“")
		start, end = p.add(said)
		p.add(",” " + verb.words + " ")
		speaker()
		p.add(".")
	case verb.name == "according_to":
		p.add("According to ")
		speaker()
		p.add(", ")
		start, end = p.add(said)
		p.add(".")
	default:
		mark := len(p.b)
		appositive := speaker()
		if c := p.b[mark]; speakerKind != "person" && c >= 'a' && c <= 'z' { // "the", "an official" open the sentence
			p.b[mark] = c - ('a' - 'A')
		}
		if appositive {
			p.add(",")
		}
		p.add(" " + verb.words + " that ")
		start, end = p.add(said)
		p.add(".")
	}
	content := upperFirst(clause) + "."

	row := b.t[tStatements].int(sid).int(aid).str("s" + strconv.Itoa(pos)).int(int64(pos))
	if speakerID != 0 {
		row.int(speakerID).str(speakerKind).null().null()
	} else {
		row.null().null().str(description).int(speakerOrg)
	}
	row.optStr(role).str(verb.name)
	if quote {
		row.str("quote")
	} else {
		row.str("paraphrase")
	}
	row.str(content).optStr(g.published).str(speakerName).end()
	if aff >= 0 {
		b.t[tStatementAffiliations].int(sid).int(g.affs[aff].id).end()
	}
	b.t[tStatementTopics].int(sid).int(topic.id).end()
	evidence(p, start, end, said, tStatements, sid)
}

// clause makes a claim about a topic, such as "cooperation in the digital
// economy will create high-skilled jobs by 2030".
func (g *generator) clause(t genTopic, ca, cb int) string {
	r := g.r
	subject := g.pick(t.subjects)
	subject = strings.ReplaceAll(subject, "{a's}", g.countryName(ca)+possessive(g.countryName(ca)))
	subject = strings.ReplaceAll(subject, "{b}", g.countryName(cb))
	object := strings.ReplaceAll(g.pick(clauseObjects), "{b}", g.countryName(cb))
	s := subject + " " + g.pick(clauseModals) + " " + g.pick(clauseVerbs) + " " + object
	if r.IntN(2) == 0 {
		s += " " + g.pick(clauseTails)
	}
	return s
}

// countryName is how a sentence names country c: "Malaysia", "the
// United States".
func (g *generator) countryName(c int) string {
	if g.places[c].the {
		return "the " + g.places[c].name
	}
	return g.places[c].name
}

// country writes country c's name, preceded by the article (as given:
// "The " or "the ") if it takes one.
func (g *generator) country(p *para, c int, the string, mention mentionFunc) {
	if g.places[c].the {
		p.add(the)
	}
	mention(p, g.places[c].id, g.places[c].name)
}

// possessive returns the possessive ending for name: "’s", or "’" after an s.
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return "’"
	}
	return "’s"
}

var theCountries = map[string]bool{"United States": true, "United Kingdom": true, "Philippines": true,
	"Netherlands": true, "United Arab Emirates": true}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-('a'-'A')) + s[1:]
}

// figure writes one figure: its sentence in p, its row and evidence.
func (g *generator) figure(b *batch, p *para, aid int64, pos int, topic genTopic, ca int, mention mentionFunc, evidence evidenceFunc) {
	r := g.r
	g.figureID++
	fid := g.figureID
	// One figure in six states again one of the latest 64 (the same
	// metric, subject and period: the same fact), and one restatement in
	// three gives another value (the sources conflict).
	var f figureFact
	if n := len(g.recentFigures); n > 0 && r.IntN(6) == 0 {
		f = g.recentFigures[r.IntN(n)]
		if r.IntN(3) == 0 {
			f.value, f.display, f.currency = f.metric.sample(r)
		}
	} else {
		f = g.newFigureFact(topic, ca)
		if len(g.recentFigures) == 64 {
			g.recentFigures = g.recentFigures[1:]
		}
		g.recentFigures = append(g.recentFigures, f)
	}
	m, year, value, display, currency := f.metric, f.year, f.value, f.display, f.currency
	var subjectID int64
	var subjectName string
	if f.org >= 0 {
		o := g.orgs[f.org]
		subjectID, subjectName = o.id, o.name
		if o.withArticle {
			p.add("The ")
		}
		mention(p, subjectID, subjectName)
	} else {
		subjectID, subjectName = g.places[f.country].id, g.places[f.country].name
		g.country(p, f.country, "The ", mention)
	}
	p.add(possessive(subjectName) + " ")
	periodText := "in " + strconv.Itoa(year)
	claim := m.name + " " + g.pick(m.verbs) + " " + display + " " + periodText
	start, end := p.add(claim)
	base := r.IntN(2) == 0
	if base {
		p.add(", compared with " + strconv.Itoa(year-1))
	}
	p.add(".")

	row := b.t[tFigures].int(fid).int(aid).str("f" + strconv.Itoa(pos)).int(int64(pos)).str(m.name).str(value).str(m.unit).optStr(currency).
		str(display).int(subjectID).int(int64(year)).str("year").str(periodText)
	if base {
		row.int(int64(year - 1)).str("year").str(strconv.Itoa(year - 1))
	} else {
		row.null().null().null()
	}
	row.optStr(g.published).end()
	b.t[tFigureTopics].int(fid).int(g.topicBySlug(m.topic)).end()
	evidence(p, start, end, claim, tFigures, fid)
}

func (g *generator) topicBySlug(slug string) int64 {
	for _, t := range g.topics {
		if t.slug == slug {
			return t.id
		}
	}
	return g.topics[0].id
}

// figureFact is what a figure states: a metric of a subject (an
// organization, or else a country, by index) in a year, and its value.
type figureFact struct {
	metric                   metric
	org, country             int
	year                     int
	value, display, currency string
}

// newFigureFact draws a new fact about a topic, most often of country ca.
func (g *generator) newFigureFact(topic genTopic, ca int) figureFact {
	r := g.r
	f := figureFact{org: -1, country: -1}
	if len(topic.metricIndexes) > 0 && r.IntN(3) != 0 {
		f.metric = metricVocabulary[topic.metricIndexes[r.IntN(len(topic.metricIndexes))]]
	} else {
		f.metric = metricVocabulary[g.pickCum(metricCum)]
	}
	if f.metric.orgSubject {
		o := g.orgRank[g.orgZipf.Uint64()]
		for try := 0; try < 5 && g.orgs[o].kind != "company" && g.orgs[o].kind != ""; try++ { // revenue and staff: a company's
			o = g.orgRank[g.orgZipf.Uint64()]
		}
		f.org = o
	} else {
		f.country = ca
		if r.IntN(3) == 0 {
			f.country = g.countries[g.pickCum(g.countryCum)]
		}
	}
	f.value, f.display, f.currency = f.metric.sample(r)
	f.year = 2015 + r.IntN(11)
	return f
}

// metric is a quantity figures state.
type metric struct {
	name       string
	unit       string // percent, percentage_point, count, currency
	orgSubject bool
	topic      string
	weight     float64
	lo, hi     float64 // range of the value (in millions for money and large counts)
	countNoun  string
	verbs      []string
}

var metricVerbs = []string{"rose to", "reached", "stood at", "fell to", "grew to", "was"}

// sample draws a value: the exact decimal, how the article writes it, and
// the currency for money.
func (m metric) sample(r *rand.Rand) (value, display, currency string) {
	x := m.lo + r.Float64()*(m.hi-m.lo)
	switch m.unit {
	case "percent":
		tenths := int64(math.Round(x * 10))
		v := strconv.FormatFloat(float64(tenths)/10, 'f', 1, 64)
		return v, v + "%", ""
	case "percentage_point":
		hundredths := int64(math.Round(x*4)) * 25
		v := strconv.FormatFloat(float64(hundredths)/100, 'f', 2, 64)
		return v, v + " percentage points", ""
	case "currency":
		cur := currencyVocabulary[r.IntN(len(currencyVocabulary))]
		tenths := int64(math.Round(x * 10)) // in tenths of a million
		if tenths >= 10000 {                // a billion or more: one decimal of a billion
			tb := tenths / 1000
			return strconv.FormatInt(tb*100000000, 10), cur.symbol + strconv.FormatFloat(float64(tb)/10, 'f', 1, 64) + " billion", cur.code
		}
		return strconv.FormatInt(tenths*100000, 10), cur.symbol + strconv.FormatFloat(float64(tenths)/10, 'f', 1, 64) + " million", cur.code
	default: // count
		n := int64(x)
		if n >= 1000000 {
			t := n / 100000
			return strconv.FormatInt(t*100000, 10), strconv.FormatFloat(float64(t)/10, 'f', 1, 64) + " million " + m.countNoun, ""
		}
		return strconv.FormatInt(n, 10), thousands(n) + " " + m.countNoun, ""
	}
}

// --- vocabulary --------------------------------------------------------------

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

type topicWords struct {
	slug, label, parent string
	phrase              string
	weight              float64
	subjects            []string
}

// topicSubjects are what statements on a topic talk about; {t} is the
// topic's phrase, {a} and {b} the article's two countries.
func topicSubjects(phrase string) []string {
	out := make([]string, len(subjectTemplates))
	for i, s := range subjectTemplates {
		out[i] = strings.ReplaceAll(s, "{t}", phrase)
	}
	return out
}

var subjectTemplates = []string{
	"cooperation in {t}", "investment in {t}", "the {t} sector", "{a's} plan for {t}", "companies working on {t}",
	"the partnership with {b} on {t}", "new rules on {t}", "spending on {t}", "progress in {t}", "joint research on {t}",
	"the push for {t}", "demand for {t}", "growth in {t}", "training in {t}",
}

// topicVocabulary is the seeds' topic vocabulary (same slugs, labels and
// parents), with how often articles are about each.
var topicVocabulary = func() []topicWords {
	list := []topicWords{
		{slug: "economic-growth", label: "Economic growth", phrase: "economic growth", weight: 9},
		{slug: "digital-economy", label: "Digital economy", phrase: "the digital economy", weight: 5},
		{slug: "big-data", label: "Big data", parent: "digital-economy", phrase: "big data", weight: 2},
		{slug: "5g", label: "5G", parent: "digital-economy", phrase: "5G networks", weight: 2},
		{slug: "data-centers", label: "Data centers", parent: "digital-economy", phrase: "data centers", weight: 2.5},
		{slug: "green-economy", label: "Green economy", phrase: "the green economy", weight: 3},
		{slug: "blue-economy", label: "Blue economy", phrase: "the blue economy", weight: 1},
		{slug: "tourism-economy", label: "Tourism economy", phrase: "tourism", weight: 3},
		{slug: "new-infrastructure", label: "New infrastructure", phrase: "new infrastructure", weight: 1.5},
		{slug: "new-quality-productive-forces", label: "New quality productive forces", phrase: "new quality productive forces", weight: 1},
		{slug: "high-tech-industry", label: "High-tech industry", phrase: "high-tech industry", weight: 3},
		{slug: "semiconductors", label: "Semiconductors", parent: "high-tech-industry", phrase: "semiconductors", weight: 3},
		{slug: "satellite-industry", label: "Satellite industry", parent: "high-tech-industry", phrase: "the satellite industry", weight: 0.5},
		{slug: "manufacturing", label: "Manufacturing", phrase: "manufacturing", weight: 4},
		{slug: "industrial-innovation", label: "Industrial innovation", phrase: "industrial innovation", weight: 1.5},
		{slug: "technological-innovation", label: "Technological innovation", phrase: "technological innovation", weight: 2},
		{slug: "collaborative-innovation", label: "Collaborative innovation", phrase: "collaborative innovation", weight: 0.5},
		{slug: "industrial-transition", label: "Industrial transition", phrase: "industrial transition", weight: 1},
		{slug: "industrial-upgrading", label: "Industrial upgrading", parent: "industrial-transition", phrase: "industrial upgrading", weight: 1},
		{slug: "corporate-social-responsibility", label: "Corporate social responsibility", phrase: "corporate social responsibility", weight: 0.5},
		{slug: "new-energy", label: "New energy", phrase: "new energy", weight: 2},
		{slug: "new-energy-vehicles", label: "New-energy vehicles", parent: "new-energy", phrase: "electric vehicles", weight: 2.5},
		{slug: "energy-transition", label: "Energy transition", phrase: "the energy transition", weight: 2},
		{slug: "sustainable-development", label: "Sustainable development", phrase: "sustainable development", weight: 2},
		{slug: "green-development", label: "Green development", parent: "sustainable-development", phrase: "green development", weight: 1},
		{slug: "low-carbon-transformation", label: "Low-carbon transformation", parent: "green-development", phrase: "low-carbon transformation", weight: 1},
		{slug: "trade-and-investment", label: "Trade and investment", phrase: "trade and investment", weight: 7},
		{slug: "investment", label: "Investment", parent: "trade-and-investment", phrase: "foreign investment", weight: 5},
		{slug: "regional-trade", label: "Regional trade", parent: "trade-and-investment", phrase: "regional trade", weight: 3},
		{slug: "cross-border-cooperation", label: "Cross-border cooperation", phrase: "cross-border projects", weight: 3},
		{slug: "connectivity", label: "Connectivity", phrase: "connectivity", weight: 1.5},
		{slug: "people-to-people-exchange", label: "People-to-people exchange", phrase: "people-to-people exchange", weight: 1.5},
		{slug: "regional-development", label: "Regional development", phrase: "regional development", weight: 1.5},
		{slug: "common-prosperity", label: "Common prosperity", phrase: "common prosperity", weight: 0.5},
		{slug: "poverty-alleviation", label: "Poverty alleviation", phrase: "poverty alleviation", weight: 1},
		{slug: "rural-revitalization", label: "Rural revitalization", phrase: "rural revitalization", weight: 0.5},
		{slug: "income-equality", label: "Income equality", phrase: "income equality", weight: 0.5},
		{slug: "community-empowerment", label: "Community empowerment", phrase: "community empowerment", weight: 0.3},
		{slug: "employment", label: "Employment", phrase: "employment", weight: 3},
	}
	for i := range list {
		list[i].subjects = topicSubjects(list[i].phrase)
	}
	return list
}()

var (
	clauseModals  = []string{"will", "could", "is expected to", "has helped to", "must", "should", "would", "continues to", "can", "is set to"}
	clauseVerbs   = []string{"create", "support", "strengthen", "accelerate", "attract", "open up", "drive", "deepen", "expand", "improve", "unlock", "sustain"}
	clauseObjects = []string{
		"new opportunities for small businesses", "high-skilled jobs", "long-term investment", "regional supply chains",
		"exports to {b}", "local talent", "innovation across the region", "cross-border trade", "productivity in traditional industries",
		"growth in the coming years", "ties with {b}", "competitiveness", "the next generation of engineers", "household incomes",
		"public services", "confidence among investors", "industrial capacity", "access to new markets",
	}
	clauseTails = []string{"over the next five years", "by 2030", "in the long term", "this year", "despite global uncertainty",
		"as demand recovers", "across the region", "in the coming decade", "for both countries", "before the end of the year"}
	titleVerbs      = []string{"deepen", "expand", "boost", "strengthen", "discuss", "sign pact on", "step up", "review"}
	titleNouns      = []string{"ties", "cooperation", "links", "partnership", "plans", "talks"}
	ledeVerbs       = []string{"agreed to deepen cooperation in", "pledged closer work on", "discussed new projects in", "reviewed progress on", "signed new deals on"}
	ledeTails       = []string{"officials said", "according to business leaders", "as trade between them grows", "at a forum this week", "in a joint statement"}
	unnamedSpeakers = []string{"an official", "a spokesperson", "a senior analyst", "a source", "a senior executive", "a researcher"}
)

type verbWords struct {
	name   string // the reporting_verb value
	words  string // how the article writes it
	quote  bool   // may introduce a direct quote
	weight float64
}

var verbVocabulary = []verbWords{
	{"said", "said", true, 50}, {"stated", "stated", true, 4}, {"noted", "noted", true, 8}, {"suggested", "suggested", false, 3},
	{"pointed_out", "pointed out", false, 4}, {"highlighted", "highlighted", false, 4}, {"emphasized", "emphasized", true, 5},
	{"explained", "explained", true, 4}, {"expressed_hope", "expressed hope", false, 2}, {"according_to", "according to", false, 6},
	{"added", "added", true, 6}, {"announced", "announced", false, 4},
}

var verbCum = cumulative(len(verbVocabulary), func(i int) float64 { return verbVocabulary[i].weight })

type currency struct{ code, symbol string }

var currencyVocabulary = []currency{{"USD", "US$"}, {"USD", "US$"}, {"USD", "US$"}, {"MYR", "RM"}, {"CNY", "¥"}, {"SGD", "S$"}, {"EUR", "€"}}

var metricVocabulary = []metric{
	{name: "GDP growth", unit: "percent", topic: "economic-growth", weight: 10, lo: -2, hi: 9},
	{name: "inflation", unit: "percent", topic: "economic-growth", weight: 5, lo: 0.2, hi: 7},
	{name: "unemployment rate", unit: "percent", topic: "employment", weight: 4, lo: 2, hi: 9},
	{name: "exports", unit: "currency", topic: "trade-and-investment", weight: 6, lo: 500, hi: 300000},
	{name: "imports", unit: "currency", topic: "trade-and-investment", weight: 4, lo: 500, hi: 300000},
	{name: "bilateral trade", unit: "currency", topic: "regional-trade", weight: 5, lo: 1000, hi: 200000},
	{name: "foreign direct investment", unit: "currency", topic: "investment", weight: 6, lo: 100, hi: 50000},
	{name: "digital economy share of GDP", unit: "percent", topic: "digital-economy", weight: 3, lo: 5, hi: 40},
	{name: "e-commerce sales", unit: "currency", topic: "digital-economy", weight: 3, lo: 100, hi: 80000},
	{name: "data center capacity", unit: "count", topic: "data-centers", weight: 2, lo: 50, hi: 3000, countNoun: "megawatts"},
	{name: "5G coverage", unit: "percent", topic: "5g", weight: 2, lo: 20, hi: 99},
	{name: "semiconductor exports", unit: "currency", topic: "semiconductors", weight: 3, lo: 500, hi: 150000},
	{name: "tourist arrivals", unit: "count", topic: "tourism-economy", weight: 3, lo: 100000, hi: 40000000, countNoun: "visitors"},
	{name: "electric vehicle sales", unit: "count", topic: "new-energy-vehicles", weight: 2, lo: 1000, hi: 2000000, countNoun: "vehicles"},
	{name: "renewable energy share", unit: "percent", topic: "energy-transition", weight: 2, lo: 5, hi: 60},
	{name: "policy rate change", unit: "percentage_point", topic: "economic-growth", weight: 1, lo: 0.25, hi: 1.5},
	{name: "poverty rate", unit: "percent", topic: "poverty-alleviation", weight: 1, lo: 0.5, hi: 20},
	{name: "manufacturing output growth", unit: "percent", topic: "manufacturing", weight: 3, lo: -5, hi: 12},
	{name: "revenue", unit: "currency", orgSubject: true, topic: "trade-and-investment", weight: 5, lo: 10, hi: 90000},
	{name: "net profit", unit: "currency", orgSubject: true, topic: "trade-and-investment", weight: 3, lo: 1, hi: 9000},
	{name: "employees", unit: "count", orgSubject: true, topic: "employment", weight: 3, lo: 50, hi: 200000, countNoun: "employees"},
	{name: "investment pledge", unit: "currency", orgSubject: true, topic: "investment", weight: 3, lo: 10, hi: 20000},
	{name: "market share", unit: "percent", orgSubject: true, topic: "high-tech-industry", weight: 2, lo: 1, hi: 45},
	{name: "research spending", unit: "currency", orgSubject: true, topic: "technological-innovation", weight: 2, lo: 5, hi: 5000},
}

var metricCum = func() []float64 {
	for i := range metricVocabulary {
		metricVocabulary[i].verbs = metricVerbs
	}
	return cumulative(len(metricVocabulary), func(i int) float64 { return metricVocabulary[i].weight })
}()

type countryWords struct {
	name, adjective string
	weight          float64
	cities          []string
}

var countryVocabulary = []countryWords{
	{"Malaysia", "Malaysian", 30, []string{"Kuala Lumpur", "Penang", "Johor Bahru", "Kuantan", "Cyberjaya", "Kota Kinabalu", "Kuching", "Ipoh"}},
	{"China", "Chinese", 30, []string{"Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Qinzhou", "Nanning", "Hangzhou", "Chengdu"}},
	{"Singapore", "Singaporean", 8, []string{"Singapore"}},
	{"Indonesia", "Indonesian", 8, []string{"Jakarta", "Surabaya", "Batam"}},
	{"Thailand", "Thai", 7, []string{"Bangkok", "Chiang Mai"}},
	{"Vietnam", "Vietnamese", 7, []string{"Hanoi", "Ho Chi Minh City", "Đà Nẵng"}},
	{"Philippines", "Philippine", 5, []string{"Manila", "Cebu"}},
	{"Brunei", "Bruneian", 2, []string{"Bandar Seri Begawan"}},
	{"Cambodia", "Cambodian", 2, []string{"Phnom Penh"}},
	{"Laos", "Lao", 2, []string{"Vientiane"}},
	{"Myanmar", "Myanmar", 1.5, []string{"Yangon"}},
	{"Japan", "Japanese", 5, []string{"Tokyo", "Osaka"}},
	{"South Korea", "South Korean", 4, []string{"Seoul", "Busan"}},
	{"India", "Indian", 5, []string{"New Delhi", "Mumbai", "Bengaluru"}},
	{"Australia", "Australian", 3, []string{"Sydney", "Melbourne"}},
	{"New Zealand", "New Zealand", 1, []string{"Wellington"}},
	{"United States", "American", 6, []string{"Washington", "New York", "San Francisco"}},
	{"United Kingdom", "British", 3, []string{"London"}},
	{"Germany", "German", 3, []string{"Berlin", "Munich"}},
	{"France", "French", 2, []string{"Paris"}},
	{"Netherlands", "Dutch", 1, []string{"Amsterdam"}},
	{"United Arab Emirates", "Emirati", 2, []string{"Dubai", "Abu Dhabi"}},
	{"Saudi Arabia", "Saudi", 2, []string{"Riyadh"}},
	{"Pakistan", "Pakistani", 1.5, []string{"Islamabad", "Karachi"}},
	{"Bangladesh", "Bangladeshi", 1, []string{"Dhaka"}},
	{"Sri Lanka", "Sri Lankan", 1, []string{"Colombo"}},
	{"Kazakhstan", "Kazakh", 1, []string{"Astana"}},
	{"Türkiye", "Turkish", 1.5, []string{"Ankara", "İstanbul"}},
	{"Brazil", "Brazilian", 1.5, []string{"São Paulo", "Brasília"}},
	{"South Africa", "South African", 1, []string{"Johannesburg"}},
	{"Egypt", "Egyptian", 1, []string{"Cairo"}},
	{"Côte d’Ivoire", "Ivorian", 0.5, []string{"Abidjan"}},
	{"Canada", "Canadian", 1, []string{"Ottawa", "Toronto"}},
	{"Mexico", "Mexican", 1, []string{"Mexico City"}},
	{"Chile", "Chilean", 0.5, []string{"Santiago"}},
	{"Italy", "Italian", 1, []string{"Rome", "Milan"}},
	{"Spain", "Spanish", 1, []string{"Madrid"}},
	{"Switzerland", "Swiss", 1, []string{"Geneva", "Zürich"}},
	{"Nigeria", "Nigerian", 1, []string{"Lagos", "Abuja"}},
	{"Russia", "Russian", 1.5, []string{"Moscow"}},
}

var (
	domainVocabulary = []string{"Trade", "Industry", "Digital Affairs", "Finance", "Investment", "Energy", "Transport", "Communications",
		"Science and Technology", "Education", "Tourism", "Agriculture", "Health", "Economic Planning", "Innovation", "Data",
		"Infrastructure", "Manufacturing", "Semiconductors", "Logistics", "Renewable Energy", "Foreign Affairs", "Labour",
		"Statistics", "Maritime Affairs", "Urban Development", "Artificial Intelligence", "Cybersecurity", "Green Technology", "Development Studies"}
	brandVocabulary = []string{"Sino", "Pacific", "Nusantara", "Asia", "Lotus", "Dragon", "Harimau", "Golden", "Jade", "Straits", "Borneo",
		"Orient", "Meridian", "Summit", "Horizon", "Silk Road", "Mekong", "Petra", "Sunrise", "Emerald", "Crescent", "Lion City", "Pearl",
		"Azure", "Banyan", "Cendana", "Kirin", "Phoenix", "Tiger", "Monsoon", "Everest", "Coral", "Unity", "Vista", "Zenith", "Apex"}
	brandSuffixes  = []string{"", "", "", "tech", "link", "net", "wave", "core", "gate", "bridge", "star", "line"}
	companyDomains = []string{"Data", "Semiconductor", "Energy", "Logistics", "Construction", "Digital", "Telecom", "Cloud", "Solar",
		"Automotive", "Engineering", "Capital", "Holdings", "Networks", "Electronics", "Payments", "Shipping", "Infrastructure", "Robotics", "Materials"}
	companyForms = []string{"Group", "Corp.", "Holdings", "Berhad", "Co. Ltd", "Sdn Bhd", "Ltd", "Technologies", "International", "Industries"}
	orgRoles     = []string{"director", "chief executive", "minister", "deputy minister", "chairman", "senior researcher", "professor",
		"spokesperson", "president", "secretary-general", "chief economist", "head of research", "managing director", "vice president",
		"general manager", "deputy director", "senior fellow", "founder"}
	placeRoles          = []string{"ambassador", "consul-general", "trade commissioner", "envoy"}
	honorificVocabulary = []string{"Dato'", "Datuk", "Tan Sri", "Professor", "Dr", "Datin", "Tun"}
	givenNames          = []string{
		"Ahmad", "Aminah", "Siti", "Nurul", "Farid", "Hafiz", "Aisyah", "Zainal", "Rahman", "Suhaiza", "Mustapa", "Azman", "Faizal", "Hanim", "Liyana",
		"Wei", "Jing", "Ming", "Yan", "Lei", "Xiaoming", "Hui", "Jian", "Fang", "Tingzi", "Linxin", "Dianfan", "Maoliang", "Peilin", "Yidong", "Yujing",
		"Rajesh", "Priya", "Arjun", "Kavitha", "Suresh", "Lakshmi", "Vikram", "Anand", "Meena", "Ravi",
		"John", "Sarah", "Michael", "Emily", "David", "Laura", "James", "Anna", "Robert", "Maria", "Thomas", "Sophie", "Daniel", "Olivia",
		"Hiroshi", "Yuki", "Kenji", "Akiko", "Min-jun", "Ji-woo", "Seo-yeon", "Somchai", "Nattaya", "Budi", "Dewi", "Putri", "Agus",
		"José", "Zoë", "Søren", "Łukasz", "Thảo", "Nguyễn Văn", "Chloé", "Renée", "André", "Björn", "Ayşe", "Çağla", "Ömer",
		"Fatima", "Omar", "Layla", "Hassan", "Kwame", "Amara", "Chinedu", "Thandiwe", "Pedro", "Lucía", "Mateo", "Camila",
	}
	familyNames = []string{
		"Tan", "Lim", "Lee", "Wong", "Ng", "Chan", "Goh", "Ong", "Teo", "Chua", "Koh", "Yeo", "Ho", "Low",
		"Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "Lin", "Xie", "Jiang", "Ouyang",
		"Abdullah", "Ibrahim", "Ismail", "Hassan", "Mohamed", "Yusof", "Othman", "Hamid", "Rahman", "Aziz", "bin Ali", "binti Omar",
		"Kumar", "Singh", "Raj", "Pillai", "Nair", "Menon", "Krishnan", "Subramaniam",
		"Smith", "Johnson", "Brown", "Taylor", "Wilson", "Martin", "Clarke", "Walker", "Müller", "Schmidt", "Dubois", "Rossi", "García", "López",
		"Nguyễn", "Trần", "Phạm", "Sato", "Suzuki", "Takahashi", "Kim", "Park", "Choi", "Santoso", "Wijaya", "Sukarno", "Srisai",
		"Yılmaz", "Öztürk", "Kowalski", "Nowak", "Okafor", "Mensah", "Silva", "Costa", "Pereira",
	}
)
