package graph

// This file will be automatically regenerated based on the schema, any resolver implementations
// will be copied through when generating and any unknown code will be moved to the end.

import (
	"context"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/model"
)

// ID is the resolver for the id field.
func (r *articleResolver) ID(ctx context.Context, obj *db.Article) (string, error) {
	return encodeID(typeArticle, obj.ID), nil
}

// Paragraphs is the resolver for the paragraphs field.
func (r *articleResolver) Paragraphs(ctx context.Context, obj *db.Article) ([]*db.Paragraph, error) {
	return loaders(ctx).paragraphsOf.Load(ctx, obj.ID)
}

// Credits is the resolver for the credits field.
func (r *articleResolver) Credits(ctx context.Context, obj *db.Article) ([]*db.Credit, error) {
	return loaders(ctx).creditsOf.Load(ctx, obj.ID)
}

// Topics is the resolver for the topics field.
func (r *articleResolver) Topics(ctx context.Context, obj *db.Article) ([]*db.Topic, error) {
	return loaders(ctx).topicsOf[db.ArticleTopics].Load(ctx, obj.ID)
}

// Statements is the resolver for the statements field.
func (r *articleResolver) Statements(ctx context.Context, obj *db.Article, first *int, after *string, last *int, before *string) (*model.Connection[db.Statement], error) {
	return nested(ctx, db.ArticleStatements, obj.ID, first, after, last, before)
}

// Figures is the resolver for the figures field.
func (r *articleResolver) Figures(ctx context.Context, obj *db.Article, first *int, after *string, last *int, before *string) (*model.Connection[db.Figure], error) {
	return nested(ctx, db.ArticleFigures, obj.ID, first, after, last, before)
}

// Agreements is the resolver for the agreements field.
func (r *articleResolver) Agreements(ctx context.Context, obj *db.Article, first *int, after *string, last *int, before *string) (*model.Connection[db.Agreement], error) {
	return nested(ctx, db.ArticleAgreements, obj.ID, first, after, last, before)
}

// People is the resolver for the people field.
func (r *articleResolver) People(ctx context.Context, obj *db.Article, first *int, after *string, last *int, before *string) (*model.Connection[db.Person], error) {
	return nested(ctx, db.ArticlePeople, obj.ID, first, after, last, before)
}

// Organizations is the resolver for the organizations field.
func (r *articleResolver) Organizations(ctx context.Context, obj *db.Article, first *int, after *string, last *int, before *string) (*model.Connection[db.Organization], error) {
	return nested(ctx, db.ArticleOrganizations, obj.ID, first, after, last, before)
}

// Places is the resolver for the places field.
func (r *articleResolver) Places(ctx context.Context, obj *db.Article, first *int, after *string, last *int, before *string) (*model.Connection[db.Place], error) {
	return nested(ctx, db.ArticlePlaces, obj.ID, first, after, last, before)
}

// Events is the resolver for the events field.
func (r *articleResolver) Events(ctx context.Context, obj *db.Article, first *int, after *string, last *int, before *string) (*model.Connection[db.Event], error) {
	return nested(ctx, db.ArticleEvents, obj.ID, first, after, last, before)
}

// Person is the resolver for the person field.
func (r *creditResolver) Person(ctx context.Context, obj *db.Credit) (*db.Person, error) {
	return loadRef(ctx, loaders(ctx).people, &obj.PersonID)
}

// Evidence is the resolver for the evidence field.
func (r *creditResolver) Evidence(ctx context.Context, obj *db.Credit) ([]*db.Evidence, error) {
	return loaders(ctx).evidenceOf[db.CreditEvidence].Load(ctx, obj.ID)
}

// ID is the resolver for the id field.
func (r *paragraphResolver) ID(ctx context.Context, obj *db.Paragraph) (string, error) {
	return encodeID(typeParagraph, obj.ID), nil
}

// Article is the resolver for the article field.
func (r *paragraphResolver) Article(ctx context.Context, obj *db.Paragraph) (*db.Article, error) {
	return loadRef(ctx, loaders(ctx).articles, &obj.ArticleID)
}

// Article returns generated.ArticleResolver implementation.
func (r *Resolver) Article() generated.ArticleResolver { return &articleResolver{r} }

// Credit returns generated.CreditResolver implementation.
func (r *Resolver) Credit() generated.CreditResolver { return &creditResolver{r} }

// Paragraph returns generated.ParagraphResolver implementation.
func (r *Resolver) Paragraph() generated.ParagraphResolver { return &paragraphResolver{r} }

type articleResolver struct{ *Resolver }
type creditResolver struct{ *Resolver }
type paragraphResolver struct{ *Resolver }
