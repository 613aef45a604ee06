package db

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/db/globalid"
)

// Statements: their rows and what they refer to, the statements listing and
// its filter and orderings, and the claims they share.

// ArticleItem is what statements and figures, the items curated from an
// article, have alike: their article, and their Position, which orders
// them in it. Each embeds it.
type ArticleItem struct {
	ID        int64 `db:"id"`
	ArticleID int64 `db:"article_id"`
	Position  int   `db:"position"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
}

// StatementSpeaker says who made a statement, as the document's
// SpeakerDoc does: exactly one of SpeakerID (a PERSON or ORGANIZATION, per
// SpeakerKind) and SpeakerDescription (someone the article does not name)
// is set; SpeakerOrganizationID is the organization an unnamed speaker
// speaks for.
type StatementSpeaker struct {
	SpeakerID             *int64  `db:"speaker_id"`
	SpeakerKind           *string `db:"speaker_kind"`
	SpeakerDescription    *string `db:"speaker_description"`
	SpeakerOrganizationID *int64  `db:"speaker_organization_id"`
}

// Statement is one claim attributed to a speaker (StatementSpeaker),
// speaking in SpeakerRole when the article gives one.
type Statement struct {
	ArticleItem
	StatementSpeaker
	SpeakerRole *string `db:"speaker_role"`
	Verb        string  `db:"verb"`
	Mode        string  `db:"mode"`
	Content     string  `db:"content"`
	EventID     *int64  `db:"event_id"`
	Keyset
}

// GlobalID returns the statement's global ID in the API.
func (s *Statement) GlobalID() string { return globalid.Encode(globalid.Statement, s.ID) }

// The statements listing's FROM and columns.
const (
	statementFrom    = `statements s`
	statementColumns = `s.id, s.article_id, s.position, s.speaker_id, upper(s.speaker_kind::text) AS speaker_kind,
		s.speaker_description, s.speaker_organization_id, s.speaker_role, upper(s.verb::text) AS verb,
		upper(s.mode::text) AS mode, s.content, s.event_id, s.version`
)

const statementsByID = `
	SELECT s.id, s.article_id, s.position, s.speaker_id, upper(s.speaker_kind::text) AS speaker_kind,
		s.speaker_description, s.speaker_organization_id, s.speaker_role, upper(s.verb::text) AS verb,
		upper(s.mode::text) AS mode, s.content, s.event_id, s.version
	FROM statements s WHERE s.id = ANY(@ids)`

// Statements reads statements by id.
func (s *Store) Statements(ctx context.Context, ids []int64) ([]*Statement, error) {
	return readByIDs[Statement](ctx, s.read(ctx), "statements", statementsByID, ids)
}

const statementAffiliations = `
	SELECT sa.statement_id AS list_parent, af.id, af.person_id, af.organization_id, af.place_id, af.role, af.former
	FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
	WHERE sa.statement_id = ANY(@parents) ORDER BY sa.statement_id, af.former, af.id`

// StatementAffiliations reads the affiliations each statement's speaker
// role refers to, with their organizations and places.
func (s *Store) StatementAffiliations(ctx context.Context, statements []int64) (map[int64][]*Affiliation, error) {
	return s.affiliationsWithRefs(ctx, "statement affiliations", statementAffiliations, statements)
}

const statementMentions = `
	SELECT x.statement_id AS list_parent, x.entity_id, upper(n.kind::text) AS entity_kind, NULL::text AS role
	FROM statement_mentions x JOIN entities n ON n.id = x.entity_id
	WHERE x.statement_id = ANY(@parents) ORDER BY x.statement_id, x.entity_id`

// StatementMentions reads the entities statements name.
func (s *Store) StatementMentions(ctx context.Context, statements []int64) (map[int64][]*EntityRef, error) {
	return children[EntityRef](ctx, s.read(ctx), "statement mentions", statementMentions, statements)
}

const statementFigures = `
	SELECT f.statement_id AS list_parent, f.id, f.article_id, f.position, f.metric, f.value::text AS value,
		upper(f.unit::text) AS unit, f.currency, f.display, f.subject_id, upper(fs.kind::text) AS subject_kind, f.statement_id,
		partial_date_json(f.period_year, f.period_month, f.period_day, f.period_precision, f.period_text, f.period_inferred, f.period_basis) AS period,
		partial_date_json(f.base_year, f.base_month, f.base_day, f.base_precision, f.base_text, f.base_inferred, f.base_basis) AS base,
		partial_date_json(f.value_date_year, f.value_date_month, f.value_date_day, f.value_date_precision,
			f.value_date_text, f.value_date_inferred, f.value_date_basis) AS value_date,
		f.version
	FROM figures f JOIN entities fs ON fs.id = f.subject_id
	WHERE f.statement_id = ANY(@parents) ORDER BY f.position, f.id`

// StatementFigures reads the figures statements state, in reading order.
func (s *Store) StatementFigures(ctx context.Context, statements []int64) (map[int64][]*Figure, error) {
	return children[Figure](ctx, s.read(ctx), "statement figures", statementFigures, statements)
}

// sameStatementClaims reads, for each statement @parents names, the first
// 100 (MaxPageSize) others of its speaker with the same words.
const sameStatementClaims = `
	SELECT s0.id AS list_parent, c.*
	FROM statements s0, LATERAL (
		SELECT s.id, s.article_id, s.position, s.speaker_id, upper(s.speaker_kind::text) AS speaker_kind,
			s.speaker_description, s.speaker_organization_id, s.speaker_role, upper(s.verb::text) AS verb,
			upper(s.mode::text) AS mode, s.content, s.event_id, s.version
		FROM statements s
		WHERE s.speaker_id = s0.speaker_id AND claim_text(s.content) = claim_text(s0.content) AND s.id <> s0.id
		ORDER BY s.id LIMIT 100) c
	WHERE s0.id = ANY(@parents) AND s0.speaker_id IS NOT NULL ORDER BY s0.id, c.id`

// SameStatementClaims reads, for each statement by a named speaker, the
// other statements of that speaker with the same words (case and
// punctuation aside: claim_text, migration 000013), oldest first: the
// first MaxPageSize of them.
func (s *Store) SameStatementClaims(ctx context.Context, statements []int64) (map[int64][]*Statement, error) {
	return children[Statement](ctx, s.pool, "same statement claims", sameStatementClaims, statements)
}

// StatementFilter selects statements; see the API's StatementFilter.
type StatementFilter struct {
	Boolean[StatementFilter]
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
}

func (f *StatementFilter) conditions(w *where) {
	w.ids("s.id", f.IDs)
	w.ids("s.speaker_id", f.Speakers)
	if f.SpeakerOrganizations != nil {
		tree := organizationTree(w.l.arg(f.SpeakerOrganizations))
		w.add(`(s.speaker_id = ANY(` + tree + `) OR s.speaker_organization_id = ANY(` + tree + `)
			OR EXISTS (SELECT 1 FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
				WHERE sa.statement_id = s.id AND af.organization_id = ANY(` + tree + `)))`)
	}
	if f.SpeakerCountries != nil {
		arg := w.l.arg(f.SpeakerCountries)
		w.add(`(EXISTS (SELECT 1 FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
				LEFT JOIN organizations o ON o.id = af.organization_id
				WHERE sa.statement_id = s.id AND (af.place_id = ANY(` + arg + `) OR o.country_id = ANY(` + arg + `)))
			OR EXISTS (SELECT 1 FROM organizations o WHERE o.id IN (s.speaker_id, s.speaker_organization_id)
				AND o.country_id = ANY(` + arg + `)))`)
	}
	w.tagged("statement_topics", "statement_id", "s.id", f.Topics)
	w.enums("s.verb", f.Verbs)
	if f.Mode != nil {
		w.add(`s.mode::text = ` + w.l.arg(strings.ToLower(*f.Mode)))
	}
	w.ids("s.article_id", f.Articles)
	if f.Published != nil {
		w.add(`EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id AND ` + w.l.overlaps("a.published_range", f.Published) + `)`)
	}
	w.matches("s.search", f.Text)
}

// articleOrder lists statements article by article, each in reading order.
var articleOrder = inArticles("s")

// statementOrders are the statements listing's orderings: article by
// article unless asked otherwise.
var statementOrders = orders{
	"": func(desc bool) ordering {
		return ordering{name: "statements.article", desc: desc, keys: inArticles("s")}
	},
	"ARTICLE": func(desc bool) ordering {
		return ordering{name: "statements.article", desc: desc, keys: inArticles("s")}
	},
	"PUBLISHED": func(desc bool) ordering {
		return byDateKeys("statements.published", "s.published", desc, inArticles("s")...)
	},
	"SPEAKER": func(desc bool) ordering { return byText("statements.speaker", "s.speaker_name", "s.id", desc) },
}

// AllStatements is the statements listing: article by article unless
// asked otherwise.
var AllStatements = Listing[Statement, *StatementFilter]{name: "statements", from: statementFrom, columns: statementColumns, ids: []string{"s.id"}}
