package db

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/newsgraph/newsgraph/db/globalid"
)

// Figures: their rows, the figures listing and its filter and orderings,
// and the facts that figures of two or more articles state.

// Figure is a quantity an article states. Value is the exact decimal as
// text, nil when Unit is DATE and the figure's date is in Date.
type Figure struct {
	ArticleItem
	Metric      string       `db:"metric"`
	Value       *string      `db:"value"`
	Unit        string       `db:"unit"`
	Currency    *string      `db:"currency"`
	Display     string       `db:"display"`
	SubjectID   int64        `db:"subject_id"`
	SubjectKind string       `db:"subject_kind"`
	StatementID *int64       `db:"statement_id"`
	Period      *PartialDate `db:"period"`
	Base        *PartialDate `db:"base"`
	Date        *PartialDate `db:"value_date"`
	Keyset
}

// The figures listing's FROM and columns.
const (
	figureFrom    = `figures f JOIN entities fs ON fs.id = f.subject_id`
	figureColumns = `f.id, f.article_id, f.position, f.metric, f.value::text AS value, upper(f.unit::text) AS unit, f.currency,
		f.display, f.subject_id, upper(fs.kind::text) AS subject_kind, f.statement_id,
		partial_date_json(f.period_year, f.period_month, f.period_day, f.period_precision, f.period_text, f.period_inferred, f.period_basis) AS period,
		partial_date_json(f.base_year, f.base_month, f.base_day, f.base_precision, f.base_text, f.base_inferred, f.base_basis) AS base,
		partial_date_json(f.value_date_year, f.value_date_month, f.value_date_day, f.value_date_precision,
			f.value_date_text, f.value_date_inferred, f.value_date_basis) AS value_date,
		f.version`
)

const figuresByID = `
	SELECT f.id, f.article_id, f.position, f.metric, f.value::text AS value, upper(f.unit::text) AS unit, f.currency,
		f.display, f.subject_id, upper(fs.kind::text) AS subject_kind, f.statement_id,
		partial_date_json(f.period_year, f.period_month, f.period_day, f.period_precision, f.period_text, f.period_inferred, f.period_basis) AS period,
		partial_date_json(f.base_year, f.base_month, f.base_day, f.base_precision, f.base_text, f.base_inferred, f.base_basis) AS base,
		partial_date_json(f.value_date_year, f.value_date_month, f.value_date_day, f.value_date_precision,
			f.value_date_text, f.value_date_inferred, f.value_date_basis) AS value_date,
		f.version
	FROM figures f JOIN entities fs ON fs.id = f.subject_id WHERE f.id = ANY(@ids)`

// Figures reads figures by id.
func (s *Store) Figures(ctx context.Context, ids []int64) ([]*Figure, error) {
	return readByIDs[Figure](ctx, s.read(ctx), "figures", figuresByID, ids)
}

// GlobalID returns the figure's global ID in the API.
func (f *Figure) GlobalID() string { return globalid.Encode(globalid.Figure, f.ID) }

// FigureFilter selects figures; see the API's FigureFilter.
type FigureFilter struct {
	Boolean[FigureFilter]
	// IDs keeps only these figures (for matching one new figure).
	IDs                []int64
	Metric             *string
	Subjects           []int64
	Units              []string
	Period             *DateRange
	ValueMin, ValueMax *string
	Articles           []int64
	Topics             []int64
}

func (f *FigureFilter) conditions(w *where) {
	w.ids("f.id", f.IDs)
	w.ids("f.subject_id", f.Subjects)
	w.enums("f.unit", f.Units)
	w.during("f.period_range", f.Period)
	if f.ValueMin != nil {
		w.add(`f.value >= ` + w.l.arg(*f.ValueMin) + `::numeric`)
	}
	if f.ValueMax != nil {
		w.add(`f.value <= ` + w.l.arg(*f.ValueMax) + `::numeric`)
	}
	w.ids("f.article_id", f.Articles)
	// The metrics that hold the substring, found among the few distinct
	// ones (figure_metrics, migration 000030), then the figures of those
	// metrics by an index keyed under the "C" collation (in which equal is
	// equal bytes, as in any deterministic one): figures_metric_walk_idx,
	// or with subjects figures_subject_metric_idx (migration 000036). Matched
	// against every figure through the trigram index, a common metric's
	// substring read 27,411 index entries for one country's 713 figures of
	// it (100,000 articles: 7.4 of a summary's 12 ms).
	if f.Metric != nil {
		w.add(`f.metric COLLATE "C" = ANY(ARRAY(SELECT m.metric FROM figure_metrics m WHERE m.metric ILIKE '%' || ` +
			w.l.arg(escapeLike(*f.Metric)) + ` || '%'))`)
	}
	w.tagged("figure_topics", "figure_id", "f.id", f.Topics)
}

// escapeLike escapes the LIKE wildcards of s.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// figuresOrder lists figures article by article, each in reading order.
var figuresOrder = inArticles("f")

// figureOrders are the figures listing's orderings: article by article
// unless asked otherwise. Undated figures and figures without a value come
// last either way.
var figureOrders = orders{
	"":        func(desc bool) ordering { return ordering{name: "figures.article", desc: desc, keys: inArticles("f")} },
	"ARTICLE": func(desc bool) ordering { return ordering{name: "figures.article", desc: desc, keys: inArticles("f")} },
	"VALUE": func(desc bool) ordering {
		fallback := "'Infinity'::numeric"
		if desc {
			fallback = "'-Infinity'::numeric"
		}
		return ordering{name: "figures.value", desc: desc, keys: []sortKey{
			key("coalesce(f.value, "+fallback+")", "numeric"), key("f.id", "bigint")}}
	},
	"PERIOD": func(desc bool) ordering { return byDate("figures.period", "f.period_range", "f.id", desc) },
	"PUBLISHED": func(desc bool) ordering {
		return byDateKeys("figures.published", "f.published", desc, inArticles("f")...)
	},
}

// AllFigures is the figures listing: article by article unless asked
// otherwise.
var AllFigures = Listing[Figure, *FigureFilter]{name: "figures", from: figureFrom, columns: figureColumns, ids: []string{"f.id"},
	walk: figuresByMetric}

// figuresByMetricSQL reads a page of figures whose metric holds a
// substring ({metric}), article by article: it matches the substring
// against the distinct metrics (figure_metrics, migration 000030), walks
// figures_metric_walk_idx in the page's order for each metric that
// matches (the other conditions and the cursor's bounds, {where}, tested
// on the way, a value range in the index), keeps the page's worth of ids
// of them all, and reads those rows. Walking the ordering's index and
// testing each figure's metric read every figure up to the page's last
// (2,508 for 52 on a 20,000-article corpus); this reads about what it
// returns, times the metrics that match. The walk compares metrics under
// the "C" collation, as that index keys them (migration 000033): the
// trigram index on metric cannot take the condition, so the statement can
// be planned once for all values (figuresByMetric says when).
const figuresByMetricSQL = `
	SELECT {columns}, {keys} FROM {from} WHERE f.id IN (
		SELECT w.id FROM figure_metrics m CROSS JOIN LATERAL (
			SELECT f.id, f.article_id, f.position FROM figures f
			WHERE f.metric COLLATE "C" = m.metric AND {where} ORDER BY {order} LIMIT {limit}
		) w WHERE m.metric ILIKE {metric} ORDER BY {walk_order} LIMIT {limit})
	ORDER BY {order} LIMIT {limit}`

// figuresByMetric reads a figures page by metric (figuresByMetricSQL)
// when f matches a metric, besides whatever else, and the page is in the
// listing's article order.
func figuresByMetric(l *listing, f *FigureFilter, o ordering) bool {
	if f == nil || f.Metric == nil || o.name != "figures.article" {
		return false
	}
	rest := *f
	rest.Metric = nil
	l.and(filterSQL(l, &rest))
	// Planned once only when what is left is a value range, which the
	// walk's index holds: any other condition may be better served by an
	// index of its own, which only a plan for the values finds (one
	// subject's figures of the metrics holding "e", 20,000 articles: 0.14
	// ms planned for them, 7.8 ms planned once).
	bare := rest
	bare.ValueMin, bare.ValueMax = nil, nil
	l.planOnce = reflect.ValueOf(bare).IsZero()
	l.shape = shape(figuresByMetricSQL, "{metric}", `'%' || `+l.arg(escapeLike(*f.Metric))+` || '%'`)
	return true
}

// Facts across articles: the figures that state the same fact.

// figureClaimKey is the fact a figure f0 states, as the columns of
// figures_claim_idx (migration 000013): only figures with a period have one.
const figureClaimKey = `lower(%[1]s.metric), %[1]s.subject_id, %[1]s.period_year,
	figure_claim_month(%[1]s.period_month), figure_claim_month(%[1]s.period_day)`

// sameFigureFact is the condition that figure f states the fact figure f0 does.
var sameFigureFact = fmt.Sprintf(`f0.period_year IS NOT NULL AND f.period_year IS NOT NULL AND
	(%s) = (%s)`, fmt.Sprintf(figureClaimKey, "f"), fmt.Sprintf(figureClaimKey, "f0"))

// FigureClaim is a fact that figures of two or more articles state: a
// metric (as the first of them words it) of a subject for a period, and the
// figures that state it, oldest first. Conflicting is true when they give
// different values (another value, unit, currency or date).
type FigureClaim struct {
	Metric       string       `db:"metric"`
	SubjectID    int64        `db:"subject_id"`
	SubjectKind  string       `db:"subject_kind"`
	Period       *PartialDate `db:"period"`
	FigureIDs    []int64      `db:"figure_ids"`
	Values       []string     `db:"claim_values"`
	Conflicting  bool         `db:"conflicting"`
	ArticleCount int          `db:"article_count"`
	Keyset
}

// figureClaimFrom groups the dated figures by fact, keeping the facts that
// two or more articles state; where (true, or a condition on f) says which
// figures count.
func figureClaimFrom(where string) string {
	return `(SELECT lower(f.metric) AS metric_key, f.subject_id, f.period_year AS year,
			figure_claim_month(f.period_month) AS month, figure_claim_month(f.period_day) AS day,
			(array_agg(f.metric ORDER BY f.id))[1] AS metric,
			(array_agg(partial_date_json(f.period_year, f.period_month, f.period_day, f.period_precision,
				f.period_text, f.period_inferred, f.period_basis) ORDER BY f.id))[1] AS period,
			array_agg(f.id ORDER BY f.id) AS figure_ids,
			array(SELECT DISTINCT v FROM unnest(array_agg(coalesce(trim_scale(f.value)::text, f.value_date_text)
				|| coalesce(' ' || f.currency, '') || ' ' || upper(f.unit::text))) v ORDER BY v) AS claim_values,
			count(DISTINCT (trim_scale(f.value), f.unit, f.currency, f.value_date_year, f.value_date_month, f.value_date_day)) > 1 AS conflicting,
			count(DISTINCT f.article_id)::int AS article_count
		FROM figures f
		WHERE f.period_year IS NOT NULL AND ` + where + `
		GROUP BY ` + fmt.Sprintf(figureClaimKey, "f") + `
		HAVING count(DISTINCT f.article_id) > 1) g
	JOIN entities gs ON gs.id = g.subject_id`
}

const figureClaimColumns = `g.metric, g.subject_id, upper(gs.kind::text) AS subject_kind, g.period, g.figure_ids,
	g.claim_values, g.conflicting, g.article_count`

// figureClaimOrder orders facts by metric, subject and period.
var figureClaimOrder = ordering{name: "figure-claims", keys: []sortKey{
	key("g.metric_key", "text"), key("g.subject_id", "bigint"), key("g.year", "int"), key("g.month", "int"), key("g.day", "int")}}

// FigureClaimFilter selects facts: only conflicting ones (when Conflicting
// is true; only agreeing ones when false), of one metric (case aside).
type FigureClaimFilter struct {
	Conflicting *bool
	Metric      *string
}

// listing is the SQL of the facts that match f.
func (f *FigureClaimFilter) listing() listing {
	l := listing{columns: figureClaimColumns}
	where := "true"
	if f != nil && f.Metric != nil {
		where = "lower(f.metric) = lower(" + l.arg(*f.Metric) + ")"
	}
	l.from = figureClaimFrom(where)
	if f != nil && f.Conflicting != nil {
		l.and("g.conflicting = " + l.arg(*f.Conflicting))
	}
	return l
}

// ListFigureClaims reads a page of the facts that two or more articles
// state, by metric, subject and period.
func (s *Store) ListFigureClaims(ctx context.Context, f *FigureClaimFilter, page PageArgs) (Page[FigureClaim], error) {
	p, err := fetchPage[FigureClaim](ctx, s.read(ctx), f.listing(), figureClaimOrder, page)
	if err != nil {
		return p, fmt.Errorf("figure claims: %w", err)
	}
	return p, nil
}

// CountFigureClaims counts the facts that match f.
func (s *Store) CountFigureClaims(ctx context.Context, f *FigureClaimFilter) (int, error) {
	return count(ctx, s.read(ctx), f.listing())
}

// figureClaimsOf reads the fact each figure of @parents states.
var figureClaimsOf = `SELECT f0.id AS list_parent, c.*
	FROM figures f0, LATERAL (SELECT ` + figureClaimColumns + ` FROM ` + figureClaimFrom(sameFigureFact) + `) c
	WHERE f0.id = ANY(@parents)`

// FigureClaimsOf reads the fact each figure states, when two or more
// articles state it (figures without are left out).
func (s *Store) FigureClaimsOf(ctx context.Context, figures []int64) (map[int64]*FigureClaim, error) {
	found, err := children[FigureClaim](ctx, s.pool, "figure claims of figures", figureClaimsOf, figures)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*FigureClaim, len(found))
	for parent, claims := range found {
		out[parent] = claims[0]
	}
	return out, nil
}

// sameFigureFacts reads, for each figure @parents names, the first 100
// (MaxPageSize) others that state its fact.
var sameFigureFacts = `SELECT f0.id AS list_parent, c.*
	FROM figures f0, LATERAL (SELECT ` + figureColumns + ` FROM ` + figureFrom + `
		WHERE ` + sameFigureFact + ` AND f.id <> f0.id ORDER BY f.id LIMIT 100) c
	WHERE f0.id = ANY(@parents) ORDER BY f0.id, c.id`

// SameFigureFacts reads, for each figure, the other figures that state the
// same fact (in any article), oldest first: the first MaxPageSize of them,
// however many articles state it.
func (s *Store) SameFigureFacts(ctx context.Context, figures []int64) (map[int64][]*Figure, error) {
	return children[Figure](ctx, s.pool, "same figure facts", sameFigureFacts, figures)
}
