// Package seeds holds newsgraph's curated dataset: the verbatim text of each
// article and one curated document per article, plus the shared catalog
// (see README.md in this folder). It reads documents from a folder; the
// db package validates and writes them.
package seeds

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/db"
)

// FS is the dataset compiled into the binary.
//
//go:embed catalog.yaml articles
var FS embed.FS

// Read parses every *.yaml document in fsys and in its articles folder,
// catalog.yaml first and then by name, and reads each article's source text
// from beside its document. It reports every unreadable or malformed file at
// once in a *db.ValidationError.
func Read(fsys fs.FS) ([]*db.Document, error) {
	var names []string
	for _, dir := range []string{".", "articles"} {
		matches, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
		if err != nil {
			return nil, fmt.Errorf("list seed files: %w", err)
		}
		names = append(names, matches...)
	}
	slices.SortStableFunc(names, func(a, b string) int {
		switch {
		case a == "catalog.yaml":
			return -1
		case b == "catalog.yaml":
			return 1
		}
		return strings.Compare(a, b)
	})
	if len(names) == 0 {
		return nil, errors.New("no seed documents (*.yaml) found")
	}
	return readNames(fsys, names)
}

// readNames parses the named documents of fsys and reads their sources.
func readNames(fsys fs.FS, names []string) ([]*db.Document, error) {
	var docs []*db.Document
	var problems []db.Problem
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems = append(problems, db.Problem{Document: name, Message: "cannot be read: " + err.Error()})
			continue
		}
		doc, err := db.ParseDocument(name, data)
		var invalid *db.ValidationError
		if errors.As(err, &invalid) {
			problems = append(problems, invalid.Problems...)
			continue
		}
		if err != nil {
			return nil, err
		}
		if a := doc.Article; a != nil && a.Source != "" {
			text, err := fs.ReadFile(fsys, path.Join(path.Dir(name), a.Source))
			if err != nil {
				problems = append(problems, db.Problem{Document: name, Path: "article.source",
					Message: fmt.Sprintf("source text %q cannot be read beside the document", a.Source)})
				continue
			}
			doc.Text = string(text)
		}
		docs = append(docs, doc)
	}
	if problems != nil {
		return nil, &db.ValidationError{Problems: problems}
	}
	return docs, nil
}

// ReadFile parses one document file and reads its article's source text
// from beside it.
func ReadFile(path string) (*db.Document, error) {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	docs, err := readNames(os.DirFS(dir), []string{name})
	if err != nil {
		return nil, err
	}
	return docs[0], nil
}
