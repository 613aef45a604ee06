package db

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/newsgraph/newsgraph/db/route"
)

// Code classifies the errors callers may act on. Any error that is not an
// *Error or a *ValidationError is internal: its text is for logs only.
type Code string

const (
	// CodeInvalid means the caller's input is wrong; the message says how.
	CodeInvalid Code = "invalid"
	// CodeNotFound means a record the caller named does not exist.
	CodeNotFound Code = "not_found"
	// CodeConflict means the write clashes with stored data.
	CodeConflict Code = "conflict"
	// CodeTimeout means the work took too long and was stopped.
	CodeTimeout Code = "timeout"
	// CodeUnavailable means the database cannot be reached just now.
	CodeUnavailable Code = "unavailable"
	// CodeInternal is every other error.
	CodeInternal Code = "internal"
)

// Error is an error whose Message is safe to show to the caller.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with a formatted, caller-safe message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Indefinite puts "a" or "an" before phrase, a kind of record named in a
// message ("an organization", "a Person or Place"), by its first letter.
func Indefinite(phrase string) string {
	if phrase != "" && strings.ContainsAny(phrase[:1], "AEIOUaeiou") {
		return "an " + phrase
	}
	return "a " + phrase
}

// ErrNotFound is returned when a looked-up record does not exist.
var ErrNotFound = &Error{Code: CodeNotFound, Message: "not found"}

// ErrorCode returns the Code of err: the code of the *Error or
// *ValidationError it wraps; CodeTimeout for a deadline or a cancelled
// statement; CodeUnavailable when the database cannot be reached; else
// CodeInternal.
func ErrorCode(err error) Code {
	var e *Error
	var v *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &v):
		return CodeInvalid
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, context.DeadlineExceeded), pgErrorCode(err) == "57014", // query_canceled
		pgErrorCode(err) == "55P03": // lock_not_available
		return CodeTimeout
	case strings.HasPrefix(pgErrorCode(err), "22"), // data exception: a value the request gave
		pgErrorCode(err) == "54000": // program_limit_exceeded: a value too large to store or index
		return CodeInvalid
	case route.Unreachable(err):
		return CodeUnavailable
	}
	return CodeInternal
}

// ErrorMessage returns the caller-safe message of err.
func ErrorMessage(err error) string {
	var e *Error
	var v *ValidationError
	switch {
	case errors.As(err, &v):
		return v.Error()
	case errors.As(err, &e):
		return e.Message
	}
	switch ErrorCode(err) {
	case CodeInvalid:
		if msg, ok := refusedValues[pgErrorCode(err)]; ok {
			return msg
		}
		return "a value in the request cannot be stored"
	case CodeTimeout:
		return "the request took too long and was stopped"
	case CodeUnavailable:
		return "the database is unavailable; retry shortly"
	}
	return "internal error"
}

// refusedValues words, in ours, why PostgreSQL refused a value: its own
// messages name its internals and may quote the value.
var refusedValues = map[string]string{
	"22021": "a text in the request holds a character that cannot be stored, such as NUL (U+0000)", // character_not_in_repertoire
	"22P05": "a text in the request holds a character that cannot be stored",                       // untranslatable_character
	"54000": "a value in the request is too large to be stored or indexed",                         // program_limit_exceeded
	"22001": "a text in the request is too long to be stored",                                      // string_data_right_truncation
	"22003": "a number in the request is out of range",                                             // numeric_value_out_of_range
	"22008": "a date in the request is out of range",                                               // datetime_field_overflow
}

// Problem is one thing wrong with a curated document. Path locates it in
// the document ("statements[3].evidence[0]"), Item names the item in words
// ("statement suhana-investment").
type Problem struct {
	Document string
	Path     string
	Item     string
	Message  string
	// Allowed, for a value outside a controlled vocabulary, lists the
	// values the field takes, as the documents write them; Text adds them
	// to the Message.
	Allowed []string
	// Code is CodeNotFound for a reference to something that exists
	// nowhere, else CodeInvalid (the zero value reads as invalid too).
	Code Code
}

// Text is the problem's Message followed by the values it allows, if any
// ("is \"whispered\"; want one of said, stated"), each written by name:
// as the documents write them when name is nil (an API writes its own
// enum names).
func (p Problem) Text(name func(string) string) string {
	if len(p.Allowed) == 0 {
		return p.Message
	}
	values := p.Allowed
	if name != nil {
		values = make([]string, len(p.Allowed))
		for i, v := range p.Allowed {
			values[i] = name(v)
		}
	}
	return p.Message + "; want one of " + strings.Join(values, ", ")
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Document)
	if p.Path != "" {
		b.WriteString(": " + p.Path)
	}
	if p.Item != "" {
		b.WriteString(" (" + p.Item + ")")
	}
	b.WriteString(": " + p.Text(nil))
	return b.String()
}

// ValidationError lists the problems found in a set of documents: every
// one, up to MaxProblems, and how many More were found past them. Nothing
// is written when validation fails.
type ValidationError struct {
	Problems []Problem
	More     int
}

// MaxProblems bounds the problems a ValidationError lists, so that an input
// with a mistake in each of thousands of items does not get an answer many
// times its own size.
const MaxProblems = 50

// InvalidInput returns a ValidationError of problems, listing the first
// MaxProblems of them.
func InvalidInput(problems []Problem) *ValidationError {
	if len(problems) <= MaxProblems {
		return &ValidationError{Problems: problems}
	}
	return &ValidationError{Problems: problems[:MaxProblems:MaxProblems], More: len(problems) - MaxProblems}
}

func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	more := ""
	if e.More > 0 {
		more = fmt.Sprintf("; and %d more", e.More)
	}
	return fmt.Sprintf("%d problem(s): %s%s", len(e.Problems)+e.More, strings.Join(lines, "; "), more)
}

// pgErrorCode returns the SQLSTATE of a PostgreSQL error, or "".
func pgErrorCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code
	}
	return ""
}

// isNoRows reports whether err means a query found no row.
func isNoRows(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
