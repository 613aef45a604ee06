// Package model holds the GraphQL-only shapes of newsgraph's API:
// connections and their page info, the interfaces and unions, the unnamed
// speaker, and the Date and Decimal scalars. Domain types come from db.
package model

import (
	"context"

	"github.com/newsgraph/newsgraph/db"
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
// *db.Person or *db.Organization.
type SearchResult interface{}

// UnnamedSpeaker is someone a statement quotes without naming them.
type UnnamedSpeaker struct {
	Description string
	// OrganizationID is the organization they speak for, if the article says.
	OrganizationID *int64
}

// PageInfo says where a page sits in its listing.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// Edge is an item of a page with its cursor.
type Edge[T any] struct {
	Cursor string
	Node   *T
}

// Connection is a page of a listing. Its total is counted only when asked
// for, by the function it was built with.
type Connection[T any] struct {
	Edges    []*Edge[T]
	PageInfo *PageInfo
	Count    func(ctx context.Context) (int, error)
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

// The connections of the schema.
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
	TopicConnection        = Connection[db.Topic]
	TopicEdge              = Edge[db.Topic]
)

// SearchEdge is a search hit: the result, its score and its snippet.
type SearchEdge struct {
	Cursor  string
	Node    SearchResult
	Score   float64
	Snippet *db.Snippet
}

// SearchConnection is a page of search hits, best first.
type SearchConnection struct {
	Edges    []*SearchEdge
	PageInfo *PageInfo
	Count    func(ctx context.Context) (int, error)
}

// Nodes returns the results of the page.
func (c *SearchConnection) Nodes() []SearchResult {
	nodes := make([]SearchResult, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	return nodes
}

// TotalCount counts all hits of the search.
func (c *SearchConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}
