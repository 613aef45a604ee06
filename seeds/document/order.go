package document

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/db"
)

// Order lists the declarations of each self-referencing kind so that
// every parent comes before its children, for a writer that needs a
// parent's row before its children's.
type Order struct {
	Topics        []TopicDoc
	Places        []PlaceDoc // a place without a parent after its country
	Organizations []OrganizationDoc
	Events        []EventDoc
	Agreements    []AgreementDoc
}

// parentOrder sorts declarations parents first, and reports a cycle of
// parents as a validation problem.
func parentOrder(docs []*Document) (Order, error) {
	var o Order
	var problems []db.Problem
	where := map[string]db.Problem{} // kind+slug -> where it is declared
	at := func(doc *Document, section, kind, slug string, i int) {
		where[kind+" "+slug] = db.Problem{Document: doc.Name, Path: fmt.Sprintf("%s[%d].parent", section, i), Item: kind + " " + slug}
	}
	for _, doc := range docs {
		for i, x := range doc.Topics {
			at(doc, "topics", "topic", x.Slug, i)
		}
		for i, x := range doc.Places {
			at(doc, "places", "place", x.Slug, i)
		}
		for i, x := range doc.Organizations {
			at(doc, "organizations", "organization", x.Slug, i)
		}
		for i, x := range doc.Events {
			at(doc, "events", "event", x.Slug, i)
		}
		for i, x := range doc.Agreements {
			at(doc, "agreements", "agreement", x.Slug, i)
		}
		o.Topics = append(o.Topics, doc.Topics...)
		o.Places = append(o.Places, doc.Places...)
		o.Organizations = append(o.Organizations, doc.Organizations...)
		o.Events = append(o.Events, doc.Events...)
		o.Agreements = append(o.Agreements, doc.Agreements...)
	}
	check := func(kind string, cycle []string) {
		if cycle != nil {
			p := where[kind+" "+cycle[0]]
			p.Message = "parents form a cycle: " + strings.Join(cycle, " -> ")
			problems = append(problems, p)
		}
	}
	var cycle []string
	o.Topics, cycle = parentsFirst(o.Topics, func(t TopicDoc) (string, *string) { return t.Slug, t.Parent })
	check("topic", cycle)
	o.Places, cycle = parentsFirst(o.Places, func(p PlaceDoc) (string, *string) {
		if p.Parent == nil {
			return p.Slug, p.Country
		}
		return p.Slug, p.Parent
	})
	check("place", cycle)
	o.Organizations, cycle = parentsFirst(o.Organizations, func(x OrganizationDoc) (string, *string) { return x.Slug, x.Parent })
	check("organization", cycle)
	o.Events, cycle = parentsFirst(o.Events, func(x EventDoc) (string, *string) { return x.Slug, x.Parent })
	check("event", cycle)
	o.Agreements, cycle = parentsFirst(o.Agreements, func(x AgreementDoc) (string, *string) { return x.Slug, x.Parent })
	check("agreement", cycle)
	if problems != nil {
		return o, &db.ValidationError{Problems: problems}
	}
	return o, nil
}

// parentsFirst orders items so that an item's parent, when it is among
// items, comes first. It returns a cycle of slugs if there is one.
func parentsFirst[T any](items []T, key func(T) (string, *string)) ([]T, []string) {
	index := map[string]int{}
	for i, it := range items {
		slug, _ := key(it)
		index[slug] = i
	}
	const (
		unvisited = iota
		visiting
		done
	)
	state := make([]int, len(items))
	out := make([]T, 0, len(items))
	var visit func(i int, path []string) []string
	visit = func(i int, path []string) []string {
		slug, parent := key(items[i])
		switch state[i] {
		case done:
			return nil
		case visiting:
			return append(path, slug)
		}
		state[i] = visiting
		if parent != nil {
			if j, ok := index[*parent]; ok {
				if cycle := visit(j, append(path, slug)); cycle != nil {
					return cycle
				}
			}
		}
		state[i] = done
		out = append(out, items[i])
		return nil
	}
	for i := range items {
		if cycle := visit(i, nil); cycle != nil {
			return nil, cycle
		}
	}
	return out, nil
}
