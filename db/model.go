package db

import "fmt"

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

// Article is a stored article, without its verbatim source text: lists and
// references load articles by the dozen and rarely need it, so
// Store.ArticleTexts reads it on its own.
type Article struct {
	ID         int64        `db:"id"`
	Slug       string       `db:"slug"`
	Title      *string      `db:"title"`
	Lede       *string      `db:"lede"`
	Language   string       `db:"language"`
	SourceFile string       `db:"source_file"`
	Published  *PartialDate `db:"published"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Paragraph is one paragraph of an article, verbatim. Kind is TITLE,
// DATELINE, LEDE, BODY or CREDIT. Position counts from 1.
type Paragraph struct {
	ID           int64  `db:"id"`
	ArticleID    int64  `db:"article_id"`
	Position     int    `db:"position"`
	Kind         string `db:"kind"`
	Text         string `db:"text"`
	SourceOffset int    `db:"source_offset"`
	Keyset
}

// Credit is a person credited for an article in a role (TRANSLATOR, ...).
type Credit struct {
	ID        int64  `db:"id"`
	ArticleID int64  `db:"article_id"`
	PersonID  int64  `db:"person_id"`
	Role      string `db:"role"`
	Position  int    `db:"position"`
	Keyset
}

// Topic is a term of the topic vocabulary.
type Topic struct {
	ID          int64   `db:"id"`
	Slug        string  `db:"slug"`
	Label       string  `db:"label"`
	Description *string `db:"description"`
	ParentID    *int64  `db:"parent_id"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Person is a person; Name excludes the Honorifics.
type Person struct {
	ID         int64    `db:"id"`
	Slug       string   `db:"slug"`
	Name       string   `db:"name"`
	Honorifics []string `db:"honorifics"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Organization is an organization. Kind is nil when the articles do not say
// what it is; Unresolved marks a verbatim name that does not identify it.
type Organization struct {
	ID         int64   `db:"id"`
	Slug       string  `db:"slug"`
	Name       string  `db:"name"`
	ShortName  *string `db:"short_name"`
	Kind       *string `db:"org_kind"`
	CountryID  *int64  `db:"country_id"`
	ParentID   *int64  `db:"parent_id"`
	Unresolved bool    `db:"unresolved"`
	Note       *string `db:"note"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Place is a place; CountryID is nil for a country.
type Place struct {
	ID        int64  `db:"id"`
	Slug      string `db:"slug"`
	Name      string `db:"name"`
	Kind      string `db:"place_kind"`
	CountryID *int64 `db:"country_id"`
	ParentID  *int64 `db:"parent_id"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Event is an event; ParentID is the event it is a session of.
type Event struct {
	ID                     int64        `db:"id"`
	Slug                   string       `db:"slug"`
	Name                   string       `db:"name"`
	Kind                   string       `db:"event_kind"`
	Summary                *string      `db:"summary"`
	ParticipantDescription *string      `db:"participant_description"`
	Date                   *PartialDate `db:"date"`
	PlaceID                *int64       `db:"place_id"`
	VenueID                *int64       `db:"venue_id"`
	ParentID               *int64       `db:"parent_id"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Project is a project or facility.
type Project struct {
	ID         int64        `db:"id"`
	Slug       string       `db:"slug"`
	Name       string       `db:"name"`
	Kind       string       `db:"project_kind"`
	Status     *string      `db:"status"`
	Summary    *string      `db:"summary"`
	BuilderID  *int64       `db:"builder_id"`
	PlaceID    *int64       `db:"place_id"`
	Completion *PartialDate `db:"completion"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Agreement is an agreement or cooperation framework; ParentID is the
// agreement it is part of.
type Agreement struct {
	ID       int64        `db:"id"`
	Slug     string       `db:"slug"`
	Name     string       `db:"name"`
	Kind     string       `db:"agreement_kind"`
	Status   *string      `db:"status"`
	Summary  *string      `db:"summary"`
	Date     *PartialDate `db:"date"`
	ParentID *int64       `db:"parent_id"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Affiliation is a role a person holds or held (Former) at an organization
// or, when none is named, at a place: exactly one of OrganizationID and
// PlaceID is set.
type Affiliation struct {
	ID             int64   `db:"id"`
	PersonID       int64   `db:"person_id"`
	OrganizationID *int64  `db:"organization_id"`
	PlaceID        *int64  `db:"place_id"`
	Role           *string `db:"role"`
	Former         bool    `db:"former"`
	// Organization and Place are the rows OrganizationID and PlaceID name,
	// read with the affiliation by the Store's affiliation reads (nil when
	// the ID is nil). An affiliation is rarely shown without them.
	Organization *Organization `db:"-"`
	Place        *Place        `db:"-"`
	Keyset
}

// Statement is one claim attributed to a speaker. Exactly one of SpeakerID
// (a PERSON or ORGANIZATION, per SpeakerKind) and SpeakerDescription is set;
// SpeakerOrganizationID is the organization an unnamed speaker speaks for.
type Statement struct {
	ID                    int64   `db:"id"`
	ArticleID             int64   `db:"article_id"`
	Position              int     `db:"position"`
	SpeakerID             *int64  `db:"speaker_id"`
	SpeakerKind           *string `db:"speaker_kind"`
	SpeakerDescription    *string `db:"speaker_description"`
	SpeakerOrganizationID *int64  `db:"speaker_organization_id"`
	SpeakerRole           *string `db:"speaker_role"`
	Verb                  string  `db:"verb"`
	Mode                  string  `db:"mode"`
	Content               string  `db:"content"`
	EventID               *int64  `db:"event_id"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Figure is a quantity an article states. Value is the exact decimal as
// text, nil when Unit is DATE and the figure's date is in Date.
type Figure struct {
	ID          int64        `db:"id"`
	ArticleID   int64        `db:"article_id"`
	Position    int          `db:"position"`
	Metric      string       `db:"metric"`
	Value       *string      `db:"value"`
	Unit        string       `db:"unit"`
	Currency    *string      `db:"currency"`
	Display     string       `db:"display"`
	SubjectID   int64        `db:"subject_id"`
	SubjectKind string       `db:"subject_kind"`
	StatementID *int64       `db:"statement_id"`
	Period      *PartialDate `db:"period"`
	Base        *PartialDate `db:"base"`
	Date        *PartialDate `db:"value_date"`
	// Version counts the changes made to the row; an update must carry
	// the version it last read.
	Version int `db:"version"`
	Keyset
}

// Evidence is an exact span of a paragraph: Start and End count characters
// from the paragraph's start (End exclusive); SourceStart and SourceEnd count
// from the start of the article's source text.
type Evidence struct {
	ID          int64  `db:"id"`
	ArticleID   int64  `db:"article_id"`
	ParagraphID int64  `db:"paragraph_id"`
	Start       int    `db:"start_offset"`
	End         int    `db:"end_offset"`
	SourceStart int    `db:"source_start"`
	SourceEnd   int    `db:"source_end"`
	Text        string `db:"text"`
	// Paragraph is the paragraph ParagraphID names, read with the evidence
	// (every read of evidence joins it anyway).
	Paragraph *Paragraph `db:"-"`
	evidenceParagraph
	Keyset
}

// evidenceParagraph holds the columns of an evidence's paragraph as read
// with it, until withParagraph makes them its Paragraph.
type evidenceParagraph struct {
	ParagraphPosition int    `db:"paragraph_position"`
	ParagraphKind     string `db:"paragraph_kind"`
	ParagraphText     string `db:"paragraph_text"`
	ParagraphOffset   int    `db:"paragraph_source_offset"`
}

// withParagraph sets e.Paragraph from the columns read with it.
func (e *Evidence) withParagraph() *Evidence {
	p := e.evidenceParagraph
	e.Paragraph = &Paragraph{ID: e.ParagraphID, ArticleID: e.ArticleID, Position: p.ParagraphPosition,
		Kind: p.ParagraphKind, Text: p.ParagraphText, SourceOffset: p.ParagraphOffset}
	e.evidenceParagraph = evidenceParagraph{}
	return e
}

// EntityRef points at an entity of a given Kind (PERSON, ORGANIZATION,
// PLACE, EVENT, PROJECT or AGREEMENT), with the Role it plays where it is
// listed (a party's role, a participant's role), if any.
type EntityRef struct {
	ID   int64   `db:"entity_id"`
	Kind string  `db:"entity_kind"`
	Role *string `db:"role"`
	Keyset
}

// Inferred reports whether any part of the date was inferred.
func (d PartialDate) Inferred() bool { return len(d.InferredParts) > 0 }

// DisplayName returns the honorifics and the name together ("Dato' Sri
// Mustapa bin Mohamed").
func (p Person) DisplayName() string {
	name := p.Name
	for i := len(p.Honorifics) - 1; i >= 0; i-- {
		name = p.Honorifics[i] + " " + name
	}
	return name
}

// EntityKind returns the kind of entity a Person is: PERSON.
func (Person) EntityKind() string { return "PERSON" }

// EntityKind returns the kind of entity an Organization is: ORGANIZATION.
func (Organization) EntityKind() string { return "ORGANIZATION" }

// EntityKind returns the kind of entity a Place is: PLACE.
func (Place) EntityKind() string { return "PLACE" }

// EntityKind returns the kind of entity an Event is: EVENT.
func (Event) EntityKind() string { return "EVENT" }

// EntityKind returns the kind of entity a Project is: PROJECT.
func (Project) EntityKind() string { return "PROJECT" }

// EntityKind returns the kind of entity an Agreement is: AGREEMENT.
func (Agreement) EntityKind() string { return "AGREEMENT" }
