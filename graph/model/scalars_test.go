package model_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/model"
)

// TestUnmarshalInt checks that an Int is read from a number in the spec's
// 32-bit range, and from nothing else: not a string of digits (which the
// cost limit would not count), not a number past the range (which passed
// as its 64-bit value).
func TestUnmarshalInt(t *testing.T) {
	for _, c := range []struct {
		in   any
		want int
		err  string // a word the error says; "" for none
	}{
		{json.Number("100"), 100, ""},
		{int64(-1 << 31), -1 << 31, ""},
		{json.Number("2147483647"), 1<<31 - 1, ""},
		{json.Number("2147483648"), 0, "32-bit"},
		{int64(1) << 40, 0, "32-bit"},
		{json.Number("-2147483649"), 0, "32-bit"},
		{"100", 0, "string"},
		{json.Number("2.5"), 0, "whole"},
		{true, 0, "number"},
	} {
		got, err := model.UnmarshalInt(c.in)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("UnmarshalInt(%#v) = %d, %v; want %d", c.in, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("UnmarshalInt(%#v) = %d, %v; want an error saying %q", c.in, got, err, c.err)
		}
	}
}
