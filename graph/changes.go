package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/model"
)

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
