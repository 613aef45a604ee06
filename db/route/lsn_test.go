package route_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db/route"
)

// TestParseLSN reads PostgreSQL's text form of WAL positions and refuses
// anything else, saying what a position looks like.
func TestParseLSN(t *testing.T) {
	for text, want := range map[string]route.LSN{
		"0/0":               0,
		"16/B374D848":       0x16_B374D848,
		"FFFFFFFF/FFFFFFFF": route.PrimaryOnly,
		"a/1":               0xA_00000001,
	} {
		got, err := route.ParseLSN(text)
		if err != nil || got != want {
			t.Errorf("ParseLSN(%q) = %v, %v; want %v", text, got, err, want)
		}
		if err == nil && !strings.EqualFold(got.String(), text) {
			t.Errorf("%q reads back as %q", text, got.String())
		}
	}
	for _, bad := range []string{"", "16", "16/", "/1", "G/1", "123456789/1", "1/2/3", "-1/1", " 1/1", strings.Repeat("9", 100)} {
		if got, err := route.ParseLSN(bad); err == nil || !strings.Contains(err.Error(), "is not a WAL position") || len(err.Error()) > 100 {
			t.Errorf("ParseLSN(%q) = %v, %v; want an error that says what a position looks like, briefly", bad, got, err)
		}
	}
}
