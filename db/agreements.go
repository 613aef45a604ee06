package db

import (
	"context"

	"github.com/newsgraph/newsgraph/db/globalid"
)

// Agreements: their rows, parts, parties, places and projects, and the
// agreements listing and its filter and orderings.

// Agreement is an agreement or cooperation framework; ParentID is the
// agreement it is part of.
type Agreement struct {
	EntityCore
	Kind     string       `db:"agreement_kind"`
	Status   *string      `db:"status"`
	Summary  *string      `db:"summary"`
	Date     *PartialDate `db:"date"`
	ParentID *int64       `db:"parent_id"`
	Keyset
}

// GlobalID returns the agreement's global ID in the API.
func (a *Agreement) GlobalID() string { return globalid.Encode(globalid.Agreement, a.ID) }

// EntityKind returns the kind of entity an Agreement is: AGREEMENT.
func (Agreement) EntityKind() string { return "AGREEMENT" }

// The agreements listing's FROM and columns.
const (
	agreementFrom    = `agreements ag JOIN entities n ON n.id = ag.id`
	agreementColumns = `ag.id, n.slug, ag.name, upper(ag.agreement_kind::text) AS agreement_kind, upper(ag.status::text) AS status,
		ag.summary, partial_date_json(ag.date_year, ag.date_month, ag.date_day, ag.date_precision, ag.date_text,
			ag.date_inferred, ag.date_basis) AS date, ag.parent_id, n.version`
)

// agreementsByID tests the ids on both sides of the join (see
// namedEntityBranches).
const agreementsByID = `
	SELECT ag.id, n.slug, ag.name, upper(ag.agreement_kind::text) AS agreement_kind, upper(ag.status::text) AS status,
		ag.summary, partial_date_json(ag.date_year, ag.date_month, ag.date_day, ag.date_precision, ag.date_text,
			ag.date_inferred, ag.date_basis) AS date, ag.parent_id, n.version
	FROM agreements ag JOIN entities n ON n.id = ag.id WHERE ag.id = ANY(@ids) AND n.id = ANY(@ids)`

// Agreements reads agreements by id.
func (s *Store) Agreements(ctx context.Context, ids []int64) ([]*Agreement, error) {
	return readByIDs[Agreement](ctx, s.read(ctx), "agreements", agreementsByID, ids)
}

const agreementParts = `
	SELECT ag.parent_id AS list_parent, ag.id, n.slug, ag.name, upper(ag.agreement_kind::text) AS agreement_kind,
		upper(ag.status::text) AS status, ag.summary, partial_date_json(ag.date_year, ag.date_month, ag.date_day,
			ag.date_precision, ag.date_text, ag.date_inferred, ag.date_basis) AS date, ag.parent_id, n.version
	FROM agreements ag JOIN entities n ON n.id = ag.id
	WHERE ag.parent_id = ANY(@parents) ORDER BY ag.name, ag.id`

// AgreementParts reads the agreements that are part of agreements, by name.
func (s *Store) AgreementParts(ctx context.Context, agreements []int64) (map[int64][]*Agreement, error) {
	return children[Agreement](ctx, s.read(ctx), "agreement parts", agreementParts, agreements)
}

const agreementParties = `
	SELECT x.agreement_id AS list_parent, x.entity_id, upper(n.kind::text) AS entity_kind, upper(x.role::text) AS role
	FROM agreement_parties x JOIN entities n ON n.id = x.entity_id
	WHERE x.agreement_id = ANY(@parents) ORDER BY x.agreement_id, x.position`

// Parties reads the parties of agreements, in the order the article gives.
func (s *Store) Parties(ctx context.Context, agreements []int64) (map[int64][]*EntityRef, error) {
	return children[EntityRef](ctx, s.read(ctx), "parties", agreementParties, agreements)
}

const agreementPlaces = `
	SELECT x.agreement_id AS list_parent, pl.id, n.slug, pl.name, upper(pl.place_kind::text) AS place_kind,
		pl.country_id, pl.parent_id, n.version
	FROM agreement_places x JOIN places pl ON pl.id = x.place_id JOIN entities n ON n.id = pl.id
	WHERE x.agreement_id = ANY(@parents) ORDER BY pl.name, pl.id`

// AgreementPlaces reads the places agreements involve, by name.
func (s *Store) AgreementPlaces(ctx context.Context, agreements []int64) (map[int64][]*Place, error) {
	return children[Place](ctx, s.read(ctx), "agreement places", agreementPlaces, agreements)
}

const agreementProjects = `
	SELECT x.agreement_id AS list_parent, pr.id, n.slug, pr.name, upper(pr.project_kind::text) AS project_kind,
		upper(pr.status::text) AS status, pr.summary, pr.builder_id, pr.place_id,
		partial_date_json(pr.completion_year, pr.completion_month, pr.completion_day, pr.completion_precision,
			pr.completion_text, pr.completion_inferred, pr.completion_basis) AS completion, n.version
	FROM agreement_projects x JOIN projects pr ON pr.id = x.project_id JOIN entities n ON n.id = pr.id
	WHERE x.agreement_id = ANY(@parents) ORDER BY pr.name, pr.id`

// AgreementProjects reads the projects agreements involve, by name.
func (s *Store) AgreementProjects(ctx context.Context, agreements []int64) (map[int64][]*Project, error) {
	return children[Project](ctx, s.read(ctx), "agreement projects", agreementProjects, agreements)
}

// AgreementFilter selects agreements; see the API's AgreementFilter.
type AgreementFilter struct {
	Boolean[AgreementFilter]
	Kinds    []string
	Parties  []int64
	Statuses []string
	Date     *DateRange
	Topics   []int64
	Text     *string
}

func (f *AgreementFilter) conditions(w *where) {
	w.enums("ag.agreement_kind", f.Kinds)
	if f.Parties != nil {
		w.add(`EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = ag.id AND x.entity_id = ANY(` + w.l.arg(f.Parties) + `))`)
	}
	w.enums("ag.status", f.Statuses)
	w.during("ag.date_range", f.Date)
	w.tagged("agreement_topics", "agreement_id", "ag.id", f.Topics)
	w.matches("ag.search", f.Text)
}

// agreementOrders are the agreements listing's orderings: by name unless
// asked otherwise.
var agreementOrders = orders{
	"":     func(desc bool) ordering { return byText("agreements.name", "ag.name", "ag.id", desc) },
	"NAME": func(desc bool) ordering { return byText("agreements.name", "ag.name", "ag.id", desc) },
	"DATE": func(desc bool) ordering { return byDate("agreements.date", "ag.date_range", "ag.id", desc) },
	// The most recent publication of an article that names it (migration 000021).
	"PUBLISHED": func(desc bool) ordering {
		return byDateKeys("agreements.published", "ag.published", desc, key("ag.id", "bigint"))
	},
	"STATEMENTS": func(desc bool) ordering { return byCount("agreements.statements", "ag.statement_count", "ag.id", desc) },
}

// AllAgreements is the agreements listing: by name unless asked otherwise.
var AllAgreements = Listing[Agreement, *AgreementFilter]{name: "agreements", from: agreementFrom, columns: agreementColumns, ids: []string{"ag.id", "n.id"}}
