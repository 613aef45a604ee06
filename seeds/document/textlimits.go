package document

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/db"
)

// Limits on the text of the curated documents, and so of every edit, in
// characters (Unicode code points, not bytes). Each fits every seed article
// many times over; they keep one field from filling a row, an index entry
// or a search vector (PostgreSQL refuses a tsvector over 1 MB, and a
// B-tree entry over about 2.7 KB).
const (
	// MaxSlug bounds slugs, item keys and every reference by slug.
	MaxSlug = 100
	// MaxShortText bounds names, labels, titles, roles, metrics, displays,
	// the wording of dates and the words of the controlled vocabularies.
	MaxShortText = 300
	// MaxLongText bounds statements' content, summaries, notes,
	// descriptions, ledes and evidence quoted from an article.
	MaxLongText = 10_000
	// MaxArticleText bounds an article's verbatim source text: at most
	// 800 KB in UTF-8, so its search vector fits PostgreSQL's 1 MB.
	MaxArticleText = 200_000
)

// TextProblem says what is wrong with s as a text of at most limit
// characters: it is not UTF-8, it holds a NUL character (PostgreSQL can
// store neither), or it is too long. It returns "" when s is fine.
func TextProblem(s string, limit int) string {
	switch {
	case !utf8.ValidString(s):
		return "is not valid UTF-8 text"
	case strings.IndexByte(s, 0) >= 0:
		return "contains a NUL character (U+0000), which no text may hold"
	case len(s) <= limit: // no more characters than bytes
		return ""
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Sprintf("is %d characters long; the limit is %d characters", n, limit)
	}
	return ""
}

// textLimits maps each string field of the documents, by its name in the
// documents, to its limit; "Type.name" overrides the name's entry for one
// type. Every string field has an entry (a test checks).
var textLimits = map[string]int{
	// Slugs, keys and references.
	"slug": MaxSlug, "key": MaxSlug, "parent": MaxSlug, "country": MaxSlug, "person": MaxSlug,
	"organization": MaxSlug, "place": MaxSlug, "venue": MaxSlug, "builder": MaxSlug, "entity": MaxSlug,
	"event": MaxSlug, "subject": MaxSlug, "statement": MaxSlug, "speaks_for": MaxSlug, "topics": MaxSlug,
	"places": MaxSlug, "projects": MaxSlug, "mentions": MaxSlug, "affiliations": MaxSlug,
	// Short texts.
	"name": MaxShortText, "short_name": MaxShortText, "label": MaxShortText, "title": MaxShortText,
	"honorifics": MaxShortText, "role": MaxShortText, "metric": MaxShortText, "display": MaxShortText,
	"source": MaxShortText, "language": MaxShortText, "kind": MaxShortText, "status": MaxShortText,
	"verb": MaxShortText, "mode": MaxShortText, "unit": MaxShortText, "currency": MaxShortText,
	"value": MaxShortText, "inferred": MaxShortText,
	"DateDoc.text": MaxShortText, // a date's wording; "text" alone is evidence
	// Long texts.
	"content": MaxLongText, "summary": MaxLongText, "note": MaxLongText, "description": MaxLongText,
	"participant_description": MaxLongText, "lede": MaxLongText, "basis": MaxLongText, "text": MaxLongText,
}

// textProblems checks every string in v (a document, or one item of one)
// against its field's limit, and returns a problem for each that fails,
// its path relative to v in the documents' names.
func textProblems(doc string, v any) []db.Problem {
	c := &textChecker{doc: doc}
	c.walk(reflect.ValueOf(v), 0)
	return c.problems
}

// textChecker walks a document's values. It keeps the path as segments
// and spells it out only for a problem: every edit checks a whole article.
type textChecker struct {
	doc      string
	path     []pathSegment
	problems []db.Problem
}

// pathSegment is a field name, or a list index when name is "".
type pathSegment struct {
	name  string
	index int
}

func (c *textChecker) walk(x reflect.Value, limit int) {
	switch x.Kind() {
	case reflect.Pointer:
		if !x.IsNil() {
			c.walk(x.Elem(), limit)
		}
	case reflect.String:
		if msg := TextProblem(x.String(), limit); msg != "" {
			c.problems = append(c.problems, db.Problem{Document: c.doc, Path: c.pathString(), Message: msg})
		}
	case reflect.Slice:
		for i := range x.Len() {
			c.path = append(c.path, pathSegment{index: i})
			c.walk(x.Index(i), limit)
			c.path = c.path[:len(c.path)-1]
		}
	case reflect.Struct:
		for _, f := range textFieldsOf(x.Type()) {
			c.path = append(c.path, pathSegment{name: f.name})
			c.walk(x.Field(f.index), f.limit)
			c.path = c.path[:len(c.path)-1]
		}
	}
}

func (c *textChecker) pathString() string {
	var b strings.Builder
	for _, s := range c.path {
		switch {
		case s.name == "":
			fmt.Fprintf(&b, "[%d]", s.index)
		case b.Len() > 0:
			b.WriteString("." + s.name)
		default:
			b.WriteString(s.name)
		}
	}
	return b.String()
}

// textField is a field of a document type that the text check walks: its
// index, its name in the documents, and its limit if it holds text.
type textField struct {
	index int
	name  string
	limit int
}

var textFields sync.Map // reflect.Type -> []textField

// textFieldsOf returns the fields of the document type typ that have a
// name in the documents.
func textFieldsOf(typ reflect.Type) []textField {
	if fields, ok := textFields.Load(typ); ok {
		return fields.([]textField)
	}
	var fields []textField
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			fields = append(fields, textField{index: i, name: name, limit: textLimit(typ.Name(), name)})
		}
	}
	textFields.Store(typ, fields)
	return fields
}

// textLimit returns the limit of field of the document type typ.
func textLimit(typ, field string) int {
	if limit, ok := textLimits[typ+"."+field]; ok {
		return limit
	}
	return textLimits[field]
}

// CheckTexts returns a *ValidationError listing every string in decl (an
// item of a document: a declaration, a statement, ...) that breaks its
// limit, with paths relative to the item, or nil. Edits check their input
// with it before any SQL sees it.
func CheckTexts(decl any) error {
	if problems := textProblems("input", decl); len(problems) > 0 {
		return db.InvalidInput(problems)
	}
	return nil
}

// documentTextProblems checks every text of docs, an article's source
// text included (at article.source), against its limit.
func documentTextProblems(docs []*Document) []db.Problem {
	var out []db.Problem
	for _, doc := range docs {
		out = append(out, textProblems(doc.Name, doc)...)
		if msg := TextProblem(doc.Text, MaxArticleText); msg != "" {
			out = append(out, db.Problem{Document: doc.Name, Path: "article.source", Message: "the source text " + msg})
		}
	}
	return out
}
