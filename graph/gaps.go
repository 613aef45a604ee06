package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/model"
)

// typeOfAuditTarget maps the target types of the audit log to API types.
var typeOfAuditTarget = map[string]string{
	"article": typeArticle, "statement": typeStatement, "figure": typeFigure, "topic": typeTopic,
	db.KindPerson: typePerson, db.KindOrganization: typeOrganization, db.KindPlace: typePlace,
	db.KindEvent: typeEvent, db.KindProject: typeProject, db.KindAgreement: typeAgreement,
}

func (r *Resolver) projectFilter(ctx context.Context, path string, f *model.ProjectFilter) (*db.ProjectFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	out := db.ProjectFilter{Kinds: f.Kinds, Statuses: f.Statuses}
	var err error
	if out.Builders, err = r.ids(ctx, path+".builders", f.Builders, typeOrganization); err != nil {
		return nil, err
	}
	if out.Places, err = r.ids(ctx, path+".places", f.Places, typePlace); err != nil {
		return nil, err
	}
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.ProjectFilter) (*db.ProjectFilter, error) {
		return r.projectFilter(ctx, p, x)
	})
	return &out, err
}

// changes streams the committed changes of the given API types (all when
// none are given) as Change objects.
func (r *Resolver) changes(ctx context.Context, types []string) (<-chan *model.Change, error) {
	if r.Broker == nil {
		return nil, db.Errorf(db.CodeUnavailable, "subscriptions are not enabled on this server")
	}
	events, err := r.Broker.Subscribe(ctx, anyKind)
	if err != nil {
		return nil, err
	}
	out := make(chan *model.Change)
	go func() {
		defer close(out)
		for e := range events {
			c := changeOf(e)
			if c == nil || types != nil && !slices.Contains(types, c.Type) {
				continue
			}
			select {
			case out <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// changeOf describes a change event for the API; nil for an event of a
// kind it does not know.
func changeOf(e *db.ChangeEvent) *model.Change {
	i := strings.LastIndexByte(e.Kind, '_')
	if i < 0 {
		return nil
	}
	typ, ok := typeOfAuditTarget[e.Kind[:i]]
	if !ok {
		return nil
	}
	return &model.Change{Type: strings.ToUpper(e.Kind[:i]), Action: strings.ToUpper(e.Kind[i+1:]), ID: encodeID(typ, e.SubjectID), RowID: e.SubjectID}
}
