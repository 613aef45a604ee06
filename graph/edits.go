package graph

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/model"
)

// An edit turns a mutation's input into the curated document types of
// package db: global IDs become slugs, enum names the documents' lowercase
// values. It collects every problem with the input as a user error with
// its path; the store's validator then checks the rest, exactly as it
// checks an import.
type edit struct {
	r      *Resolver
	actor  string
	errs   []*model.UserError
	failed error // an internal error, which ends the edit
}

// begin starts an edit on behalf of the request's API token.
func (r *Resolver) begin(ctx context.Context) (*edit, error) {
	actor, err := requireActor(ctx)
	if err != nil {
		return nil, err
	}
	return &edit{r: r, actor: actor}, nil
}

func (e *edit) problem(code, path, format string, args ...any) {
	e.errs = append(e.errs, &model.UserError{Path: path, Message: fmt.Sprintf(format, args...), Code: code})
}

// ok reports whether the input has no problem so far.
func (e *edit) ok() bool { return len(e.errs) == 0 && e.failed == nil }

// outcome sorts the store's answer: problems with the input become user
// errors (their paths under prefix, the input field that holds the item,
// and in the API's names), anything else is returned as an error. It
// reports whether the edit succeeded.
func (e *edit) outcome(err error, prefix string) (bool, error) {
	if e.failed != nil {
		return false, e.failed
	}
	if err == nil {
		return e.ok(), nil
	}
	var invalid *db.ValidationError
	if errors.As(err, &invalid) {
		for _, p := range invalid.Problems {
			msg := p.Message
			// The documents' vocabularies are the API's enums, in lower case.
			if before, values, ok := strings.Cut(msg, "want one of "); ok {
				msg = before + "want one of " + strings.ToUpper(values)
			}
			if p.Item != "" && p.Path == "" {
				msg = p.Item + ": " + msg
			}
			e.errs = append(e.errs, &model.UserError{Path: apiPath(prefix, p.Path), Message: msg, Code: problemCode(p.Code)})
		}
		e.errs = append(e.errs, moreProblems(invalid)...)
		return false, nil
	}
	if errs := userErrors(err); errs != nil {
		e.errs = append(e.errs, errs...)
		return false, nil
	}
	return false, err
}

func problemCode(c db.Code) string {
	switch c {
	case db.CodeNotFound:
		return "NOT_FOUND"
	case db.CodeConflict:
		return "CONFLICT"
	}
	return "INVALID"
}

// apiNames maps the curated documents' field names to the API's where they
// differ by more than case.
var apiNames = map[string]string{
	"role": "speakerRole", "affiliations": "speakerAffiliations", "base": "comparedWith",
	"completion": "scheduledCompletion",
}

var snakeWord = regexp.MustCompile(`_([a-z])`)

// apiPath turns a path relative to an item of a curated document
// ("speaker.speaks_for", "evidence[0]") into the input's path
// ("statement.speaker.speaksFor"). The input's own fields (id, version,
// slug, article, mention) keep their place at the top.
func apiPath(prefix, path string) string {
	if path == "" {
		return prefix
	}
	parts := strings.Split(path, ".")
	for i, part := range parts {
		name, index, _ := strings.Cut(part, "[")
		if i == 0 {
			if n, ok := apiNames[name]; ok {
				name = n
			}
		}
		name = snakeWord.ReplaceAllStringFunc(name, func(s string) string { return strings.ToUpper(s[1:]) })
		if index != "" {
			name += "[" + index
		}
		parts[i] = name
	}
	path = strings.Join(parts, ".")
	switch {
	case path == "id" || path == "version" || strings.HasPrefix(path, "article") || strings.HasPrefix(path, "mention"):
		return path
	case prefix == "":
		return path
	case strings.HasPrefix(path, "evidence") && prefix != "statement" && prefix != "figure":
		// An entity's evidence is its mention's.
		return "mention." + path
	}
	return prefix + "." + path
}

// id decodes a global ID of one of types.
func (e *edit) id(path, gid string, types ...string) (string, int64, bool) {
	typ, id, ok := decodeID(gid)
	for _, t := range types {
		if ok && t == typ {
			return typ, id, true
		}
	}
	e.problem("INVALID", path, "%q is not the ID of %s", input.Abbreviate(gid), input.OneOf(types))
	return "", 0, false
}

// slug returns the slug of the entity with global ID gid, one of types.
func (e *edit) slug(ctx context.Context, path, gid string, types ...string) string {
	typ, id, ok := e.id(path, gid, types...)
	if !ok || e.failed != nil {
		return ""
	}
	kind, slug, found, err := curate.EntitySlug(ctx, e.r.Store, id)
	switch {
	case err != nil:
		e.failed = err
	case !found || !strings.EqualFold(kind, input.Kind(typ)):
		e.problem("NOT_FOUND", path, "no %s has ID %q", typ, gid)
	}
	return slug
}

// optSlug is slug for an optional reference: nil stays nil.
func (e *edit) optSlug(ctx context.Context, path string, gid *string, types ...string) *string {
	if gid == nil {
		return nil
	}
	s := e.slug(ctx, path, *gid, types...)
	return &s
}

func (e *edit) slugs(ctx context.Context, path string, gids []string, types ...string) []string {
	out := make([]string, len(gids))
	for i, gid := range gids {
		out[i] = e.slug(ctx, fmt.Sprintf("%s[%d]", path, i), gid, types...)
	}
	return out
}

func (e *edit) topicSlug(ctx context.Context, path, gid string) string {
	_, id, ok := e.id(path, gid, typeTopic)
	if !ok || e.failed != nil {
		return ""
	}
	slug, found, err := curate.TopicSlug(ctx, e.r.Store, id)
	switch {
	case err != nil:
		e.failed = err
	case !found:
		e.problem("NOT_FOUND", path, "no Topic has ID %q", gid)
	}
	return slug
}

func (e *edit) topics(ctx context.Context, path string, gids []string) []string {
	out := make([]string, len(gids))
	for i, gid := range gids {
		out[i] = e.topicSlug(ctx, fmt.Sprintf("%s[%d]", path, i), gid)
	}
	return out
}

// article decodes the global ID of an article; the store reports one that
// does not exist.
func (e *edit) article(path, gid string) int64 {
	_, id, _ := e.id(path, gid, typeArticle)
	return id
}

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

func (e *edit) mention(in *model.MentionInput) *curate.Mention {
	if in == nil {
		return nil
	}
	return &curate.Mention{ArticleID: e.article("mention.article", in.Article), Evidence: evidence(in.Evidence)}
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

// statement applies the given fields to a statement.
func (e *edit) statement(ctx context.Context, in *model.StatementFields, st *document.StatementDoc) {
	const p = "statement"
	set(in.Speaker, func(v *model.SpeakerInput) {
		st.Speaker = document.SpeakerDoc{}
		if v == nil {
			return
		}
		st.Speaker = document.SpeakerDoc{
			Person:       e.optSlug(ctx, p+".speaker.person", v.Person, typePerson),
			Organization: e.optSlug(ctx, p+".speaker.organization", v.Organization, typeOrganization),
			Description:  v.Description,
			SpeaksFor:    e.optSlug(ctx, p+".speaker.speaksFor", v.SpeaksFor, typeOrganization),
		}
	})
	set(in.SpeakerRole, func(v *string) { st.Role = v })
	set(in.SpeakerAffiliations, func(v []string) {
		ids := make([]int64, 0, len(v))
		for i, gid := range v {
			if _, id, ok := e.id(fmt.Sprintf("%s.speakerAffiliations[%d]", p, i), gid, typeAffiliation); ok {
				ids = append(ids, id)
			}
		}
		st.Affiliations = curate.AffiliationKeys(ids)
	})
	set(in.Verb, func(v *string) { st.Verb = deref(lower(v)) })
	set(in.Mode, func(v *string) { st.Mode = deref(lower(v)) })
	setString(in.Content, &st.Content)
	set(in.Event, func(v *string) { st.Event = e.optSlug(ctx, p+".event", v, typeEvent) })
	set(in.Topics, func(v []string) { st.Topics = e.topics(ctx, p+".topics", v) })
	set(in.Mentions, func(v []string) { st.Mentions = e.slugs(ctx, p+".mentions", v, entityTypeNames...) })
	set(in.Evidence, func(v []*model.EvidenceInput) { st.Evidence = evidence(v) })
}

// figure applies the given fields to a figure of the article with
// articleID.
func (e *edit) figure(ctx context.Context, in *model.FigureFields, f *document.FigureDoc, articleID int64) {
	const p = "figure"
	setString(in.Metric, &f.Metric)
	set(in.Value, func(v *string) { f.Value = v })
	set(in.Unit, func(v *string) { f.Unit = deref(lower(v)) })
	set(in.Currency, func(v *string) { f.Currency = v })
	setString(in.Display, &f.Display)
	set(in.Subject, func(v *string) { f.Subject = deref(e.optSlug(ctx, p+".subject", v, entityTypeNames...)) })
	set(in.Statement, func(v *string) {
		f.Statement = nil
		if v == nil {
			return
		}
		_, id, ok := e.id(p+".statement", *v, typeStatement)
		if !ok {
			return
		}
		article, key, err := curate.StatementKey(ctx, e.r.Store, id)
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

func (e *edit) person(_ context.Context, in *model.PersonFields, d *document.PersonDoc) {
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Honorifics, func(v []string) { d.Honorifics = v })
}

func (e *edit) organization(ctx context.Context, in *model.OrganizationFields, d *document.OrganizationDoc) {
	const p = "organization"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.ShortName, func(v *string) { d.ShortName = v })
	set(in.Kind, func(v *string) { d.Kind = lower(v) })
	set(in.Country, func(v *string) { d.Country = e.optSlug(ctx, p+".country", v, typePlace) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, typeOrganization) })
	set(in.Unresolved, func(v *bool) { d.Unresolved = deref(v) })
	set(in.Note, func(v *string) { d.Note = v })
}

func (e *edit) place(ctx context.Context, in *model.PlaceFields, d *document.PlaceDoc) {
	const p = "place"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Country, func(v *string) { d.Country = e.optSlug(ctx, p+".country", v, typePlace) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, typePlace) })
}

func (e *edit) event(ctx context.Context, in *model.EventFields, d *document.EventDoc) {
	const p = "event"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Summary, func(v *string) { d.Summary = v })
	set(in.Date, func(v *model.PartialDateInput) { d.Date = date(v) })
	set(in.Place, func(v *string) { d.Place = e.optSlug(ctx, p+".place", v, typePlace) })
	set(in.Venue, func(v *string) { d.Venue = e.optSlug(ctx, p+".venue", v, typeOrganization) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, typeEvent) })
	set(in.ParticipantDescription, func(v *string) { d.ParticipantDescription = v })
	set(in.Participants, func(v []*model.EventParticipantInput) {
		d.Participants = make([]document.ParticipantDoc, len(v))
		for i, x := range v {
			d.Participants[i] = document.ParticipantDoc(e.party(ctx, fmt.Sprintf("%s.participants[%d]", p, i), x.Entity, x.Role, typePerson, typeOrganization, typePlace))
		}
	})
	set(in.Topics, func(v []string) { d.Topics = e.topics(ctx, p+".topics", v) })
}

func (e *edit) agreement(ctx context.Context, in *model.AgreementFields, d *document.AgreementDoc) {
	const p = "agreement"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Status, func(v *string) { d.Status = lower(v) })
	set(in.Summary, func(v *string) { d.Summary = v })
	set(in.Date, func(v *model.PartialDateInput) { d.Date = date(v) })
	set(in.Parent, func(v *string) { d.Parent = e.optSlug(ctx, p+".parent", v, typeAgreement) })
	set(in.Parties, func(v []*model.AgreementPartyInput) {
		d.Parties = make([]document.PartyDoc, len(v))
		for i, x := range v {
			d.Parties[i] = e.party(ctx, fmt.Sprintf("%s.parties[%d]", p, i), x.Entity, x.Role, typePlace, typeOrganization, typePerson)
		}
	})
	set(in.Places, func(v []string) { d.Places = e.slugs(ctx, p+".places", v, typePlace) })
	set(in.Projects, func(v []string) { d.Projects = e.slugs(ctx, p+".projects", v, typeProject) })
	set(in.Topics, func(v []string) { d.Topics = e.topics(ctx, p+".topics", v) })
}

// party converts an entity that takes part in something, in a role: an
// agreement's party or an event's participant (a document.ParticipantDoc
// is the same pair). The entity's global ID, at path.entity, is one of
// types.
func (e *edit) party(ctx context.Context, path, entity, role string, types ...string) document.PartyDoc {
	return document.PartyDoc{Entity: e.slug(ctx, path+".entity", entity, types...), Role: strings.ToLower(role)}
}

func (e *edit) project(ctx context.Context, in *model.ProjectFields, d *document.ProjectDoc) {
	const p = "project"
	setString(in.Slug, &d.Slug)
	setString(in.Name, &d.Name)
	set(in.Kind, func(v *string) { d.Kind = deref(lower(v)) })
	set(in.Status, func(v *string) { d.Status = lower(v) })
	set(in.Summary, func(v *string) { d.Summary = v })
	set(in.Builder, func(v *string) { d.Builder = e.optSlug(ctx, p+".builder", v, typeOrganization) })
	set(in.Place, func(v *string) { d.Place = e.optSlug(ctx, p+".place", v, typePlace) })
	set(in.ScheduledCompletion, func(v *model.PartialDateInput) { d.Completion = date(v) })
}

func (e *edit) topic(ctx context.Context, in *model.TopicFields, d *document.TopicDoc) {
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

// errInputProblems is what an edit's conversion returns when the input
// had problems: the store is not asked (or, inside its change callback,
// rolls back), and the edit's user errors say why.
var errInputProblems = errors.New("the input has problems")

// problems returns why the edit cannot go on: its internal error,
// errInputProblems when the input has problems, or nil.
func (e *edit) problems() error {
	if e.failed != nil {
		return e.failed
	}
	if len(e.errs) > 0 {
		return errInputProblems
	}
	return nil
}

// changed wraps an edit's conversion for the store's change callbacks: the
// conversion runs inside the store's transaction, and its problems end it.
func (e *edit) changed(convert func()) error {
	convert()
	return e.problems()
}

// target decodes the global ID of the item an update changes, of type typ;
// a malformed one is a problem with the input.
func (e *edit) target(gid, typ string) (int64, error) {
	_, id, _ := e.id("id", gid, typ)
	return id, e.problems()
}

// settle is outcome for an edit whose conversion may have stopped with
// errInputProblems.
func (e *edit) settle(err error, prefix string) (bool, error) {
	if errors.Is(err, errInputProblems) {
		return false, nil
	}
	return e.outcome(err, prefix)
}

// write is the skeleton every create and update shares. The edit begins
// on behalf of the request's API token; do converts the input and asks the
// store, or returns e.problems() without asking when the input already has
// some. The store's answer becomes the payload: the row as stored (given to
// the request's loaders, so the payload's fields read it) or user errors,
// their paths under prefix, with the input's clientMutationID. An internal
// error is returned as such, without a payload.
func write[T any](ctx context.Context, r *Resolver, prefix string, clientMutationID *string, do func(e *edit) (*T, error)) (*model.Payload[T], error) {
	e, err := r.begin(ctx)
	if err != nil {
		return nil, err
	}
	row, err := do(e)
	ok, err := e.settle(err, prefix)
	if err != nil {
		return nil, err
	}
	p := &model.Payload[T]{UserErrors: e.userErrors(), ClientMutationID: clientMutationID}
	if ok {
		loaders(ctx).keep(row)
		p.Row = row
	}
	return p, nil
}

// remove is the skeleton every delete shares: it decodes the global ID of
// the item, of type typ, lets del ask the store, and builds the payload.
// del returns what the delete cascaded to.
func (r *Resolver) remove(ctx context.Context, input model.DeleteInput, typ string, del func(actor string, id int64) (curate.Deleted, error)) (*model.DeletePayload, error) {
	e, err := r.begin(ctx)
	if err != nil {
		return nil, err
	}
	var res curate.Deleted
	var ok bool
	if _, id, valid := e.id("id", input.ID, typ); valid {
		res, err = del(e.actor, id)
		ok, err = e.outcome(err, "")
	}
	if err != nil {
		return nil, err
	}
	p := &model.DeletePayload{CascadedIds: []string{}, UserErrors: e.userErrors(), ClientMutationID: input.ClientMutationID}
	if ok {
		p.DeletedID = &input.ID
		for _, ref := range res.Cascaded {
			if t, isNode := typeOfRef[ref.Kind]; isNode {
				p.CascadedIds = append(p.CascadedIds, encodeID(t, ref.ID))
			}
		}
	}
	return p, nil
}

// typeOfRef maps the kinds of rows a cascade deletes to their API types;
// credits are no nodes of their own.
var typeOfRef = map[string]string{"statement": typeStatement, "figure": typeFigure, "affiliation": typeAffiliation}

func (e *edit) userErrors() []*model.UserError {
	if e.errs == nil {
		return []*model.UserError{}
	}
	return e.errs
}

// entityEdits is what the create, update and delete mutations of one kind
// of entity need beyond the skeleton they share: curate's kind (its
// declaration D, a *T, and its row R), its API type, and apply, which
// applies the input's given fields (F) to a declaration. The input field
// that holds them, and so the prefix of their user errors' paths, is named
// after the type: "person", "organization", ...
type entityEdits[T any, D declaration[T], R, F any] struct {
	kind  curate.EntityKind[D, R]
	typ   string
	apply func(e *edit, ctx context.Context, in F, decl D)
	// require, when set, checks what the API asks of a new entity and a
	// document may omit.
	require func(e *edit, decl D)
}

// declaration is a declaration of a curated document that is a *T.
type declaration[T any] interface {
	*T
	document.Declaration
}

// entityMutations returns the mutations of the entities of kind k, of API
// type typ, whose given fields apply applies to a declaration.
func entityMutations[T any, D declaration[T], R, F any](k curate.EntityKind[D, R], typ string, apply func(*edit, context.Context, F, D)) entityEdits[T, D, R, F] {
	return entityEdits[T, D, R, F]{kind: k, typ: typ, apply: apply}
}

// The mutations of each kind of entity.
var (
	agreementEdits    = entityMutations(curate.Agreements, typeAgreement, (*edit).agreement).requiring(agreementKind)
	personEdits       = entityMutations(curate.People, typePerson, (*edit).person)
	organizationEdits = entityMutations(curate.Organizations, typeOrganization, (*edit).organization)
	placeEdits        = entityMutations(curate.Places, typePlace, (*edit).place)
	eventEdits        = entityMutations(curate.Events, typeEvent, (*edit).event)
	projectEdits      = entityMutations(curate.Projects, typeProject, (*edit).project)
)

// requiring returns m with check as its require.
func (m entityEdits[T, D, R, F]) requiring(check func(e *edit, decl D)) entityEdits[T, D, R, F] {
	m.require = check
	return m
}

// agreementKind requires a new agreement's kind: a document may omit it;
// the API asks for it, UNSPECIFIED included.
func agreementKind(e *edit, d *document.AgreementDoc) {
	if d.Kind == "" {
		e.problem("INVALID", "agreement.kind", "is required; want one of JOINT_STATEMENT, SIGNED_AGREEMENT, COOPERATION_MODEL, INITIATIVE, FRAMEWORK, COMMITMENT, POLICY, UNSPECIFIED")
	}
}

func (m entityEdits[T, D, R, F]) prefix() string { return strings.ToLower(m.typ) }

// create declares a new entity from the given fields in, mentioned as
// mention says (see curate.CreateEntity).
func (m entityEdits[T, D, R, F]) create(ctx context.Context, r *Resolver, in F, mention *model.MentionInput, clientMutationID *string) (*model.Payload[R], error) {
	return write(ctx, r, m.prefix(), clientMutationID, func(e *edit) (*R, error) {
		decl := D(new(T))
		m.apply(e, ctx, in, decl)
		if m.require != nil {
			m.require(e, decl)
		}
		where := e.mention(mention)
		if err := e.problems(); err != nil {
			return nil, err
		}
		row, err := curate.CreateEntity(ctx, r.Store, e.actor, m.kind, decl, where)
		if err != nil {
			return nil, err
		}
		r.Logger.InfoContext(ctx, "entity created", "request_id", RequestID(ctx), "actor", e.actor, "id", m.kind.RowID(row))
		return row, nil
	})
}

// update changes the entity with global ID gid, at version, by the given
// fields in (see curate.UpdateEntity).
func (m entityEdits[T, D, R, F]) update(ctx context.Context, r *Resolver, gid string, version int, in F, mention *model.MentionInput, clientMutationID *string) (*model.Payload[R], error) {
	return write(ctx, r, m.prefix(), clientMutationID, func(e *edit) (*R, error) {
		_, id, _ := e.id("id", gid, m.typ)
		where := e.mention(mention)
		if err := e.problems(); err != nil {
			return nil, err
		}
		return curate.UpdateEntity(ctx, r.Store, e.actor, m.kind, id, version, func(decl D) error {
			return e.changed(func() { m.apply(e, ctx, in, decl) })
		}, where)
	})
}

// delete deletes the entity in names.
func (m entityEdits[T, D, R, F]) delete(ctx context.Context, r *Resolver, in model.DeleteInput) (*model.DeletePayload, error) {
	return r.remove(ctx, in, m.typ, func(actor string, id int64) (curate.Deleted, error) {
		return curate.DeleteEntity(ctx, r.Store, actor, id, in.Version, deref(in.Cascade), input.Kind(m.typ))
	})
}
