package model

import (
	"context"
	"sync"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/search"
)

// Node is any object with a global ID: a *db.Article, *db.Person, ...
type Node interface{}

// Entity is a *db.Person, *db.Organization, *db.Place, *db.Event,
// *db.Project or *db.Agreement: the types with an entity kind. (An empty
// interface would also match every other Node in the generated type
// switches.)
type Entity interface{ EntityKind() string }

// Speaker is a *db.Person, a *db.Organization or an *UnnamedSpeaker.
type Speaker interface{}

// SearchResult is a *db.Article, *db.Statement, *db.Figure, *db.Agreement,
// *db.Event, *db.Project, *db.Topic, *db.Person, *db.Organization or
// *db.Place.
type SearchResult interface{}

// UnnamedSpeaker is someone a statement quotes without naming them.
type UnnamedSpeaker struct {
	Description string
	// OrganizationID is the organization they speak for, if the article says.
	OrganizationID *int64
}

// PageInfo says where a page sits in its listing. Start and End are its
// first and last items' positions, nil for an empty page; their cursors are
// encoded only when asked for.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	Start, End      *Position
}

// StartCursor returns the cursor of the page's first item.
func (p *PageInfo) StartCursor() *string { return p.Start.cursor() }

// EndCursor returns the cursor of the page's last item.
func (p *PageInfo) EndCursor() *string { return p.End.cursor() }

// Position is where an item sits in a listing: the ordering's name and the
// item's sort keys, what its cursor encodes.
type Position struct {
	Order string
	Keys  []string
}

// Cursor returns the position's opaque cursor.
func (p *Position) Cursor() string { return EncodeCursor(p.Order, p.Keys) }

func (p *Position) cursor() *string {
	if p == nil {
		return nil
	}
	c := p.Cursor()
	return &c
}

// Edge is an item of a page with its position; the cursor is encoded only
// when asked for (most queries select nodes, not cursors).
type Edge[T any] struct {
	Position
	Node *T
}

// Connection is a page of a listing. Its total is counted only when asked
// for, by the function it was built with. A root listing's connection also
// carries its filter (a *db.StatementFilter, ..., nil for all), for the
// aggregates of the items it selects; Root is false for a nested listing,
// whose aggregates Group computes instead (for its parent and filter,
// batched with the other parents'; nil when it has none).
type Connection[T any] struct {
	Edges    []*Edge[T]
	PageInfo *PageInfo
	Count    func(ctx context.Context) (int, error)
	Root     bool
	Filter   any
	Group    func(ctx context.Context, g db.GroupBy, summarize bool) ([]*db.Group, error)
}

// Nodes returns the items of the page.
func (c *Connection[T]) Nodes() []*T {
	nodes := make([]*T, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// TotalCount counts the items of the whole listing.
func (c *Connection[T]) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// Payload is what a create, update or import answers: the row as stored
// (nil when there are user errors), what is wrong with the input (empty,
// never nil, when the write succeeded), and the input's clientMutationId.
// Each payload of the schema names Row after its type (statement,
// person, ...).
type Payload[T any] struct {
	Row              *T
	UserErrors       []*UserError
	ClientMutationID *string
}

// The connections, edges and payloads of the schema: instances of the
// generic types above.
type (
	ArticleConnection      = Connection[db.Article]
	ArticleEdge            = Edge[db.Article]
	StatementConnection    = Connection[db.Statement]
	StatementEdge          = Edge[db.Statement]
	FigureConnection       = Connection[db.Figure]
	FigureEdge             = Edge[db.Figure]
	AgreementConnection    = Connection[db.Agreement]
	AgreementEdge          = Edge[db.Agreement]
	PersonConnection       = Connection[db.Person]
	PersonEdge             = Edge[db.Person]
	OrganizationConnection = Connection[db.Organization]
	OrganizationEdge       = Edge[db.Organization]
	PlaceConnection        = Connection[db.Place]
	PlaceEdge              = Edge[db.Place]
	EventConnection        = Connection[db.Event]
	EventEdge              = Edge[db.Event]
	ProjectConnection      = Connection[db.Project]
	ProjectEdge            = Edge[db.Project]
	AuditEntryConnection   = Connection[db.AuditEntry]
	AuditEntryEdge         = Edge[db.AuditEntry]
	TopicConnection        = Connection[db.Topic]
	TopicEdge              = Edge[db.Topic]
	FigureClaimConnection  = Connection[db.FigureClaim]
	FigureClaimEdge        = Edge[db.FigureClaim]
	ImportArticlePayload   = Payload[db.Article]
	StatementPayload       = Payload[db.Statement]
	FigurePayload          = Payload[db.Figure]
	AgreementPayload       = Payload[db.Agreement]
	PersonPayload          = Payload[db.Person]
	OrganizationPayload    = Payload[db.Organization]
	PlacePayload           = Payload[db.Place]
	EventPayload           = Payload[db.Event]
	ProjectPayload         = Payload[db.Project]
	TopicPayload           = Payload[db.Topic]
)

// SearchEdge is a search hit: its position, the result, its score and its
// snippet.
type SearchEdge struct {
	Position
	Node    SearchResult
	Score   float64
	Snippet *search.Snippet
}

// SearchConnection is a page of search hits, in the search's order.
type SearchConnection struct {
	Edges    []*SearchEdge
	PageInfo *PageInfo
	// Count counts the hits of each type; it runs at most once, for
	// totalCount and counts alike.
	Count func(ctx context.Context) ([]*search.TypeCount, error)

	once   sync.Once
	counts []*search.TypeCount
	err    error
}

// Nodes returns the results of the page.
func (c *SearchConnection) Nodes() []SearchResult {
	nodes := make([]SearchResult, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// Counts counts the hits of each type searched.
func (c *SearchConnection) Counts(ctx context.Context) ([]*search.TypeCount, error) {
	c.once.Do(func() { c.counts, c.err = c.Count(ctx) })
	return c.counts, c.err
}

// TotalCount counts all hits of the search.
func (c *SearchConnection) TotalCount(ctx context.Context) (int, error) {
	counts, err := c.Counts(ctx)
	n := 0
	for _, x := range counts {
		n += x.Count
	}
	return n, err
}

// Change is a committed change a subscription announces: the API's type
// (ARTICLE, STATEMENT, PERSON, ...) and action (IMPORTED, ADDED, UPDATED,
// DELETED), the global ID of what changed, and its row id, to read it.
type Change struct {
	Type, Action string
	ID           string
	RowID        int64
}
