package graph

import (
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/globalid"
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

// encodeID returns the global ID of the object of type typ with id.
func encodeID(typ string, id int64) string { return globalid.Encode(typ, id) }

// decodeID returns the type and id a global ID names, or ok false.
func decodeID(gid string) (typ string, id int64, ok bool) { return globalid.Decode(gid) }

// encodeCursor returns the opaque cursor of a row in an ordering.
func encodeCursor(order string, keys []string) string { return model.EncodeCursor(order, keys) }

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
		return p, inputErrorf("give first or last, not both")
	case first != nil:
		if *first < 1 || *first > db.MaxPageSize {
			return p, inputErrorf("first: must be between 1 and %d, got %d", db.MaxPageSize, *first)
		}
		p.First = *first
	case last != nil:
		if *last < 1 || *last > db.MaxPageSize {
			return p, inputErrorf("last: must be between 1 and %d, got %d", db.MaxPageSize, *last)
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
			return p, inputErrorf("after: %q is not a cursor from this API", Abbreviate(*after))
		}
		p.After = c
	}
	if before != nil {
		c, ok := decodeCursor(*before)
		if !ok {
			return p, inputErrorf("before: %q is not a cursor from this API", Abbreviate(*before))
		}
		p.Before = c
	}
	return p, nil
}

// Abbreviate shortens user input echoed in an error message.
func Abbreviate(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

// inputErrorf returns an error the client made; its message is shown.
func inputErrorf(format string, args ...any) error {
	return db.Errorf(db.CodeInvalid, format, args...)
}
