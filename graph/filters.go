package graph

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/model"
)

// kindOfType maps API type names to what db.Store.Missing checks.
var kindOfType = map[string]string{
	typeArticle: "ARTICLE", typeTopic: "TOPIC", typePerson: "PERSON", typeOrganization: "ORGANIZATION",
	typePlace: "PLACE", typeEvent: "EVENT", typeProject: "PROJECT", typeAgreement: "AGREEMENT",
}

// ids decodes the global IDs of a filter field, checks that each names an
// object of one of the allowed types that exists, and returns their ids. A
// nil list (no filter) stays nil.
func (r *Resolver) ids(ctx context.Context, path string, gids []string, types ...string) ([]int64, error) {
	if gids == nil {
		return nil, nil
	}
	if len(gids) > db.MaxPageSize {
		return nil, inputErrorf("%s: at most %d IDs, got %d", path, db.MaxPageSize, len(gids))
	}
	out := make([]int64, len(gids))
	byKind := map[string][]int64{}
	index := map[int64]int{}
	for i, gid := range gids {
		typ, id, ok := decodeID(gid)
		allowed := false
		for _, t := range types {
			allowed = allowed || t == typ
		}
		if !ok || !allowed {
			return nil, inputErrorf("%s[%d]: %q is not the ID of %s", path, i, abbreviate(gid), oneOf(types))
		}
		out[i] = id
		byKind[kindOfType[typ]] = append(byKind[kindOfType[typ]], id)
		index[id] = i
	}
	for kind, ids := range byKind {
		missing, err := r.Store.Missing(ctx, kind, ids)
		if err != nil {
			return nil, err
		}
		if len(missing) > 0 {
			i := index[missing[0]]
			return nil, db.Errorf(db.CodeNotFound, "%s[%d]: no %s has ID %q", path, i, typeOfKind(kind), gids[i])
		}
	}
	return out, nil
}

func typeOfKind(kind string) string {
	for t, k := range kindOfType {
		if k == kind {
			return t
		}
	}
	return kind
}

func oneOf(types []string) string {
	if len(types) == 1 {
		return "a " + types[0]
	}
	s := "a " + types[0]
	for _, t := range types[1 : len(types)-1] {
		s += ", " + t
	}
	return s + " or " + types[len(types)-1]
}

var entityTypeNames = []string{typePerson, typeOrganization, typePlace, typeEvent, typeProject, typeAgreement}

func dateRange(path string, r *model.DateRange) (*db.DateRange, error) {
	if r == nil {
		return nil, nil
	}
	if r.From != nil && r.To != nil && r.From.After(*r.To) {
		return nil, inputErrorf("%s: from %s is after to %s", path, r.From.Format("2006-01-02"), r.To.Format("2006-01-02"))
	}
	return &db.DateRange{From: r.From, To: r.To}, nil
}

// boolParts converts a filter's and/or/not parts with convert.
func boolParts[In, Out any](path string, and, or []*In, not *In, convert func(string, *In) (*Out, error)) ([]Out, []Out, *Out, error) {
	var a, o []Out
	for i, f := range and {
		x, err := convert(fmt.Sprintf("%s.and[%d]", path, i), f)
		if err != nil {
			return nil, nil, nil, err
		}
		a = append(a, *x)
	}
	for i, f := range or {
		x, err := convert(fmt.Sprintf("%s.or[%d]", path, i), f)
		if err != nil {
			return nil, nil, nil, err
		}
		o = append(o, *x)
	}
	var n *Out
	if not != nil {
		x, err := convert(path+".not", not)
		if err != nil {
			return nil, nil, nil, err
		}
		n = x
	}
	return a, o, n, nil
}

// maxFilterDepth bounds how deeply and/or/not may nest.
const maxFilterDepth = 5

func depthOK(path string) error {
	depth := 0
	for _, c := range path {
		if c == '.' {
			depth++
		}
	}
	if depth > maxFilterDepth {
		return inputErrorf("%s: filters nest at most %d levels deep", path, maxFilterDepth)
	}
	return nil
}

func (r *Resolver) articleFilter(ctx context.Context, path string, f *model.ArticleFilter) (*db.ArticleFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.ArticleFilter
	var err error
	if out.Published, err = dateRange(path+".published", f.Published); err != nil {
		return nil, err
	}
	if out.Topics, err = r.ids(ctx, path+".topics", f.Topics, typeTopic); err != nil {
		return nil, err
	}
	if out.Mentions, err = r.ids(ctx, path+".mentions", f.Mentions, entityTypeNames...); err != nil {
		return nil, err
	}
	out.Text = f.Text
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.ArticleFilter) (*db.ArticleFilter, error) {
		return r.articleFilter(ctx, p, x)
	})
	return &out, err
}

func (r *Resolver) statementFilter(ctx context.Context, path string, f *model.StatementFilter) (*db.StatementFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.StatementFilter
	var err error
	if out.Speakers, err = r.ids(ctx, path+".speakers", f.Speakers, typePerson, typeOrganization); err != nil {
		return nil, err
	}
	if out.SpeakerOrganizations, err = r.ids(ctx, path+".speakerOrganizations", f.SpeakerOrganizations, typeOrganization); err != nil {
		return nil, err
	}
	if out.SpeakerCountries, err = r.ids(ctx, path+".speakerCountries", f.SpeakerCountries, typePlace); err != nil {
		return nil, err
	}
	if out.Topics, err = r.ids(ctx, path+".topics", f.Topics, typeTopic); err != nil {
		return nil, err
	}
	if out.Articles, err = r.ids(ctx, path+".articles", f.Articles, typeArticle); err != nil {
		return nil, err
	}
	if out.Published, err = dateRange(path+".published", f.Published); err != nil {
		return nil, err
	}
	out.Verbs, out.Mode, out.Text = f.Verbs, f.Mode, f.Text
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.StatementFilter) (*db.StatementFilter, error) {
		return r.statementFilter(ctx, p, x)
	})
	return &out, err
}

func (r *Resolver) figureFilter(ctx context.Context, path string, f *model.FigureFilter) (*db.FigureFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.FigureFilter
	var err error
	if out.Subjects, err = r.ids(ctx, path+".subjects", f.Subjects, entityTypeNames...); err != nil {
		return nil, err
	}
	if out.Articles, err = r.ids(ctx, path+".articles", f.Articles, typeArticle); err != nil {
		return nil, err
	}
	if out.Topics, err = r.ids(ctx, path+".topics", f.Topics, typeTopic); err != nil {
		return nil, err
	}
	if out.Period, err = dateRange(path+".period", f.Period); err != nil {
		return nil, err
	}
	if f.Value != nil {
		out.ValueMin, out.ValueMax = f.Value.Min, f.Value.Max
	}
	out.Metric, out.Units = f.Metric, f.Units
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.FigureFilter) (*db.FigureFilter, error) {
		return r.figureFilter(ctx, p, x)
	})
	return &out, err
}

func (r *Resolver) agreementFilter(ctx context.Context, path string, f *model.AgreementFilter) (*db.AgreementFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.AgreementFilter
	var err error
	if out.Parties, err = r.ids(ctx, path+".parties", f.Parties, typePlace, typeOrganization, typePerson); err != nil {
		return nil, err
	}
	if out.Topics, err = r.ids(ctx, path+".topics", f.Topics, typeTopic); err != nil {
		return nil, err
	}
	if out.Date, err = dateRange(path+".date", f.Date); err != nil {
		return nil, err
	}
	out.Kinds, out.Statuses, out.Text = f.Kinds, f.Statuses, f.Text
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.AgreementFilter) (*db.AgreementFilter, error) {
		return r.agreementFilter(ctx, p, x)
	})
	return &out, err
}

func (r *Resolver) personFilter(ctx context.Context, path string, f *model.PersonFilter) (*db.PersonFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.PersonFilter
	var err error
	if out.Organizations, err = r.ids(ctx, path+".organizations", f.Organizations, typeOrganization); err != nil {
		return nil, err
	}
	out.Name = f.Name
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.PersonFilter) (*db.PersonFilter, error) {
		return r.personFilter(ctx, p, x)
	})
	return &out, err
}

func (r *Resolver) organizationFilter(ctx context.Context, path string, f *model.OrganizationFilter) (*db.OrganizationFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.OrganizationFilter
	var err error
	if out.Countries, err = r.ids(ctx, path+".countries", f.Countries, typePlace); err != nil {
		return nil, err
	}
	out.Kinds, out.Name = f.Kinds, f.Name
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.OrganizationFilter) (*db.OrganizationFilter, error) {
		return r.organizationFilter(ctx, p, x)
	})
	return &out, err
}

func (r *Resolver) placeFilter(ctx context.Context, path string, f *model.PlaceFilter) (*db.PlaceFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.PlaceFilter
	var err error
	if out.Countries, err = r.ids(ctx, path+".countries", f.Countries, typePlace); err != nil {
		return nil, err
	}
	out.Kinds = f.Kinds
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.PlaceFilter) (*db.PlaceFilter, error) {
		return r.placeFilter(ctx, p, x)
	})
	return &out, err
}

func (r *Resolver) eventFilter(ctx context.Context, path string, f *model.EventFilter) (*db.EventFilter, error) {
	if f == nil {
		return nil, nil
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	var out db.EventFilter
	var err error
	if out.Date, err = dateRange(path+".date", f.Date); err != nil {
		return nil, err
	}
	if out.Places, err = r.ids(ctx, path+".places", f.Places, typePlace); err != nil {
		return nil, err
	}
	if out.Topics, err = r.ids(ctx, path+".topics", f.Topics, typeTopic); err != nil {
		return nil, err
	}
	out.And, out.Or, out.Not, err = boolParts(path, f.And, f.Or, f.Not, func(p string, x *model.EventFilter) (*db.EventFilter, error) {
		return r.eventFilter(ctx, p, x)
	})
	return &out, err
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
