package db

import (
	"context"

	"github.com/newsgraph/newsgraph/db/globalid"
)

// Projects: their rows, and the projects listing and its filter.

// Project is a project or facility.
type Project struct {
	EntityCore
	Kind       string       `db:"project_kind"`
	Status     *string      `db:"status"`
	Summary    *string      `db:"summary"`
	BuilderID  *int64       `db:"builder_id"`
	PlaceID    *int64       `db:"place_id"`
	Completion *PartialDate `db:"completion"`
	Keyset
}

// GlobalID returns the project's global ID in the API.
func (p *Project) GlobalID() string { return globalid.Encode(globalid.Project, p.ID) }

// EntityKind returns the kind of entity a Project is: PROJECT.
func (Project) EntityKind() string { return "PROJECT" }

// The projects listing's FROM and columns.
const (
	projectFrom    = `projects pr JOIN entities n ON n.id = pr.id`
	projectColumns = `pr.id, n.slug, pr.name, upper(pr.project_kind::text) AS project_kind, upper(pr.status::text) AS status,
		pr.summary, pr.builder_id, pr.place_id,
		partial_date_json(pr.completion_year, pr.completion_month, pr.completion_day, pr.completion_precision,
			pr.completion_text, pr.completion_inferred, pr.completion_basis) AS completion, n.version`
)

// projectsByID tests the ids on both sides of the join (see
// namedEntityBranches).
const projectsByID = `
	SELECT pr.id, n.slug, pr.name, upper(pr.project_kind::text) AS project_kind, upper(pr.status::text) AS status,
		pr.summary, pr.builder_id, pr.place_id,
		partial_date_json(pr.completion_year, pr.completion_month, pr.completion_day, pr.completion_precision,
			pr.completion_text, pr.completion_inferred, pr.completion_basis) AS completion, n.version
	FROM projects pr JOIN entities n ON n.id = pr.id WHERE pr.id = ANY(@ids) AND n.id = ANY(@ids)`

// Projects reads projects by id.
func (s *Store) Projects(ctx context.Context, ids []int64) ([]*Project, error) {
	return readByIDs[Project](ctx, s.read(ctx), "projects", projectsByID, ids)
}

// ProjectFilter selects projects; see the API's ProjectFilter.
type ProjectFilter struct {
	Boolean[ProjectFilter]
	Kinds    []string
	Statuses []string
	Builders []int64
	Places   []int64
}

func (f *ProjectFilter) conditions(w *where) {
	w.enums("pr.project_kind", f.Kinds)
	w.enums("pr.status", f.Statuses)
	w.under("pr.builder_id", organizationTree, f.Builders)
	w.under("pr.place_id", placeTree, f.Places)
}

// projectOrders are the projects listing's orderings: by name.
var projectOrders = orders{
	"":     func(desc bool) ordering { return byText("projects.name", "pr.name", "pr.id", desc) },
	"NAME": func(desc bool) ordering { return byText("projects.name", "pr.name", "pr.id", desc) },
}

// AllProjects is the projects listing: by name.
var AllProjects = Listing[Project, *ProjectFilter]{name: "projects", from: projectFrom, columns: projectColumns, ids: []string{"pr.id", "n.id"}}
