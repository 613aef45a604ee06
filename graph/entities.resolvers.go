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
func (r *affiliationResolver) ID(ctx context.Context, obj *db.Affiliation) (string, error) {
	return encodeID(typeAffiliation, obj.ID), nil
}

// Person is the resolver for the person field.
func (r *affiliationResolver) Person(ctx context.Context, obj *db.Affiliation) (*db.Person, error) {
	return loadRef(ctx, loaders(ctx).people, &obj.PersonID)
}

// Organization is the resolver for the organization field.
func (r *affiliationResolver) Organization(ctx context.Context, obj *db.Affiliation) (*db.Organization, error) {
	return loadRef(ctx, loaders(ctx).organizations, obj.OrganizationID)
}

// Place is the resolver for the place field.
func (r *affiliationResolver) Place(ctx context.Context, obj *db.Affiliation) (*db.Place, error) {
	return loadRef(ctx, loaders(ctx).places, obj.PlaceID)
}

// Evidence is the resolver for the evidence field.
func (r *affiliationResolver) Evidence(ctx context.Context, obj *db.Affiliation) ([]*db.Evidence, error) {
	return loaders(ctx).evidenceOf[db.AffiliationEvidence].Load(ctx, obj.ID)
}

// ID is the resolver for the id field.
func (r *agreementResolver) ID(ctx context.Context, obj *db.Agreement) (string, error) {
	return encodeID(typeAgreement, obj.ID), nil
}

// Parent is the resolver for the parent field.
func (r *agreementResolver) Parent(ctx context.Context, obj *db.Agreement) (*db.Agreement, error) {
	return loadRef(ctx, loaders(ctx).agreements, obj.ParentID)
}

// Parts is the resolver for the parts field.
func (r *agreementResolver) Parts(ctx context.Context, obj *db.Agreement) ([]*db.Agreement, error) {
	return loaders(ctx).agreementParts.Load(ctx, obj.ID)
}

// Parties is the resolver for the parties field.
func (r *agreementResolver) Parties(ctx context.Context, obj *db.Agreement) ([]*db.EntityRef, error) {
	return loaders(ctx).parties.Load(ctx, obj.ID)
}

// Places is the resolver for the places field.
func (r *agreementResolver) Places(ctx context.Context, obj *db.Agreement) ([]*db.Place, error) {
	return loaders(ctx).agreementPlaces.Load(ctx, obj.ID)
}

// Projects is the resolver for the projects field.
func (r *agreementResolver) Projects(ctx context.Context, obj *db.Agreement) ([]*db.Project, error) {
	return loaders(ctx).agreementProjects.Load(ctx, obj.ID)
}

// Topics is the resolver for the topics field.
func (r *agreementResolver) Topics(ctx context.Context, obj *db.Agreement) ([]*db.Topic, error) {
	return loaders(ctx).topicsOf[db.AgreementTopics].Load(ctx, obj.ID)
}

// Evidence is the resolver for the evidence field.
func (r *agreementResolver) Evidence(ctx context.Context, obj *db.Agreement) ([]*db.Evidence, error) {
	return loaders(ctx).evidenceOf[db.EntityEvidence].Load(ctx, obj.ID)
}

// Mentions is the resolver for the mentions field.
func (r *agreementResolver) Mentions(ctx context.Context, obj *db.Agreement, article string) ([]*db.Evidence, error) {
	return mentions(ctx, obj.ID, article)
}

// Articles is the resolver for the articles field.
func (r *agreementResolver) Articles(ctx context.Context, obj *db.Agreement, first *int, after *string, last *int, before *string) (*model.Connection[db.Article], error) {
	return nested(ctx, db.EntityArticles, obj.ID, first, after, last, before)
}

// Entity is the resolver for the entity field.
func (r *agreementPartyResolver) Entity(ctx context.Context, obj *db.EntityRef) (model.Entity, error) {
	return r.entity(ctx, obj.Kind, obj.ID)
}

// ID is the resolver for the id field.
func (r *eventResolver) ID(ctx context.Context, obj *db.Event) (string, error) {
	return encodeID(typeEvent, obj.ID), nil
}

// Place is the resolver for the place field.
func (r *eventResolver) Place(ctx context.Context, obj *db.Event) (*db.Place, error) {
	return loadRef(ctx, loaders(ctx).places, obj.PlaceID)
}

// Venue is the resolver for the venue field.
func (r *eventResolver) Venue(ctx context.Context, obj *db.Event) (*db.Organization, error) {
	return loadRef(ctx, loaders(ctx).organizations, obj.VenueID)
}

// Parent is the resolver for the parent field.
func (r *eventResolver) Parent(ctx context.Context, obj *db.Event) (*db.Event, error) {
	return loadRef(ctx, loaders(ctx).events, obj.ParentID)
}

// Sessions is the resolver for the sessions field.
func (r *eventResolver) Sessions(ctx context.Context, obj *db.Event) ([]*db.Event, error) {
	return loaders(ctx).sessions.Load(ctx, obj.ID)
}

// Participants is the resolver for the participants field.
func (r *eventResolver) Participants(ctx context.Context, obj *db.Event) ([]*db.EntityRef, error) {
	return loaders(ctx).participants.Load(ctx, obj.ID)
}

// Topics is the resolver for the topics field.
func (r *eventResolver) Topics(ctx context.Context, obj *db.Event) ([]*db.Topic, error) {
	return loaders(ctx).topicsOf[db.EventTopics].Load(ctx, obj.ID)
}

// Evidence is the resolver for the evidence field.
func (r *eventResolver) Evidence(ctx context.Context, obj *db.Event) ([]*db.Evidence, error) {
	return loaders(ctx).evidenceOf[db.EntityEvidence].Load(ctx, obj.ID)
}

// Mentions is the resolver for the mentions field.
func (r *eventResolver) Mentions(ctx context.Context, obj *db.Event, article string) ([]*db.Evidence, error) {
	return mentions(ctx, obj.ID, article)
}

// Articles is the resolver for the articles field.
func (r *eventResolver) Articles(ctx context.Context, obj *db.Event, first *int, after *string, last *int, before *string) (*model.Connection[db.Article], error) {
	return nested(ctx, db.EntityArticles, obj.ID, first, after, last, before)
}

// Entity is the resolver for the entity field.
func (r *eventParticipantResolver) Entity(ctx context.Context, obj *db.EntityRef) (model.Entity, error) {
	return r.entity(ctx, obj.Kind, obj.ID)
}

// ID is the resolver for the id field.
func (r *organizationResolver) ID(ctx context.Context, obj *db.Organization) (string, error) {
	return encodeID(typeOrganization, obj.ID), nil
}

// Country is the resolver for the country field.
func (r *organizationResolver) Country(ctx context.Context, obj *db.Organization) (*db.Place, error) {
	return loadRef(ctx, loaders(ctx).places, obj.CountryID)
}

// Parent is the resolver for the parent field.
func (r *organizationResolver) Parent(ctx context.Context, obj *db.Organization) (*db.Organization, error) {
	return loadRef(ctx, loaders(ctx).organizations, obj.ParentID)
}

// Children is the resolver for the children field.
func (r *organizationResolver) Children(ctx context.Context, obj *db.Organization) ([]*db.Organization, error) {
	return loaders(ctx).subOrganizations.Load(ctx, obj.ID)
}

// Mentions is the resolver for the mentions field.
func (r *organizationResolver) Mentions(ctx context.Context, obj *db.Organization, article string) ([]*db.Evidence, error) {
	return mentions(ctx, obj.ID, article)
}

// Members is the resolver for the members field.
func (r *organizationResolver) Members(ctx context.Context, obj *db.Organization, first *int, after *string, last *int, before *string) (*model.Connection[db.Person], error) {
	return nested(ctx, db.OrganizationMembers, obj.ID, first, after, last, before)
}

// Statements is the resolver for the statements field.
func (r *organizationResolver) Statements(ctx context.Context, obj *db.Organization, first *int, after *string, last *int, before *string) (*model.Connection[db.Statement], error) {
	return nested(ctx, db.OrganizationStatements, obj.ID, first, after, last, before)
}

// Agreements is the resolver for the agreements field.
func (r *organizationResolver) Agreements(ctx context.Context, obj *db.Organization, first *int, after *string, last *int, before *string) (*model.Connection[db.Agreement], error) {
	return nested(ctx, db.PartyAgreements, obj.ID, first, after, last, before)
}

// Articles is the resolver for the articles field.
func (r *organizationResolver) Articles(ctx context.Context, obj *db.Organization, first *int, after *string, last *int, before *string) (*model.Connection[db.Article], error) {
	return nested(ctx, db.EntityArticles, obj.ID, first, after, last, before)
}

// ID is the resolver for the id field.
func (r *personResolver) ID(ctx context.Context, obj *db.Person) (string, error) {
	return encodeID(typePerson, obj.ID), nil
}

// Affiliations is the resolver for the affiliations field.
func (r *personResolver) Affiliations(ctx context.Context, obj *db.Person) ([]*db.Affiliation, error) {
	return loaders(ctx).affiliationsOf.Load(ctx, obj.ID)
}

// Mentions is the resolver for the mentions field.
func (r *personResolver) Mentions(ctx context.Context, obj *db.Person, article string) ([]*db.Evidence, error) {
	return mentions(ctx, obj.ID, article)
}

// Statements is the resolver for the statements field.
func (r *personResolver) Statements(ctx context.Context, obj *db.Person, first *int, after *string, last *int, before *string) (*model.Connection[db.Statement], error) {
	return nested(ctx, db.PersonStatements, obj.ID, first, after, last, before)
}

// Articles is the resolver for the articles field.
func (r *personResolver) Articles(ctx context.Context, obj *db.Person, first *int, after *string, last *int, before *string) (*model.Connection[db.Article], error) {
	return nested(ctx, db.EntityArticles, obj.ID, first, after, last, before)
}

// ID is the resolver for the id field.
func (r *placeResolver) ID(ctx context.Context, obj *db.Place) (string, error) {
	return encodeID(typePlace, obj.ID), nil
}

// Country is the resolver for the country field.
func (r *placeResolver) Country(ctx context.Context, obj *db.Place) (*db.Place, error) {
	return loadRef(ctx, loaders(ctx).places, obj.CountryID)
}

// Parent is the resolver for the parent field.
func (r *placeResolver) Parent(ctx context.Context, obj *db.Place) (*db.Place, error) {
	return loadRef(ctx, loaders(ctx).places, obj.ParentID)
}

// Mentions is the resolver for the mentions field.
func (r *placeResolver) Mentions(ctx context.Context, obj *db.Place, article string) ([]*db.Evidence, error) {
	return mentions(ctx, obj.ID, article)
}

// Articles is the resolver for the articles field.
func (r *placeResolver) Articles(ctx context.Context, obj *db.Place, first *int, after *string, last *int, before *string) (*model.Connection[db.Article], error) {
	return nested(ctx, db.EntityArticles, obj.ID, first, after, last, before)
}

// ID is the resolver for the id field.
func (r *projectResolver) ID(ctx context.Context, obj *db.Project) (string, error) {
	return encodeID(typeProject, obj.ID), nil
}

// Builder is the resolver for the builder field.
func (r *projectResolver) Builder(ctx context.Context, obj *db.Project) (*db.Organization, error) {
	return loadRef(ctx, loaders(ctx).organizations, obj.BuilderID)
}

// Place is the resolver for the place field.
func (r *projectResolver) Place(ctx context.Context, obj *db.Project) (*db.Place, error) {
	return loadRef(ctx, loaders(ctx).places, obj.PlaceID)
}

// Evidence is the resolver for the evidence field.
func (r *projectResolver) Evidence(ctx context.Context, obj *db.Project) ([]*db.Evidence, error) {
	return loaders(ctx).evidenceOf[db.EntityEvidence].Load(ctx, obj.ID)
}

// Mentions is the resolver for the mentions field.
func (r *projectResolver) Mentions(ctx context.Context, obj *db.Project, article string) ([]*db.Evidence, error) {
	return mentions(ctx, obj.ID, article)
}

// Articles is the resolver for the articles field.
func (r *projectResolver) Articles(ctx context.Context, obj *db.Project, first *int, after *string, last *int, before *string) (*model.Connection[db.Article], error) {
	return nested(ctx, db.EntityArticles, obj.ID, first, after, last, before)
}

// Affiliation returns generated.AffiliationResolver implementation.
func (r *Resolver) Affiliation() generated.AffiliationResolver { return &affiliationResolver{r} }

// Agreement returns generated.AgreementResolver implementation.
func (r *Resolver) Agreement() generated.AgreementResolver { return &agreementResolver{r} }

// AgreementParty returns generated.AgreementPartyResolver implementation.
func (r *Resolver) AgreementParty() generated.AgreementPartyResolver {
	return &agreementPartyResolver{r}
}

// Event returns generated.EventResolver implementation.
func (r *Resolver) Event() generated.EventResolver { return &eventResolver{r} }

// EventParticipant returns generated.EventParticipantResolver implementation.
func (r *Resolver) EventParticipant() generated.EventParticipantResolver {
	return &eventParticipantResolver{r}
}

// Organization returns generated.OrganizationResolver implementation.
func (r *Resolver) Organization() generated.OrganizationResolver { return &organizationResolver{r} }

// Person returns generated.PersonResolver implementation.
func (r *Resolver) Person() generated.PersonResolver { return &personResolver{r} }

// Place returns generated.PlaceResolver implementation.
func (r *Resolver) Place() generated.PlaceResolver { return &placeResolver{r} }

// Project returns generated.ProjectResolver implementation.
func (r *Resolver) Project() generated.ProjectResolver { return &projectResolver{r} }

type affiliationResolver struct{ *Resolver }
type agreementResolver struct{ *Resolver }
type agreementPartyResolver struct{ *Resolver }
type eventResolver struct{ *Resolver }
type eventParticipantResolver struct{ *Resolver }
type organizationResolver struct{ *Resolver }
type personResolver struct{ *Resolver }
type placeResolver struct{ *Resolver }
type projectResolver struct{ *Resolver }
