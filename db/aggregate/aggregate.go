package aggregate

import (
	"fmt"
	"strconv"
	"strings"
)

// Spec is what an aggregate groups, and how.
type Spec struct {
	// Listing is the listing whose rows are grouped: statements, figures
	// or agreements (see Key); Name, what they are called in messages.
	Listing, Name string
	// From is the FROM list of the rows, with the listing's table under its
	// usual alias (s, f, ag), as the dimensions expect.
	From string
	// Dimensions are the API's names of one or two of the listing's
	// dimensions (the caller checks how many); First, how many groups to
	// keep; ByValue, whether they come in the order of their values rather
	// than the largest first; Summarize (figures only), whether the values
	// are summarized.
	Dimensions []string
	First      int
	ByValue    bool
	Summarize  bool
}

// Query is an aggregate being built: the dimensions chosen (a second one
// that groups nothing when one is asked for) for the rows of a Spec.
type Query struct {
	Spec
	key    string
	chosen []dimension
}

// Key returns the expression of the id of a listing's rows ("s.id" for
// statements), and false for a listing that cannot be grouped.
func Key(listing string) (string, bool) {
	t, ok := tables[listing]
	return t.key, ok
}

// tables are the listings that can be grouped: their rows' id, and their
// dimensions by the API's name.
var tables = map[string]struct {
	key  string
	dims map[string]dimension
}{
	"statements": {"s.id", statementDimensions},
	"figures":    {"f.id", figureDimensions},
	"agreements": {"ag.id", agreementDimensions},
}

// New chooses the dimensions of s and returns the aggregate. Its error,
// for a listing that cannot be grouped or a dimension it has not, is the
// caller's ("by[1]: statements cannot be grouped by UNIT").
func New(s Spec) (*Query, error) {
	t, ok := tables[s.Listing]
	if !ok {
		return nil, fmt.Errorf("%s cannot be grouped", s.Name)
	}
	q := &Query{Spec: s, key: t.key, chosen: []dimension{{sql: noDimension}, {sql: noDimension}}}
	for i, dim := range s.Dimensions {
		d, ok := t.dims[dim]
		if !ok {
			return nil, fmt.Errorf("by[%d]: %s cannot be grouped by %s", i, s.Name, dim)
		}
		q.chosen[i] = d
	}
	return q, nil
}

// IsDate reports whether the values of the i-th dimension (from 0) are
// dates, YYYY or YYYY-MM (see YearMonth).
func (q *Query) IsDate(i int) bool { return q.chosen[i].date }

// The statements Root and Nested return select, for each group in order,
// these columns: the parent (0 for Root), the kind, id and label of each
// dimension's value (kind and id NULL for values that are not objects; all
// three NULL for rows without a value), the count, and the smallest,
// largest and mean value of the group's figures (NULL unless summarized).
const Columns = `list_parent, k1_kind, k1_id, label1, k2_kind, k2_id, label2, n, vmin, vmax, vavg`

// Root returns the statement of the aggregate of the rows of from that
// meet where (a condition on them; "true" for all), whose arguments it
// names. The groups are counted first, then labeled; ranked by count,
// only the page of them is labeled (PostgreSQL computes the labels'
// subqueries after the sort and limit). A missing value sorts last.
func (q *Query) Root(where string) string {
	in := func(column string) string {
		if where == "true" {
			return "true"
		}
		return column + ` IN (SELECT ` + q.key + ` FROM ` + q.From + ` WHERE ` + where + `)`
	}
	sets, grouped := q.grouped(q.From, where, "0::bigint", in)
	return fmt.Sprintf(`WITH %s%s
		SELECT `+Columns+`
		FROM (SELECT g.*, %s FROM grouped g) x
		ORDER BY %s LIMIT %d`, sets, grouped, q.labels("g"), q.order(), q.First)
}

// Nested returns the statement that groups the rows of each parent in one
// statement for all the parents. with holds WITH list entries, each
// followed by a comma, the last of which is list_rows(list_parent, rid):
// each parent with the id of each of its rows; they are counted by parent
// and group, and each parent's first groups kept: only those are labeled
// (by count), or they are ranked by their labels (by value). A parent
// with no rows has no groups.
func (q *Query) Nested(with string) string {
	sets, grouped := q.grouped(`list_rows r JOIN `+q.From+` ON `+q.key+` = r.rid`, "true", "r.list_parent",
		func(column string) string { return column + ` IN (SELECT rid FROM list_rows)` })
	if q.ByValue {
		return fmt.Sprintf(`WITH RECURSIVE %s%s%s
		SELECT `+Columns+` FROM (
			SELECT y.*, row_number() OVER (PARTITION BY y.list_parent ORDER BY %s) AS list_rank
			FROM (SELECT g.*, %s FROM grouped g) y) x
		WHERE list_rank <= %d ORDER BY list_parent, list_rank`, with, sets, grouped, q.order(), q.labels("g"), q.First)
	}
	return fmt.Sprintf(`WITH RECURSIVE %s%s%s
		SELECT list_parent, k1_kind, k1_id, %s AS label1, k2_kind, k2_id, %s AS label2, n, vmin, vmax, vavg FROM (
			SELECT g.*, row_number() OVER (PARTITION BY g.list_parent ORDER BY %s) AS list_rank FROM grouped g) g
		WHERE list_rank <= %d ORDER BY list_parent, list_rank`, with, sets, grouped,
		labelOf("g.k1", q.chosen[0]), labelOf("g.k2", q.chosen[1]), q.order(), q.First)
}

// grouped returns the WITH list entries of the aggregate's set dimensions
// and the query that counts its groups (as grouped(list_parent, k1_kind,
// k1_id, k1_val, k2_kind, k2_id, k2_val, n, vmin, vmax, vavg)): of the rows
// of rows (a FROM list that includes the listing's from) that meet where,
// for each parent (the expression parent). in is the condition that the
// id in a column is one of the rows grouped, for the set dimensions.
func (q *Query) grouped(rows, where, parent string, in func(string) string) (sets, grouped string) {
	// A set dimension is computed once for the rows that match, then
	// joined to them; a missing value is a row it has none for.
	// MATERIALIZED: in a parallel plan each worker would compute the
	// whole set again.
	joins := ""
	for i, d := range q.chosen {
		k := fmt.Sprintf("k%d", i+1)
		switch {
		case d.join != "":
			joins += fmt.Sprintf("\n\t\t\tLEFT JOIN %s %s ON %s.rid = %s", d.join, k, k, d.on)
		case d.set != nil:
			sets += fmt.Sprintf("%s_set(rid, kind, id, val) AS MATERIALIZED (%s),\n\t\t", k, d.set(in))
			joins += fmt.Sprintf("\n\t\t\tLEFT JOIN %[1]s_set %[1]s ON %[1]s.rid = %[2]s", k, q.key)
		default:
			joins += fmt.Sprintf("\n\t\t\tLEFT JOIN LATERAL (%s) %s(kind, id, val) ON true", d.sql, k)
		}
	}
	summary := `NULL::text AS vmin, NULL::text AS vmax, NULL::text AS vavg`
	if q.Summarize {
		summary = `min(f.value)::text AS vmin, max(f.value)::text AS vmax, trim_scale(avg(f.value))::text AS vavg`
	}
	grouped = fmt.Sprintf(`grouped AS (
			SELECT %s AS list_parent, k1.kind AS k1_kind, k1.id AS k1_id, k1.val AS k1_val,
				k2.kind AS k2_kind, k2.id AS k2_id, k2.val AS k2_val,
				count(*) AS n, %s
			FROM %s%s
			WHERE %s
			GROUP BY 1, 2, 3, 4, 5, 6, 7)`, parent, summary, rows, joins, where)
	return sets, grouped
}

// order is the order of the groups: the largest first, or by value.
func (q *Query) order() string {
	if q.ByValue {
		return `label1, k1_id, label2, k2_id, n DESC`
	}
	return `n DESC, k1_val, k1_kind, k1_id, k2_val, k2_kind, k2_id`
}

// labels is the select list of the groups' labels, of grouped aliased g.
func (q *Query) labels(g string) string {
	return labelOf(g+".k1", q.chosen[0]) + ` AS label1, ` + labelOf(g+".k2", q.chosen[1]) + ` AS label2`
}

// YearMonth reads a date dimension's value, YYYY or YYYY-MM.
func YearMonth(label *string) (year, month *int) {
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

// dimension is how an aggregate finds the values a dimension takes for
// the rows of its listing, one of three ways:
//   - sql, a LATERAL subquery that selects (kind, id, val) for the row of
//     the listing being grouped, at most once each: for values of the row
//     itself or of a row it points at;
//   - join, a table (a link table, or a subquery PostgreSQL can flatten)
//     of (rid, kind, id, val) rows, joined ON rid = on (an expression of the
//     listing's row): PostgreSQL picks the join, by index for the few rows of
//     a filtered aggregate, hashed or merged for the whole corpus, where a
//     LATERAL subquery would run once a row;
//   - set, which selects (row id, kind, id, val) for the rows of the
//     listing being grouped (those whose id, in the column given to in,
//     meets the condition in returns), once for the whole set, for values
//     that take a union of several tables and must be counted once.
//
// kinds are the kinds of object its values may be (none for plain values),
// date marks a val of the form YYYY or YYYY-MM.
type dimension struct {
	sql      string
	join, on string
	set      func(in func(column string) string) string
	kinds    []string
	date     bool
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
	return linkDim(table, column, "'TOPIC'", "topic_id", id).of("TOPIC")
}

// linkDim is the objects (of kind kindExpr, id column) a link table links
// to the row with id.
func linkDim(table, column, kindExpr, idColumn, id string) dimension {
	return dimension{join: `(SELECT x.` + column + ` AS rid, ` + kindExpr + `::text AS kind, x.` + idColumn + ` AS id, NULL::text AS val FROM ` + table + ` x)`, on: id}
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

// statementCountries are, for the statements whose id (the column %[1]s
// stands for) meets the condition %[1]s, the countries of the organizations
// their speakers spoke for (see statement_organizations, migration 000020)
// and of the places of their roles' affiliations, as (statement, country)
// rows, each once.
var statementCountries = `SELECT DISTINCT x.rid, x.id FROM (
		SELECT so.statement_id, o.country_id FROM statement_organizations so JOIN organizations o ON o.id = so.organization_id
		WHERE o.country_id IS NOT NULL AND %[1]s
		UNION ALL SELECT sa.statement_id, ` + countryOf("p") + ` FROM statement_affiliations sa
			JOIN affiliations af ON af.id = sa.affiliation_id JOIN places p ON p.id = af.place_id WHERE %[2]s) x(rid, id)
	WHERE x.id IS NOT NULL`

var (
	statementDimensions = map[string]dimension{
		"TOPIC":   topicsDim("statement_topics", "statement_id", "s.id"),
		"SPEAKER": entityDim("upper(s.speaker_kind::text)", "s.speaker_id", "s.speaker_id IS NOT NULL").of(speakerKinds...),
		// The organizations its speaker spoke for, kept by triggers in
		// statement_organizations (migration 000020).
		"ORGANIZATION": linkDim("statement_organizations", "statement_id", "'ORGANIZATION'", "organization_id", "s.id").of("ORGANIZATION"),
		// The countries of the speaker's organizations (as for ORGANIZATION)
		// and of the places of the role's affiliations.
		"COUNTRY": dimension{set: func(in func(string) string) string {
			return `SELECT c.rid, 'PLACE', c.id, NULL::text FROM (` + fmt.Sprintf(statementCountries, in("so.statement_id"), in("sa.statement_id")) + `) c`
		}}.of("PLACE"),
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
		"COUNTRY": dimension{join: `(SELECT e.id AS rid, 'PLACE'::text AS kind, c.id, NULL::text AS val
			FROM entities e LEFT JOIN places p ON e.kind = 'place' AND p.id = e.id
				LEFT JOIN organizations o ON e.kind = 'organization' AND o.id = e.id
				CROSS JOIN LATERAL (SELECT CASE e.kind WHEN 'place' THEN ` + countryOf("p") + ` WHEN 'organization' THEN o.country_id END) c(id)
			WHERE c.id IS NOT NULL)`, on: "f.subject_id"}.of("PLACE"),
		// The speaker of the statement that states it.
		"SPEAKER": dimension{join: `(SELECT fst.id AS rid, upper(fst.speaker_kind::text) AS kind, fst.speaker_id AS id, NULL::text AS val
			FROM statements fst WHERE fst.speaker_id IS NOT NULL)`, on: "f.statement_id"}.of(speakerKinds...),
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
