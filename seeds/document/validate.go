package document

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/db"
)

// The controlled vocabularies of the documents; the database enums hold the
// same values (agreement_kind also AgreementKindUnspecified).
var (
	organizationKinds = []string{"ministry", "government_body", "department", "university", "school_or_institute", "company", "association", "academy"}
	placeKinds        = []string{"country", "region", "city", "industrial_park", "building", "data_center_site"}
	eventKinds        = []string{"conference", "session", "state_visit", "meeting", "signing"}
	participantRoles  = []string{"participant", "organizer", "host", "visitor"}
	projectKinds      = []string{"data_center", "industrial_park", "building", "infrastructure"}
	projectStatuses   = []string{"planned", "under_construction", "completed"}
	agreementKinds    = []string{"joint_statement", "signed_agreement", "cooperation_model", "initiative", "framework", "commitment", "policy"}
	agreementStatuses = []string{"proposed", "announced", "agreed", "issued", "signed", "established", "in_force"}
	partyRoles        = []string{"party", "partner", "signatory"}
	reportingVerbs    = []string{"said", "stated", "noted", "suggested", "pointed_out", "highlighted", "emphasized", "explained", "expressed_hope", "according_to", "added", "announced"}
	statementModes    = []string{"quote", "paraphrase"}
	figureUnits       = []string{"percent", "percentage_point", "count", "currency", "date"}
	creditRoles       = []string{"author", "reporter", "translator", "editor", "photographer"}
	dateParts         = []string{"year", "month", "day"}
)

var (
	slugPattern     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	languagePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]+)*$`)
	decimalPattern  = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
)

// A Catalog answers what the store already holds, for references that no
// document being validated declares. The store's writer (db/curate)
// implements it over a transaction; Validate only asks.
type Catalog interface {
	// Entity returns the kind of the stored entity with this slug, and for a
	// place its place kind; ok is false when there is none.
	Entity(ctx context.Context, slug string) (kind, placeKind string, ok bool, err error)
	// Topic reports whether a topic with this slug is stored.
	Topic(ctx context.Context, slug string) (bool, error)
}

// declaration is an entity declared by one of the documents.
type declaration struct {
	kind      string
	placeKind string
	doc       string
}

// validator checks a set of documents as a whole and collects every problem.
type validator struct {
	docs     []*Document
	stored   Catalog
	entities map[string]declaration
	topics   map[string]string // slug -> declaring document
	cache    map[string]declaration
	problems []db.Problem
	more     int // problems found past db.MaxProblems
	// err is the first failure of stored; it ends the validation.
	err error
	// blocksOf holds each article document's paragraphs, as validated, for
	// the writer.
	blocksOf map[*Document][]Paragraph

	// per document
	doc    *Document
	blocks []Paragraph
	spans  int // evidence spans resolved so far
}

// Validated is a set of documents that Validate found valid, with what
// their writer needs of the validation.
type Validated struct {
	paragraphs map[*Document][]Paragraph
	order      Order
}

// Paragraphs returns the paragraphs of an article document of the set, cut
// from its text and given their kinds (title, lede, dateline, credit,
// body) as validated; nil for a document with no article.
func (v *Validated) Paragraphs(doc *Document) []Paragraph { return v.paragraphs[doc] }

// Order returns the set's declarations in the order a writer needs them:
// parents first.
func (v *Validated) Order() Order { return v.order }

// Validate checks documents against each other and against what stored
// already holds, and returns a *db.ValidationError listing every problem,
// or the validated set, which has no cycle of parents. It writes nothing. It first checks every text of
// the documents against its limit (see textLimits); if any breaks one, it
// reports those problems alone, before any text reaches the store.
func Validate(ctx context.Context, docs []*Document, stored Catalog) (*Validated, error) {
	v, err := validate(ctx, docs, stored)
	if err != nil {
		return nil, err
	}
	order, err := parentOrder(docs)
	if err != nil {
		return nil, err
	}
	return &Validated{paragraphs: v.blocksOf, order: order}, nil
}

// ValidateStatements checks the statements of doc, a document of an
// article cut into paragraphs that holds them and the affiliations they
// may cite, against each other and what stored holds, as Validate would
// in the article's whole document; problems name paths in doc. An edit of
// one statement checks it so without reading its whole article.
func ValidateStatements(ctx context.Context, doc *Document, paragraphs []Paragraph, stored Catalog) error {
	return validateItems(ctx, doc, paragraphs, stored, (*validator).statements)
}

// ValidateFigures is ValidateStatements for doc's figures; doc holds the
// keys of the statements they may cite.
func ValidateFigures(ctx context.Context, doc *Document, paragraphs []Paragraph, stored Catalog) error {
	return validateItems(ctx, doc, paragraphs, stored, (*validator).figures)
}

func validateItems(ctx context.Context, doc *Document, paragraphs []Paragraph, stored Catalog,
	check func(*validator, context.Context)) error {
	v := &validator{docs: []*Document{doc}, stored: stored, entities: map[string]declaration{}, topics: map[string]string{},
		cache: map[string]declaration{}, blocksOf: map[*Document][]Paragraph{}}
	v.doc, v.blocks = doc, paragraphs
	check(v, ctx)
	if v.err != nil {
		return v.err
	}
	if len(v.problems) > 0 {
		return &db.ValidationError{Problems: v.problems}
	}
	return nil
}

// IsSlug reports whether s has the form of a slug: lowercase letters and
// digits joined by single hyphens.
func IsSlug(s string) bool { return slugPattern.MatchString(s) }

func validate(ctx context.Context, docs []*Document, stored Catalog) (*validator, error) {
	if problems := documentTextProblems(docs); len(problems) > 0 {
		return nil, db.InvalidInput(problems)
	}
	v := &validator{
		docs:     docs,
		stored:   stored,
		entities: map[string]declaration{},
		topics:   map[string]string{},
		cache:    map[string]declaration{},
		blocksOf: map[*Document][]Paragraph{},
	}
	v.declare()
	for _, doc := range docs {
		if err := v.document(ctx, doc); err != nil {
			return nil, err
		}
	}
	if len(v.problems) > 0 {
		return nil, &db.ValidationError{Problems: v.problems, More: v.more}
	}
	return v, nil
}

// addf records a problem. Long strings among args (a value from the input)
// are cut short, so a problem never repeats a large input back.
func (v *validator) addf(path, item, format string, args ...any) {
	v.add(db.CodeInvalid, path, item, fmt.Sprintf(format, clipArgs(args)...))
}

// missingf records a reference to something that exists nowhere.
func (v *validator) missingf(path, item, format string, args ...any) {
	v.add(db.CodeNotFound, path, item, fmt.Sprintf(format, clipArgs(args)...))
}

// add records a problem, or only counts it past MaxProblems; it reports
// whether it recorded it.
func (v *validator) add(code db.Code, path, item, msg string) bool {
	if len(v.problems) >= db.MaxProblems {
		v.more++
		return false
	}
	name := ""
	if v.doc != nil {
		name = v.doc.Name
	}
	v.problems = append(v.problems, db.Problem{Document: name, Path: path, Item: clip(item), Message: msg, Code: code})
	return true
}

// clipArgs returns args with each string longer than the vocabularies'
// lists cut short.
func clipArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = clip(s)
		}
		out[i] = a
	}
	return out
}

// clip cuts a string of more than 200 characters to its first 60,
// and leaves shorter ones alone.
func clip(s string) string {
	if len(s) <= 200 || utf8.RuneCountInString(s) <= 200 {
		return s
	}
	return abbreviate(s)
}

// declare records every topic and entity the documents declare, and reports
// slugs declared twice.
func (v *validator) declare() {
	articles := map[string]string{}
	for _, doc := range v.docs {
		v.doc = doc
		if a := doc.Article; a != nil && a.Slug != "" {
			if other, dup := articles[a.Slug]; dup {
				v.addf("article.slug", "article "+a.Slug, "slug is also used by %s", other)
			}
			articles[a.Slug] = doc.Name
		}
		for i, t := range doc.Topics {
			path := fmt.Sprintf("topics[%d].slug", i)
			if other, dup := v.topics[t.Slug]; dup {
				v.addf(path, "topic "+t.Slug, "slug is already declared in %s; declare it once and refer to it by slug", other)
				continue
			}
			v.topics[t.Slug] = doc.Name
		}
		declare := func(section string, i int, slug, kind, placeKind string) {
			path := fmt.Sprintf("%s[%d].slug", section, i)
			if other, dup := v.entities[slug]; dup {
				v.addf(path, kind+" "+slug, "slug is already declared in %s; declare it once and refer to it by slug", other.doc)
				return
			}
			v.entities[slug] = declaration{kind: kind, placeKind: placeKind, doc: doc.Name}
		}
		for i, x := range doc.People {
			declare("people", i, x.Slug, db.KindPerson, "")
		}
		for i, x := range doc.Organizations {
			declare("organizations", i, x.Slug, db.KindOrganization, "")
		}
		for i, x := range doc.Places {
			declare("places", i, x.Slug, db.KindPlace, x.Kind)
		}
		for i, x := range doc.Events {
			declare("events", i, x.Slug, db.KindEvent, "")
		}
		for i, x := range doc.Projects {
			declare("projects", i, x.Slug, db.KindProject, "")
		}
		for i, x := range doc.Agreements {
			declare("agreements", i, x.Slug, db.KindAgreement, "")
		}
	}
	v.doc = nil
}

// lookup finds an entity by slug among the documents, then in the store.
// A failure of the store is kept in v.err, which ends the validation; from
// then on lookup asks the store nothing more and finds nothing.
func (v *validator) lookup(ctx context.Context, slug string) (declaration, bool) {
	if d, ok := v.entities[slug]; ok {
		return d, true
	}
	if d, ok := v.cache[slug]; ok {
		return d, d.kind != ""
	}
	var d declaration
	if v.stored != nil {
		if v.err != nil {
			return d, false
		}
		kind, placeKind, ok, err := v.stored.Entity(ctx, slug)
		if err != nil {
			v.err = err
			return d, false
		}
		if ok {
			d = declaration{kind: kind, placeKind: placeKind, doc: "the database"}
		}
	}
	v.cache[slug] = d
	return d, d.kind != ""
}

// ref checks that slug names an entity of one of the kinds.
func (v *validator) ref(ctx context.Context, path, item, slug string, kinds ...string) {
	if slug == "" {
		v.addf(path, item, "is empty; want the slug of %s", db.Indefinite(strings.Join(kinds, " or ")))
		return
	}
	d, ok := v.lookup(ctx, slug)
	switch {
	case v.err != nil:
	case !ok:
		v.missingf(path, item, "refers to %q, which is declared nowhere; want the slug of %s", slug, db.Indefinite(strings.Join(kinds, " or ")))
	case len(kinds) > 0 && !slices.Contains(kinds, d.kind):
		v.addf(path, item, "refers to %q, %s; want %s", slug, db.Indefinite(d.kind), db.Indefinite(strings.Join(kinds, " or ")))
	}
}

// optRef is ref for an optional reference.
func (v *validator) optRef(ctx context.Context, path, item string, slug *string, kinds ...string) {
	if slug != nil {
		v.ref(ctx, path, item, *slug, kinds...)
	}
}

// refs is ref for each slug of a list.
func (v *validator) refs(ctx context.Context, path, item string, slugs []string, kinds ...string) {
	for i, slug := range slugs {
		v.ref(ctx, fmt.Sprintf("%s[%d]", path, i), item, slug, kinds...)
	}
}

// countryRef checks that slug names a place of kind country.
func (v *validator) countryRef(ctx context.Context, path, item string, slug *string) {
	if slug == nil {
		return
	}
	if d, ok := v.lookup(ctx, *slug); v.err == nil && (!ok || d.kind != db.KindPlace || d.placeKind != "country") {
		v.addf(path, item, "refers to %q, which is not a declared country", *slug)
	}
}

// topicRefs checks that each slug names a topic; like lookup, it keeps a
// failure of the store in v.err.
func (v *validator) topicRefs(ctx context.Context, path, item string, slugs []string) {
	for i, slug := range slugs {
		if _, ok := v.topics[slug]; ok {
			continue
		}
		ok := false
		if v.stored != nil {
			if v.err != nil {
				return
			}
			var err error
			if ok, err = v.stored.Topic(ctx, slug); err != nil {
				v.err = err
				return
			}
		}
		if !ok {
			v.missingf(fmt.Sprintf("%s[%d]", path, i), item, "refers to topic %q, which is declared nowhere", slug)
		}
	}
}

func (v *validator) enum(path, item, value string, allowed []string) {
	if slices.Contains(allowed, value) {
		return
	}
	msg := "is required"
	if value != "" {
		msg = fmt.Sprintf("is %q", clip(value))
	}
	if v.add(db.CodeInvalid, path, item, msg) {
		v.problems[len(v.problems)-1].Allowed = allowed
	}
}

func (v *validator) optEnum(path, item string, value *string, allowed []string) {
	if value != nil {
		v.enum(path, item, *value, allowed)
	}
}

func (v *validator) required(path, item, value string) {
	if strings.TrimSpace(value) == "" {
		v.addf(path, item, "is required")
	}
}

func (v *validator) slug(path, item, value string) {
	if !slugPattern.MatchString(value) {
		v.addf(path, item, "%q is not a slug (lowercase letters and digits joined by single hyphens)", value)
	}
}

// date checks a partial date.
func (v *validator) date(path, item string, d *DateDoc) {
	if d == nil {
		return
	}
	if strings.TrimSpace(d.Text) == "" {
		v.addf(path+".text", item, "is required: the date as the article words it")
	}
	if d.Year == nil && d.Month == nil && d.Day == nil {
		v.addf(path, item, "gives no year, month or day")
	}
	if d.Month != nil && (*d.Month < 1 || *d.Month > 12) {
		v.addf(path+".month", item, "is %d; want 1 to 12", *d.Month)
	}
	if d.Day != nil && d.Month == nil {
		v.addf(path+".day", item, "is set without a month")
	}
	if d.Month != nil && d.Day == nil && d.Year == nil {
		v.addf(path+".month", item, "is set with neither year nor day")
	}
	if d.Day != nil && d.Month != nil && *d.Month >= 1 && *d.Month <= 12 {
		if *d.Day < 1 || *d.Day > daysIn(d.Year, *d.Month) {
			v.addf(path+".day", item, "is %d; month %d has no such day", *d.Day, *d.Month)
		}
	}
	if d.Year != nil && (*d.Year < 1 || *d.Year > 9999) {
		v.addf(path+".year", item, "is %d; want 1 to 9999", *d.Year)
	}
	for i, part := range d.Inferred {
		p := fmt.Sprintf("%s.inferred[%d]", path, i)
		v.enum(p, item, part, dateParts)
		if (part == "year" && d.Year == nil) || (part == "month" && d.Month == nil) || (part == "day" && d.Day == nil) {
			v.addf(p, item, "names the %s, which is not set", part)
		}
	}
	hasBasis := d.Basis != nil && strings.TrimSpace(*d.Basis) != ""
	switch {
	case len(d.Inferred) > 0 && !hasBasis:
		v.addf(path+".basis", item, "is required when parts are inferred: say from what")
	case len(d.Inferred) == 0 && d.Basis != nil:
		v.addf(path+".basis", item, "is set but no part is inferred")
	}
}

func daysIn(year *int, month int) int {
	switch month {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if year == nil {
			return 29
		}
		y := *year
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// evidence resolves a list of spans in the current article and reports each
// span that cannot be found exactly once; required says the list may not be
// empty.
func (v *validator) evidence(path, item string, list EvidenceList, required bool) []Span {
	if v.doc.Article == nil {
		if len(list) > 0 {
			v.addf(path, item, "is set in a document with no article")
		}
		return nil
	}
	if required && len(list) == 0 {
		v.addf(path, item, "is required: quote the words of the article that support this")
	}
	var spans []Span
	for i, s := range list {
		found, msg := ResolveSpan(v.blocks, s)
		if msg != "" {
			v.addf(fmt.Sprintf("%s[%d]", path, i), item, "%s", msg)
		}
		if v.spans <= MaxDocumentSpans && v.spans+len(found) > MaxDocumentSpans {
			v.addf(fmt.Sprintf("%s[%d]", path, i), item, "brings the document's evidence past %d spans, the most a document may have", MaxDocumentSpans)
		}
		v.spans += len(found)
		spans = append(spans, found...)
	}
	return spans
}

// MaxDocumentSpans is the most evidence spans one document may resolve to
// (each a row written): MaxAllOccurrences bounds one item, this the sum of
// them (the two seed articles have 89 and 74).
const MaxDocumentSpans = 5000

// MaxAllOccurrences is the most spans one evidence item with all: true
// picks out: each is a row written, and a word repeated through a long
// text would otherwise be tens of thousands.
const MaxAllOccurrences = 500

// ResolveSpan finds one evidence item in the article's paragraphs. It
// returns the spans, or a message saying why the item does not pick out
// exactly what it should.
func ResolveSpan(blocks []Paragraph, s SpanDoc) ([]Span, string) {
	if s.Text == "" {
		return nil, "has no text"
	}
	if s.Paragraph < 0 || s.Paragraph > len(blocks) {
		return nil, fmt.Sprintf("names paragraph %d; the article has paragraphs 1 to %d", s.Paragraph, len(blocks))
	}
	if s.Occurrence < 0 || (s.Occurrence > 0 && s.All) {
		return nil, "occurrence must be a positive number, and cannot be combined with all"
	}
	search := blocks
	if s.Paragraph > 0 {
		search = blocks[s.Paragraph-1 : s.Paragraph]
	}
	var found []Span
	var where []int
	for _, b := range search {
		for _, at := range Occurrences(b.Text, s.Text) {
			if s.All && !wholeWord(b.Text, at, len(s.Text)) {
				continue
			}
			if s.All && len(found) == MaxAllOccurrences {
				return nil, fmt.Sprintf("%q occurs more than %d times; all: true picks out at most %d: name the paragraph",
					abbreviate(s.Text), MaxAllOccurrences, MaxAllOccurrences)
			}
			found = append(found, newSpan(b, at, len(s.Text)))
			where = append(where, b.Position)
		}
	}
	quoted := fmt.Sprintf("%q", abbreviate(s.Text))
	switch {
	case len(found) == 0 && s.Paragraph > 0:
		return nil, fmt.Sprintf("%s is not found verbatim in paragraph %d", quoted, s.Paragraph)
	case len(found) == 0:
		return nil, fmt.Sprintf("%s is not found verbatim in the article%s", quoted, quoteHint(blocks, s.Text))
	case s.All:
		return found, ""
	case s.Occurrence > 0:
		if s.Occurrence > len(found) {
			return nil, fmt.Sprintf("%s occurs %d time(s); occurrence %d does not exist", quoted, len(found), s.Occurrence)
		}
		return found[s.Occurrence-1 : s.Occurrence], ""
	case len(found) > 1:
		return nil, fmt.Sprintf("%s occurs %d times (paragraphs %s); add paragraph and occurrence, or all: true",
			quoted, len(found), joinInts(slices.Compact(where)))
	}
	return found, ""
}

// quoteHint suggests the likely cause when text is found once straight
// quotes, apostrophes and dashes are made alike.
func quoteHint(blocks []Paragraph, text string) string {
	norm := strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "–", "-", "—", "-")
	want := norm.Replace(text)
	for _, b := range blocks {
		if strings.Contains(norm.Replace(b.Text), want) {
			return fmt.Sprintf(" (paragraph %d has it with different quotes or dashes: copy it from the source)", b.Position)
		}
	}
	return ""
}

func abbreviate(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

// document validates one document.
func (v *validator) document(ctx context.Context, doc *Document) error {
	v.doc, v.blocks = doc, nil
	if a := doc.Article; a != nil {
		v.article(a)
		v.blocksOf[doc] = v.blocks
	} else {
		for _, section := range []struct {
			name string
			n    int
		}{{"affiliations", len(doc.Affiliations)}, {"mentions", len(doc.Mentions)}, {"statements", len(doc.Statements)}, {"figures", len(doc.Figures)}} {
			if section.n > 0 {
				v.addf(section.name, "", "needs an article: only topics and entities may be declared without one")
			}
		}
	}
	checks := []func(context.Context){
		v.articleRefs, v.topicDecls, v.people, v.organizations, v.places, v.affiliations,
		v.events, v.projects, v.agreements, v.mentions, v.statements, v.figures,
	}
	for _, check := range checks {
		if v.err != nil {
			break
		}
		check(ctx)
	}
	return v.err
}

// article checks the article's own fields and cuts its text into paragraphs.
func (v *validator) article(a *ArticleDoc) {
	item := "article " + a.Slug
	v.slug("article.slug", item, a.Slug)
	v.required("article.source", item, a.Source)
	if !languagePattern.MatchString(a.Language) {
		v.addf("article.language", item, "is %q; want a language tag such as en", a.Language)
	}
	if v.doc.Text == "" {
		v.addf("article.source", item, "source text %q is missing or empty", a.Source)
		return
	}
	v.blocks, v.spans = SplitParagraphs(v.doc.Text), 0
	for i := range v.blocks {
		b := &v.blocks[i]
		switch {
		case a.Title != nil && b.Text == *a.Title:
			b.Kind = db.ParagraphTitle
		case b.Heading:
			v.addf("article.title", item, "paragraph %d is the heading %q but title is not set to it", b.Position, abbreviate(b.Text))
		case a.Lede != nil && b.Text == *a.Lede:
			b.Kind = db.ParagraphLede
		case a.Published != nil && b.Text == a.Published.Text:
			b.Kind = db.ParagraphDateline
		}
	}
	if a.Title != nil && !slices.ContainsFunc(v.blocks, func(b Paragraph) bool { return b.Kind == db.ParagraphTitle }) {
		v.addf("article.title", item, "%q is not a paragraph of the source text", abbreviate(*a.Title))
	}
	if a.Lede != nil && !slices.ContainsFunc(v.blocks, func(b Paragraph) bool { return b.Kind == db.ParagraphLede }) {
		v.addf("article.lede", item, "%q is not a paragraph of the source text", abbreviate(*a.Lede))
	}
	if a.Published != nil {
		v.date("article.published", item, a.Published)
		if a.Published.Text != "" && !strings.Contains(v.doc.Text, a.Published.Text) {
			v.addf("article.published.text", item, "%q is not found in the source text", a.Published.Text)
		}
	}
	v.evidence("article.evidence", item, a.Evidence, false)
	for i, c := range a.Credits {
		path := fmt.Sprintf("article.credits[%d]", i)
		v.enum(path+".role", "credit "+c.Person, c.Role, creditRoles)
		for _, s := range v.evidence(path+".evidence", "credit "+c.Person, c.Evidence, true) {
			v.blocks[s.Paragraph-1].Kind = db.ParagraphCredit
		}
	}
}

func (v *validator) articleRefs(ctx context.Context) {
	a := v.doc.Article
	if a == nil {
		return
	}
	v.topicRefs(ctx, "article.topics", "article "+a.Slug, a.Topics)
	for i, c := range a.Credits {
		v.ref(ctx, fmt.Sprintf("article.credits[%d].person", i), "credit "+c.Person, c.Person, db.KindPerson)
	}
}

func (v *validator) topicDecls(ctx context.Context) {
	for i, t := range v.doc.Topics {
		path, item := fmt.Sprintf("topics[%d]", i), "topic "+t.Slug
		v.slug(path+".slug", item, t.Slug)
		v.required(path+".label", item, t.Label)
		if t.Parent != nil {
			v.topicRefs(ctx, path+".parent", item, []string{*t.Parent})
		}
	}
}

func (v *validator) people(ctx context.Context) {
	for i, p := range v.doc.People {
		path, item := v.entity("people", i, "person", p.Slug, p.Name)
		for j, h := range p.Honorifics {
			v.required(fmt.Sprintf("%s.honorifics[%d]", path, j), item, h)
		}
		v.evidence(path+".evidence", item, p.Evidence, true)
	}
}

func (v *validator) organizations(ctx context.Context) {
	for i, o := range v.doc.Organizations {
		path, item := v.entity("organizations", i, "organization", o.Slug, o.Name)
		v.optEnum(path+".kind", item, o.Kind, organizationKinds)
		if o.Unresolved && (o.Note == nil || strings.TrimSpace(*o.Note) == "") {
			v.addf(path+".note", item, "is required for an unresolved organization: say why the name does not identify it")
		}
		v.countryRef(ctx, path+".country", item, o.Country)
		v.optRef(ctx, path+".parent", item, o.Parent, db.KindOrganization)
		v.evidence(path+".evidence", item, o.Evidence, true)
	}
}

func (v *validator) places(ctx context.Context) {
	for i, p := range v.doc.Places {
		path, item := v.entity("places", i, "place", p.Slug, p.Name)
		v.enum(path+".kind", item, p.Kind, placeKinds)
		if p.Kind == "country" && p.Country != nil {
			v.addf(path+".country", item, "is set on a country")
		}
		v.countryRef(ctx, path+".country", item, p.Country)
		v.optRef(ctx, path+".parent", item, p.Parent, db.KindPlace)
		v.evidence(path+".evidence", item, p.Evidence, true)
	}
}

func (v *validator) affiliations(ctx context.Context) {
	keys := map[string]bool{}
	for i, a := range v.doc.Affiliations {
		path, item := v.keyed(keys, "affiliations", i, "affiliation", a.Key)
		v.ref(ctx, path+".person", item, a.Person, db.KindPerson)
		if (a.Organization == nil) == (a.Place == nil) {
			v.addf(path, item, "needs exactly one of organization and place")
		}
		if a.Role != nil && strings.TrimSpace(*a.Role) == "" {
			v.addf(path+".role", item, "is empty; leave it out when the article gives no role")
		}
		v.optRef(ctx, path+".organization", item, a.Organization, db.KindOrganization)
		v.optRef(ctx, path+".place", item, a.Place, db.KindPlace)
		v.evidence(path+".evidence", item, a.Evidence, true)
	}
}

func (v *validator) events(ctx context.Context) {
	for i, e := range v.doc.Events {
		path, item := v.entity("events", i, "event", e.Slug, e.Name)
		v.enum(path+".kind", item, e.Kind, eventKinds)
		v.date(path+".date", item, e.Date)
		refs := []struct {
			field string
			slug  *string
			kind  string
		}{{"place", e.Place, db.KindPlace}, {"venue", e.Venue, db.KindOrganization}, {"parent", e.Parent, db.KindEvent}}
		for _, r := range refs {
			v.optRef(ctx, path+"."+r.field, item, r.slug, r.kind)
		}
		for j, p := range e.Participants {
			pp := fmt.Sprintf("%s.participants[%d]", path, j)
			v.enum(pp+".role", item, p.Role, participantRoles)
			v.ref(ctx, pp+".entity", item, p.Entity, db.KindPerson, db.KindOrganization, db.KindPlace)
		}
		v.topicRefs(ctx, path+".topics", item, e.Topics)
		v.evidence(path+".evidence", item, e.Evidence, true)
	}
}

func (v *validator) projects(ctx context.Context) {
	for i, p := range v.doc.Projects {
		path, item := v.entity("projects", i, "project", p.Slug, p.Name)
		v.enum(path+".kind", item, p.Kind, projectKinds)
		v.optEnum(path+".status", item, p.Status, projectStatuses)
		v.date(path+".completion", item, p.Completion)
		v.optRef(ctx, path+".builder", item, p.Builder, db.KindOrganization)
		v.optRef(ctx, path+".place", item, p.Place, db.KindPlace)
		v.evidence(path+".evidence", item, p.Evidence, true)
	}
}

func (v *validator) agreements(ctx context.Context) {
	for i, a := range v.doc.Agreements {
		path, item := v.entity("agreements", i, "agreement", a.Slug, a.Name)
		if a.Kind != "" { // omitted when the text does not say; stored as unspecified
			v.enum(path+".kind", item, a.Kind, agreementKinds)
		}
		v.optEnum(path+".status", item, a.Status, agreementStatuses)
		v.date(path+".date", item, a.Date)
		v.optRef(ctx, path+".parent", item, a.Parent, db.KindAgreement)
		seen := map[string]bool{}
		for j, p := range a.Parties {
			pp := fmt.Sprintf("%s.parties[%d]", path, j)
			v.enum(pp+".role", item, p.Role, partyRoles)
			if seen[p.Entity] {
				v.addf(pp+".entity", item, "%q is listed twice", p.Entity)
			}
			seen[p.Entity] = true
			v.ref(ctx, pp+".entity", item, p.Entity, db.KindPlace, db.KindOrganization, db.KindPerson)
		}
		v.refs(ctx, path+".places", item, a.Places, db.KindPlace)
		v.refs(ctx, path+".projects", item, a.Projects, db.KindProject)
		v.topicRefs(ctx, path+".topics", item, a.Topics)
		v.evidence(path+".evidence", item, a.Evidence, true)
	}
}

func (v *validator) mentions(ctx context.Context) {
	for i, m := range v.doc.Mentions {
		path, item := fmt.Sprintf("mentions[%d]", i), "mention of "+m.Entity
		v.ref(ctx, path+".entity", item, m.Entity)
		v.evidence(path+".evidence", item, m.Evidence, true)
	}
}

func (v *validator) statements(ctx context.Context) {
	keys := map[string]bool{}
	affiliations := map[string]AffiliationDoc{}
	for _, a := range v.doc.Affiliations {
		affiliations[a.Key] = a
	}
	for i, s := range v.doc.Statements {
		path, item := v.keyed(keys, "statements", i, "statement", s.Key)
		sp := s.Speaker
		if n := countSet(sp.Person, sp.Organization, sp.Description); n != 1 {
			v.addf(path+".speaker", item, "needs exactly one of person, organization and description; has %d", n)
		}
		if sp.Description != nil && strings.TrimSpace(*sp.Description) == "" {
			v.addf(path+".speaker.description", item, "is empty")
		}
		if sp.SpeaksFor != nil && sp.Description == nil {
			v.addf(path+".speaker.speaks_for", item, "is only for a speaker given by description")
		}
		v.optRef(ctx, path+".speaker.person", item, sp.Person, db.KindPerson)
		v.optRef(ctx, path+".speaker.organization", item, sp.Organization, db.KindOrganization)
		v.optRef(ctx, path+".speaker.speaks_for", item, sp.SpeaksFor, db.KindOrganization)
		for j, key := range s.Affiliations {
			a, ok := affiliations[key]
			switch {
			case !ok:
				v.addf(fmt.Sprintf("%s.affiliations[%d]", path, j), item, "refers to affiliation %q, which this document does not declare", key)
			case sp.Person == nil || a.Person != *sp.Person:
				v.addf(fmt.Sprintf("%s.affiliations[%d]", path, j), item, "refers to affiliation %q of %s, who is not the speaker", key, a.Person)
			}
		}
		v.enum(path+".verb", item, s.Verb, reportingVerbs)
		v.enum(path+".mode", item, s.Mode, statementModes)
		v.required(path+".content", item, s.Content)
		v.optRef(ctx, path+".event", item, s.Event, db.KindEvent)
		v.topicRefs(ctx, path+".topics", item, s.Topics)
		v.refs(ctx, path+".mentions", item, s.Mentions)
		v.evidence(path+".evidence", item, s.Evidence, true)
	}
}

func (v *validator) figures(ctx context.Context) {
	keys := map[string]bool{}
	statements := map[string]bool{}
	for _, s := range v.doc.Statements {
		statements[s.Key] = true
	}
	for i, f := range v.doc.Figures {
		path, item := v.keyed(keys, "figures", i, "figure", f.Key)
		v.required(path+".metric", item, f.Metric)
		v.required(path+".display", item, f.Display)
		v.enum(path+".unit", item, f.Unit, figureUnits)
		switch {
		case f.Unit == "date" && (f.Value != nil || f.Date == nil):
			v.addf(path, item, "has unit date: give date and no value")
		case f.Unit != "date" && f.Value == nil:
			v.addf(path+".value", item, "is required: an exact decimal such as \"5.1\"")
		case f.Unit != "date" && f.Date != nil:
			v.addf(path+".date", item, "is only for unit date")
		case f.Value != nil && !decimalPattern.MatchString(*f.Value):
			v.addf(path+".value", item, "%q is not an exact decimal such as \"5.1\"", *f.Value)
		}
		switch {
		case f.Unit == "currency" && (f.Currency == nil || !currencyPattern.MatchString(*f.Currency)):
			v.addf(path+".currency", item, "is required for unit currency: a code such as USD")
		case f.Unit != "currency" && f.Currency != nil:
			v.addf(path+".currency", item, "is only for unit currency")
		}
		v.date(path+".period", item, f.Period)
		v.date(path+".base", item, f.Base)
		v.date(path+".date", item, f.Date)
		v.ref(ctx, path+".subject", item, f.Subject)
		if f.Statement != nil && !statements[*f.Statement] {
			v.addf(path+".statement", item, "refers to statement %q, which this document does not declare", *f.Statement)
		}
		v.topicRefs(ctx, path+".topics", item, f.Topics)
		v.evidence(path+".evidence", item, f.Evidence, true)
	}
}

// entity checks the slug and name of the i-th declaration of a section of
// entities, a noun ("person"), and returns the path and item that name its
// problems.
func (v *validator) entity(section string, i int, noun, slug, name string) (path, item string) {
	path, item = fmt.Sprintf("%s[%d]", section, i), noun+" "+slug
	v.slug(path+".slug", item, slug)
	v.required(path+".name", item, name)
	return path, item
}

// keyed checks the key of the i-th item of a section of keyed items, a
// noun ("statement"): a slug, used once in the document (keys holds those
// seen). It returns the path and item that name the item's problems.
func (v *validator) keyed(keys map[string]bool, section string, i int, noun, key string) (path, item string) {
	path, item = fmt.Sprintf("%s[%d]", section, i), noun+" "+key
	v.slug(path+".key", item, key)
	if keys[key] {
		v.addf(path+".key", item, "is used twice in this document")
	}
	keys[key] = true
	return path, item
}

func countSet(xs ...*string) int {
	n := 0
	for _, x := range xs {
		if x != nil {
			n++
		}
	}
	return n
}
