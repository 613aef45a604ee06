package edit

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/globalid"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/model"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// The conversions of the input types' fields: each applies the fields an
// input gives (null included, unless the field is required) to the
// curated document's item, and leaves the others as they are, so that an
// update changes only what it names.

func evidence(in []*model.EvidenceInput) document.EvidenceList {
	out := make(document.EvidenceList, len(in))
	for i, s := range in {
		out[i] = document.SpanDoc{Text: s.Text, Paragraph: deref(s.Paragraph), Occurrence: deref(s.Occurrence), All: deref(s.All)}
	}
	return out
}

func date(in *model.PartialDateInput) *document.DateDoc {
	if in == nil {
		return nil
	}
	return &document.DateDoc{Text: in.Text, Year: in.Year, Month: in.Month, Day: in.Day, Inferred: lowers(in.Inferred), Basis: in.Basis}
}

func (e *Edit) Mention(in *model.MentionInput) *curate.Mention {
	if in == nil {
		return nil
	}
	return &curate.Mention{ArticleID: e.Article("mention.article", in.Article), Evidence: evidence(in.Evidence)}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func lower(s *string) *string {
	if s == nil {
		return nil
	}
	l := strings.ToLower(*s)
	return &l
}

func lowers(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// set applies an input field that was given, null included.
func set[T any](field graphql.Omittable[T], apply func(T)) {
	if v, ok := field.ValueOK(); ok {
		apply(v)
	}
}

// setString applies a given string field; null means empty, which the
// validator reports where a value is required.
func setString(field graphql.Omittable[*string], dst *string) {
	set(field, func(v *string) { *dst = deref(v) })
}

// Statement applies the given fields to a statement.
func (e *Edit) Statement(ctx context.Context, in *model.StatementFields, st *document.StatementDoc) {
	const p = "statement"
	set(in.Speaker, func(v *model.SpeakerInput) {
		st.Speaker = document.SpeakerDoc{}
		if v == nil {
			return
		}
		st.Speaker = document.SpeakerDoc{
			Person:       e.optSlug(ctx, p+".speaker.person", v.Person, globalid.Person),
			Organization: e.optSlug(ctx, p+".speaker.organization", v.Organization, globalid.Organization),
			Description:  v.Description,
			SpeaksFor:    e.optSlug(ctx, p+".speaker.speaksFor", v.SpeaksFor, globalid.Organization),
		}
	})
	set(in.SpeakerRole, func(v *string) { st.Role = v })
	set(in.SpeakerAffiliations, func(v []string) {
		ids := make([]int64, 0, len(v))
		for i, gid := range v {
			if _, id, ok := e.ID(fmt.Sprintf("%s.speakerAffiliations[%d]", p, i), gid, globalid.Affiliation); ok {
				ids = append(ids, id)
			}
		}
		st.Affiliations = curate.AffiliationKeys(ids)
	})
	set(in.Verb, func(v *string) { st.Verb = deref(lower(v)) })
	set(in.Mode, func(v *string) { st.Mode = deref(lower(v)) })
	setString(in.Content, &st.Content)
	set(in.Event, func(v *string) { st.Event = e.optSlug(ctx, p+".event", v, globalid.Event) })
	set(in.Topics, func(v []string) { st.Topics = e.topics(ctx, p+".topics", v) })
	set(in.Mentions, func(v []string) { st.Mentions = e.slugs(ctx, p+".mentions", v, input.EntityTypes...) })
	set(in.Evidence, func(v []*model.EvidenceInput) { st.Evidence = evidence(v) })
}

// Figure applies the given fields to a figure of the article with
// articleID.
func (e *Edit) Figure(ctx context.Context, in *model.FigureFields, f *document.FigureDoc, articleID int64) {
	const p = "figure"
	setString(in.Metric, &f.Metric)
	set(in.Value, func(v *string) { f.Value = v })
	set(in.Unit, func(v *string) { f.Unit = deref(lower(v)) })
	set(in.Currency, func(v *string) { f.Currency = v })
	setString(in.Display, &f.Display)
	set(in.Subject, func(v *string) { f.Subject = deref(e.optSlug(ctx, p+".subject", v, input.EntityTypes...)) })
	set(in.Statement, func(v *string) {
		f.Statement = nil
		if v == nil {
			return
		}
		_, id, ok := e.ID(p+".statement", *v, globalid.Statement)
		if !ok {
			return
		}
		article, key, err := curate.StatementKey(ctx, e.store, id)
		switch {
		case db.ErrorCode(err) == db.CodeNotFound:
			e.problem("NOT_FOUND", p+".statement", "no Statement has ID %q", *v)
		case err != nil:
			e.failed = err
		case article != articleID:
			e.problem("INVALID", p+".statement", "is a statement of another article; a figure's statement must be in its own article")
		default:
			f.Statement = &key
		}
	})
	set(in.Period, func(v *model.PartialDateInput) { f.Period = date(v) })
	set(in.ComparedWith, func(v *model.PartialDateInput) { f.Base = date(v) })
	set(in.Date, func(v *model.PartialDateInput) { f.Date = date(v) })
	set(in.Topics, func(v []string) { f.Topics = e.topics(ctx, p+".topics", v) })
	set(in.Evidence, func(v []*model.EvidenceInput) { f.Evidence = evidence(v) })
}

// Person applies the given fields to a person's declaration.
func (e *Edit) Person(_ context.Context, in *model.PersonFields, d *document.PersonDoc) {
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Honorifics, func(v []string) { d.Honorifics = v })
}

// Organization applies the given fields to an organization's declaration.
func (e *Edit) Organization(ctx context.Context, in *model.OrganizationFields, d *document.OrganizationDoc) {
	const p = "organization"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.ShortName, func(v *string) { d.ShortName = v })
	set(in.Kind, func(v *string) { d.Kind = lower(v) })
	set(in.Country, func(v *string) { d.Country = e.optSlug(ctx, p+".country", v, globalid.Place) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, globalid.Organization) })
	set(in.Unresolved, func(v *bool) { d.Unresolved = deref(v) })
	set(in.Note, func(v *string) { d.Note = v })
}

// Place applies the given fields to a place's declaration.
func (e *Edit) Place(ctx context.Context, in *model.PlaceFields, d *document.PlaceDoc) {
	const p = "place"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Country, func(v *string) { d.Country = e.optSlug(ctx, p+".country", v, globalid.Place) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, globalid.Place) })
}

// Event applies the given fields to an event's declaration.
func (e *Edit) Event(ctx context.Context, in *model.EventFields, d *document.EventDoc) {
	const p = "event"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Summary, func(v *string) { d.Summary = v })
	set(in.Date, func(v *model.PartialDateInput) { d.Date = date(v) })
	set(in.Place, func(v *string) { d.Place = e.optSlug(ctx, p+".place", v, globalid.Place) })
	set(in.Venue, func(v *string) { d.Venue = e.optSlug(ctx, p+".venue", v, globalid.Organization) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, globalid.Event) })
	set(in.ParticipantDescription, func(v *string) { d.ParticipantDescription = v })
	set(in.Participants, func(v []*model.EventParticipantInput) {
		d.Participants = make([]document.ParticipantDoc, len(v))
		for i, x := range v {
			d.Participants[i] = document.ParticipantDoc(e.party(ctx, fmt.Sprintf("%s.participants[%d]", p, i), x.Entity, x.Role, globalid.Person, globalid.Organization, globalid.Place))
		}
	})
	set(in.Topics, func(v []string) { d.Topics = e.topics(ctx, p+".topics", v) })
}

// Agreement applies the given fields to an agreement's declaration.
func (e *Edit) Agreement(ctx context.Context, in *model.AgreementFields, d *document.AgreementDoc) {
	const p = "agreement"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Status, func(v *string) { d.Status = lower(v) })
	set(in.Summary, func(v *string) { d.Summary = v })
	set(in.Date, func(v *model.PartialDateInput) { d.Date = date(v) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, globalid.Agreement) })
	set(in.Parties, func(v []*model.AgreementPartyInput) {
		d.Parties = make([]document.PartyDoc, len(v))
		for i, x := range v {
			d.Parties[i] = e.party(ctx, fmt.Sprintf("%s.parties[%d]", p, i), x.Entity, x.Role, globalid.Place, globalid.Organization, globalid.Person)
		}
	})
	set(in.Places, func(v []string) { d.Places = e.slugs(ctx, p+".places", v, globalid.Place) })
	set(in.Projects, func(v []string) { d.Projects = e.slugs(ctx, p+".projects", v, globalid.Project) })
	set(in.Topics, func(v []string) { d.Topics = e.topics(ctx, p+".topics", v) })
}

// party converts an entity that takes part in something, in a role: an
// agreement's party or an event's participant (a document.ParticipantDoc
// is the same pair). The entity's global ID, at path.entity, is one of
// types.
func (e *Edit) party(ctx context.Context, path, entity, role string, types ...string) document.PartyDoc {
	return document.PartyDoc{Entity: e.slug(ctx, path+".entity", entity, types...), Role: strings.ToLower(role)}
}

// Project applies the given fields to a project's declaration.
func (e *Edit) Project(ctx context.Context, in *model.ProjectFields, d *document.ProjectDoc) {
	const p = "project"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Status, func(v *string) { d.Status = lower(v) })
	set(in.Summary, func(v *string) { d.Summary = v })
	set(in.Builder, func(v *string) { d.Builder = e.optSlug(ctx, p+".builder", v, globalid.Organization) })
	set(in.Place, func(v *string) { d.Place = e.optSlug(ctx, p+".place", v, globalid.Place) })
	set(in.ScheduledCompletion, func(v *model.PartialDateInput) { d.Completion = date(v) })
}

// Topic applies the given fields to a topic's declaration.
func (e *Edit) Topic(ctx context.Context, in *model.TopicFields, d *document.TopicDoc) {
	setString(in.Slug, &d.Slug)
	setString(in.Label, &d.Label)
	set(in.Description, func(v *string) { d.Description = v })
	set(in.Parent, func(v *string) {
		d.Parent = nil
		if v != nil {
			s := e.topicSlug(ctx, "topic.parent", *v)
			d.Parent = &s
		}
	})
}

// RequireAgreementKind requires a new agreement's kind: a document may
// omit it; the API asks for it, UNSPECIFIED included.
func (e *Edit) RequireAgreementKind(d *document.AgreementDoc) {
	if d.Kind == "" {
		e.problem("INVALID", "agreement.kind", "is required; want one of JOINT_STATEMENT, SIGNED_AGREEMENT, COOPERATION_MODEL, INITIATIVE, FRAMEWORK, COMMITMENT, POLICY, UNSPECIFIED")
	}
}
