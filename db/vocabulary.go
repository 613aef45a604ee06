package db

import "regexp"

// Entity kinds, as stored.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindPlace        = "place"
	KindEvent        = "event"
	KindProject      = "project"
	KindAgreement    = "agreement"
)

// AgreementKindUnspecified is the kind stored for an agreement whose
// document omits it, because the text does not say; the document format
// does not accept it as a value, and exports omit it again.
const AgreementKindUnspecified = "unspecified"

// Paragraph kinds, as stored.
const (
	ParagraphTitle    = "title"
	ParagraphDateline = "dateline"
	ParagraphLede     = "lede"
	ParagraphBody     = "body"
	ParagraphCredit   = "credit"
)

// decimalPattern is the form of an exact decimal ("5.1", "-3").
var decimalPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
