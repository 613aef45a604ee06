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

// EncodeCursor returns the opaque cursor of a row in an ordering.
func EncodeCursor(order string, keys []string) string {
	b, _ := json.Marshal(cursorJSON{Order: order, Keys: keys})
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses an opaque cursor, or returns ok false.
func DecodeCursor(s string) (*db.Cursor, bool) {
	if len(s) > 1024 {
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
