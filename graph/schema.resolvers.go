package graph

// This file will be automatically regenerated based on the schema, any resolver implementations
// will be copied through when generating and any unknown code will be moved to the end.

import (
	"context"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Article is the resolver for the article field.
func (r *evidenceResolver) Article(ctx context.Context, obj *db.Evidence) (*db.Article, error) {
	return loadRef(ctx, loaders(ctx).articles, &obj.ArticleID)
}

// Paragraph is the resolver for the paragraph field.
func (r *evidenceResolver) Paragraph(ctx context.Context, obj *db.Evidence) (*db.Paragraph, error) {
	return loadRef(ctx, loaders(ctx).paragraphs, &obj.ParagraphID)
}

// Node is the resolver for the node field.
func (r *queryResolver) Node(ctx context.Context, id string) (model.Node, error) {
	return r.node(ctx, id)
}

// Nodes is the resolver for the nodes field.
func (r *queryResolver) Nodes(ctx context.Context, ids []string) ([]model.Node, error) {
	if len(ids) > db.MaxPageSize {
		return nil, inputErrorf("ids: at most %d IDs, got %d", db.MaxPageSize, len(ids))
	}
	type result struct {
		node model.Node
		err  error
	}
	results := make([]chan result, len(ids))
	for i, id := range ids {
		results[i] = make(chan result, 1)
		go func() {
			n, err := r.node(ctx, id)
			results[i] <- result{n, err}
		}()
	}
	nodes := make([]model.Node, len(ids))
	for i := range ids {
		res := <-results[i]
		if res.err != nil {
			return nil, res.err
		}
		nodes[i] = res.node
	}
	return nodes, nil
}

// Article is the resolver for the article field.
func (r *queryResolver) Article(ctx context.Context, id *string, slug *string) (*db.Article, error) {
	switch {
	case (id == nil) == (slug == nil):
		return nil, inputErrorf("give exactly one of id and slug")
	case slug != nil:
		a, err := r.Store.ArticleBySlug(ctx, *slug)
		if db.ErrorCode(err) == db.CodeNotFound {
			return nil, nil
		}
		return a, err
	}
	aid, err := articleID("id", *id)
	if err != nil {
		return nil, err
	}
	return load(ctx, loaders(ctx).articles, aid)
}

// Articles is the resolver for the articles field.
func (r *queryResolver) Articles(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.ArticleFilter, orderBy *model.ArticleOrder) (*model.Connection[db.Article], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.articleFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListArticles(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountArticles(ctx, f) }), nil
}

// Statements is the resolver for the statements field.
func (r *queryResolver) Statements(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.StatementFilter, orderBy *model.StatementOrder) (*model.Connection[db.Statement], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.statementFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListStatements(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountStatements(ctx, f) }), nil
}

// Figures is the resolver for the figures field.
func (r *queryResolver) Figures(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.FigureFilter, orderBy *model.FigureOrder) (*model.Connection[db.Figure], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.figureFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListFigures(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountFigures(ctx, f) }), nil
}

// Agreements is the resolver for the agreements field.
func (r *queryResolver) Agreements(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.AgreementFilter, orderBy *model.AgreementOrder) (*model.Connection[db.Agreement], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.agreementFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListAgreements(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountAgreements(ctx, f) }), nil
}

// People is the resolver for the people field.
func (r *queryResolver) People(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.PersonFilter, orderBy *model.PersonOrder) (*model.Connection[db.Person], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.personFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListPeople(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountPeople(ctx, f) }), nil
}

// Organizations is the resolver for the organizations field.
func (r *queryResolver) Organizations(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.OrganizationFilter, orderBy *model.OrganizationOrder) (*model.Connection[db.Organization], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.organizationFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListOrganizations(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountOrganizations(ctx, f) }), nil
}

// Places is the resolver for the places field.
func (r *queryResolver) Places(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.PlaceFilter, orderBy *model.PlaceOrder) (*model.Connection[db.Place], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.placeFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListPlaces(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountPlaces(ctx, f) }), nil
}

// Events is the resolver for the events field.
func (r *queryResolver) Events(ctx context.Context, first *int, after *string, last *int, before *string, filter *model.EventFilter, orderBy *model.EventOrder) (*model.Connection[db.Event], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	f, err := r.eventFilter(ctx, "filter", filter)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListEvents(ctx, f, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, func(ctx context.Context) (int, error) { return r.Store.CountEvents(ctx, f) }), nil
}

// Topics is the resolver for the topics field.
func (r *queryResolver) Topics(ctx context.Context, first *int, after *string, last *int, before *string, orderBy *model.TopicOrder) (*model.Connection[db.Topic], error) {
	args, err := pageArgs(first, after, last, before)
	if err != nil {
		return nil, err
	}
	var o db.Order
	if orderBy != nil {
		o = order(&orderBy.Field, &orderBy.Direction)
	}
	page, err := r.Store.ListTopics(ctx, o, args)
	if err != nil {
		return nil, err
	}
	return connectionOf(page, r.Store.CountTopics), nil
}

// ID is the resolver for the id field.
func (r *topicResolver) ID(ctx context.Context, obj *db.Topic) (string, error) {
	return encodeID(typeTopic, obj.ID), nil
}

// Parent is the resolver for the parent field.
func (r *topicResolver) Parent(ctx context.Context, obj *db.Topic) (*db.Topic, error) {
	return loadRef(ctx, loaders(ctx).topics, obj.ParentID)
}

// Children is the resolver for the children field.
func (r *topicResolver) Children(ctx context.Context, obj *db.Topic) ([]*db.Topic, error) {
	return loaders(ctx).subTopics.Load(ctx, obj.ID)
}

// Articles is the resolver for the articles field.
func (r *topicResolver) Articles(ctx context.Context, obj *db.Topic, first *int, after *string, last *int, before *string) (*model.Connection[db.Article], error) {
	return nested(ctx, db.TopicArticles, obj.ID, first, after, last, before)
}

// Statements is the resolver for the statements field.
func (r *topicResolver) Statements(ctx context.Context, obj *db.Topic, first *int, after *string, last *int, before *string) (*model.Connection[db.Statement], error) {
	return nested(ctx, db.TopicStatements, obj.ID, first, after, last, before)
}

// Figures is the resolver for the figures field.
func (r *topicResolver) Figures(ctx context.Context, obj *db.Topic, first *int, after *string, last *int, before *string) (*model.Connection[db.Figure], error) {
	return nested(ctx, db.TopicFigures, obj.ID, first, after, last, before)
}

// Agreements is the resolver for the agreements field.
func (r *topicResolver) Agreements(ctx context.Context, obj *db.Topic, first *int, after *string, last *int, before *string) (*model.Connection[db.Agreement], error) {
	return nested(ctx, db.TopicAgreements, obj.ID, first, after, last, before)
}

// Events is the resolver for the events field.
func (r *topicResolver) Events(ctx context.Context, obj *db.Topic, first *int, after *string, last *int, before *string) (*model.Connection[db.Event], error) {
	return nested(ctx, db.TopicEvents, obj.ID, first, after, last, before)
}

// Evidence returns generated.EvidenceResolver implementation.
func (r *Resolver) Evidence() generated.EvidenceResolver { return &evidenceResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

// Topic returns generated.TopicResolver implementation.
func (r *Resolver) Topic() generated.TopicResolver { return &topicResolver{r} }

type evidenceResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
type topicResolver struct{ *Resolver }
