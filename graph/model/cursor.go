package model

import (
	"encoding/base64"
	"encoding/json"

	"github.com/newsgraph/newsgraph/db"
)

// Cursors are base64url of a small JSON object naming the ordering and the
// row's sort keys; they are opaque to clients.

type cursorJSON struct {
	Order string   `json:"o"`
	Keys  []string `json:"k"`
}

// MaxCursor bounds the length of a cursor DecodeCursor accepts. A cursor
// carries at most one text key, a name or label of at most
// document.MaxShortText characters, each at most 6 bytes in JSON (\u003c), so
// every cursor the API makes is shorter.
const MaxCursor = 4096

// EncodeCursor returns the opaque cursor of a row in an ordering.
func EncodeCursor(order string, keys []string) string {
	b, _ := json.Marshal(cursorJSON{Order: order, Keys: keys})
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses an opaque cursor, or returns ok false.
func DecodeCursor(s string) (*db.Cursor, bool) {
	if len(s) > MaxCursor {
		return nil, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, false
	}
	var c cursorJSON
	if err := json.Unmarshal(raw, &c); err != nil || c.Order == "" || len(c.Keys) == 0 || len(c.Keys) > 8 {
		return nil, false
	}
	return &db.Cursor{Order: c.Order, Keys: c.Keys}, true
}
