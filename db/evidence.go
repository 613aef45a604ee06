package db

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Evidence: the spans of the articles' paragraphs that support the facts
// (statements, figures, affiliations, credits) and name the entities.

// Evidence is an exact span of a paragraph: Start and End count characters
// from the paragraph's start (End exclusive); SourceStart and SourceEnd count
// from the start of the article's source text.
type Evidence struct {
	ID          int64  `db:"id"`
	ArticleID   int64  `db:"article_id"`
	ParagraphID int64  `db:"paragraph_id"`
	Start       int    `db:"start_offset"`
	End         int    `db:"end_offset"`
	SourceStart int    `db:"source_start"`
	SourceEnd   int    `db:"source_end"`
	Text        string `db:"text"`
	// Paragraph is the paragraph ParagraphID names, read with the evidence
	// (every read of evidence joins it anyway).
	Paragraph *Paragraph `db:"-"`
	evidenceParagraph
	Keyset
}

// evidenceParagraph holds the columns of an evidence's paragraph as read
// with it, until withParagraph makes them its Paragraph.
type evidenceParagraph struct {
	ParagraphPosition int    `db:"paragraph_position"`
	ParagraphKind     string `db:"paragraph_kind"`
	ParagraphText     string `db:"paragraph_text"`
	ParagraphOffset   int    `db:"paragraph_source_offset"`
}

// withParagraph sets e.Paragraph from the columns read with it.
func (e *Evidence) withParagraph() *Evidence {
	p := e.evidenceParagraph
	e.Paragraph = &Paragraph{ID: e.ParagraphID, ArticleID: e.ArticleID, Position: p.ParagraphPosition,
		Kind: p.ParagraphKind, Text: p.ParagraphText, SourceOffset: p.ParagraphOffset}
	e.evidenceParagraph = evidenceParagraph{}
	return e
}

// EvidenceOwner names what a piece of evidence supports.
type EvidenceOwner string

// The facts evidence supports; EntityEvidence is where entities are named.
const (
	StatementEvidence   EvidenceOwner = "statement_id"
	FigureEvidence      EvidenceOwner = "figure_id"
	AffiliationEvidence EvidenceOwner = "affiliation_id"
	CreditEvidence      EvidenceOwner = "credit_id"
	EntityEvidence      EvidenceOwner = "entity_id"
)

// EvidenceKey is a fact that evidence supports: a statement, a figure, ...
// (Owner) and its id.
type EvidenceKey struct {
	Owner EvidenceOwner
	ID    int64
}

// evidenceOwners are the kinds of owner in the order EvidenceOfAll reads
// them, and evidenceOf reads the evidence of each with its paragraphs, by
// its owner's index. EvidenceOfAll joins the statements of the kinds asked
// for with UNION ALL, so that each combination is planned for itself (one
// statement of all five, the kinds not asked for given empty arrays, got a
// generic plan of parallel workers: 0.4 s where it takes a millisecond).
var (
	evidenceOwners = []EvidenceOwner{StatementEvidence, FigureEvidence, AffiliationEvidence, CreditEvidence, EntityEvidence}
	evidenceOf     = map[EvidenceOwner]string{
		StatementEvidence: `SELECT 'statement_id' AS list_owner, e.statement_id AS list_parent, ` + evidenceColumns + `
			FROM evidence e JOIN paragraphs ep ON ep.id = e.paragraph_id WHERE e.statement_id = ANY(@statements)`,
		FigureEvidence: `SELECT 'figure_id' AS list_owner, e.figure_id AS list_parent, ` + evidenceColumns + `
			FROM evidence e JOIN paragraphs ep ON ep.id = e.paragraph_id WHERE e.figure_id = ANY(@figures)`,
		AffiliationEvidence: `SELECT 'affiliation_id' AS list_owner, e.affiliation_id AS list_parent, ` + evidenceColumns + `
			FROM evidence e JOIN paragraphs ep ON ep.id = e.paragraph_id WHERE e.affiliation_id = ANY(@affiliations)`,
		CreditEvidence: `SELECT 'credit_id' AS list_owner, e.credit_id AS list_parent, ` + evidenceColumns + `
			FROM evidence e JOIN paragraphs ep ON ep.id = e.paragraph_id WHERE e.credit_id = ANY(@credits)`,
		EntityEvidence: `SELECT 'entity_id' AS list_owner, e.entity_id AS list_parent, ` + evidenceColumns + `
			FROM evidence e JOIN paragraphs ep ON ep.id = e.paragraph_id WHERE e.entity_id = ANY(@entities)`,
	}
	// evidenceArgNames names the argument of each kind's statement.
	evidenceArgNames = map[EvidenceOwner]string{StatementEvidence: "statements", FigureEvidence: "figures",
		AffiliationEvidence: "affiliations", CreditEvidence: "credits", EntityEvidence: "entities"}
)

// evidenceOrder is the order of EvidenceOfAll's rows.
const evidenceOrder = `
	ORDER BY list_owner, list_parent, article_id, paragraph_position, start_offset, id`

// evidenceColumns are the columns of Evidence: the span's and its
// paragraph's (ep).
const evidenceColumns = `e.id, e.article_id, e.paragraph_id, e.start_offset, e.end_offset,
		ep.source_offset + e.start_offset AS source_start, ep.source_offset + e.end_offset AS source_end, e.text,
		ep.position AS paragraph_position, upper(ep.kind::text) AS paragraph_kind, ep.text AS paragraph_text,
		ep.source_offset AS paragraph_source_offset`

// EvidenceOfAll reads the evidence of facts of any kinds, with its
// paragraphs, in reading order (article by article), in one statement.
func (s *Store) EvidenceOfAll(ctx context.Context, keys []EvidenceKey) (map[EvidenceKey][]*Evidence, error) {
	ids := map[EvidenceOwner][]int64{}
	for _, k := range keys {
		if _, ok := evidenceOf[k.Owner]; !ok {
			return nil, fmt.Errorf("evidence of %q: unknown", k.Owner)
		}
		ids[k.Owner] = append(ids[k.Owner], k.ID)
	}
	var branches []string
	args := pgx.NamedArgs{}
	for _, owner := range evidenceOwners {
		if len(ids[owner]) > 0 {
			branches = append(branches, evidenceOf[owner])
			args[evidenceArgNames[owner]] = ids[owner]
		}
	}
	out := make(map[EvidenceKey][]*Evidence, len(keys))
	if len(branches) == 0 {
		return out, nil
	}
	type row struct {
		Evidence
		Owner EvidenceOwner `db:"list_owner"`
	}
	rows, err := fetchAll[row](ctx, s.read(ctx), strings.Join(branches, "\n\tUNION ALL\n\t")+evidenceOrder, args)
	if err != nil {
		return nil, fmt.Errorf("read evidence: %w", err)
	}
	for _, r := range rows {
		k := EvidenceKey{Owner: r.Owner, ID: r.Parent}
		ev := r.Evidence
		out[k] = append(out[k], ev.withParagraph())
	}
	return out, nil
}

// MentionKey is an entity in an article.
type MentionKey struct {
	Entity, Article int64
}

const mentions = `
	SELECT e.entity_id AS mention_entity, e.id, e.article_id, e.paragraph_id, e.start_offset, e.end_offset,
		ep.source_offset + e.start_offset AS source_start, ep.source_offset + e.end_offset AS source_end, e.text,
		ep.position AS paragraph_position, upper(ep.kind::text) AS paragraph_kind, ep.text AS paragraph_text,
		ep.source_offset AS paragraph_source_offset
	FROM unnest(@entities::bigint[], @articles::bigint[]) AS k(entity_id, article_id)
	JOIN evidence e ON e.entity_id = k.entity_id AND e.article_id = k.article_id
	JOIN paragraphs ep ON ep.id = e.paragraph_id
	ORDER BY ep.position, e.start_offset, e.id`

// Mentions reads where each article names each entity, with the
// paragraphs, in reading order.
func (s *Store) Mentions(ctx context.Context, keys []MentionKey) (map[MentionKey][]*Evidence, error) {
	entities := make([]int64, len(keys))
	articles := make([]int64, len(keys))
	for i, k := range keys {
		entities[i], articles[i] = k.Entity, k.Article
	}
	type row struct {
		Evidence
		Entity int64 `db:"mention_entity"`
	}
	rows, err := fetchAll[row](ctx, s.read(ctx), mentions, pgx.NamedArgs{"entities": entities, "articles": articles})
	if err != nil {
		return nil, fmt.Errorf("read mentions: %w", err)
	}
	out := map[MentionKey][]*Evidence{}
	for _, r := range rows {
		k := MentionKey{Entity: r.Entity, Article: r.ArticleID}
		ev := r.Evidence
		out[k] = append(out[k], ev.withParagraph())
	}
	return out, nil
}
