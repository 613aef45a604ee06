package graph

import (
	"context"
	"fmt"
	"strings"

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
		return nil, nil // no filter on this field
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
			return nil, inputErrorf("%s[%d]: %q is not the ID of %s", path, i, Abbreviate(gid), oneOf(types))
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

// typeOfKind returns the API type of a kind of row (ARTICLE, PERSON, ...).
func typeOfKind(kind string) string {
	for _, t := range objectTypes {
		if strings.EqualFold(t, kind) {
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

// dateRange converts a date range; nil (no range) stays nil.
func dateRange(path string, r *model.DateRange) (*db.DateRange, error) {
	if r == nil {
		return nil, nil // no range: not a lookup, nothing is missing
	}
	if r.From != nil && r.To != nil && r.From.After(*r.To) {
		return nil, inputErrorf("%s: from %s is after to %s", path, r.From.Format("2006-01-02"), r.To.Format("2006-01-02"))
	}
	return &db.DateRange{From: r.From, To: r.To}, nil
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

// filterOf converts a filter of the API (In) into db's (Out): fields
// converts the filter's own fields with c, which keeps the first error and
// asks nothing more after it. A nil filter is no filter: nil, with no
// error.
func filterOf[In, Out any](ctx context.Context, r *Resolver, path string, f *In, fields func(c *filterFields, f *In) Out) (*Out, error) {
	if f == nil {
		return nil, nil // no filter
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	c := &filterFields{ctx: ctx, r: r, path: path}
	out := fields(c, f)
	if c.err != nil {
		return nil, c.err
	}
	return &out, nil
}

// filterFields converts the fields of one filter at path, keeping the
// first error: once one field failed, the others are not converted (and
// their IDs not looked up).
type filterFields struct {
	ctx  context.Context
	r    *Resolver
	path string
	err  error
}

// ids is Resolver.ids for the filter's field.
func (c *filterFields) ids(field string, gids []string, types ...string) []int64 {
	if c.err != nil {
		return nil
	}
	out, err := c.r.ids(c.ctx, c.path+"."+field, gids, types...)
	c.err = err
	return out
}

// dates is dateRange for the filter's field.
func (c *filterFields) dates(field string, r *model.DateRange) *db.DateRange {
	if c.err != nil {
		return nil
	}
	out, err := dateRange(c.path+"."+field, r)
	c.err = err
	return out
}

// boolParts converts the filter's and/or/not parts with convert, the
// filter's own conversion.
func boolParts[In, Out any](c *filterFields, and, or []*In, not *In, convert func(context.Context, string, *In) (*Out, error)) (a, o []Out, n *Out) {
	part := func(path string, f *In) *Out {
		if c.err != nil {
			return nil
		}
		x, err := convert(c.ctx, path, f)
		c.err = err
		return x
	}
	for i, f := range and {
		if x := part(fmt.Sprintf("%s.and[%d]", c.path, i), f); x != nil {
			a = append(a, *x)
		}
	}
	for i, f := range or {
		if x := part(fmt.Sprintf("%s.or[%d]", c.path, i), f); x != nil {
			o = append(o, *x)
		}
	}
	if not != nil {
		n = part(c.path+".not", not)
	}
	return a, o, n
}

func (r *Resolver) articleFilter(ctx context.Context, path string, f *model.ArticleFilter) (*db.ArticleFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.ArticleFilter) db.ArticleFilter {
		out := db.ArticleFilter{
			Published: c.dates("published", f.Published),
			Topics:    c.ids("topics", f.Topics, typeTopic),
			Mentions:  c.ids("mentions", f.Mentions, entityTypeNames...),
			Text:      f.Text,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.articleFilter)
		return out
	})
}

func (r *Resolver) statementFilter(ctx context.Context, path string, f *model.StatementFilter) (*db.StatementFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.StatementFilter) db.StatementFilter {
		out := db.StatementFilter{
			Speakers:             c.ids("speakers", f.Speakers, typePerson, typeOrganization),
			SpeakerOrganizations: c.ids("speakerOrganizations", f.SpeakerOrganizations, typeOrganization),
			SpeakerCountries:     c.ids("speakerCountries", f.SpeakerCountries, typePlace),
			Topics:               c.ids("topics", f.Topics, typeTopic),
			Articles:             c.ids("articles", f.Articles, typeArticle),
			Published:            c.dates("published", f.Published),
			Verbs:                f.Verbs,
			Mode:                 f.Mode,
			Text:                 f.Text,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.statementFilter)
		return out
	})
}

func (r *Resolver) figureFilter(ctx context.Context, path string, f *model.FigureFilter) (*db.FigureFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.FigureFilter) db.FigureFilter {
		out := db.FigureFilter{
			Subjects: c.ids("subjects", f.Subjects, entityTypeNames...),
			Articles: c.ids("articles", f.Articles, typeArticle),
			Topics:   c.ids("topics", f.Topics, typeTopic),
			Period:   c.dates("period", f.Period),
			Metric:   f.Metric,
			Units:    f.Units,
		}
		if f.Value != nil {
			out.ValueMin, out.ValueMax = f.Value.Min, f.Value.Max
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.figureFilter)
		return out
	})
}

func (r *Resolver) agreementFilter(ctx context.Context, path string, f *model.AgreementFilter) (*db.AgreementFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.AgreementFilter) db.AgreementFilter {
		out := db.AgreementFilter{
			Parties:  c.ids("parties", f.Parties, typePlace, typeOrganization, typePerson),
			Topics:   c.ids("topics", f.Topics, typeTopic),
			Date:     c.dates("date", f.Date),
			Kinds:    f.Kinds,
			Statuses: f.Statuses,
			Text:     f.Text,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.agreementFilter)
		return out
	})
}

func (r *Resolver) personFilter(ctx context.Context, path string, f *model.PersonFilter) (*db.PersonFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.PersonFilter) db.PersonFilter {
		out := db.PersonFilter{
			Organizations: c.ids("organizations", f.Organizations, typeOrganization),
			Name:          f.Name,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.personFilter)
		return out
	})
}

func (r *Resolver) organizationFilter(ctx context.Context, path string, f *model.OrganizationFilter) (*db.OrganizationFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.OrganizationFilter) db.OrganizationFilter {
		out := db.OrganizationFilter{
			Countries: c.ids("countries", f.Countries, typePlace),
			Kinds:     f.Kinds,
			Name:      f.Name,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.organizationFilter)
		return out
	})
}

func (r *Resolver) placeFilter(ctx context.Context, path string, f *model.PlaceFilter) (*db.PlaceFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.PlaceFilter) db.PlaceFilter {
		out := db.PlaceFilter{
			Countries: c.ids("countries", f.Countries, typePlace),
			Kinds:     f.Kinds,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.placeFilter)
		return out
	})
}

func (r *Resolver) eventFilter(ctx context.Context, path string, f *model.EventFilter) (*db.EventFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.EventFilter) db.EventFilter {
		out := db.EventFilter{
			Date:   c.dates("date", f.Date),
			Places: c.ids("places", f.Places, typePlace),
			Topics: c.ids("topics", f.Topics, typeTopic),
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.eventFilter)
		return out
	})
}

func (r *Resolver) projectFilter(ctx context.Context, path string, f *model.ProjectFilter) (*db.ProjectFilter, error) {
	return filterOf(ctx, r, path, f, func(c *filterFields, f *model.ProjectFilter) db.ProjectFilter {
		out := db.ProjectFilter{
			Kinds:    f.Kinds,
			Statuses: f.Statuses,
			Builders: c.ids("builders", f.Builders, typeOrganization),
			Places:   c.ids("places", f.Places, typePlace),
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, r.projectFilter)
		return out
	})
}
