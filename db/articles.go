package db

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/newsgraph/newsgraph/db/globalid"
)

// Articles: their rows, paragraphs and credits, the articles listing and
// its filter and orderings, and the nested listings of an article's
// statements, figures and named things.

// Article is a stored article, without its verbatim source text: lists and
// references load articles by the dozen and rarely need it, so
// Store.ArticleTexts reads it on its own.
type Article struct {
	ID         int64        `db:"id"`
	Slug       string       `db:"slug"`
	Title      *string      `db:"title"`
	Lede       *string      `db:"lede"`
	Language   string       `db:"language"`
	SourceFile string       `db:"source_file"`
	Published  *PartialDate `db:"published"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// GlobalID returns the article's global ID in the API.
func (a *Article) GlobalID() string { return globalid.Encode(globalid.Article, a.ID) }

// Paragraph is one paragraph of an article, verbatim. Kind is TITLE,
// DATELINE, LEDE, BODY or CREDIT. Position counts from 1.
type Paragraph struct {
	ID           int64  `db:"id"`
	ArticleID    int64  `db:"article_id"`
	Position     int    `db:"position"`
	Kind         string `db:"kind"`
	Text         string `db:"text"`
	SourceOffset int    `db:"source_offset"`
	Keyset
}

// GlobalID returns the paragraph's global ID in the API.
func (p *Paragraph) GlobalID() string { return globalid.Encode(globalid.Paragraph, p.ID) }

// Credit is a person credited for an article in a role (TRANSLATOR, ...).
type Credit struct {
	ID        int64  `db:"id"`
	ArticleID int64  `db:"article_id"`
	PersonID  int64  `db:"person_id"`
	Role      string `db:"role"`
	Position  int    `db:"position"`
	Keyset
}

// The articles listing's FROM and columns (not source_text: ArticleTexts).
const (
	articleFrom    = `articles a`
	articleColumns = `a.id, a.slug, a.title, a.lede, a.language, a.source_file, a.version,
		partial_date_json(a.published_year, a.published_month, a.published_day, a.published_precision,
			a.published_text, a.published_inferred, a.published_basis) AS published`
)

const articlesByID = `
	SELECT a.id, a.slug, a.title, a.lede, a.language, a.source_file, a.version,
		partial_date_json(a.published_year, a.published_month, a.published_day, a.published_precision,
			a.published_text, a.published_inferred, a.published_basis) AS published
	FROM articles a WHERE a.id = ANY(@ids)`

// Articles reads articles by id.
func (s *Store) Articles(ctx context.Context, ids []int64) ([]*Article, error) {
	return readByIDs[Article](ctx, s.read(ctx), "articles", articlesByID, ids)
}

const articleBySlug = `
	SELECT a.id, a.slug, a.title, a.lede, a.language, a.source_file, a.version,
		partial_date_json(a.published_year, a.published_month, a.published_day, a.published_precision,
			a.published_text, a.published_inferred, a.published_basis) AS published
	FROM articles a WHERE a.slug = @slug`

// ArticleBySlug reads the article with slug, or returns ErrNotFound.
func (s *Store) ArticleBySlug(ctx context.Context, slug string) (*Article, error) {
	return readOne[Article](ctx, s.read(ctx), "article "+fmt.Sprintf("%q", slug), articleBySlug, pgx.NamedArgs{"slug": slug})
}

const articleTexts = `SELECT a.id, a.source_text FROM articles a WHERE a.id = ANY(@ids)`

// ArticleTexts reads the verbatim source text of articles by id; ids that
// name no article are left out.
func (s *Store) ArticleTexts(ctx context.Context, ids []int64) (map[int64]string, error) {
	texts, err := readMap[string](ctx, s.read(ctx), articleTexts, pgx.NamedArgs{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("read article texts: %w", err)
	}
	return texts, nil
}

const paragraphsByID = `
	SELECT p.id, p.article_id, p.position, upper(p.kind::text) AS kind, p.text, p.source_offset
	FROM paragraphs p WHERE p.id = ANY(@ids)`

// Paragraphs reads paragraphs by id.
func (s *Store) Paragraphs(ctx context.Context, ids []int64) ([]*Paragraph, error) {
	return readByIDs[Paragraph](ctx, s.read(ctx), "paragraphs", paragraphsByID, ids)
}

const paragraphsOf = `
	SELECT p.article_id AS list_parent, p.id, p.article_id, p.position, upper(p.kind::text) AS kind, p.text, p.source_offset
	FROM paragraphs p WHERE p.article_id = ANY(@parents) ORDER BY p.article_id, p.position`

// ParagraphsOf reads the paragraphs of articles, in reading order.
func (s *Store) ParagraphsOf(ctx context.Context, articles []int64) (map[int64][]*Paragraph, error) {
	return children[Paragraph](ctx, s.read(ctx), "paragraphs", paragraphsOf, articles)
}

const creditsOf = `
	SELECT c.article_id AS list_parent, c.id, c.article_id, c.person_id, upper(c.role::text) AS role, c.position
	FROM credits c WHERE c.article_id = ANY(@parents) ORDER BY c.article_id, c.position`

// CreditsOf reads the credits of articles, in the order of the credit lines.
func (s *Store) CreditsOf(ctx context.Context, articles []int64) (map[int64][]*Credit, error) {
	return children[Credit](ctx, s.read(ctx), "credits", creditsOf, articles)
}

// ArticleFilter selects articles; see the API's ArticleFilter.
type ArticleFilter struct {
	Boolean[ArticleFilter]
	Published *DateRange
	Topics    []int64
	Mentions  []int64
	Text      *string
}

func (f *ArticleFilter) conditions(w *where) {
	w.during("a.published_range", f.Published)
	w.tagged("article_topics", "article_id", "a.id", f.Topics)
	if f.Mentions != nil {
		w.add(`EXISTS (SELECT 1 FROM evidence x WHERE x.article_id = a.id AND x.entity_id = ANY(` + w.l.arg(f.Mentions) + `))`)
	}
	w.matches("a.search", f.Text)
}

// newestFirst, read descending, puts undated articles last.
var newestFirst = []sortKey{key("coalesce(lower(a.published_range), '-infinity'::date)", "date"), key("a.id", "bigint")}

// articleOrders are the articles listing's orderings: newest first unless
// asked otherwise.
var articleOrders = orders{
	"":          func(bool) ordering { return byDate("articles.published", "a.published_range", "a.id", true) },
	"PUBLISHED": func(desc bool) ordering { return byDate("articles.published", "a.published_range", "a.id", desc) },
	"SLUG":      func(desc bool) ordering { return byText("articles.slug", "a.slug", "a.id", desc) },
	"TITLE":     func(desc bool) ordering { return byText("articles.title", "coalesce(a.title, '')", "a.id", desc) },
}

// AllArticles is the articles listing: newest first unless asked otherwise.
var AllArticles = Listing[Article, *ArticleFilter]{name: "articles", from: articleFrom, columns: articleColumns, ids: []string{"a.id"}}

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

// An article's nested listings.
var (
	ArticleStatements    = relation(AllStatements, false, "article.statements", `s.article_id = par.id`, byPosition("s"))
	ArticleFigures       = relation(AllFigures, false, "article.figures", `f.article_id = par.id`, byPosition("f"))
	ArticleAgreements    = relation(AllAgreements, false, "article.agreements", mentionedIn("ag"), byName("ag"))
	ArticlePeople        = relation(AllPeople, false, "article.people", mentionedIn("p"), byName("p"))
	ArticleOrganizations = relation(AllOrganizations, false, "article.organizations", mentionedIn("o"), byName("o"))
	ArticlePlaces        = relation(AllPlaces, false, "article.places", mentionedIn("pl"), byName("pl"))
	ArticleEvents        = relation(AllEvents, false, "article.events", mentionedIn("ev"), byName("ev"))
)
