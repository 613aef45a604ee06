package curate

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// Export is the inverse of the writer: it reads stored rows back into the
// documents that would write them. An edit through the API exports the
// article's document, changes one item and imports the result with the same
// validator and writer as the seeds, so that one set of rules governs every
// write. Importing an exported document unchanged (with an empty actor)
// leaves every row exactly as it was.

// dateDoc is the select-list expression of the partial date stored under
// prefix in the table aliased t, in DateDoc's JSON form: NULL when there is
// no date, and no inferred list when no part is inferred. The precision is
// not exported: the writer derives it from the parts, as it was stored.
func dateDoc(t, prefix string) string {
	c := func(s string) string { return t + "." + prefix + "_" + s }
	return fmt.Sprintf(`CASE WHEN %s IS NULL THEN NULL ELSE jsonb_build_object(
		'text', %s, 'year', %s, 'month', %s, 'day', %s,
		'inferred', CASE WHEN cardinality(%s) > 0 THEN to_jsonb(%s::text[]) END,
		'basis', %s) END AS %s`,
		c("precision"), c("text"), c("year"), c("month"), c("day"), c("inferred"), c("inferred"), c("basis"), prefix)
}

// exported is a row the export reads into an item of a document: the
// row's id, which evidence and other rows refer to, and the item as the
// document gives it, its evidence aside.
type exported[T any] struct {
	id   int64
	item T
}

// collectItems runs one export query, whose rows hold an id and then what
// fields points at in an item, and reads every row; what names the rows in
// errors.
func collectItems[T any](ctx context.Context, q querier, what, sql string, args pgx.NamedArgs, fields func(*T) []any) ([]exported[T], error) {
	rows, err := q.Query(ctx, sql, args)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", what, err)
	}
	items, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (exported[T], error) {
		var x exported[T]
		err := row.Scan(append([]any{&x.id}, fields(&x.item)...)...)
		return x, err
	})
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", what, err)
	}
	return items, nil
}

// creditFields are the columns of a credit after its id.
func creditFields(c *document.CreditDoc) []any { return []any{&c.Person, &c.Role} }

// affiliationFields are the columns of an affiliation after its id.
func affiliationFields(a *document.AffiliationDoc) []any {
	return []any{&a.Person, &a.Organization, &a.Place, &a.Role, &a.Former}
}

// statementFields are the columns of exportStatements after the id.
func statementFields(s *document.StatementDoc) []any {
	return []any{&s.Key, &s.Speaker.Person, &s.Speaker.Organization, &s.Speaker.Description, &s.Speaker.SpeaksFor,
		&s.Role, &s.Verb, &s.Mode, &s.Content, &s.Event, &s.Topics, &s.Mentions, &s.Affiliations}
}

// figureFields are the columns of exportFigures after the id.
func figureFields(f *document.FigureDoc) []any {
	return []any{&f.Key, &f.Metric, &f.Value, &f.Unit, &f.Currency, &f.Display, &f.Subject, &f.Statement,
		&f.Period, &f.Base, &f.Date, &f.Topics}
}

// exportedSpan is an evidence row: its span (paragraph position, offsets
// in characters, text) and the one fact it supports.
type exportedSpan struct {
	document.Span
	Statement   *int64  `db:"statement_id"`
	Figure      *int64  `db:"figure_id"`
	Affiliation *int64  `db:"affiliation_id"`
	Credit      *int64  `db:"credit_id"`
	Entity      *string `db:"entity"`
}

// exportStatements selects statements x as statementFields reads them,
// after their ids; a WHERE clause on x follows. A named speaker is a
// person or an organization as speaker_kind says; the affiliations a
// statement cites are named by their keys (affiliationKey).
const exportStatements = `
	SELECT x.id, x.key, CASE x.speaker_kind WHEN 'person' THEN sp.slug END AS person,
		CASE x.speaker_kind WHEN 'organization' THEN sp.slug END AS organization, x.speaker_description,
		so.slug AS speaks_for, x.speaker_role, x.verb::text AS verb, x.mode::text AS mode, x.content,
		ev.slug AS event,
		ARRAY(SELECT t.slug FROM statement_topics l JOIN topics t ON t.id = l.topic_id
			WHERE l.statement_id = x.id ORDER BY t.slug) AS topics,
		ARRAY(SELECT n.slug FROM statement_mentions l JOIN entities n ON n.id = l.entity_id
			WHERE l.statement_id = x.id ORDER BY n.slug) AS mentions,
		ARRAY(SELECT 'affiliation-' || l.affiliation_id FROM statement_affiliations l
			WHERE l.statement_id = x.id ORDER BY l.affiliation_id) AS affiliations
	FROM statements x
	LEFT JOIN entities sp ON sp.id = x.speaker_id
	LEFT JOIN entities so ON so.id = x.speaker_organization_id
	LEFT JOIN entities ev ON ev.id = x.event_id`

// exportFigures selects figures x as figureFields reads them, after their
// ids; a WHERE clause on x follows.
var exportFigures = `
	SELECT x.id, x.key, x.metric, x.value::text AS value, x.unit::text AS unit, x.currency, x.display,
		n.slug AS subject, s.key AS statement,
		` + dateDoc("x", "period") + `, ` + dateDoc("x", "base") + `, ` + dateDoc("x", "value_date") + `,
		ARRAY(SELECT t.slug FROM figure_topics l JOIN topics t ON t.id = l.topic_id
			WHERE l.figure_id = x.id ORDER BY t.slug) AS topics
	FROM figures x
	JOIN entities n ON n.id = x.subject_id
	LEFT JOIN statements s ON s.id = x.statement_id`

// exportArticle returns the document of the stored article with articleID:
// the article itself with its credits; a mention for every entity the article
// has evidence for (entities are not declared, so that their attributes,
// which every article shares, are not rewritten); the affiliations it has
// evidence for or its statements refer to, keyed "affiliation-<id>"; and its
// statements and figures in position order. Every span is given by
// paragraph and occurrence, so that it resolves to exactly the stored span;
// spans are in article order, except that each statement's and figure's
// first span is one that makes the writer give it its stored position
// again (see leadInOrder).
// Link tables without a position (topics, mentions) are listed by slug.
// It sends six statements whatever the article holds; q should be a
// transaction for them to read one state. It returns ErrNotFound when there
// is no such article.
func exportArticle(ctx context.Context, q querier, articleID int64) (*document.Document, error) {
	args := pgx.NamedArgs{"article_id": articleID}
	a := &document.ArticleDoc{}
	var text string
	err := q.QueryRow(ctx, `
		SELECT a.slug, a.source_file, a.source_text, a.language, a.title, a.lede, `+dateDoc("a", "published")+`,
			ARRAY(SELECT t.slug FROM article_topics x JOIN topics t ON t.id = x.topic_id
				WHERE x.article_id = a.id ORDER BY t.slug) AS topics
		FROM articles a
		WHERE a.id = @article_id`, args).Scan(&a.Slug, &a.Source, &text, &a.Language, &a.Title, &a.Lede, &a.Published, &a.Topics)
	if isNoRows(err) {
		return nil, fmt.Errorf("export article %d: %w", articleID, db.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("export article %d: %w", articleID, err)
	}

	credits, err := collectItems(ctx, q, "credits", `
		SELECT c.id, p.slug AS person, c.role::text AS role
		FROM credits c JOIN entities p ON p.id = c.person_id
		WHERE c.article_id = @article_id
		ORDER BY c.position`, args, creditFields)
	if err != nil {
		return nil, err
	}
	affiliations, err := collectItems(ctx, q, "affiliations", `
		SELECT af.id, p.slug AS person, o.slug AS organization, pl.slug AS place, af.role, af.former
		FROM affiliations af
		JOIN entities p ON p.id = af.person_id
		LEFT JOIN entities o ON o.id = af.organization_id
		LEFT JOIN entities pl ON pl.id = af.place_id
		WHERE af.id IN (
			SELECT e.affiliation_id FROM evidence e WHERE e.article_id = @article_id
			UNION
			SELECT sa.affiliation_id FROM statement_affiliations sa JOIN statements s ON s.id = sa.statement_id
			WHERE s.article_id = @article_id)
		ORDER BY af.id`, args, affiliationFields)
	if err != nil {
		return nil, err
	}
	statements, err := collectItems(ctx, q, "statements", exportStatements+`
		WHERE x.article_id = @article_id
		ORDER BY x.position`, args, statementFields)
	if err != nil {
		return nil, err
	}
	figures, err := collectItems(ctx, q, "figures", exportFigures+`
		WHERE x.article_id = @article_id
		ORDER BY x.position`, args, figureFields)
	if err != nil {
		return nil, err
	}
	spans, err := collect[exportedSpan](ctx, q, "evidence", `
		SELECT p.position AS paragraph, e.start_offset AS start, e.end_offset AS "end", e.text,
			e.statement_id, e.figure_id, e.affiliation_id, e.credit_id, n.slug AS entity
		FROM evidence e
		JOIN paragraphs p ON p.id = e.paragraph_id
		LEFT JOIN entities n ON n.id = e.entity_id
		WHERE e.article_id = @article_id
		ORDER BY p.position, e.start_offset, e.end_offset, e.id`, args)
	if err != nil {
		return nil, err
	}

	// Evidence, by the fact it supports, in article order.
	type owner struct {
		kind string
		id   int64
	}
	stored := map[owner][]exportedSpan{}
	var mentioned []string // entity slugs, in the order of their first span
	for _, s := range spans {
		var o owner
		switch {
		case s.Statement != nil:
			o = owner{"statement", *s.Statement}
		case s.Figure != nil:
			o = owner{"figure", *s.Figure}
		case s.Affiliation != nil:
			o = owner{"affiliation", *s.Affiliation}
		case s.Credit != nil:
			o = owner{"credit", *s.Credit}
		case s.Entity != nil:
			o = owner{"entity " + *s.Entity, 0}
			if _, seen := stored[o]; !seen {
				mentioned = append(mentioned, *s.Entity)
			}
		}
		stored[o] = append(stored[o], s)
	}
	// The writer numbers statements and figures by their first span, so
	// each list leads with a span that keeps them in their stored order.
	lead := func(kind string, ids []int64) {
		lists := make([][]exportedSpan, len(ids))
		for i, id := range ids {
			lists[i] = stored[owner{kind, id}]
		}
		leadInOrder(lists)
	}
	var ids []int64
	for _, s := range statements {
		ids = append(ids, s.id)
	}
	lead("statement", ids)
	ids = ids[:0]
	for _, f := range figures {
		ids = append(ids, f.id)
	}
	lead("figure", ids)
	// Spans are resolved against the paragraphs the validator will cut
	// from the same text.
	blocks := document.SplitParagraphs(text)
	evidence := map[owner]document.EvidenceList{}
	for o, list := range stored {
		for _, s := range list {
			item, err := spanDoc(blocks, s.Span)
			if err != nil {
				return nil, fmt.Errorf("export article %s: %w", a.Slug, err)
			}
			evidence[o] = append(evidence[o], item)
		}
	}

	doc := &document.Document{Name: "article " + a.Slug, Text: text, Article: a}
	for _, c := range credits {
		c.item.Evidence = evidence[owner{"credit", c.id}]
		a.Credits = append(a.Credits, c.item)
	}
	for _, slug := range mentioned {
		doc.Mentions = append(doc.Mentions, document.MentionDoc{Entity: slug, Evidence: evidence[owner{"entity " + slug, 0}]})
	}
	for _, x := range affiliations {
		x.item.Key, x.item.Evidence = affiliationKey(x.id), evidence[owner{"affiliation", x.id}]
		doc.Affiliations = append(doc.Affiliations, x.item)
	}
	for _, s := range statements {
		s.item.Evidence = evidence[owner{"statement", s.id}]
		doc.Statements = append(doc.Statements, s.item)
	}
	for _, f := range figures {
		f.item.Evidence = evidence[owner{"figure", f.id}]
		doc.Figures = append(doc.Figures, f.item)
	}
	return doc, nil
}

// querier is what an export reads through: the write's transaction, or
// a pool.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// collect runs one export query and reads every row into a T; what names
// the rows in errors.
func collect[T any](ctx context.Context, q querier, what, sql string, args pgx.NamedArgs) ([]T, error) {
	rows, err := q.Query(ctx, sql, args)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", what, err)
	}
	items, err := pgx.CollectRows(rows, pgx.RowToStructByName[T])
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", what, err)
	}
	return items, nil
}

// leadInOrder moves to the front of each list of spans (the evidence of
// the statements or figures of an article in position order, each in
// article order) the earliest span that is not before the span leading the
// list before it. The writer orders items by their first span and keeps
// their order on ties (byFirstSpan), so the items keep their stored
// positions whichever of its spans the document that wrote each one gave
// first. A list with no such span, which the writer never stores, is left
// as it is.
func leadInOrder(lists [][]exportedSpan) {
	var floor exportedSpan // paragraph 0: before every span
	for _, list := range lists {
		i := slices.IndexFunc(list, func(s exportedSpan) bool {
			return s.Paragraph > floor.Paragraph || s.Paragraph == floor.Paragraph && s.Start >= floor.Start
		})
		if i < 0 {
			continue
		}
		first := list[i]
		copy(list[1:i+1], list[:i])
		list[0] = first
		floor = first
	}
}

// affiliationKey is the key an exported document gives the affiliation
// with id: affiliations have no curated key of their own. (SQL spells it
// 'affiliation-' || id: exportStatements, readCatalog.)
func affiliationKey(id int64) string { return "affiliation-" + strconv.FormatInt(id, 10) }

// spanDoc returns the evidence item that document.ResolveSpan resolves to
// exactly the stored span s: its text, its paragraph and which occurrence
// of the text in that paragraph it is, counting as ResolveSpan does (every
// match, overlapping ones included, offsets in characters).
func spanDoc(blocks []document.Paragraph, s document.Span) (document.SpanDoc, error) {
	if s.Paragraph < 1 || s.Paragraph > len(blocks) {
		return document.SpanDoc{}, fmt.Errorf("span %q names paragraph %d; the source text has %d", s.Text, s.Paragraph, len(blocks))
	}
	b := blocks[s.Paragraph-1]
	for n, at := range document.Occurrences(b.Text, s.Text) {
		if utf8.RuneCountInString(b.Text[:at]) == s.Start {
			return document.SpanDoc{Text: s.Text, Paragraph: s.Paragraph, Occurrence: n + 1}, nil
		}
	}
	return document.SpanDoc{}, fmt.Errorf("span %q at characters %d to %d is not in paragraph %d of the source text",
		s.Text, s.Start, s.End, s.Paragraph)
}

// A declQuery reads the declaration of one entity or topic of a kind by
// id: sql selects, for @id, the columns fields points at in a D.
type declQuery[D any] struct {
	kind   string
	sql    string
	fields func(*D) []any
}

// export returns the declaration with id, or ErrNotFound when it has no
// row of its kind (no such entity, or one of another kind; the writer's
// single transaction never leaves an entity without its row).
func (k declQuery[D]) export(ctx context.Context, q querier, id int64) (*D, error) {
	var x D
	err := q.QueryRow(ctx, k.sql, pgx.NamedArgs{"id": id}).Scan(k.fields(&x)...)
	if isNoRows(err) {
		return nil, fmt.Errorf("export %s %d: %w", k.kind, id, db.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("export %s %d: %w", k.kind, id, err)
	}
	return &x, nil
}

// The declarations' exports: every reference a slug.
var (
	exportPerson = declQuery[document.PersonDoc]{db.KindPerson, `
		SELECT n.slug, p.name, p.honorifics
		FROM people p JOIN entities n ON n.id = p.id
		WHERE p.id = @id`,
		func(x *document.PersonDoc) []any { return []any{&x.Slug, &x.Name, &x.Honorifics} },
	}.export

	exportOrganization = declQuery[document.OrganizationDoc]{db.KindOrganization, `
		SELECT n.slug, o.name, o.short_name, o.org_kind::text, c.slug, p.slug, o.unresolved, o.note
		FROM organizations o
		JOIN entities n ON n.id = o.id
		LEFT JOIN entities c ON c.id = o.country_id
		LEFT JOIN entities p ON p.id = o.parent_id
		WHERE o.id = @id`,
		func(x *document.OrganizationDoc) []any {
			return []any{&x.Slug, &x.Name, &x.ShortName, &x.Kind, &x.Country, &x.Parent, &x.Unresolved, &x.Note}
		},
	}.export

	exportPlace = declQuery[document.PlaceDoc]{db.KindPlace, `
		SELECT n.slug, pl.name, pl.place_kind::text, c.slug, p.slug
		FROM places pl
		JOIN entities n ON n.id = pl.id
		LEFT JOIN entities c ON c.id = pl.country_id
		LEFT JOIN entities p ON p.id = pl.parent_id
		WHERE pl.id = @id`,
		func(x *document.PlaceDoc) []any { return []any{&x.Slug, &x.Name, &x.Kind, &x.Country, &x.Parent} },
	}.export

	exportEvent = declQuery[document.EventDoc]{db.KindEvent, `
		SELECT n.slug, ev.name, ev.event_kind::text, ev.summary, ` + dateDoc("ev", "date") + `,
			pl.slug, ve.slug, p.slug, ev.participant_description,
			(SELECT coalesce(jsonb_agg(jsonb_build_object('entity', e.slug, 'role', x.role) ORDER BY e.slug, x.role), '[]')
				FROM event_participants x JOIN entities e ON e.id = x.entity_id WHERE x.event_id = ev.id),
			ARRAY(SELECT t.slug FROM event_topics x JOIN topics t ON t.id = x.topic_id
				WHERE x.event_id = ev.id ORDER BY t.slug)
		FROM events ev
		JOIN entities n ON n.id = ev.id
		LEFT JOIN entities pl ON pl.id = ev.place_id
		LEFT JOIN entities ve ON ve.id = ev.venue_id
		LEFT JOIN entities p ON p.id = ev.parent_id
		WHERE ev.id = @id`,
		func(x *document.EventDoc) []any {
			return []any{&x.Slug, &x.Name, &x.Kind, &x.Summary, &x.Date,
				&x.Place, &x.Venue, &x.Parent, &x.ParticipantDescription, &x.Participants, &x.Topics}
		},
	}.export

	exportProject = declQuery[document.ProjectDoc]{db.KindProject, `
		SELECT n.slug, pr.name, pr.project_kind::text, pr.status::text, pr.summary, b.slug, pl.slug,
			` + dateDoc("pr", "completion") + `
		FROM projects pr
		JOIN entities n ON n.id = pr.id
		LEFT JOIN entities b ON b.id = pr.builder_id
		LEFT JOIN entities pl ON pl.id = pr.place_id
		WHERE pr.id = @id`,
		func(x *document.ProjectDoc) []any {
			return []any{&x.Slug, &x.Name, &x.Kind, &x.Status, &x.Summary, &x.Builder, &x.Place, &x.Completion}
		},
	}.export

	exportAgreement = declQuery[document.AgreementDoc]{db.KindAgreement, `
		SELECT n.slug, ag.name, coalesce(nullif(ag.agreement_kind::text, '` + db.AgreementKindUnspecified + `'), ''), ag.status::text, ag.summary, ` + dateDoc("ag", "date") + `,
			p.slug,
			(SELECT coalesce(jsonb_agg(jsonb_build_object('entity', e.slug, 'role', x.role) ORDER BY x.position), '[]')
				FROM agreement_parties x JOIN entities e ON e.id = x.entity_id WHERE x.agreement_id = ag.id),
			ARRAY(SELECT e.slug FROM agreement_places x JOIN entities e ON e.id = x.place_id
				WHERE x.agreement_id = ag.id ORDER BY e.slug),
			ARRAY(SELECT e.slug FROM agreement_projects x JOIN entities e ON e.id = x.project_id
				WHERE x.agreement_id = ag.id ORDER BY e.slug),
			ARRAY(SELECT t.slug FROM agreement_topics x JOIN topics t ON t.id = x.topic_id
				WHERE x.agreement_id = ag.id ORDER BY t.slug)
		FROM agreements ag
		JOIN entities n ON n.id = ag.id
		LEFT JOIN entities p ON p.id = ag.parent_id
		WHERE ag.id = @id`,
		func(x *document.AgreementDoc) []any {
			return []any{&x.Slug, &x.Name, &x.Kind, &x.Status, &x.Summary, &x.Date,
				&x.Parent, &x.Parties, &x.Places, &x.Projects, &x.Topics}
		},
	}.export

	// exportTopic returns the topic with id, its parent as a slug.
	exportTopic = declQuery[document.TopicDoc]{"topic", `
		SELECT t.slug, t.label, t.description, p.slug
		FROM topics t LEFT JOIN topics p ON p.id = t.parent_id
		WHERE t.id = @id`,
		func(t *document.TopicDoc) []any { return []any{&t.Slug, &t.Label, &t.Description, &t.Parent} },
	}.export
)
