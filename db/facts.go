package db

import (
	"context"
	"fmt"
	"strconv"
)

// Facts across articles: the figures that state the same fact and the
// statements that make the same claim, in other articles or the same one.

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

// FigureClaimsOf reads the fact each figure states, when two or more
// articles state it (figures without are left out).
func (s *Store) FigureClaimsOf(ctx context.Context, figures []int64) (map[int64]*FigureClaim, error) {
	claims, err := fetchAll[FigureClaim](ctx, s.pool, `SELECT f0.id AS list_parent, c.*
		FROM figures f0, LATERAL (SELECT `+figureClaimColumns+` FROM `+figureClaimFrom(sameFigureFact)+`) c
		WHERE f0.id = ANY($1)`, figures)
	if err != nil {
		return nil, fmt.Errorf("figure claims of figures: %w", err)
	}
	out := map[int64]*FigureClaim{}
	for _, c := range claims {
		out[c.Parent] = c
	}
	return out, nil
}

// SameFigureFacts reads, for each figure, the other figures that state the
// same fact (in any article), oldest first: the first MaxPageSize of them,
// however many articles state it.
func (s *Store) SameFigureFacts(ctx context.Context, figures []int64) (map[int64][]*Figure, error) {
	return children[Figure](ctx, s.pool, "same figure facts", `SELECT f0.id AS list_parent, c.*
		FROM figures f0, LATERAL (SELECT `+figureColumns+` FROM `+figureFrom+`
			WHERE `+sameFigureFact+` AND f.id <> f0.id ORDER BY f.id LIMIT `+strconv.Itoa(MaxPageSize)+`) c
		WHERE f0.id = ANY($1) ORDER BY f0.id, c.id`, figures)
}

// SameStatementClaims reads, for each statement by a named speaker, the
// other statements of that speaker with the same words (case and
// punctuation aside: claim_text, migration 000013), oldest first: the
// first MaxPageSize of them.
func (s *Store) SameStatementClaims(ctx context.Context, statements []int64) (map[int64][]*Statement, error) {
	return children[Statement](ctx, s.pool, "same statement claims", `SELECT s0.id AS list_parent, c.*
		FROM statements s0, LATERAL (SELECT `+statementColumns+` FROM `+statementFrom+`
			WHERE s.speaker_id = s0.speaker_id AND claim_text(s.content) = claim_text(s0.content) AND s.id <> s0.id
			ORDER BY s.id LIMIT `+strconv.Itoa(MaxPageSize)+`) c
		WHERE s0.id = ANY($1) AND s0.speaker_id IS NOT NULL ORDER BY s0.id, c.id`, statements)
}
