package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/newsgraph/newsgraph/db"
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
	metrics LoaderMetrics

	articles     level[int64, *db.Article]
	articleTexts *dataloadgen.Loader[int64, string]
	paragraphs   level[int64, *db.Paragraph]
	topics       level[int64, *db.Topic]
	// people, organizations and places share one loader, namedEntities:
	// a batch of all three costs one statement.
	namedEntities level[db.EntityKey, any]
	people        kindLoader[db.Person]
	organizations kindLoader[db.Organization]
	places        kindLoader[db.Place]
	events        level[int64, *db.Event]
	projects      level[int64, *db.Project]
	agreements    level[int64, *db.Agreement]
	affiliations  level[int64, *db.Affiliation]
	statements    level[int64, *db.Statement]
	figures       level[int64, *db.Figure]

	paragraphsOf          level[int64, []*db.Paragraph]
	creditsOf             level[int64, []*db.Credit]
	affiliationsOf        level[int64, []*db.Affiliation]
	statementAffiliations level[int64, []*db.Affiliation]
	subTopics             level[int64, []*db.Topic]
	subOrganizations      level[int64, []*db.Organization]
	sessions              level[int64, []*db.Event]
	agreementParts        level[int64, []*db.Agreement]
	parties               level[int64, []*db.EntityRef]
	participants          level[int64, []*db.EntityRef]
	statementMentions     level[int64, []*db.EntityRef]
	agreementPlaces       level[int64, []*db.Place]
	agreementProjects     level[int64, []*db.Project]
	statementFigures      level[int64, []*db.Figure]
	figureClaims          *dataloadgen.Loader[int64, *db.FigureClaim]
	sameFigureFacts       level[int64, []*db.Figure]
	sameStatementClaims   level[int64, []*db.Statement]
	mentions              *dataloadgen.Loader[db.MentionKey, []*db.Evidence]
	topicsOf              map[db.TopicLinks]level[int64, []*db.Topic]
	evidence              level[db.EvidenceKey, []*db.Evidence]
	evidenceOf            map[db.EvidenceOwner]evidenceLoader

	mu      sync.Mutex
	nested  map[string]any                          // relation name and arguments -> page or count loader
	filters map[string]*filterMemo                  // a nested connection's filter, converted once
	facts   map[*graphql.FieldContext]*articleFacts // by the field that returned the article (articlefacts.go)
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
	var b strings.Builder
	fmt.Fprintf(&b, "%T", filter)
	writeKey(&b, reflect.ValueOf(filter))
	key := b.String()
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

// writeKey writes v, an input value of the API (structs, pointers, slices,
// strings, numbers, booleans and times), to b as a memo key: it tells a nil
// slice from an empty one, which JSON with omitempty does not (a missing
// or selects every row, or: [] none).
func writeKey(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		writeKey(b, v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteByte('[')
		for i := range v.Len() {
			writeKey(b, v.Index(i))
			b.WriteByte(',')
		}
		b.WriteByte(']')
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			b.WriteString(t.Format(time.RFC3339Nano))
			return
		}
		b.WriteByte('{')
		for i := range v.NumField() {
			b.WriteString(v.Type().Field(i).Name)
			b.WriteByte(':')
			writeKey(b, v.Field(i))
			b.WriteByte(',')
		}
		b.WriteByte('}')
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	default:
		fmt.Fprint(b, v.Interface())
	}
}

// NewLoaders returns the loaders of one request; each gathers keys for
// wait before it reads them in one batch, and records its batch sizes in m
// (which may be nil).
func NewLoaders(store *db.Store, wait time.Duration, m LoaderMetrics) *Loaders {
	if m == nil {
		m = noMetrics{}
	}
	c := loaderConfig{wait: wait, metrics: m}
	l := &Loaders{
		store:    store,
		wait:     wait,
		metrics:  m,
		articles: byIDOf(c, "articles", store.Articles, func(x *db.Article) int64 { return x.ID }),
		articleTexts: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []int64) (map[int64]string, error) {
			m.Batch("articleTexts", len(ids))
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
		figureClaims: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []int64) (map[int64]*db.FigureClaim, error) {
			m.Batch("figureClaims", len(ids))
			return store.FigureClaimsOf(ctx, ids)
		}, dataloadgen.WithWait(wait)),
		sameFigureFacts:     groupedOf(c, "sameFigureFacts", store.SameFigureFacts),
		sameStatementClaims: groupedOf(c, "sameStatementClaims", store.SameStatementClaims),
		mentions: dataloadgen.NewMappedLoader(func(ctx context.Context, keys []db.MentionKey) (map[db.MentionKey][]*db.Evidence, error) {
			m.Batch("mentions", len(keys))
			found, err := store.Mentions(ctx, keys)
			if err != nil {
				return nil, err
			}
			return fillEmpty(found, keys), nil
		}, dataloadgen.WithWait(wait)),
		topicsOf:   map[db.TopicLinks]level[int64, []*db.Topic]{},
		evidenceOf: map[db.EvidenceOwner]evidenceLoader{},
		nested:     map[string]any{},
		filters:    map[string]*filterMemo{},
		facts:      map[*graphql.FieldContext]*articleFacts{},
	}
	l.namedEntities = levelOf(c, func(ctx context.Context, keys []db.EntityKey) (map[db.EntityKey]any, error) {
		m.Batch("namedEntities", len(keys))
		return store.NamedEntities(ctx, keys)
	})
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
	l.evidence = levelOf(c, func(ctx context.Context, keys []db.EvidenceKey) (map[db.EvidenceKey][]*db.Evidence, error) {
		m.Batch("evidenceOf", len(keys))
		found, err := store.EvidenceOfAll(ctx, keys)
		if err != nil {
			return nil, err
		}
		return fillEmpty(found, keys), nil
	})
	for _, owner := range []db.EvidenceOwner{db.StatementEvidence, db.FigureEvidence, db.AffiliationEvidence, db.CreditEvidence, db.EntityEvidence} {
		l.evidenceOf[owner] = evidenceLoader{l.evidence.lazyLoader, owner}
	}
	return l
}

// loaderConfig is what every loader of a request shares.
type loaderConfig struct {
	wait    time.Duration
	metrics LoaderMetrics
}

// level is a loader together with the batch read it calls: a level of a
// query whose parents are all at hand at once (one parent, or the one list
// of parents a batch resolver gets) reads through it at once (Level, Each),
// and the others gather their keys in the loader's window.
type level[K comparable, V any] struct {
	*lazyLoader[K, V]
	read func(context.Context, []K) (map[K]V, error)
}

// lazyLoader is a dataloadgen loader made on first use: a request has
// some forty levels and uses a few (making all the loaders up front took
// about 100 of a single article's 6,000 allocations). Copies of a level
// share it.
type lazyLoader[K comparable, V any] struct {
	once   sync.Once
	loader *dataloadgen.Loader[K, V]
	read   func(context.Context, []K) (map[K]V, error)
	wait   time.Duration
}

func (z *lazyLoader[K, V]) get() *dataloadgen.Loader[K, V] {
	z.once.Do(func() { z.loader = dataloadgen.NewMappedLoader(z.read, dataloadgen.WithWait(z.wait)) })
	return z.loader
}

// Load returns the value of key, gathered with the other keys asked for
// within the loader's window.
func (z *lazyLoader[K, V]) Load(ctx context.Context, key K) (V, error) { return z.get().Load(ctx, key) }

// LoadAll returns the values of keys, as Load.
func (z *lazyLoader[K, V]) LoadAll(ctx context.Context, keys []K) ([]V, error) {
	return z.get().LoadAll(ctx, keys)
}

// Prime gives value to later Loads of key, unless one holds it.
func (z *lazyLoader[K, V]) Prime(key K, value V) bool { return z.get().Prime(key, value) }

// Clear forgets key, so that the next Load reads it anew.
func (z *lazyLoader[K, V]) Clear(key K) { z.get().Clear(key) }

// levelOf makes a level from a batch read; a key the read does not return
// is dataloadgen.ErrNotFound, as from the loader.
func levelOf[K comparable, V any](c loaderConfig, read func(context.Context, []K) (map[K]V, error)) level[K, V] {
	return level[K, V]{&lazyLoader[K, V]{read: read, wait: c.wait}, read}
}

// Each returns the value of each key, for the parents of a batch resolver:
// read at once when they are their level's only parents (whole, see
// wholeBatch), else through the loader, which gathers the keys of the
// level's other lists of parents too.
func (l level[K, V]) Each(ctx context.Context, keys []K, whole bool) ([]V, error) {
	if len(keys) == 0 {
		return nil, nil // no keys, no values
	}
	if !whole {
		return l.LoadAll(ctx, keys)
	}
	return l.now(ctx, keys)
}

// Level returns the value of key for a resolver of one parent: read at once
// when that parent is its level's only one, else through the loader.
func (l level[K, V]) Level(ctx context.Context, key K) (V, error) {
	if !wholeLevel(ctx, false) {
		return l.Load(ctx, key)
	}
	v, err := l.now(ctx, []K{key})
	if err != nil {
		var zero V
		return zero, err
	}
	return v[0], nil
}

// now reads the values of keys at once, without the loader.
func (l level[K, V]) now(ctx context.Context, keys []K) ([]V, error) {
	found, err := l.read(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]V, len(keys))
	for i, k := range keys {
		v, ok := found[k]
		if !ok {
			return nil, dataloadgen.ErrNotFound
		}
		out[i] = v
	}
	return out, nil
}

// each returns the value of a level for each of a batch resolver's
// parents, of GraphQL type typ, by the key of each.
func each[P any, K comparable, V any](ctx context.Context, typ string, l level[K, V], parents []*P, key func(*P) K) ([]V, error) {
	keys := make([]K, len(parents))
	for i, p := range parents {
		keys[i] = key(p)
	}
	return l.Each(ctx, keys, wholeBatch(ctx, typ, parents))
}

// wholeBatch reports whether a batch resolver's parents, of GraphQL type
// typ, are their level's only ones: gqlgen gave it the whole list that
// holds them (not one parent outside a list, which it passes alone), and no
// list lies above that list.
func wholeBatch[P any](ctx context.Context, typ string, parents []*P) bool {
	b, ok := graphql.BatchParentsFor[*P](ctx, typ)
	return ok && len(b.Parents) == len(parents) && wholeLevel(ctx, true)
}

// selects reports whether the field being resolved selects field on its
// objects of type typ, directly or through fragments.
func selects(ctx context.Context, typ, field string) bool {
	fc := graphql.GetFieldContext(ctx)
	oc := graphql.GetOperationContext(ctx)
	if fc == nil || oc == nil {
		return false
	}
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, []string{typ}) {
		if f.Name == field {
			return true
		}
	}
	return false
}

// wholeLevel reports whether the field being resolved is the only one of
// its level: no list lies above its parent (or, for a batch resolver, which
// gets the whole list that holds its parent at once, above that list), so
// no other parent will ask for the level's rows and a loader's window would
// wait for nothing.
func wholeLevel(ctx context.Context, batch bool) bool {
	fc := graphql.GetFieldContext(ctx) // the field; a list's items have an Index
	if fc == nil {
		return false
	}
	p := fc.Parent
	if batch && p != nil && p.Index != nil {
		p = p.Parent // the parent's place in the list the batch holds
	}
	for ; p != nil; p = p.Parent {
		if p.Index != nil {
			return false
		}
	}
	return true
}

// byIDOf makes a loader of rows by id from a batch read.
func byIDOf[T any](c loaderConfig, name string, read func(context.Context, []int64) ([]*T, error), id func(*T) int64) level[int64, *T] {
	return levelOf(c, func(ctx context.Context, ids []int64) (map[int64]*T, error) {
		c.metrics.Batch(name, len(ids))
		items, err := read(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[int64]*T, len(items))
		for _, it := range items {
			out[id(it)] = it
		}
		return out, nil
	})
}

// groupedOf makes a loader of each parent's children from a batch read; a
// parent with no children gets an empty list.
func groupedOf[T any](c loaderConfig, name string, read func(context.Context, []int64) (map[int64][]*T, error)) level[int64, []*T] {
	return levelOf(c, func(ctx context.Context, ids []int64) (map[int64][]*T, error) {
		c.metrics.Batch(name, len(ids))
		found, err := read(ctx, ids)
		if err != nil {
			return nil, err
		}
		return fillEmpty(found, ids), nil
	})
}

// byID is a loader of rows of one type by id.
type byID[T any] interface {
	Load(ctx context.Context, id int64) (*T, error)
	Clear(id int64)
	Prime(id int64, row *T) bool
}

// objectLevel reads the objects of one API type by id: one through its
// loader (load), or many at once, given to the loader for the loads that
// follow (ahead).
type objectLevel interface {
	load(ctx context.Context, id int64) (any, error)
	ahead(ctx context.Context, ids []int64) error
}

// objects returns how the objects of API type typ are read by id; nil for a
// type that has no objects of its own.
func (l *Loaders) objects(typ string) objectLevel {
	switch typ {
	case typeArticle:
		return objectsOf(&l.articles)
	case typeParagraph:
		return objectsOf(&l.paragraphs)
	case typeTopic:
		return objectsOf(&l.topics)
	case typePerson:
		return &l.people
	case typeAffiliation:
		return objectsOf(&l.affiliations)
	case typeOrganization:
		return &l.organizations
	case typePlace:
		return &l.places
	case typeEvent:
		return objectsOf(&l.events)
	case typeProject:
		return objectsOf(&l.projects)
	case typeAgreement:
		return objectsOf(&l.agreements)
	case typeStatement:
		return objectsOf(&l.statements)
	case typeFigure:
		return objectsOf(&l.figures)
	}
	return nil
}

// idLevel is a level keyed by id, read as an objectLevel.
type idLevel[V any] level[int64, V]

// objectsOf returns l as an objectLevel.
func objectsOf[V any](l *level[int64, V]) objectLevel { return (*idLevel[V])(l) }

// load reads the value with id through the loader, as an interface (see
// anyOf).
func (l *idLevel[V]) load(ctx context.Context, id int64) (any, error) {
	return anyOf(level[int64, V](*l).Load(ctx, id))
}

// ahead reads the values with ids at once and gives them to the loader.
func (l *idLevel[V]) ahead(ctx context.Context, ids []int64) error {
	_, err := primed(ctx, level[int64, V](*l), ids)
	return err
}

// kindLoader loads the rows of one kind of entity (PERSON, ORGANIZATION or
// PLACE) through the loader all three share.
type kindLoader[T any] struct {
	all  level[db.EntityKey, any]
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

// load reads the entity with id, as an interface (see anyOf).
func (k kindLoader[T]) load(ctx context.Context, id int64) (any, error) {
	return anyOf(k.Load(ctx, id))
}

// ahead reads the entities with ids at once and gives them to the loader.
func (k kindLoader[T]) ahead(ctx context.Context, ids []int64) error {
	keys := make([]db.EntityKey, len(ids))
	for i, id := range ids {
		keys[i] = db.EntityKey{Kind: k.kind, ID: id}
	}
	_, err := primed(ctx, k.all, keys)
	return err
}

// Prime gives the entity with id to later Loads, unless one holds it.
func (k kindLoader[T]) Prime(id int64, row *T) bool {
	return k.all.Prime(db.EntityKey{Kind: k.kind, ID: id}, row)
}

// evidenceLoader loads the evidence of one kind of fact through the loader
// all kinds share.
type evidenceLoader struct {
	all   *lazyLoader[db.EvidenceKey, []*db.Evidence]
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
		return nil, nil // no reference: the field is null
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
func nestedPages[T any](l *Loaders, r db.Relation[T], a nestedArgs) level[pageKey, db.Page[T]] {
	l.mu.Lock()
	defer l.mu.Unlock()
	name := "pages:" + r.Name() + "\x00" + a.key
	if v, ok := l.nested[name]; ok {
		return v.(level[pageKey, db.Page[T]])
	}
	loader := levelOf(loaderConfig{l.wait, l.metrics}, func(ctx context.Context, keys []pageKey) (map[pageKey]db.Page[T], error) {
		l.metrics.Batch(r.Name(), len(keys))
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
	})
	l.nested[name] = loader
	return loader
}

// nestedCounts returns the loader of a relation's child counts with
// arguments a.
func nestedCounts[T any](l *Loaders, r db.Relation[T], a nestedArgs) level[int64, int] {
	l.mu.Lock()
	defer l.mu.Unlock()
	name := "counts:" + r.Name() + "\x00" + a.key
	if v, ok := l.nested[name]; ok {
		return v.(level[int64, int])
	}
	loader := levelOf(loaderConfig{l.wait, l.metrics}, func(ctx context.Context, parents []int64) (map[int64]int, error) {
		l.metrics.Batch(r.Name()+".count", len(parents))
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
	})
	l.nested[name] = loader
	return loader
}

// nestedGroups returns the loader of a relation's aggregates with
// arguments a, grouped as g says (summarize: with the summary of figures'
// values): one statement for all the parents that ask for the same.
func nestedGroups[T any](l *Loaders, r db.Relation[T], a nestedArgs, g db.GroupBy, summarize bool) level[int64, []*db.Group] {
	l.mu.Lock()
	defer l.mu.Unlock()
	name := fmt.Sprintf("groups:%s\x00%s\x00%v:%d:%v:%v", r.Name(), a.key, g.Dimensions, g.First, g.ByValue, summarize)
	if v, ok := l.nested[name]; ok {
		return v.(level[int64, []*db.Group])
	}
	loader := levelOf(loaderConfig{l.wait, l.metrics}, func(ctx context.Context, parents []int64) (map[int64][]*db.Group, error) {
		l.metrics.Batch(r.Name()+".groups", len(parents))
		groups, err := db.NestedGroups(ctx, l.store, r, parents, a.args, g, summarize)
		if err != nil {
			return nil, err
		}
		return fillEmpty(groups, parents), nil
	})
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

// noMetrics records nothing.
type noMetrics struct{}

func (noMetrics) Batch(string, int) {}

// WithLoaders returns a context carrying fresh loaders for one request
// (or one event of a subscription), whose batches m records (nil: none).
func WithLoaders(ctx context.Context, store *db.Store, wait time.Duration, m LoaderMetrics) context.Context {
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
func stored[T any](l byID[T], id int64, row *T) {
	l.Clear(id)
	l.Prime(id, row)
}

// keep is stored for a row of any type a write returns; a row of another
// type is left to be read again.
func (l *Loaders) keep(row any) {
	switch x := row.(type) {
	case *db.Article:
		stored(l.articles, x.ID, x)
	case *db.Statement:
		stored(l.statements, x.ID, x)
	case *db.Figure:
		stored(l.figures, x.ID, x)
	case *db.Topic:
		stored(l.topics, x.ID, x)
	case *db.Person:
		stored(l.people, x.ID, x)
	case *db.Organization:
		stored(l.organizations, x.ID, x)
	case *db.Place:
		stored(l.places, x.ID, x)
	case *db.Event:
		stored(l.events, x.ID, x)
	case *db.Project:
		stored(l.projects, x.ID, x)
	case *db.Agreement:
		stored(l.agreements, x.ID, x)
	}
}
