package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestExtractDraftsPassSeedCheck runs `newsgraph extract -o` on both seed
// texts and then `newsgraph seed -check` on a folder holding the drafts
// beside the texts and the catalog: the drafts validate unchanged.
func TestExtractDraftsPassSeedCheck(t *testing.T) {
	d := dbtest.New(t)
	t.Setenv("DATABASE_URL", d.URL)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, "seeds/catalog.yaml", filepath.Join(dir, "catalog.yaml"))
	texts, err := filepath.Glob("seeds/articles/*.txt")
	if err != nil || len(texts) == 0 {
		t.Fatalf("no seed texts: %v", err)
	}
	for _, txt := range texts {
		dst := filepath.Join(dir, "articles", filepath.Base(txt))
		copyFile(t, txt, dst)
		draft := strings.TrimSuffix(dst, ".txt") + ".yaml"
		var out bytes.Buffer
		if err := run(context.Background(), []string{"extract", "-o", draft, dst}, &out, logger); err != nil {
			t.Fatalf("extract %s: %v", txt, err)
		}
		if !strings.Contains(out.String(), "statements") {
			t.Errorf("extract said %q; want a summary with the statements counted", out.String())
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"seed", "-check", dir}, &out, logger); err != nil {
		t.Fatalf("seed -check on the drafts: %v", err)
	}
	if got, want := out.String(), "3 documents are valid\n"; got != want {
		t.Errorf("seed -check said %q; want %q", got, want)
	}
}

// TestExtractPrintsAndRefuses checks that extract writes the draft to
// stdout without -o, and refuses endless or missing input by name.
func TestExtractPrintsAndRefuses(t *testing.T) {
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	var out bytes.Buffer
	if err := run(context.Background(), []string{"extract", "seeds/articles/003_a22b1cf4084b29ce.txt"}, &out, logger); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"source: \"003_a22b1cf4084b29ce.txt\"", "statements:", "# review: "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	for args, want := range map[string]string{
		"extract /dev/zero":   "/dev/zero: more than the limit of 1048576 bytes",
		"extract nosuch.txt":  "nosuch.txt: no such file",
		"extract a.txt b.txt": "want exactly one FILE.txt",
	} {
		err := run(context.Background(), strings.Fields(args), io.Discard, logger)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v; want an error saying %q", args, err, want)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
