package db

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/db/rowscan"
)

// The read-side domain types. Enumerated values (kinds, statuses, verbs,
// units, roles, precisions) are upper-case names such as "UNDER_CONSTRUCTION",
// the same names the API uses. A nil pointer means the articles do not say.

// Keyset is where a row sits in the listing that returned it: its sort keys
// and id as text (Keys) and, for a nested listing, the parent it was listed
// under (Parent) and, when the listing was counted with its page, how many
// rows the parent's whole listing has (Total). It is zero for rows not read
// through a listing.
type Keyset struct {
	Keys   []string `db:"list_keys"`
	Parent int64    `db:"list_parent"`
	Total  int      `db:"list_total"`
	// Rank is the row's place among its parent's children, for listings
	// that rank them (see Relation); zero otherwise.
	Rank int `db:"list_rank"`
}

// ListKeys returns the row's sort keys in the listing that returned it.
func (k *Keyset) ListKeys() []string { return k.Keys }

// PartialDate is a date as an article words it, with only the parts it
// gives. Precision is YEAR, MONTH or DAY: the finest part known.
// InferredParts lists the parts (YEAR, MONTH, DAY) that were inferred from context, and
// Basis says from what.
type PartialDate struct {
	Year          *int     `json:"year"`
	Month         *int     `json:"month"`
	Day           *int     `json:"day"`
	Precision     string   `json:"precision"`
	Text          string   `json:"text"`
	InferredParts []string `json:"inferred"`
	Basis         *string  `json:"basis"`
}

// ISO returns the date in ISO 8601 form with only the known parts:
// "2025-04-17", "2025-06", "2024", or "--10-25" when the year is unknown.
func (d PartialDate) ISO() string {
	switch {
	case d.Year == nil && d.Month != nil && d.Day != nil:
		return fmt.Sprintf("--%02d-%02d", *d.Month, *d.Day)
	case d.Year == nil && d.Month != nil:
		return fmt.Sprintf("--%02d", *d.Month)
	case d.Year == nil:
		return ""
	case d.Month == nil:
		return fmt.Sprintf("%04d", *d.Year)
	case d.Day == nil:
		return fmt.Sprintf("%04d-%02d", *d.Year, *d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", *d.Year, *d.Month, *d.Day)
}

// Inferred reports whether any part of the date was inferred.
func (d PartialDate) Inferred() bool { return len(d.InferredParts) > 0 }

// ScanBytes reads a date from the JSON object partial_date_json returns
// (pgx hands a jsonb column's text to it): the read path scans a few
// hundred of them a request (every figure's period, base and value date,
// every article's publication date), and encoding/json's reflection cost
// more than the rest of their rows' decoding. It reads the object's flat
// form itself (rowscan.FlatObject), without allocating anything the date
// does not hold, and leaves anything else (an escaped string, a fraction,
// a nested value) to encoding/json, with the same result.
func (d *PartialDate) ScanBytes(src []byte) error {
	if src == nil {
		return errors.New("cannot scan NULL into db.PartialDate")
	}
	var out PartialDate
	if !out.readFlat(src) {
		// Its own variable: only this branch's escapes to the heap.
		var slow PartialDate
		if err := json.Unmarshal(src, &slow); err != nil {
			return err
		}
		out = slow
	}
	*d = out
	return nil
}

// readFlat reads src's flat form (rowscan.FlatObject) into d; false if
// src is not of that form.
func (d *PartialDate) readFlat(src []byte) bool {
	o := rowscan.FlatObject(src)
	for o.Next() {
		if !d.field(o.Key(), &o.Value) {
			return false
		}
	}
	return o.Done()
}

// field reads the value of key into d's field of that name (JSON's
// names: year, month, day, precision, text, inferred, basis); a key of
// another name is refused (encoding/json ignores it; we let it).
func (d *PartialDate) field(key []byte, p *rowscan.Value) bool {
	switch string(key) {
	case "year":
		return p.OptInt(&d.Year)
	case "month":
		return p.OptInt(&d.Month)
	case "day":
		return p.OptInt(&d.Day)
	case "precision":
		return p.Str(&d.Precision)
	case "text":
		return p.Str(&d.Text)
	case "basis":
		return p.OptStr(&d.Basis)
	case "inferred":
		return p.StrList(&d.InferredParts)
	}
	return false
}
