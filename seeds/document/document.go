package document

import (
	"encoding/json"
	"fmt"
	"strings"
)

// A Document is one curated file: an article's metadata and everything
// curated from it, or (with no Article) shared vocabulary such as topics and
// countries. These types are the shape in which the store takes curated
// data, from an import and from an edit alike; the field names of their
// json tags are the names the curated format gives the fields (package
// document parses YAML or JSON files onto them; seeds/README.md is the
// user's guide to the format), and problems name fields by them.
//
// Entities (people, organizations, places, events, projects, agreements) have
// a slug that is unique across every document and the database; any document
// may refer to an entity declared in another one, or already stored. Every
// declaration in an article document carries evidence: exact spans of that
// article's text.
type Document struct {
	Article       *ArticleDoc       `json:"article"`
	Topics        []TopicDoc        `json:"topics"`
	People        []PersonDoc       `json:"people"`
	Organizations []OrganizationDoc `json:"organizations"`
	Places        []PlaceDoc        `json:"places"`
	Affiliations  []AffiliationDoc  `json:"affiliations"`
	Events        []EventDoc        `json:"events"`
	Projects      []ProjectDoc      `json:"projects"`
	Agreements    []AgreementDoc    `json:"agreements"`
	Mentions      []MentionDoc      `json:"mentions"`
	Statements    []StatementDoc    `json:"statements"`
	Figures       []FigureDoc       `json:"figures"`

	// Name identifies the document in error messages (its file name).
	Name string `json:"-"`
	// Text is the article's verbatim source text, read from Article.Source.
	Text string `json:"-"`
}

// ArticleDoc describes the article itself. Title and Lede are nil when the
// article has none; when set, each must be a paragraph of the source text.
type ArticleDoc struct {
	Slug      string       `json:"slug"`
	Source    string       `json:"source"`
	Language  string       `json:"language"`
	Title     *string      `json:"title"`
	Lede      *string      `json:"lede"`
	Published *DateDoc     `json:"published"`
	Topics    []string     `json:"topics"`
	Credits   []CreditDoc  `json:"credits"`
	Evidence  EvidenceList `json:"evidence"`
}

// CreditDoc names a person credited for the article (translator, editor, ...).
type CreditDoc struct {
	Person   string       `json:"person"`
	Role     string       `json:"role"`
	Evidence EvidenceList `json:"evidence"`
}

// DateDoc is a partial date as the article words it. Text is the wording
// ("On October 25", "on Thursday"); Year, Month and Day are the parts known;
// the finest part set is the precision. Inferred lists the parts that the
// article does not state but that follow from context, and Basis says from
// what. A part that is neither stated nor inferable stays unset.
type DateDoc struct {
	Text     string   `json:"text"`
	Year     *int     `json:"year"`
	Month    *int     `json:"month"`
	Day      *int     `json:"day"`
	Inferred []string `json:"inferred"`
	Basis    *string  `json:"basis"`
}

// TopicDoc is one term of the controlled topic vocabulary.
type TopicDoc struct {
	Slug        string  `json:"slug"`
	Label       string  `json:"label"`
	Description *string `json:"description"`
	Parent      *string `json:"parent"`
}

// PersonDoc is a person. Name excludes honorifics, which Honorifics keeps in
// the article's order.
type PersonDoc struct {
	Slug       string       `json:"slug"`
	Name       string       `json:"name"`
	Honorifics []string     `json:"honorifics"`
	Evidence   EvidenceList `json:"evidence"`
}

// OrganizationDoc is an organization. Kind is empty when the article does not
// say what it is. Unresolved marks a name kept verbatim that does not identify
// the organization; Note must then say why.
type OrganizationDoc struct {
	Slug       string       `json:"slug"`
	Name       string       `json:"name"`
	ShortName  *string      `json:"short_name"`
	Kind       *string      `json:"kind"`
	Country    *string      `json:"country"`
	Parent     *string      `json:"parent"`
	Unresolved bool         `json:"unresolved"`
	Note       *string      `json:"note"`
	Evidence   EvidenceList `json:"evidence"`
}

// PlaceDoc is a place: a country, city, industrial park, building, ...
type PlaceDoc struct {
	Slug     string       `json:"slug"`
	Name     string       `json:"name"`
	Kind     string       `json:"kind"`
	Country  *string      `json:"country"`
	Parent   *string      `json:"parent"`
	Evidence EvidenceList `json:"evidence"`
}

// AffiliationDoc is a role a person holds, or held (Former), at an
// organization, or at a place when no organization is named. Key names it
// within the document so statements can refer to it.
type AffiliationDoc struct {
	Key          string       `json:"key"`
	Person       string       `json:"person"`
	Role         *string      `json:"role"`
	Organization *string      `json:"organization"`
	Place        *string      `json:"place"`
	Former       bool         `json:"former"`
	Evidence     EvidenceList `json:"evidence"`
}

// EventDoc is an event: a conference, its sessions, a state visit, ...
type EventDoc struct {
	Slug                   string           `json:"slug"`
	Name                   string           `json:"name"`
	Kind                   string           `json:"kind"`
	Summary                *string          `json:"summary"`
	Date                   *DateDoc         `json:"date"`
	Place                  *string          `json:"place"`
	Venue                  *string          `json:"venue"`
	Parent                 *string          `json:"parent"`
	ParticipantDescription *string          `json:"participant_description"`
	Participants           []ParticipantDoc `json:"participants"`
	Topics                 []string         `json:"topics"`
	Evidence               EvidenceList     `json:"evidence"`
}

// ParticipantDoc is an entity taking part in an event, and how.
type ParticipantDoc struct {
	Entity string `json:"entity"`
	Role   string `json:"role"`
}

// ProjectDoc is a project or facility, such as a data center being built.
type ProjectDoc struct {
	Slug       string       `json:"slug"`
	Name       string       `json:"name"`
	Kind       string       `json:"kind"`
	Status     *string      `json:"status"`
	Summary    *string      `json:"summary"`
	Builder    *string      `json:"builder"`
	Place      *string      `json:"place"`
	Completion *DateDoc     `json:"completion"`
	Evidence   EvidenceList `json:"evidence"`
}

// AgreementDoc is an agreement or cooperation framework: a joint statement,
// a signed agreement, a cooperation model, a named initiative or policy.
type AgreementDoc struct {
	Slug     string       `json:"slug"`
	Name     string       `json:"name"`
	Kind     string       `json:"kind"`
	Status   *string      `json:"status"`
	Summary  *string      `json:"summary"`
	Date     *DateDoc     `json:"date"`
	Parent   *string      `json:"parent"`
	Parties  []PartyDoc   `json:"parties"`
	Places   []string     `json:"places"`
	Projects []string     `json:"projects"`
	Topics   []string     `json:"topics"`
	Evidence EvidenceList `json:"evidence"`
}

// PartyDoc is a party to an agreement (a country, organization or person).
type PartyDoc struct {
	Entity string `json:"entity"`
	Role   string `json:"role"`
}

// MentionDoc records where the article names an entity declared in another
// document.
type MentionDoc struct {
	Entity   string       `json:"entity"`
	Evidence EvidenceList `json:"evidence"`
}

// StatementDoc is one claim attributed to a speaker.
type StatementDoc struct {
	Key          string       `json:"key"`
	Speaker      SpeakerDoc   `json:"speaker"`
	Role         *string      `json:"role"`
	Affiliations []string     `json:"affiliations"`
	Verb         string       `json:"verb"`
	Mode         string       `json:"mode"`
	Content      string       `json:"content"`
	Event        *string      `json:"event"`
	Topics       []string     `json:"topics"`
	Mentions     []string     `json:"mentions"`
	Evidence     EvidenceList `json:"evidence"`
}

// SpeakerDoc says who made a statement: exactly one of Person, Organization
// or Description (someone the article does not name, such as "a CSCEC staff
// member"); with Description, SpeaksFor may name their organization.
type SpeakerDoc struct {
	Person       *string `json:"person"`
	Organization *string `json:"organization"`
	Description  *string `json:"description"`
	SpeaksFor    *string `json:"speaks_for"`
}

// FigureDoc is one quantity an article states. Value is an exact decimal
// written as a string ("5.1"); a date-valued figure has unit "date", no
// Value, and the date in Date.
type FigureDoc struct {
	Key       string       `json:"key"`
	Metric    string       `json:"metric"`
	Value     *string      `json:"value"`
	Unit      string       `json:"unit"`
	Currency  *string      `json:"currency"`
	Display   string       `json:"display"`
	Subject   string       `json:"subject"`
	Statement *string      `json:"statement"`
	Period    *DateDoc     `json:"period"`
	Base      *DateDoc     `json:"base"`
	Date      *DateDoc     `json:"date"`
	Topics    []string     `json:"topics"`
	Evidence  EvidenceList `json:"evidence"`
}

// EvidenceList is a list of spans. A span with only Text names the exact
// text of the span, which must occur exactly once in the article (a file
// may write such an item as the plain text: package document, and
// UnmarshalJSON, expand it); Paragraph and Occurrence narrow it down to the
// n-th occurrence (1-based) in the given paragraph (1-based, counting every
// paragraph of the source including title and dateline), and All takes
// every whole-word occurrence in the article.
type EvidenceList []SpanDoc

// SpanDoc is one evidence item; see EvidenceList.
type SpanDoc struct {
	Text       string `json:"text"`
	Paragraph  int    `json:"paragraph"`
	Occurrence int    `json:"occurrence"`
	All        bool   `json:"all"`
}

// spanFields is SpanDoc without its methods, so decoding it does not recurse.
type spanFields SpanDoc

// UnmarshalJSON accepts a span as a plain string or as an object.
func (s *SpanDoc) UnmarshalJSON(data []byte) error {
	var text string
	if err := json.Unmarshal(data, &text); err == nil {
		*s = SpanDoc{Text: text}
		return nil
	}
	var f spanFields
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("evidence item: %w", err)
	}
	*s = SpanDoc(f)
	return nil
}
