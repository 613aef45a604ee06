package document_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDocumentSpeaksNoSQL checks the other side of the split: the
// curated format's packages import no PostgreSQL driver of their own (the
// writer, db/curate, speaks SQL for them; document reaches db only for its
// errors and vocabularies).
func TestDocumentSpeaksNoSQL(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}: {{join .Imports \" \"}}",
		"github.com/newsgraph/newsgraph/seeds/document/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 2 {
		t.Fatalf("go list listed %d packages; want document and document/extract", len(lines))
	}
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, ": ")
		for _, p := range strings.Fields(imports) {
			if strings.Contains(p, "jackc/") || strings.Contains(p, "database/sql") || strings.HasPrefix(p, "github.com/newsgraph/newsgraph/db/") {
				t.Errorf("%s imports %s; want no SQL driver and nothing of db's subpackages", pkg, p)
			}
		}
	}
}
