package rowscan_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/db/rowscan"
)

// scanRow has fields without db tags (matched by name, case and
// underscores aside), an ignored one, an unexported one and an embedded
// struct whose fields count as its own.
type scanRow struct {
	ID         int64
	SourceFile string
	Skipped    string `db:"-"`
	//lint:ignore U1000 never set: the scanner must pass over an unexported field
	hidden int
	scanEmbedded
}

type scanEmbedded struct {
	Keys   []string `db:"list_keys"`
	Parent int64    `db:"LIST_PARENT"`
}

// lateColumns are rows that tell their columns only once the first row
// is read.
type lateColumns struct {
	pgx.Rows
	started bool
}

func (r *lateColumns) Next() bool {
	r.started = true
	return r.Rows.Next()
}

func (r *lateColumns) FieldDescriptions() []pgconn.FieldDescription {
	if !r.started {
		return nil
	}
	return r.Rows.FieldDescriptions()
}

// collectBoth reads sql twice, with pgx's struct scanner and with
// CollectStructs, and fails unless both read the same rows.
func collectBoth[T any](t *testing.T, ctx context.Context, d *dbtest.Database, sql string) []*T {
	t.Helper()
	rows, err := d.Pool.Query(ctx, sql)
	if err != nil {
		t.Fatal(err)
	}
	want, err := pgx.CollectRows(rows, pgx.RowToAddrOfStructByNameLax[T])
	if err != nil {
		t.Fatalf("pgx: %v", err)
	}
	rows, err = d.Pool.Query(ctx, sql)
	if err != nil {
		t.Fatal(err)
	}
	got, err := rowscan.Collect[T](rows)
	if err != nil {
		t.Fatalf("CollectStructs: %v", err)
	}
	if len(want) == 0 {
		t.Fatalf("%s: no rows to compare", sql)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\nCollectStructs read %+v\npgx read            %+v", sql, got, want)
	}
	return got
}

// TestCollectStructs: the read path's row scanner, which matches columns
// to fields once a result, reads what pgx's RowToAddrOfStructByNameLax
// reads, row for row, on the seeds: the domain types (tags, embedded
// Keyset, nullable columns, JSON dates, arrays) and untagged fields; and
// refuses a column no field takes, as pgx does; and reads
// from rows whose columns come with the first row.
func TestCollectStructs(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	collectBoth[db.Article](t, ctx, d, `SELECT a.id, a.slug, a.title, a.lede, a.language, a.source_file, a.version,
		partial_date_json(a.published_year, a.published_month, a.published_day, a.published_precision, a.published_text,
			a.published_inferred, a.published_basis) AS published,
		ARRAY[a.slug, a.id::text] AS list_keys, a.id + 1 AS list_parent, 7 AS list_total FROM articles a ORDER BY a.id`)
	collectBoth[db.Statement](t, ctx, d, `SELECT s.id, s.article_id, s.position, s.speaker_id,
		upper(s.speaker_kind::text) AS speaker_kind, s.content, s.version FROM statements s ORDER BY s.id`)
	collectBoth[db.Figure](t, ctx, d, `SELECT f.id, f.article_id, f.position, f.metric, f.value::text AS value,
		upper(f.unit::text) AS unit, f.currency, f.display, f.statement_id FROM figures f ORDER BY f.id`)
	rows := collectBoth[scanRow](t, ctx, d, `SELECT a.id, a.source_file AS "SOURCE_FILE", ARRAY[a.slug] AS list_keys,
		a.id AS list_parent FROM articles a ORDER BY a.id`)
	if rows[0].ID == 0 || rows[0].SourceFile == "" || len(rows[0].Keys) != 1 || rows[0].Parent != rows[0].ID {
		t.Fatalf("untagged and embedded fields not read: %+v", rows[0])
	}

	// Rows whose columns are known only from the first row on, as a read
	// a standby failed and the primary answered (the store's failover
	// rows swap the standby's rows for the primary's at the first Next).
	r, err := d.Pool.Query(ctx, `SELECT a.id, a.slug FROM articles a ORDER BY a.id`)
	if err != nil {
		t.Fatal(err)
	}
	late, err := rowscan.Collect[db.Article](&lateColumns{Rows: r})
	if err != nil || len(late) == 0 || late[0].Slug == "" {
		t.Fatalf("CollectStructs over rows whose columns come with the first row: %v, %d rows", err, len(late))
	}

	r, err = d.Pool.Query(ctx, `SELECT a.id, a.slug AS no_such_field FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rowscan.Collect[db.Article](r); err == nil {
		t.Fatal("CollectStructs read a column no field takes; want an error")
	}
}
