package curate_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// countEvents returns the number of change events of each kind (as in
// db's tests).
func countEvents(t *testing.T, d *dbtest.Database) map[string]int {
	t.Helper()
	rows, err := d.Pool.Query(context.Background(), `SELECT kind, count(*) FROM change_events GROUP BY kind`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			t.Fatal(err)
		}
		out[kind] = n
	}
	return out
}
