package globalid

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// The object types that have global IDs.
const (
	Article      = "Article"
	Paragraph    = "Paragraph"
	Topic        = "Topic"
	Person       = "Person"
	Affiliation  = "Affiliation"
	Organization = "Organization"
	Place        = "Place"
	Event        = "Event"
	Project      = "Project"
	Agreement    = "Agreement"
	Statement    = "Statement"
	Figure       = "Figure"
)

// maxLen is the longest global ID Decode reads.
const maxLen = 64

// Encode returns the global ID of the object of type typ with id.
func Encode(typ string, id int64) string {
	var raw [48]byte
	b := append(append(raw[:0], typ...), ':')
	b = strconv.AppendInt(b, id, 10)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Decode returns the type and id a global ID names, or ok false.
func Decode(gid string) (typ string, id int64, ok bool) {
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil || len(gid) > maxLen {
		return "", 0, false
	}
	typ, num, found := strings.Cut(string(raw), ":")
	if !found || typ == "" {
		return "", 0, false
	}
	id, err = strconv.ParseInt(num, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != num {
		return "", 0, false
	}
	return typ, id, true
}
