package db

import (
	"context"
	"fmt"
)

// listRoot reads one page of a root listing: rows of from matching cond, in
// the ordering o chooses.
func listRoot[T any](ctx context.Context, q querier, name, from, columns string, cond func(*listing) string, o Order, page PageArgs) (Page[T], error) {
	ord, err := orderFor(name, o)
	if err != nil {
		return Page[T]{}, err
	}
	l := listing{from: from, columns: columns}
	l.and(cond(&l))
	return fetchPage[T](ctx, q, l, ord, page)
}

// countRoot counts the rows of a root listing that match cond.
func countRoot(ctx context.Context, q querier, from string, cond func(*listing) string) (int, error) {
	l := listing{from: from}
	l.and(cond(&l))
	return count(ctx, q, l)
}

// ListArticles reads a page of the articles that match f (nil: all).
func (s *Store) ListArticles(ctx context.Context, f *ArticleFilter, o Order, page PageArgs) (Page[Article], error) {
	return listRoot[Article](ctx, s.read(ctx), "articles", articleFrom, articleColumns, f.sql, o, page)
}

// CountArticles counts the articles that match f.
func (s *Store) CountArticles(ctx context.Context, f *ArticleFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), articleFrom, f.sql)
}

// ListStatements reads a page of the statements that match f (nil: all).
func (s *Store) ListStatements(ctx context.Context, f *StatementFilter, o Order, page PageArgs) (Page[Statement], error) {
	return listRoot[Statement](ctx, s.read(ctx), "statements", statementFrom, statementColumns, f.sql, o, page)
}

// CountStatements counts the statements that match f.
func (s *Store) CountStatements(ctx context.Context, f *StatementFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), statementFrom, f.sql)
}

// ListFigures reads a page of the figures that match f (nil: all).
func (s *Store) ListFigures(ctx context.Context, f *FigureFilter, o Order, page PageArgs) (Page[Figure], error) {
	return listRoot[Figure](ctx, s.read(ctx), "figures", figureFrom, figureColumns, f.sql, o, page)
}

// CountFigures counts the figures that match f.
func (s *Store) CountFigures(ctx context.Context, f *FigureFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), figureFrom, f.sql)
}

// ListAgreements reads a page of the agreements that match f (nil: all).
func (s *Store) ListAgreements(ctx context.Context, f *AgreementFilter, o Order, page PageArgs) (Page[Agreement], error) {
	return listRoot[Agreement](ctx, s.read(ctx), "agreements", agreementFrom, agreementColumns, f.sql, o, page)
}

// CountAgreements counts the agreements that match f.
func (s *Store) CountAgreements(ctx context.Context, f *AgreementFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), agreementFrom, f.sql)
}

// ListPeople reads a page of the people who match f (nil: all).
func (s *Store) ListPeople(ctx context.Context, f *PersonFilter, o Order, page PageArgs) (Page[Person], error) {
	return listRoot[Person](ctx, s.read(ctx), "people", personFrom, personColumns, f.sql, o, page)
}

// CountPeople counts the people who match f.
func (s *Store) CountPeople(ctx context.Context, f *PersonFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), personFrom, f.sql)
}

// ListOrganizations reads a page of the organizations that match f (nil: all).
func (s *Store) ListOrganizations(ctx context.Context, f *OrganizationFilter, o Order, page PageArgs) (Page[Organization], error) {
	return listRoot[Organization](ctx, s.read(ctx), "organizations", organizationFrom, organizationColumns, f.sql, o, page)
}

// CountOrganizations counts the organizations that match f.
func (s *Store) CountOrganizations(ctx context.Context, f *OrganizationFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), organizationFrom, f.sql)
}

// ListPlaces reads a page of the places that match f (nil: all).
func (s *Store) ListPlaces(ctx context.Context, f *PlaceFilter, o Order, page PageArgs) (Page[Place], error) {
	return listRoot[Place](ctx, s.read(ctx), "places", placeFrom, placeColumns, f.sql, o, page)
}

// CountPlaces counts the places that match f.
func (s *Store) CountPlaces(ctx context.Context, f *PlaceFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), placeFrom, f.sql)
}

// ListEvents reads a page of the events that match f (nil: all).
func (s *Store) ListEvents(ctx context.Context, f *EventFilter, o Order, page PageArgs) (Page[Event], error) {
	return listRoot[Event](ctx, s.read(ctx), "events", eventFrom, eventColumns, f.sql, o, page)
}

// CountEvents counts the events that match f.
func (s *Store) CountEvents(ctx context.Context, f *EventFilter) (int, error) {
	return countRoot(ctx, s.read(ctx), eventFrom, f.sql)
}

// noFilter is the condition of an unfiltered listing.
func noFilter(*listing) string { return "true" }

// ListTopics reads a page of the topic vocabulary.
func (s *Store) ListTopics(ctx context.Context, o Order, page PageArgs) (Page[Topic], error) {
	return listRoot[Topic](ctx, s.read(ctx), "topics", topicFrom, topicColumns, noFilter, o, page)
}

// CountTopics counts the topics.
func (s *Store) CountTopics(ctx context.Context) (int, error) {
	return countRoot(ctx, s.read(ctx), topicFrom, noFilter)
}

// Relation is a nested listing of T: the children of a parent, such as an
// article's statements, filtered and ordered as its root listing's rows
// are (NestedArgs) or in its own order. A parent's page is read one of two
// ways:
//   - by a condition (where) that refers to the parent's id as par.id: each
//     parent's page is read by a subquery of its own, which suits children
//     an index finds by their parent (an article's statements), or children
//     that an index on the listing's order finds soon (a topic's);
//   - by members, without a condition: a query of (list_parent, ids) rows,
//     each parent in @parents with the ids of all its children, once each.
//     It runs once for the whole batch, after the WITH list with (which may
//     walk all the parents' subtrees at once), and each parent's page is
//     ranked from its ids. This suits children found through link tables
//     and subtrees (an organization's statements), where a condition would
//     be checked row by row, for every parent.
//
// A relation with members counts its children from them, with a condition
// or not: counting needs no rows of the listing itself.
type Relation[T any] struct {
	name, from, columns, where string
	with, members, alias       string // alias is the table of from whose ids members lists
	keys                       []sortKey
	desc                       bool
}

// relation declares a nested listing by condition; desc reads its keys
// descending.
func relation[T any](desc bool, name, from, columns, where string, keys []sortKey) Relation[T] {
	return Relation[T]{name: name, from: from, columns: columns, where: where, keys: keys, desc: desc}
}

// memberRelation declares a nested listing by members; alias is the table
// of from whose ids members lists. With a condition (where), pages are read
// by the condition and counted from the members.
func memberRelation[T any](desc bool, name, from, alias, columns, where, with, members string, keys []sortKey) Relation[T] {
	return Relation[T]{name: name, from: from, alias: alias, columns: columns, where: where, with: with, members: members, keys: keys, desc: desc}
}

// Filter is a filter of one listing's rows, rendered as SQL: a
// *StatementFilter for statements, a *FigureFilter for figures, ...; a nil
// Filter, or a nil filter of any type, selects every row.
type Filter interface{ sql(l *listing) string }

// NestedArgs are what a nested listing takes beside its page: a filter of
// its rows (of the type its root listing takes) and an order (by the names
// its root listing orders by; the zero Order is the relation's own).
type NestedArgs struct {
	Filter Filter
	Order  Order
}

// ordering returns the relation's ordering chosen by o: its own when
// o.Field is empty, else its root listing's ordering of that name.
func (r Relation[T]) ordering(o Order) (ordering, error) {
	if o.Field == "" {
		return ordering{name: r.name, keys: r.keys, desc: r.desc}, nil
	}
	return orderFor(listingOf[T](), o)
}

// listingOf names the root listing of T's rows, whose orderings and
// filters its relations take.
func listingOf[T any]() string {
	switch any((*T)(nil)).(type) {
	case *Article:
		return "articles"
	case *Statement:
		return "statements"
	case *Figure:
		return "figures"
	case *Agreement:
		return "agreements"
	case *Person:
		return "people"
	case *Organization:
		return "organizations"
	case *Place:
		return "places"
	case *Event:
		return "events"
	case *Topic:
		return "topics"
	}
	return ""
}

// filter adds the condition of args' filter to l and returns it ("true"
// when it selects every row).
func filter(l *listing, args NestedArgs) string {
	if args.Filter == nil {
		return "true"
	}
	cond := args.Filter.sql(l)
	if cond != "true" {
		l.and(cond)
	}
	return cond
}

// size is the select-list expression that counts a parent's children from
// list_members m: its ids, or those of them that meet cond.
func (r Relation[T]) size(cond string) string {
	if cond == "true" {
		return "cardinality(m.ids)"
	}
	return fmt.Sprintf("(SELECT count(*) FROM %s WHERE %s.id = ANY(m.ids) AND %s)", r.from, r.alias, cond)
}

// byPosition orders an article's statements or figures in reading order.
func byPosition(alias string) []sortKey {
	return []sortKey{key(alias+".position", "int"), key(alias+".id", "bigint")}
}

// mentionedIn is the condition that the entity aliased t is named in the
// parent article. It collects the article's named entities first (a few
// dozen evidence rows, by evidence_article_id_idx) and looks them up by
// id: written as EXISTS, PostgreSQL hash-joined every agreement with the
// article's evidence (0.9 ms for an article page instead of 0.2).
func mentionedIn(t string) string {
	return t + `.id = ANY(ARRAY(SELECT x.entity_id FROM evidence x WHERE x.article_id = par.id AND x.entity_id IS NOT NULL))`
}

var (
	// newestFirst, read descending, puts undated articles last.
	newestFirst  = []sortKey{key("coalesce(lower(a.published_range), '-infinity'::date)", "date"), key("a.id", "bigint")}
	articleOrder = []sortKey{key("s.article_id", "bigint"), key("s.position", "int"), key("s.id", "bigint")}
	figuresOrder = []sortKey{key("f.article_id", "bigint"), key("f.position", "int"), key("f.id", "bigint")}
	// orgSubtrees and topicSubtrees walk the subtrees of all the batch's
	// parents at once: subtrees(list_parent, ids) holds each parent with
	// its own id and those of everything below it.
	orgSubtrees = `org_tree(list_parent, id) AS (
			SELECT o.id, o.id FROM organizations o WHERE o.id = ANY(@parents)
			UNION SELECT t.list_parent, c.id FROM org_tree t JOIN organizations c ON c.parent_id = t.id),
		subtrees(list_parent, ids) AS (SELECT t.list_parent, array_agg(t.id) FROM org_tree t GROUP BY t.list_parent)`
	topicSubtrees = `topic_tree(list_parent, id) AS (
			SELECT t.id, t.id FROM topics t WHERE t.id = ANY(@parents)
			UNION SELECT tr.list_parent, c.id FROM topic_tree tr JOIN topics c ON c.parent_id = tr.id),
		subtrees(list_parent, ids) AS (SELECT tr.list_parent, array_agg(tr.id) FROM topic_tree tr GROUP BY tr.list_parent)`

	// orgStatements are the statements an organization made or that were
	// made on its behalf: its own (as the speaker), and those whose speaker
	// spoke for it or one of its sub-organizations, or held an affiliation
	// with one of them. Each list is read by index (the affiliations' ids
	// first, so that PostgreSQL looks their statements up by index too).
	orgStatements = `SELECT st.list_parent, ARRAY(
			SELECT s.id FROM statements s WHERE s.speaker_id = st.list_parent
			UNION SELECT s.id FROM statements s WHERE s.speaker_organization_id = ANY(st.ids)
			UNION SELECT sa.statement_id FROM statement_affiliations sa
				WHERE sa.affiliation_id = ANY(ARRAY(SELECT af.id FROM affiliations af WHERE af.organization_id = ANY(st.ids))))
		FROM subtrees st`
)

// topicMembers lists, for each topic of the batch, the ids of the things
// tagged with it or a narrower topic, in the link table's column.
func topicMembers(table, column string) string {
	return `SELECT st.list_parent, ARRAY(SELECT DISTINCT x.` + column + ` FROM ` + table + ` x WHERE x.topic_id = ANY(st.ids))
		FROM subtrees st`
}

// linkMembers lists, for each parent of the batch, the ids in the link
// table's column of its rows whose parentColumn is the parent.
func linkMembers(table, parentColumn, column string) string {
	return `SELECT par.id, ARRAY(SELECT DISTINCT x.` + column + ` FROM ` + table + ` x WHERE x.` + parentColumn + ` = par.id)
		FROM unnest(@parents::bigint[]) AS par(id)`
}

// The nested listings the API offers.
var (
	ArticleStatements    = relation[Statement](false, "article.statements", statementFrom, statementColumns, `s.article_id = par.id`, byPosition("s"))
	ArticleFigures       = relation[Figure](false, "article.figures", figureFrom, figureColumns, `f.article_id = par.id`, byPosition("f"))
	ArticleAgreements    = relation[Agreement](false, "article.agreements", agreementFrom, agreementColumns, mentionedIn("ag"), []sortKey{key("ag.name", "text"), key("ag.id", "bigint")})
	ArticlePeople        = relation[Person](false, "article.people", personFrom, personColumns, mentionedIn("p"), []sortKey{key("p.name", "text"), key("p.id", "bigint")})
	ArticleOrganizations = relation[Organization](false, "article.organizations", organizationFrom, organizationColumns, mentionedIn("o"), []sortKey{key("o.name", "text"), key("o.id", "bigint")})
	ArticlePlaces        = relation[Place](false, "article.places", placeFrom, placeColumns, mentionedIn("pl"), []sortKey{key("pl.name", "text"), key("pl.id", "bigint")})
	ArticleEvents        = relation[Event](false, "article.events", eventFrom, eventColumns, mentionedIn("ev"), []sortKey{key("ev.name", "text"), key("ev.id", "bigint")})

	EntityArticles = memberRelation[Article](true, "entity.articles", articleFrom, "a", articleColumns,
		"", "", linkMembers("evidence", "entity_id", "article_id"), newestFirst)

	// A topic's children are many, and the listing's order finds its first
	// page soon (the statements' and articles' index): pages by condition,
	// counts from members.
	TopicArticles = memberRelation[Article](true, "topic.articles", articleFrom, "a", articleColumns,
		`EXISTS (SELECT 1 FROM article_topics x WHERE x.article_id = a.id AND x.topic_id = ANY(`+topicTree("ARRAY[par.id]")+`))`,
		topicSubtrees, topicMembers("article_topics", "article_id"), newestFirst)
	TopicStatements = memberRelation[Statement](false, "topic.statements", statementFrom, "s", statementColumns,
		`EXISTS (SELECT 1 FROM statement_topics x WHERE x.statement_id = s.id AND x.topic_id = ANY(`+topicTree("ARRAY[par.id]")+`))`,
		topicSubtrees, topicMembers("statement_topics", "statement_id"), articleOrder)
	// Figures walked in the listing's order are checked one by one against
	// the topic, seconds for a topic of thousands: pages by members too.
	TopicFigures = memberRelation[Figure](false, "topic.figures", figureFrom, "f", figureColumns,
		"", topicSubtrees, topicMembers("figure_topics", "figure_id"), figuresOrder)
	TopicAgreements = memberRelation[Agreement](false, "topic.agreements", agreementFrom, "ag", agreementColumns,
		`EXISTS (SELECT 1 FROM agreement_topics x WHERE x.agreement_id = ag.id AND x.topic_id = ANY(`+topicTree("ARRAY[par.id]")+`))`,
		topicSubtrees, topicMembers("agreement_topics", "agreement_id"), []sortKey{key("ag.name", "text"), key("ag.id", "bigint")})
	TopicEvents = memberRelation[Event](false, "topic.events", eventFrom, "ev", eventColumns,
		`EXISTS (SELECT 1 FROM event_topics x WHERE x.event_id = ev.id AND x.topic_id = ANY(`+topicTree("ARRAY[par.id]")+`))`,
		topicSubtrees, topicMembers("event_topics", "event_id"), []sortKey{key("ev.name", "text"), key("ev.id", "bigint")})

	EntityFigures = relation[Figure](false, "entity.figures", figureFrom, figureColumns, `f.subject_id = par.id`, figuresOrder)

	PersonStatements = relation[Statement](false, "person.statements", statementFrom, statementColumns, `s.speaker_id = par.id`, articleOrder)

	OrganizationMembers = memberRelation[Person](false, "organization.members", personFrom, "p", personColumns,
		"", "", linkMembers("affiliations", "organization_id", "person_id"), []sortKey{key("p.name", "text"), key("p.id", "bigint")})
	OrganizationStatements = memberRelation[Statement](false, "organization.statements", statementFrom, "s", statementColumns,
		"", orgSubtrees, orgStatements, articleOrder)
	PartyAgreements = memberRelation[Agreement](false, "party.agreements", agreementFrom, "ag", agreementColumns,
		"", "", linkMembers("agreement_parties", "entity_id", "agreement_id"), []sortKey{key("ag.name", "text"), key("ag.id", "bigint")})
)

// Name returns the relation's name, unique among relations.
func (r Relation[T]) Name() string { return r.name }

// NestedPages reads the same page of a relation, filtered and ordered as
// args say, for many parents in one statement.
func NestedPages[T any](ctx context.Context, s *Store, r Relation[T], parents []int64, page PageArgs, args NestedArgs) (map[int64]Page[T], error) {
	return r.pages(ctx, s, parents, page, args, false)
}

// NestedPagesCounted is NestedPages that also counts each parent's
// children, in the same statement: each page's Total is set, except for an
// empty page after or before a cursor (the statement returns no row that
// could carry its count), which NestedCounts must count.
func NestedPagesCounted[T any](ctx context.Context, s *Store, r Relation[T], parents []int64, page PageArgs, args NestedArgs) (map[int64]Page[T], error) {
	return r.pages(ctx, s, parents, page, args, true)
}

func (r Relation[T]) pages(ctx context.Context, s *Store, parents []int64, page PageArgs, args NestedArgs, withCount bool) (map[int64]Page[T], error) {
	ord, err := r.ordering(args.Order)
	if err != nil {
		return nil, err
	}
	l := listing{from: r.from, columns: r.columns}
	cond := filter(&l, args)
	if r.where == "" {
		return fetchMemberPages[T](ctx, s.read(ctx), l, r.alias, r.membersWith(), r.size(cond), ord, parents, page, withCount)
	}
	l.and(r.where)
	if r.members != "" {
		return fetchNestedPages[T](ctx, s.read(ctx), l, r.membersWith(), r.size(cond), ord, parents, page, withCount)
	}
	return fetchNestedPages[T](ctx, s.read(ctx), l, "", "", ord, parents, page, withCount)
}

// membersWith is the WITH list of a relation by members: its own WITH list,
// then list_members, materialized so that each parent's ids are read once.
func (r Relation[T]) membersWith() string {
	with := `list_members(list_parent, ids) AS MATERIALIZED (` + r.members + `)`
	if r.with != "" {
		with = r.with + `,
		` + with
	}
	return with
}

// NestedCounts counts a relation's children that match args' filter for
// many parents in one statement.
func NestedCounts[T any](ctx context.Context, s *Store, r Relation[T], parents []int64, args NestedArgs) (map[int64]int, error) {
	l := listing{from: r.from}
	cond := filter(&l, args)
	if r.members != "" {
		return countMembers(ctx, s.read(ctx), l, r.membersWith(), r.size(cond), parents)
	}
	l.and(r.where)
	return countNested(ctx, s.read(ctx), l, parents)
}

// CursorName returns the ordering name that cursors of the root listing
// chosen by o carry, so callers can reject cursors of other listings early.
func CursorName(listingName string, o Order) (string, error) {
	ord, err := orderFor(listingName, o)
	if err != nil {
		return "", err
	}
	return ord.cursorName(), nil
}
