package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// importCmd imports curated documents through the same validation and
// transaction as the importArticle mutation, on behalf of actor. Each
// argument is a document file (its source text beside it) or a folder laid
// out like seeds/ (catalog.yaml and articles/).
func importCmd(ctx context.Context, cfg config, args []string, actor string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("import: name the documents or folders to import")
	}
	var docs []*document.Document
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		if info.IsDir() {
			more, err := document.ReadWithin(ctx, os.DirFS(arg), cfg.documents)
			if err != nil {
				return err
			}
			docs = append(docs, more...)
			continue
		}
		doc, err := document.ReadFile(ctx, arg, cfg.documents)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
	}
	store, err := prepare(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Pool().Close()
	defer store.Close()
	res, err := curate.ImportBy(ctx, store, actor, docs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d documents (%d articles) as %s\n", len(docs), len(res.Articles), actor)
	return nil
}
