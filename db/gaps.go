package db

import (
	"context"
	"time"
)

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

// AuditEntry is one write recorded in the audit log: who (the API token's
// name, or the name given to the import command) did what to which row,
// when. TargetID is nil for a write with no single row; Detail is a JSON
// object (the slug or key, what a delete cascaded to, ...), nil when none.
type AuditEntry struct {
	ID         int64     `db:"id"`
	At         time.Time `db:"at"`
	Actor      string    `db:"actor"`
	Action     string    `db:"action"`
	TargetType string    `db:"target_type"`
	TargetID   *int64    `db:"target_id"`
	Detail     *string   `db:"detail"`
	Keyset
}

const (
	auditFrom    = `audit_log al`
	auditColumns = `al.id, al.at, al.actor, al.action, al.target_type, al.target_id, al.detail::text AS detail`
)

// ListAudit reads a page of the audit log, newest first.
func (s *Store) ListAudit(ctx context.Context, page PageArgs) (Page[AuditEntry], error) {
	return listRoot[AuditEntry](ctx, s.read(ctx), "audit", auditFrom, auditColumns, noFilter, Order{}, page)
}

// CountAudit counts the entries of the audit log.
func (s *Store) CountAudit(ctx context.Context) (int, error) {
	return countRoot(ctx, s.read(ctx), auditFrom, noFilter)
}
