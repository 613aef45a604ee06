package db_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// TestRefusedValuesInOurWords sends PostgreSQL values it refuses: each
// error reads as invalid input, and its caller-safe message is ours, with
// none of PostgreSQL's text.
func TestRefusedValuesInOurWords(t *testing.T) {
	d := dbtest.New(t)
	// Distinct five-letter words, more than a search vector holds.
	var words strings.Builder
	for i := range 250_000 {
		n := i
		for range 5 {
			words.WriteByte(byte('a' + n%26))
			n /= 26
		}
		words.WriteByte(' ')
	}
	tests := []struct {
		name, sql string
		arg       any
		code      string
	}{
		{"NUL", `SELECT $1::text`, "a\x00b", "22021"},
		{"SearchVectorTooLong", `SELECT to_tsvector('simple', $1)::text`, words.String(), "54000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out string
			err := d.Pool.QueryRow(context.Background(), tt.sql, tt.arg).Scan(&out)
			if err == nil {
				t.Fatalf("PostgreSQL took %s", tt.name)
			}
			if got := pgCode(err); got != tt.code {
				t.Fatalf("SQLSTATE %s (%v); want %s", got, err, tt.code)
			}
			if got := db.ErrorCode(err); got != db.CodeInvalid {
				t.Errorf("ErrorCode = %q; want %q", got, db.CodeInvalid)
			}
			msg := db.ErrorMessage(err)
			for _, w := range []string{"byte sequence", "UTF8", "0x00", "tsvector", "bytes", "max"} {
				if strings.Contains(msg, w) {
					t.Errorf("message %q has PostgreSQL's %q", msg, w)
				}
			}
			if msg == "" || msg == "internal error" {
				t.Errorf("message %q; want what is wrong, in our words", msg)
			}
		})
	}
}

func TestIndefinite(t *testing.T) {
	for phrase, want := range map[string]string{
		"person":                 "a person",
		"organization":           "an organization",
		"event or agreement":     "an event or agreement",
		"Person or Organization": "a Person or Organization",
		"Article":                "an Article",
	} {
		if got := db.Indefinite(phrase); got != want {
			t.Errorf("Indefinite(%q) = %q; want %q", phrase, got, want)
		}
	}
}
