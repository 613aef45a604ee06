package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/graph/serve"
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
	res, err := curate.ImportBy(ctx, store, actor, docs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d documents (%d articles) as %s\n", len(docs), len(res.Articles), actor)
	return nil
}

// tokenCmd prints a new API token for name and the line that configures it
// in NEWSGRAPH_API_TOKENS_FILE, which holds only the token's hash.
func tokenCmd(args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("token: want exactly one NAME")
	}
	token, line, err := serve.NewToken(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "token (give it to %s; it is not stored anywhere):\n  %s\nline for NEWSGRAPH_API_TOKENS_FILE:\n  %s\n", args[0], token, line)
	return nil
}
