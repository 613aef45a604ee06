package serve

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/json"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/vektah/gqlparser/v2/ast"
)

// ResponseCache keeps the responses of recent queries, up to a number of
// bytes (least recently used out first), and answers the same query with
// the same variables from memory until the data changes.
//
// It forgets everything it holds whenever anything changes: every write to
// the database sends a notice on db.ChangeChannel when it commits (the
// triggers of migration 6), which the cache listens for on its own
// connection, and a mutation run by this server clears it before its
// answer leaves, so a client reads its own writes; the broker clears it
// before it delivers subscription events, so a subscriber told of a change
// reads it (see Broker.BeforeDelivery). A write committed
// through another server or process is seen once its notice arrives
// (milliseconds); until then the cache may still answer what the database
// held before, as a replica would. While the listener is not connected the
// cache is off, and it starts empty each time it connects, since notices
// sent in between are lost.
//
// Only whole, error-free query responses are kept. A response does not
// depend on who asks (a token only decides whether one may ask), so all
// clients share the entries.
type ResponseCache struct {
	anySchema
	url      string
	logger   *slog.Logger
	maxBytes int
	metrics  *Metrics

	live atomic.Bool // the listener is connected: entries can be trusted

	mu    sync.Mutex
	epoch uint64 // counts invalidations; an answer computed in an older one is not kept
	// position is a WAL position at or past every change the cache was
	// cleared for: an answer read from a standby that had not replayed it
	// is not kept, and a request whose consistency token is past it is not
	// answered from the cache.
	position route.LSN
	entries  map[cacheKey]*list.Element
	recency  list.List // of *cacheEntry, most recently used first
	bytes    int
}

// DefaultResponseCacheMB is the response cache's size unless configured.
const DefaultResponseCacheMB = 32

type cacheKey [sha256.Size]byte

type cacheEntry struct {
	key  cacheKey
	data json.RawMessage
}

// entryOverhead approximates the bytes an entry costs besides its data:
// the map slot, the list element and the entry.
const entryOverhead = 160

// NewResponseCache returns a cache of at most maxBytes that listens for
// changes on its own connection to databaseURL once Run starts it. Until
// then, and whenever the listener is down, it keeps nothing. m, when not
// nil, counts its lookups and exports its size.
func NewResponseCache(databaseURL string, maxBytes int, logger *slog.Logger, m *Metrics) *ResponseCache {
	c := &ResponseCache{url: databaseURL, logger: logger, maxBytes: maxBytes, metrics: m, entries: map[cacheKey]*list.Element{}}
	m.watchCache(c)
	return c
}

// Run listens for change notices until ctx ends, reconnecting after
// failures.
func (c *ResponseCache) Run(ctx context.Context) {
	reconnecting(ctx, c.logger, "change listener", c.listen)
}

// listen serves one connection's life: LISTEN, then clear the cache on
// every notice.
func (c *ResponseCache) listen(ctx context.Context) error {
	l, err := pg.Listen(ctx, c.url, db.ChangeChannel)
	if err != nil {
		return err
	}
	defer l.Close(context.WithoutCancel(ctx))
	// Notices sent while no listener was connected are lost: start empty.
	// Each clearing is for the changes committed before the primary's
	// position, read after the notice arrived, on the listener's
	// connection.
	c.Invalidate(l.Since())
	c.live.Store(true)
	defer func() {
		c.live.Store(false)
		c.Invalidate(0)
	}()
	for {
		if err := l.Wait(ctx); err != nil {
			return err
		}
		at, err := l.Position(ctx)
		if err != nil {
			return err
		}
		c.Invalidate(at)
	}
}

// Listening reports whether the cache is on: its listener is connected.
func (c *ResponseCache) Listening() bool { return c.live.Load() }

// Invalidate forgets every entry, and every answer being computed now.
// at is a WAL position at or past the change it is cleared for (0 when no
// reads go to standbys, or for no change; route.PrimaryOnly, for an unknown
// one, counts as 0: the change's notice follows).
func (c *ResponseCache) Invalidate(at route.LSN) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.epoch++
	if at != route.PrimaryOnly {
		c.position = max(c.position, at)
	}
	clear(c.entries)
	c.recency.Init()
	c.bytes = 0
	c.metrics.cacheCleared()
}

// Bytes returns the bytes the entries take, roughly.
func (c *ResponseCache) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// get returns the entry's data, if it has one and the request's reads
// need see no change past the cache's position, and the current epoch.
func (c *ResponseCache) get(key cacheKey, after route.LSN) (json.RawMessage, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[key]; ok && after <= c.position {
		c.recency.MoveToFront(e)
		return e.Value.(*cacheEntry).data, c.epoch
	}
	return nil, c.epoch
}

// put keeps data under key unless the data changed since epoch, or it was
// read from a standby that had not replayed the cache's position (at,
// when primary is false), or it is too large to keep (an eighth of the
// cache at most), and makes room by dropping the least recently used
// entries.
func (c *ResponseCache) put(key cacheKey, data json.RawMessage, epoch uint64, at route.LSN, primary bool) {
	size := len(data) + entryOverhead
	if size > c.maxBytes/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if epoch != c.epoch || !c.live.Load() || (!primary && at < c.position) {
		return
	}
	if _, ok := c.entries[key]; ok {
		return // a concurrent request computed it too
	}
	c.entries[key] = c.recency.PushFront(&cacheEntry{key: key, data: data})
	c.bytes += size
	for c.bytes > c.maxBytes {
		e := c.recency.Back().Value.(*cacheEntry)
		c.recency.Remove(c.recency.Back())
		delete(c.entries, e.key)
		c.bytes -= len(e.data) + entryOverhead
	}
}

func (c *ResponseCache) ExtensionName() string { return "ResponseCache" }

// InterceptOperation answers a query from the cache when it can, keeps a
// query's answer when it may, and clears the cache after a mutation.
func (c *ResponseCache) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	switch {
	case oc.Operation.Operation == ast.Mutation:
		h := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			resp := h(ctx)
			c.Invalidate(route.CommitPosition(ctx)) // the mutation has committed (or failed): nothing cached may predate it
			return resp
		}
	case oc.Operation.Operation != ast.Query || !c.live.Load():
		c.metrics.cacheLookup("bypass")
		return next(ctx)
	}
	key, ok := keyOf(oc)
	if !ok || selectsPrivate(oc) {
		c.metrics.cacheLookup("bypass")
		return next(ctx)
	}
	data, epoch := c.get(key, route.ReadAfter(ctx))
	if data != nil {
		c.metrics.cacheLookup("hit")
		noteOperation(ctx) // the response interceptors, which note it, do not run
		noteCache(ctx, "hit")
		return graphql.OneShot(&graphql.Response{Data: data})
	}
	c.metrics.cacheLookup("miss")
	noteCache(ctx, "miss")
	h := next(ctx)
	first := true
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		// Only a whole answer: no errors, nothing deferred to later parts,
		// no extensions that may differ from one request to the next.
		if first && resp != nil && len(resp.Errors) == 0 && resp.HasNext == nil && len(resp.Extensions) == 0 && resp.Data != nil {
			at, primary := route.ReadPosition(ctx)
			c.put(key, resp.Data, epoch, at, primary)
		}
		first = false
		return resp
	}
}

// privateFields are the root fields whose answers depend on who asks
// (only token holders may read the audit log): a query that selects one is
// neither answered from the cache nor kept in it.
var privateFields = map[string]bool{"auditLog": true}

// selectsPrivate reports whether the operation selects a private field.
func selectsPrivate(oc *graphql.OperationContext) bool {
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Query"}) {
		if privateFields[f.Name] {
			return true
		}
	}
	return false
}

// keyOf identifies a query by its text, operation name and variables (as
// coerced, so equal values given differently share an entry).
func keyOf(oc *graphql.OperationContext) (cacheKey, bool) {
	vars, err := json.Marshal(oc.Variables) // a map's keys are sorted
	if err != nil {
		return cacheKey{}, false
	}
	h := sha256.New()
	h.Write([]byte(oc.RawQuery))
	h.Write([]byte{0})
	h.Write([]byte(oc.OperationName))
	h.Write([]byte{0})
	h.Write(vars)
	var key cacheKey
	h.Sum(key[:0])
	return key, true
}
