package curate

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// ImportResult says what an import wrote.
type ImportResult struct {
	// Articles maps each imported article's slug to its id.
	Articles map[string]int64
}

// Import validates documents as a set and, only if every one is valid,
// writes them in one transaction: topics and entities are upserted by slug,
// articles by slug, statements and figures by their key within the article,
// evidence by its span, and whatever an article no longer lists is removed.
// Importing the same documents twice leaves exactly the same rows. On a
// validation problem it returns a *ValidationError and writes nothing.
func Import(ctx context.Context, s *db.Store, docs []*document.Document) (ImportResult, error) {
	return ImportBy(ctx, s, "", docs)
}

// ImportBy is Import on behalf of actor (an API token's name): it also
// records the write in the audit log, bumps the version of every article,
// statement and figure it rewrites, and emits a change event for each
// article imported and each statement and figure added, all in the same
// transaction. An empty actor is the seed loader, which records nothing.
func ImportBy(ctx context.Context, s *db.Store, actor string, docs []*document.Document) (ImportResult, error) {
	var result ImportResult
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		var err error
		result, err = importTx(ctx, tx, &writer{tx: tx, actor: actor}, docs)
		return err
	})
	if err != nil {
		return ImportResult{}, err
	}
	return result, nil
}

// ImportArticle is ImportBy for one document that declares an article; it
// returns the article as its transaction wrote it, so that the caller
// answers from what was stored even if the database goes away after the
// commit.
func ImportArticle(ctx context.Context, s *db.Store, actor string, doc *document.Document) (*db.Article, error) {
	var article *db.Article
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		res, err := importTx(ctx, tx, &writer{tx: tx, actor: actor}, []*document.Document{doc})
		if err != nil {
			return err
		}
		article, err = db.AllArticles.Written(ctx, tx, res.Articles[doc.Article.Slug])
		return err
	})
	if err != nil {
		return nil, err
	}
	return article, nil
}

// importTx validates docs against what tx sees and, if they are valid,
// writes them with w. The importer and the API's edits share it, so an edit
// obeys exactly the rules an import does.
func importTx(ctx context.Context, tx pgx.Tx, w *writer, docs []*document.Document) (ImportResult, error) {
	v, err := document.Validate(ctx, docs, storedCatalog{tx})
	if err != nil {
		return ImportResult{}, err
	}
	order := v.Order()
	w.v, w.ids = v, map[string]int64{}
	result := ImportResult{Articles: map[string]int64{}}
	if err := w.topics(ctx, order.Topics); err != nil {
		return ImportResult{}, err
	}
	if err := w.entities(ctx, docs, order); err != nil {
		return ImportResult{}, err
	}
	for _, doc := range docs {
		if doc.Article == nil {
			continue
		}
		id, err := w.article(ctx, doc)
		if err != nil {
			return ImportResult{}, fmt.Errorf("%s: %w", doc.Name, err)
		}
		result.Articles[doc.Article.Slug] = id
	}
	return result, nil
}

// storedCatalog answers the validator's questions from the database.
type storedCatalog struct {
	q interface {
		QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	}
}

func (c storedCatalog) Entity(ctx context.Context, slug string) (kind, placeKind string, ok bool, err error) {
	var pk *string
	err = c.q.QueryRow(ctx, `
		SELECT e.kind::text, p.place_kind::text
		FROM entities e LEFT JOIN places p ON p.id = e.id
		WHERE e.slug = @slug`, pgx.NamedArgs{"slug": slug}).Scan(&kind, &pk)
	if isNoRows(err) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("look up entity %q: %w", slug, err)
	}
	if pk != nil {
		placeKind = *pk
	}
	return kind, placeKind, true, nil
}

func (c storedCatalog) Topic(ctx context.Context, slug string) (bool, error) {
	var ok bool
	err := c.q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM topics WHERE slug = @slug)`, pgx.NamedArgs{"slug": slug}).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("look up topic %q: %w", slug, err)
	}
	return ok, nil
}

// writer writes validated documents inside one transaction.
type writer struct {
	tx    pgx.Tx
	v     *document.Validated
	ids   map[string]int64 // entity slug -> id
	actor string           // who writes; empty for the seed loader
	// touched says which rows a write changes on purpose: only those get a
	// new version, updated_at and updated_by, and only a touched article is
	// announced and audited as imported. Nil touches every row written (an
	// import); an edit of one item touches that item alone.
	touched func(kind, key string) bool
	// batch, when set, collects the statements that exec would run, for
	// the caller to send in one round trip.
	batch *pgx.Batch
}

// exec runs a statement whose result only matters if it fails, or queues
// it on the writer's batch.
func (w *writer) exec(ctx context.Context, sql string, args ...any) error {
	if w.batch != nil {
		w.batch.Queue(sql, args...)
		return nil
	}
	_, err := w.tx.Exec(ctx, sql, args...)
	return err
}

// stamp sets the @bump and @actor arguments of an upsert of the row of kind
// and key: bump is how much its version rises, 1 for a row the API or the
// import command touches, else 0 (the seed loader's reloads, and the rows an
// edit rewrites unchanged, stay exactly as they were).
func (w *writer) stamp(args pgx.NamedArgs, kind, key string) {
	args["bump"], args["actor"] = 0, nil
	if w.touches(kind, key) {
		args["bump"], args["actor"] = 1, w.actor
	}
}

// touches reports whether the write changes the row of kind and key on
// purpose, on behalf of an actor.
func (w *writer) touches(kind, key string) bool {
	return w.actor != "" && (w.touched == nil || w.touched(kind, key))
}

// event records a change event in the write's transaction and announces
// it on commit; the seed loader records none.
func (w *writer) event(ctx context.Context, kind string, subject int64) error {
	if w.actor == "" {
		return nil
	}
	err := w.exec(ctx, `
		WITH e AS (INSERT INTO change_events (kind, subject_id) VALUES (@kind, @subject) RETURNING id)
		SELECT pg_notify('`+db.EventChannel+`', id::text) FROM e`, pgx.NamedArgs{"kind": kind, "subject": subject})
	if err != nil {
		return fmt.Errorf("record %s event: %w", kind, err)
	}
	return nil
}

// recordEvents records the change events of action (db.ActionDeleted,
// ...) on the rows refs in the write's transaction tx (nothing for rows
// without events); they are announced when it commits.
func recordEvents(ctx context.Context, tx pgx.Tx, action string, refs []Ref) error {
	var kinds []string
	var ids []int64
	for _, r := range refs {
		if k := db.EventKind(r.Kind, action); k != "" {
			kinds, ids = append(kinds, k), append(ids, r.ID)
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `
		WITH e AS (INSERT INTO change_events (kind, subject_id) SELECT * FROM unnest(@kinds::text[], @subjects::bigint[]) RETURNING id)
		SELECT pg_notify('`+db.EventChannel+`', id::text) FROM e`, pgx.NamedArgs{"kinds": kinds, "subjects": ids})
	if err != nil {
		return fmt.Errorf("record %s events: %w", action, err)
	}
	return nil
}

// upserted emits the event of a row of kind (a statement, figure or
// entity) the write inserted or, on purpose, updated.
func (w *writer) upserted(ctx context.Context, kind, key string, id int64, inserted bool) error {
	switch {
	case inserted:
		return w.event(ctx, db.EventKind(kind, db.ActionAdded), id)
	case w.touches(kind, key):
		return w.event(ctx, db.EventKind(kind, db.ActionUpdated), id)
	}
	return nil
}

// clear deletes the rows of kind (statements, figures) that a write's
// document no longer has, with sql, which returns their ids, and emits
// their deletion events.
func (w *writer) clear(ctx context.Context, kind, sql string, args ...any) error {
	rows, err := w.tx.Query(ctx, sql, args...)
	if err != nil {
		return fmt.Errorf("clear %ss: %w", kind, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("clear %ss: %w", kind, err)
	}
	if w.actor == "" || len(ids) == 0 {
		return nil
	}
	refs := make([]Ref, len(ids))
	for i, id := range ids {
		refs[i] = Ref{Kind: kind, ID: id}
	}
	return recordEvents(ctx, w.tx, db.ActionDeleted, refs)
}

// audit records who made a write.
func (w *writer) audit(ctx context.Context, action, targetType string, targetID int64, detail any) error {
	if w.actor == "" {
		return nil
	}
	_, err := w.tx.Exec(ctx, `INSERT INTO audit_log (actor, action, target_type, target_id, detail) VALUES (@actor, @action, @target_type, @target_id, @detail)`,
		pgx.NamedArgs{"actor": w.actor, "action": action, "target_type": targetType, "target_id": targetID, "detail": detail})
	if err != nil {
		return fmt.Errorf("audit %s: %w", action, err)
	}
	return nil
}

// entityID returns the id of the entity with slug, declared or stored.
func (w *writer) entityID(ctx context.Context, slug string) (int64, error) {
	if id, ok := w.ids[slug]; ok {
		return id, nil
	}
	var id int64
	if err := w.tx.QueryRow(ctx, `SELECT id FROM entities WHERE slug = @slug`, pgx.NamedArgs{"slug": slug}).Scan(&id); err != nil {
		return 0, fmt.Errorf("entity %q: %w", slug, err)
	}
	w.ids[slug] = id
	return id, nil
}

// optID is entityID for an optional reference.
func (w *writer) optID(ctx context.Context, slug *string) (*int64, error) {
	if slug == nil {
		return nil, nil
	}
	id, err := w.entityID(ctx, *slug)
	return &id, err
}

// refArgs adds to args, under each column of refs, the id of the entity
// its slug names: a row's optional references (nil for none).
func (w *writer) refArgs(ctx context.Context, args pgx.NamedArgs, refs map[string]*string) error {
	for column, slug := range refs {
		id, err := w.optID(ctx, slug)
		if err != nil {
			return err
		}
		args[column] = id
	}
	return nil
}

func (w *writer) topics(ctx context.Context, topics []document.TopicDoc) error {
	for _, t := range topics {
		args := pgx.NamedArgs{"slug": t.Slug, "label": t.Label, "description": t.Description, "parent": t.Parent}
		w.stamp(args, "topic", t.Slug)
		var id int64
		var inserted bool
		err := w.tx.QueryRow(ctx, `
			INSERT INTO topics (slug, label, description, parent_id, updated_by)
			VALUES (@slug, @label, @description, (SELECT id FROM topics WHERE slug = @parent), @actor)
			ON CONFLICT (slug) DO UPDATE
			SET label = EXCLUDED.label, description = EXCLUDED.description, parent_id = EXCLUDED.parent_id,
				version = topics.version + @bump,
				updated_at = CASE WHEN @bump > 0 THEN now() ELSE topics.updated_at END,
				updated_by = coalesce(@actor, topics.updated_by)
			RETURNING id, xmax = 0`, args).Scan(&id, &inserted)
		if err != nil {
			if db.IsUniqueViolation(err) {
				return db.Errorf(db.CodeConflict, "topic %s: label %q is already used by another topic", t.Slug, t.Label)
			}
			return fmt.Errorf("upsert topic %s: %w", t.Slug, err)
		}
		// Topics are announced like entities: added, or rewritten on purpose.
		if err := w.upserted(ctx, "topic", t.Slug, id, inserted); err != nil {
			return err
		}
	}
	return nil
}

// entities upserts every declared entity and its own row, parents first.
func (w *writer) entities(ctx context.Context, docs []*document.Document, o document.Order) error {
	declare := func(slug, kind string) error {
		var id int64
		var stored string
		var inserted bool
		args := pgx.NamedArgs{"kind": kind, "slug": slug}
		w.stamp(args, kind, slug)
		err := w.tx.QueryRow(ctx, `
			INSERT INTO entities (kind, slug, updated_by) VALUES (@kind, @slug, @actor)
			ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug,
				version = entities.version + @bump,
				updated_at = CASE WHEN @bump > 0 THEN now() ELSE entities.updated_at END,
				updated_by = coalesce(@actor, entities.updated_by)
			RETURNING id, kind::text, xmax = 0`, args).Scan(&id, &stored, &inserted)
		if err != nil {
			return fmt.Errorf("upsert entity %s: %w", slug, err)
		}
		if stored != kind {
			return db.Errorf(db.CodeConflict, "%s %s: the slug is already used by %s", kind, slug, db.Indefinite(stored))
		}
		if err := w.upserted(ctx, kind, slug, id, inserted); err != nil {
			return err
		}
		w.ids[slug] = id
		return nil
	}
	// Parents come before children (document.Order), so every entity's
	// id is known before its row refers to it.
	type decl struct{ slug, kind string }
	var decls []decl
	for _, d := range docs {
		for _, x := range d.People {
			decls = append(decls, decl{x.Slug, db.KindPerson})
		}
		for _, x := range d.Projects {
			decls = append(decls, decl{x.Slug, db.KindProject})
		}
	}
	for _, x := range o.Places {
		decls = append(decls, decl{x.Slug, db.KindPlace})
	}
	for _, x := range o.Organizations {
		decls = append(decls, decl{x.Slug, db.KindOrganization})
	}
	for _, x := range o.Events {
		decls = append(decls, decl{x.Slug, db.KindEvent})
	}
	for _, x := range o.Agreements {
		decls = append(decls, decl{x.Slug, db.KindAgreement})
	}
	for _, d := range decls {
		if err := declare(d.slug, d.kind); err != nil {
			return err
		}
	}
	steps := []func(context.Context, []*document.Document, document.Order) error{
		w.places, w.organizations, w.people, w.events, w.projects, w.agreements,
	}
	for _, step := range steps {
		if err := step(ctx, docs, o); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) places(ctx context.Context, _ []*document.Document, o document.Order) error {
	for _, p := range o.Places {
		args := pgx.NamedArgs{"id": w.ids[p.Slug], "name": p.Name, "place_kind": p.Kind}
		if err := w.refArgs(ctx, args, map[string]*string{"country_id": p.Country, "parent_id": p.Parent}); err != nil {
			return err
		}
		_, err := w.tx.Exec(ctx, `
			INSERT INTO places (id, name, place_kind, country_id, parent_id)
			VALUES (@id, @name, @place_kind, @country_id, @parent_id)
			ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, place_kind = EXCLUDED.place_kind,
				country_id = EXCLUDED.country_id, parent_id = EXCLUDED.parent_id`, args)
		if err != nil {
			return conflictOr(err, "place %s", p.Slug)
		}
	}
	return nil
}

func (w *writer) organizations(ctx context.Context, _ []*document.Document, o document.Order) error {
	for _, x := range o.Organizations {
		args := pgx.NamedArgs{"id": w.ids[x.Slug], "name": x.Name, "short_name": x.ShortName, "org_kind": x.Kind,
			"unresolved": x.Unresolved, "note": x.Note}
		if err := w.refArgs(ctx, args, map[string]*string{"country_id": x.Country, "parent_id": x.Parent}); err != nil {
			return err
		}
		_, err := w.tx.Exec(ctx, `
			INSERT INTO organizations (id, name, short_name, org_kind, country_id, parent_id, unresolved, note)
			VALUES (@id, @name, @short_name, @org_kind, @country_id, @parent_id, @unresolved, @note)
			ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
				org_kind = EXCLUDED.org_kind, country_id = EXCLUDED.country_id, parent_id = EXCLUDED.parent_id,
				unresolved = EXCLUDED.unresolved, note = EXCLUDED.note`, args)
		if err != nil {
			return conflictOr(err, "organization %s", x.Slug)
		}
	}
	return nil
}

func (w *writer) people(ctx context.Context, docs []*document.Document, _ document.Order) error {
	for _, d := range docs {
		for _, p := range d.People {
			honorifics := p.Honorifics
			if honorifics == nil {
				honorifics = []string{}
			}
			_, err := w.tx.Exec(ctx, `
				INSERT INTO people (id, name, honorifics) VALUES (@id, @name, @honorifics)
				ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, honorifics = EXCLUDED.honorifics`,
				pgx.NamedArgs{"id": w.ids[p.Slug], "name": p.Name, "honorifics": honorifics})
			if err != nil {
				return conflictOr(err, "person %s", p.Slug)
			}
		}
	}
	return nil
}

func (w *writer) events(ctx context.Context, _ []*document.Document, o document.Order) error {
	for _, e := range o.Events {
		args := pgx.NamedArgs{"id": w.ids[e.Slug], "name": e.Name, "event_kind": e.Kind, "summary": e.Summary,
			"participant_description": e.ParticipantDescription}
		if err := w.refArgs(ctx, args, map[string]*string{"place_id": e.Place, "venue_id": e.Venue, "parent_id": e.Parent}); err != nil {
			return err
		}
		dateArgs(args, "date", e.Date)
		_, err := w.tx.Exec(ctx, `
			INSERT INTO events (id, name, event_kind, summary, participant_description, place_id, venue_id, parent_id,
				date_year, date_month, date_day, date_precision, date_text, date_inferred, date_basis)
			VALUES (@id, @name, @event_kind, @summary, @participant_description, @place_id, @venue_id, @parent_id,
				@date_year, @date_month, @date_day, @date_precision, @date_text, @date_inferred, @date_basis)
			ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, event_kind = EXCLUDED.event_kind,
				summary = EXCLUDED.summary, participant_description = EXCLUDED.participant_description,
				place_id = EXCLUDED.place_id, venue_id = EXCLUDED.venue_id, parent_id = EXCLUDED.parent_id,
				date_year = EXCLUDED.date_year, date_month = EXCLUDED.date_month, date_day = EXCLUDED.date_day,
				date_precision = EXCLUDED.date_precision, date_text = EXCLUDED.date_text,
				date_inferred = EXCLUDED.date_inferred, date_basis = EXCLUDED.date_basis`, args)
		if err != nil {
			return conflictOr(err, "event %s", e.Slug)
		}
		if _, err := w.tx.Exec(ctx, `DELETE FROM event_participants WHERE event_id = @event`, pgx.NamedArgs{"event": w.ids[e.Slug]}); err != nil {
			return fmt.Errorf("clear participants of %s: %w", e.Slug, err)
		}
		for _, p := range e.Participants {
			id, err := w.entityID(ctx, p.Entity)
			if err != nil {
				return err
			}
			_, err = w.tx.Exec(ctx, `INSERT INTO event_participants (event_id, entity_id, role) VALUES (@event, @entity, @role)
				ON CONFLICT DO NOTHING`, pgx.NamedArgs{"event": w.ids[e.Slug], "entity": id, "role": p.Role})
			if err != nil {
				return fmt.Errorf("participant %s of %s: %w", p.Entity, e.Slug, err)
			}
		}
		if err := w.link(ctx, "event_topics", "event_id", w.ids[e.Slug], e.Topics, false); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) projects(ctx context.Context, docs []*document.Document, _ document.Order) error {
	for _, d := range docs {
		for _, p := range d.Projects {
			args := pgx.NamedArgs{"id": w.ids[p.Slug], "name": p.Name, "project_kind": p.Kind, "status": p.Status, "summary": p.Summary}
			if err := w.refArgs(ctx, args, map[string]*string{"builder_id": p.Builder, "place_id": p.Place}); err != nil {
				return err
			}
			dateArgs(args, "completion", p.Completion)
			_, err := w.tx.Exec(ctx, `
				INSERT INTO projects (id, name, project_kind, status, summary, builder_id, place_id,
					completion_year, completion_month, completion_day, completion_precision, completion_text,
					completion_inferred, completion_basis)
				VALUES (@id, @name, @project_kind, @status, @summary, @builder_id, @place_id,
					@completion_year, @completion_month, @completion_day, @completion_precision, @completion_text,
					@completion_inferred, @completion_basis)
				ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, project_kind = EXCLUDED.project_kind,
					status = EXCLUDED.status, summary = EXCLUDED.summary, builder_id = EXCLUDED.builder_id,
					place_id = EXCLUDED.place_id, completion_year = EXCLUDED.completion_year,
					completion_month = EXCLUDED.completion_month, completion_day = EXCLUDED.completion_day,
					completion_precision = EXCLUDED.completion_precision, completion_text = EXCLUDED.completion_text,
					completion_inferred = EXCLUDED.completion_inferred, completion_basis = EXCLUDED.completion_basis`, args)
			if err != nil {
				return conflictOr(err, "project %s", p.Slug)
			}
		}
	}
	return nil
}

func (w *writer) agreements(ctx context.Context, _ []*document.Document, o document.Order) error {
	for _, a := range o.Agreements {
		id := w.ids[a.Slug]
		args := pgx.NamedArgs{"id": id, "name": a.Name, "agreement_kind": cmp.Or(a.Kind, db.AgreementKindUnspecified), "status": a.Status,
			"summary": a.Summary}
		if err := w.refArgs(ctx, args, map[string]*string{"parent_id": a.Parent}); err != nil {
			return err
		}
		dateArgs(args, "date", a.Date)
		_, err := w.tx.Exec(ctx, `
			INSERT INTO agreements (id, name, agreement_kind, status, summary, parent_id,
				date_year, date_month, date_day, date_precision, date_text, date_inferred, date_basis)
			VALUES (@id, @name, @agreement_kind, @status, @summary, @parent_id,
				@date_year, @date_month, @date_day, @date_precision, @date_text, @date_inferred, @date_basis)
			ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, agreement_kind = EXCLUDED.agreement_kind,
				status = EXCLUDED.status, summary = EXCLUDED.summary, parent_id = EXCLUDED.parent_id,
				date_year = EXCLUDED.date_year, date_month = EXCLUDED.date_month, date_day = EXCLUDED.date_day,
				date_precision = EXCLUDED.date_precision, date_text = EXCLUDED.date_text,
				date_inferred = EXCLUDED.date_inferred, date_basis = EXCLUDED.date_basis`, args)
		if err != nil {
			return conflictOr(err, "agreement %s", a.Slug)
		}
		for _, table := range []string{"agreement_parties", "agreement_places", "agreement_projects"} {
			if _, err := w.tx.Exec(ctx, `DELETE FROM `+table+` WHERE agreement_id = @agreement`, pgx.NamedArgs{"agreement": id}); err != nil {
				return fmt.Errorf("clear %s of %s: %w", table, a.Slug, err)
			}
		}
		for i, p := range a.Parties {
			party, err := w.entityID(ctx, p.Entity)
			if err != nil {
				return err
			}
			_, err = w.tx.Exec(ctx, `INSERT INTO agreement_parties (agreement_id, entity_id, role, position)
				VALUES (@agreement, @party, @role, @position)`, pgx.NamedArgs{"agreement": id, "party": party, "role": p.Role, "position": i + 1})
			if err != nil {
				return fmt.Errorf("party %s of %s: %w", p.Entity, a.Slug, err)
			}
		}
		for _, slug := range a.Places {
			place, err := w.entityID(ctx, slug)
			if err != nil {
				return err
			}
			if _, err := w.tx.Exec(ctx, `INSERT INTO agreement_places (agreement_id, place_id) VALUES (@agreement, @place)
				ON CONFLICT DO NOTHING`, pgx.NamedArgs{"agreement": id, "place": place}); err != nil {
				return fmt.Errorf("place %s of %s: %w", slug, a.Slug, err)
			}
		}
		for _, slug := range a.Projects {
			project, err := w.entityID(ctx, slug)
			if err != nil {
				return err
			}
			if _, err := w.tx.Exec(ctx, `INSERT INTO agreement_projects (agreement_id, project_id) VALUES (@agreement, @project)
				ON CONFLICT DO NOTHING`, pgx.NamedArgs{"agreement": id, "project": project}); err != nil {
				return fmt.Errorf("project %s of %s: %w", slug, a.Slug, err)
			}
		}
		if err := w.link(ctx, "agreement_topics", "agreement_id", id, a.Topics, false); err != nil {
			return err
		}
	}
	return nil
}

// link replaces the topics of one row in a topic link table, in one
// statement; fresh says the row is new, so it has no links to remove. table and
// column are constants of this package, never input.
func (w *writer) link(ctx context.Context, table, column string, id int64, topics []string, fresh bool) error {
	if fresh && len(topics) == 0 {
		return nil
	}
	if topics == nil {
		topics = []string{}
	}
	err := w.exec(ctx, `
		WITH wanted AS (SELECT id FROM topics WHERE slug = ANY(@topics)),
			gone AS (DELETE FROM `+table+` WHERE `+column+` = @id AND topic_id NOT IN (SELECT id FROM wanted))
		INSERT INTO `+table+` (`+column+`, topic_id) SELECT @id, id FROM wanted ON CONFLICT DO NOTHING`, pgx.NamedArgs{"id": id, "topics": topics})
	if err != nil {
		return fmt.Errorf("link %s: %w", table, err)
	}
	return nil
}

// conflictOr turns a uniqueness violation into a CodeConflict error naming
// the item, and wraps any other error.
func conflictOr(err error, format string, args ...any) error {
	item := fmt.Sprintf(format, args...)
	if db.IsUniqueViolation(err) {
		return db.Errorf(db.CodeConflict, "%s: another record already has the same name and kind", item)
	}
	return fmt.Errorf("write %s: %w", item, err)
}

// dateArgs adds the columns of a partial date to args under prefix.
func dateArgs(args pgx.NamedArgs, prefix string, d *document.DateDoc) {
	var year, month, day *int
	var precision, text, basis *string
	inferred := []string{}
	if d != nil {
		year, month, day, text, basis = d.Year, d.Month, d.Day, &d.Text, d.Basis
		p := "year"
		switch {
		case d.Day != nil:
			p = "day"
		case d.Month != nil:
			p = "month"
		}
		precision = &p
		if d.Inferred != nil {
			inferred = d.Inferred
		}
	}
	args[prefix+"_year"], args[prefix+"_month"], args[prefix+"_day"] = year, month, day
	args[prefix+"_precision"], args[prefix+"_text"] = precision, text
	args[prefix+"_inferred"], args[prefix+"_basis"] = inferred, basis
}

// evidenceRow is one span to store, with the one fact it supports.
type evidenceRow struct {
	document.Span
	statement, figure, affiliation, credit, entity *int64
}

// article writes one article document: the article and its paragraphs, then
// the facts curated from it, then their evidence.
func (w *writer) article(ctx context.Context, doc *document.Document) (int64, error) {
	a := doc.Article
	blocks := w.v.Paragraphs(doc)

	args := pgx.NamedArgs{"slug": a.Slug, "title": a.Title, "lede": a.Lede, "language": a.Language,
		"source_file": a.Source, "source_text": doc.Text}
	w.stamp(args, "article", a.Slug)
	dateArgs(args, "published", a.Published)
	var articleID int64
	err := w.tx.QueryRow(ctx, `
		INSERT INTO articles (slug, title, lede, language, source_file, source_text,
			published_year, published_month, published_day, published_precision, published_text,
			published_inferred, published_basis, updated_by)
		VALUES (@slug, @title, @lede, @language, @source_file, @source_text,
			@published_year, @published_month, @published_day, @published_precision, @published_text,
			@published_inferred, @published_basis, @actor)
		ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, lede = EXCLUDED.lede,
			language = EXCLUDED.language, source_file = EXCLUDED.source_file, source_text = EXCLUDED.source_text,
			published_year = EXCLUDED.published_year, published_month = EXCLUDED.published_month,
			published_day = EXCLUDED.published_day, published_precision = EXCLUDED.published_precision,
			published_text = EXCLUDED.published_text, published_inferred = EXCLUDED.published_inferred,
			published_basis = EXCLUDED.published_basis,
			version = articles.version + @bump,
			updated_at = CASE WHEN @bump > 0 THEN now() ELSE articles.updated_at END,
			updated_by = coalesce(@actor, articles.updated_by)
		RETURNING id`, args).Scan(&articleID)
	if err != nil {
		return 0, fmt.Errorf("upsert article: %w", err)
	}
	if w.touches("article", a.Slug) {
		if err := w.event(ctx, db.EventArticleImported, articleID); err != nil {
			return 0, err
		}
		if err := w.audit(ctx, "import_article", "article", articleID, map[string]any{"slug": a.Slug}); err != nil {
			return 0, err
		}
	}
	if err := w.paragraphs(ctx, articleID, blocks); err != nil {
		return 0, err
	}
	if err := w.link(ctx, "article_topics", "article_id", articleID, a.Topics, false); err != nil {
		return 0, err
	}

	var rows []evidenceRow
	spans := func(list document.EvidenceList) []document.Span {
		var out []document.Span
		for _, s := range list {
			found, _ := document.ResolveSpan(blocks, s)
			out = append(out, found...)
		}
		return out
	}
	add := func(found []document.Span, set func(*evidenceRow)) {
		for _, s := range found {
			r := evidenceRow{Span: s}
			set(&r)
			rows = append(rows, r)
		}
	}

	// Credits.
	if _, err := w.tx.Exec(ctx, `DELETE FROM credits WHERE article_id = @article AND position > @count`, pgx.NamedArgs{"article": articleID, "count": len(a.Credits)}); err != nil {
		return 0, fmt.Errorf("clear credits: %w", err)
	}
	for i, c := range a.Credits {
		person, err := w.entityID(ctx, c.Person)
		if err != nil {
			return 0, err
		}
		var id int64
		err = w.tx.QueryRow(ctx, `
			INSERT INTO credits (article_id, person_id, role, position) VALUES (@article, @person, @role, @position)
			ON CONFLICT (article_id, position) DO UPDATE SET person_id = EXCLUDED.person_id, role = EXCLUDED.role
			RETURNING id`, pgx.NamedArgs{"article": articleID, "person": person, "role": c.Role, "position": i + 1}).Scan(&id)
		if err != nil {
			return 0, fmt.Errorf("credit %s: %w", c.Person, err)
		}
		add(spans(c.Evidence), func(r *evidenceRow) { r.credit = &id })
	}

	// Entities declared or mentioned here: their evidence is their mentions.
	mention := func(slug string, list document.EvidenceList) {
		id := w.ids[slug]
		add(spans(list), func(r *evidenceRow) { r.entity = &id })
	}
	for _, x := range doc.People {
		mention(x.Slug, x.Evidence)
	}
	for _, x := range doc.Organizations {
		mention(x.Slug, x.Evidence)
	}
	for _, x := range doc.Places {
		mention(x.Slug, x.Evidence)
	}
	for _, x := range doc.Events {
		mention(x.Slug, x.Evidence)
	}
	for _, x := range doc.Projects {
		mention(x.Slug, x.Evidence)
	}
	for _, x := range doc.Agreements {
		mention(x.Slug, x.Evidence)
	}
	for _, m := range doc.Mentions {
		id, err := w.entityID(ctx, m.Entity)
		if err != nil {
			return 0, err
		}
		add(spans(m.Evidence), func(r *evidenceRow) { r.entity = &id })
	}

	// Affiliations are facts about people, shared by every article that
	// states them; their evidence here is this article's.
	affiliationIDs := map[string]int64{}
	for _, x := range doc.Affiliations {
		person, err := w.entityID(ctx, x.Person)
		if err != nil {
			return 0, err
		}
		org, err := w.optID(ctx, x.Organization)
		if err != nil {
			return 0, err
		}
		place, err := w.optID(ctx, x.Place)
		if err != nil {
			return 0, err
		}
		var id int64
		err = w.tx.QueryRow(ctx, `
			INSERT INTO affiliations (person_id, organization_id, place_id, role, former)
			VALUES (@person_id, @organization_id, @place_id, @role, @former)
			ON CONFLICT (person_id, organization_id, place_id, role) DO UPDATE SET former = EXCLUDED.former
			RETURNING id`,
			pgx.NamedArgs{"person_id": person, "organization_id": org, "place_id": place, "role": x.Role, "former": x.Former},
		).Scan(&id)
		if err != nil {
			return 0, fmt.Errorf("affiliation %s: %w", x.Key, err)
		}
		affiliationIDs[x.Key] = id
		add(spans(x.Evidence), func(r *evidenceRow) { r.affiliation = &id })
	}

	statementIDs, err := w.statements(ctx, articleID, doc, spans, affiliationIDs, add)
	if err != nil {
		return 0, err
	}
	if err := w.figures(ctx, articleID, doc, spans, statementIDs, add); err != nil {
		return 0, err
	}
	if err := w.evidence(ctx, articleID, rows); err != nil {
		return 0, err
	}
	return articleID, nil
}

// paragraphs upserts the article's paragraphs by position and drops any
// beyond the last.
func (w *writer) paragraphs(ctx context.Context, articleID int64, blocks []document.Paragraph) error {
	positions := make([]int, len(blocks))
	kinds := make([]string, len(blocks))
	texts := make([]string, len(blocks))
	offsets := make([]int, len(blocks))
	for i, b := range blocks {
		positions[i], kinds[i], texts[i], offsets[i] = b.Position, b.Kind, b.Text, b.SourceOffset
	}
	if _, err := w.tx.Exec(ctx, `DELETE FROM paragraphs WHERE article_id = @article AND position > @count`, pgx.NamedArgs{"article": articleID, "count": len(blocks)}); err != nil {
		return fmt.Errorf("clear paragraphs: %w", err)
	}
	// A paragraph whose text changes loses its evidence first, so that no
	// span is ever left pointing at text it no longer matches.
	_, err := w.tx.Exec(ctx, `
		DELETE FROM evidence e USING paragraphs p, unnest(@positions::int[], @texts::text[]) AS n(position, text)
		WHERE e.paragraph_id = p.id AND p.article_id = @article AND p.position = n.position AND p.text <> n.text`,
		pgx.NamedArgs{"article": articleID, "positions": positions, "texts": texts})
	if err != nil {
		return fmt.Errorf("clear stale evidence: %w", err)
	}
	_, err = w.tx.Exec(ctx, `
		INSERT INTO paragraphs (article_id, position, kind, text, source_offset)
		SELECT @article, n.position, n.kind::paragraph_kind, n.text, n.source_offset
		FROM unnest(@positions::int[], @kinds::text[], @texts::text[], @offsets::int[]) AS n(position, kind, text, source_offset)
		ON CONFLICT (article_id, position) DO UPDATE
		SET kind = EXCLUDED.kind, text = EXCLUDED.text, source_offset = EXCLUDED.source_offset`,
		pgx.NamedArgs{"article": articleID, "positions": positions, "kinds": kinds, "texts": texts, "offsets": offsets})
	if err != nil {
		return fmt.Errorf("upsert paragraphs: %w", err)
	}
	return nil
}

// byFirstSpan returns the article order of items, given each item's
// resolved evidence: by its first span, then by its order in the document.
func byFirstSpan(resolved [][]document.Span) []int {
	order := make([]int, len(resolved))
	for i := range order {
		order[i] = i
	}
	first := func(i int) document.Span {
		if len(resolved[i]) == 0 {
			return document.Span{}
		}
		return resolved[i][0]
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, sb := first(a), first(b)
		return cmp.Or(cmp.Compare(sa.Paragraph, sb.Paragraph), cmp.Compare(sa.Start, sb.Start))
	})
	return order
}

func (w *writer) statements(ctx context.Context, articleID int64, doc *document.Document, spans func(document.EvidenceList) []document.Span,
	affiliationIDs map[string]int64, add func([]document.Span, func(*evidenceRow))) (map[string]int64, error) {
	keys := make([]string, len(doc.Statements))
	for i, s := range doc.Statements {
		keys[i] = s.Key
	}
	if err := w.clear(ctx, "statement", `DELETE FROM statements WHERE article_id = @article AND NOT (key = ANY(@keys)) RETURNING id`, pgx.NamedArgs{"article": articleID, "keys": keys}); err != nil {
		return nil, err
	}
	resolved := make([][]document.Span, len(doc.Statements))
	for i, s := range doc.Statements {
		resolved[i] = spans(s.Evidence)
	}
	order := byFirstSpan(resolved)
	ids := map[string]int64{}
	for pos, i := range order {
		s := doc.Statements[i]
		affiliations := make([]int64, len(s.Affiliations))
		for j, key := range s.Affiliations {
			affiliations[j] = affiliationIDs[key]
		}
		id, err := w.statement(ctx, articleID, pos+1, &s, affiliations)
		if err != nil {
			return nil, err
		}
		ids[s.Key] = id
		add(resolved[i], func(r *evidenceRow) { r.statement = &id })
	}
	return ids, nil
}

// statement upserts one statement of an article at position, with its
// topics, mentions and cited affiliations (by id); it emits the
// statement-added event when the row is new, and returns its id.
func (w *writer) statement(ctx context.Context, articleID int64, position int, s *document.StatementDoc, affiliations []int64) (int64, error) {
	args := pgx.NamedArgs{"article_id": articleID, "key": s.Key, "position": position,
		"speaker_description": s.Speaker.Description, "speaker_role": s.Role, "verb": s.Verb,
		"mode": s.Mode, "content": s.Content}
	w.stamp(args, "statement", s.Key)
	var speaker *int64
	var speakerKind *string
	var err error
	switch {
	case s.Speaker.Person != nil:
		speaker, err = w.optID(ctx, s.Speaker.Person)
		speakerKind = ptr(db.KindPerson)
	case s.Speaker.Organization != nil:
		speaker, err = w.optID(ctx, s.Speaker.Organization)
		speakerKind = ptr(db.KindOrganization)
	}
	if err != nil {
		return 0, err
	}
	args["speaker_id"], args["speaker_kind"] = speaker, speakerKind
	if args["speaker_organization_id"], err = w.optID(ctx, s.Speaker.SpeaksFor); err != nil {
		return 0, err
	}
	if args["event_id"], err = w.optID(ctx, s.Event); err != nil {
		return 0, err
	}
	id, inserted, err := w.upsertItem(ctx, "statement", s.Key, `
		INSERT INTO statements (article_id, key, position, speaker_id, speaker_kind, speaker_description,
			speaker_organization_id, speaker_role, verb, mode, content, event_id, updated_by)
		VALUES (@article_id, @key, @position, @speaker_id, @speaker_kind, @speaker_description,
			@speaker_organization_id, @speaker_role, @verb, @mode, @content, @event_id, @actor)
		ON CONFLICT (article_id, key) DO UPDATE SET position = EXCLUDED.position,
			speaker_id = EXCLUDED.speaker_id, speaker_kind = EXCLUDED.speaker_kind,
			speaker_description = EXCLUDED.speaker_description,
			speaker_organization_id = EXCLUDED.speaker_organization_id, speaker_role = EXCLUDED.speaker_role,
			verb = EXCLUDED.verb, mode = EXCLUDED.mode, content = EXCLUDED.content, event_id = EXCLUDED.event_id,
			version = statements.version + @bump,
			updated_at = CASE WHEN @bump > 0 THEN now() ELSE statements.updated_at END,
			updated_by = coalesce(@actor, statements.updated_by)
		RETURNING id, xmax = 0`, args, s.Topics)
	if err != nil {
		return 0, err
	}
	mentions := make([]int64, len(s.Mentions))
	for i, m := range s.Mentions {
		if mentions[i], err = w.entityID(ctx, m); err != nil {
			return 0, err
		}
	}
	if err := w.relink(ctx, "statement_mentions", "statement_id", "entity_id", id, mentions, inserted); err != nil {
		return 0, fmt.Errorf("mentions of %s: %w", s.Key, err)
	}
	if err := w.relink(ctx, "statement_affiliations", "statement_id", "affiliation_id", id, affiliations, inserted); err != nil {
		return 0, fmt.Errorf("affiliations of %s: %w", s.Key, err)
	}
	return id, nil
}

// relink makes the rows of a link table for the item with id exactly
// those that link it to targets, in one statement; fresh says the item is
// new, so it has no rows to remove.
func (w *writer) relink(ctx context.Context, table, column, target string, id int64, targets []int64, fresh bool) error {
	if fresh && len(targets) == 0 {
		return nil
	}
	err := w.exec(ctx, `
		WITH gone AS (DELETE FROM `+table+` WHERE `+column+` = @id AND NOT (`+target+` = ANY(@targets)))
		INSERT INTO `+table+` (`+column+`, `+target+`) SELECT @id, unnest(@targets::bigint[]) ON CONFLICT DO NOTHING`, pgx.NamedArgs{"id": id, "targets": targets})
	if err != nil {
		return fmt.Errorf("link %s: %w", table, err)
	}
	return nil
}

func (w *writer) figures(ctx context.Context, articleID int64, doc *document.Document, spans func(document.EvidenceList) []document.Span,
	statementIDs map[string]int64, add func([]document.Span, func(*evidenceRow))) error {
	keys := make([]string, len(doc.Figures))
	for i, f := range doc.Figures {
		keys[i] = f.Key
	}
	if err := w.clear(ctx, "figure", `DELETE FROM figures WHERE article_id = @article AND NOT (key = ANY(@keys)) RETURNING id`, pgx.NamedArgs{"article": articleID, "keys": keys}); err != nil {
		return err
	}
	resolved := make([][]document.Span, len(doc.Figures))
	for i, f := range doc.Figures {
		resolved[i] = spans(f.Evidence)
	}
	order := byFirstSpan(resolved)
	for pos, i := range order {
		f := doc.Figures[i]
		var statement *int64
		if f.Statement != nil {
			id := statementIDs[*f.Statement]
			statement = &id
		}
		id, err := w.figure(ctx, articleID, pos+1, &f, statement)
		if err != nil {
			return err
		}
		add(resolved[i], func(r *evidenceRow) { r.figure = &id })
	}
	return nil
}

// figure upserts one figure of an article at position, citing the
// statement with id statement (nil for none), with its topics; it emits
// the figure-added event when the row is new, and returns its id.
func (w *writer) figure(ctx context.Context, articleID int64, position int, f *document.FigureDoc, statement *int64) (int64, error) {
	subject, err := w.entityID(ctx, f.Subject)
	if err != nil {
		return 0, err
	}
	args := pgx.NamedArgs{"article_id": articleID, "key": f.Key, "position": position, "metric": f.Metric,
		"value": f.Value, "unit": f.Unit, "currency": f.Currency, "display": f.Display,
		"subject_id": subject, "statement_id": statement}
	w.stamp(args, "figure", f.Key)
	dateArgs(args, "period", f.Period)
	dateArgs(args, "base", f.Base)
	dateArgs(args, "value_date", f.Date)
	id, _, err := w.upsertItem(ctx, "figure", f.Key, `
		INSERT INTO figures (article_id, key, position, metric, value, unit, currency, display, subject_id, statement_id,
			period_year, period_month, period_day, period_precision, period_text, period_inferred, period_basis,
			base_year, base_month, base_day, base_precision, base_text, base_inferred, base_basis,
			value_date_year, value_date_month, value_date_day, value_date_precision, value_date_text,
			value_date_inferred, value_date_basis, updated_by)
		VALUES (@article_id, @key, @position, @metric, @value::numeric, @unit, @currency, @display, @subject_id, @statement_id,
			@period_year, @period_month, @period_day, @period_precision, @period_text, @period_inferred, @period_basis,
			@base_year, @base_month, @base_day, @base_precision, @base_text, @base_inferred, @base_basis,
			@value_date_year, @value_date_month, @value_date_day, @value_date_precision, @value_date_text,
			@value_date_inferred, @value_date_basis, @actor)
		ON CONFLICT (article_id, key) DO UPDATE SET position = EXCLUDED.position, metric = EXCLUDED.metric,
			value = EXCLUDED.value, unit = EXCLUDED.unit, currency = EXCLUDED.currency, display = EXCLUDED.display,
			subject_id = EXCLUDED.subject_id, statement_id = EXCLUDED.statement_id,
			period_year = EXCLUDED.period_year, period_month = EXCLUDED.period_month,
			period_day = EXCLUDED.period_day, period_precision = EXCLUDED.period_precision,
			period_text = EXCLUDED.period_text, period_inferred = EXCLUDED.period_inferred,
			period_basis = EXCLUDED.period_basis, base_year = EXCLUDED.base_year, base_month = EXCLUDED.base_month,
			base_day = EXCLUDED.base_day, base_precision = EXCLUDED.base_precision, base_text = EXCLUDED.base_text,
			base_inferred = EXCLUDED.base_inferred, base_basis = EXCLUDED.base_basis,
			value_date_year = EXCLUDED.value_date_year, value_date_month = EXCLUDED.value_date_month,
			value_date_day = EXCLUDED.value_date_day, value_date_precision = EXCLUDED.value_date_precision,
			value_date_text = EXCLUDED.value_date_text, value_date_inferred = EXCLUDED.value_date_inferred,
			value_date_basis = EXCLUDED.value_date_basis,
			version = figures.version + @bump,
			updated_at = CASE WHEN @bump > 0 THEN now() ELSE figures.updated_at END,
			updated_by = coalesce(@actor, figures.updated_by)
		RETURNING id, xmax = 0`, args, f.Topics)
	return id, err
}

// upsertItem upserts one item of an article (kind "statement" or "figure",
// with key) by sql, which returns its id and whether the row is new; it
// emits the item's event (upserted) and links it to its topics in
// <kind>_topics, and returns its id and whether it is new.
func (w *writer) upsertItem(ctx context.Context, kind, key, sql string, args pgx.NamedArgs, topics []string) (id int64, inserted bool, err error) {
	if err := w.tx.QueryRow(ctx, sql, args).Scan(&id, &inserted); err != nil {
		return 0, false, fmt.Errorf("%s %s: %w", kind, key, err)
	}
	if err := w.upserted(ctx, kind, key, id, inserted); err != nil {
		return 0, false, err
	}
	if err := w.link(ctx, kind+"_topics", kind+"_id", id, topics, inserted); err != nil {
		return 0, false, err
	}
	return id, inserted, nil
}

// evidence upserts the article's evidence rows by span and owner, and
// deletes the article's rows that are no longer curated.
func (w *writer) evidence(ctx context.Context, articleID int64, rows []evidenceRow) error {
	args, n := evidenceArgs(articleID, rows)
	rowsOut, err := w.tx.Query(ctx, evidenceUpsert+` RETURNING id`, args)
	if err != nil {
		return fmt.Errorf("upsert evidence: %w", err)
	}
	kept, err := pgx.CollectRows(rowsOut, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("upsert evidence: %w", err)
	}
	if len(kept) != n {
		return errors.New("upsert evidence: some spans name no paragraph")
	}
	if _, err := w.tx.Exec(ctx, `DELETE FROM evidence WHERE article_id = @article AND NOT (id = ANY(@kept))`, pgx.NamedArgs{"article": articleID, "kept": kept}); err != nil {
		return fmt.Errorf("clear evidence: %w", err)
	}
	return nil
}

// queueItemEvidence queues on b the statement that makes rows the
// evidence of the one statement or figure whose evidence column
// (statement_id, figure_id) is id.
func queueItemEvidence(b *pgx.Batch, articleID int64, column string, id int64, rows []evidenceRow) {
	args, n := evidenceArgs(articleID, rows)
	args["owner"] = id
	b.Queue(`
		WITH kept AS (`+evidenceUpsert+` RETURNING id),
			gone AS (DELETE FROM evidence WHERE `+column+` = @owner AND NOT (id = ANY(ARRAY(SELECT id FROM kept))))
		SELECT count(*) FROM kept`, args).QueryRow(func(row pgx.Row) error {
		var kept int
		if err := row.Scan(&kept); err != nil {
			return fmt.Errorf("write evidence: %w", err)
		}
		if kept != n {
			return errors.New("write evidence: some spans name no paragraph")
		}
		return nil
	})
}

// evidenceUpsert writes the evidence rows of evidenceArgs.
const evidenceUpsert = `
	INSERT INTO evidence (article_id, paragraph_id, start_offset, end_offset, text,
		statement_id, figure_id, affiliation_id, credit_id, entity_id)
	SELECT @article_id, p.id, n.start_offset, n.end_offset, n.text,
		n.statement_id, n.figure_id, n.affiliation_id, n.credit_id, n.entity_id
	FROM unnest(@positions::int[], @starts::int[], @ends::int[], @texts::text[], @statements::bigint[],
		@figures::bigint[], @affiliations::bigint[], @credits::bigint[], @entities::bigint[])
		AS n(position, start_offset, end_offset, text, statement_id, figure_id, affiliation_id, credit_id, entity_id)
	JOIN paragraphs p ON p.article_id = @article_id AND p.position = n.position
	ON CONFLICT (statement_id, figure_id, affiliation_id, credit_id, entity_id, paragraph_id, start_offset, end_offset)
	DO UPDATE SET text = EXCLUDED.text`

// evidenceArgs returns the arguments of evidenceUpsert for rows, each
// distinct row once, and how many that is.
func evidenceArgs(articleID int64, rows []evidenceRow) (pgx.NamedArgs, int) {
	type key struct {
		p, s, e                                        int
		statement, figure, affiliation, credit, entity int64
	}
	deref := func(p *int64) int64 {
		if p == nil {
			return 0
		}
		return *p
	}
	seen := map[key]bool{}
	var positions, starts, ends []int
	var texts []string
	var statements, figures, affiliations, credits, entities []*int64
	for _, r := range rows {
		k := key{r.Paragraph, r.Start, r.End, deref(r.statement), deref(r.figure), deref(r.affiliation), deref(r.credit), deref(r.entity)}
		if seen[k] {
			continue
		}
		seen[k] = true
		positions, starts, ends, texts = append(positions, r.Paragraph), append(starts, r.Start), append(ends, r.End), append(texts, r.Text)
		statements, figures = append(statements, r.statement), append(figures, r.figure)
		affiliations, credits, entities = append(affiliations, r.affiliation), append(credits, r.credit), append(entities, r.entity)
	}
	return pgx.NamedArgs{"article_id": articleID, "positions": positions, "starts": starts, "ends": ends, "texts": texts,
		"statements": statements, "figures": figures, "affiliations": affiliations, "credits": credits, "entities": entities}, len(positions)
}

func ptr[T any](v T) *T { return &v }

// Validate checks documents as Import would, and writes nothing.
func Validate(ctx context.Context, s *db.Store, docs []*document.Document) error {
	_, err := document.Validate(ctx, docs, storedCatalog{s.Pool()})
	return err
}
