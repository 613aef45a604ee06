package input

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/globalid"
	"github.com/newsgraph/newsgraph/graph/model"
)

// kindOfType maps API type names to what db.Store.Missing checks.
var kindOfType = map[string]string{
	globalid.Article: "ARTICLE", globalid.Topic: "TOPIC", globalid.Person: "PERSON", globalid.Organization: "ORGANIZATION",
	globalid.Place: "PLACE", globalid.Event: "EVENT", globalid.Project: "PROJECT", globalid.Agreement: "AGREEMENT",
}

// Filters converts the filters of the API's connections into db's, looking
// the IDs they name up in Store. Its methods have the shape of graph's
// filter conversions: the filter at path (nil: no filter) in, db's out.
type Filters struct {
	Store *db.Store
}

// ids decodes the global IDs of a filter field, checks that each names an
// object of one of the allowed types that exists, and returns their ids. A
// nil list (no filter) stays nil.
func (fs Filters) ids(ctx context.Context, path string, gids []string, types ...string) ([]int64, error) {
	if gids == nil {
		return nil, nil // no filter on this field
	}
	if len(gids) > db.MaxPageSize {
		return nil, Errorf("%s: at most %d IDs, got %d", path, db.MaxPageSize, len(gids))
	}
	out := make([]int64, len(gids))
	byType := map[string][]int64{}
	index := map[int64]int{}
	for i, gid := range gids {
		typ, id, ok := globalid.Decode(gid)
		allowed := false
		for _, t := range types {
			allowed = allowed || t == typ
		}
		if !ok || !allowed {
			return nil, Errorf("%s[%d]: %q is not the ID of %s", path, i, Abbreviate(gid), OneOf(types))
		}
		out[i] = id
		byType[typ] = append(byType[typ], id)
		index[id] = i
	}
	for typ, ids := range byType {
		missing, err := fs.Store.Missing(ctx, kindOfType[typ], ids)
		if err != nil {
			return nil, err
		}
		if len(missing) > 0 {
			i := index[missing[0]]
			return nil, db.Errorf(db.CodeNotFound, "%s[%d]: no %s has ID %q", path, i, typ, gids[i])
		}
	}
	return out, nil
}

// EntityTypes are the API types of the entities.
var EntityTypes = []string{globalid.Person, globalid.Organization, globalid.Place, globalid.Event, globalid.Project, globalid.Agreement}

// DateRange converts a date range at path; nil (no range) stays nil.
func DateRange(path string, r *model.DateRange) (*db.DateRange, error) {
	if r == nil {
		return nil, nil // no range: not a lookup, nothing is missing
	}
	if r.From != nil && r.To != nil && r.From.After(*r.To) {
		return nil, Errorf("%s: from %s is after to %s", path, r.From.Format("2006-01-02"), r.To.Format("2006-01-02"))
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
		return Errorf("%s: filters nest at most %d levels deep", path, maxFilterDepth)
	}
	return nil
}

// maxFilterParts bounds how many and, or and not parts one filter holds in
// all, however they nest: each part may look up the IDs it names, and its
// conditions join the statement's.
const maxFilterParts = 32

// partsKey is the context key of the parts a filter being converted has
// left (a *int), set by its outermost filterOf.
type partsKey struct{}

// filterOf converts a filter of the API (In) into db's (Out): fields
// converts the filter's own fields with c, which keeps the first error and
// asks nothing more after it. A nil filter is no filter: nil, with no
// error.
func filterOf[In, Out any](ctx context.Context, fs Filters, path string, f *In, fields func(c *filterFields, f *In) Out) (*Out, error) {
	if f == nil {
		return nil, nil // no filter
	}
	if err := depthOK(path); err != nil {
		return nil, err
	}
	if _, ok := ctx.Value(partsKey{}).(*int); !ok { // the outermost filter
		left := maxFilterParts
		ctx = context.WithValue(ctx, partsKey{}, &left)
	}
	c := &filterFields{ctx: ctx, fs: fs, path: path}
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
	fs   Filters
	path string
	err  error
}

// ids is Filters.ids for the filter's field.
func (c *filterFields) ids(field string, gids []string, types ...string) []int64 {
	if c.err != nil {
		return nil
	}
	out, err := c.fs.ids(c.ctx, c.path+"."+field, gids, types...)
	c.err = err
	return out
}

// dates is DateRange for the filter's field.
func (c *filterFields) dates(field string, r *model.DateRange) *db.DateRange {
	if c.err != nil {
		return nil
	}
	out, err := DateRange(c.path+"."+field, r)
	c.err = err
	return out
}

// boolParts converts the filter's and/or/not parts with convert, the
// filter's own conversion.
func boolParts[In, Out any](c *filterFields, and, or []*In, not *In, convert func(context.Context, string, *In) (*Out, error)) (a, o []Out, n *Out) {
	left := c.ctx.Value(partsKey{}).(*int) // set by filterOf
	if *left -= len(and) + len(or); not != nil {
		*left--
	}
	if *left < 0 && c.err == nil {
		root, _, _ := strings.Cut(c.path, ".")
		c.err = Errorf("%s: a filter holds at most %d and, or and not parts in all", root, maxFilterParts)
	}
	if or != nil {
		o = make([]Out, 0, len(or)) // an empty or is given, and selects nothing
	}
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

// Article converts an ArticleFilter.
func (fs Filters) Article(ctx context.Context, path string, f *model.ArticleFilter) (*db.ArticleFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.ArticleFilter) db.ArticleFilter {
		out := db.ArticleFilter{
			Published: c.dates("published", f.Published),
			Topics:    c.ids("topics", f.Topics, globalid.Topic),
			Mentions:  c.ids("mentions", f.Mentions, EntityTypes...),
			Text:      f.Text,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Article)
		return out
	})
}

// Statement converts a StatementFilter.
func (fs Filters) Statement(ctx context.Context, path string, f *model.StatementFilter) (*db.StatementFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.StatementFilter) db.StatementFilter {
		out := db.StatementFilter{
			Speakers:             c.ids("speakers", f.Speakers, globalid.Person, globalid.Organization),
			SpeakerOrganizations: c.ids("speakerOrganizations", f.SpeakerOrganizations, globalid.Organization),
			SpeakerCountries:     c.ids("speakerCountries", f.SpeakerCountries, globalid.Place),
			Topics:               c.ids("topics", f.Topics, globalid.Topic),
			Articles:             c.ids("articles", f.Articles, globalid.Article),
			Published:            c.dates("published", f.Published),
			Verbs:                f.Verbs,
			Mode:                 f.Mode,
			Text:                 f.Text,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Statement)
		return out
	})
}

// Figure converts a FigureFilter.
func (fs Filters) Figure(ctx context.Context, path string, f *model.FigureFilter) (*db.FigureFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.FigureFilter) db.FigureFilter {
		out := db.FigureFilter{
			Subjects: c.ids("subjects", f.Subjects, EntityTypes...),
			Articles: c.ids("articles", f.Articles, globalid.Article),
			Topics:   c.ids("topics", f.Topics, globalid.Topic),
			Period:   c.dates("period", f.Period),
			Metric:   f.Metric,
			Units:    f.Units,
		}
		if f.Value != nil {
			out.ValueMin, out.ValueMax = f.Value.Min, f.Value.Max
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Figure)
		return out
	})
}

// Agreement converts an AgreementFilter.
func (fs Filters) Agreement(ctx context.Context, path string, f *model.AgreementFilter) (*db.AgreementFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.AgreementFilter) db.AgreementFilter {
		out := db.AgreementFilter{
			Parties:  c.ids("parties", f.Parties, globalid.Place, globalid.Organization, globalid.Person),
			Topics:   c.ids("topics", f.Topics, globalid.Topic),
			Date:     c.dates("date", f.Date),
			Kinds:    f.Kinds,
			Statuses: f.Statuses,
			Text:     f.Text,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Agreement)
		return out
	})
}

// Person converts a PersonFilter.
func (fs Filters) Person(ctx context.Context, path string, f *model.PersonFilter) (*db.PersonFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.PersonFilter) db.PersonFilter {
		out := db.PersonFilter{
			Organizations: c.ids("organizations", f.Organizations, globalid.Organization),
			Name:          f.Name,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Person)
		return out
	})
}

// Organization converts an OrganizationFilter.
func (fs Filters) Organization(ctx context.Context, path string, f *model.OrganizationFilter) (*db.OrganizationFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.OrganizationFilter) db.OrganizationFilter {
		out := db.OrganizationFilter{
			Countries: c.ids("countries", f.Countries, globalid.Place),
			Kinds:     f.Kinds,
			Name:      f.Name,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Organization)
		return out
	})
}

// Place converts a PlaceFilter.
func (fs Filters) Place(ctx context.Context, path string, f *model.PlaceFilter) (*db.PlaceFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.PlaceFilter) db.PlaceFilter {
		out := db.PlaceFilter{
			Countries: c.ids("countries", f.Countries, globalid.Place),
			Kinds:     f.Kinds,
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Place)
		return out
	})
}

// Event converts an EventFilter.
func (fs Filters) Event(ctx context.Context, path string, f *model.EventFilter) (*db.EventFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.EventFilter) db.EventFilter {
		out := db.EventFilter{
			Date:   c.dates("date", f.Date),
			Places: c.ids("places", f.Places, globalid.Place),
			Topics: c.ids("topics", f.Topics, globalid.Topic),
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Event)
		return out
	})
}

// Project converts a ProjectFilter.
func (fs Filters) Project(ctx context.Context, path string, f *model.ProjectFilter) (*db.ProjectFilter, error) {
	return filterOf(ctx, fs, path, f, func(c *filterFields, f *model.ProjectFilter) db.ProjectFilter {
		out := db.ProjectFilter{
			Kinds:    f.Kinds,
			Statuses: f.Statuses,
			Builders: c.ids("builders", f.Builders, globalid.Organization),
			Places:   c.ids("places", f.Places, globalid.Place),
		}
		out.And, out.Or, out.Not = boolParts(c, f.And, f.Or, f.Not, fs.Project)
		return out
	})
}

// StatementAdded converts the filter of the statementAdded subscription;
// no filter is the zero db.StatementFilter, which every statement matches.
func (fs Filters) StatementAdded(ctx context.Context, path string, f *model.StatementAddedFilter) (db.StatementFilter, error) {
	return orZero(filterOf(ctx, fs, path, f, func(c *filterFields, f *model.StatementAddedFilter) db.StatementFilter {
		return db.StatementFilter{
			Topics:               c.ids("topics", f.Topics, globalid.Topic),
			Speakers:             c.ids("speakers", f.Speakers, globalid.Person, globalid.Organization),
			SpeakerOrganizations: c.ids("speakerOrganizations", f.SpeakerOrganizations, globalid.Organization),
		}
	}))
}

// FigureAdded converts the filter of the figureAdded subscription; no
// filter is the zero db.FigureFilter, which every figure matches.
func (fs Filters) FigureAdded(ctx context.Context, path string, f *model.FigureAddedFilter) (db.FigureFilter, error) {
	return orZero(filterOf(ctx, fs, path, f, func(c *filterFields, f *model.FigureAddedFilter) db.FigureFilter {
		return db.FigureFilter{
			Subjects: c.ids("subjects", f.Subjects, EntityTypes...),
			Topics:   c.ids("topics", f.Topics, globalid.Topic),
			Units:    f.Units,
		}
	}))
}

// orZero is *v, or T's zero value for nil.
func orZero[T any](v *T, err error) (T, error) {
	if v == nil {
		var zero T
		return zero, err
	}
	return *v, err
}

// Kind returns the kind of row (ARTICLE, PERSON, ...) db names the
// objects of the API's type typ by, or "" for a type without one.
func Kind(typ string) string { return kindOfType[typ] }
