package db

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Querier is what reads need of a pool, a connection or a transaction; the
// bulk loader bench/corpus runs its own SQL through it.
type Querier = querier

// querier is what reads need of a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// pdj is the select-list expression of a partial date stored under prefix
// in the table aliased t.
func pdj(t, prefix string) string {
	c := func(s string) string { return t + "." + prefix + "_" + s }
	return fmt.Sprintf("partial_date_json(%s, %s, %s, %s, %s, %s, %s) AS %s",
		c("year"), c("month"), c("day"), c("precision"), c("text"), c("inferred"), c("basis"), prefix)
}

// The FROM clause and columns of each domain type.
var (
	articleFrom    = `articles a`
	articleColumns = `a.id, a.slug, a.title, a.lede, a.language, a.source_file, a.version, ` + pdj("a", "published") // not source_text: ArticleTexts

	paragraphFrom    = `paragraphs p`
	paragraphColumns = `p.id, p.article_id, p.position, upper(p.kind::text) AS kind, p.text, p.source_offset`

	creditColumns = `c.id, c.article_id, c.person_id, upper(c.role::text) AS role, c.position`

	topicFrom    = `topics t`
	topicColumns = `t.id, t.slug, t.label, t.description, t.parent_id, t.version`

	personFrom    = `people p JOIN entities n ON n.id = p.id`
	personColumns = `p.id, n.slug, p.name, p.honorifics, n.version`

	organizationFrom    = `organizations o JOIN entities n ON n.id = o.id`
	organizationColumns = `o.id, n.slug, o.name, o.short_name, upper(o.org_kind::text) AS org_kind, o.country_id, o.parent_id, o.unresolved, o.note, n.version`

	placeFrom    = `places pl JOIN entities n ON n.id = pl.id`
	placeColumns = `pl.id, n.slug, pl.name, upper(pl.place_kind::text) AS place_kind, pl.country_id, pl.parent_id, n.version`

	eventFrom    = `events ev JOIN entities n ON n.id = ev.id`
	eventColumns = `ev.id, n.slug, ev.name, upper(ev.event_kind::text) AS event_kind, ev.summary, ev.participant_description, ` +
		pdj("ev", "date") + `, ev.place_id, ev.venue_id, ev.parent_id, n.version`

	projectFrom    = `projects pr JOIN entities n ON n.id = pr.id`
	projectColumns = `pr.id, n.slug, pr.name, upper(pr.project_kind::text) AS project_kind, upper(pr.status::text) AS status, pr.summary, ` +
		`pr.builder_id, pr.place_id, ` + pdj("pr", "completion") + `, n.version`

	agreementFrom    = `agreements ag JOIN entities n ON n.id = ag.id`
	agreementColumns = `ag.id, n.slug, ag.name, upper(ag.agreement_kind::text) AS agreement_kind, upper(ag.status::text) AS status, ` +
		`ag.summary, ` + pdj("ag", "date") + `, ag.parent_id, n.version`

	affiliationColumns = `af.id, af.person_id, af.organization_id, af.place_id, af.role, af.former`

	statementFrom    = `statements s`
	statementColumns = `s.id, s.article_id, s.position, s.speaker_id, upper(s.speaker_kind::text) AS speaker_kind, ` +
		`s.speaker_description, s.speaker_organization_id, s.speaker_role, upper(s.verb::text) AS verb, ` +
		`upper(s.mode::text) AS mode, s.content, s.event_id, s.version`

	figureFrom    = `figures f JOIN entities fs ON fs.id = f.subject_id`
	figureColumns = `f.id, f.article_id, f.position, f.metric, f.value::text AS value, upper(f.unit::text) AS unit, f.currency, ` +
		`f.display, f.subject_id, upper(fs.kind::text) AS subject_kind, f.statement_id, ` +
		pdj("f", "period") + `, ` + pdj("f", "base") + `, ` + pdj("f", "value_date") + `, f.version`

	evidenceFrom    = `evidence e JOIN paragraphs ep ON ep.id = e.paragraph_id`
	evidenceColumns = `e.id, e.article_id, e.paragraph_id, e.start_offset, e.end_offset, ` +
		`ep.source_offset + e.start_offset AS source_start, ep.source_offset + e.end_offset AS source_end, e.text, ` +
		`ep.position AS paragraph_position, upper(ep.kind::text) AS paragraph_kind, ep.text AS paragraph_text, ` +
		`ep.source_offset AS paragraph_source_offset`
	evidenceOrder = `ORDER BY ep.position, e.start_offset, e.id`
)

func key(expr, typ string) sortKey { return sortKey{expr: expr, typ: typ} }

// byDate orders by a date range column: undated rows come last either way.
func byDate(name, column, id string, desc bool) ordering {
	return byDateKeys(name, "lower("+column+")", desc, key(id, "bigint"))
}

func byText(name, column, id string, desc bool) ordering {
	return ordering{name: name, desc: desc, keys: []sortKey{key(column, "text"), key(id, "bigint")}}
}

// byDateKeys orders by a date, undated rows last either way, then by
// more keys (the row id last).
func byDateKeys(name, date string, desc bool, more ...sortKey) ordering {
	fallback := "'infinity'::date"
	if desc {
		fallback = "'-infinity'::date"
	}
	return ordering{name: name, desc: desc, keys: append([]sortKey{key("coalesce("+date+", "+fallback+")", "date")}, more...)}
}

// byCount orders by a count, then by id.
func byCount(name, column, id string, desc bool) ordering {
	return ordering{name: name, desc: desc, keys: []sortKey{key(column, "int"), key(id, "bigint")}}
}

// inArticles orders article by article, each in reading order.
func inArticles(t string) []sortKey {
	return []sortKey{key(t+".article_id", "bigint"), key(t+".position", "int"), key(t+".id", "bigint")}
}

// orderFor returns the ordering of a listing chosen by o, or the listing's
// default when o.Field is empty. listing is one of the root listings; its
// nested listings order by the same names (see Relation). Each ordering
// has an index for each direction (migration 000010); the expressions
// here must stay those of the indexes.
func orderFor(listing string, o Order) (ordering, error) {
	field := o.Field
	var ord ordering
	switch listing + "." + field {
	case "articles.", "articles.PUBLISHED":
		desc := o.Desc || field == ""
		ord = byDate("articles.published", "a.published_range", "a.id", desc)
	case "articles.SLUG":
		ord = byText("articles.slug", "a.slug", "a.id", o.Desc)
	case "articles.TITLE":
		ord = byText("articles.title", "coalesce(a.title, '')", "a.id", o.Desc)
	case "statements.", "statements.ARTICLE":
		ord = ordering{name: "statements.article", desc: o.Desc, keys: inArticles("s")}
	case "statements.PUBLISHED":
		ord = byDateKeys("statements.published", "s.published", o.Desc, inArticles("s")...)
	case "statements.SPEAKER":
		ord = byText("statements.speaker", "s.speaker_name", "s.id", o.Desc)
	case "figures.", "figures.ARTICLE":
		ord = ordering{name: "figures.article", desc: o.Desc, keys: inArticles("f")}
	case "figures.VALUE":
		fallback := "'Infinity'::numeric"
		if o.Desc {
			fallback = "'-Infinity'::numeric"
		}
		ord = ordering{name: "figures.value", desc: o.Desc, keys: []sortKey{
			key("coalesce(f.value, "+fallback+")", "numeric"), key("f.id", "bigint")}}
	case "figures.PERIOD":
		ord = byDate("figures.period", "f.period_range", "f.id", o.Desc)
	case "figures.PUBLISHED":
		ord = byDateKeys("figures.published", "f.published", o.Desc, inArticles("f")...)
	case "agreements.", "agreements.NAME":
		ord = byText("agreements.name", "ag.name", "ag.id", o.Desc)
	case "agreements.DATE":
		ord = byDate("agreements.date", "ag.date_range", "ag.id", o.Desc)
	case "agreements.PUBLISHED":
		// The most recent publication of an article that names it (migration 000021).
		ord = byDateKeys("agreements.published", "ag.published", o.Desc, key("ag.id", "bigint"))
	case "agreements.STATEMENTS":
		ord = byCount("agreements.statements", "ag.statement_count", "ag.id", o.Desc)
	case "people.", "people.NAME":
		ord = byText("people.name", "p.name", "p.id", o.Desc)
	case "people.STATEMENTS":
		ord = byCount("people.statements", "p.statement_count", "p.id", o.Desc)
	case "organizations.", "organizations.NAME":
		ord = byText("organizations.name", "o.name", "o.id", o.Desc)
	case "organizations.STATEMENTS":
		ord = byCount("organizations.statements", "o.statement_count", "o.id", o.Desc)
	case "places.", "places.NAME":
		ord = byText("places.name", "pl.name", "pl.id", o.Desc)
	case "places.STATEMENTS":
		ord = byCount("places.statements", "pl.statement_count", "pl.id", o.Desc)
	case "events.", "events.NAME":
		ord = byText("events.name", "ev.name", "ev.id", o.Desc)
	case "events.DATE":
		ord = byDate("events.date", "ev.date_range", "ev.id", o.Desc)
	case "events.STATEMENTS":
		ord = byCount("events.statements", "ev.statement_count", "ev.id", o.Desc)
	case "projects.", "projects.NAME":
		ord = byText("projects.name", "pr.name", "pr.id", o.Desc)
	case "audit.":
		// The log's id grows with every entry: newest first.
		ord = ordering{name: "audit.newest", desc: true, keys: []sortKey{key("al.id", "bigint")}}
	case "topics.", "topics.LABEL":
		ord = byText("topics.label", "t.label", "t.id", o.Desc)
	default:
		return ordering{}, Errorf(CodeInvalid, "orderBy: %s cannot be ordered by %s", listing, field)
	}
	return ord, nil
}

// DateRange is an inclusive range of days; a nil end is open.
type DateRange struct {
	From, To *time.Time
}

// overlaps is the condition that a daterange column overlaps r.
func (l *listing) overlaps(column string, r *DateRange) string {
	return fmt.Sprintf("%s && daterange(%s::date, %s::date, '[]')", column, l.arg(r.From), l.arg(r.To))
}

// Subtree queries: the given ids and everything below them.
func topicTree(arg string) string {
	return `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM topics WHERE id = ANY(` + arg + `)
		UNION SELECT c.id FROM topics c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`
}

func organizationTree(arg string) string {
	return `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id = ANY(` + arg + `)
		UNION SELECT c.id FROM organizations c JOIN tree ON c.parent_id = tree.id) SELECT id FROM tree)`
}

func placeTree(arg string) string {
	return `ARRAY(WITH RECURSIVE tree AS (SELECT id FROM places WHERE id = ANY(` + arg + `)
		UNION SELECT c.id FROM places c JOIN tree ON c.parent_id = tree.id OR c.country_id = tree.id) SELECT id FROM tree)`
}

// lower lowercases enum names for comparison with stored enum values.
func lower(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.ToLower(n)
	}
	return out
}

// sqlFilter is a filter that renders itself as a SQL condition.
type sqlFilter[F any] interface {
	*F
	sql(l *listing) string
}

// combine joins a filter's own conditions with its and, or and not parts.
func combine[F any, PF sqlFilter[F]](l *listing, conds []string, and, or []F, not *F) string {
	if len(and) > 0 {
		parts := make([]string, len(and))
		for i := range and {
			parts[i] = PF(&and[i]).sql(l)
		}
		conds = append(conds, "("+strings.Join(parts, " AND ")+")")
	}
	if len(or) > 0 {
		parts := make([]string, len(or))
		for i := range or {
			parts[i] = PF(&or[i]).sql(l)
		}
		conds = append(conds, "("+strings.Join(parts, " OR ")+")")
	}
	if not != nil {
		// A condition on a missing value (NULL) is false, so that NOT
		// selects exactly the rows the filter does not.
		conds = append(conds, "NOT coalesce("+PF(not).sql(l)+", false)")
	}
	if len(conds) == 0 {
		return "true"
	}
	// Elsewhere NULL and false select the same rows, and the conditions
	// stay bare, so that PostgreSQL can use their indexes (wrapped in
	// coalesce, a speaker's statements were counted by reading the whole
	// speaker index).
	return "(" + strings.Join(conds, " AND ") + ")"
}

// ArticleFilter selects articles; see the API's ArticleFilter.
type ArticleFilter struct {
	Published *DateRange
	Topics    []int64
	Mentions  []int64
	Text      *string
	And, Or   []ArticleFilter
	Not       *ArticleFilter
}

func (f *ArticleFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.Published != nil {
		c = append(c, l.overlaps("a.published_range", f.Published))
	}
	if f.Topics != nil {
		c = append(c, `EXISTS (SELECT 1 FROM article_topics x WHERE x.article_id = a.id AND x.topic_id = ANY(`+topicTree(l.arg(f.Topics))+`))`)
	}
	if f.Mentions != nil {
		c = append(c, `EXISTS (SELECT 1 FROM evidence x WHERE x.article_id = a.id AND x.entity_id = ANY(`+l.arg(f.Mentions)+`))`)
	}
	if f.Text != nil {
		c = append(c, `a.search @@ websearch_to_tsquery('english', `+l.arg(*f.Text)+`)`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// StatementFilter selects statements; see the API's StatementFilter.
type StatementFilter struct {
	// IDs keeps only these statements (for matching one new statement).
	IDs                  []int64
	Speakers             []int64
	SpeakerOrganizations []int64
	SpeakerCountries     []int64
	Topics               []int64
	Verbs                []string
	Mode                 *string
	Articles             []int64
	Published            *DateRange
	Text                 *string
	And, Or              []StatementFilter
	Not                  *StatementFilter
}

func (f *StatementFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.IDs != nil {
		c = append(c, `s.id = ANY(`+l.arg(f.IDs)+`)`)
	}
	if f.Speakers != nil {
		c = append(c, `s.speaker_id = ANY(`+l.arg(f.Speakers)+`)`)
	}
	if f.SpeakerOrganizations != nil {
		tree := organizationTree(l.arg(f.SpeakerOrganizations))
		c = append(c, `(s.speaker_id = ANY(`+tree+`) OR s.speaker_organization_id = ANY(`+tree+`)
			OR EXISTS (SELECT 1 FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
				WHERE sa.statement_id = s.id AND af.organization_id = ANY(`+tree+`)))`)
	}
	if f.SpeakerCountries != nil {
		arg := l.arg(f.SpeakerCountries)
		c = append(c, `(EXISTS (SELECT 1 FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
				LEFT JOIN organizations o ON o.id = af.organization_id
				WHERE sa.statement_id = s.id AND (af.place_id = ANY(`+arg+`) OR o.country_id = ANY(`+arg+`)))
			OR EXISTS (SELECT 1 FROM organizations o WHERE o.id IN (s.speaker_id, s.speaker_organization_id)
				AND o.country_id = ANY(`+arg+`)))`)
	}
	if f.Topics != nil {
		c = append(c, `EXISTS (SELECT 1 FROM statement_topics x WHERE x.statement_id = s.id AND x.topic_id = ANY(`+topicTree(l.arg(f.Topics))+`))`)
	}
	if f.Verbs != nil {
		c = append(c, `s.verb::text = ANY(`+l.arg(lower(f.Verbs))+`)`)
	}
	if f.Mode != nil {
		c = append(c, `s.mode::text = `+l.arg(strings.ToLower(*f.Mode)))
	}
	if f.Articles != nil {
		c = append(c, `s.article_id = ANY(`+l.arg(f.Articles)+`)`)
	}
	if f.Published != nil {
		c = append(c, `EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id AND `+l.overlaps("a.published_range", f.Published)+`)`)
	}
	if f.Text != nil {
		c = append(c, `s.search @@ websearch_to_tsquery('english', `+l.arg(*f.Text)+`)`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// FigureFilter selects figures; see the API's FigureFilter.
type FigureFilter struct {
	// IDs keeps only these figures (for matching one new figure).
	IDs                []int64
	Metric             *string
	Subjects           []int64
	Units              []string
	Period             *DateRange
	ValueMin, ValueMax *string
	Articles           []int64
	Topics             []int64
	And, Or            []FigureFilter
	Not                *FigureFilter
}

func (f *FigureFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.IDs != nil {
		c = append(c, `f.id = ANY(`+l.arg(f.IDs)+`)`)
	}
	if f.Subjects != nil {
		c = append(c, `f.subject_id = ANY(`+l.arg(f.Subjects)+`)`)
	}
	if f.Units != nil {
		c = append(c, `f.unit::text = ANY(`+l.arg(lower(f.Units))+`)`)
	}
	if f.Period != nil {
		c = append(c, l.overlaps("f.period_range", f.Period))
	}
	if f.ValueMin != nil {
		c = append(c, `f.value >= `+l.arg(*f.ValueMin)+`::numeric`)
	}
	if f.ValueMax != nil {
		c = append(c, `f.value <= `+l.arg(*f.ValueMax)+`::numeric`)
	}
	if f.Articles != nil {
		c = append(c, `f.article_id = ANY(`+l.arg(f.Articles)+`)`)
	}
	// After the comparisons: PostgreSQL tests conditions of equal cost in
	// the order written, and a substring match costs more than they do.
	if f.Metric != nil {
		c = append(c, `f.metric ILIKE '%' || `+l.arg(escapeLike(*f.Metric))+` || '%'`)
	}
	if f.Topics != nil {
		c = append(c, `EXISTS (SELECT 1 FROM figure_topics x WHERE x.figure_id = f.id AND x.topic_id = ANY(`+topicTree(l.arg(f.Topics))+`))`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// escapeLike escapes the LIKE wildcards of s.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// AgreementFilter selects agreements; see the API's AgreementFilter.
type AgreementFilter struct {
	Kinds    []string
	Parties  []int64
	Statuses []string
	Date     *DateRange
	Topics   []int64
	Text     *string
	And, Or  []AgreementFilter
	Not      *AgreementFilter
}

func (f *AgreementFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.Kinds != nil {
		c = append(c, `ag.agreement_kind::text = ANY(`+l.arg(lower(f.Kinds))+`)`)
	}
	if f.Parties != nil {
		c = append(c, `EXISTS (SELECT 1 FROM agreement_parties x WHERE x.agreement_id = ag.id AND x.entity_id = ANY(`+l.arg(f.Parties)+`))`)
	}
	if f.Statuses != nil {
		c = append(c, `ag.status::text = ANY(`+l.arg(lower(f.Statuses))+`)`)
	}
	if f.Date != nil {
		c = append(c, l.overlaps("ag.date_range", f.Date))
	}
	if f.Topics != nil {
		c = append(c, `EXISTS (SELECT 1 FROM agreement_topics x WHERE x.agreement_id = ag.id AND x.topic_id = ANY(`+topicTree(l.arg(f.Topics))+`))`)
	}
	if f.Text != nil {
		c = append(c, `ag.search @@ websearch_to_tsquery('english', `+l.arg(*f.Text)+`)`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// PersonFilter selects people; see the API's PersonFilter.
type PersonFilter struct {
	Name          *string
	Organizations []int64
	And, Or       []PersonFilter
	Not           *PersonFilter
}

func (f *PersonFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.Name != nil {
		q := l.arg(*f.Name)
		c = append(c, `p.id = ANY(ARRAY(SELECT people_like(`+q+`))) AND `+nameMatch(q)+` >= `+nameSimilarity)
	}
	if f.Organizations != nil {
		c = append(c, `EXISTS (SELECT 1 FROM affiliations x WHERE x.person_id = p.id AND x.organization_id = ANY(`+organizationTree(l.arg(f.Organizations))+`))`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// nameMatch is how well a query matches a person's name, with or without
// their honorifics ("Dato' Sri Mustapa" matches Mustapa bin Mohamed).
func nameMatch(q string) string {
	return `greatest(word_similarity(` + q + `, p.name), word_similarity(` + q + `, array_to_string(p.honorifics, ' ') || ' ' || p.name))`
}

// nameSimilarity is how alike a query and a name must be (trigram word
// similarity) for the name to match: "Suhaza" finds "Suhaiza Hanim". The
// functions people_like and organizations_like (migration 000005) find
// the candidates with the trigram indexes at this threshold.
const nameSimilarity = "0.5"

// OrganizationFilter selects organizations; see the API's OrganizationFilter.
type OrganizationFilter struct {
	Kinds     []string
	Countries []int64
	Name      *string
	And, Or   []OrganizationFilter
	Not       *OrganizationFilter
}

func (f *OrganizationFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.Kinds != nil {
		c = append(c, `o.org_kind::text = ANY(`+l.arg(lower(f.Kinds))+`)`)
	}
	if f.Countries != nil {
		c = append(c, `o.country_id = ANY(`+l.arg(f.Countries)+`)`)
	}
	if f.Name != nil {
		q := l.arg(*f.Name)
		c = append(c, `o.id = ANY(ARRAY(SELECT organizations_like(`+q+`))) AND word_similarity(`+q+`, o.name || ' ' || coalesce(o.short_name, '')) >= `+nameSimilarity)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// PlaceFilter selects places; see the API's PlaceFilter.
type PlaceFilter struct {
	Kinds     []string
	Countries []int64
	And, Or   []PlaceFilter
	Not       *PlaceFilter
}

func (f *PlaceFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.Kinds != nil {
		c = append(c, `pl.place_kind::text = ANY(`+l.arg(lower(f.Kinds))+`)`)
	}
	if f.Countries != nil {
		c = append(c, `pl.country_id = ANY(`+l.arg(f.Countries)+`)`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}

// EventFilter selects events; see the API's EventFilter.
type EventFilter struct {
	Date    *DateRange
	Places  []int64
	Topics  []int64
	And, Or []EventFilter
	Not     *EventFilter
}

func (f *EventFilter) sql(l *listing) string {
	if f == nil {
		return "true"
	}
	var c []string
	if f.Date != nil {
		c = append(c, l.overlaps("ev.date_range", f.Date))
	}
	if f.Places != nil {
		c = append(c, `ev.place_id = ANY(`+placeTree(l.arg(f.Places))+`)`)
	}
	if f.Topics != nil {
		c = append(c, `EXISTS (SELECT 1 FROM event_topics x WHERE x.event_id = ev.id AND x.topic_id = ANY(`+topicTree(l.arg(f.Topics))+`))`)
	}
	return combine(l, c, f.And, f.Or, f.Not)
}
