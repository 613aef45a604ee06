package graph

// This file will be automatically regenerated based on the schema, any resolver implementations
// will be copied through when generating and any unknown code will be moved to the end.

import (
	"context"
	"html"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Search is the resolver for the search field.
func (r *queryResolver) Search(ctx context.Context, query string, types []string, first *int, after *string) (*model.SearchConnection, error) {
	args, err := pageArgs(first, after, nil, nil)
	if err != nil {
		return nil, err
	}
	page, err := r.Store.Search(ctx, query, types, args)
	if err != nil {
		return nil, err
	}
	conn := &model.SearchConnection{
		Edges:    make([]*model.SearchEdge, len(page.Items)),
		PageInfo: &model.PageInfo{HasNextPage: page.HasNext, HasPreviousPage: page.HasPrevious},
		Count:    func(ctx context.Context) (int, error) { return r.Store.CountSearch(ctx, query, types) },
	}
	l := loaders(ctx)
	for i, hit := range page.Items {
		var node model.SearchResult
		switch hit.Kind {
		case "ARTICLE":
			node, err = orNil(loadRef(ctx, l.articles, &hit.ID))
		case "STATEMENT":
			node, err = orNil(loadRef(ctx, l.statements, &hit.ID))
		case "FIGURE":
			node, err = orNil(loadRef(ctx, l.figures, &hit.ID))
		default:
			node, err = r.entity(ctx, hit.Kind, hit.ID)
		}
		if err != nil {
			return nil, err
		}
		snippet := hit.Snippet
		conn.Edges[i] = &model.SearchEdge{Cursor: encodeCursor(page.Order, hit.Keys), Node: node, Score: hit.Score, Snippet: &snippet}
	}
	if n := len(conn.Edges); n > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[n-1].Cursor
	}
	return conn, nil
}

// HTML is the resolver for the html field.
func (r *snippetResolver) HTML(ctx context.Context, obj *db.Snippet) (string, error) {
	text := []rune(obj.Text)
	var b strings.Builder
	at := 0
	for _, h := range obj.Highlights {
		b.WriteString(html.EscapeString(string(text[at:h.Start])))
		b.WriteString("<mark>" + html.EscapeString(string(text[h.Start:h.End])) + "</mark>")
		at = h.End
	}
	b.WriteString(html.EscapeString(string(text[at:])))
	return b.String(), nil
}

// Snippet returns generated.SnippetResolver implementation.
func (r *Resolver) Snippet() generated.SnippetResolver { return &snippetResolver{r} }

type snippetResolver struct{ *Resolver }
