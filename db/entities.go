package db

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db/globalid"
)

// Entities: people, organizations, places and events (projects and
// agreements have files of their own): their rows, what they read
// together (affiliations, parts, participants), their listings with
// their filters and orderings, and their nested listings.

// EntityCore is what every entity (person, organization, place, event,
// project, agreement) has: its row in the entities table, which gives it a
// Slug unique across all kinds and a Version, and a Name. Each kind embeds
// it.
type EntityCore struct {
	ID   int64  `db:"id"`
	Slug string `db:"slug"`
	Name string `db:"name"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
}

// Person is a person; Name excludes the Honorifics.
type Person struct {
	EntityCore
	Honorifics []string `db:"honorifics"`
	Keyset
}

// GlobalID returns the person's global ID in the API.
func (p *Person) GlobalID() string { return globalid.Encode(globalid.Person, p.ID) }

// Organization is an organization. Kind is nil when the articles do not say
// what it is; Unresolved marks a verbatim name that does not identify it.
type Organization struct {
	EntityCore
	ShortName  *string `db:"short_name"`
	Kind       *string `db:"org_kind"`
	CountryID  *int64  `db:"country_id"`
	ParentID   *int64  `db:"parent_id"`
	Unresolved bool    `db:"unresolved"`
	Note       *string `db:"note"`
	Keyset
}

// GlobalID returns the organization's global ID in the API.
func (o *Organization) GlobalID() string { return globalid.Encode(globalid.Organization, o.ID) }

// Place is a place; CountryID is nil for a country.
type Place struct {
	EntityCore
	Kind      string `db:"place_kind"`
	CountryID *int64 `db:"country_id"`
	ParentID  *int64 `db:"parent_id"`
	Keyset
}

// GlobalID returns the place's global ID in the API.
func (p *Place) GlobalID() string { return globalid.Encode(globalid.Place, p.ID) }

// Event is an event; ParentID is the event it is a session of.
type Event struct {
	EntityCore
	Kind                   string       `db:"event_kind"`
	Summary                *string      `db:"summary"`
	ParticipantDescription *string      `db:"participant_description"`
	Date                   *PartialDate `db:"date"`
	PlaceID                *int64       `db:"place_id"`
	VenueID                *int64       `db:"venue_id"`
	ParentID               *int64       `db:"parent_id"`
	Keyset
}

// GlobalID returns the event's global ID in the API.
func (e *Event) GlobalID() string { return globalid.Encode(globalid.Event, e.ID) }

// Affiliation is a role a person holds or held (Former) at an organization
// or, when none is named, at a place: exactly one of OrganizationID and
// PlaceID is set.
type Affiliation struct {
	ID             int64   `db:"id"`
	PersonID       int64   `db:"person_id"`
	OrganizationID *int64  `db:"organization_id"`
	PlaceID        *int64  `db:"place_id"`
	Role           *string `db:"role"`
	Former         bool    `db:"former"`
	// Organization and Place are the rows OrganizationID and PlaceID name,
	// read with the affiliation by the Store's affiliation reads (nil when
	// the ID is nil). An affiliation is rarely shown without them.
	Organization *Organization `db:"-"`
	Place        *Place        `db:"-"`
	Keyset
}

// GlobalID returns the affiliation's global ID in the API.
func (a *Affiliation) GlobalID() string { return globalid.Encode(globalid.Affiliation, a.ID) }

// EntityRef points at an entity of a given Kind (PERSON, ORGANIZATION,
// PLACE, EVENT, PROJECT or AGREEMENT), with the Role it plays where it is
// listed (a party's role, a participant's role), if any.
type EntityRef struct {
	ID   int64   `db:"entity_id"`
	Kind string  `db:"entity_kind"`
	Role *string `db:"role"`
	Keyset
}

// DisplayName returns the honorifics and the name together ("Dato' Sri
// Mustapa bin Mohamed").
func (p Person) DisplayName() string {
	name := p.Name
	for i := len(p.Honorifics) - 1; i >= 0; i-- {
		name = p.Honorifics[i] + " " + name
	}
	return name
}

// EntityKind returns the kind of entity a Person is: PERSON.
func (Person) EntityKind() string { return "PERSON" }

// EntityKind returns the kind of entity an Organization is: ORGANIZATION.
func (Organization) EntityKind() string { return "ORGANIZATION" }

// EntityKind returns the kind of entity a Place is: PLACE.
func (Place) EntityKind() string { return "PLACE" }

// EntityKind returns the kind of entity an Event is: EVENT.
func (Event) EntityKind() string { return "EVENT" }

// The listings' FROM and columns. Every kind of entity joins its entities
// row (slug, version).
const (
	personFrom    = `people p JOIN entities n ON n.id = p.id`
	personColumns = `p.id, n.slug, p.name, p.honorifics, n.version`

	organizationFrom    = `organizations o JOIN entities n ON n.id = o.id`
	organizationColumns = `o.id, n.slug, o.name, o.short_name, upper(o.org_kind::text) AS org_kind, o.country_id, o.parent_id,
		o.unresolved, o.note, n.version`

	placeFrom    = `places pl JOIN entities n ON n.id = pl.id`
	placeColumns = `pl.id, n.slug, pl.name, upper(pl.place_kind::text) AS place_kind, pl.country_id, pl.parent_id, n.version`

	eventFrom    = `events ev JOIN entities n ON n.id = ev.id`
	eventColumns = `ev.id, n.slug, ev.name, upper(ev.event_kind::text) AS event_kind, ev.summary, ev.participant_description,
		partial_date_json(ev.date_year, ev.date_month, ev.date_day, ev.date_precision, ev.date_text, ev.date_inferred,
			ev.date_basis) AS date, ev.place_id, ev.venue_id, ev.parent_id, n.version`
)

// Reads by id test the ids on both sides of the join with entities (see
// namedEntityBranches).
const (
	peopleByID = `
		SELECT p.id, n.slug, p.name, p.honorifics, n.version
		FROM people p JOIN entities n ON n.id = p.id WHERE p.id = ANY(@ids) AND n.id = ANY(@ids)`
	organizationsByID = `
		SELECT o.id, n.slug, o.name, o.short_name, upper(o.org_kind::text) AS org_kind, o.country_id, o.parent_id,
			o.unresolved, o.note, n.version
		FROM organizations o JOIN entities n ON n.id = o.id WHERE o.id = ANY(@ids) AND n.id = ANY(@ids)`
	placesByID = `
		SELECT pl.id, n.slug, pl.name, upper(pl.place_kind::text) AS place_kind, pl.country_id, pl.parent_id, n.version
		FROM places pl JOIN entities n ON n.id = pl.id WHERE pl.id = ANY(@ids) AND n.id = ANY(@ids)`
	eventsByID = `
		SELECT ev.id, n.slug, ev.name, upper(ev.event_kind::text) AS event_kind, ev.summary, ev.participant_description,
			partial_date_json(ev.date_year, ev.date_month, ev.date_day, ev.date_precision, ev.date_text, ev.date_inferred,
				ev.date_basis) AS date, ev.place_id, ev.venue_id, ev.parent_id, n.version
		FROM events ev JOIN entities n ON n.id = ev.id WHERE ev.id = ANY(@ids) AND n.id = ANY(@ids)`
)

// People reads people by id.
func (s *Store) People(ctx context.Context, ids []int64) ([]*Person, error) {
	return readByIDs[Person](ctx, s.read(ctx), "people", peopleByID, ids)
}

// Organizations reads organizations by id.
func (s *Store) Organizations(ctx context.Context, ids []int64) ([]*Organization, error) {
	return readByIDs[Organization](ctx, s.read(ctx), "organizations", organizationsByID, ids)
}

// Places reads places by id.
func (s *Store) Places(ctx context.Context, ids []int64) ([]*Place, error) {
	return readByIDs[Place](ctx, s.read(ctx), "places", placesByID, ids)
}

// Events reads events by id.
func (s *Store) Events(ctx context.Context, ids []int64) ([]*Event, error) {
	return readByIDs[Event](ctx, s.read(ctx), "events", eventsByID, ids)
}

const entityBySlug = `SELECT id, upper(kind::text) FROM entities WHERE slug = @slug`

// EntityBySlug returns the id and kind (PERSON, ORGANIZATION, ...) of the
// entity with slug, or ErrNotFound.
func (s *Store) EntityBySlug(ctx context.Context, slug string) (int64, string, error) {
	var id int64
	var kind string
	err := s.read(ctx).QueryRow(ctx, entityBySlug, pgx.NamedArgs{"slug": slug}).Scan(&id, &kind)
	if isNoRows(err) {
		return 0, "", ErrNotFound
	}
	if err != nil {
		return 0, "", fmt.Errorf("read entity %q: %w", slug, err)
	}
	return id, kind, nil
}

// EntityKey names a person, an organization or a place: Kind is PERSON,
// ORGANIZATION or PLACE.
type EntityKey struct {
	Kind string
	ID   int64
}

// namedEntityBranches read people (@people), organizations
// (@organizations) and places (@places) by id as the same columns: every
// kind's own columns (as peopleByID, organizationsByID and placesByID name
// them), NULL where a kind has no such column. NamedEntities joins the
// branches of the kinds asked for with UNION ALL, so that each combination
// of kinds is a statement of its own, planned for it.
// TestNamedEntities checks that they read what People, Organizations and
// Places read. Each branch tests its ids on both sides of the join with
// entities: given them on one side only, PostgreSQL may merge-join the
// other side's whole primary key up to the largest id (1.6 ms for 34
// organizations of the generated corpus, against 0.1 ms).
var namedEntityBranches = []struct{ kind, arg, sql string }{
	{"PERSON", "people", `
	SELECT 'PERSON' AS entity_kind, p.id, n.slug, p.name, p.honorifics, NULL::text AS short_name,
		NULL::text AS org_kind, NULL::text AS place_kind, NULL::bigint AS country_id, NULL::bigint AS parent_id,
		NULL::boolean AS unresolved, NULL::text AS note, n.version
	FROM people p JOIN entities n ON n.id = p.id WHERE p.id = ANY(@people) AND n.id = ANY(@people)`},
	{"ORGANIZATION", "organizations", `
	SELECT 'ORGANIZATION' AS entity_kind, o.id, n.slug, o.name, NULL::text[] AS honorifics, o.short_name,
		upper(o.org_kind::text) AS org_kind, NULL::text AS place_kind, o.country_id, o.parent_id,
		o.unresolved, o.note, n.version
	FROM organizations o JOIN entities n ON n.id = o.id WHERE o.id = ANY(@organizations) AND n.id = ANY(@organizations)`},
	{"PLACE", "places", `
	SELECT 'PLACE' AS entity_kind, pl.id, n.slug, pl.name, NULL::text[] AS honorifics, NULL::text AS short_name,
		NULL::text AS org_kind, upper(pl.place_kind::text) AS place_kind, pl.country_id, pl.parent_id,
		NULL::boolean AS unresolved, NULL::text AS note, n.version
	FROM places pl JOIN entities n ON n.id = pl.id WHERE pl.id = ANY(@places) AND n.id = ANY(@places)`},
}

// namedEntityRow is a row of NamedEntities: the columns of all three kinds.
type namedEntityRow struct {
	Kind string `db:"entity_kind"`
	EntityCore
	Honorifics []string `db:"honorifics"`
	ShortName  *string  `db:"short_name"`
	OrgKind    *string  `db:"org_kind"`
	PlaceKind  *string  `db:"place_kind"`
	CountryID  *int64   `db:"country_id"`
	ParentID   *int64   `db:"parent_id"`
	Unresolved *bool    `db:"unresolved"`
	Note       *string  `db:"note"`
}

// NamedEntities reads people, organizations and places by kind and id, all
// in one statement (People, Organizations and Places take one each). The
// values are *Person, *Organization or *Place; keys that name nothing, or
// a kind other than those three, are left out.
func (s *Store) NamedEntities(ctx context.Context, keys []EntityKey) (map[EntityKey]any, error) {
	ids := map[string][]int64{}
	for _, k := range keys {
		ids[k.Kind] = append(ids[k.Kind], k.ID)
	}
	var branches []string
	args := pgx.NamedArgs{}
	for _, b := range namedEntityBranches {
		if len(ids[b.kind]) > 0 {
			branches = append(branches, b.sql)
			args[b.arg] = ids[b.kind]
		}
	}
	out := make(map[EntityKey]any, len(keys))
	if len(branches) == 0 {
		return out, nil
	}
	rows, err := fetchAll[namedEntityRow](ctx, s.read(ctx), strings.Join(branches, "\n\tUNION ALL"), args)
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	for _, r := range rows {
		var v any
		switch r.Kind {
		case "PERSON":
			v = &Person{EntityCore: r.EntityCore, Honorifics: r.Honorifics}
		case "ORGANIZATION":
			v = &Organization{EntityCore: r.EntityCore, ShortName: r.ShortName, Kind: r.OrgKind,
				CountryID: r.CountryID, ParentID: r.ParentID, Unresolved: r.Unresolved != nil && *r.Unresolved, Note: r.Note}
		case "PLACE":
			v = &Place{EntityCore: r.EntityCore, CountryID: r.CountryID, ParentID: r.ParentID}
			if r.PlaceKind != nil {
				v.(*Place).Kind = *r.PlaceKind
			}
		}
		out[EntityKey{Kind: r.Kind, ID: r.ID}] = v
	}
	return out, nil
}

const affiliationsByID = `SELECT af.id, af.person_id, af.organization_id, af.place_id, af.role, af.former FROM affiliations af WHERE af.id = ANY(@ids)`

// Affiliations reads affiliations by id, with their organizations and
// places.
func (s *Store) Affiliations(ctx context.Context, ids []int64) ([]*Affiliation, error) {
	affs, err := readByIDs[Affiliation](ctx, s.read(ctx), "affiliations", affiliationsByID, ids)
	if err != nil {
		return nil, err
	}
	return affs, s.attachAffiliationRefs(ctx, affs)
}

const affiliationsOf = `
	SELECT af.person_id AS list_parent, af.id, af.person_id, af.organization_id, af.place_id, af.role, af.former
	FROM affiliations af WHERE af.person_id = ANY(@parents) ORDER BY af.person_id, af.former, af.id`

// AffiliationsOf reads people's affiliations, with their organizations and
// places: current ones first.
func (s *Store) AffiliationsOf(ctx context.Context, people []int64) (map[int64][]*Affiliation, error) {
	return s.affiliationsWithRefs(ctx, "affiliations", affiliationsOf, people)
}

// affiliationsWithRefs is children for affiliations, with their
// organizations and places.
func (s *Store) affiliationsWithRefs(ctx context.Context, what, sql string, parents []int64) (map[int64][]*Affiliation, error) {
	items, err := fetchAll[Affiliation](ctx, s.read(ctx), sql, pgx.NamedArgs{"parents": parents})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if err := s.attachAffiliationRefs(ctx, items); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return groupByParent(items), nil
}

// attachAffiliationRefs reads the organizations and places of affiliations
// (one statement for all of them) and sets their Organization and Place.
func (s *Store) attachAffiliationRefs(ctx context.Context, affs []*Affiliation) error {
	var keys []EntityKey
	for _, a := range affs {
		if a.OrganizationID != nil {
			keys = append(keys, EntityKey{Kind: "ORGANIZATION", ID: *a.OrganizationID})
		}
		if a.PlaceID != nil {
			keys = append(keys, EntityKey{Kind: "PLACE", ID: *a.PlaceID})
		}
	}
	// Unique keys: many affiliations share an organization.
	slices.SortFunc(keys, func(a, b EntityKey) int {
		return cmp.Or(strings.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	})
	keys = slices.Compact(keys)
	found, err := s.NamedEntities(ctx, keys)
	if err != nil {
		return err
	}
	for _, a := range affs {
		if a.OrganizationID != nil {
			if a.Organization, _ = found[EntityKey{Kind: "ORGANIZATION", ID: *a.OrganizationID}].(*Organization); a.Organization == nil {
				return fmt.Errorf("affiliation %d: organization %d: %w", a.ID, *a.OrganizationID, ErrNotFound) // the foreign key forbids this
			}
		}
		if a.PlaceID != nil {
			if a.Place, _ = found[EntityKey{Kind: "PLACE", ID: *a.PlaceID}].(*Place); a.Place == nil {
				return fmt.Errorf("affiliation %d: place %d: %w", a.ID, *a.PlaceID, ErrNotFound)
			}
		}
	}
	return nil
}

const subOrganizations = `
	SELECT o.parent_id AS list_parent, o.id, n.slug, o.name, o.short_name, upper(o.org_kind::text) AS org_kind,
		o.country_id, o.parent_id, o.unresolved, o.note, n.version
	FROM organizations o JOIN entities n ON n.id = o.id
	WHERE o.parent_id = ANY(@parents) ORDER BY o.name, o.id`

// SubOrganizations reads the organizations that are part of organizations, by name.
func (s *Store) SubOrganizations(ctx context.Context, orgs []int64) (map[int64][]*Organization, error) {
	return children[Organization](ctx, s.read(ctx), "sub-organizations", subOrganizations, orgs)
}

const eventSessions = `
	SELECT ev.parent_id AS list_parent, ev.id, n.slug, ev.name, upper(ev.event_kind::text) AS event_kind, ev.summary,
		ev.participant_description, partial_date_json(ev.date_year, ev.date_month, ev.date_day, ev.date_precision,
			ev.date_text, ev.date_inferred, ev.date_basis) AS date, ev.place_id, ev.venue_id, ev.parent_id, n.version
	FROM events ev JOIN entities n ON n.id = ev.id
	WHERE ev.parent_id = ANY(@parents) ORDER BY lower(ev.date_range) NULLS LAST, ev.name, ev.id`

// Sessions reads the events that are part of events, by date then name.
func (s *Store) Sessions(ctx context.Context, events []int64) (map[int64][]*Event, error) {
	return children[Event](ctx, s.read(ctx), "sessions", eventSessions, events)
}

const eventParticipants = `
	SELECT x.event_id AS list_parent, x.entity_id, upper(n.kind::text) AS entity_kind, upper(x.role::text) AS role
	FROM event_participants x JOIN entities n ON n.id = x.entity_id
	WHERE x.event_id = ANY(@parents) ORDER BY x.event_id, x.role, x.entity_id`

// Participants reads who took part in events.
func (s *Store) Participants(ctx context.Context, events []int64) (map[int64][]*EntityRef, error) {
	return children[EntityRef](ctx, s.read(ctx), "participants", eventParticipants, events)
}

// PersonFilter selects people; see the API's PersonFilter.
type PersonFilter struct {
	Boolean[PersonFilter]
	Name          *string
	Organizations []int64
}

func (f *PersonFilter) conditions(w *where) {
	if f.Name != nil {
		q := w.l.arg(*f.Name)
		w.add(`p.id = ANY(ARRAY(SELECT people_like(` + q + `))) AND ` + nameMatch(q) + ` >= ` + nameSimilarity)
	}
	if f.Organizations != nil {
		w.add(`EXISTS (SELECT 1 FROM affiliations x WHERE x.person_id = p.id AND x.organization_id = ANY(` + organizationTree(w.l.arg(f.Organizations)) + `))`)
	}
}

// nameMatch is how well a query matches a person's name, with or without
// their honorifics ("Dato' Sri Mustapa" matches Mustapa bin Mohamed).
func nameMatch(q string) string {
	return `greatest(word_similarity(` + q + `, p.name), word_similarity(` + q + `, array_to_string(p.honorifics, ' ') || ' ' || p.name))`
}

// nameSimilarity is how alike a query and a name must be (trigram word
// similarity) for the name to match: "Suhaza" finds "Suhaiza Hanim". The
// functions people_like and organizations_like (migration 000005) find
// the candidates with the trigram indexes at this threshold.
const nameSimilarity = "0.5"

// OrganizationFilter selects organizations; see the API's OrganizationFilter.
type OrganizationFilter struct {
	Boolean[OrganizationFilter]
	Kinds     []string
	Countries []int64
	Name      *string
}

func (f *OrganizationFilter) conditions(w *where) {
	w.enums("o.org_kind", f.Kinds)
	w.ids("o.country_id", f.Countries)
	if f.Name != nil {
		q := w.l.arg(*f.Name)
		w.add(`o.id = ANY(ARRAY(SELECT organizations_like(` + q + `))) AND word_similarity(` + q + `, o.name || ' ' || coalesce(o.short_name, '')) >= ` + nameSimilarity)
	}
}

// PlaceFilter selects places; see the API's PlaceFilter.
type PlaceFilter struct {
	Boolean[PlaceFilter]
	Kinds     []string
	Countries []int64
}

func (f *PlaceFilter) conditions(w *where) {
	w.enums("pl.place_kind", f.Kinds)
	w.ids("pl.country_id", f.Countries)
}

// EventFilter selects events; see the API's EventFilter.
type EventFilter struct {
	Boolean[EventFilter]
	Date   *DateRange
	Places []int64
	Topics []int64
}

func (f *EventFilter) conditions(w *where) {
	w.during("ev.date_range", f.Date)
	w.under("ev.place_id", placeTree, f.Places)
	w.tagged("event_topics", "event_id", "ev.id", f.Topics)
}

// The entities' listings and their orderings: by name unless asked
// otherwise.
var (
	personOrders = orders{
		"":           func(desc bool) ordering { return byText("people.name", "p.name", "p.id", desc) },
		"NAME":       func(desc bool) ordering { return byText("people.name", "p.name", "p.id", desc) },
		"STATEMENTS": func(desc bool) ordering { return byCount("people.statements", "p.statement_count", "p.id", desc) },
	}
	organizationOrders = orders{
		"":     func(desc bool) ordering { return byText("organizations.name", "o.name", "o.id", desc) },
		"NAME": func(desc bool) ordering { return byText("organizations.name", "o.name", "o.id", desc) },
		"STATEMENTS": func(desc bool) ordering {
			return byCount("organizations.statements", "o.statement_count", "o.id", desc)
		},
	}
	placeOrders = orders{
		"":           func(desc bool) ordering { return byText("places.name", "pl.name", "pl.id", desc) },
		"NAME":       func(desc bool) ordering { return byText("places.name", "pl.name", "pl.id", desc) },
		"STATEMENTS": func(desc bool) ordering { return byCount("places.statements", "pl.statement_count", "pl.id", desc) },
	}
	eventOrders = orders{
		"":           func(desc bool) ordering { return byText("events.name", "ev.name", "ev.id", desc) },
		"NAME":       func(desc bool) ordering { return byText("events.name", "ev.name", "ev.id", desc) },
		"DATE":       func(desc bool) ordering { return byDate("events.date", "ev.date_range", "ev.id", desc) },
		"STATEMENTS": func(desc bool) ordering { return byCount("events.statements", "ev.statement_count", "ev.id", desc) },
	}

	AllPeople        = Listing[Person, *PersonFilter]{name: "people", from: personFrom, columns: personColumns, ids: []string{"p.id", "n.id"}}
	AllOrganizations = Listing[Organization, *OrganizationFilter]{name: "organizations", from: organizationFrom, columns: organizationColumns, ids: []string{"o.id", "n.id"}}
	AllPlaces        = Listing[Place, *PlaceFilter]{name: "places", from: placeFrom, columns: placeColumns, ids: []string{"pl.id", "n.id"}}
	AllEvents        = Listing[Event, *EventFilter]{name: "events", from: eventFrom, columns: eventColumns, ids: []string{"ev.id", "n.id"}}
)

// linkMembers lists, for each parent of the batch, the ids in the link
// table's column of its rows whose parentColumn is the parent.
func linkMembers(table, parentColumn, column string) string {
	return `SELECT par.id, ARRAY(SELECT DISTINCT x.` + column + ` FROM ` + table + ` x WHERE x.` + parentColumn + ` = par.id)
		FROM unnest(@parents::bigint[]) AS par(id)`
}

const (
	// orgSubtrees walks the subtrees of all the batch's organizations at
	// once: subtrees(list_parent, ids) holds each parent with its own id
	// and those of everything below it.
	orgSubtrees = `org_tree(list_parent, id) AS (
			SELECT o.id, o.id FROM organizations o WHERE o.id = ANY(@parents)
			UNION SELECT t.list_parent, c.id FROM org_tree t JOIN organizations c ON c.parent_id = t.id),
		subtrees(list_parent, ids) AS (SELECT t.list_parent, array_agg(t.id) FROM org_tree t GROUP BY t.list_parent)`

	// orgStatements are the statements an organization made or that were
	// made on its behalf: its own (as the speaker), and those whose speaker
	// spoke for it or one of its sub-organizations, or held an affiliation
	// with one of them. Each list is read by index (the affiliations' ids
	// first, so that PostgreSQL looks their statements up by index too).
	orgStatements = `SELECT st.list_parent, ARRAY(
			SELECT s.id FROM statements s WHERE s.speaker_id = st.list_parent
			UNION SELECT s.id FROM statements s WHERE s.speaker_organization_id = ANY(st.ids)
			UNION SELECT sa.statement_id FROM statement_affiliations sa
				WHERE sa.affiliation_id = ANY(ARRAY(SELECT af.id FROM affiliations af WHERE af.organization_id = ANY(st.ids))))
		FROM subtrees st`

	// orgStatementCounts are the counts of orgStatements kept on write
	// (migration 000031: subtree_statement_count, moved by the rows of
	// organization_statement_members, which list each statement's
	// organizations with the same definition, migration 000032).
	orgStatementCounts = `SELECT o.id, o.subtree_statement_count FROM organizations o WHERE o.id = ANY(@parents)`
)

// The entities' nested listings.
var (
	EntityArticles = memberRelation(AllArticles, true, "entity.articles",
		"", "", linkMembers("evidence", "entity_id", "article_id"), newestFirst)
	EntityFigures = relation(AllFigures, false, "entity.figures", `f.subject_id = par.id`, figuresOrder)

	PersonStatements = relation(AllStatements, false, "person.statements", `s.speaker_id = par.id`, articleOrder)

	OrganizationMembers = memberRelation(AllPeople, false, "organization.members",
		"", "", linkMembers("affiliations", "organization_id", "person_id"), byName("p"))
	OrganizationStatements = memberRelation(AllStatements, false, "organization.statements",
		"", orgSubtrees, orgStatements, articleOrder).storedCounts(orgStatementCounts)
	PartyAgreements = memberRelation(AllAgreements, false, "party.agreements",
		"", "", linkMembers("agreement_parties", "entity_id", "agreement_id"), byName("ag"))
)
