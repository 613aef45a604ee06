package document

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/db"
)

// textLimits maps each string field of the documents, by its name in the
// documents, to its limit; "Type.name" overrides the name's entry for one
// type. Every string field has an entry (a test checks).
var textLimits = map[string]int{
	// Slugs, keys and references.
	"slug": db.MaxSlug, "key": db.MaxSlug, "parent": db.MaxSlug, "country": db.MaxSlug, "person": db.MaxSlug,
	"organization": db.MaxSlug, "place": db.MaxSlug, "venue": db.MaxSlug, "builder": db.MaxSlug, "entity": db.MaxSlug,
	"event": db.MaxSlug, "subject": db.MaxSlug, "statement": db.MaxSlug, "speaks_for": db.MaxSlug, "topics": db.MaxSlug,
	"places": db.MaxSlug, "projects": db.MaxSlug, "mentions": db.MaxSlug, "affiliations": db.MaxSlug,
	// Short texts.
	"name": db.MaxShortText, "short_name": db.MaxShortText, "label": db.MaxShortText, "title": db.MaxShortText,
	"honorifics": db.MaxShortText, "role": db.MaxShortText, "metric": db.MaxShortText, "display": db.MaxShortText,
	"source": db.MaxShortText, "language": db.MaxShortText, "kind": db.MaxShortText, "status": db.MaxShortText,
	"verb": db.MaxShortText, "mode": db.MaxShortText, "unit": db.MaxShortText, "currency": db.MaxShortText,
	"value": db.MaxShortText, "inferred": db.MaxShortText,
	"DateDoc.text": db.MaxShortText, // a date's wording; "text" alone is evidence
	// Long texts.
	"content": db.MaxLongText, "summary": db.MaxLongText, "note": db.MaxLongText, "description": db.MaxLongText,
	"participant_description": db.MaxLongText, "lede": db.MaxLongText, "basis": db.MaxLongText, "text": db.MaxLongText,
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
		if msg := db.TextProblem(x.String(), limit); msg != "" {
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
		if msg := db.TextProblem(doc.Text, db.MaxArticleText); msg != "" {
			out = append(out, db.Problem{Document: doc.Name, Path: "article.source", Message: "the source text " + msg})
		}
	}
	return out
}
