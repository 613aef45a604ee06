package graph

// Fuzz targets for the decoders of what clients send back: global IDs,
// cursors and paging arguments. They use no database (the package's
// TestMain still prepares one). FuzzStatementsFilter, which sends filters
// through the HTTP API, is in graph/serve/protocol_test.go.
//
//	go test -run='^$' -fuzz=FuzzDecodeID -fuzztime=10s ./graph/

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph/model"
)

func FuzzDecodeID(f *testing.F) {
	for _, seed := range []string{
		encodeID(typeArticle, 1), encodeID(typeStatement, math.MaxInt64), encodeID("Type:with:colons", 7),
		"", "=", "QXJ0aWNsZToxMA", "QXJ0aWNsZToxMA==", "QXJ0aWNsZTow", "QXJ0aWNsZTotMQ", "QXJ0aWNsZTowMQ",
		"OjE", "QXJ0aWNsZQ", "QXJ0aWNsZToxIA", "8J-YgDox", strings.Repeat("QUFB", 30),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, gid string) {
		typ, id, ok := decodeID(gid)
		if !ok {
			if typ != "" || id != 0 {
				t.Errorf("decodeID(%q) = %q, %d, false; want zero values", gid, typ, id)
			}
			return
		}
		if typ == "" || strings.Contains(typ, ":") || id <= 0 || len(gid) > 64 {
			t.Errorf("decodeID(%q) = %q, %d; want a type without ':' and a positive id from at most 64 characters", gid, typ, id)
		}
		if typ2, id2, ok2 := decodeID(encodeID(typ, id)); !ok2 || typ2 != typ || id2 != id {
			t.Errorf("decodeID(encodeID(%q, %d)) = %q, %d, %v; want the same", typ, id, typ2, id2, ok2)
		}
	})
}

func FuzzDecodeCursor(f *testing.F) {
	for _, seed := range []string{
		encodeCursor("slug", []string{"china-malaysia"}), encodeCursor("published", []string{"2025-04-18", "12"}),
		encodeCursor("o", make([]string, 8)), encodeCursor("o", make([]string, 9)), encodeCursor("", []string{"x"}),
		"", "e30", "eyJvIjoiIiwiayI6W119", "eyJvIjoic2x1ZyIsImsiOlsxXX0", "bnVsbA", "W10",
		strings.Repeat("A", 1025),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := decodeCursor(s)
		if !ok {
			if c != nil {
				t.Errorf("decodeCursor(%q) = %+v, false; want nil", s, c)
			}
			return
		}
		if c.Order == "" || len(c.Keys) == 0 || len(c.Keys) > 8 || len(s) > model.MaxCursor {
			t.Errorf("decodeCursor(%q) = %+v; want an ordering and 1 to 8 keys from at most %d characters", s, c, model.MaxCursor)
		}
		again, ok := decodeCursor(encodeCursor(c.Order, c.Keys))
		if !ok || again.Order != c.Order || !slices.Equal(again.Keys, c.Keys) {
			t.Errorf("decodeCursor(encodeCursor(%+v)) = %+v, %v; want the same", c, again, ok)
		}
	})
}

func FuzzPageArgs(f *testing.F) {
	cursor := encodeCursor("slug", []string{"a"})
	f.Add(true, 10, false, 0, "", "")
	f.Add(false, 0, true, 100, "", cursor)
	f.Add(true, 0, false, 0, cursor, "")
	f.Add(true, 101, false, 0, "", "")
	f.Add(true, -1, true, 5, "", "")
	f.Add(false, 0, false, 0, cursor, cursor)
	f.Add(false, 0, false, 0, "not a cursor", "")
	f.Add(false, 0, false, 0, "", strings.Repeat("é", 100))
	f.Fuzz(func(t *testing.T, hasFirst bool, first int, hasLast bool, last int, after, before string) {
		args := func(has bool, v int) *int {
			if has {
				return &v
			}
			return nil
		}
		opt := func(s string) *string {
			if s != "" {
				return &s
			}
			return nil
		}
		p, err := pageArgs(args(hasFirst, first), opt(after), args(hasLast, last), opt(before))
		if err != nil {
			if db.ErrorCode(err) != db.CodeInvalid {
				t.Errorf("error %v has code %s; want %s", err, db.ErrorCode(err), db.CodeInvalid)
			}
			if msg := db.ErrorMessage(err); len(msg) > 200 {
				t.Errorf("error message of %d bytes; want a short one: %.100s...", len(msg), msg)
			}
			return
		}
		if (p.First == 0) == (p.Last == 0) || p.First < 0 || p.First > db.MaxPageSize || p.Last < 0 || p.Last > db.MaxPageSize {
			t.Errorf("pageArgs gave first %d, last %d; want exactly one of them, in 1..%d", p.First, p.Last, db.MaxPageSize)
		}
		if (after != "") != (p.After != nil) || (before != "") != (p.Before != nil) {
			t.Errorf("pageArgs(after %q, before %q) gave cursors %+v, %+v; want one for each given", after, before, p.After, p.Before)
		}
	})
}

// encodeCursor returns the opaque cursor of a row in an ordering.
func encodeCursor(order string, keys []string) string { return model.EncodeCursor(order, keys) }
