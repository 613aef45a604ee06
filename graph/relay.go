package graph

import (
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/globalid"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/model"
)

// Global IDs are base64url("Type:id"), made and read by package globalid
// (the db rows give their own); cursors (package model) are base64url of a
// small JSON object naming the ordering and the row's sort keys. Both are
// opaque to clients.

// The object types that have global IDs.
const (
	typeArticle      = globalid.Article
	typeParagraph    = globalid.Paragraph
	typeTopic        = globalid.Topic
	typePerson       = globalid.Person
	typeAffiliation  = globalid.Affiliation
	typeOrganization = globalid.Organization
	typePlace        = globalid.Place
	typeEvent        = globalid.Event
	typeProject      = globalid.Project
	typeAgreement    = globalid.Agreement
	typeStatement    = globalid.Statement
	typeFigure       = globalid.Figure
)

// objectTypes are the object types that have global IDs.
var objectTypes = []string{
	typeArticle, typeParagraph, typeTopic, typePerson, typeAffiliation, typeOrganization,
	typePlace, typeEvent, typeProject, typeAgreement, typeStatement, typeFigure,
}

// entityTypeNames are the object types that are entities.
var entityTypeNames = []string{typePerson, typeOrganization, typePlace, typeEvent, typeProject, typeAgreement}

// typeOfKind returns the API type of a kind of row (ARTICLE, PERSON, ...).
func typeOfKind(kind string) string {
	for _, t := range objectTypes {
		if strings.EqualFold(t, kind) {
			return t
		}
	}
	return kind
}

// encodeID returns the global ID of the object of type typ with id.
func encodeID(typ string, id int64) string { return globalid.Encode(typ, id) }

// decodeID returns the type and id a global ID names, or ok false.
func decodeID(gid string) (typ string, id int64, ok bool) { return globalid.Decode(gid) }

// decodeCursor parses an opaque cursor, or returns ok false.
func decodeCursor(s string) (*db.Cursor, bool) { return model.DecodeCursor(s) }

// DefaultPageSize is the page size when neither first nor last is given.
const DefaultPageSize = 20

// pageArgs checks a connection's paging arguments and turns them into a
// db.PageArgs. Errors name the argument and say what is allowed.
func pageArgs(first *int, after *string, last *int, before *string) (db.PageArgs, error) {
	var p db.PageArgs
	switch {
	case first != nil && last != nil:
		return p, input.Errorf("give first or last, not both")
	case first != nil:
		if *first < 1 || *first > db.MaxPageSize {
			return p, input.Errorf("first: must be between 1 and %d, got %d", db.MaxPageSize, *first)
		}
		p.First = *first
	case last != nil:
		if *last < 1 || *last > db.MaxPageSize {
			return p, input.Errorf("last: must be between 1 and %d, got %d", db.MaxPageSize, *last)
		}
		p.Last = *last
	case before != nil:
		p.Last = DefaultPageSize
	default:
		p.First = DefaultPageSize
	}
	if after != nil {
		c, ok := decodeCursor(*after)
		if !ok {
			return p, input.Errorf("after: %q is not a cursor from this API", input.Abbreviate(*after))
		}
		p.After = c
	}
	if before != nil {
		c, ok := decodeCursor(*before)
		if !ok {
			return p, input.Errorf("before: %q is not a cursor from this API", input.Abbreviate(*before))
		}
		p.Before = c
	}
	return p, nil
}
