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

// TestExtractDraftsPassSeedCheck runs the README's extract → review →
// import flow on both seed texts and every fixture: `newsgraph extract -o`,
// `newsgraph seed -check` on a folder holding the draft beside its text and
// the catalog (the draft validates unchanged), then `newsgraph import` of
// each fixture's draft into the seeded database.
func TestExtractDraftsPassSeedCheck(t *testing.T) {
	d := dbtest.New(t)
	t.Setenv("DATABASE_URL", d.URL)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	seedTexts, err := filepath.Glob("seeds/articles/*.txt")
	if err != nil || len(seedTexts) == 0 {
		t.Fatalf("no seed texts: %v", err)
	}
	fixtureTexts, err := filepath.Glob("seeds/document/extract/testdata/*.txt")
	if err != nil || len(fixtureTexts) == 0 {
		t.Fatalf("no fixture texts: %v", err)
	}
	// The README's flow on a database holding the seeds (as `make run`
	// leaves it), one article at a time: extract into a directory beside
	// the catalog, check it with seed -check, import the draft.
	if err := run(context.Background(), []string{"seed"}, io.Discard, logger); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var seeded int
	if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM articles`).Scan(&seeded); err != nil {
		t.Fatal(err)
	}
	for _, txt := range append(seedTexts, fixtureTexts...) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "articles"), 0o755); err != nil {
			t.Fatal(err)
		}
		copyFile(t, "seeds/catalog.yaml", filepath.Join(dir, "catalog.yaml"))
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
		out.Reset()
		if err := run(context.Background(), []string{"seed", "-check", dir}, &out, logger); err != nil {
			t.Fatalf("seed -check on the draft of %s: %v", txt, err)
		}
		if got, want := out.String(), "2 documents are valid\n"; got != want {
			t.Errorf("seed -check said %q; want %q", got, want)
		}
		if strings.HasPrefix(txt, "seeds/articles/") {
			continue // already curated and seeded: a draft of it is not imported twice
		}
		out.Reset()
		if err := run(context.Background(), []string{"import", draft}, &out, logger); err != nil {
			t.Fatalf("import the draft of %s: %v", txt, err)
		}
	}
	var articles int
	if err := d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM articles`).Scan(&articles); err != nil {
		t.Fatal(err)
	}
	if want := seeded + len(fixtureTexts); articles != want {
		t.Errorf("%d articles; want the %d seeded and one for each of the %d fixtures", articles, seeded, len(fixtureTexts))
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
