package db

// A Document is one curated file: an article's metadata and everything
// curated from it, or (with no Article) shared vocabulary such as topics and
// countries. Documents are written in YAML (or JSON) by hand; seeds/README.md
// is the user's guide to the format and these types are its definition.
//
// Entities (people, organizations, places, events, projects, agreements) have
// a slug that is unique across every document and the database; any document
// may refer to an entity declared in another one, or already stored. Every
// declaration in an article document carries evidence: exact spans of that
// article's text.
type Document struct {
	Article       *ArticleDoc       `yaml:"article" json:"article"`
	Topics        []TopicDoc        `yaml:"topics" json:"topics"`
	People        []PersonDoc       `yaml:"people" json:"people"`
	Organizations []OrganizationDoc `yaml:"organizations" json:"organizations"`
	Places        []PlaceDoc        `yaml:"places" json:"places"`
	Affiliations  []AffiliationDoc  `yaml:"affiliations" json:"affiliations"`
	Events        []EventDoc        `yaml:"events" json:"events"`
	Projects      []ProjectDoc      `yaml:"projects" json:"projects"`
	Agreements    []AgreementDoc    `yaml:"agreements" json:"agreements"`
	Mentions      []MentionDoc      `yaml:"mentions" json:"mentions"`
	Statements    []StatementDoc    `yaml:"statements" json:"statements"`
	Figures       []FigureDoc       `yaml:"figures" json:"figures"`

	// Name identifies the document in error messages (its file name).
	Name string `yaml:"-" json:"-"`
	// Text is the article's verbatim source text, read from Article.Source.
	Text string `yaml:"-" json:"-"`
}

// ArticleDoc describes the article itself. Title and Lede are nil when the
// article has none; when set, each must be a paragraph of the source text.
type ArticleDoc struct {
	Slug      string       `yaml:"slug" json:"slug"`
	Source    string       `yaml:"source" json:"source"`
	Language  string       `yaml:"language" json:"language"`
	Title     *string      `yaml:"title" json:"title"`
	Lede      *string      `yaml:"lede" json:"lede"`
	Published *DateDoc     `yaml:"published" json:"published"`
	Topics    []string     `yaml:"topics" json:"topics"`
	Credits   []CreditDoc  `yaml:"credits" json:"credits"`
	Evidence  EvidenceList `yaml:"evidence" json:"evidence"`
}

// CreditDoc names a person credited for the article (translator, editor, ...).
type CreditDoc struct {
	Person   string       `yaml:"person" json:"person"`
	Role     string       `yaml:"role" json:"role"`
	Evidence EvidenceList `yaml:"evidence" json:"evidence"`
}

// DateDoc is a partial date as the article words it. Text is the wording
// ("On October 25", "on Thursday"); Year, Month and Day are the parts known;
// the finest part set is the precision. Inferred lists the parts that the
// article does not state but that follow from context, and Basis says from
// what. A part that is neither stated nor inferable stays unset.
type DateDoc struct {
	Text     string   `yaml:"text" json:"text"`
	Year     *int     `yaml:"year" json:"year"`
	Month    *int     `yaml:"month" json:"month"`
	Day      *int     `yaml:"day" json:"day"`
	Inferred []string `yaml:"inferred" json:"inferred"`
	Basis    *string  `yaml:"basis" json:"basis"`
}

// TopicDoc is one term of the controlled topic vocabulary.
type TopicDoc struct {
	Slug        string  `yaml:"slug" json:"slug"`
	Label       string  `yaml:"label" json:"label"`
	Description *string `yaml:"description" json:"description"`
	Parent      *string `yaml:"parent" json:"parent"`
}

// PersonDoc is a person. Name excludes honorifics, which Honorifics keeps in
// the article's order.
type PersonDoc struct {
	Slug       string       `yaml:"slug" json:"slug"`
	Name       string       `yaml:"name" json:"name"`
	Honorifics []string     `yaml:"honorifics" json:"honorifics"`
	Evidence   EvidenceList `yaml:"evidence" json:"evidence"`
}

// OrganizationDoc is an organization. Kind is empty when the article does not
// say what it is. Unresolved marks a name kept verbatim that does not identify
// the organization; Note must then say why.
type OrganizationDoc struct {
	Slug       string       `yaml:"slug" json:"slug"`
	Name       string       `yaml:"name" json:"name"`
	ShortName  *string      `yaml:"short_name" json:"short_name"`
	Kind       *string      `yaml:"kind" json:"kind"`
	Country    *string      `yaml:"country" json:"country"`
	Parent     *string      `yaml:"parent" json:"parent"`
	Unresolved bool         `yaml:"unresolved" json:"unresolved"`
	Note       *string      `yaml:"note" json:"note"`
	Evidence   EvidenceList `yaml:"evidence" json:"evidence"`
}

// PlaceDoc is a place: a country, city, industrial park, building, ...
type PlaceDoc struct {
	Slug     string       `yaml:"slug" json:"slug"`
	Name     string       `yaml:"name" json:"name"`
	Kind     string       `yaml:"kind" json:"kind"`
	Country  *string      `yaml:"country" json:"country"`
	Parent   *string      `yaml:"parent" json:"parent"`
	Evidence EvidenceList `yaml:"evidence" json:"evidence"`
}

// AffiliationDoc is a role a person holds, or held (Former), at an
// organization, or at a place when no organization is named. Key names it
// within the document so statements can refer to it.
type AffiliationDoc struct {
	Key          string       `yaml:"key" json:"key"`
	Person       string       `yaml:"person" json:"person"`
	Role         *string      `yaml:"role" json:"role"`
	Organization *string      `yaml:"organization" json:"organization"`
	Place        *string      `yaml:"place" json:"place"`
	Former       bool         `yaml:"former" json:"former"`
	Evidence     EvidenceList `yaml:"evidence" json:"evidence"`
}

// EventDoc is an event: a conference, its sessions, a state visit, ...
type EventDoc struct {
	Slug                   string           `yaml:"slug" json:"slug"`
	Name                   string           `yaml:"name" json:"name"`
	Kind                   string           `yaml:"kind" json:"kind"`
	Summary                *string          `yaml:"summary" json:"summary"`
	Date                   *DateDoc         `yaml:"date" json:"date"`
	Place                  *string          `yaml:"place" json:"place"`
	Venue                  *string          `yaml:"venue" json:"venue"`
	Parent                 *string          `yaml:"parent" json:"parent"`
	ParticipantDescription *string          `yaml:"participant_description" json:"participant_description"`
	Participants           []ParticipantDoc `yaml:"participants" json:"participants"`
	Topics                 []string         `yaml:"topics" json:"topics"`
	Evidence               EvidenceList     `yaml:"evidence" json:"evidence"`
}

// ParticipantDoc is an entity taking part in an event, and how.
type ParticipantDoc struct {
	Entity string `yaml:"entity" json:"entity"`
	Role   string `yaml:"role" json:"role"`
}

// ProjectDoc is a project or facility, such as a data center being built.
type ProjectDoc struct {
	Slug       string       `yaml:"slug" json:"slug"`
	Name       string       `yaml:"name" json:"name"`
	Kind       string       `yaml:"kind" json:"kind"`
	Status     *string      `yaml:"status" json:"status"`
	Summary    *string      `yaml:"summary" json:"summary"`
	Builder    *string      `yaml:"builder" json:"builder"`
	Place      *string      `yaml:"place" json:"place"`
	Completion *DateDoc     `yaml:"completion" json:"completion"`
	Evidence   EvidenceList `yaml:"evidence" json:"evidence"`
}

// AgreementDoc is an agreement or cooperation framework: a joint statement,
// a signed agreement, a cooperation model, a named initiative or policy.
type AgreementDoc struct {
	Slug     string       `yaml:"slug" json:"slug"`
	Name     string       `yaml:"name" json:"name"`
	Kind     string       `yaml:"kind" json:"kind"`
	Status   *string      `yaml:"status" json:"status"`
	Summary  *string      `yaml:"summary" json:"summary"`
	Date     *DateDoc     `yaml:"date" json:"date"`
	Parent   *string      `yaml:"parent" json:"parent"`
	Parties  []PartyDoc   `yaml:"parties" json:"parties"`
	Places   []string     `yaml:"places" json:"places"`
	Projects []string     `yaml:"projects" json:"projects"`
	Topics   []string     `yaml:"topics" json:"topics"`
	Evidence EvidenceList `yaml:"evidence" json:"evidence"`
}

// PartyDoc is a party to an agreement (a country, organization or person).
type PartyDoc struct {
	Entity string `yaml:"entity" json:"entity"`
	Role   string `yaml:"role" json:"role"`
}

// MentionDoc records where the article names an entity declared in another
// document.
type MentionDoc struct {
	Entity   string       `yaml:"entity" json:"entity"`
	Evidence EvidenceList `yaml:"evidence" json:"evidence"`
}

// StatementDoc is one claim attributed to a speaker.
type StatementDoc struct {
	Key          string       `yaml:"key" json:"key"`
	Speaker      SpeakerDoc   `yaml:"speaker" json:"speaker"`
	Role         *string      `yaml:"role" json:"role"`
	Affiliations []string     `yaml:"affiliations" json:"affiliations"`
	Verb         string       `yaml:"verb" json:"verb"`
	Mode         string       `yaml:"mode" json:"mode"`
	Content      string       `yaml:"content" json:"content"`
	Event        *string      `yaml:"event" json:"event"`
	Topics       []string     `yaml:"topics" json:"topics"`
	Mentions     []string     `yaml:"mentions" json:"mentions"`
	Evidence     EvidenceList `yaml:"evidence" json:"evidence"`
}

// SpeakerDoc says who made a statement: exactly one of Person, Organization
// or Description (someone the article does not name, such as "a CSCEC staff
// member"); with Description, SpeaksFor may name their organization.
type SpeakerDoc struct {
	Person       *string `yaml:"person" json:"person"`
	Organization *string `yaml:"organization" json:"organization"`
	Description  *string `yaml:"description" json:"description"`
	SpeaksFor    *string `yaml:"speaks_for" json:"speaks_for"`
}

// FigureDoc is one quantity an article states. Value is an exact decimal
// written as a string ("5.1"); a date-valued figure has unit "date", no
// Value, and the date in Date.
type FigureDoc struct {
	Key       string       `yaml:"key" json:"key"`
	Metric    string       `yaml:"metric" json:"metric"`
	Value     *string      `yaml:"value" json:"value"`
	Unit      string       `yaml:"unit" json:"unit"`
	Currency  *string      `yaml:"currency" json:"currency"`
	Display   string       `yaml:"display" json:"display"`
	Subject   string       `yaml:"subject" json:"subject"`
	Statement *string      `yaml:"statement" json:"statement"`
	Period    *DateDoc     `yaml:"period" json:"period"`
	Base      *DateDoc     `yaml:"base" json:"base"`
	Date      *DateDoc     `yaml:"date" json:"date"`
	Topics    []string     `yaml:"topics" json:"topics"`
	Evidence  EvidenceList `yaml:"evidence" json:"evidence"`
}

// EvidenceList is a list of spans. In a file each item is either the exact
// text of the span, which must occur exactly once in the article, or a
// mapping that narrows it down: {text, paragraph, occurrence} picks the n-th
// occurrence (1-based) in the given paragraph (1-based, counting every
// paragraph of the source including title and dateline), and {text, all: true}
// takes every whole-word occurrence in the article.
type EvidenceList []SpanDoc

// SpanDoc is one evidence item; see EvidenceList.
type SpanDoc struct {
	Text       string `yaml:"text" json:"text"`
	Paragraph  int    `yaml:"paragraph" json:"paragraph"`
	Occurrence int    `yaml:"occurrence" json:"occurrence"`
	All        bool   `yaml:"all" json:"all"`
}
