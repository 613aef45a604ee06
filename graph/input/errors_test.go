package input

import "testing"

func TestOneOf(t *testing.T) {
	for _, c := range []struct {
		types []string
		want  string
	}{
		{[]string{"Person"}, "a Person"},
		{[]string{"Article"}, "an Article"},
		{[]string{"Organization", "Person"}, "an Organization or Person"},
		{[]string{"Person", "Organization", "Place"}, "a Person, Organization or Place"},
		{[]string{"Event", "Agreement"}, "an Event or Agreement"},
		{[]string{"UnnamedSpeaker"}, "an UnnamedSpeaker"},
	} {
		if got := OneOf(c.types); got != c.want {
			t.Errorf("OneOf(%q) = %q; want %q", c.types, got, c.want)
		}
	}
}
