package db

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Aggregates count the rows of a root listing that match its filter,
// grouped by one or two dimensions (a statement's topics, its speaker, the
// month its article was published, ...), and summarize figures' values. A
// dimension is a subquery that yields, for one row of the listing, the
// values it takes there (a statement tagged with two topics is in two
// topic groups; one with none is in the group whose value is missing), so
// each aggregate is one statement: the grouped counts of the largest (or
// first, by value) groups, then their labels.

// GroupBy says how to group an aggregate: by which dimensions (one or two,
// the API's names: TOPIC, SPEAKER, ...), how many groups to return (First,
// 1 to MaxPageSize), and whether the largest groups come first (the
// default) or the groups in the order of their values (ByValue: labels and
// periods ascending, missing values last).
type GroupBy struct {
	Dimensions []string
	First      int
	ByValue    bool
}

// Group is one group of an aggregate: the value of each dimension, in the
// order asked for, and how many rows it has. Min, Max and Avg summarize the
// values of the group's figures (SummarizeFigures only; nil when none has
// a value), as exact decimals.
type Group struct {
	Keys          []GroupKey
	Count         int
	Min, Max, Avg *string
}

// GroupKey is the value a dimension takes in a group. Kind and ID name the
// object the value is (ARTICLE, TOPIC, PERSON, ORGANIZATION, PLACE, EVENT,
// PROJECT, AGREEMENT), nil for values that are not objects (a verb, a
// month). Label is the value for people: the object's name, title or label,
// the enum's name (SAID), the month (2025-04) or year (2025); all three are
// nil for the rows the dimension has no value for. Year and Month are set
// for the dimensions that are dates.
type GroupKey struct {
	Kind        *string
	ID          *int64
	Label       *string
	Year, Month *int
}

// dimension is the subquery of a dimension: sql selects (kind, id, val)
// for the row of the listing being grouped, at most once each. A dimension
// that reads several tables for a row is set instead: a format that
// selects (row id, kind, id, val) for every row of the listing's from
// (%[1]s) that matches its filter (%[2]s), once for the whole set rather
// than a subquery a row (about 9 µs a statement for the organizations a
// statement's speaker spoke for). kinds are the kinds of object its values
// may be (none for plain values), date marks a val of the form YYYY or
// YYYY-MM.
type dimension struct {
	sql   string
	set   string
	kinds []string
	date  bool
}

// of returns d whose values are objects of these kinds.
func (d dimension) of(kinds ...string) dimension {
	d.kinds = kinds
	return d
}

// The kinds of object a group's key may be.
var (
	speakerKinds = []string{"PERSON", "ORGANIZATION"}
	entityKinds  = []string{"PERSON", "ORGANIZATION", "PLACE", "EVENT", "PROJECT", "AGREEMENT"}
)

// The parts dimensions are built from.
const (
	// countryOfPlace is the country a place is in, or the place itself
	// when it is a country, for the place with id %s.
	countryOfPlace = `(SELECT CASE WHEN cp.place_kind = 'country' THEN cp.id ELSE cp.country_id END FROM places cp WHERE cp.id = %s)`
	// countryOfOrganization is the country of the organization with id
	// %s. Like countryOfPlace it is a scalar subquery, read by the primary
	// key row by row: joined inside a subquery a row, PostgreSQL hashed all
	// the organizations once for every row.
	countryOfOrganization = `(SELECT o.country_id FROM organizations o WHERE o.id = %s)`
	// yearMonth is a date's month as YYYY-MM, NULL unless both are known.
	yearMonth = `CASE WHEN %[1]s_month IS NOT NULL AND %[1]s_year IS NOT NULL THEN %[1]s_year::text || '-' || lpad(%[1]s_month::text, 2, '0') END`
)

// countryOf is the country the place p is in, or p when it is a country.
func countryOf(p string) string {
	return `CASE WHEN ` + p + `.place_kind = 'country' THEN ` + p + `.id ELSE ` + p + `.country_id END`
}

func entityDim(kindExpr, idExpr, cond string) dimension {
	return dimension{sql: `SELECT ` + kindExpr + `, ` + idExpr + `, NULL::text WHERE ` + cond}
}

func valueDim(val string) dimension {
	return dimension{sql: `SELECT NULL::text, NULL::bigint, ` + val + ` WHERE ` + val + ` IS NOT NULL`}
}

func dateDim(val string) dimension {
	d := valueDim(val)
	d.date = true
	return d
}

// topicsDim is the topics a row is tagged with (not their broader topics).
func topicsDim(table, column, id string) dimension {
	return dimension{sql: `SELECT 'TOPIC', x.topic_id, NULL::text FROM ` + table + ` x WHERE x.` + column + ` = ` + id}.of("TOPIC")
}

// publishedDim is the year or month the article of a row was published.
// It reads the article by its key, row by row, as a scalar subquery: as a
// join, PostgreSQL would rather hash all the articles, even for the few
// dozen statements of one speaker. (OFFSET 0 keeps the subquery whole, so
// that it runs once a row, not once for each reference to v.)
func publishedDim(articleID, val string) dimension {
	return dimension{sql: `SELECT NULL::text, NULL::bigint, v FROM (SELECT (SELECT ` + val + ` FROM articles pa
		WHERE pa.id = ` + articleID + `) AS v OFFSET 0) x WHERE v IS NOT NULL`, date: true}
}

// statementOrganizations are, for each statement of %[1]s that matches
// %[2]s, the organizations its speaker spoke for: the speaking
// organization, an unnamed speaker's, and those of the affiliations the
// speaker's role refers to, as (statement, organization) rows, possibly
// repeated.
const statementOrganizations = `SELECT s.id, s.speaker_id FROM %[1]s WHERE (%[2]s) AND s.speaker_kind = 'organization'
	UNION ALL SELECT s.id, s.speaker_organization_id FROM %[1]s WHERE (%[2]s) AND s.speaker_organization_id IS NOT NULL
	UNION ALL SELECT s.id, af.organization_id FROM %[1]s JOIN statement_affiliations sa ON sa.statement_id = s.id
		JOIN affiliations af ON af.id = sa.affiliation_id WHERE (%[2]s) AND af.organization_id IS NOT NULL`

var (
	statementDimensions = map[string]dimension{
		"TOPIC":        topicsDim("statement_topics", "statement_id", "s.id"),
		"SPEAKER":      entityDim("upper(s.speaker_kind::text)", "s.speaker_id", "s.speaker_id IS NOT NULL").of(speakerKinds...),
		"ORGANIZATION": dimension{set: `SELECT DISTINCT x.rid, 'ORGANIZATION', x.id, NULL::text FROM (` + statementOrganizations + `) x(rid, id)`}.of("ORGANIZATION"),
		// The countries of the speaker's organizations (as for ORGANIZATION)
		// and of the places of the role's affiliations.
		"COUNTRY": dimension{set: `SELECT DISTINCT x.rid, 'PLACE', x.id, NULL::text FROM (
			SELECT so.rid, o.country_id FROM (` + statementOrganizations + `) so(rid, id) JOIN organizations o ON o.id = so.id
			UNION ALL SELECT s.id, ` + countryOf("p") + ` FROM %[1]s JOIN statement_affiliations sa ON sa.statement_id = s.id
				JOIN affiliations af ON af.id = sa.affiliation_id JOIN places p ON p.id = af.place_id WHERE (%[2]s)) x(rid, id)
			WHERE x.id IS NOT NULL`}.of("PLACE"),
		"ARTICLE":         entityDim("'ARTICLE'", "s.article_id", "true").of("ARTICLE"),
		"VERB":            valueDim("upper(s.verb::text)"),
		"MODE":            valueDim("upper(s.mode::text)"),
		"PUBLISHED_YEAR":  publishedDim("s.article_id", "pa.published_year::text"),
		"PUBLISHED_MONTH": publishedDim("s.article_id", fmt.Sprintf(yearMonth, "pa.published")),
	}

	figureDimensions = map[string]dimension{
		"TOPIC":   topicsDim("figure_topics", "figure_id", "f.id"),
		"SUBJECT": entityDim("upper(fs.kind::text)", "f.subject_id", "true").of(entityKinds...),
		// The country a figure is about: its subject when that is a country,
		// the country of a place or organization subject.
		"COUNTRY": dimension{set: `SELECT x.* FROM (SELECT f.id, 'PLACE', CASE fs.kind WHEN 'place' THEN ` + countryOf("p") + `
				WHEN 'organization' THEN o.country_id END, NULL::text
			FROM %[1]s LEFT JOIN places p ON fs.kind = 'place' AND p.id = f.subject_id
				LEFT JOIN organizations o ON fs.kind = 'organization' AND o.id = f.subject_id WHERE (%[2]s)) x(rid, kind, id, val)
			WHERE x.id IS NOT NULL`}.of("PLACE"),
		// The speaker of the statement that states it.
		"SPEAKER": dimension{sql: `SELECT upper(fst.speaker_kind::text), fst.speaker_id, NULL::text FROM statements fst
			WHERE fst.id = f.statement_id AND fst.speaker_id IS NOT NULL`}.of(speakerKinds...),
		"ARTICLE":         entityDim("'ARTICLE'", "f.article_id", "true").of("ARTICLE"),
		"METRIC":          valueDim("f.metric"),
		"UNIT":            valueDim("upper(f.unit::text)"),
		"PERIOD_YEAR":     dateDim("f.period_year::text"),
		"PERIOD_MONTH":    dateDim(fmt.Sprintf(yearMonth, "f.period")),
		"PUBLISHED_YEAR":  publishedDim("f.article_id", "pa.published_year::text"),
		"PUBLISHED_MONTH": publishedDim("f.article_id", fmt.Sprintf(yearMonth, "pa.published")),
	}

	agreementDimensions = map[string]dimension{
		"TOPIC": topicsDim("agreement_topics", "agreement_id", "ag.id"),
		"PARTY": dimension{sql: `SELECT upper(pe.kind::text), pe.id, NULL::text FROM agreement_parties x
			JOIN entities pe ON pe.id = x.entity_id WHERE x.agreement_id = ag.id`}.of(entityKinds...),
		// The countries of its parties (countries, places in them,
		// organizations of them) and of the places it concerns.
		"COUNTRY": dimension{sql: `SELECT DISTINCT 'PLACE', x.id, NULL::text FROM (
			SELECT ` + fmt.Sprintf(countryOfPlace, "x.entity_id") + ` FROM agreement_parties x WHERE x.agreement_id = ag.id
			UNION SELECT ` + fmt.Sprintf(countryOfOrganization, "x.entity_id") + ` FROM agreement_parties x WHERE x.agreement_id = ag.id
			UNION SELECT ` + fmt.Sprintf(countryOfPlace, "x.place_id") + ` FROM agreement_places x WHERE x.agreement_id = ag.id) x(id)
			WHERE x.id IS NOT NULL`}.of("PLACE"),
		// The articles that name it.
		"ARTICLE": dimension{sql: `SELECT DISTINCT 'ARTICLE', x.article_id, NULL::text FROM evidence x WHERE x.entity_id = ag.id`}.of("ARTICLE"),
		"KIND":    valueDim("upper(ag.agreement_kind::text)"),
		"STATUS":  valueDim("upper(ag.status::text)"),
		"YEAR":    dateDim("ag.date_year::text"),
		"MONTH":   dateDim(fmt.Sprintf(yearMonth, "ag.date")),
	}
)

// labels is how to read the label of an object of each kind, by its id.
var labels = map[string]string{
	"ARTICLE":      `SELECT coalesce(x.title, x.slug) FROM articles x WHERE x.id = `,
	"TOPIC":        `SELECT x.label FROM topics x WHERE x.id = `,
	"PERSON":       `SELECT x.name FROM people x WHERE x.id = `,
	"ORGANIZATION": `SELECT x.name FROM organizations x WHERE x.id = `,
	"PLACE":        `SELECT x.name FROM places x WHERE x.id = `,
	"EVENT":        `SELECT x.name FROM events x WHERE x.id = `,
	"PROJECT":      `SELECT x.name FROM projects x WHERE x.id = `,
	"AGREEMENT":    `SELECT x.name FROM agreements x WHERE x.id = `,
}

// labelOf is the label of a group's key k of dimension d: the name, title
// or label of the object it names, else its value. Only d's kinds are
// looked up: each lookup is a subquery for PostgreSQL to plan.
func labelOf(k string, d dimension) string {
	if len(d.kinds) == 0 {
		return k + `_val`
	}
	out := `CASE ` + k + `_kind`
	for _, kind := range d.kinds {
		out += ` WHEN '` + kind + `' THEN (` + labels[kind] + k + `_id)`
	}
	return out + ` ELSE ` + k + `_val END`
}

// noDimension is the second dimension of a one-dimension aggregate.
const noDimension = `SELECT NULL::text, NULL::bigint, NULL::text`

// aggregate groups the rows of from (whose id is key) that match cond by
// g's dimensions, chosen from dims; summarize adds the summary of the
// figures' values.
func aggregate(ctx context.Context, q querier, listingName, from, key string, cond func(*listing) string, dims map[string]dimension, g GroupBy, summarize bool) ([]*Group, error) {
	if len(g.Dimensions) < 1 || len(g.Dimensions) > 2 {
		return nil, Errorf(CodeInvalid, "by: give one or two dimensions, not %d", len(g.Dimensions))
	}
	if len(g.Dimensions) == 2 && g.Dimensions[0] == g.Dimensions[1] {
		return nil, Errorf(CodeInvalid, "by: %s is given twice", g.Dimensions[0])
	}
	if g.First < 1 || g.First > MaxPageSize {
		return nil, Errorf(CodeInvalid, "first: must be 1 to %d, got %d", MaxPageSize, g.First)
	}
	chosen := []dimension{{sql: noDimension}, {sql: noDimension}}
	for i, name := range g.Dimensions {
		d, ok := dims[name]
		if !ok {
			return nil, Errorf(CodeInvalid, "by[%d]: %s cannot be grouped by %s", i, listingName, name)
		}
		chosen[i] = d
	}
	l := listing{from: from}
	l.and(cond(&l))
	if err := l.check(); err != nil {
		return nil, err
	}
	// A set dimension is computed once for the rows that match, then
	// joined to them; a missing value is a row it has none for.
	// MATERIALIZED: in a parallel plan each worker would compute the
	// whole set again.
	var sets []string
	joins := ""
	for i, d := range chosen {
		k := fmt.Sprintf("k%d", i+1)
		if d.set == "" {
			joins += fmt.Sprintf("\n\t\t\tLEFT JOIN LATERAL (%s) %s(kind, id, val) ON true", d.sql, k)
			continue
		}
		sets = append(sets, fmt.Sprintf("%s_set(rid, kind, id, val) AS MATERIALIZED (%s),\n\t\t", k, fmt.Sprintf(d.set, from, l.whereSQL())))
		joins += fmt.Sprintf("\n\t\t\tLEFT JOIN %[1]s_set %[1]s ON %[1]s.rid = %[2]s", k, key)
	}
	summary := `NULL::text AS vmin, NULL::text AS vmax, NULL::text AS vavg`
	if summarize {
		summary = `min(f.value)::text AS vmin, max(f.value)::text AS vmax, trim_scale(avg(f.value))::text AS vavg`
	}
	order := `n DESC, k1_val, k1_kind, k1_id, k2_val, k2_kind, k2_id`
	if g.ByValue {
		order = `label1, k1_id, label2, k2_id, n DESC`
	}
	// The groups are counted first, then labeled; ranked by count, only
	// the page of them is labeled (PostgreSQL computes the labels' subqueries
	// after the sort and limit). A missing value sorts last.
	sql := fmt.Sprintf(`WITH %sgrouped AS (
			SELECT k1.kind AS k1_kind, k1.id AS k1_id, k1.val AS k1_val,
				k2.kind AS k2_kind, k2.id AS k2_id, k2.val AS k2_val,
				count(*) AS n, %s
			FROM %s%s
			WHERE %s
			GROUP BY 1, 2, 3, 4, 5, 6)
		SELECT k1_kind, k1_id, label1, k2_kind, k2_id, label2, n, vmin, vmax, vavg
		FROM (SELECT g.*, %s AS label1, %s AS label2 FROM grouped g) x
		ORDER BY %s LIMIT %d`,
		strings.Join(sets, ""), summary, from, joins, l.whereSQL(), labelOf("g.k1", chosen[0]), labelOf("g.k2", chosen[1]), order, g.First)
	rows, err := q.Query(ctx, sql, execMode(l.n > 0), l.args)
	if err != nil {
		return nil, fmt.Errorf("aggregate %s: %w", listingName, err)
	}
	groups, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (*Group, error) {
		var k [2]GroupKey
		var n int64
		grp := &Group{}
		if err := row.Scan(&k[0].Kind, &k[0].ID, &k[0].Label, &k[1].Kind, &k[1].ID, &k[1].Label, &n, &grp.Min, &grp.Max, &grp.Avg); err != nil {
			return nil, err
		}
		grp.Count = int(n)
		grp.Keys = k[:len(g.Dimensions)]
		return grp, nil
	})
	if err != nil {
		return nil, fmt.Errorf("aggregate %s: %w", listingName, err)
	}
	for _, grp := range groups {
		for i := range grp.Keys {
			if chosen[i].date {
				grp.Keys[i].Year, grp.Keys[i].Month = parseYearMonth(grp.Keys[i].Label)
			}
		}
	}
	return groups, nil
}

// parseYearMonth reads a date dimension's value, YYYY or YYYY-MM.
func parseYearMonth(label *string) (year, month *int) {
	if label == nil {
		return nil, nil
	}
	y, m, _ := strings.Cut(*label, "-")
	if n, err := strconv.Atoi(y); err == nil {
		year = &n
	}
	if n, err := strconv.Atoi(m); err == nil {
		month = &n
	}
	return year, month
}

// GroupStatements groups the statements that match f (nil: all).
func (s *Store) GroupStatements(ctx context.Context, f *StatementFilter, g GroupBy) ([]*Group, error) {
	return aggregate(ctx, s.read(ctx), "statements", statementFrom, "s.id", f.sql, statementDimensions, g, false)
}

// GroupFigures groups the figures that match f (nil: all).
func (s *Store) GroupFigures(ctx context.Context, f *FigureFilter, g GroupBy) ([]*Group, error) {
	return aggregate(ctx, s.read(ctx), "figures", figureFrom, "f.id", f.sql, figureDimensions, g, false)
}

// SummarizeFigures groups the figures that match f (nil: all) and
// summarizes each group's values: the smallest, the largest, the mean.
func (s *Store) SummarizeFigures(ctx context.Context, f *FigureFilter, g GroupBy) ([]*Group, error) {
	return aggregate(ctx, s.read(ctx), "figures", figureFrom, "f.id", f.sql, figureDimensions, g, true)
}

// GroupAgreements groups the agreements that match f (nil: all).
func (s *Store) GroupAgreements(ctx context.Context, f *AgreementFilter, g GroupBy) ([]*Group, error) {
	return aggregate(ctx, s.read(ctx), "agreements", agreementFrom, "ag.id", f.sql, agreementDimensions, g, false)
}
