package curate

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// An edit of one statement or figure writes only the rows it touches: the
// item's row, its link rows and its evidence, and the positions of the
// article's other items of its kind where the item moves them. It checks
// the item with the importer's own validator, against a document that
// holds the item and what the item may refer to in its article (the
// affiliations the article states, its statements' keys), with the
// article's stored paragraphs for evidence. A handful of statements do
// it, whatever the article holds (see TestItemEditSQL).

// articleItems describes a kind of item that an article's document lists
// by key, statements or figures: T is its document type, R its row's.
type articleItems[T, R any] struct {
	kind, table string // "statement", "statements"; evidence refers to it in column kind+"_id"
	list        func(*document.Document) *[]T
	key         func(*T) *string
	evidence    func(*T) *document.EvidenceList
	// refs lists what the item refers to by slug or key.
	refs func(*T) itemRefs
	// context adds to the document that validates the item what it may
	// refer to in its article.
	context func(*document.Document, *itemCatalog)
	// check, when set, runs on the item in its document before the
	// validator.
	check func(*document.Document, *T) error
	// validate is the validator's check of the document's items.
	validate func(context.Context, *document.Document, []document.Paragraph, document.Catalog) error
	// exportSQL selects items x as fields reads them, after their ids; a
	// WHERE clause on x follows.
	exportSQL string
	fields    func(*T) []any
	// write upserts the item's row and links at position.
	write func(context.Context, *writer, int64, int, *T, *itemCatalog) (int64, error)
	// read queues the statement that reads the item's row back into *R
	// and records the edit in the audit log.
	read func(*pgx.Batch, int64, db.AuditRecord, **R)
	// stored reads the item's row as it is, for an update that changes
	// nothing.
	stored func(context.Context, pgx.Tx, int64) (*R, error)
}

var (
	statementItems = articleItems[document.StatementDoc, db.Statement]{kind: "statement", table: "statements",
		list:     func(d *document.Document) *[]document.StatementDoc { return &d.Statements },
		key:      func(x *document.StatementDoc) *string { return &x.Key },
		evidence: func(x *document.StatementDoc) *document.EvidenceList { return &x.Evidence },
		refs: func(s *document.StatementDoc) itemRefs {
			var r itemRefs
			for _, slug := range []*string{s.Speaker.Person, s.Speaker.Organization, s.Speaker.SpeaksFor, s.Event} {
				if slug != nil {
					r.entities = append(r.entities, *slug)
				}
			}
			r.entities = append(r.entities, s.Mentions...)
			r.topics = s.Topics
			r.affiliations = s.Affiliations
			return r
		},
		context: func(d *document.Document, c *itemCatalog) {
			for key, a := range c.affiliations {
				d.Affiliations = append(d.Affiliations, document.AffiliationDoc{Key: key, Person: a.person})
			}
		},
		check:     citable,
		validate:  document.ValidateStatements,
		exportSQL: exportStatements,
		fields:    statementFields,
		write: func(ctx context.Context, w *writer, articleID int64, position int, s *document.StatementDoc, c *itemCatalog) (int64, error) {
			affiliations := make([]int64, len(s.Affiliations))
			for i, key := range s.Affiliations {
				affiliations[i] = c.affiliations[key].id
			}
			return w.statement(ctx, articleID, position, s, affiliations)
		},
		read: func(b *pgx.Batch, id int64, a db.AuditRecord, row **db.Statement) {
			db.AllStatements.QueueWritten(b, id, a, row)
		},
		stored: db.AllStatements.Written}
	figureItems = articleItems[document.FigureDoc, db.Figure]{kind: "figure", table: "figures",
		list:     func(d *document.Document) *[]document.FigureDoc { return &d.Figures },
		key:      func(x *document.FigureDoc) *string { return &x.Key },
		evidence: func(x *document.FigureDoc) *document.EvidenceList { return &x.Evidence },
		refs: func(f *document.FigureDoc) itemRefs {
			r := itemRefs{entities: []string{f.Subject}, topics: f.Topics}
			if f.Statement != nil {
				r.statements = []string{*f.Statement}
			}
			return r
		},
		context: func(d *document.Document, c *itemCatalog) {
			for key := range c.statements {
				d.Statements = append(d.Statements, document.StatementDoc{Key: key})
			}
		},
		validate:  document.ValidateFigures,
		exportSQL: exportFigures,
		fields:    figureFields,
		write: func(ctx context.Context, w *writer, articleID int64, position int, f *document.FigureDoc, c *itemCatalog) (int64, error) {
			var statement *int64
			if f.Statement != nil {
				id := c.statements[*f.Statement]
				statement = &id
			}
			return w.figure(ctx, articleID, position, f, statement)
		},
		read: func(b *pgx.Batch, id int64, a db.AuditRecord, row **db.Figure) {
			db.AllFigures.QueueWritten(b, id, a, row)
		},
		stored: db.AllFigures.Written}
)

// itemRefs is what one statement or figure refers to: entities and topics
// by slug, statements of its article by key, affiliations by key.
type itemRefs struct {
	entities, topics, statements, affiliations []string
}

// itemCatalog holds what an item refers to, as stored; a reference that is
// not in it names nothing (or, for an affiliation, one its article does
// not state). It answers the validator's questions.
type itemCatalog struct {
	entities     map[string]catalogRow
	topics       map[string]int64
	statements   map[string]int64 // key in the item's article -> id
	affiliations map[string]struct {
		id     int64
		person string
	}
}

// catalogRow is one answer of readCatalog.
type catalogRow struct {
	What      string  `db:"what"`
	Name      string  `db:"name"`
	Kind      *string `db:"kind"`
	PlaceKind *string `db:"place_kind"`
	ID        int64   `db:"id"`
}

// readCatalog reads, in one statement, everything refs names.
func readCatalog(ctx context.Context, tx pgx.Tx, articleID int64, refs itemRefs) (*itemCatalog, error) {
	c := &itemCatalog{entities: map[string]catalogRow{}, topics: map[string]int64{}, statements: map[string]int64{},
		affiliations: map[string]struct {
			id     int64
			person string
		}{}}
	affiliations := []int64{}
	for _, key := range refs.affiliations {
		if n, ok := strings.CutPrefix(key, "affiliation-"); ok {
			if id, err := strconv.ParseInt(n, 10, 64); err == nil {
				affiliations = append(affiliations, id)
			}
		}
	}
	nonNil := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	rows, err := collect[catalogRow](ctx, tx, "references", `
		SELECT 'entity' AS what, e.slug AS name, e.kind::text AS kind, pl.place_kind::text AS place_kind, e.id
		FROM entities e LEFT JOIN places pl ON pl.id = e.id
		WHERE e.slug = ANY(@entities)
		UNION ALL
		SELECT 'topic', t.slug, NULL, NULL, t.id FROM topics t WHERE t.slug = ANY(@topics)
		UNION ALL
		SELECT 'statement', s.key, NULL, NULL, s.id FROM statements s
		WHERE s.article_id = @article_id AND s.key = ANY(@statements)
		UNION ALL
		SELECT 'affiliation', 'affiliation-' || af.id, p.slug, NULL, af.id
		FROM affiliations af JOIN entities p ON p.id = af.person_id
		WHERE af.id = ANY(@affiliations) AND af.id IN (
			SELECT e.affiliation_id FROM evidence e WHERE e.article_id = @article_id
			UNION
			SELECT sa.affiliation_id FROM statement_affiliations sa JOIN statements s ON s.id = sa.statement_id
			WHERE s.article_id = @article_id)`,
		pgx.NamedArgs{"article_id": articleID, "entities": nonNil(refs.entities), "topics": nonNil(refs.topics),
			"statements": nonNil(refs.statements), "affiliations": affiliations})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		switch r.What {
		case "entity":
			c.entities[r.Name] = r
		case "topic":
			c.topics[r.Name] = r.ID
		case "statement":
			c.statements[r.Name] = r.ID
		case "affiliation":
			c.affiliations[r.Name] = struct {
				id     int64
				person string
			}{r.ID, *r.Kind}
		}
	}
	return c, nil
}

func (c *itemCatalog) Entity(_ context.Context, slug string) (kind, placeKind string, ok bool, err error) {
	r, ok := c.entities[slug]
	if !ok {
		return "", "", false, nil
	}
	if r.PlaceKind != nil {
		placeKind = *r.PlaceKind
	}
	return *r.Kind, placeKind, true, nil
}

func (c *itemCatalog) Topic(_ context.Context, slug string) (bool, error) {
	_, ok := c.topics[slug]
	return ok, nil
}

// entityIDs returns the ids of the entities c holds, by slug.
func (c *itemCatalog) entityIDs() map[string]int64 {
	ids := make(map[string]int64, len(c.entities))
	for slug, r := range c.entities {
		ids[slug] = r.ID
	}
	return ids
}

// placedItem is a statement or figure of an article with its first span
// in article order (paragraph 0 when it has none).
type placedItem struct {
	ID        int64  `db:"id"`
	Key       string `db:"key"`
	Version   int    `db:"version"`
	Position  int    `db:"position"`
	Paragraph int    `db:"paragraph"`
	Start     int    `db:"start"`
}

// lockParagraphs locks the article whose id the SQL expression which
// gives (its named arguments in args), so that edits of its items run one
// at a time, and reads its paragraphs. It returns pgx.ErrNoRows when there is no such
// article.
func lockParagraphs(ctx context.Context, tx pgx.Tx, which string, args pgx.NamedArgs) (int64, []document.Paragraph, error) {
	var articleID int64
	var positions, offsets []int
	var texts []string
	err := tx.QueryRow(ctx, `
		SELECT a.id,
			ARRAY(SELECT p.position FROM paragraphs p WHERE p.article_id = a.id ORDER BY p.position),
			ARRAY(SELECT p.text FROM paragraphs p WHERE p.article_id = a.id ORDER BY p.position),
			ARRAY(SELECT p.source_offset FROM paragraphs p WHERE p.article_id = a.id ORDER BY p.position)
		FROM articles a WHERE a.id = `+which+` FOR UPDATE OF a`, args).Scan(&articleID, &positions, &texts, &offsets)
	if err != nil {
		return 0, nil, err
	}
	blocks := make([]document.Paragraph, len(positions))
	for i := range blocks {
		blocks[i] = document.Paragraph{Position: positions[i], Text: texts[i], SourceOffset: offsets[i]}
	}
	return articleID, blocks, nil
}

// placedItems reads the article's items of kind k in position order.
func placedItems[T, R any](ctx context.Context, tx pgx.Tx, k articleItems[T, R], articleID int64) ([]placedItem, error) {
	return collect[placedItem](ctx, tx, k.table, `
		SELECT x.id, x.key, x.version, x.position, coalesce(l.position, 0) AS paragraph, coalesce(l.start_offset, 0) AS start
		FROM `+k.table+` x LEFT JOIN LATERAL (
			SELECT p.position, e.start_offset FROM evidence e JOIN paragraphs p ON p.id = e.paragraph_id
			WHERE e.`+k.kind+`_id = x.id ORDER BY p.position, e.start_offset LIMIT 1) l ON true
		WHERE x.article_id = @article_id
		ORDER BY x.position`, pgx.NamedArgs{"article_id": articleID})
}

// exportItem reads the stored item of kind k with id as its document
// form, with evidence resolved against blocks.
func exportItem[T, R any](ctx context.Context, tx pgx.Tx, k articleItems[T, R], id int64, blocks []document.Paragraph) (*T, error) {
	rows, err := collectItems(ctx, tx, k.kind, k.exportSQL+` WHERE x.id = @id`, pgx.NamedArgs{"id": id}, k.fields)
	if err != nil || len(rows) == 0 {
		return nil, cmp.Or(err, fmt.Errorf("export %s %d: %w", k.kind, id, db.ErrNotFound))
	}
	item := &rows[0].item
	*k.evidence(item), err = exportEvidence(ctx, tx, k.kind+"_id", id, blocks)
	return item, err
}

// exportEvidence reads the evidence of the statement or figure with id (in
// evidence column) in article order, as items that resolve to exactly the
// stored spans.
func exportEvidence(ctx context.Context, tx pgx.Tx, column string, id int64, blocks []document.Paragraph) (document.EvidenceList, error) {
	spans, err := collect[document.Span](ctx, tx, "evidence", `
		SELECT p.position AS paragraph, e.start_offset AS start, e.end_offset AS "end", e.text
		FROM evidence e JOIN paragraphs p ON p.id = e.paragraph_id
		WHERE e.`+column+` = @id
		ORDER BY p.position, e.start_offset, e.end_offset, e.id`, pgx.NamedArgs{"id": id})
	if err != nil {
		return nil, err
	}
	list := document.EvidenceList{}
	for _, s := range spans {
		item, err := spanDoc(blocks, s)
		if err != nil {
			return nil, fmt.Errorf("export evidence: %w", err)
		}
		list = append(list, item)
	}
	return list, nil
}

// validateItem checks item with the validator, in a document that holds it
// and what c found it may refer to; problems come back relative to the
// item.
func validateItem[T, R any](ctx context.Context, k articleItems[T, R], item *T, blocks []document.Paragraph, c *itemCatalog) error {
	doc := &document.Document{Name: "input", Article: &document.ArticleDoc{}}
	*k.list(doc) = []T{*item}
	k.context(doc, c)
	if k.check != nil {
		if err := k.check(doc, item); err != nil {
			return err
		}
	}
	return relative(k.validate(ctx, doc, blocks, c), k.table+"[0]")
}

// writeItem validates and writes item, new or changed, in its article
// with blocks; others are the article's other items of its kind in
// position order, and at is the item's place among them before the edit
// (len(others) for a new item). It returns the item's row as written,
// and records audit in the audit log. Once the item's row is upserted,
// the statements that follow (links, event, positions, evidence, the
// read-back) go in one round trip.
func writeItem[T, R any](ctx context.Context, tx pgx.Tx, actor string, k articleItems[T, R], articleID int64,
	blocks []document.Paragraph, others []placedItem, item *T, at int, audit db.AuditRecord) (*R, error) {
	// Texts first, before any of them reaches SQL.
	if err := document.CheckTexts(item); err != nil {
		return nil, err
	}
	c, err := readCatalog(ctx, tx, articleID, k.refs(item))
	if err != nil {
		return nil, err
	}
	if err := validateItem(ctx, k, item, blocks, c); err != nil {
		return nil, err
	}
	var spans []document.Span
	for _, s := range *k.evidence(item) {
		found, _ := document.ResolveSpan(blocks, s)
		spans = append(spans, found...)
	}
	var lead document.Span
	if len(spans) > 0 {
		lead = spans[0]
	}
	position := place(others, lead, at)
	key := *k.key(item)
	b := &pgx.Batch{}
	w := &writer{tx: tx, actor: actor, ids: c.entityIDs(), batch: b,
		touched: func(kind, x string) bool { return kind == k.kind && x == key }}
	id, err := k.write(ctx, w, articleID, position+1, item, c)
	if err != nil {
		return nil, err
	}
	queueReposition(b, k.table, others, position)
	rows := make([]evidenceRow, len(spans))
	for i, s := range spans {
		rows[i] = evidenceRow{Span: s}
		if k.kind == "statement" {
			rows[i].statement = &id
		} else {
			rows[i].figure = &id
		}
	}
	queueItemEvidence(b, articleID, k.kind+"_id", id, rows)
	var row *R
	k.read(b, id, audit, &row)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return nil, fmt.Errorf("write %s %s: %w", k.kind, key, err)
	}
	return row, nil
}

// place returns the index among others (the article's other items in
// position order) at which an item whose first span is lead goes, at
// being its index before the edit: the writer's order (byFirstSpan) for a
// document that lists each item with its earliest span first.
func place(others []placedItem, lead document.Span, at int) int {
	for j, o := range others {
		c := cmp.Or(cmp.Compare(o.Paragraph, lead.Paragraph), cmp.Compare(o.Start, lead.Start))
		if c > 0 || (c == 0 && j >= at) {
			return j
		}
	}
	return len(others)
}

// queueReposition numbers others from 1 in their order, leaving position
// (0-based) to the edited item, and queues on b the update of the rows
// whose position that changes. (Positions are unique only at commit.)
func queueReposition(b *pgx.Batch, table string, others []placedItem, position int) {
	var ids []int64
	var positions []int
	for j, o := range others {
		want := j + 1
		if j >= position {
			want++
		}
		if o.Position != want {
			ids, positions = append(ids, o.ID), append(positions, want)
		}
	}
	if len(ids) > 0 {
		b.Queue(`UPDATE `+table+` x SET position = n.position
			FROM unnest(@ids::bigint[], @positions::int[]) AS n(id, position) WHERE x.id = n.id`, pgx.NamedArgs{"ids": ids, "positions": positions})
	}
}
