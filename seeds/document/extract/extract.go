package extract

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// Options say what the extractor cannot read from the text.
type Options struct {
	// Source is the text's file name, written as article.source.
	Source string
	// Slug is the article's slug; empty: made from the title or Source.
	Slug string
	// Known holds slugs of entities the catalog already declares (such as
	// countries); the draft refers to them instead of declaring them.
	Known map[string]bool
	// IsKnown, when set, answers for slugs Known does not hold.
	IsKnown func(slug string) bool
	// MaxBytes bounds the text; 0: DefaultMaxBytes.
	MaxBytes int
	// Dateline is the article's date as worded ("April 18, 2025") when the
	// text does not carry it: the base of relative dates ("on Thursday") and
	// of months without a year. It is not written as article.published,
	// which must be the text's own date line.
	Dateline string
}

// ErrDateline is the error for a dateline Extract cannot read.
var ErrDateline = errors.New("dateline is not a date")

// DefaultMaxBytes is the largest text Extract reads by default.
const DefaultMaxBytes = 1 << 20

// Draft is an extracted document with a review note for each item.
type Draft struct {
	Doc *document.Document
	// Notes maps "person/slug", "statements/key", ... to a review note:
	// a confidence and the rule that produced the item.
	Notes map[string]Note
	// Items lists every item of the draft with where the text says it, for
	// a preview that highlights them.
	Items []Item
	// Dateline is Options.Dateline when the text does not carry it: the
	// base of inferred dates, not the publication date (no evidence).
	Dateline string
}

// Item is one extracted item: its type ("person", "organization",
// "place", "event", "agreement", "statement", "figure"), its slug or key,
// a label to show, its review note and its evidence spans.
type Item struct {
	Type  string
	Key   string
	Label string
	Note  Note
	Spans []Span
}

// Span is a piece of evidence: characters [Start, End) of paragraph
// Paragraph (1-based, counted as the validator counts).
type Span struct {
	Paragraph  int
	Start, End int
	Text       string
}

// Note tells a curator how far to trust an item.
type Note struct {
	Confidence float64 // 0 to 1
	Rule       string
}

// entity is a person, organization, place, event or agreement found.
type entity struct {
	kind       string // db.Kind*
	slug, name string
	sub        string // organization, place, event or agreement kind
	short      string
	country    string // country name
	parent     *entity
	honorifics []string
	ev         []span
	date       *document.DateDoc // an agreement's date, as worded
	parties    []*entity         // an agreement's parties
	unresolved bool
	note       string
	conf       float64
	rule       string
}

type extractor struct {
	article
	ctx      context.Context // the caller's: Extract gives up when it ends
	opts     Options
	blocks   []block
	entities []*entity
	byName   map[string]*entity
	slugs    map[string]bool
	draft    *Draft
	figs     []*fig
	base     *document.DateDoc // the date inferences count from: published, else Options.Dateline
}

// Extract reads an article's text and returns a draft document. It gives
// up, with ctx's error, when ctx ends: its rules read a sentence again for
// each thing found in it, and a text made to be slow (a sentence of many
// names) could otherwise cost minutes after its caller has gone.
func Extract(ctx context.Context, text string, opts Options) (*Draft, error) {
	limit := opts.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	switch {
	case len(text) > limit:
		return nil, fmt.Errorf("text is %d bytes, more than the limit of %d", len(text), limit)
	case strings.ContainsRune(text, 0):
		return nil, errors.New("text contains a NUL character")
	case strings.TrimSpace(text) == "":
		return nil, errors.New("text is empty")
	case !utf8.ValidString(text):
		return nil, errors.New("text is not UTF-8")
	case opts.Dateline != "" && !datelinePattern.MatchString(opts.Dateline):
		return nil, fmt.Errorf("%w: %q is not a date such as \"April 18, 2025\"", ErrDateline, clip(opts.Dateline))
	}
	x := &extractor{ctx: ctx, opts: opts, byName: map[string]*entity{}, slugs: map[string]bool{}}
	x.src = text
	x.paras = splitParagraphs(text)
	x.blocks = joinBlocks(x.paras)
	x.draft = &Draft{Doc: &document.Document{Text: text}, Notes: map[string]Note{}}
	x.articleDoc()
	x.findEntities()
	var st []*stmt
	if !x.stopped() {
		st = x.statements()
	}
	if !x.stopped() {
		x.figures(st)
	}
	if !x.stopped() {
		x.output(st)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return x.draft, nil
}

// stopped reports whether Extract's caller has gone or run out of time;
// the loops over sentences, names and items check it, and leave the draft
// unfinished (Extract then returns the context's error).
func (x *extractor) stopped() bool { return x.ctx.Err() != nil }

var (
	datelinePattern = regexp.MustCompile(`^(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})$`)
	creditNames     = regexp.MustCompile(`^[\p{Lu}][\p{L}'’\-]*( [\p{Lu}][\p{L}'’\-]*){0,3}((, | and )[\p{Lu}][\p{L}'’\-]*( [\p{Lu}][\p{L}'’\-]*){0,3})*$`)
	creditSep       = regexp.MustCompile(`, | and `)
	creditPattern   = regexp.MustCompile(`^(Translator|Editor|Reporter|Writer|Author|Photographer|Photo|Edited by|Reported by|Written by|By)s?:? +(.+)$`)
)

func (x *extractor) articleDoc() {
	a := &document.ArticleDoc{Source: x.opts.Source, Language: "en", Slug: x.opts.Slug}
	for i, p := range x.paras {
		switch {
		case p.heading && a.Title == nil && i < 3:
			a.Title = ptr(p.text)
		case p.bold && a.Lede == nil:
			a.Lede = ptr(p.text)
		case datelinePattern.MatchString(p.text) && a.Published == nil:
			m := datelinePattern.FindStringSubmatch(p.text)
			a.Published = &document.DateDoc{Text: p.text, Year: ptr(atoi(m[3])), Month: ptr(months[m[1]]), Day: ptr(atoi(m[2]))}
		}
	}
	// The text's own date line is the publication date; a dateline given
	// beside the text is no evidence (the validator wants published.text
	// in the text) but the base of what the draft infers.
	x.base = a.Published
	if x.base == nil && x.opts.Dateline != "" {
		m := datelinePattern.FindStringSubmatch(x.opts.Dateline)
		x.base = &document.DateDoc{Text: m[0], Year: ptr(atoi(m[3])), Month: ptr(months[m[1]]), Day: ptr(atoi(m[2]))}
		x.draft.Dateline = m[0]
	}
	if a.Slug == "" {
		base := strings.TrimSuffix(x.opts.Source, ".txt")
		if a.Title != nil {
			base = *a.Title
		}
		a.Slug = slugify(base, 8)
		if a.Slug == "" {
			a.Slug = "article"
		}
	}
	x.draft.Doc.Article = a
}

// credits reads a credit line ("Editor: A, B") into the article's credits
// and reports whether b is one.
func (x *extractor) credits(b *block) bool {
	m := creditPattern.FindStringSubmatchIndex(b.text)
	if m == nil || len(b.parts) > 1 {
		return false
	}
	role := strings.ToLower(b.text[m[2]:m[3]])
	switch {
	case strings.HasPrefix(role, "translator"):
		role = "translator"
	case strings.HasPrefix(role, "editor"), strings.HasPrefix(role, "edited"):
		role = "editor"
	case strings.HasPrefix(role, "photo"):
		role = "photographer"
	case strings.HasPrefix(role, "reporter"), strings.HasPrefix(role, "reported"):
		role = "reporter"
	default:
		role = "author"
	}
	list := b.text[m[4]:m[5]]
	if !creditNames.MatchString(list) {
		return false
	}
	at := m[4]
	for _, n := range creditSep.Split(list, -1) {
		off := strings.Index(b.text[at:], n) + at
		p := x.person(n, nil, span{b, off, off + len(n)}, 0.9, "credit line")
		x.draft.Doc.Article.Credits = append(x.draft.Doc.Article.Credits, document.CreditDoc{
			Person: p.slug, Role: role, Evidence: x.evidence(span{b, 0, len(b.text)})})
	}
	return true
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func ptr[T any](v T) *T { return &v }

// slugify makes a slug of at most words words.
func slugify(s string, words int) string {
	var b strings.Builder
	n := 0
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
				if n >= words {
					return b.String()[:b.Len()-1]
				}
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// newSlug returns a slug for name unused in this draft.
func (x *extractor) newSlug(name string) string {
	base := slugify(name, 8)
	if base == "" {
		base = "entity"
	}
	s := base
	for i := 2; x.slugs[s]; i++ {
		s = fmt.Sprintf("%s-%d", base, i)
	}
	x.slugs[s] = true
	return s
}

// add registers an entity, or returns the one already found by that name.
func (x *extractor) add(e *entity) *entity {
	key := e.kind + "|" + e.name
	if old := x.byName[key]; old != nil {
		old.ev = append(old.ev, e.ev...)
		return old
	}
	if e.kind == db.KindAgreement {
		// "the visa exemption agreement" after "the visa exemption
		// agreement for official ... holders" is the same agreement
		for _, old := range x.entities {
			if old.kind == db.KindAgreement && (strings.HasPrefix(old.name, e.name+" ") || strings.HasPrefix(e.name, old.name+" ")) {
				old.ev = append(old.ev, e.ev...)
				return old
			}
		}
	}
	if e.kind == db.KindPlace && e.sub == "country" && x.known(slugify(e.name, 8)) {
		e.slug = slugify(e.name, 8)
		x.slugs[e.slug] = true
	} else {
		e.slug = x.newSlug(e.name)
	}
	x.byName[key] = e
	x.entities = append(x.entities, e)
	return e
}

func (x *extractor) person(n string, hon []string, sp span, conf float64, rule string) *entity {
	// honorifics are not part of the name, wherever the name was found
	for again := true; again; {
		again = false
		for _, h := range honorifics {
			if strings.HasPrefix(n, h+" ") {
				hon, n, again = append(hon, h), n[len(h)+1:], true
				break
			}
		}
	}
	return x.add(&entity{kind: db.KindPerson, name: n, honorifics: hon, ev: []span{sp}, conf: conf, rule: rule})
}

func (x *extractor) country(n string, sp span) *entity {
	if n == "the United States" || n == "U.S." {
		n = "United States"
	}
	if n == "Britain" {
		n = "United Kingdom"
	}
	if n == "Viet Nam" {
		n = "Vietnam"
	}
	return x.add(&entity{kind: db.KindPlace, sub: "country", name: n, ev: []span{sp}, conf: 0.95, rule: "country lexicon"})
}

// lookup finds an entity by name or short name; a single word also finds
// a person by one of their names ("Gan" for "Gan Tian Loo").
func (x *extractor) lookup(n string) *entity {
	for _, k := range []string{db.KindPerson, db.KindOrganization, db.KindPlace, db.KindEvent, db.KindAgreement, db.KindProject} {
		if e := x.byName[k+"|"+n]; e != nil {
			return e
		}
	}
	for _, e := range x.entities {
		if e.short == n {
			return e
		}
	}
	if !strings.Contains(n, " ") {
		for _, e := range x.entities {
			if e.kind == db.KindPerson && slices.Contains(strings.Fields(e.name), n) {
				return e
			}
		}
	}
	return nil
}

func (x *extractor) evidence(s span) document.EvidenceList { return x.article.evidence(s) }

// CatalogSlugs returns the slugs of the places, organizations and people a
// catalog document declares.
func CatalogSlugs(catalog []byte) (map[string]bool, error) {
	doc, err := document.Parse("catalog.yaml", catalog)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, p := range doc.Places {
		known[p.Slug] = true
	}
	for _, o := range doc.Organizations {
		known[o.Slug] = true
	}
	for _, p := range doc.People {
		known[p.Slug] = true
	}
	return known, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// spans converts a span of a block into character spans of paragraphs.
func (x *extractor) spans(s span) []Span {
	var out []Span
	for _, p := range s.b.parts {
		lo, hi := max(s.start, p.off), min(s.end, p.off+p.len)
		if lo >= hi {
			continue
		}
		text := x.paras[p.para].text
		start := utf8.RuneCountInString(text[:lo-p.off])
		out = append(out, Span{Paragraph: x.paras[p.para].pos, Start: start,
			End: start + utf8.RuneCountInString(s.b.text[lo:hi]), Text: s.b.text[lo:hi]})
	}
	return out
}

// known reports whether the catalog already declares slug.
func (x *extractor) known(slug string) bool {
	if x.opts.Known[slug] {
		return true
	}
	if x.opts.IsKnown != nil && x.opts.IsKnown(slug) {
		if x.opts.Known == nil {
			x.opts.Known = map[string]bool{}
		}
		x.opts.Known[slug] = true
		return true
	}
	return false
}
