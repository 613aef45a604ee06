package db

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db/globalid"
)

// Topics: the vocabulary's terms, what is tagged with them, the topics
// listing and the nested listings of what a topic tags.

// Topic is a term of the topic vocabulary.
type Topic struct {
	ID          int64   `db:"id"`
	Slug        string  `db:"slug"`
	Label       string  `db:"label"`
	Description *string `db:"description"`
	ParentID    *int64  `db:"parent_id"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// The topics listing's FROM and columns.
const (
	topicFrom    = `topics t`
	topicColumns = `t.id, t.slug, t.label, t.description, t.parent_id, t.version`
)

const topicsByID = `SELECT t.id, t.slug, t.label, t.description, t.parent_id, t.version FROM topics t WHERE t.id = ANY(@ids)`

// Topics reads topics by id.
func (s *Store) Topics(ctx context.Context, ids []int64) ([]*Topic, error) {
	return readByIDs[Topic](ctx, s.read(ctx), "topics", topicsByID, ids)
}

// GlobalID returns the topic's global ID in the API.
func (t *Topic) GlobalID() string { return globalid.Encode(globalid.Topic, t.ID) }

const topicBySlug = `SELECT t.id, t.slug, t.label, t.description, t.parent_id, t.version FROM topics t WHERE t.slug = @slug`

// TopicBySlug reads the topic with slug, or returns ErrNotFound.
func (s *Store) TopicBySlug(ctx context.Context, slug string) (*Topic, error) {
	return readOne[Topic](ctx, s.read(ctx), fmt.Sprintf("topic %q", slug), topicBySlug, pgx.NamedArgs{"slug": slug})
}

const subTopics = `
	SELECT t.parent_id AS list_parent, t.id, t.slug, t.label, t.description, t.parent_id, t.version
	FROM topics t WHERE t.parent_id = ANY(@parents) ORDER BY t.label, t.id`

// SubTopics reads the narrower topics of topics, by label.
func (s *Store) SubTopics(ctx context.Context, topics []int64) (map[int64][]*Topic, error) {
	return children[Topic](ctx, s.read(ctx), "subtopics", subTopics, topics)
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

// topicsOf reads the topics tagged on things of each kind, by label: one
// statement per link table.
var topicsOf = map[TopicLinks]string{
	ArticleTopics: `SELECT x.article_id AS list_parent, t.id, t.slug, t.label, t.description, t.parent_id, t.version
		FROM article_topics x JOIN topics t ON t.id = x.topic_id WHERE x.article_id = ANY(@parents) ORDER BY t.label, t.id`,
	StatementTopics: `SELECT x.statement_id AS list_parent, t.id, t.slug, t.label, t.description, t.parent_id, t.version
		FROM statement_topics x JOIN topics t ON t.id = x.topic_id WHERE x.statement_id = ANY(@parents) ORDER BY t.label, t.id`,
	FigureTopics: `SELECT x.figure_id AS list_parent, t.id, t.slug, t.label, t.description, t.parent_id, t.version
		FROM figure_topics x JOIN topics t ON t.id = x.topic_id WHERE x.figure_id = ANY(@parents) ORDER BY t.label, t.id`,
	AgreementTopics: `SELECT x.agreement_id AS list_parent, t.id, t.slug, t.label, t.description, t.parent_id, t.version
		FROM agreement_topics x JOIN topics t ON t.id = x.topic_id WHERE x.agreement_id = ANY(@parents) ORDER BY t.label, t.id`,
	EventTopics: `SELECT x.event_id AS list_parent, t.id, t.slug, t.label, t.description, t.parent_id, t.version
		FROM event_topics x JOIN topics t ON t.id = x.topic_id WHERE x.event_id = ANY(@parents) ORDER BY t.label, t.id`,
}

// TopicsOf reads the topics tagged on things of one kind, by label.
func (s *Store) TopicsOf(ctx context.Context, of TopicLinks, ids []int64) (map[int64][]*Topic, error) {
	sql, ok := topicsOf[of]
	if !ok {
		return nil, fmt.Errorf("topics of %q: unknown", of)
	}
	return children[Topic](ctx, s.read(ctx), string(of)+"_topics", sql, ids)
}

// topicOrders are the topics listing's orderings: by label.
var topicOrders = orders{
	"":      func(desc bool) ordering { return byText("topics.label", "t.label", "t.id", desc) },
	"LABEL": func(desc bool) ordering { return byText("topics.label", "t.label", "t.id", desc) },
}

// AllTopics is the topic vocabulary's listing: by label.
var AllTopics = Listing[Topic, *NoFilter]{name: "topics", from: topicFrom, columns: topicColumns, ids: []string{"t.id"}}

// topicSubtrees walks the subtrees of all the batch's topics at once:
// subtrees(list_parent, ids) holds each parent with its own id and those
// of everything below it.
const topicSubtrees = `topic_tree(list_parent, id) AS (
			SELECT t.id, t.id FROM topics t WHERE t.id = ANY(@parents)
			UNION SELECT tr.list_parent, c.id FROM topic_tree tr JOIN topics c ON c.parent_id = tr.id),
		subtrees(list_parent, ids) AS (SELECT tr.list_parent, array_agg(tr.id) FROM topic_tree tr GROUP BY tr.list_parent)`

// taggedWith is the condition that the row whose id is id (a.id, ...) is
// tagged, in the link table (article_topics, ...) by its column
// (article_id, ...), with one of topics (an array) or a narrower topic.
func taggedWith(table, column, id, topics string) string {
	return `EXISTS (SELECT 1 FROM ` + table + ` x WHERE x.` + column + ` = ` + id + ` AND x.topic_id = ANY(` + topicTree(topics) + `))`
}

// topicMembers lists, for each topic of the batch, the ids of the things
// tagged with it or a narrower topic, in the link table's column.
func topicMembers(table, column string) string {
	return `SELECT st.list_parent, ARRAY(SELECT DISTINCT x.` + column + ` FROM ` + table + ` x WHERE x.topic_id = ANY(st.ids))
		FROM subtrees st`
}

// A topic's nested listings. A topic's children are many, and the
// listing's order finds its first page soon (the statements' and articles'
// index): pages by condition, counts from members.
var (
	TopicArticles = memberRelation(AllArticles, true, "topic.articles",
		taggedWith("article_topics", "article_id", "a.id", "ARRAY[par.id]"),
		topicSubtrees, topicMembers("article_topics", "article_id"), newestFirst)
	TopicStatements = memberRelation(AllStatements, false, "topic.statements",
		taggedWith("statement_topics", "statement_id", "s.id", "ARRAY[par.id]"),
		topicSubtrees, topicMembers("statement_topics", "statement_id"), articleOrder)
	// Figures walked in the listing's order are checked one by one against
	// the topic, seconds for a topic of thousands: pages by members too.
	TopicFigures = memberRelation(AllFigures, false, "topic.figures",
		"", topicSubtrees, topicMembers("figure_topics", "figure_id"), figuresOrder)
	TopicAgreements = memberRelation(AllAgreements, false, "topic.agreements",
		taggedWith("agreement_topics", "agreement_id", "ag.id", "ARRAY[par.id]"),
		topicSubtrees, topicMembers("agreement_topics", "agreement_id"), byName("ag"))
	TopicEvents = memberRelation(AllEvents, false, "topic.events",
		taggedWith("event_topics", "event_id", "ev.id", "ARRAY[par.id]"),
		topicSubtrees, topicMembers("event_topics", "event_id"), byName("ev"))
)
