package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/db"
	"github.com/vikstrous/dataloadgen"
)

// DefaultLoaderWait is how long a loader collects keys before it fetches
// them, unless Options.LoaderWait says otherwise. Under load the goroutines
// that resolve a list's items reach their loads over several milliseconds:
// with 1 ms a front page's batches split (14 statements at concurrency 16
// on two cores, 7 when idle); with 3 ms they mostly do not (9.4), which
// saved more CPU than the wait costs in latency.
const DefaultLoaderWait = 3 * time.Millisecond

// Loaders batch the reads of one request: each parent-to-child hop of a
// query costs one SQL statement, however many parents there are.
type Loaders struct {
	store   *db.Store
	wait    time.Duration
	metrics *Metrics

	articles     *dataloadgen.Loader[int64, *db.Article]
	articleTexts *dataloadgen.Loader[int64, string]
	paragraphs   *dataloadgen.Loader[int64, *db.Paragraph]
	topics       *dataloadgen.Loader[int64, *db.Topic]
	// people, organizations and places share one loader, namedEntities:
	// a batch of all three costs one statement.
	namedEntities *dataloadgen.Loader[db.EntityKey, any]
	people        kindLoader[db.Person]
	organizations kindLoader[db.Organization]
	places        kindLoader[db.Place]
	events        *dataloadgen.Loader[int64, *db.Event]
	projects      *dataloadgen.Loader[int64, *db.Project]
	agreements    *dataloadgen.Loader[int64, *db.Agreement]
	affiliations  *dataloadgen.Loader[int64, *db.Affiliation]
	statements    *dataloadgen.Loader[int64, *db.Statement]
	figures       *dataloadgen.Loader[int64, *db.Figure]

	paragraphsOf          *dataloadgen.Loader[int64, []*db.Paragraph]
	creditsOf             *dataloadgen.Loader[int64, []*db.Credit]
	affiliationsOf        *dataloadgen.Loader[int64, []*db.Affiliation]
	statementAffiliations *dataloadgen.Loader[int64, []*db.Affiliation]
	subTopics             *dataloadgen.Loader[int64, []*db.Topic]
	subOrganizations      *dataloadgen.Loader[int64, []*db.Organization]
	sessions              *dataloadgen.Loader[int64, []*db.Event]
	agreementParts        *dataloadgen.Loader[int64, []*db.Agreement]
	parties               *dataloadgen.Loader[int64, []*db.EntityRef]
	participants          *dataloadgen.Loader[int64, []*db.EntityRef]
	statementMentions     *dataloadgen.Loader[int64, []*db.EntityRef]
	agreementPlaces       *dataloadgen.Loader[int64, []*db.Place]
	agreementProjects     *dataloadgen.Loader[int64, []*db.Project]
	statementFigures      *dataloadgen.Loader[int64, []*db.Figure]
	mentions              *dataloadgen.Loader[db.MentionKey, []*db.Evidence]
	topicsOf              map[db.TopicLinks]*dataloadgen.Loader[int64, []*db.Topic]
	evidenceOf            map[db.EvidenceOwner]evidenceLoader

	mu      sync.Mutex
	nested  map[string]any         // relation name and arguments -> page or count loader
	filters map[string]*filterMemo // a nested connection's filter, converted once
}

// filterMemo is a nested connection's filter converted for db, once for
// all the parents that ask for it.
type filterMemo struct {
	once   sync.Once
	filter db.Filter
	err    error
}

// nestedArgs are the arguments of a nested connection besides its page:
// key names them (the same for every parent that gives the same ones),
// args holds them for db.
type nestedArgs struct {
	key  string
	args db.NestedArgs
}

// nestedArgs converts a nested connection's filter (by convert; nil: none)
// and order,
// once per request for each distinct filter: the first parent to ask
// converts it (which checks that its IDs name something, in SQL), the
// others reuse the result, so the SQL a request sends does not grow with
// its parents.
func (l *Loaders) nestedArgs(ctx context.Context, filter any, convert func(context.Context) (db.Filter, error), o db.Order) (nestedArgs, error) {
	a := nestedArgs{key: fmt.Sprintf("%s:%v", o.Field, o.Desc), args: db.NestedArgs{Order: o}}
	if filter == nil {
		return a, nil
	}
	raw, err := json.Marshal(filter)
	if err != nil {
		return a, fmt.Errorf("filter key: %w", err)
	}
	key := fmt.Sprintf("%T%s", filter, raw)
	l.mu.Lock()
	m, ok := l.filters[key]
	if !ok {
		m = &filterMemo{}
		l.filters[key] = m
	}
	l.mu.Unlock()
	m.once.Do(func() { m.filter, m.err = convert(ctx) })
	a.key += "|" + key
	a.args.Filter = m.filter
	return a, m.err
}

// NewLoaders returns the loaders of one request; each gathers keys for
// wait before it reads them in one batch, and records its batch sizes in m
// (which may be nil).
func NewLoaders(store *db.Store, wait time.Duration, m *Metrics) *Loaders {
	c := loaderConfig{wait: wait, metrics: m}
	l := &Loaders{
		store:    store,
		wait:     wait,
		metrics:  m,
		articles: byIDOf(c, "articles", store.Articles, func(x *db.Article) int64 { return x.ID }),
		articleTexts: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []int64) (map[int64]string, error) {
			m.batch("articleTexts", len(ids))
			return store.ArticleTexts(ctx, ids)
		}, dataloadgen.WithWait(wait)),
		paragraphs:   byIDOf(c, "paragraphs", store.Paragraphs, func(x *db.Paragraph) int64 { return x.ID }),
		topics:       byIDOf(c, "topics", store.Topics, func(x *db.Topic) int64 { return x.ID }),
		events:       byIDOf(c, "events", store.Events, func(x *db.Event) int64 { return x.ID }),
		projects:     byIDOf(c, "projects", store.Projects, func(x *db.Project) int64 { return x.ID }),
		agreements:   byIDOf(c, "agreements", store.Agreements, func(x *db.Agreement) int64 { return x.ID }),
		affiliations: byIDOf(c, "affiliations", store.Affiliations, func(x *db.Affiliation) int64 { return x.ID }),
		statements:   byIDOf(c, "statements", store.Statements, func(x *db.Statement) int64 { return x.ID }),
		figures:      byIDOf(c, "figures", store.Figures, func(x *db.Figure) int64 { return x.ID }),

		paragraphsOf:          groupedOf(c, "paragraphsOf", store.ParagraphsOf),
		creditsOf:             groupedOf(c, "creditsOf", store.CreditsOf),
		affiliationsOf:        groupedOf(c, "affiliationsOf", store.AffiliationsOf),
		statementAffiliations: groupedOf(c, "statementAffiliations", store.StatementAffiliations),
		subTopics:             groupedOf(c, "subTopics", store.SubTopics),
		subOrganizations:      groupedOf(c, "subOrganizations", store.SubOrganizations),
		sessions:              groupedOf(c, "sessions", store.Sessions),
		agreementParts:        groupedOf(c, "agreementParts", store.AgreementParts),
		parties:               groupedOf(c, "parties", store.Parties),
		participants:          groupedOf(c, "participants", store.Participants),
		statementMentions:     groupedOf(c, "statementMentions", store.StatementMentions),
		agreementPlaces:       groupedOf(c, "agreementPlaces", store.AgreementPlaces),
		agreementProjects:     groupedOf(c, "agreementProjects", store.AgreementProjects),
		statementFigures:      groupedOf(c, "statementFigures", store.StatementFigures),
		mentions: dataloadgen.NewMappedLoader(func(ctx context.Context, keys []db.MentionKey) (map[db.MentionKey][]*db.Evidence, error) {
			m.batch("mentions", len(keys))
			found, err := store.Mentions(ctx, keys)
			if err != nil {
				return nil, err
			}
			return fillEmpty(found, keys), nil
		}, dataloadgen.WithWait(wait)),
		topicsOf:   map[db.TopicLinks]*dataloadgen.Loader[int64, []*db.Topic]{},
		evidenceOf: map[db.EvidenceOwner]evidenceLoader{},
		nested:     map[string]any{},
		filters:    map[string]*filterMemo{},
	}
	l.namedEntities = dataloadgen.NewMappedLoader(func(ctx context.Context, keys []db.EntityKey) (map[db.EntityKey]any, error) {
		m.batch("namedEntities", len(keys))
		return store.NamedEntities(ctx, keys)
	}, dataloadgen.WithWait(wait))
	l.people = kindLoader[db.Person]{l.namedEntities, "PERSON"}
	l.organizations = kindLoader[db.Organization]{l.namedEntities, "ORGANIZATION"}
	l.places = kindLoader[db.Place]{l.namedEntities, "PLACE"}
	for _, of := range []db.TopicLinks{db.ArticleTopics, db.StatementTopics, db.FigureTopics, db.AgreementTopics, db.EventTopics} {
		l.topicsOf[of] = groupedOf(c, "topicsOf:"+string(of), func(ctx context.Context, ids []int64) (map[int64][]*db.Topic, error) {
			return store.TopicsOf(ctx, of, ids)
		})
	}
	// Evidence of every kind of fact shares one loader: a batch of
	// statements' and figures' evidence costs one statement.
	evidence := dataloadgen.NewMappedLoader(func(ctx context.Context, keys []db.EvidenceKey) (map[db.EvidenceKey][]*db.Evidence, error) {
		m.batch("evidenceOf", len(keys))
		found, err := store.EvidenceOfAll(ctx, keys)
		if err != nil {
			return nil, err
		}
		return fillEmpty(found, keys), nil
	}, dataloadgen.WithWait(wait))
	for _, owner := range []db.EvidenceOwner{db.StatementEvidence, db.FigureEvidence, db.AffiliationEvidence, db.CreditEvidence, db.EntityEvidence} {
		l.evidenceOf[owner] = evidenceLoader{evidence, owner}
	}
	return l
}

// loaderConfig is what every loader of a request shares.
type loaderConfig struct {
	wait    time.Duration
	metrics *Metrics
}

// byIDOf makes a loader of rows by id from a batch read.
func byIDOf[T any](c loaderConfig, name string, read func(context.Context, []int64) ([]*T, error), id func(*T) int64) *dataloadgen.Loader[int64, *T] {
	return dataloadgen.NewMappedLoader(func(ctx context.Context, ids []int64) (map[int64]*T, error) {
		c.metrics.batch(name, len(ids))
		items, err := read(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[int64]*T, len(items))
		for _, it := range items {
			out[id(it)] = it
		}
		return out, nil
	}, dataloadgen.WithWait(c.wait))
}

// groupedOf makes a loader of each parent's children from a batch read; a
// parent with no children gets an empty list.
func groupedOf[T any](c loaderConfig, name string, read func(context.Context, []int64) (map[int64][]*T, error)) *dataloadgen.Loader[int64, []*T] {
	return dataloadgen.NewMappedLoader(func(ctx context.Context, ids []int64) (map[int64][]*T, error) {
		c.metrics.batch(name, len(ids))
		found, err := read(ctx, ids)
		if err != nil {
			return nil, err
		}
		return fillEmpty(found, ids), nil
	}, dataloadgen.WithWait(c.wait))
}

// byID is a loader of rows of one type by id.
type byID[T any] interface {
	Load(ctx context.Context, id int64) (*T, error)
	Clear(id int64)
	Prime(id int64, row *T) bool
}

// kindLoader loads the rows of one kind of entity (PERSON, ORGANIZATION or
// PLACE) through the loader all three share.
type kindLoader[T any] struct {
	all  *dataloadgen.Loader[db.EntityKey, any]
	kind string
}

// Load reads the entity with id; dataloadgen.ErrNotFound if there is none.
func (k kindLoader[T]) Load(ctx context.Context, id int64) (*T, error) {
	v, err := k.all.Load(ctx, db.EntityKey{Kind: k.kind, ID: id})
	if err != nil {
		return nil, err
	}
	t, ok := v.(*T)
	if !ok {
		return nil, fmt.Errorf("entity %d: read %T for %s", id, v, k.kind)
	}
	return t, nil
}

// Clear forgets the entity with id, so that the next Load reads it anew.
func (k kindLoader[T]) Clear(id int64) { k.all.Clear(db.EntityKey{Kind: k.kind, ID: id}) }

// Prime gives the entity with id to later Loads, unless one holds it.
func (k kindLoader[T]) Prime(id int64, row *T) bool {
	return k.all.Prime(db.EntityKey{Kind: k.kind, ID: id}, row)
}

// evidenceLoader loads the evidence of one kind of fact through the loader
// all kinds share.
type evidenceLoader struct {
	all   *dataloadgen.Loader[db.EvidenceKey, []*db.Evidence]
	owner db.EvidenceOwner
}

// Load reads the evidence of the fact with id, in reading order.
func (e evidenceLoader) Load(ctx context.Context, id int64) ([]*db.Evidence, error) {
	return e.all.Load(ctx, db.EvidenceKey{Owner: e.owner, ID: id})
}

// fillEmpty gives every key a non-nil list.
func fillEmpty[K comparable, T any](m map[K][]*T, keys []K) map[K][]*T {
	for _, k := range keys {
		if m[k] == nil {
			m[k] = []*T{}
		}
	}
	return m
}

// load reads one row by id; a row that does not exist is GraphQL's null
// (see nullIfMissing).
func load[T any](ctx context.Context, l byID[T], id int64) (*T, error) {
	return nullIfMissing(l.Load(ctx, id))
}

// nullIfMissing is the one path by which "not found" becomes GraphQL's
// null with no error: a field that looks an object up by the ID or slug a
// client gave (article, entity, topic, node) answers null when nothing has
// it, as its nullable type allows, rather than an error. The store and the
// loaders report a missing object as an error (db.CodeNotFound,
// dataloadgen.ErrNotFound); every other error passes through unchanged.
func nullIfMissing[T any](v T, err error) (T, error) {
	if errors.Is(err, dataloadgen.ErrNotFound) || db.ErrorCode(err) == db.CodeNotFound {
		var null T
		return null, nil
	}
	return v, err
}

// articleText reads an article's source text, batched with the request's
// other articles' texts.
func articleText(ctx context.Context, id int64) (string, error) {
	text, err := loaders(ctx).articleTexts.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return "", errors.New("article text: the article is gone") // deleted since it was read
	}
	return text, err
}

// loadRef reads a row a foreign key points at; nil for a nil key.
func loadRef[T any](ctx context.Context, l byID[T], id *int64) (*T, error) {
	if id == nil {
		return nil, nil
	}
	v, err := l.Load(ctx, *id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, errors.New("dangling reference") // the schema's foreign keys forbid this
	}
	return v, err
}

// pageKey is a parent and the page of its children a field asks for, and
// whether the field counts the children too.
type pageKey struct {
	parent        int64
	first, last   int
	after, before string
	count         bool
}

// nestedPages returns the loader of pages of a relation with arguments a,
// making it on first use. Keys asking for the same page of different
// parents share one SQL statement.
func nestedPages[T any](l *Loaders, r db.Relation[T], a nestedArgs) *dataloadgen.Loader[pageKey, db.Page[T]] {
	l.mu.Lock()
	defer l.mu.Unlock()
	name := "pages:" + r.Name() + "\x00" + a.key
	if v, ok := l.nested[name]; ok {
		return v.(*dataloadgen.Loader[pageKey, db.Page[T]])
	}
	loader := dataloadgen.NewMappedLoader(func(ctx context.Context, keys []pageKey) (map[pageKey]db.Page[T], error) {
		l.metrics.batch(r.Name(), len(keys))
		type pageOnly struct {
			first, last   int
			after, before string
			count         bool
		}
		groups := map[pageOnly][]int64{}
		for _, k := range keys {
			p := pageOnly{k.first, k.last, k.after, k.before, k.count}
			groups[p] = append(groups[p], k.parent)
		}
		out := make(map[pageKey]db.Page[T], len(keys))
		for p, parents := range groups {
			args, err := pageArgs(optInt(p.first), optString(p.after), optInt(p.last), optString(p.before))
			if err != nil {
				return nil, err
			}
			read := db.NestedPages[T]
			if p.count {
				read = db.NestedPagesCounted[T]
			}
			pages, err := read(ctx, l.store, r, parents, args, a.args)
			if err != nil {
				return nil, err
			}
			for parent, page := range pages {
				out[pageKey{parent, p.first, p.last, p.after, p.before, p.count}] = page
			}
		}
		return out, nil
	}, dataloadgen.WithWait(l.wait))
	l.nested[name] = loader
	return loader
}

// nestedCounts returns the loader of a relation's child counts with
// arguments a.
func nestedCounts[T any](l *Loaders, r db.Relation[T], a nestedArgs) *dataloadgen.Loader[int64, int] {
	l.mu.Lock()
	defer l.mu.Unlock()
	name := "counts:" + r.Name() + "\x00" + a.key
	if v, ok := l.nested[name]; ok {
		return v.(*dataloadgen.Loader[int64, int])
	}
	loader := dataloadgen.NewMappedLoader(func(ctx context.Context, parents []int64) (map[int64]int, error) {
		l.metrics.batch(r.Name()+".count", len(parents))
		counts, err := db.NestedCounts(ctx, l.store, r, parents, a.args)
		if err != nil {
			return nil, err
		}
		for _, p := range parents {
			if _, ok := counts[p]; !ok {
				counts[p] = 0
			}
		}
		return counts, nil
	}, dataloadgen.WithWait(l.wait))
	l.nested[name] = loader
	return loader
}

func optInt(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

type loadersKey struct{}

// withLoaders returns a context carrying fresh loaders for one request.
func withLoaders(ctx context.Context, store *db.Store, wait time.Duration, m *Metrics) context.Context {
	return context.WithValue(ctx, loadersKey{}, NewLoaders(store, wait, m))
}

// loaders returns the request's loaders.
func loaders(ctx context.Context) *Loaders {
	return ctx.Value(loadersKey{}).(*Loaders)
}

// stored answers a mutation with the row its transaction read back before
// it committed, and gives that row to the request's later loads in place
// of what the loader held. It reads nothing: once the commit succeeded
// the write is reported done, even if the database is gone by now.
func stored[T any](l byID[T], id int64, row *T) *T {
	l.Clear(id)
	l.Prime(id, row)
	return row
}
