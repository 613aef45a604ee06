package curate

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
)

// Lookups on the primary that the API's edits make before they write: the
// slugs and keys by which a curated document names what a mutation's input
// names by id. They read through the store's pool (Store.Pool), as
// Validate does, outside any transaction.

// StatementKey returns the key of the statement with id within its
// article, for a figure that cites it.
func StatementKey(ctx context.Context, s *db.Store, id int64) (articleID int64, key string, err error) {
	err = s.Pool().QueryRow(ctx, `SELECT article_id, key FROM statements WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&articleID, &key)
	if isNoRows(err) {
		return 0, "", db.Errorf(db.CodeNotFound, "no statement has this id")
	}
	return articleID, key, err
}

// FigureArticle returns the id of the article a figure belongs to.
func FigureArticle(ctx context.Context, s *db.Store, id int64) (int64, error) {
	var articleID int64
	err := s.Pool().QueryRow(ctx, `SELECT article_id FROM figures WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&articleID)
	if isNoRows(err) {
		return 0, db.Errorf(db.CodeNotFound, "no figure has this id")
	}
	return articleID, err
}

// EntitySlug returns the kind and slug of the entity with id; ok is false
// when there is none.
func EntitySlug(ctx context.Context, s *db.Store, id int64) (kind, slug string, ok bool, err error) {
	err = s.Pool().QueryRow(ctx, `SELECT kind::text, slug FROM entities WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&kind, &slug)
	if isNoRows(err) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("look up entity: %w", err)
	}
	return kind, slug, true, nil
}

// TopicSlug returns the slug of the topic with id; ok is false when there
// is none.
func TopicSlug(ctx context.Context, s *db.Store, id int64) (slug string, ok bool, err error) {
	err = s.Pool().QueryRow(ctx, `SELECT slug FROM topics WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&slug)
	if isNoRows(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("look up topic: %w", err)
	}
	return slug, true, nil
}
