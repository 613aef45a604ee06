package document

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/db"
)

// Read reads the documents of fsys as ReadWithin does, within
// DefaultLimits.
func Read(fsys fs.FS) ([]*Document, error) {
	return ReadWithin(context.Background(), fsys, Limits{})
}

// ReadWithin parses every *.yaml document in fsys and in its articles
// folder (laid out like seeds/), catalog.yaml first and then by name, and
// reads each article's source text from beside its document. It reads no more of a file than
// limits allow. It reports every unreadable, oversized or malformed file
// at once in a *db.ValidationError.
func ReadWithin(ctx context.Context, fsys fs.FS, limits Limits) ([]*Document, error) {
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
	return readNames(ctx, fsys, names, limits)
}

// readNames parses the named documents of fsys and reads their sources.
func readNames(ctx context.Context, fsys fs.FS, names []string, limits Limits) ([]*Document, error) {
	limits = limits.WithDefaults()
	var docs []*Document
	var problems []db.Problem
	for _, name := range names {
		data, err := readAtMost(fsys, name, limits.Bytes)
		if errors.Is(err, ErrTooBig) {
			problems = append(problems, db.Problem{Document: name,
				Message: fmt.Sprintf("the document is more than the limit of %d bytes", limits.Bytes)})
			continue
		}
		if err != nil {
			problems = append(problems, db.Problem{Document: name, Message: "cannot be read: " + err.Error()})
			continue
		}
		doc, err := ParseWithin(ctx, name, data, limits)
		var invalid *db.ValidationError
		if errors.As(err, &invalid) {
			problems = append(problems, invalid.Problems...)
			continue
		}
		if err != nil {
			return nil, err
		}
		if a := doc.Article; a != nil && a.Source != "" {
			text, err := readAtMost(fsys, path.Join(path.Dir(name), a.Source), maxTextBytes)
			if errors.Is(err, ErrTooBig) {
				problems = append(problems, db.Problem{Document: name, Path: "article.source",
					Message: fmt.Sprintf("source text %q is more than %d bytes, more than an article's text of at most %d characters can take",
						a.Source, maxTextBytes, MaxArticleText)})
				continue
			}
			if err != nil {
				problems = append(problems, db.Problem{Document: name, Path: "article.source",
					Message: fmt.Sprintf("source text %q cannot be read beside the document: %v", a.Source, err)})
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

// maxTextBytes is as many bytes as the longest article text allowed can
// take in UTF-8.
const maxTextBytes = 4 * MaxArticleText

// ErrTooBig is ReadAtMost's refusal.
var ErrTooBig = errors.New("file too big")

// readAtMost reads the file name of fsys with ReadAtMost.
func readAtMost(fsys fs.FS, name string, max int) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAtMost(f, max)
}

// ReadAtMost reads r to its end, or refuses it with ErrTooBig once it is
// found to hold more than max bytes, having read no more than max+1 (r may
// be endless, like /dev/zero).
func ReadAtMost(r io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, ErrTooBig
	}
	return data, nil
}

// ReadFile parses one document file within limits, and reads its article's
// source text from beside it.
func ReadFile(ctx context.Context, path string, limits Limits) (*Document, error) {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	docs, err := readNames(ctx, os.DirFS(dir), []string{name}, limits)
	if err != nil {
		return nil, err
	}
	return docs[0], nil
}
