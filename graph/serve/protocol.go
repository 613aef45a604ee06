package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The media types of GraphQL responses.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// httpTransport serves queries and mutations over plain HTTP as the
// GraphQL-over-HTTP specification describes: GET (queries only) or POST
// with a JSON body, one operation per request, the response in
// application/graphql-response+json when the client prefers it and in
// application/json otherwise. It reads and checks each request itself,
// so gqlgen never sees a malformed one, and no error repeats the body.
//
// A request that executes gets 200, whatever errors its fields raise. A
// request the API refuses (malformed, unparsable, invalid, over a limit,
// not allowed) gets errors and no data, with a 4xx status
// (refusalStatus; 400 by default), as the specification asks with
// application/graphql-response+json. With application/json it recommends
// 200 for a well-formed request whose document cannot run (it does not
// parse, is invalid, names no operation, its variables do not coerce, or
// it is over a limit on documents: documentErrors), which is what this
// transport answers; the request itself being wrong (not JSON, too large,
// the wrong media type or method, not allowed) is 4xx in both.
type httpTransport struct {
	maxBodyBytes int
}

var _ graphql.Transport = httpTransport{}

// Supports takes every request but websocket upgrades and OPTIONS (CORS
// preflights and transport.Options answer those), so that an unsupported
// method or content type gets a GraphQL error that says so.
func (httpTransport) Supports(r *http.Request) bool {
	return !isWebsocket(r) && r.Method != http.MethodOptions
}

// Do serves one request.
func (t httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	w.Header().Set("Content-Type", negotiate(r.Header.Get("Accept")))
	w.Header().Add("Vary", "Accept")
	start := graphql.Now()
	params, err := t.readParams(w, r)
	if err != nil {
		writeRefusal(ctx, w, &graphql.Response{Errors: gqlerror.List{err}})
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	ctx = context.WithValue(ctx, httpMethodKey{}, r.Method)
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		if errs[0].Extensions["code"] == codeMethodNotAllowed {
			w.Header().Set("Allow", http.MethodPost)
		}
		writeRefusal(ctx, w, exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), withCodes(errs)))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	res := responses(ctx)
	if dataOnly(res) {
		writeData(w, res.Data)
		return
	}
	writeResponse(w, http.StatusOK, res)
}

// dataOnly reports whether a response is its data alone, in bytes that
// encoding/json would write unchanged: no errors, extensions or incremental
// delivery fields, and no character it escapes in strings (<, >, & and the
// line and paragraph separators; gqlgen escapes the rest). Most responses
// are; writing them directly saves re-encoding the data (a front page's
// 40 KB were checked, compacted and copied once more).
func dataOnly(res *graphql.Response) bool {
	return res != nil && len(res.Data) > 0 && len(res.Errors) == 0 && len(res.Extensions) == 0 &&
		res.Label == "" && res.Path == nil && res.HasNext == nil && !reescaped(res.Data)
}

// reescaped reports whether data holds a character encoding/json escapes
// that gqlgen does not: <, > or &, or a line or paragraph separator
// (U+2028, U+2029: E2 80 A8, E2 80 A9). One bytes.IndexByte pass a
// character: bytes.ContainsAny with a set that is not all ASCII decodes
// every rune, about 3.5 ns a byte (0.16 ms of a 44 KB front page's
// server CPU; BenchmarkDataOnly).
func reescaped(data []byte) bool {
	if bytes.IndexByte(data, '<') >= 0 || bytes.IndexByte(data, '>') >= 0 || bytes.IndexByte(data, '&') >= 0 {
		return true
	}
	for rest := data; ; {
		i := bytes.IndexByte(rest, 0xe2)
		if i < 0 || i+2 >= len(rest) {
			return false
		}
		if rest[i+1] == 0x80 && (rest[i+2] == 0xa8 || rest[i+2] == 0xa9) {
			return true
		}
		rest = rest[i+1:]
	}
}

// writeData writes a response of data alone with status 200: what
// writeResponse writes for it.
func writeData(w http.ResponseWriter, data []byte) {
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(`{"data":`))
	_, _ = w.Write(data)
	_, _ = w.Write([]byte(`}`))
}

type httpMethodKey struct{}

// operation is what checkOperation reads of an operation of a document:
// its name and kind.
type operation struct {
	name string
	kind ast.Operation
}

// operationsOf lists the operations of doc.
func operationsOf(doc *ast.QueryDocument) []operation {
	ops := make([]operation, len(doc.Operations))
	for i, o := range doc.Operations {
		ops[i] = operation{o.Name, o.Operation}
	}
	return ops
}

// checkOperation refuses a parsed document whose operationName selects no
// operation, or, on plain HTTP, an operation the request's method cannot
// carry: GET runs queries only (405, Allow: POST), and subscriptions run
// over a websocket (graphql-transport-ws) only, as a plain response could
// carry one event at most. It runs before validation, so these errors do
// not depend on what the schema offers.
func checkOperation(ctx context.Context, ops []operation, name string) *gqlerror.Error {
	var op operation
	switch {
	case len(ops) == 0:
		return nil // gqlgen says "no operation provided"
	case name != "":
		i := slices.IndexFunc(ops, func(o operation) bool { return o.name == name })
		if i < 0 {
			return requestErrorf(codeOperationNotFound, "unknown operation %q: operationName names no operation in the document", input.Abbreviate(name))
		}
		op = ops[i]
	case len(ops) > 1:
		return requestErrorf(codeOperationNotFound, "the document has %d operations; name the one to run in operationName", len(ops))
	default:
		op = ops[0]
	}
	method, _ := ctx.Value(httpMethodKey{}).(string)
	switch {
	case method == "" || op.kind == ast.Query:
		return nil
	case method == http.MethodGet:
		return requestErrorf(codeMethodNotAllowed, "GET runs queries only; send the %s with POST", op.kind)
	case op.kind == ast.Subscription:
		return requestErrorf(codeSubscriptionNeedsWebsocket, "subscriptions need a websocket (graphql-transport-ws)")
	}
	return nil
}

// readParams returns a request's GraphQL parameters, or the error that
// refuses it.
func (t httpTransport) readParams(w http.ResponseWriter, r *http.Request) (*graphql.RawParams, *gqlerror.Error) {
	switch r.Method {
	case http.MethodGet:
		return paramsFromURL(r.URL)
	case http.MethodPost:
		body, err := t.readBody(w, r)
		if err != nil {
			return nil, err
		}
		return paramsFromBody(body)
	}
	w.Header().Set("Allow", "GET, POST, OPTIONS")
	return nil, requestErrorf(codeMethodNotAllowed, "the API answers GET and POST requests only")
}

// readBody reads a POST body of at most maxBodyBytes, which must be JSON
// in UTF-8.
func (t httpTransport) readBody(w http.ResponseWriter, r *http.Request) ([]byte, *gqlerror.Error) {
	media, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || media != mediaJSON {
		return nil, requestErrorf(codeUnsupportedMediaType, "a POST body must be %s (set Content-Type)", mediaJSON)
	}
	if charset, ok := params["charset"]; ok && !strings.EqualFold(charset, "utf-8") {
		return nil, requestErrorf(codeUnsupportedMediaType, "a POST body must be UTF-8 (charset=utf-8)")
	}
	if enc := r.Header.Get("Content-Encoding"); enc != "" && !strings.EqualFold(enc, "identity") {
		return nil, requestErrorf(codeUnsupportedMediaType, "a POST body must not be compressed (Content-Encoding: %s)", clipHeader(enc))
	}
	if r.ContentLength > int64(t.maxBodyBytes) {
		return nil, overLimit(codeRequestTooLarge, "request body size in bytes", int(r.ContentLength), t.maxBodyBytes)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, int64(t.maxBodyBytes)))
	if tooLarge := (*http.MaxBytesError)(nil); errors.As(err, &tooLarge) {
		return nil, requestErrorf(codeRequestTooLarge, "request body size in bytes exceeds the limit of %d", t.maxBodyBytes)
	}
	if err != nil {
		return nil, requestErrorf(codeBadRequest, "the request body could not be read")
	}
	return body, nil
}

// clipHeader is a header's value cut to 40 bytes, for a message.
func clipHeader(v string) string {
	if len(v) > 40 {
		return strings.ToValidUTF8(v[:40], "") + "…"
	}
	return v
}

// paramsFromBody decodes a POST body: a JSON object with query (a string,
// unless extensions names a persisted query), and optionally operationName
// (a string), variables and extensions (objects).
func paramsFromBody(body []byte) (*graphql.RawParams, *gqlerror.Error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, requestErrorf(codeBadRequest, "the request body is empty; send a JSON object with a query")
	}
	if trimmed[0] == '[' {
		return nil, requestErrorf(codeBatchingNotSupported, "batched requests (a JSON array) are not supported; send one operation per request")
	}
	var fields map[string]any
	err := decodeJSON(body, &fields)
	switch typeErr := (*json.UnmarshalTypeError)(nil); {
	case errors.Is(err, errNotUTF8):
		return nil, requestErrorf(codeUnsupportedMediaType, "a POST body must be UTF-8; this one has bytes that are not")
	case errors.Is(err, errTooDeep), errors.Is(err, errSurrogate):
		return nil, requestErrorf(codeBadRequest, "the request body %v", err)
	case errors.As(err, &typeErr) || err == nil && fields == nil:
		return nil, requestErrorf(codeBadRequest, "the request body must be a JSON object")
	case err != nil:
		return nil, requestErrorf(codeBadRequest, "the request body is not valid JSON")
	}
	return newParams(fields["query"], fields["operationName"], fields["variables"], fields["extensions"])
}

// paramsFromURL decodes a GET request's URL parameters: query,
// operationName, and variables and extensions as JSON objects.
func paramsFromURL(u *url.URL) (*graphql.RawParams, *gqlerror.Error) {
	values, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, requestErrorf(codeBadRequest, "the URL's query string is malformed")
	}
	variables, gqlErr := jsonParam(values, "variables")
	if gqlErr != nil {
		return nil, gqlErr
	}
	extensions, gqlErr := jsonParam(values, "extensions")
	if gqlErr != nil {
		return nil, gqlErr
	}
	return newParams(values.Get("query"), values.Get("operationName"), variables, extensions)
}

// jsonParam decodes the URL parameter name, a JSON object; nil if absent.
func jsonParam(values url.Values, name string) (any, *gqlerror.Error) {
	var v any
	raw := values.Get(name)
	if raw == "" {
		return nil, nil
	}
	switch err := decodeJSON([]byte(raw), &v); {
	case errors.Is(err, errTooDeep), errors.Is(err, errSurrogate), errors.Is(err, errNotUTF8):
		return nil, requestErrorf(codeBadRequest, "%s %v", name, err)
	case err != nil:
		return nil, requestErrorf(codeBadRequest, "%s must be a JSON object", name)
	}
	return v, nil
}

// decodeJSON decodes one JSON value into v, numbers as json.Number as
// gqlgen expects, after checkJSON.
func decodeJSON(data []byte, v any) error {
	if err := checkJSON(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errTrailingData
	}
	return nil
}

// errTrailingData is what decodeJSON says of data after the value.
var errTrailingData = errors.New("data after the JSON value")

// maxJSONDepth is how deeply a request's JSON may nest its objects and
// arrays. The deepest input the schema takes, a filter of 5 levels of
// and, or and not inside a request's variables, nests 14; a value nested
// thousands of levels deep cost the decoding and gqlgen's coercion of the
// variables more than a second and hundreds of megabytes before a limit
// of the schema's refused it.
const maxJSONDepth = 32

// What checkJSON says of JSON it refuses.
var (
	errTooDeep   = fmt.Errorf("nests objects and arrays more than %d levels deep", maxJSONDepth)
	errSurrogate = errors.New(`holds a lone UTF-16 surrogate (such as "\ud800"), which is not a character`)
	errNotUTF8   = errors.New("is not UTF-8")
)

// checkJSON refuses, in one pass before data is decoded, JSON that is not
// UTF-8, that nests deeper than maxJSONDepth, or whose strings escape a
// lone UTF-16 surrogate: encoding/json would decode it, and the last two
// as U+FFFD, a character the request did not send. What else is wrong
// with data is for the decoder to say.
func checkJSON(data []byte) error {
	if !utf8.Valid(data) {
		return errNotUTF8
	}
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{', '[':
			if depth++; depth > maxJSONDepth {
				return errTooDeep
			}
		case '}', ']':
			depth--
		case '"':
			var err error
			if i, err = skipString(data, i+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipString returns the index of the quote that ends the string whose
// text starts at data[i] (len(data) if none does), or errSurrogate if the
// string escapes a lone UTF-16 surrogate. JSON strings and GraphQL's
// (not block strings) escape alike.
func skipString(data []byte, i int) (int, error) {
	for ; i < len(data) && data[i] != '"'; i++ {
		if data[i] != '\\' {
			continue
		}
		if i++; i+4 >= len(data) || data[i] != 'u' {
			continue
		}
		switch r := hex4(data[i+1 : i+5]); {
		case 0xD800 <= r && r < 0xDC00: // must be followed by a low surrogate
			i += 4
			if i+6 >= len(data) || data[i+1] != '\\' || data[i+2] != 'u' {
				return i, errSurrogate
			}
			if low := hex4(data[i+3 : i+7]); low < 0xDC00 || low >= 0xE000 {
				return i, errSurrogate
			}
			i += 6
		case 0xDC00 <= r && r < 0xE000:
			return i, errSurrogate
		}
	}
	return i, nil
}

// checkQueryStrings returns errSurrogate if a string of the GraphQL
// document q escapes a lone UTF-16 surrogate, which gqlparser would read
// as U+FFFD, a character the request did not send. Comments and block
// strings, which escape nothing, are skipped.
func checkQueryStrings(q string) error {
	if !strings.Contains(q, `\u`) {
		return nil
	}
	data := []byte(q)
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '#':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case bytes.HasPrefix(data[i:], []byte(`"""`)):
			for i += 3; i < len(data) && !bytes.HasPrefix(data[i:], []byte(`"""`)); i++ {
				if bytes.HasPrefix(data[i:], []byte(`\"""`)) {
					i += 3
				}
			}
			i += 2
		case data[i] == '"':
			var err error
			if i, err = skipString(data, i+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// hex4 is the value of four hexadecimal digits, -1 if they are not.
func hex4(b []byte) int {
	n, err := strconv.ParseUint(string(b), 16, 16)
	if err != nil {
		return -1
	}
	return int(n)
}

// newParams checks the types of a request's parameters, as decoded from
// JSON (nil where absent or null), and that it has a query: as text, or as
// a persisted query's hash.
func newParams(query, operationName, variables, extensions any) (*graphql.RawParams, *gqlerror.Error) {
	p := &graphql.RawParams{}
	var ok bool
	if p.Query, ok = optional[string](query); !ok {
		return nil, requestErrorf(codeBadRequest, "query must be a string")
	}
	if p.OperationName, ok = optional[string](operationName); !ok {
		return nil, requestErrorf(codeBadRequest, "operationName must be a string")
	}
	if p.Variables, ok = optional[map[string]any](variables); !ok {
		return nil, requestErrorf(codeBadRequest, "variables must be a JSON object")
	}
	if p.Extensions, ok = optional[map[string]any](extensions); !ok {
		return nil, requestErrorf(codeBadRequest, "extensions must be a JSON object")
	}
	if p.Query == "" && p.Extensions["persistedQuery"] == nil {
		return nil, requestErrorf(codeBadRequest, "the request has no query")
	}
	return p, nil
}

// optional returns v as a T, or T's zero value when v is nil; ok is false
// when v is neither.
func optional[T any](v any) (t T, ok bool) {
	if v == nil {
		return t, true
	}
	t, ok = v.(T)
	return t, ok
}

// withCodes gives every error a code: gqlgen's APQ extension leaves its
// own without one, and they are malformed requests.
func withCodes(errs gqlerror.List) gqlerror.List {
	for _, err := range errs {
		if err.Extensions["code"] == nil {
			if err.Extensions == nil {
				err.Extensions = map[string]any{}
			}
			err.Extensions["code"] = codeBadRequest
		}
	}
	return errs
}

// refusalStatus is the HTTP status of a refused request by its first
// error's code, where it is not 400.
var refusalStatus = map[string]int{
	codeRequestTooLarge:          http.StatusRequestEntityTooLarge,
	codeUnsupportedMediaType:     http.StatusUnsupportedMediaType,
	codeMethodNotAllowed:         http.StatusMethodNotAllowed,
	codePersistedQueryNotAllowed: http.StatusForbidden,
}

// documentErrors are the codes of refusals of a well-formed request whose
// GraphQL document cannot run, which the specification recommends to
// answer with 200 in application/json: gqlgen's parse and validation
// errors (variable coercion included), an operation that cannot be
// determined, an unknown persisted query, and the limits on documents.
var documentErrors = map[string]bool{
	"GRAPHQL_PARSE_FAILED": true, "GRAPHQL_VALIDATION_FAILED": true, codeOperationNotFound: true,
	"PERSISTED_QUERY_NOT_FOUND": true, codeTooManyTokens: true, codeQueryTooDeep: true, codeTooManyAliases: true,
	codeTooManyRepeatedFields: true, codeTooManyDirectives: true, codeQueryTooComplex: true,
}

// writeRefusal answers a request the API does not execute: errors, no data.
// It notes the errors' codes on the request's record (logs and metrics).
// The status is the first error's refusalStatus, or 200 for a
// documentErrors code in application/json.
func writeRefusal(ctx context.Context, w http.ResponseWriter, res *graphql.Response) {
	if rec := record(ctx); rec != nil {
		for _, e := range res.Errors {
			if c, ok := e.Extensions["code"].(string); ok {
				rec.addCode(c)
			}
		}
	}
	code, _ := res.Errors[0].Extensions["code"].(string)
	status, ok := refusalStatus[code]
	switch {
	case documentErrors[code] && w.Header().Get("Content-Type") == mediaJSON:
		status = http.StatusOK
	case !ok:
		status = http.StatusBadRequest
	}
	writeResponse(w, status, struct {
		Errors     gqlerror.List  `json:"errors"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{res.Errors, res.Extensions})
}

// writeResponse writes v as the response body with status.
func writeResponse(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// handler.Server recovers and answers 500 INTERNAL.
		panic(fmt.Errorf("encode response: %w", err))
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// requestErrorf returns an error that refuses a request, with its code.
func requestErrorf(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": code}
	return err
}

// negotiate picks the response's media type from an Accept header:
// application/graphql-response+json when the client prefers it (a higher
// q; at equal q, a more specific media range, or the same specificity but
// listed first), else application/json, also when Accept is absent or
// names neither.
func negotiate(accept string) string {
	var graphQLResponse, plain acceptance
	for i, part := range strings.Split(accept, ",") {
		mediaRange, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(s, 64); err != nil {
				continue
			}
		}
		graphQLResponse.match(mediaRange, mediaGraphQLResponse, q, i)
		plain.match(mediaRange, mediaJSON, q, i)
	}
	if graphQLResponse.q > 0 && graphQLResponse.preferredTo(plain) {
		return mediaGraphQLResponse
	}
	return mediaJSON
}

// acceptance is how much an Accept header wants one media type: the q of
// the most specific media range that matches it.
type acceptance struct {
	q           float64
	specificity int // 0 unmatched, 1 */*, 2 application/*, 3 the type itself
	position    int // the media range's index in the header
}

func (a *acceptance) match(mediaRange, media string, q float64, position int) {
	specificity := 0
	switch mediaRange {
	case "*/*":
		specificity = 1
	case "application/*":
		specificity = 2
	case media:
		specificity = 3
	}
	if specificity > a.specificity {
		*a = acceptance{q: q, specificity: specificity, position: position}
	}
}

func (a acceptance) preferredTo(b acceptance) bool {
	switch {
	case a.q != b.q:
		return a.q > b.q
	case a.specificity != b.specificity:
		return a.specificity > b.specificity
	}
	return a.position < b.position
}
