package db

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// byIDs reads the rows of one type whose id is in ids, in no particular
// order; ids that name nothing are left out. Each of idColumns must be in
// ids: a kind of entity names its own id and its entities row's, so that
// PostgreSQL reads only those rows of both (see namedEntityBranches).
func byIDs[T any](ctx context.Context, q querier, from, columns string, ids []int64, idColumns ...string) ([]*T, error) {
	where := make([]string, len(idColumns))
	for i, c := range idColumns {
		where[i] = c + ` = ANY($1)`
	}
	items, err := fetchAll[T](ctx, q, `SELECT `+columns+` FROM `+from+` WHERE `+strings.Join(where, ` AND `), ids)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", from, err)
	}
	return items, nil
}

// Articles reads articles by id.
func (s *Store) Articles(ctx context.Context, ids []int64) ([]*Article, error) {
	return byIDs[Article](ctx, s.read(ctx), articleFrom, articleColumns, ids, "a.id")
}

// ArticleTexts reads the verbatim source text of articles by id; ids that
// name no article are left out.
func (s *Store) ArticleTexts(ctx context.Context, ids []int64) (map[int64]string, error) {
	rows, err := s.read(ctx).Query(ctx, `SELECT a.id, a.source_text FROM articles a WHERE a.id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("read article texts: %w", err)
	}
	texts := make(map[int64]string, len(ids))
	var id int64
	var text string
	if _, err := pgx.ForEachRow(rows, []any{&id, &text}, func() error {
		texts[id] = text
		return nil
	}); err != nil {
		return nil, fmt.Errorf("read article texts: %w", err)
	}
	return texts, nil
}

// ArticleBySlug reads the article with slug, or returns ErrNotFound.
func (s *Store) ArticleBySlug(ctx context.Context, slug string) (*Article, error) {
	items, err := fetchAll[Article](ctx, s.read(ctx), `SELECT `+articleColumns+` FROM `+articleFrom+` WHERE a.slug = $1`, slug)
	if err != nil {
		return nil, fmt.Errorf("read article %q: %w", slug, err)
	}
	if len(items) == 0 {
		return nil, ErrNotFound
	}
	return items[0], nil
}

// EntityBySlug returns the id and kind (PERSON, ORGANIZATION, ...) of the
// entity with slug, or ErrNotFound.
func (s *Store) EntityBySlug(ctx context.Context, slug string) (int64, string, error) {
	var id int64
	var kind string
	err := s.read(ctx).QueryRow(ctx, `SELECT id, upper(kind::text) FROM entities WHERE slug = $1`, slug).Scan(&id, &kind)
	if isNoRows(err) {
		return 0, "", ErrNotFound
	}
	if err != nil {
		return 0, "", fmt.Errorf("read entity %q: %w", slug, err)
	}
	return id, kind, nil
}

// TopicBySlug reads the topic with slug, or returns ErrNotFound.
func (s *Store) TopicBySlug(ctx context.Context, slug string) (*Topic, error) {
	items, err := fetchAll[Topic](ctx, s.read(ctx), `SELECT `+topicColumns+` FROM `+topicFrom+` WHERE t.slug = $1`, slug)
	if err != nil {
		return nil, fmt.Errorf("read topic %q: %w", slug, err)
	}
	if len(items) == 0 {
		return nil, ErrNotFound
	}
	return items[0], nil
}

// Paragraphs reads paragraphs by id.
func (s *Store) Paragraphs(ctx context.Context, ids []int64) ([]*Paragraph, error) {
	return byIDs[Paragraph](ctx, s.read(ctx), paragraphFrom, paragraphColumns, ids, "p.id")
}

// Topics reads topics by id.
func (s *Store) Topics(ctx context.Context, ids []int64) ([]*Topic, error) {
	return byIDs[Topic](ctx, s.read(ctx), topicFrom, topicColumns, ids, "t.id")
}

// People reads people by id.
func (s *Store) People(ctx context.Context, ids []int64) ([]*Person, error) {
	return byIDs[Person](ctx, s.read(ctx), personFrom, personColumns, ids, "p.id", "n.id")
}

// Organizations reads organizations by id.
func (s *Store) Organizations(ctx context.Context, ids []int64) ([]*Organization, error) {
	return byIDs[Organization](ctx, s.read(ctx), organizationFrom, organizationColumns, ids, "o.id", "n.id")
}

// Places reads places by id.
func (s *Store) Places(ctx context.Context, ids []int64) ([]*Place, error) {
	return byIDs[Place](ctx, s.read(ctx), placeFrom, placeColumns, ids, "pl.id", "n.id")
}

// Events reads events by id.
func (s *Store) Events(ctx context.Context, ids []int64) ([]*Event, error) {
	return byIDs[Event](ctx, s.read(ctx), eventFrom, eventColumns, ids, "ev.id", "n.id")
}

// Projects reads projects by id.
func (s *Store) Projects(ctx context.Context, ids []int64) ([]*Project, error) {
	return byIDs[Project](ctx, s.read(ctx), projectFrom, projectColumns, ids, "pr.id", "n.id")
}

// Agreements reads agreements by id.
func (s *Store) Agreements(ctx context.Context, ids []int64) ([]*Agreement, error) {
	return byIDs[Agreement](ctx, s.read(ctx), agreementFrom, agreementColumns, ids, "ag.id", "n.id")
}

// Affiliations reads affiliations by id, with their organizations and
// places.
func (s *Store) Affiliations(ctx context.Context, ids []int64) ([]*Affiliation, error) {
	affs, err := byIDs[Affiliation](ctx, s.read(ctx), "affiliations af", affiliationColumns, ids, "af.id")
	if err != nil {
		return nil, err
	}
	return affs, s.attachAffiliationRefs(ctx, affs)
}

// attachAffiliationRefs reads the organizations and places of affiliations
// (one statement for all of them) and sets their Organization and Place.
func (s *Store) attachAffiliationRefs(ctx context.Context, affs []*Affiliation) error {
	var keys []EntityKey
	for _, a := range affs {
		if a.OrganizationID != nil {
			keys = append(keys, EntityKey{Kind: "ORGANIZATION", ID: *a.OrganizationID})
		}
		if a.PlaceID != nil {
			keys = append(keys, EntityKey{Kind: "PLACE", ID: *a.PlaceID})
		}
	}
	// Unique keys: many affiliations share an organization.
	slices.SortFunc(keys, func(a, b EntityKey) int {
		return cmp.Or(strings.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID))
	})
	keys = slices.Compact(keys)
	found, err := s.NamedEntities(ctx, keys)
	if err != nil {
		return err
	}
	for _, a := range affs {
		if a.OrganizationID != nil {
			if a.Organization, _ = found[EntityKey{Kind: "ORGANIZATION", ID: *a.OrganizationID}].(*Organization); a.Organization == nil {
				return fmt.Errorf("affiliation %d: organization %d: %w", a.ID, *a.OrganizationID, ErrNotFound) // the foreign key forbids this
			}
		}
		if a.PlaceID != nil {
			if a.Place, _ = found[EntityKey{Kind: "PLACE", ID: *a.PlaceID}].(*Place); a.Place == nil {
				return fmt.Errorf("affiliation %d: place %d: %w", a.ID, *a.PlaceID, ErrNotFound)
			}
		}
	}
	return nil
}

// affiliationsWithRefs is children for affiliations, with their
// organizations and places.
func (s *Store) affiliationsWithRefs(ctx context.Context, what, sql string, parents []int64) (map[int64][]*Affiliation, error) {
	items, err := fetchAll[Affiliation](ctx, s.read(ctx), sql, parents)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if err := s.attachAffiliationRefs(ctx, items); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return groupByParent(items), nil
}

// Statements reads statements by id.
func (s *Store) Statements(ctx context.Context, ids []int64) ([]*Statement, error) {
	return byIDs[Statement](ctx, s.read(ctx), statementFrom, statementColumns, ids, "s.id")
}

// Figures reads figures by id.
func (s *Store) Figures(ctx context.Context, ids []int64) ([]*Figure, error) {
	return byIDs[Figure](ctx, s.read(ctx), figureFrom, figureColumns, ids, "f.id")
}

// EntityKinds returns the kind (PERSON, ORGANIZATION, ...) of each entity id
// that exists.
func (s *Store) EntityKinds(ctx context.Context, ids []int64) (map[int64]string, error) {
	rows, err := fetchAll[EntityRef](ctx, s.read(ctx), `SELECT id AS entity_id, upper(kind::text) AS entity_kind FROM entities WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("read entity kinds: %w", err)
	}
	kinds := make(map[int64]string, len(rows))
	for _, r := range rows {
		kinds[r.ID] = r.Kind
	}
	return kinds, nil
}

// Missing returns the ids that name no row of the given kind: one of
// ARTICLE, TOPIC, PERSON, ORGANIZATION, PLACE, EVENT, PROJECT, AGREEMENT.
func (s *Store) Missing(ctx context.Context, kind string, ids []int64) ([]int64, error) {
	table, ok := map[string]string{"ARTICLE": "articles", "TOPIC": "topics", "PERSON": "people",
		"ORGANIZATION": "organizations", "PLACE": "places", "EVENT": "events", "PROJECT": "projects",
		"AGREEMENT": "agreements", "ENTITY": "entities"}[kind]
	if !ok {
		return nil, fmt.Errorf("missing: unknown kind %q", kind)
	}
	rows, err := s.read(ctx).Query(ctx, `SELECT x FROM unnest($1::bigint[]) x WHERE NOT EXISTS (SELECT 1 FROM `+table+` t WHERE t.id = x)`, ids)
	if err != nil {
		return nil, fmt.Errorf("check %s ids: %w", kind, err)
	}
	var missing []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		missing = append(missing, id)
	}
	return missing, rows.Err()
}

// children reads rows grouped by the parent each belongs to. sql selects
// the parent as list_parent and takes the parent ids as $1.
func children[T any](ctx context.Context, q querier, what, sql string, parents []int64) (map[int64][]*T, error) {
	items, err := fetchAll[T](ctx, q, sql, parents)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return groupByParent(items), nil
}

// ParagraphsOf reads the paragraphs of articles, in reading order.
func (s *Store) ParagraphsOf(ctx context.Context, articles []int64) (map[int64][]*Paragraph, error) {
	return children[Paragraph](ctx, s.read(ctx), "paragraphs", `SELECT p.article_id AS list_parent, `+paragraphColumns+`
		FROM paragraphs p WHERE p.article_id = ANY($1) ORDER BY p.article_id, p.position`, articles)
}

// CreditsOf reads the credits of articles, in the order of the credit lines.
func (s *Store) CreditsOf(ctx context.Context, articles []int64) (map[int64][]*Credit, error) {
	return children[Credit](ctx, s.read(ctx), "credits", `SELECT c.article_id AS list_parent, `+creditColumns+`
		FROM credits c WHERE c.article_id = ANY($1) ORDER BY c.article_id, c.position`, articles)
}

// AffiliationsOf reads people's affiliations, with their organizations and
// places: current ones first.
func (s *Store) AffiliationsOf(ctx context.Context, people []int64) (map[int64][]*Affiliation, error) {
	return s.affiliationsWithRefs(ctx, "affiliations", `SELECT af.person_id AS list_parent, `+affiliationColumns+`
		FROM affiliations af WHERE af.person_id = ANY($1) ORDER BY af.person_id, af.former, af.id`, people)
}

// StatementAffiliations reads the affiliations each statement's speaker
// role refers to, with their organizations and places.
func (s *Store) StatementAffiliations(ctx context.Context, statements []int64) (map[int64][]*Affiliation, error) {
	return s.affiliationsWithRefs(ctx, "statement affiliations", `SELECT sa.statement_id AS list_parent, `+affiliationColumns+`
		FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
		WHERE sa.statement_id = ANY($1) ORDER BY sa.statement_id, af.former, af.id`, statements)
}

// TopicLinks names the tables that tag things with topics.
type TopicLinks string

// The things topics are tagged on.
const (
	ArticleTopics   TopicLinks = "article"
	StatementTopics TopicLinks = "statement"
	FigureTopics    TopicLinks = "figure"
	AgreementTopics TopicLinks = "agreement"
	EventTopics     TopicLinks = "event"
)

// TopicsOf reads the topics tagged on things of one kind, by label.
func (s *Store) TopicsOf(ctx context.Context, of TopicLinks, ids []int64) (map[int64][]*Topic, error) {
	link, ok := map[TopicLinks]struct{ table, column string }{
		ArticleTopics:   {"article_topics", "article_id"},
		StatementTopics: {"statement_topics", "statement_id"},
		FigureTopics:    {"figure_topics", "figure_id"},
		AgreementTopics: {"agreement_topics", "agreement_id"},
		EventTopics:     {"event_topics", "event_id"},
	}[of]
	if !ok {
		return nil, fmt.Errorf("topics of %q: unknown", of)
	}
	table, column := link.table, link.column
	return children[Topic](ctx, s.read(ctx), table, `SELECT x.`+column+` AS list_parent, `+topicColumns+`
		FROM `+table+` x JOIN topics t ON t.id = x.topic_id WHERE x.`+column+` = ANY($1) ORDER BY t.label, t.id`, ids)
}

// SubTopics reads the narrower topics of topics, by label.
func (s *Store) SubTopics(ctx context.Context, topics []int64) (map[int64][]*Topic, error) {
	return children[Topic](ctx, s.read(ctx), "subtopics", `SELECT t.parent_id AS list_parent, `+topicColumns+`
		FROM topics t WHERE t.parent_id = ANY($1) ORDER BY t.label, t.id`, topics)
}

// SubOrganizations reads the organizations that are part of organizations, by name.
func (s *Store) SubOrganizations(ctx context.Context, orgs []int64) (map[int64][]*Organization, error) {
	return children[Organization](ctx, s.read(ctx), "sub-organizations", `SELECT o.parent_id AS list_parent, `+organizationColumns+`
		FROM `+organizationFrom+` WHERE o.parent_id = ANY($1) ORDER BY o.name, o.id`, orgs)
}

// Sessions reads the events that are part of events, by date then name.
func (s *Store) Sessions(ctx context.Context, events []int64) (map[int64][]*Event, error) {
	return children[Event](ctx, s.read(ctx), "sessions", `SELECT ev.parent_id AS list_parent, `+eventColumns+`
		FROM `+eventFrom+` WHERE ev.parent_id = ANY($1) ORDER BY lower(ev.date_range) NULLS LAST, ev.name, ev.id`, events)
}

// AgreementParts reads the agreements that are part of agreements, by name.
func (s *Store) AgreementParts(ctx context.Context, agreements []int64) (map[int64][]*Agreement, error) {
	return children[Agreement](ctx, s.read(ctx), "agreement parts", `SELECT ag.parent_id AS list_parent, `+agreementColumns+`
		FROM `+agreementFrom+` WHERE ag.parent_id = ANY($1) ORDER BY ag.name, ag.id`, agreements)
}

// Parties reads the parties of agreements, in the order the article gives.
func (s *Store) Parties(ctx context.Context, agreements []int64) (map[int64][]*EntityRef, error) {
	return children[EntityRef](ctx, s.read(ctx), "parties", `SELECT x.agreement_id AS list_parent, x.entity_id,
		upper(n.kind::text) AS entity_kind, upper(x.role::text) AS role
		FROM agreement_parties x JOIN entities n ON n.id = x.entity_id
		WHERE x.agreement_id = ANY($1) ORDER BY x.agreement_id, x.position`, agreements)
}

// Participants reads who took part in events.
func (s *Store) Participants(ctx context.Context, events []int64) (map[int64][]*EntityRef, error) {
	return children[EntityRef](ctx, s.read(ctx), "participants", `SELECT x.event_id AS list_parent, x.entity_id,
		upper(n.kind::text) AS entity_kind, upper(x.role::text) AS role
		FROM event_participants x JOIN entities n ON n.id = x.entity_id
		WHERE x.event_id = ANY($1) ORDER BY x.event_id, x.role, x.entity_id`, events)
}

// StatementMentions reads the entities statements name.
func (s *Store) StatementMentions(ctx context.Context, statements []int64) (map[int64][]*EntityRef, error) {
	return children[EntityRef](ctx, s.read(ctx), "statement mentions", `SELECT x.statement_id AS list_parent, x.entity_id,
		upper(n.kind::text) AS entity_kind, NULL::text AS role
		FROM statement_mentions x JOIN entities n ON n.id = x.entity_id
		WHERE x.statement_id = ANY($1) ORDER BY x.statement_id, x.entity_id`, statements)
}

// AgreementPlaces reads the places agreements involve, by name.
func (s *Store) AgreementPlaces(ctx context.Context, agreements []int64) (map[int64][]*Place, error) {
	return children[Place](ctx, s.read(ctx), "agreement places", `SELECT x.agreement_id AS list_parent, `+placeColumns+`
		FROM agreement_places x JOIN `+placeFrom+` ON pl.id = x.place_id
		WHERE x.agreement_id = ANY($1) ORDER BY pl.name, pl.id`, agreements)
}

// AgreementProjects reads the projects agreements involve, by name.
func (s *Store) AgreementProjects(ctx context.Context, agreements []int64) (map[int64][]*Project, error) {
	return children[Project](ctx, s.read(ctx), "agreement projects", `SELECT x.agreement_id AS list_parent, `+projectColumns+`
		FROM agreement_projects x JOIN `+projectFrom+` ON pr.id = x.project_id
		WHERE x.agreement_id = ANY($1) ORDER BY pr.name, pr.id`, agreements)
}

// StatementFigures reads the figures statements state, in reading order.
func (s *Store) StatementFigures(ctx context.Context, statements []int64) (map[int64][]*Figure, error) {
	return children[Figure](ctx, s.read(ctx), "statement figures", `SELECT f.statement_id AS list_parent, `+figureColumns+`
		FROM `+figureFrom+` WHERE f.statement_id = ANY($1) ORDER BY f.position, f.id`, statements)
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

// EvidenceOf reads the evidence of facts of one kind, with its paragraphs,
// in reading order (article by article).
func (s *Store) EvidenceOf(ctx context.Context, owner EvidenceOwner, ids []int64) (map[int64][]*Evidence, error) {
	keys := make([]EvidenceKey, len(ids))
	for i, id := range ids {
		keys[i] = EvidenceKey{Owner: owner, ID: id}
	}
	found, err := s.EvidenceOfAll(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]*Evidence, len(found))
	for k, list := range found {
		out[k.ID] = list
	}
	return out, nil
}

// EvidenceKey is a fact that evidence supports: a statement, a figure, ...
// (Owner) and its id.
type EvidenceKey struct {
	Owner EvidenceOwner
	ID    int64
}

// EvidenceOfAll reads the evidence of facts of any kinds, with its
// paragraphs, in reading order (article by article), in one statement: a
// UNION ALL of one branch per kind asked for.
func (s *Store) EvidenceOfAll(ctx context.Context, keys []EvidenceKey) (map[EvidenceKey][]*Evidence, error) {
	ids := map[EvidenceOwner][]int64{}
	for _, k := range keys {
		switch k.Owner {
		case StatementEvidence, FigureEvidence, AffiliationEvidence, CreditEvidence, EntityEvidence:
		default:
			return nil, fmt.Errorf("evidence of %q: unknown", k.Owner)
		}
		ids[k.Owner] = append(ids[k.Owner], k.ID)
	}
	var branches []string
	var args []any
	for _, owner := range []EvidenceOwner{StatementEvidence, FigureEvidence, AffiliationEvidence, CreditEvidence, EntityEvidence} {
		if len(ids[owner]) == 0 {
			continue
		}
		args = append(args, ids[owner])
		col := "e." + string(owner)
		branches = append(branches, fmt.Sprintf(`SELECT '%s' AS list_owner, %s AS list_parent, %s FROM %s WHERE %s = ANY($%d)`,
			owner, col, evidenceColumns, evidenceFrom, col, len(args)))
	}
	out := make(map[EvidenceKey][]*Evidence, len(keys))
	if len(branches) == 0 {
		return out, nil
	}
	type row struct {
		Evidence
		Owner EvidenceOwner `db:"list_owner"`
	}
	rows, err := fetchAll[row](ctx, s.read(ctx), strings.Join(branches, "\nUNION ALL\n")+
		"\nORDER BY list_owner, list_parent, article_id, paragraph_position, start_offset, id", args...)
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
	rows, err := fetchAll[row](ctx, s.read(ctx), `SELECT e.entity_id AS mention_entity, `+evidenceColumns+`
		FROM unnest($1::bigint[], $2::bigint[]) AS k(entity_id, article_id)
		JOIN evidence e ON e.entity_id = k.entity_id AND e.article_id = k.article_id
		JOIN paragraphs ep ON ep.id = e.paragraph_id
		`+evidenceOrder, entities, articles)
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

// EntityKey names a person, an organization or a place: Kind is PERSON,
// ORGANIZATION or PLACE.
type EntityKey struct {
	Kind string
	ID   int64
}

// namedEntityBranches read each kind of NamedEntities as the same columns,
// named in every branch (the first branch read names them): every kind's
// own columns (as personColumns, organizationColumns and placeColumns name
// them), NULL where a kind has no such column.
// TestNamedEntities checks that they read what People, Organizations and
// Places read. Each branch tests its ids on both sides of the join with
// entities: given them on one side only, PostgreSQL may merge-join the
// other side's whole primary key up to the largest id (1.6 ms for 34
// organizations of the generated corpus, against 0.1 ms).
var namedEntityBranches = []struct{ kind, sql string }{
	{"PERSON", `SELECT 'PERSON' AS entity_kind, p.id, n.slug, p.name, p.honorifics, NULL::text AS short_name,
		NULL::text AS org_kind, NULL::text AS place_kind, NULL::bigint AS country_id, NULL::bigint AS parent_id,
		NULL::boolean AS unresolved, NULL::text AS note, n.version FROM ` + personFrom + ` WHERE p.id = ANY(%[1]s) AND n.id = ANY(%[1]s)`},
	{"ORGANIZATION", `SELECT 'ORGANIZATION' AS entity_kind, o.id, n.slug, o.name, NULL::text[] AS honorifics, o.short_name,
		upper(o.org_kind::text) AS org_kind, NULL::text AS place_kind, o.country_id, o.parent_id,
		o.unresolved, o.note, n.version FROM ` + organizationFrom + ` WHERE o.id = ANY(%[1]s) AND n.id = ANY(%[1]s)`},
	{"PLACE", `SELECT 'PLACE' AS entity_kind, pl.id, n.slug, pl.name, NULL::text[] AS honorifics, NULL::text AS short_name,
		NULL::text AS org_kind, upper(pl.place_kind::text) AS place_kind, pl.country_id, pl.parent_id,
		NULL::boolean AS unresolved, NULL::text AS note, n.version FROM ` + placeFrom + ` WHERE pl.id = ANY(%[1]s) AND n.id = ANY(%[1]s)`},
}

// namedEntityRow is a row of NamedEntities: the columns of all three kinds.
type namedEntityRow struct {
	Kind       string   `db:"entity_kind"`
	ID         int64    `db:"id"`
	Slug       string   `db:"slug"`
	Name       string   `db:"name"`
	Honorifics []string `db:"honorifics"`
	ShortName  *string  `db:"short_name"`
	OrgKind    *string  `db:"org_kind"`
	PlaceKind  *string  `db:"place_kind"`
	CountryID  *int64   `db:"country_id"`
	ParentID   *int64   `db:"parent_id"`
	Unresolved *bool    `db:"unresolved"`
	Note       *string  `db:"note"`
	Version    int      `db:"version"`
}

// NamedEntities reads people, organizations and places by kind and id, all
// in one statement (People, Organizations and Places take one each). The
// values are *Person, *Organization or *Place; keys that name nothing, or
// a kind other than those three, are left out.
func (s *Store) NamedEntities(ctx context.Context, keys []EntityKey) (map[EntityKey]any, error) {
	ids := map[string][]int64{}
	for _, k := range keys {
		ids[k.Kind] = append(ids[k.Kind], k.ID)
	}
	var branches []string
	var args []any
	for _, b := range namedEntityBranches {
		if len(ids[b.kind]) == 0 {
			continue
		}
		args = append(args, ids[b.kind])
		branches = append(branches, fmt.Sprintf(b.sql, fmt.Sprintf("$%d", len(args))))
	}
	out := make(map[EntityKey]any, len(keys))
	if len(branches) == 0 {
		return out, nil
	}
	rows, err := fetchAll[namedEntityRow](ctx, s.read(ctx), strings.Join(branches, "\nUNION ALL\n"), args...)
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	for _, r := range rows {
		var v any
		switch r.Kind {
		case "PERSON":
			v = &Person{ID: r.ID, Slug: r.Slug, Name: r.Name, Honorifics: r.Honorifics, Version: r.Version}
		case "ORGANIZATION":
			v = &Organization{ID: r.ID, Slug: r.Slug, Name: r.Name, ShortName: r.ShortName, Kind: r.OrgKind,
				CountryID: r.CountryID, ParentID: r.ParentID, Unresolved: r.Unresolved != nil && *r.Unresolved, Note: r.Note, Version: r.Version}
		case "PLACE":
			v = &Place{ID: r.ID, Slug: r.Slug, Name: r.Name, CountryID: r.CountryID, ParentID: r.ParentID, Version: r.Version}
			if r.PlaceKind != nil {
				v.(*Place).Kind = *r.PlaceKind
			}
		}
		out[EntityKey{Kind: r.Kind, ID: r.ID}] = v
	}
	return out, nil
}
