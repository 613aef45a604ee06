package input

import (
	"strings"

	"github.com/newsgraph/newsgraph/db"
)

// Errorf returns an error the client made (db.CodeInvalid, which the error
// presenter sends as BAD_USER_INPUT); its message is shown.
func Errorf(format string, args ...any) error {
	return db.Errorf(db.CodeInvalid, format, args...)
}

// Abbreviate shortens user input echoed in an error message.
func Abbreviate(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

// OneOf names types as the choice an ID or slug had: "a Person",
// "an Organization or Person", "a Person, Organization or Place".
func OneOf(types []string) string {
	choice := types[len(types)-1]
	if len(types) > 1 {
		choice = strings.Join(types[:len(types)-1], ", ") + " or " + choice
	}
	return db.Indefinite(choice)
}
