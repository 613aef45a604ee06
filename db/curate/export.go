package curate

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/document"
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

// exportedArticle is an article row as exportArticle reads it.
type exportedArticle struct {
	Slug      string            `db:"slug"`
	Source    string            `db:"source_file"`
	Text      string            `db:"source_text"`
	Language  string            `db:"language"`
	Title     *string           `db:"title"`
	Lede      *string           `db:"lede"`
	Published *document.DateDoc `db:"published"`
	Topics    []string          `db:"topics"`
}

// exportedCredit is a credit row with its person's slug.
type exportedCredit struct {
	ID     int64  `db:"id"`
	Person string `db:"person"`
	Role   string `db:"role"`
}

// exportedAffiliation is an affiliation row with the slugs it refers to.
type exportedAffiliation struct {
	ID           int64   `db:"id"`
	Person       string  `db:"person"`
	Organization *string `db:"organization"`
	Place        *string `db:"place"`
	Role         *string `db:"role"`
	Former       bool    `db:"former"`
}

// exportedStatement is a statement row with the slugs it refers to and the
// ids of its affiliations.
type exportedStatement struct {
	ID           int64    `db:"id"`
	Key          string   `db:"key"`
	SpeakerKind  *string  `db:"speaker_kind"`
	Speaker      *string  `db:"speaker"`
	Description  *string  `db:"speaker_description"`
	SpeaksFor    *string  `db:"speaks_for"`
	Role         *string  `db:"speaker_role"`
	Verb         string   `db:"verb"`
	Mode         string   `db:"mode"`
	Content      string   `db:"content"`
	Event        *string  `db:"event"`
	Topics       []string `db:"topics"`
	Mentions     []string `db:"mentions"`
	Affiliations []int64  `db:"affiliations"`
}

// exportedFigure is a figure row with the slugs and key it refers to.
type exportedFigure struct {
	ID        int64             `db:"id"`
	Key       string            `db:"key"`
	Metric    string            `db:"metric"`
	Value     *string           `db:"value"`
	Unit      string            `db:"unit"`
	Currency  *string           `db:"currency"`
	Display   string            `db:"display"`
	Subject   string            `db:"subject"`
	Statement *string           `db:"statement"`
	Period    *document.DateDoc `db:"period"`
	Base      *document.DateDoc `db:"base"`
	Date      *document.DateDoc `db:"value_date"`
	Topics    []string          `db:"topics"`
}

// exportedSpan is an evidence row: its span and the one fact it supports.
type exportedSpan struct {
	Paragraph   int     `db:"position"`
	Start       int     `db:"start_offset"`
	End         int     `db:"end_offset"`
	Text        string  `db:"text"`
	Statement   *int64  `db:"statement_id"`
	Figure      *int64  `db:"figure_id"`
	Affiliation *int64  `db:"affiliation_id"`
	Credit      *int64  `db:"credit_id"`
	Entity      *string `db:"entity"`
}

// exportStatements selects statements as exportedStatement; a WHERE
// clause on s follows.
const exportStatements = `
	SELECT s.id, s.key, s.speaker_kind::text AS speaker_kind, sp.slug AS speaker, s.speaker_description,
		so.slug AS speaks_for, s.speaker_role, s.verb::text AS verb, s.mode::text AS mode, s.content,
		ev.slug AS event,
		ARRAY(SELECT t.slug FROM statement_topics x JOIN topics t ON t.id = x.topic_id
			WHERE x.statement_id = s.id ORDER BY t.slug) AS topics,
		ARRAY(SELECT n.slug FROM statement_mentions x JOIN entities n ON n.id = x.entity_id
			WHERE x.statement_id = s.id ORDER BY n.slug) AS mentions,
		ARRAY(SELECT x.affiliation_id FROM statement_affiliations x
			WHERE x.statement_id = s.id ORDER BY x.affiliation_id) AS affiliations
	FROM statements s
	LEFT JOIN entities sp ON sp.id = s.speaker_id
	LEFT JOIN entities so ON so.id = s.speaker_organization_id
	LEFT JOIN entities ev ON ev.id = s.event_id`

// exportFigures selects figures as exportedFigure; a WHERE clause on f
// follows.
var exportFigures = `
	SELECT f.id, f.key, f.metric, f.value::text AS value, f.unit::text AS unit, f.currency, f.display,
		n.slug AS subject, s.key AS statement,
		` + dateDoc("f", "period") + `, ` + dateDoc("f", "base") + `, ` + dateDoc("f", "value_date") + `,
		ARRAY(SELECT t.slug FROM figure_topics x JOIN topics t ON t.id = x.topic_id
			WHERE x.figure_id = f.id ORDER BY t.slug) AS topics
	FROM figures f
	JOIN entities n ON n.id = f.subject_id
	LEFT JOIN statements s ON s.id = f.statement_id`

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
	rows, err := q.Query(ctx, `
		SELECT a.slug, a.source_file, a.source_text, a.language, a.title, a.lede, `+dateDoc("a", "published")+`,
			ARRAY(SELECT t.slug FROM article_topics x JOIN topics t ON t.id = x.topic_id
				WHERE x.article_id = a.id ORDER BY t.slug) AS topics
		FROM articles a
		WHERE a.id = @article_id`, args)
	if err != nil {
		return nil, fmt.Errorf("export article %d: %w", articleID, err)
	}
	a, err := pgx.CollectExactlyOneRow(rows, pgx.RowToStructByName[exportedArticle])
	if isNoRows(err) {
		return nil, fmt.Errorf("export article %d: %w", articleID, db.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("export article %d: %w", articleID, err)
	}

	credits, err := collect[exportedCredit](ctx, q, "credits", `
		SELECT c.id, p.slug AS person, c.role::text AS role
		FROM credits c JOIN entities p ON p.id = c.person_id
		WHERE c.article_id = @article_id
		ORDER BY c.position`, args)
	if err != nil {
		return nil, err
	}
	affiliations, err := collect[exportedAffiliation](ctx, q, "affiliations", `
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
		ORDER BY af.id`, args)
	if err != nil {
		return nil, err
	}
	statements, err := collect[exportedStatement](ctx, q, "statements", exportStatements+`
		WHERE s.article_id = @article_id
		ORDER BY s.position`, args)
	if err != nil {
		return nil, err
	}
	figures, err := collect[exportedFigure](ctx, q, "figures", exportFigures+`
		WHERE f.article_id = @article_id
		ORDER BY f.position`, args)
	if err != nil {
		return nil, err
	}
	spans, err := collect[exportedSpan](ctx, q, "evidence", `
		SELECT p.position, e.start_offset, e.end_offset, e.text,
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
		ids = append(ids, s.ID)
	}
	lead("statement", ids)
	ids = ids[:0]
	for _, f := range figures {
		ids = append(ids, f.ID)
	}
	lead("figure", ids)
	// Spans are resolved against the paragraphs the validator will cut
	// from the same text.
	blocks := document.SplitParagraphs(a.Text)
	evidence := map[owner]document.EvidenceList{}
	for o, list := range stored {
		for _, s := range list {
			item, err := spanDoc(blocks, s)
			if err != nil {
				return nil, fmt.Errorf("export article %s: %w", a.Slug, err)
			}
			evidence[o] = append(evidence[o], item)
		}
	}

	doc := &document.Document{
		Name: "article " + a.Slug,
		Text: a.Text,
		Article: &document.ArticleDoc{
			Slug:      a.Slug,
			Source:    a.Source,
			Language:  a.Language,
			Title:     a.Title,
			Lede:      a.Lede,
			Published: a.Published,
			Topics:    a.Topics,
		},
	}
	for _, c := range credits {
		doc.Article.Credits = append(doc.Article.Credits, document.CreditDoc{Person: c.Person, Role: c.Role,
			Evidence: evidence[owner{"credit", c.ID}]})
	}
	for _, slug := range mentioned {
		doc.Mentions = append(doc.Mentions, document.MentionDoc{Entity: slug, Evidence: evidence[owner{"entity " + slug, 0}]})
	}
	for _, x := range affiliations {
		doc.Affiliations = append(doc.Affiliations, document.AffiliationDoc{Key: affiliationKey(x.ID), Person: x.Person,
			Role: x.Role, Organization: x.Organization, Place: x.Place, Former: x.Former,
			Evidence: evidence[owner{"affiliation", x.ID}]})
	}
	for _, s := range statements {
		doc.Statements = append(doc.Statements, s.doc(evidence[owner{"statement", s.ID}]))
	}
	for _, f := range figures {
		doc.Figures = append(doc.Figures, f.doc(evidence[owner{"figure", f.ID}]))
	}
	return doc, nil
}

// doc returns the statement's document form, with evidence.
func (s exportedStatement) doc(evidence document.EvidenceList) document.StatementDoc {
	st := document.StatementDoc{Key: s.Key, Role: s.Role, Verb: s.Verb, Mode: s.Mode, Content: s.Content,
		Event: s.Event, Topics: s.Topics, Mentions: s.Mentions, Evidence: evidence}
	switch {
	case s.SpeakerKind != nil && *s.SpeakerKind == db.KindPerson:
		st.Speaker.Person = s.Speaker
	case s.SpeakerKind != nil && *s.SpeakerKind == db.KindOrganization:
		st.Speaker.Organization = s.Speaker
	}
	st.Speaker.Description, st.Speaker.SpeaksFor = s.Description, s.SpeaksFor
	for _, id := range s.Affiliations {
		st.Affiliations = append(st.Affiliations, affiliationKey(id))
	}
	return st
}

// doc returns the figure's document form, with evidence.
func (f exportedFigure) doc(evidence document.EvidenceList) document.FigureDoc {
	return document.FigureDoc{Key: f.Key, Metric: f.Metric, Value: f.Value, Unit: f.Unit,
		Currency: f.Currency, Display: f.Display, Subject: f.Subject, Statement: f.Statement,
		Period: f.Period, Base: f.Base, Date: f.Date, Topics: f.Topics, Evidence: evidence}
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
// with id: affiliations have no curated key of their own.
func affiliationKey(id int64) string { return "affiliation-" + strconv.FormatInt(id, 10) }

// spanDoc returns the evidence item that resolveSpan resolves to exactly the
// stored span s: its text, its paragraph and which occurrence of the text
// in that paragraph it is, counting as resolveSpan does (every match,
// overlapping ones included, offsets in characters).
func spanDoc(blocks []document.Paragraph, s exportedSpan) (document.SpanDoc, error) {
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

// exportEntity returns the declaration of the entity with id, as the
// document that declares it would hold it: a *PersonDoc, *OrganizationDoc,
// *PlaceDoc, *EventDoc, *ProjectDoc or *AgreementDoc, every reference a
// slug, and no evidence (evidence belongs to articles). Agreement parties
// keep their order; participants, places, projects and topics, which have
// none, are listed by slug. It returns ErrNotFound when there is no such
// entity.
func exportEntity(ctx context.Context, q querier, id int64) (document.Declaration, error) {
	var kind string
	err := q.QueryRow(ctx, `SELECT kind::text FROM entities WHERE id = @entity`, pgx.NamedArgs{"entity": id}).Scan(&kind)
	if isNoRows(err) {
		return nil, fmt.Errorf("export entity %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("export entity %d: %w", id, err)
	}
	var decl document.Declaration
	switch kind {
	case db.KindPerson:
		decl, err = exportedAs(exportPerson(ctx, q, id))
	case db.KindOrganization:
		decl, err = exportedAs(exportOrganization(ctx, q, id))
	case db.KindPlace:
		decl, err = exportedAs(exportPlace(ctx, q, id))
	case db.KindEvent:
		decl, err = exportedAs(exportEvent(ctx, q, id))
	case db.KindProject:
		decl, err = exportedAs(exportProject(ctx, q, id))
	case db.KindAgreement:
		decl, err = exportedAs(exportAgreement(ctx, q, id))
	default:
		return nil, fmt.Errorf("export entity %d: unknown kind %q", id, kind)
	}
	if err != nil {
		return nil, err
	}
	return decl, nil
}

// exportedAs returns an exported declaration as a Declaration, nil (not
// a typed nil) with an error.
func exportedAs[D document.Declaration](decl D, err error) (document.Declaration, error) {
	if err != nil {
		return nil, err
	}
	return decl, nil
}

// exportPerson returns the declaration of the person with id.
func exportPerson(ctx context.Context, q querier, id int64) (*document.PersonDoc, error) {
	args := pgx.NamedArgs{"id": id}
	var x document.PersonDoc
	err := q.QueryRow(ctx, `
			SELECT n.slug, p.name, p.honorifics
			FROM people p JOIN entities n ON n.id = p.id
			WHERE p.id = @id`, args).Scan(&x.Slug, &x.Name, &x.Honorifics)
	if err := exportedEntity(db.KindPerson, id, err); err != nil {
		return nil, err
	}
	return &x, nil
}

// exportOrganization returns the declaration of the organization with id.
func exportOrganization(ctx context.Context, q querier, id int64) (*document.OrganizationDoc, error) {
	args := pgx.NamedArgs{"id": id}
	var x document.OrganizationDoc
	err := q.QueryRow(ctx, `
			SELECT n.slug, o.name, o.short_name, o.org_kind::text, c.slug, p.slug, o.unresolved, o.note
			FROM organizations o
			JOIN entities n ON n.id = o.id
			LEFT JOIN entities c ON c.id = o.country_id
			LEFT JOIN entities p ON p.id = o.parent_id
			WHERE o.id = @id`, args).Scan(&x.Slug, &x.Name, &x.ShortName, &x.Kind, &x.Country, &x.Parent, &x.Unresolved, &x.Note)
	if err := exportedEntity(db.KindOrganization, id, err); err != nil {
		return nil, err
	}
	return &x, nil
}

// exportPlace returns the declaration of the place with id.
func exportPlace(ctx context.Context, q querier, id int64) (*document.PlaceDoc, error) {
	args := pgx.NamedArgs{"id": id}
	var x document.PlaceDoc
	err := q.QueryRow(ctx, `
			SELECT n.slug, pl.name, pl.place_kind::text, c.slug, p.slug
			FROM places pl
			JOIN entities n ON n.id = pl.id
			LEFT JOIN entities c ON c.id = pl.country_id
			LEFT JOIN entities p ON p.id = pl.parent_id
			WHERE pl.id = @id`, args).Scan(&x.Slug, &x.Name, &x.Kind, &x.Country, &x.Parent)
	if err := exportedEntity(db.KindPlace, id, err); err != nil {
		return nil, err
	}
	return &x, nil
}

// exportEvent returns the declaration of the event with id.
func exportEvent(ctx context.Context, q querier, id int64) (*document.EventDoc, error) {
	args := pgx.NamedArgs{"id": id}
	var x document.EventDoc
	err := q.QueryRow(ctx, `
			SELECT n.slug, ev.name, ev.event_kind::text, ev.summary, `+dateDoc("ev", "date")+`,
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
			WHERE ev.id = @id`, args).Scan(&x.Slug, &x.Name, &x.Kind, &x.Summary, &x.Date,
		&x.Place, &x.Venue, &x.Parent, &x.ParticipantDescription, &x.Participants, &x.Topics)
	if err := exportedEntity(db.KindEvent, id, err); err != nil {
		return nil, err
	}
	return &x, nil
}

// exportProject returns the declaration of the project with id.
func exportProject(ctx context.Context, q querier, id int64) (*document.ProjectDoc, error) {
	args := pgx.NamedArgs{"id": id}
	var x document.ProjectDoc
	err := q.QueryRow(ctx, `
			SELECT n.slug, pr.name, pr.project_kind::text, pr.status::text, pr.summary, b.slug, pl.slug,
				`+dateDoc("pr", "completion")+`
			FROM projects pr
			JOIN entities n ON n.id = pr.id
			LEFT JOIN entities b ON b.id = pr.builder_id
			LEFT JOIN entities pl ON pl.id = pr.place_id
			WHERE pr.id = @id`, args).Scan(&x.Slug, &x.Name, &x.Kind, &x.Status, &x.Summary, &x.Builder, &x.Place, &x.Completion)
	if err := exportedEntity(db.KindProject, id, err); err != nil {
		return nil, err
	}
	return &x, nil
}

// exportAgreement returns the declaration of the agreement with id.
func exportAgreement(ctx context.Context, q querier, id int64) (*document.AgreementDoc, error) {
	args := pgx.NamedArgs{"id": id}
	var x document.AgreementDoc
	err := q.QueryRow(ctx, `
			SELECT n.slug, ag.name, coalesce(nullif(ag.agreement_kind::text, '`+db.AgreementKindUnspecified+`'), ''), ag.status::text, ag.summary, `+dateDoc("ag", "date")+`,
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
			WHERE ag.id = @id`, args).Scan(&x.Slug, &x.Name, &x.Kind, &x.Status, &x.Summary, &x.Date,
		&x.Parent, &x.Parties, &x.Places, &x.Projects, &x.Topics)
	if err := exportedEntity(db.KindAgreement, id, err); err != nil {
		return nil, err
	}
	return &x, nil
}

// exportedEntity returns the error of exporting the entity of kind with
// id: ErrNotFound when it has no row of its kind (no entity, or one of
// another kind; the writer's single transaction never leaves an entity
// without its row).
func exportedEntity(kind string, id int64, err error) error {
	if isNoRows(err) {
		return fmt.Errorf("export %s %d: %w", kind, id, db.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("export %s %d: %w", kind, id, err)
	}
	return nil
}

// exportTopic returns the declaration of the topic with id, its parent as a
// slug, or ErrNotFound when there is no such topic.
func exportTopic(ctx context.Context, q querier, id int64) (*document.TopicDoc, error) {
	var t document.TopicDoc
	err := q.QueryRow(ctx, `
		SELECT t.slug, t.label, t.description, p.slug
		FROM topics t LEFT JOIN topics p ON p.id = t.parent_id
		WHERE t.id = @topic`, pgx.NamedArgs{"topic": id}).Scan(&t.Slug, &t.Label, &t.Description, &t.Parent)
	if isNoRows(err) {
		return nil, fmt.Errorf("export topic %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("export topic %d: %w", id, err)
	}
	return &t, nil
}
