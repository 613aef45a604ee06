package edit

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/globalid"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/model"
)

// An Edit turns a mutation's input into the curated document types of
// package document: global IDs become slugs, enum names the documents'
// lowercase values. It collects every problem with the input as a user
// error with its path; the store's validator then checks the rest, exactly
// as it checks an import. One Edit serves one mutation.
type Edit struct {
	// Actor is who the edit is made on behalf of: the API token's name,
	// which the writer records in the audit log.
	Actor  string
	store  *db.Store // whose lookups (curate.EntitySlug, ...) turn IDs into slugs
	errs   []*model.UserError
	failed error // an internal error, which ends the edit
}

// New starts an edit on behalf of actor, looking up what the input's IDs
// name in store.
func New(store *db.Store, actor string) *Edit {
	return &Edit{Actor: actor, store: store}
}

func (e *Edit) problem(code, path, format string, args ...any) {
	e.errs = append(e.errs, &model.UserError{Path: path, Message: fmt.Sprintf(format, args...), Code: code})
}

// ok reports whether the input has no problem so far.
func (e *Edit) ok() bool { return len(e.errs) == 0 && e.failed == nil }

// Outcome sorts the store's answer: problems with the input become user
// errors (their paths under prefix, the input field that holds the item,
// and in the API's names), anything else is returned as an error. It
// reports whether the edit succeeded.
func (e *Edit) Outcome(err error, prefix string) (bool, error) {
	if e.failed != nil {
		return false, e.failed
	}
	if err == nil {
		return e.ok(), nil
	}
	var invalid *db.ValidationError
	if errors.As(err, &invalid) {
		for _, p := range invalid.Problems {
			// The documents' vocabularies are the API's enums, in lower case.
			msg := p.Text(strings.ToUpper)
			if p.Item != "" && p.Path == "" {
				msg = p.Item + ": " + msg
			}
			e.errs = append(e.errs, &model.UserError{Path: apiPath(prefix, p.Path), Message: msg, Code: problemCode(p.Code)})
		}
		e.errs = append(e.errs, moreProblems(invalid)...)
		return false, nil
	}
	if errs := UserErrorsOf(err); errs != nil {
		e.errs = append(e.errs, errs...)
		return false, nil
	}
	return false, err
}

func problemCode(c db.Code) string {
	switch c {
	case db.CodeNotFound:
		return "NOT_FOUND"
	case db.CodeConflict:
		return "CONFLICT"
	}
	return "INVALID"
}

// apiNames maps the curated documents' field names to the API's where they
// differ by more than case.
var apiNames = map[string]string{
	"role": "speakerRole", "affiliations": "speakerAffiliations", "base": "comparedWith",
	"completion": "scheduledCompletion",
}

var snakeWord = regexp.MustCompile(`_([a-z])`)

// apiPath turns a path relative to an item of a curated document
// ("speaker.speaks_for", "evidence[0]") into the input's path
// ("statement.speaker.speaksFor"). The input's own fields (id, version,
// slug, article, mention) keep their place at the top.
func apiPath(prefix, path string) string {
	if path == "" {
		return prefix
	}
	parts := strings.Split(path, ".")
	for i, part := range parts {
		name, index, _ := strings.Cut(part, "[")
		if i == 0 {
			if n, ok := apiNames[name]; ok {
				name = n
			}
		}
		name = snakeWord.ReplaceAllStringFunc(name, func(s string) string { return strings.ToUpper(s[1:]) })
		if index != "" {
			name += "[" + index
		}
		parts[i] = name
	}
	path = strings.Join(parts, ".")
	switch {
	case path == "id" || path == "version" || strings.HasPrefix(path, "article") || strings.HasPrefix(path, "mention"):
		return path
	case prefix == "":
		return path
	case strings.HasPrefix(path, "evidence") && prefix != "statement" && prefix != "figure":
		// An entity's evidence is its mention's.
		return "mention." + path
	}
	return prefix + "." + path
}

// ID decodes a global ID of one of types.
func (e *Edit) ID(path, gid string, types ...string) (string, int64, bool) {
	typ, id, ok := globalid.Decode(gid)
	for _, t := range types {
		if ok && t == typ {
			return typ, id, true
		}
	}
	e.problem("INVALID", path, "%q is not the ID of %s", input.Abbreviate(gid), input.OneOf(types))
	return "", 0, false
}

// slug returns the slug of the entity with global ID gid, one of types.
func (e *Edit) slug(ctx context.Context, path, gid string, types ...string) string {
	typ, id, ok := e.ID(path, gid, types...)
	if !ok || e.failed != nil {
		return ""
	}
	kind, slug, found, err := curate.EntitySlug(ctx, e.store, id)
	switch {
	case err != nil:
		e.failed = err
	case !found || !strings.EqualFold(kind, input.Kind(typ)):
		e.problem("NOT_FOUND", path, "no %s has ID %q", typ, gid)
	}
	return slug
}

// optSlug is slug for an optional reference: nil stays nil.
func (e *Edit) optSlug(ctx context.Context, path string, gid *string, types ...string) *string {
	if gid == nil {
		return nil
	}
	s := e.slug(ctx, path, *gid, types...)
	return &s
}

func (e *Edit) slugs(ctx context.Context, path string, gids []string, types ...string) []string {
	out := make([]string, len(gids))
	for i, gid := range gids {
		out[i] = e.slug(ctx, fmt.Sprintf("%s[%d]", path, i), gid, types...)
	}
	return out
}

func (e *Edit) topicSlug(ctx context.Context, path, gid string) string {
	_, id, ok := e.ID(path, gid, globalid.Topic)
	if !ok || e.failed != nil {
		return ""
	}
	slug, found, err := curate.TopicSlug(ctx, e.store, id)
	switch {
	case err != nil:
		e.failed = err
	case !found:
		e.problem("NOT_FOUND", path, "no Topic has ID %q", gid)
	}
	return slug
}

func (e *Edit) topics(ctx context.Context, path string, gids []string) []string {
	out := make([]string, len(gids))
	for i, gid := range gids {
		out[i] = e.topicSlug(ctx, fmt.Sprintf("%s[%d]", path, i), gid)
	}
	return out
}

// Article decodes the global ID of an article; the store reports one that
// does not exist.
func (e *Edit) Article(path, gid string) int64 {
	_, id, _ := e.ID(path, gid, globalid.Article)
	return id
}

// errInputProblems is what an edit's conversion returns when the input
// had problems: the store is not asked (or, inside its change callback,
// rolls back), and the edit's user errors say why.
var errInputProblems = errors.New("the input has problems")

// Problems returns why the edit cannot go on: its internal error,
// errInputProblems when the input has problems, or nil.
func (e *Edit) Problems() error {
	if e.failed != nil {
		return e.failed
	}
	if len(e.errs) > 0 {
		return errInputProblems
	}
	return nil
}

// Changed wraps an edit's conversion for the store's change callbacks: the
// conversion runs inside the store's transaction, and its problems end it.
func (e *Edit) Changed(convert func()) error {
	convert()
	return e.Problems()
}

// Target decodes the global ID of the item an update changes, of type typ;
// a malformed one is a problem with the input.
func (e *Edit) Target(gid, typ string) (int64, error) {
	_, id, _ := e.ID("id", gid, typ)
	return id, e.Problems()
}

// Settle is Outcome for an edit whose conversion may have stopped with
// errInputProblems.
func (e *Edit) Settle(err error, prefix string) (bool, error) {
	if errors.Is(err, errInputProblems) {
		return false, nil
	}
	return e.Outcome(err, prefix)
}

// UserErrors returns the edit's user errors, an empty list when none.
func (e *Edit) UserErrors() []*model.UserError {
	if e.errs == nil {
		return []*model.UserError{}
	}
	return e.errs
}

// UserErrorsOf turns the input problems of a write into user errors; nil
// when err is not about the input.
func UserErrorsOf(err error) []*model.UserError {
	var invalid *db.ValidationError
	if errors.As(err, &invalid) {
		out := make([]*model.UserError, len(invalid.Problems))
		for i, p := range invalid.Problems {
			msg := p.Text(nil)
			if p.Item != "" {
				msg = p.Item + ": " + msg
			}
			out[i] = &model.UserError{Path: p.Path, Message: msg, Code: problemCode(p.Code)}
		}
		return append(out, moreProblems(invalid)...)
	}
	switch code := db.ErrorCode(err); code {
	case db.CodeInvalid, db.CodeConflict, db.CodeNotFound:
		return []*model.UserError{{Message: db.ErrorMessage(err), Code: problemCode(code)}}
	}
	return nil
}

// moreProblems returns the user error that says how many problems a
// ValidationError found past those it lists, or none.
func moreProblems(invalid *db.ValidationError) []*model.UserError {
	if invalid.More == 0 {
		return nil
	}
	return []*model.UserError{{
		Message: fmt.Sprintf("%d more problems were found and are not listed (at most %d are); fix these and try again", invalid.More, db.MaxProblems),
		Code:    problemCode(db.CodeInvalid),
	}}
}
