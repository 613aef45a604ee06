package curate

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// Edits are the API's create, update and delete operations, one item at a
// time. An edit of a statement or figure writes only that item's rows,
// checked by the importer's own validator and written by its writer (see
// item.go), in one transaction that holds the article's row lock; an edit
// of an entity or topic writes a document that declares just that item
// (and, when the edit gives evidence, the document of the article it
// quotes), exported from the database. So an edit obeys exactly the rules
// an import does, and a refused edit changes nothing.
//
// Problems with the input come back as a *ValidationError whose paths are
// relative to the item ("evidence[0]", "speaker.person"); a stale version
// is a problem with code CodeConflict at path "version".

// Mention is where an article names an entity: evidence quoted from it.
type Mention struct {
	ArticleID int64
	Evidence  document.EvidenceList
}

// Deleted says what a cascading delete removed besides the item: the rows
// that could not exist without it.
type Deleted struct {
	Cascaded []Ref
}

// Ref names a row: its kind (statement, figure, person, ..., topic) and id.
type Ref struct {
	Kind string
	ID   int64
}

// Creates and updates return the row as their transaction read it before
// it committed, so that a caller answers from what was stored: once the
// commit succeeds the write is done, whether or not the database still
// answers afterwards.

// CreateStatement adds st to the article and returns the new statement.
// An empty st.Key is replaced by a fresh one.
func CreateStatement(ctx context.Context, s *db.Store, actor string, articleID int64, st document.StatementDoc) (*db.Statement, error) {
	return createItem(ctx, s, actor, articleID, st, statementItems)
}

// UpdateStatement changes the statement with id, if version is its
// current version: change receives the statement as stored and edits it.
// It returns the statement as changed.
func UpdateStatement(ctx context.Context, s *db.Store, actor string, id int64, version int, change func(*document.StatementDoc) error) (*db.Statement, error) {
	return updateItem(ctx, s, actor, id, version, change, statementItems)
}

// DeleteStatement deletes the statement with id (if version, when given,
// is current). Figures that cite it as their source make it a conflict,
// unless cascade deletes them too.
func DeleteStatement(ctx context.Context, s *db.Store, actor string, id int64, version *int, cascade bool) (Deleted, error) {
	var out Deleted
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		if err := lockArticleOf(ctx, tx, "statement", "statements", id); err != nil {
			return err
		}
		var citing []int64
		var citingKeys []string
		err := tx.QueryRow(ctx, `
			SELECT ARRAY(SELECT f.id FROM figures f WHERE f.statement_id = @statement ORDER BY f.position),
				ARRAY(SELECT f.key FROM figures f WHERE f.statement_id = @statement ORDER BY f.position)`, pgx.NamedArgs{"statement": id}).Scan(&citing, &citingKeys)
		if err != nil {
			return fmt.Errorf("look up figures citing the statement: %w", err)
		}
		key, current, err := deleteItem(ctx, tx, "statement", "statements", id)
		if err != nil {
			return err
		}
		if err := checkVersion("statement", version, current); err != nil {
			return err
		}
		if len(citing) > 0 {
			if !cascade {
				return conflict("", "the statement is the source of figure(s) %s; delete them first, or pass cascade to delete them with it",
					strings.Join(citingKeys, ", "))
			}
			for _, fid := range citing {
				out.Cascaded = append(out.Cascaded, Ref{Kind: "figure", ID: fid})
			}
			_, err := tx.Exec(ctx, `
				WITH gone AS (DELETE FROM figures WHERE id = ANY(@figures) RETURNING article_id)
				UPDATE figures x SET position = n.position
				FROM (SELECT f.id, row_number() OVER (ORDER BY f.position) AS position FROM figures f
					WHERE f.article_id = (SELECT article_id FROM gone LIMIT 1) AND NOT (f.id = ANY(@figures))) n
				WHERE x.id = n.id AND x.position <> n.position`, pgx.NamedArgs{"figures": citing})
			if err != nil {
				return fmt.Errorf("delete figures citing the statement: %w", err)
			}
		}
		if err := recordEvents(ctx, tx, db.ActionDeleted, append([]Ref{{Kind: "statement", ID: id}}, out.Cascaded...)); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "delete_statement", "statement", id, map[string]any{"key": key, "cascaded": out.Cascaded})
	})
	return out, err
}

// DeleteArticle deletes the article with id (if version, when given, is
// current) and everything curated from it: its paragraphs, credits,
// statements, figures, topic tags and evidence, so the mentions of entities
// in it too. The entities, topics and affiliations it names stay: they are
// shared by all articles (delete them on their own). Deleted lists the
// statements and figures that went with it.
func DeleteArticle(ctx context.Context, s *db.Store, actor string, id int64, version *int) (Deleted, error) {
	var out Deleted
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		var slug string
		var current int
		err := tx.QueryRow(ctx, `SELECT slug, version FROM articles WHERE id = @article FOR UPDATE`, pgx.NamedArgs{"article": id}).Scan(&slug, &current)
		if isNoRows(err) {
			return notFound("id", "no article has this id")
		}
		if err != nil {
			return fmt.Errorf("lock article: %w", err)
		}
		if err := checkVersion("article", version, current); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `
			SELECT 'statement', s.id FROM statements s WHERE s.article_id = @article
			UNION ALL SELECT 'figure', f.id FROM figures f WHERE f.article_id = @article
			ORDER BY 1 DESC, 2`, pgx.NamedArgs{"article": id})
		if err != nil {
			return fmt.Errorf("list the article's items: %w", err)
		}
		if out.Cascaded, err = pgx.CollectRows(rows, pgx.RowToStructByPos[Ref]); err != nil {
			return fmt.Errorf("list the article's items: %w", err)
		}
		// Everything else goes with the article's row (ON DELETE CASCADE).
		if _, err := tx.Exec(ctx, `DELETE FROM articles WHERE id = @article`, pgx.NamedArgs{"article": id}); err != nil {
			return fmt.Errorf("delete article %s: %w", slug, err)
		}
		_, err = tx.Exec(ctx, `
			WITH e AS (INSERT INTO change_events (kind, subject_id) VALUES (@kind, @article) RETURNING id)
			SELECT pg_notify('`+db.EventChannel+`', id::text) FROM e`, pgx.NamedArgs{"kind": db.EventArticleDeleted, "article": id})
		if err != nil {
			return fmt.Errorf("record %s event: %w", db.EventArticleDeleted, err)
		}
		if err := recordEvents(ctx, tx, db.ActionDeleted, out.Cascaded); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "delete_article", "article", id, map[string]any{"slug": slug, "cascaded": out.Cascaded})
	})
	return out, err
}

// CreateFigure adds f to the article and returns the new figure. An empty
// f.Key is replaced by a fresh one; f.Statement is a statement's key.
func CreateFigure(ctx context.Context, s *db.Store, actor string, articleID int64, f document.FigureDoc) (*db.Figure, error) {
	return createItem(ctx, s, actor, articleID, f, figureItems)
}

// UpdateFigure changes the figure with id, if version is its current
// version: change receives the figure as stored and edits it. It returns
// the figure as changed.
func UpdateFigure(ctx context.Context, s *db.Store, actor string, id int64, version int, change func(*document.FigureDoc) error) (*db.Figure, error) {
	return updateItem(ctx, s, actor, id, version, change, figureItems)
}

// createItem adds item to the article and writes it; an empty key is
// replaced by a fresh one.
func createItem[T, R any](ctx context.Context, s *db.Store, actor string, articleID int64, item T, k articleItems[T, R]) (*R, error) {
	var row *R
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		articleID, blocks, err := lockParagraphs(ctx, tx, "@article", pgx.NamedArgs{"article": articleID})
		if isNoRows(err) {
			return notFound("article", "no article has this id")
		}
		if err != nil {
			return fmt.Errorf("lock article: %w", err)
		}
		others, err := placedItems(ctx, tx, k, articleID)
		if err != nil {
			return err
		}
		key := k.key(&item)
		if *key == "" {
			*key = freshKey(k.kind, others, func(x placedItem) string { return x.Key })
		}
		if slices.ContainsFunc(others, func(x placedItem) bool { return x.Key == *key }) {
			return conflict("key", "%q is already the key of %s of this article", *key, db.Indefinite(k.kind))
		}
		row, err = writeItem(ctx, tx, actor, k, articleID, blocks, others, &item, len(others),
			db.AuditRecord{Actor: actor, Action: "create_" + k.kind, TargetType: k.kind, Detail: map[string]any{"article_id": articleID, "key": *key}})
		return err
	})
	return row, err
}

// updateItem lets change edit the stored item with id, if version is its
// current version, and writes it. An edit that leaves the item as stored
// writes nothing (no new version, audit entry or change event) and
// returns the item as it is.
func updateItem[T, R any](ctx context.Context, s *db.Store, actor string, id int64, version int, change func(*T) error, k articleItems[T, R]) (*R, error) {
	var row *R
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		articleID, blocks, err := lockParagraphs(ctx, tx, "(SELECT article_id FROM "+k.table+" WHERE id = @item)", pgx.NamedArgs{"item": id})
		if isNoRows(err) {
			return notFound("id", "no %s has this id", k.kind)
		}
		if err != nil {
			return fmt.Errorf("lock article: %w", err)
		}
		all, err := placedItems(ctx, tx, k, articleID)
		if err != nil {
			return err
		}
		at := slices.IndexFunc(all, func(x placedItem) bool { return x.ID == id })
		if at < 0 {
			return notFound("id", "no %s has this id", k.kind)
		}
		if err := checkVersion(k.kind, &version, all[at].Version); err != nil {
			return err
		}
		key := all[at].Key
		stored, err := exportItem(ctx, tx, k, id, blocks)
		if err != nil {
			return err
		}
		item, err := exportItem(ctx, tx, k, id, blocks)
		if err != nil {
			return err
		}
		if err := change(item); err != nil {
			return err
		}
		*k.key(item) = key
		if reflect.DeepEqual(item, stored) {
			row, err = k.stored(ctx, tx, id)
			return err
		}
		others := slices.Delete(slices.Clone(all), at, at+1)
		row, err = writeItem(ctx, tx, actor, k, articleID, blocks, others, item, at,
			db.AuditRecord{Actor: actor, Action: "update_" + k.kind, TargetType: k.kind, Detail: map[string]any{"key": key, "version": version + 1}})
		return err
	})
	return row, err
}

// lockArticleOf locks the article of the statement or figure with id in
// table, so that edits of its items run one at a time.
func lockArticleOf(ctx context.Context, tx pgx.Tx, kind, table string, id int64) error {
	var articleID int64
	err := tx.QueryRow(ctx, `SELECT id FROM articles WHERE id = (SELECT article_id FROM `+table+` WHERE id = @item) FOR UPDATE`, pgx.NamedArgs{"item": id}).Scan(&articleID)
	if isNoRows(err) {
		return notFound("id", "no %s has this id", kind)
	}
	if err != nil {
		return fmt.Errorf("lock article: %w", err)
	}
	return nil
}

// deleteItem deletes the statement or figure with id in table, moves the
// article's later items of its kind up one place, and returns its key
// and version.
func deleteItem(ctx context.Context, tx pgx.Tx, kind, table string, id int64) (key string, version int, err error) {
	err = tx.QueryRow(ctx, `
		WITH gone AS (DELETE FROM `+table+` WHERE id = @item RETURNING article_id, key, version, position),
			moved AS (UPDATE `+table+` x SET position = x.position - 1 FROM gone
				WHERE x.article_id = gone.article_id AND x.position > gone.position)
		SELECT key, version FROM gone`, pgx.NamedArgs{"item": id}).Scan(&key, &version)
	if isNoRows(err) {
		return "", 0, notFound("id", "no %s has this id", kind)
	}
	if err != nil {
		return "", 0, fmt.Errorf("delete %s: %w", kind, err)
	}
	return key, version, nil
}

// DeleteFigure deletes the figure with id (if version, when given, is
// current). Nothing refers to a figure.
func DeleteFigure(ctx context.Context, s *db.Store, actor string, id int64, version *int) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		if err := lockArticleOf(ctx, tx, "figure", "figures", id); err != nil {
			return err
		}
		key, current, err := deleteItem(ctx, tx, "figure", "figures", id)
		if err != nil {
			return err
		}
		if err := checkVersion("figure", version, current); err != nil {
			return err
		}
		if err := recordEvents(ctx, tx, db.ActionDeleted, []Ref{{Kind: "figure", ID: id}}); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "delete_figure", "figure", id, map[string]any{"key": key})
	})
}

// citable checks that every affiliation st cites is one its article
// states: the document's affiliations are those with evidence in it.
func citable(doc *document.Document, st *document.StatementDoc) error {
	var problems []db.Problem
	for i, key := range st.Affiliations {
		if !slices.ContainsFunc(doc.Affiliations, func(a document.AffiliationDoc) bool { return a.Key == key }) {
			problems = append(problems, db.Problem{Document: "input", Path: fmt.Sprintf("affiliations[%d]", i),
				Message: "is not an affiliation this article states: cite one with evidence in the same article"})
		}
	}
	if problems != nil {
		return &db.ValidationError{Problems: problems}
	}
	return nil
}

// AffiliationKeys returns the document keys of affiliations, as exported
// with their article: affiliations a statement of that article may cite.
func AffiliationKeys(ids []int64) []string {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = affiliationKey(id)
	}
	return keys
}

// An EntityKind is one kind of entity as the edits write it: D is its
// declaration (*document.PersonDoc, ...), R its row as the API reads it
// (db.Person, ...). The kinds are People, Organizations, Places, Events,
// Projects and Agreements.
type EntityKind[D document.Declaration, R any] struct {
	kind   string
	export func(context.Context, querier, int64) (D, error)
	read   func(context.Context, pgx.Tx, int64) (*R, error)
	id     func(*R) int64
}

// RowID returns the id of a row of the kind.
func (k EntityKind[D, R]) RowID(row *R) int64 { return k.id(row) }

// The kinds of entities.
var (
	People = EntityKind[*document.PersonDoc, db.Person]{db.KindPerson, exportPerson, db.AllPeople.Written,
		func(r *db.Person) int64 { return r.ID }}
	Organizations = EntityKind[*document.OrganizationDoc, db.Organization]{db.KindOrganization, exportOrganization,
		db.AllOrganizations.Written, func(r *db.Organization) int64 { return r.ID }}
	Places = EntityKind[*document.PlaceDoc, db.Place]{db.KindPlace, exportPlace, db.AllPlaces.Written,
		func(r *db.Place) int64 { return r.ID }}
	Events = EntityKind[*document.EventDoc, db.Event]{db.KindEvent, exportEvent, db.AllEvents.Written,
		func(r *db.Event) int64 { return r.ID }}
	Projects = EntityKind[*document.ProjectDoc, db.Project]{db.KindProject, exportProject, db.AllProjects.Written,
		func(r *db.Project) int64 { return r.ID }}
	Agreements = EntityKind[*document.AgreementDoc, db.Agreement]{db.KindAgreement, exportAgreement, db.AllAgreements.Written,
		func(r *db.Agreement) int64 { return r.ID }}
)

// CreateEntity declares a new entity of kind k and returns its row as
// written; mention, when set, quotes where an article names it.
func CreateEntity[D document.Declaration, R any](ctx context.Context, s *db.Store, actor string, k EntityKind[D, R], decl D, mention *Mention) (*R, error) {
	if err := document.CheckTexts(decl); err != nil {
		return nil, err
	}
	var row *R
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		kind, slug := decl.Declared()
		var taken string
		err := tx.QueryRow(ctx, `SELECT kind::text FROM entities WHERE slug = @slug`, pgx.NamedArgs{"slug": slug}).Scan(&taken)
		switch {
		case err == nil:
			return conflict("slug", "%q is already the slug of %s", slug, db.Indefinite(taken))
		case !isNoRows(err):
			return fmt.Errorf("look up slug: %w", err)
		}
		if err := declare(ctx, tx, actor, decl, mention); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRow(ctx, `SELECT id FROM entities WHERE slug = @slug`, pgx.NamedArgs{"slug": slug}).Scan(&id); err != nil {
			return fmt.Errorf("created %s %s: %w", kind, slug, err)
		}
		if row, err = k.read(ctx, tx, id); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "create_"+kind, kind, id, map[string]any{"slug": slug})
	})
	return row, err
}

// UpdateEntity changes the entity with id, if version is its current
// version and it is of kind k: change receives its declaration as stored
// and edits it, slug included. mention, when set, replaces the evidence of
// where that article names it. It returns the entity's row as changed.
func UpdateEntity[D document.Declaration, R any](ctx context.Context, s *db.Store, actor string, k EntityKind[D, R], id int64, version int, change func(D) error, mention *Mention) (*R, error) {
	lock := func(ctx context.Context, tx pgx.Tx, version *int) (kind, slug string, err error) {
		return lockEntity(ctx, tx, id, version, k.kind)
	}
	return updateDeclaration(ctx, s, actor, "entities", id, version, lock, k.export, k.read, change, mention)
}

// updateDeclaration changes the entity or topic with id (its slug in
// table, entities or topics), if version is its current version: lock
// locks its row, checks version and returns its kind and slug; export
// reads its declaration, which change edits; read reads its row back once
// written. Its writer records its updated event; the audit log records the
// update. An edit that leaves the declaration as stored, with no mention
// to record, writes nothing and returns the row as it is.
func updateDeclaration[D document.Declaration, R any](ctx context.Context, s *db.Store, actor, table string, id int64, version int,
	lock func(context.Context, pgx.Tx, *int) (kind, slug string, err error),
	export func(context.Context, querier, int64) (D, error),
	read func(context.Context, pgx.Tx, int64) (*R, error),
	change func(D) error, mention *Mention) (*R, error) {
	var row *R
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		kind, slug, err := lock(ctx, tx, &version)
		if err != nil {
			return err
		}
		stored, err := export(ctx, tx, id)
		if err != nil {
			return err
		}
		decl, err := export(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := change(decl); err != nil {
			return err
		}
		if mention == nil && reflect.DeepEqual(decl, stored) {
			row, err = read(ctx, tx, id)
			return err
		}
		if err := document.CheckTexts(decl); err != nil {
			return err
		}
		_, renamed := decl.Declared()
		if renamed != slug {
			if err := rename(ctx, tx, table, id, renamed); err != nil {
				return err
			}
		}
		if err := noCycle(ctx, tx, kind, id, decl.ParentSlug()); err != nil {
			return err
		}
		if err := declare(ctx, tx, actor, decl, mention); err != nil {
			return err
		}
		if row, err = read(ctx, tx, id); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "update_"+kind, kind, id, map[string]any{"slug": renamed, "version": version + 1})
	})
	return row, err
}

// reference is a column that refers to an entity or topic. A required
// reference cannot outlive its target: cascade deletes its row. An optional
// one is cleared instead.
type reference struct {
	table, column, what string
	required            bool
	// kind of the row a cascade deletes ("" for a link row), for the
	// payload's list of what went with the item.
	kind string
}

var entityReferences = []reference{
	{"statements", "speaker_id", "statement(s) as their speaker", true, "statement"},
	{"figures", "subject_id", "figure(s) as their subject", true, "figure"},
	{"affiliations", "person_id", "affiliation(s) as the person", true, "affiliation"},
	{"affiliations", "organization_id", "affiliation(s) as the organization", true, "affiliation"},
	{"affiliations", "place_id", "affiliation(s) as the place", true, "affiliation"},
	{"credits", "person_id", "article credit(s)", true, "credit"},
	{"statement_mentions", "entity_id", "statement(s) that mention it", true, ""},
	{"event_participants", "entity_id", "event(s) as a participant", true, ""},
	{"agreement_parties", "entity_id", "agreement(s) as a party", true, ""},
	{"agreement_places", "place_id", "agreement(s) as a place", true, ""},
	{"agreement_projects", "project_id", "agreement(s) as a project", true, ""},
	{"statements", "speaker_organization_id", "statement(s) as the unnamed speaker's organization", false, ""},
	{"statements", "event_id", "statement(s) as their event", false, ""},
	{"places", "country_id", "place(s) as their country", false, ""},
	{"places", "parent_id", "place(s) as their parent", false, ""},
	{"organizations", "country_id", "organization(s) as their country", false, ""},
	{"organizations", "parent_id", "organization(s) as their parent", false, ""},
	{"events", "place_id", "event(s) as their place", false, ""},
	{"events", "venue_id", "event(s) as their venue", false, ""},
	{"events", "parent_id", "event(s) as their parent", false, ""},
	{"projects", "builder_id", "project(s) as their builder", false, ""},
	{"projects", "place_id", "project(s) as their place", false, ""},
	{"agreements", "parent_id", "agreement(s) as their parent", false, ""},
}

var topicReferences = []reference{
	{"article_topics", "topic_id", "article(s)", true, ""},
	{"statement_topics", "topic_id", "statement(s)", true, ""},
	{"figure_topics", "topic_id", "figure(s)", true, ""},
	{"event_topics", "topic_id", "event(s)", true, ""},
	{"agreement_topics", "topic_id", "agreement(s)", true, ""},
	{"topics", "parent_id", "narrower topic(s) as their parent", false, ""},
}

// DeleteEntity deletes the entity with id, of kind want (if version, when
// given, is current). Anything that still refers to it makes it a conflict naming
// what, unless cascade: then rows that cannot exist without it (statements
// it made, figures about it, affiliations, credits, its place in links)
// are deleted, and optional references to it (a parent, a country, a
// venue, ...) are cleared.
func DeleteEntity(ctx context.Context, s *db.Store, actor string, id int64, version *int, cascade bool, want string) (Deleted, error) {
	var out Deleted
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		kind, slug, err := lockEntity(ctx, tx, id, version, want)
		if err != nil {
			return err
		}
		if out.Cascaded, err = release(ctx, tx, id, entityReferences, cascade); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM entities WHERE id = @entity`, pgx.NamedArgs{"entity": id}); err != nil {
			return fmt.Errorf("delete %s %s: %w", kind, slug, err)
		}
		if err := recordEvents(ctx, tx, db.ActionDeleted, append([]Ref{{Kind: kind, ID: id}}, out.Cascaded...)); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "delete_"+kind, kind, id, map[string]any{"slug": slug, "cascaded": out.Cascaded})
	})
	return out, err
}

// CreateTopic adds a topic to the vocabulary and returns it.
func CreateTopic(ctx context.Context, s *db.Store, actor string, t document.TopicDoc) (*db.Topic, error) {
	if err := document.CheckTexts(&t); err != nil {
		return nil, err
	}
	var row *db.Topic
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM topics WHERE slug = @slug)`, pgx.NamedArgs{"slug": t.Slug}).Scan(&exists); err != nil {
			return fmt.Errorf("look up topic: %w", err)
		}
		if exists {
			return conflict("slug", "%q is already the slug of a topic", t.Slug)
		}
		if err := declare(ctx, tx, actor, &t, nil); err != nil {
			return err
		}
		var id int64
		if err := tx.QueryRow(ctx, `SELECT id FROM topics WHERE slug = @slug`, pgx.NamedArgs{"slug": t.Slug}).Scan(&id); err != nil {
			return fmt.Errorf("created topic %s: %w", t.Slug, err)
		}
		var err error
		if row, err = db.AllTopics.Written(ctx, tx, id); err != nil {
			return err
		}
		// declare's writer recorded its topic_added event, as for entities.
		return audit(ctx, tx, actor, "create_topic", "topic", id, map[string]any{"slug": t.Slug})
	})
	return row, err
}

// UpdateTopic changes the topic with id, if version is its current
// version: change receives the topic as stored and edits it. It returns
// the topic as changed.
func UpdateTopic(ctx context.Context, s *db.Store, actor string, id int64, version int, change func(*document.TopicDoc) error) (*db.Topic, error) {
	lock := func(ctx context.Context, tx pgx.Tx, version *int) (kind, slug string, err error) {
		slug, err = lockTopic(ctx, tx, id, version)
		return "topic", slug, err
	}
	return updateDeclaration(ctx, s, actor, "topics", id, version, lock, exportTopic, db.AllTopics.Written, change, nil)
}

// DeleteTopic deletes the topic with id (if version, when given, is
// current). Items tagged with it, or narrower topics, make it a conflict
// unless cascade: then the tags are removed and narrower topics lose
// their parent.
func DeleteTopic(ctx context.Context, s *db.Store, actor string, id int64, version *int, cascade bool) (Deleted, error) {
	var out Deleted
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		slug, err := lockTopic(ctx, tx, id, version)
		if err != nil {
			return err
		}
		if out.Cascaded, err = release(ctx, tx, id, topicReferences, cascade); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM topics WHERE id = @topic`, pgx.NamedArgs{"topic": id}); err != nil {
			return fmt.Errorf("delete topic %s: %w", slug, err)
		}
		if err := recordEvents(ctx, tx, db.ActionDeleted, []Ref{{Kind: "topic", ID: id}}); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "delete_topic", "topic", id, map[string]any{"slug": slug})
	})
	return out, err
}

// lockArticle locks the article's row, so that edits of its items run one
// at a time, and exports its document.
func lockArticle(ctx context.Context, tx pgx.Tx, articleID int64) (*document.Document, error) {
	var one int
	err := tx.QueryRow(ctx, `SELECT 1 FROM articles WHERE id = @article FOR UPDATE`, pgx.NamedArgs{"article": articleID}).Scan(&one)
	if isNoRows(err) {
		return nil, notFound("article", "no article has this id")
	}
	if err != nil {
		return nil, fmt.Errorf("lock article: %w", err)
	}
	return exportArticle(ctx, tx, articleID)
}

// lockEntity locks the entity with id, of kind want, and checks version
// when given.
func lockEntity(ctx context.Context, tx pgx.Tx, id int64, version *int, want string) (kind, slug string, err error) {
	var current int
	err = tx.QueryRow(ctx, `SELECT kind::text, slug, version FROM entities WHERE id = @entity FOR UPDATE`, pgx.NamedArgs{"entity": id}).Scan(&kind, &slug, &current)
	if isNoRows(err) || (err == nil && !strings.EqualFold(kind, want)) {
		return "", "", notFound("id", "no %s has this id", strings.ToLower(want))
	}
	if err != nil {
		return "", "", fmt.Errorf("lock entity: %w", err)
	}
	return kind, slug, checkVersion(kind, version, current)
}

// lockTopic locks the topic with id and checks version when given.
func lockTopic(ctx context.Context, tx pgx.Tx, id int64, version *int) (string, error) {
	var slug string
	var current int
	err := tx.QueryRow(ctx, `SELECT slug, version FROM topics WHERE id = @topic FOR UPDATE`, pgx.NamedArgs{"topic": id}).Scan(&slug, &current)
	if isNoRows(err) {
		return "", notFound("id", "no topic has this id")
	}
	if err != nil {
		return "", fmt.Errorf("lock topic: %w", err)
	}
	return slug, checkVersion("topic", version, current)
}

func checkVersion(kind string, want *int, current int) error {
	if want != nil && *want != current {
		return conflict("version", "is %d but the %s is at version %d: someone changed it since you read it; read it again and reapply your change",
			*want, kind, current)
	}
	return nil
}

// rewrite validates and writes an edited document, touching only the item
// of kind and key (none for a delete). Problems under prefix, the
// item's place in the document, come back relative to the item.
func rewrite(ctx context.Context, tx pgx.Tx, actor string, doc *document.Document, prefix, kind, key string) error {
	w := &writer{tx: tx, actor: actor, touched: func(k, x string) bool { return k == kind && x == key }}
	_, err := importTx(ctx, tx, w, []*document.Document{doc})
	return relative(err, prefix)
}

// declare validates and writes the declaration of one entity or topic,
// alone or, with mention, in the document of the article that names it.
func declare(ctx context.Context, tx pgx.Tx, actor string, decl document.Declaration, mention *Mention) error {
	doc := &document.Document{Name: "input"}
	var evidence document.EvidenceList
	if mention != nil {
		var err error
		if doc, err = lockArticle(ctx, tx, mention.ArticleID); err != nil {
			return relative(err, "")
		}
		evidence = mention.Evidence
	}
	kind, slug := decl.Declared()
	prefix := decl.AddTo(doc, evidence)
	// The declaration carries the article's evidence; an exported mention
	// of the same entity would repeat it.
	doc.Mentions = slices.DeleteFunc(doc.Mentions, func(m document.MentionDoc) bool { return m.Entity == slug })
	return rewrite(ctx, tx, actor, doc, prefix, kind, slug)
}

// rename gives the entity or topic with id a new slug, refusing one that
// is malformed or taken.
func rename(ctx context.Context, tx pgx.Tx, table string, id int64, slug string) error {
	if !document.IsSlug(slug) {
		return &db.ValidationError{Problems: []db.Problem{{Document: "input", Path: "slug",
			Message: fmt.Sprintf("%q is not a slug (lowercase letters and digits joined by single hyphens)", slug)}}}
	}
	var taken bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE slug = @slug AND id <> @id)`, pgx.NamedArgs{"slug": slug, "id": id}).Scan(&taken); err != nil {
		return fmt.Errorf("look up slug: %w", err)
	}
	if taken {
		return conflict("slug", "%q is already taken", slug)
	}
	if _, err := tx.Exec(ctx, `UPDATE `+table+` SET slug = @slug WHERE id = @id`, pgx.NamedArgs{"slug": slug, "id": id}); err != nil {
		return fmt.Errorf("rename: %w", err)
	}
	return nil
}

// noCycle refuses a parent that is the item itself or one of its
// descendants.
func noCycle(ctx context.Context, tx pgx.Tx, kind string, id int64, parent *string) error {
	if parent == nil {
		return nil
	}
	table := map[string]string{db.KindOrganization: "organizations", db.KindPlace: "places", db.KindEvent: "events",
		db.KindAgreement: "agreements", "topic": "topics"}[kind]
	if table == "" {
		return nil
	}
	slugs := `(SELECT id FROM entities WHERE slug = @parent)`
	if kind == "topic" {
		slugs = `(SELECT id FROM topics WHERE slug = @parent)`
	}
	var cycle bool
	err := tx.QueryRow(ctx, `
		WITH RECURSIVE up (id, parent_id) AS (
			SELECT id, parent_id FROM `+table+` WHERE id = `+slugs+`
			UNION
			SELECT t.id, t.parent_id FROM `+table+` t JOIN up ON t.id = up.parent_id
		)
		SELECT EXISTS (SELECT 1 FROM up WHERE id = @id)`, pgx.NamedArgs{"parent": *parent, "id": id}).Scan(&cycle)
	if err != nil {
		return fmt.Errorf("check parents: %w", err)
	}
	if cycle {
		return &db.ValidationError{Problems: []db.Problem{{Document: "input", Path: "parent",
			Message: fmt.Sprintf("%q is this %s or lies under it: parents would form a cycle", *parent, kind)}}}
	}
	return nil
}

// release deals with what refers to the item with id before it is
// deleted: without cascade any reference is a conflict naming them all;
// with cascade required references' rows are deleted and optional ones
// cleared. It returns the rows deleted.
func release(ctx context.Context, tx pgx.Tx, id int64, refs []reference, cascade bool) ([]Ref, error) {
	var found []string
	for _, r := range refs {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM `+r.table+` WHERE `+r.column+` = @id`, pgx.NamedArgs{"id": id}).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s: %w", r.table, err)
		}
		if n > 0 {
			found = append(found, fmt.Sprintf("%d %s", n, r.what))
		}
	}
	if len(found) == 0 {
		return nil, nil
	}
	if !cascade {
		return nil, conflict("", "it is still referred to by %s; remove those references first, or pass cascade to delete them with it",
			strings.Join(found, ", "))
	}
	var deleted []Ref
	for _, r := range refs {
		switch {
		case !r.required:
			if _, err := tx.Exec(ctx, `UPDATE `+r.table+` SET `+r.column+` = NULL WHERE `+r.column+` = @id`, pgx.NamedArgs{"id": id}); err != nil {
				return nil, fmt.Errorf("clear %s.%s: %w", r.table, r.column, err)
			}
		case r.table == "affiliations":
			// Statements cite affiliations; the citations go first.
			if _, err := tx.Exec(ctx, `DELETE FROM statement_affiliations WHERE affiliation_id IN
				(SELECT id FROM affiliations WHERE `+r.column+` = @id)`, pgx.NamedArgs{"id": id}); err != nil {
				return nil, fmt.Errorf("clear citations of affiliations: %w", err)
			}
			fallthrough
		default:
			rows, err := tx.Query(ctx, `DELETE FROM `+r.table+` WHERE `+r.column+` = @id RETURNING `+returning(r), pgx.NamedArgs{"id": id})
			if err != nil {
				return nil, fmt.Errorf("delete %s: %w", r.table, err)
			}
			ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
			if err != nil {
				return nil, fmt.Errorf("delete %s: %w", r.table, err)
			}
			if r.kind != "" {
				for _, x := range ids {
					deleted = append(deleted, Ref{Kind: r.kind, ID: x})
				}
			}
		}
	}
	return deleted, nil
}

// returning is what a cascade's DELETE returns: the id of a row that is an
// item, nothing useful for a link row.
func returning(r reference) string {
	if r.kind == "" {
		return "0::bigint"
	}
	return "id"
}

// freshKey returns a key that no item of items has: prefix-1, prefix-2, ...
func freshKey[T any](prefix string, items []T, key func(T) string) string {
	used := map[string]bool{}
	for _, x := range items {
		used[key(x)] = true
	}
	for n := len(items) + 1; ; n++ {
		if k := fmt.Sprintf("%s-%d", prefix, n); !used[k] {
			return k
		}
	}
}

// audit records an edit in the audit log.
func audit(ctx context.Context, tx pgx.Tx, actor, action, targetType string, targetID int64, detail any) error {
	_, err := tx.Exec(ctx, `INSERT INTO audit_log (actor, action, target_type, target_id, detail) VALUES (@actor, @action, @target_type, @target_id, @detail)`,
		pgx.NamedArgs{"actor": actor, "action": action, "target_type": targetType, "target_id": targetID, "detail": detail})
	if err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	return nil
}

// conflict is a problem with code CodeConflict at path.
func conflict(path, format string, args ...any) error {
	return &db.ValidationError{Problems: []db.Problem{{Document: "input", Path: path, Message: fmt.Sprintf(format, args...), Code: db.CodeConflict}}}
}

// notFound is a problem with code CodeNotFound at path.
func notFound(path, format string, args ...any) error {
	return &db.ValidationError{Problems: []db.Problem{{Document: "input", Path: path, Message: fmt.Sprintf(format, args...), Code: db.CodeNotFound}}}
}

var indexInPath = regexp.MustCompile(`^[a-z_]+\[\d+\]`)

// relative rewrites the paths of a validation error's problems under
// prefix to be relative to it ("statements[4].evidence[0]" under
// "statements[4]" becomes "evidence[0]"); other problems keep their paths
// in the article's document and say which document that is.
func relative(err error, prefix string) error {
	invalid, ok := err.(*db.ValidationError)
	if !ok {
		return err
	}
	out := &db.ValidationError{Problems: make([]db.Problem, len(invalid.Problems)), More: invalid.More}
	for i, p := range invalid.Problems {
		switch {
		case prefix != "" && p.Path == prefix:
			p.Path = ""
		case prefix != "" && strings.HasPrefix(p.Path, prefix+"."):
			p.Path = strings.TrimPrefix(p.Path, prefix+".")
		case p.Document != "input" && indexInPath.MatchString(p.Path):
			p.Message = fmt.Sprintf("in the stored %s, %s: %s", p.Document, p.Path, p.Message)
			p.Path = ""
		}
		p.Document = "input"
		out.Problems[i] = p
	}
	return out
}

// isNoRows reports whether err means a query found no row.
func isNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
