package db_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStoreKnowsNoYAML checks the one-way dependency of the curated
// format: package db imports no YAML library and not package document
// (document holds the format and imports db, never the reverse).
func TestStoreKnowsNoYAML(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/newsgraph/newsgraph/db").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list -deps listed nothing")
	}
	for _, p := range deps {
		if strings.Contains(strings.ToLower(p), "yaml") || strings.HasPrefix(p, "github.com/newsgraph/newsgraph/seeds/document") {
			t.Errorf("package db depends on %s; want no YAML library and not package document", p)
		}
	}
}
