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
func (r *figureResolver) ID(ctx context.Context, obj *db.Figure) (string, error) {
	return encodeID(typeFigure, obj.ID), nil
}

// Article is the resolver for the article field.
func (r *figureResolver) Article(ctx context.Context, obj *db.Figure) (*db.Article, error) {
	return loadRef(ctx, loaders(ctx).articles, &obj.ArticleID)
}

// Subject is the resolver for the subject field.
func (r *figureResolver) Subject(ctx context.Context, obj *db.Figure) (model.Entity, error) {
	return r.entity(ctx, obj.SubjectKind, obj.SubjectID)
}

// Statement is the resolver for the statement field.
func (r *figureResolver) Statement(ctx context.Context, obj *db.Figure) (*db.Statement, error) {
	return loadRef(ctx, loaders(ctx).statements, obj.StatementID)
}

// Topics is the resolver for the topics field.
func (r *figureResolver) Topics(ctx context.Context, obj *db.Figure) ([]*db.Topic, error) {
	return loaders(ctx).topicsOf[db.FigureTopics].Load(ctx, obj.ID)
}

// Evidence is the resolver for the evidence field.
func (r *figureResolver) Evidence(ctx context.Context, obj *db.Figure) ([]*db.Evidence, error) {
	return loaders(ctx).evidenceOf[db.FigureEvidence].Load(ctx, obj.ID)
}

// ID is the resolver for the id field.
func (r *statementResolver) ID(ctx context.Context, obj *db.Statement) (string, error) {
	return encodeID(typeStatement, obj.ID), nil
}

// Article is the resolver for the article field.
func (r *statementResolver) Article(ctx context.Context, obj *db.Statement) (*db.Article, error) {
	return loadRef(ctx, loaders(ctx).articles, &obj.ArticleID)
}

// Speaker is the resolver for the speaker field.
func (r *statementResolver) Speaker(ctx context.Context, obj *db.Statement) (model.Speaker, error) {
	if obj.SpeakerID != nil && obj.SpeakerKind != nil {
		return r.entity(ctx, *obj.SpeakerKind, *obj.SpeakerID)
	}
	desc := ""
	if obj.SpeakerDescription != nil {
		desc = *obj.SpeakerDescription
	}
	return &model.UnnamedSpeaker{Description: desc, OrganizationID: obj.SpeakerOrganizationID}, nil
}

// SpeakerAffiliations is the resolver for the speakerAffiliations field.
func (r *statementResolver) SpeakerAffiliations(ctx context.Context, obj *db.Statement) ([]*db.Affiliation, error) {
	return loaders(ctx).statementAffiliations.Load(ctx, obj.ID)
}

// Event is the resolver for the event field.
func (r *statementResolver) Event(ctx context.Context, obj *db.Statement) (*db.Event, error) {
	return loadRef(ctx, loaders(ctx).events, obj.EventID)
}

// Topics is the resolver for the topics field.
func (r *statementResolver) Topics(ctx context.Context, obj *db.Statement) ([]*db.Topic, error) {
	return loaders(ctx).topicsOf[db.StatementTopics].Load(ctx, obj.ID)
}

// Mentions is the resolver for the mentions field.
func (r *statementResolver) Mentions(ctx context.Context, obj *db.Statement) ([]model.Entity, error) {
	refs, err := loaders(ctx).statementMentions.Load(ctx, obj.ID)
	if err != nil {
		return nil, err
	}
	entities := make([]model.Entity, len(refs))
	for i, ref := range refs {
		if entities[i], err = r.entity(ctx, ref.Kind, ref.ID); err != nil {
			return nil, err
		}
	}
	return entities, nil
}

// Figures is the resolver for the figures field.
func (r *statementResolver) Figures(ctx context.Context, obj *db.Statement) ([]*db.Figure, error) {
	return loaders(ctx).statementFigures.Load(ctx, obj.ID)
}

// Evidence is the resolver for the evidence field.
func (r *statementResolver) Evidence(ctx context.Context, obj *db.Statement) ([]*db.Evidence, error) {
	return loaders(ctx).evidenceOf[db.StatementEvidence].Load(ctx, obj.ID)
}

// Organization is the resolver for the organization field.
func (r *unnamedSpeakerResolver) Organization(ctx context.Context, obj *model.UnnamedSpeaker) (*db.Organization, error) {
	return loadRef(ctx, loaders(ctx).organizations, obj.OrganizationID)
}

// Figure returns generated.FigureResolver implementation.
func (r *Resolver) Figure() generated.FigureResolver { return &figureResolver{r} }

// Statement returns generated.StatementResolver implementation.
func (r *Resolver) Statement() generated.StatementResolver { return &statementResolver{r} }

// UnnamedSpeaker returns generated.UnnamedSpeakerResolver implementation.
func (r *Resolver) UnnamedSpeaker() generated.UnnamedSpeakerResolver {
	return &unnamedSpeakerResolver{r}
}

type figureResolver struct{ *Resolver }
type statementResolver struct{ *Resolver }
type unnamedSpeakerResolver struct{ *Resolver }
