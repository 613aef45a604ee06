package serve_test

import (
	"os/exec"
	"strings"
	"testing"
)

// imports lists what go list reports in field of pkg ("Imports": the
// packages it imports).
func imports(t *testing.T, field, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{join ."+field+" \"\\n\"}}", pkg).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pkg, err)
	}
	list := strings.Fields(string(out))
	if len(list) == 0 {
		t.Fatalf("go list listed no %s of %s", field, pkg)
	}
	return list
}

// TestReachesPostgresOnlyThroughDB checks that the HTTP side imports no
// pgx package that opens a connection (pgxpool only, for the pool's
// statistics): the response cache and the broker listen through
// pg.Listen (db/pg). (That graph never imports serve needs no test: serve imports
// graph, so the compiler refuses the cycle.)
func TestReachesPostgresOnlyThroughDB(t *testing.T) {
	for _, p := range imports(t, "Imports", "github.com/newsgraph/newsgraph/graph/serve") {
		if strings.HasPrefix(p, "github.com/jackc/") && p != "github.com/jackc/pgx/v5/pgxpool" {
			t.Errorf("package serve imports %s; want PostgreSQL reached only through db", p)
		}
	}
}

// TestGraphtestOnlyInTests checks that no package of the server imports
// the test fixture graphtest (its own tests may).
func TestGraphtestOnlyInTests(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/newsgraph/newsgraph").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p == "github.com/newsgraph/newsgraph/graph/graphtest" {
			t.Errorf("the server binary depends on %s; want it used by tests only", p)
		}
	}
}
