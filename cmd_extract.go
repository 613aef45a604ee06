package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
	"github.com/newsgraph/newsgraph/seeds/document/extract"
)

// extractCmd reads an article's text and writes a draft document in the
// seeds' format to out (stdout when out is empty), for a curator to review
// and import. The draft names the text as its source, so it belongs beside
// the text file.
func extractCmd(ctx context.Context, args []string, out string, stdout io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("extract: want exactly one FILE.txt")
	}
	data, err := readLimited(args[0], extract.DefaultMaxBytes)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	known, err := catalogSlugs()
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	d, err := extract.Extract(ctx, string(data), extract.Options{Source: filepath.Base(args[0]), Known: known})
	if err != nil {
		return fmt.Errorf("extract %s: %w", args[0], err)
	}
	if out == "" {
		_, err = stdout.Write(d.YAML())
		return err
	}
	if err := os.WriteFile(out, d.YAML(), 0o644); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d people, %d organizations, %d statements, %d figures\n", out,
		len(d.Doc.People), len(d.Doc.Organizations), len(d.Doc.Statements), len(d.Doc.Figures))
	return nil
}

// readLimited reads a file of at most max bytes; it stops reading one that
// turns out longer (it may be endless, like /dev/zero).
func readLimited(name string, max int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := document.ReadAtMost(f, max)
	if errors.Is(err, document.ErrTooBig) {
		return nil, fmt.Errorf("%s: more than the limit of %d bytes", name, max)
	}
	return data, err
}

// catalogSlugs returns the slugs of the entities the built-in catalog
// declares, which a draft refers to rather than declares again.
func catalogSlugs() (map[string]bool, error) {
	data, err := fs.ReadFile(seeds.FS, "catalog.yaml")
	if err != nil {
		return nil, err
	}
	return extract.CatalogSlugs(data)
}
