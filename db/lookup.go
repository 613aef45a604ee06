package db

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Lookups on the primary that the API's edits make before they write, and
// that tell the server whether to load the seeds.

// StatementKey returns the key of the statement with id within its
// article, for a figure that cites it.
func (s *Store) StatementKey(ctx context.Context, id int64) (articleID int64, key string, err error) {
	err = s.pool.QueryRow(ctx, `SELECT article_id, key FROM statements WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&articleID, &key)
	if isNoRows(err) {
		return 0, "", Errorf(CodeNotFound, "no statement has this id")
	}
	return articleID, key, err
}

// FigureArticle returns the id of the article a figure belongs to.
func (s *Store) FigureArticle(ctx context.Context, id int64) (int64, error) {
	var articleID int64
	err := s.pool.QueryRow(ctx, `SELECT article_id FROM figures WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&articleID)
	if isNoRows(err) {
		return 0, Errorf(CodeNotFound, "no figure has this id")
	}
	return articleID, err
}

// EntitySlug returns the kind and slug of the entity with id; ok is false
// when there is none.
func (s *Store) EntitySlug(ctx context.Context, id int64) (kind, slug string, ok bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT kind::text, slug FROM entities WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&kind, &slug)
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
func (s *Store) TopicSlug(ctx context.Context, id int64) (slug string, ok bool, err error) {
	err = s.pool.QueryRow(ctx, `SELECT slug FROM topics WHERE id = @id`, pgx.NamedArgs{"id": id}).Scan(&slug)
	if isNoRows(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("look up topic: %w", err)
	}
	return slug, true, nil
}

// Empty reports whether the database holds no article.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var exists bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&exists); err != nil {
		return false, fmt.Errorf("count articles: %w", err)
	}
	return !exists, nil
}
