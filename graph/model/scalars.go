package model

import (
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/db"
)

// Int is the Int scalar: gqlgen's, but read only from a JSON number or an
// integer literal.
type Int = int

// MarshalInt writes an Int as gqlgen does.
func MarshalInt(i int) graphql.Marshaler { return graphql.MarshalInt(i) }

// UnmarshalInt reads an Int as gqlgen does, but not from a string: the
// GraphQL spec does not coerce "100" to an Int, and the cost limit, which
// reads a page size only from a number, would count such a page as the
// default 20.
func UnmarshalInt(v any) (int, error) {
	if s, ok := v.(string); ok {
		if r := []rune(s); len(r) > 20 {
			s = string(r[:20]) + "…"
		}
		return 0, db.Errorf(db.CodeInvalid, "an Int must be a number, not a string (%q)", s)
	}
	return graphql.UnmarshalInt(v)
}

// Date is the Date scalar: a calendar day in YYYY-MM-DD form.
type Date = time.Time

// MarshalDate writes a day as YYYY-MM-DD.
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Format(time.DateOnly)))
	})
}

// UnmarshalDate reads a YYYY-MM-DD string.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, db.Errorf(db.CodeInvalid, "a Date must be a string in YYYY-MM-DD form, not %T", v)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, db.Errorf(db.CodeInvalid, "%q is not a date in YYYY-MM-DD form", s)
	}
	return t, nil
}

// Decimal is the Decimal scalar: an exact decimal carried as its text.
type Decimal = string

var decimalPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// MarshalDecimal writes a decimal as a JSON string, so no precision is lost.
func MarshalDecimal(s string) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(s))
	})
}

// UnmarshalDecimal reads a decimal given as a string ("5.1") or an integer.
func UnmarshalDecimal(v any) (string, error) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case json.Number:
		s = x.String()
	case int:
		s = strconv.Itoa(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	default:
		return "", db.Errorf(db.CodeInvalid, "a Decimal must be a string such as \"5.1\", not %T", v)
	}
	if !decimalPattern.MatchString(s) {
		return "", db.Errorf(db.CodeInvalid, "%q is not a decimal such as \"5.1\"", s)
	}
	return s, nil
}
