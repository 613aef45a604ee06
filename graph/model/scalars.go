package model

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"regexp"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/db"
)

// Int is the Int scalar, as the GraphQL spec has it: a whole number in
// the 32-bit range, read from a JSON number or an integer literal.
type Int = int

// MarshalInt writes an Int as gqlgen does.
func MarshalInt(i int) graphql.Marshaler { return graphql.MarshalInt(i) }

// UnmarshalInt reads an Int: not from a string of digits, which gqlgen
// would take but the spec does not (and the cost limit, which reads a page
// size only from a number, would count such a page as the default 20),
// nor from a number past 32 bits.
func UnmarshalInt(v any) (int, error) {
	var n int64
	switch x := v.(type) {
	case json.Number:
		var err error
		if n, err = strconv.ParseInt(string(x), 10, 64); err != nil {
			if _, ferr := strconv.ParseFloat(string(x), 64); ferr == nil && !errors.Is(err, strconv.ErrRange) {
				return 0, db.Errorf(db.CodeInvalid, "an Int must be a whole number, not %s", clipped(string(x)))
			}
			return 0, db.Errorf(db.CodeInvalid, "an Int must be a 32-bit whole number, not %s", clipped(string(x)))
		}
	case int:
		n = int64(x)
	case int64:
		n = x
	case string:
		return 0, db.Errorf(db.CodeInvalid, "an Int must be a number, not a string (%q)", clipped(x))
	default:
		return 0, db.Errorf(db.CodeInvalid, "an Int must be a number, not %s", jsonKind(v))
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, db.Errorf(db.CodeInvalid, "an Int must be a 32-bit whole number, from %d to %d; %d is not", math.MinInt32, math.MaxInt32, n)
	}
	return int(n), nil
}

// clipped is s cut to 20 characters, for a message.
func clipped(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// jsonKind names the JSON kind of a decoded value, for a message.
func jsonKind(v any) string {
	switch v.(type) {
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	case float32, float64:
		return "a fraction"
	}
	return "that value"
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
