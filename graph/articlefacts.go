package graph

import (
	"context"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/model"
)

// An article resolved alone (no list above it, as `article(slug:)`) has
// two lists of facts, its statements and its figures, whose levels below
// are of the same kinds: the statements' and the figures' evidence are
// rows of one table, and their speakers and subjects are people,
// organizations and places. Their batch resolvers each get their whole
// list at once but do not see each other's keys, so each such level
// would cost a statement for the statements and another for the figures.
// articleFacts lets them share one: the article's statements and figures
// pages, once read, hand their rows to it, and the first batch resolver of
// a shared level waits for the pages the article selects (not for a
// window: they are being read already), then reads the level for all of
// them at once; the others take their rows from that read.

// factsPageWait bounds how long a shared level waits for the article's
// pages. They are read concurrently with the lists already resolved and
// always arrive; the bound only keeps a page that is never read (one
// deferred, say) from holding the others, which then read on their own.
const factsPageWait = 100 * time.Millisecond

// articleFacts is one article's statements and figures pages, and the
// levels below them that they share.
type articleFacts struct {
	want factSelection

	mu         sync.Mutex
	left       int           // pages selected and not read yet
	read       chan struct{} // closed when left reaches 0
	statements []*db.Statement
	figures    []*db.Figure

	evidence shared[db.EvidenceKey, []*db.Evidence]
	entities shared[db.EntityKey, any]
}

// factSelection is what an article's selection set asks of its facts'
// levels: how many pages of statements and figures it reads, and which of
// their shared levels it selects below them.
type factSelection struct {
	pages             int
	statementEvidence bool
	figureEvidence    bool
	speakers          bool
	speakerOrgs       bool // the unnamed speakers' organizations
	subjects          bool
}

// shared is one read of a level for all the lists of an article's facts.
type shared[K comparable, V any] struct {
	once  sync.Once
	found map[K]V
	err   error
}

// factsOf returns the facts of the article that the field being resolved
// lies under, if that article is resolved alone (no list above it) and
// the field is one of its statements' or figures' lists or below them;
// else nil. The article's facts are made on first use, and the selection
// read then.
func factsOf(ctx context.Context) *articleFacts {
	fc := graphql.GetFieldContext(ctx)
	for ; fc != nil && fc.Object != "Article"; fc = fc.Parent {
	}
	if fc == nil || (fc.Field.Name != "statements" && fc.Field.Name != "figures") {
		return nil
	}
	article := fc.Parent // the field that returned the article
	if article == nil || article.Field.Field == nil {
		return nil
	}
	for p := article; p != nil; p = p.Parent {
		if p.Index != nil {
			return nil // one of a list of articles: its levels go through the loaders
		}
	}
	l := loaders(ctx)
	l.mu.Lock()
	defer l.mu.Unlock()
	if f, ok := l.facts[article]; ok {
		return f
	}
	want := selectFacts(graphql.GetOperationContext(ctx), article.Field.Selections)
	f := &articleFacts{want: want, left: want.pages, read: make(chan struct{})}
	if f.left == 0 {
		close(f.read)
	}
	l.facts[article] = f
	return f
}

// selectFacts reads which pages of facts, and which of their shared
// levels, an article's selection set selects (through nodes or edges).
func selectFacts(oc *graphql.OperationContext, article ast.SelectionSet) factSelection {
	var s factSelection
	if oc == nil {
		return s
	}
	items := func(conn *graphql.CollectedField, connType, itemType string) []graphql.CollectedField {
		var out []graphql.CollectedField
		for _, f := range graphql.CollectFields(oc, conn.Selections, []string{connType}) {
			switch f.Name {
			case "nodes":
				out = append(out, graphql.CollectFields(oc, f.Selections, []string{itemType})...)
			case "edges":
				for _, e := range graphql.CollectFields(oc, f.Selections, []string{itemType + "Edge"}) {
					if e.Name == "node" {
						out = append(out, graphql.CollectFields(oc, e.Selections, []string{itemType})...)
					}
				}
			}
		}
		return out
	}
	for _, f := range graphql.CollectFields(oc, article, []string{"Article"}) {
		var item string
		switch {
		case f.IsDeferred():
			continue // read after the rest: not waited for
		case f.Name == "statements":
			item = "Statement"
		case f.Name == "figures":
			item = "Figure"
		default:
			continue
		}
		s.pages++
		for _, g := range items(&f, item+"Connection", item) {
			switch item + "." + g.Name {
			case "Statement.evidence":
				s.statementEvidence = true
			case "Figure.evidence":
				s.figureEvidence = true
			case "Statement.speaker":
				s.speakers = true
				for _, h := range graphql.CollectFields(oc, g.Selections, []string{"UnnamedSpeaker"}) {
					s.speakerOrgs = s.speakerOrgs || h.Name == "organization"
				}
			case "Figure.subject":
				s.subjects = true
			}
		}
	}
	return s
}

// pageRead hands the facts a page of statements or figures the article
// selects (nil if it was not read, as on an error); every page resolver
// under the article calls it once.
func (f *articleFacts) pageRead(statements []*db.Statement, figures []*db.Figure) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.statements = append(f.statements, statements...)
	f.figures = append(f.figures, figures...)
	if f.left > 0 {
		f.left--
		if f.left == 0 {
			close(f.read)
		}
	}
}

// pages waits for the article's pages (at most factsPageWait) and returns
// the rows read by then.
func (f *articleFacts) pages(ctx context.Context) ([]*db.Statement, []*db.Figure) {
	t := time.NewTimer(factsPageWait)
	defer t.Stop()
	select {
	case <-f.read:
	case <-t.C:
	case <-ctx.Done():
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.statements, f.figures
}

// evidenceKeys are the keys of the evidence the article's pages select.
func (f *articleFacts) evidenceKeys(statements []*db.Statement, figures []*db.Figure) []db.EvidenceKey {
	var keys []db.EvidenceKey
	if f.want.statementEvidence {
		for _, s := range statements {
			keys = append(keys, db.EvidenceKey{Owner: db.StatementEvidence, ID: s.ID})
		}
	}
	if f.want.figureEvidence {
		for _, x := range figures {
			keys = append(keys, db.EvidenceKey{Owner: db.FigureEvidence, ID: x.ID})
		}
	}
	return keys
}

// entityKeys are the keys of the people, organizations and places the
// article's pages select as speakers (with the unnamed speakers'
// organizations) and subjects.
func (f *articleFacts) entityKeys(statements []*db.Statement, figures []*db.Figure) []db.EntityKey {
	var keys []db.EntityKey
	if f.want.speakers {
		for _, s := range statements {
			switch {
			case s.SpeakerID != nil && s.SpeakerKind != nil:
				keys = append(keys, db.EntityKey{Kind: *s.SpeakerKind, ID: *s.SpeakerID})
			case f.want.speakerOrgs && s.SpeakerOrganizationID != nil:
				keys = append(keys, db.EntityKey{Kind: "ORGANIZATION", ID: *s.SpeakerOrganizationID})
			}
		}
	}
	if f.want.subjects {
		for _, x := range figures {
			if namedKind(x.SubjectKind) {
				keys = append(keys, db.EntityKey{Kind: x.SubjectKind, ID: x.SubjectID})
			}
		}
	}
	return keys
}

// sharedEach returns the value of each key of a level shared by an
// article's facts: the first caller reads the keys all the article's pages
// select (all, after waiting for the pages) together with its own, and
// every caller takes its values from that read; keys it did not cover (a
// page that came late) are read apart, at once.
func sharedEach[K comparable, V any](ctx context.Context, s *shared[K, V], l level[K, V], keys []K, all func() []K) ([]V, error) {
	s.once.Do(func() {
		want := append(all(), keys...)
		seen := make(map[K]bool, len(want))
		unique := want[:0]
		for _, k := range want {
			if !seen[k] {
				seen[k] = true
				unique = append(unique, k)
			}
		}
		s.found, s.err = l.read(ctx, unique)
	})
	if s.err != nil {
		return nil, s.err
	}
	out := make([]V, len(keys))
	var missing []K
	var at []int
	for i, k := range keys {
		v, ok := s.found[k]
		if !ok {
			missing, at = append(missing, k), append(at, i)
			continue
		}
		out[i] = v
	}
	if len(missing) > 0 {
		rest, err := l.now(ctx, missing)
		if err != nil {
			return nil, err
		}
		for j, i := range at {
			out[i] = rest[j]
		}
	}
	return out, nil
}

// evidenceOf resolves the evidence of a batch resolver's statements or
// figures (objs, of GraphQL type typ, whose evidence owner is owner), each
// found by its id, through factEvidence.
func evidenceOf[P any](ctx context.Context, typ string, owner db.EvidenceOwner, objs []*P, id func(*P) int64) ([][]*db.Evidence, error) {
	keys := make([]db.EvidenceKey, len(objs))
	for i, o := range objs {
		keys[i] = db.EvidenceKey{Owner: owner, ID: id(o)}
	}
	return factEvidence(ctx, keys, wholeBatch(ctx, typ, objs))
}

// factEvidence returns the evidence of each of a batch resolver's
// statements or figures (keys), shared with the article's other facts when
// the batch is a whole page of an article resolved alone (whole), else as
// each does.
func factEvidence(ctx context.Context, keys []db.EvidenceKey, whole bool) ([][]*db.Evidence, error) {
	l := loaders(ctx)
	if f := wholeFacts(ctx, whole, len(keys)); f != nil {
		return sharedEach(ctx, &f.evidence, l.evidence, keys, func() []db.EvidenceKey { return f.evidenceKeys(f.pages(ctx)) })
	}
	return l.evidence.Each(ctx, keys, whole)
}

// factEntities returns the people, organizations and places of keys (all of
// those kinds), shared with the article's other facts as factEvidence.
func factEntities(ctx context.Context, keys []db.EntityKey, whole bool) ([]any, error) {
	l := loaders(ctx)
	if f := wholeFacts(ctx, whole, len(keys)); f != nil {
		return sharedEach(ctx, &f.entities, l.namedEntities, keys, func() []db.EntityKey { return f.entityKeys(f.pages(ctx)) })
	}
	return l.namedEntities.Each(ctx, keys, whole)
}

// wholeFacts is factsOf for a batch resolver that holds a whole page
// (whole) of n parents; nil for a part of a level, or no parents.
func wholeFacts(ctx context.Context, whole bool, n int) *articleFacts {
	if !whole || n == 0 {
		return nil
	}
	return factsOf(ctx)
}

// readFacts hands an article's page of statements or figures to the
// article's facts, if it is resolved alone, and returns the page.
func readFacts[T any](ctx context.Context, c *model.Connection[T], err error) (*model.Connection[T], error) {
	f := factsOf(ctx)
	if f == nil {
		return c, err
	}
	var statements []*db.Statement
	var figures []*db.Figure
	if c != nil && err == nil {
		for _, e := range c.Edges {
			switch x := any(e.Node).(type) {
			case *db.Statement:
				statements = append(statements, x)
			case *db.Figure:
				figures = append(figures, x)
			}
		}
	}
	f.pageRead(statements, figures)
	return c, err
}
