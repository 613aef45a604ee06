package db

import "context"

// ProjectFilter selects projects; see the API's ProjectFilter.
type ProjectFilter struct {
	Kinds    []string
	Statuses []string
	Builders []int64
	Places   []int64
	And, Or  []ProjectFilter
	Not      *ProjectFilter
}

func (f *ProjectFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.Kinds != nil {
		c = append(c, `pr.project_kind::text = ANY(`+l.arg(lower(f.Kinds))+`)`)
	}
	if f.Statuses != nil {
		c = append(c, `pr.status::text = ANY(`+l.arg(lower(f.Statuses))+`)`)
	}
	if f.Builders != nil {
		c = append(c, `pr.builder_id = ANY(`+organizationTree(l.arg(f.Builders))+`)`)
	}
	if f.Places != nil {
		c = append(c, `pr.place_id = ANY(`+placeTree(l.arg(f.Places))+`)`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// ListProjects reads a page of the projects that match f (nil: all).
func (s *Store) ListProjects(ctx context.Context, f *ProjectFilter, o Order, page PageArgs) (Page[Project], error) {
	return listRoot[Project](ctx, s.read(ctx), "projects", projectFrom, projectColumns, f.sql, o, page)
}

// CountProjects counts the projects that match f.
func (s *Store) CountProjects(ctx context.Context, f *ProjectFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), projectFrom, f.sql)
}
