package serve

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/klauspost/compress/gzhttp"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/generated"
	"github.com/newsgraph/newsgraph/graph/input"
	"github.com/newsgraph/newsgraph/graph/playground"
	"github.com/newsgraph/newsgraph/graph/reader"
	"github.com/newsgraph/newsgraph/seeds/document"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Options configures the HTTP handler.
type Options struct {
	// CORSOrigins lists the browser origins (scheme://host[:port]) allowed
	// to call the API from another origin; "*" allows any. Empty: none.
	CORSOrigins []string
	// Started reports whether the database is prepared; until it is,
	// /query answers 503 UNAVAILABLE and /readyz 503. Nil: always started.
	Started func() bool
	// Shutdown, when closed, ends open subscriptions (websockets), which
	// http.Server.Shutdown does not wait for.
	Shutdown <-chan struct{}
	// RequestTimeout bounds each GraphQL request (not subscriptions); zero
	// means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// BodyReadTimeout bounds how long a client may take to send a request
	// body, which is read before the request waits for an in-flight slot;
	// zero means DefaultBodyReadTimeout.
	BodyReadTimeout time.Duration
	// LoaderWait is how long each per-request loader gathers keys before
	// it reads them in one batch; zero means graph.DefaultLoaderWait.
	LoaderWait time.Duration
	// Limits bounds each request; zero fields take DefaultLimits' values.
	Limits Limits
	// Documents bounds each document importArticle parses; zero fields
	// take document.DefaultLimits' values.
	Documents document.Limits
	// Dev turns on what helps developers but not a public API: "Did you
	// mean ...?" suggestions in validation errors, and introspection when
	// AllowList is set.
	Dev bool
	// AllowList, when not nil, maps the SHA-256 hash (hex) of each
	// operation allowed to run to its text (see ParseAllowList); any
	// other operation is refused with 403 PERSISTED_QUERY_NOT_ALLOWED, and
	// introspection is off unless Dev is set. Nil: any operation may run,
	// and clients may register automatic persisted queries.
	AllowList map[string]string
	// Tokens are the API tokens allowed to write; with none, every
	// mutation is refused. ReadsNeedToken makes queries need one too.
	Tokens         *Tokens
	ReadsNeedToken bool
	// Broker delivers change events to subscriptions; nil: subscriptions
	// are unavailable.
	Broker *Broker
	// Metrics, when not nil, is served at /metrics and records every request.
	Metrics *Metrics
	// ResponseCache, when not nil, answers repeated queries from memory
	// until the data changes (see ResponseCache); its Run must be started
	// for it to keep anything.
	ResponseCache *ResponseCache
	// Extensions are added to the GraphQL server after newsgraph's own
	// (tracing, extra checks).
	Extensions []graphql.HandlerExtension
}

// DefaultRequestTimeout is how long one GraphQL request may take.
const DefaultRequestTimeout = 10 * time.Second

// DefaultBodyReadTimeout is how long a client may take to send a request
// body: a megabyte needs only 1.6 Mbit/s.
const DefaultBodyReadTimeout = 5 * time.Second

// NewHandler returns newsgraph's HTTP handler:
//
//	POST /query, GET /query  the GraphQL API over HTTP (GET for queries only), within opts.Limits; websocket upgrades for subscriptions
//	GET /                     the GraphiQL playground, assets embedded
//	GET /reader/              the reference reader, assets embedded
//	GET /schema.graphql       the schema as SDL, while introspection is on
//	GET /healthz              200 while the process is up
//	GET /readyz               200 when the database answers and its schema is current, else 503
//
// Responses are gzip-compressed for clients that accept it.
func NewHandler(store *db.Store, logger *slog.Logger, opts Options) http.Handler {
	limits := opts.Limits.withDefaults()
	resolver := &graph.Resolver{Store: store, Logger: logger, Documents: opts.Documents}
	if opts.Broker != nil { // a nil *Broker would be an Events that is not nil
		resolver.Broker = opts.Broker
	}
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: resolver})
	srv := newExecutor(schema, store, logger, opts, limits)

	mux := http.NewServeMux()
	timeout := opts.RequestTimeout
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	bodyTimeout := opts.BodyReadTimeout
	if bodyTimeout <= 0 {
		bodyTimeout = DefaultBodyReadTimeout
	}
	started := opts.Started
	if started == nil {
		started = func() bool { return true }
	}
	budget := &bodyBudget{max: int64(limits.BufferedBodyBytes)}
	opts.Metrics.watchBodies(budget)
	opts.Metrics.watchStandbys(store)
	// What a request to /query passes through, outermost first; each
	// layer may answer it itself: log and count it, 503 until the database
	// is prepared, authenticate, bound its time, read its consistency
	// token, read its body (before it takes a slot, so slow clients cannot
	// hold one), admit at most InFlight at once.
	api := chain(srv,
		func(h http.Handler) http.Handler { return observe(logger, opts.Metrics, h) },
		func(h http.Handler) http.Handler { return whenStarted(started, h) },
		func(h http.Handler) http.Handler { return authenticate(opts.Tokens, opts.ReadsNeedToken, h) },
		func(h http.Handler) http.Handler { return withDeadline(timeout, opts.Shutdown, opts.Metrics, h) },
		withConsistency,
		func(h http.Handler) http.Handler {
			return readBody(limits.BodyBytes, bodyTimeout, budget, opts.Metrics, h)
		},
		func(h http.Handler) http.Handler { return admit(limits.InFlight, opts.Metrics, h) },
	)
	mux.Handle("/query", api)
	if opts.Metrics != nil {
		mux.Handle("GET /metrics", opts.Metrics.Handler())
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", readyz(store, started, logger))
	mux.Handle("/reader/", http.StripPrefix("/reader", reader.Handler()))
	if opts.AllowList == nil || opts.Dev { // introspection is on: the playground needs it
		mux.Handle("GET /schema.graphql", schemaHandler(schema.Schema()))
		mux.Handle("/", playground.Handler("newsgraph", "/query"))
	}
	// What every request passes through before the routes, in order.
	return chain(mux,
		compress,
		withRequestID,
		func(h http.Handler) http.Handler { return cors(opts.CORSOrigins, h) },
	)
}

// readyz answers GET /readyz: 200 once the database is prepared and
// answers, else 503 with the reason; with standbys, each one's state and
// lag (a standby out of rotation does not make the server unready: reads
// go to the primary).
func readyz(store *db.Store, started func() bool, logger *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "application/json")
		err := store.Ready(ctx)
		if !started() {
			err = db.Errorf(db.CodeUnavailable, "the database is being prepared (created, migrated, seeded)")
		}
		answer := map[string]any{"status": "ready"}
		if err != nil {
			logger.WarnContext(ctx, "not ready", "error", err)
			answer = map[string]any{"status": "unavailable", "reason": db.ErrorMessage(err)}
		}
		if store.Router().HasStandbys() {
			type standby struct {
				Name       string  `json:"name"`
				State      string  `json:"state"`
				LagSeconds float64 `json:"lagSeconds"`
				LagBytes   int64   `json:"lagBytes"`
			}
			var standbys []standby
			for _, s := range store.Router().Standbys() {
				standbys = append(standbys, standby{s.Name, s.State, s.Lag.Seconds(), s.LagBytes})
			}
			answer["standbys"] = standbys
		}
		if err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		_ = json.NewEncoder(w).Encode(answer)
	}
}

// compress sends responses gzip-compressed to clients that accept it, once
// they pass gzhttp's minimum size (1 KiB); WebSocket upgrades pass through.
func compress(next http.Handler) http.Handler {
	return gzhttp.GzipHandler(next)
}

// chain wraps h in layers, the first outermost: a request passes through
// them in the order given, then reaches h.
func chain(h http.Handler, layers ...func(http.Handler) http.Handler) http.Handler {
	for i := len(layers) - 1; i >= 0; i-- {
		h = layers[i](h)
	}
	return h
}

// The hooks of the extensions newExecutor uses: gqlgen calls only those an
// extension implements, so one whose method lost its signature would be
// skipped without a word; these make it a compile error instead.
var (
	_ graphql.OperationParameterMutator = allowList{}
	_ graphql.OperationContextMutator   = allowList{}
	_ graphql.OperationParameterMutator = limitChecker{}
	_ graphql.OperationContextMutator   = limitChecker{}
	_ graphql.OperationContextMutator   = deliverDeferredAtOnce{}
	_ graphql.OperationInterceptor      = consistency{}
	_ graphql.OperationInterceptor      = (*ResponseCache)(nil)
	_ graphql.ResponseInterceptor       = operationRecorder{}
)

// newExecutor returns gqlgen's server for the schema with the API's
// transports, limits and extensions; NewHandler puts it behind the HTTP
// layers.
func newExecutor(schema graphql.ExecutableSchema, store *db.Store, logger *slog.Logger, opts Options, limits Limits) *handler.Server {
	srv := handler.New(schema)
	srv.AddTransport(websocketTransport{transport.Websocket{
		KeepAlivePingInterval: 10 * time.Second,
		InitFunc:              websocketInit(opts.Tokens, opts.ReadsNeedToken),
		Implementation: checkedWebsocket{transport.CoderWebsocketImplementation{AcceptOptions: websocket.AcceptOptions{
			// Same-origin upgrades are always accepted; these add the CORS origins.
			OriginPatterns:     originHosts(opts.CORSOrigins),
			InsecureSkipVerify: slices.Contains(opts.CORSOrigins, "*"),
		}}, opts.CORSOrigins},
	}})
	srv.AddTransport(httpTransport{maxBodyBytes: limits.BodyBytes})
	srv.AddTransport(transport.Options{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetDisableSuggestion(!opts.Dev)
	srv.SetValidationRulesFn(validationRules(opts.Dev, limits.Errors))
	// Extensions run in this order: the persisted query's text first, then
	// the limits on it. A websocket's subscriptions are counted last, and
	// given back outermost (subscriptions.go).
	srv.Use(subscriptionEnd{})
	if opts.AllowList != nil {
		srv.Use(allowList{queries: opts.AllowList, dev: opts.Dev})
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	}
	srv.Use(newLimitChecker(limits))
	srv.Use(input.ArgumentChecks{})
	srv.Use(deliverDeferredAtOnce{})
	// Routes the reads (before the cache, which needs to know where they
	// went) and hands out consistency tokens.
	srv.Use(consistency{store: store, broker: opts.Broker})
	if opts.ResponseCache != nil {
		// Looked up after the limits: a cached query still has to be one
		// the server would run.
		srv.Use(opts.ResponseCache)
		if opts.Broker != nil {
			opts.Broker.BeforeDelivery(opts.ResponseCache.Invalidate)
		}
	}
	introspection := opts.AllowList == nil || opts.Dev
	if introspection {
		srv.Use(extension.Introspection{})
	}
	wait := opts.LoaderWait
	if wait <= 0 {
		wait = graph.DefaultLoaderWait
	}
	// Fresh loaders for every response: a query's, and each event of a
	// subscription, so a long-lived subscription never serves stale rows.
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		return next(graph.WithLoaders(ctx, store, wait, opts.Metrics))
	})
	srv.Use(operationRecorder{})
	for _, ext := range opts.Extensions {
		srv.Use(ext)
	}
	srv.Use(subscriptionLimit{})
	srv.SetErrorPresenter(presentError(logger))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "resolver panic", "request_id", graph.RequestID(ctx), "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return errPanic
	})
	return srv
}

// anySchema is embedded in this package's gqlgen extensions: it gives
// them the Validate method of graphql.HandlerExtension, as each works with
// any schema.
type anySchema struct{}

// Validate accepts any schema.
func (anySchema) Validate(graphql.ExecutableSchema) error { return nil }

// whenStarted answers 503 UNAVAILABLE until the database is prepared.
func whenStarted(started func() bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !started() {
			w.Header().Set("Retry-After", "2")
			writeError(w, r, http.StatusServiceUnavailable, codeUnavailable, "the database is not available yet; retry shortly")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// writeError answers a request the API refuses before GraphQL sees it
// with one GraphQL error.
func writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	w.Header().Set("Content-Type", negotiate(r.Header.Get("Accept")))
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]any{{
		"message": msg, "extensions": map[string]any{"code": code},
	}}})
}

// withDeadline bounds each request by timeout; a websocket (a subscription)
// instead lives until the client leaves or shutdown closes.
func withDeadline(timeout time.Duration, shutdown <-chan struct{}, m *Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ctx context.Context
		var cancel context.CancelFunc
		if isWebsocket(r) {
			// The server's read and write timeouts are for requests; a
			// subscription's connection stays open (keep-alive pings).
			rc := http.NewResponseController(w)
			_ = rc.SetReadDeadline(time.Time{})
			_ = rc.SetWriteDeadline(time.Time{})
			ctx, cancel = context.WithCancel(r.Context())
			if m != nil {
				m.subscriptions.Inc()
				defer m.subscriptions.Dec()
			}
			if shutdown != nil {
				go func() {
					select {
					case <-shutdown:
						cancel()
					case <-ctx.Done():
					}
				}()
			}
		} else {
			ctx, cancel = context.WithTimeout(r.Context(), timeout)
		}
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// readBody reads a request's body into memory, before the request takes
// an in-flight slot (admit), so a client that sends its body slowly holds
// no slot while it does: at most maxBytes+1 bytes (the transport refuses
// more, and a declared length over maxBytes before anything is read),
// within timeout, or the request is answered 408 TIMEOUT. The memory
// that holds the body is reserved from budget as the body arrives and
// returned when the request ends; a body that would take more than is
// left is answered at once with 503 UNAVAILABLE.
func readBody(maxBytes int, timeout time.Duration, budget *bodyBudget, m *Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || isWebsocket(r) || r.ContentLength > int64(maxBytes) {
			next.ServeHTTP(w, r)
			return
		}
		limit := maxBytes + 1
		if r.ContentLength >= 0 {
			limit = int(r.ContentLength)
		}
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Now().Add(timeout)) // not supported by test recorders
		body, err := budget.read(r.Body, limit)
		defer budget.release(cap(body))
		if errors.Is(err, errBudgetSpent) {
			// The rest of the body is not read: close the connection
			// rather than read it.
			m.rejectedBy(limitBufferedBodyBytes)
			w.Header().Set("Connection", "close")
			w.Header().Set("Retry-After", "1")
			writeError(w, r, http.StatusServiceUnavailable, codeUnavailable,
				fmt.Sprintf("the server is busy: request bodies already take the %d bytes of memory it holds them in; retry shortly", budget.max))
			return
		}
		// No deadline while the request runs: net/http's read that
		// watches for the client going away would fail at it and cancel
		// the request.
		_ = rc.SetReadDeadline(time.Time{})
		if netErr := net.Error(nil); errors.As(err, &netErr) && netErr.Timeout() {
			w.Header().Set("Connection", "close")
			writeError(w, r, http.StatusRequestTimeout, codeTimeout,
				fmt.Sprintf("the request body was not received within %v", timeout))
			return
		}
		if err != nil {
			writeError(w, r, http.StatusBadRequest, codeBadRequest, "the request body could not be read")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// limitBufferedBodyBytes is the limit newsgraph_graphql_rejected_total
// names for a body refused because request bodies take the memory for
// them (Limits.BufferedBodyBytes).
const limitBufferedBodyBytes = "BUFFERED_BODY_BYTES"

// errBudgetSpent is a body that would take more memory than the budget
// has left.
var errBudgetSpent = errors.New("the memory for request bodies is spent")

// bodyBudget is the memory all requests' bodies may take at once.
type bodyBudget struct {
	max  int64
	used atomic.Int64
}

// bodyChunk is the first buffer a body is read into; each larger one
// doubles it, as io.ReadAll's does.
const bodyChunk = 512

// read reads r to its end, or to limit bytes, into a buffer whose every
// growth it reserves from b first, so a body that arrives slowly holds
// about what has arrived. The caller releases cap(body) when done with
// it, whatever the error; errBudgetSpent when a growth would take more
// than b has left.
func (b *bodyBudget) read(r io.Reader, limit int) (body []byte, err error) {
	for {
		if len(body) == cap(body) {
			if len(body) >= limit {
				return body, nil
			}
			grow := min(max(cap(body), bodyChunk), limit-cap(body))
			if !b.reserve(grow) {
				return body, errBudgetSpent
			}
			body = append(make([]byte, 0, cap(body)+grow), body...)
		}
		n, err := r.Read(body[len(body):cap(body)])
		body = body[:len(body)+n]
		if err == io.EOF {
			return body, nil
		}
		if err != nil {
			return body, err
		}
	}
}

// reserve takes n bytes from b, unless fewer are left.
func (b *bodyBudget) reserve(n int) bool {
	for {
		used := b.used.Load()
		if used+int64(n) > b.max {
			return false
		}
		if b.used.CompareAndSwap(used, used+int64(n)) {
			return true
		}
	}
}

// release returns n bytes to b.
func (b *bodyBudget) release(n int) {
	b.used.Add(-int64(n))
}

// admit runs at most n requests at once; the others wait for a slot, in
// arrival order (a channel's blocked senders are served first in, first
// out), until their deadline, and then get 503 UNAVAILABLE (or until
// their client goes away: CLIENT_CLOSED_REQUEST). Websockets
// (subscriptions) live long and mostly idle, so they take no slot.
func admit(n int, m *Metrics, next http.Handler) http.Handler {
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isWebsocket(r) {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
		default:
			m.waiting(1)
			select {
			case slots <- struct{}{}:
				m.waiting(-1)
			case <-r.Context().Done():
				m.waiting(-1)
				if errors.Is(r.Context().Err(), context.Canceled) { // the client went away
					if rec := record(r.Context()); rec != nil {
						rec.addCode(codeClientClosedRequest)
					}
					return
				}
				m.turnedAway()
				w.Header().Set("Retry-After", "1")
				writeError(w, r, http.StatusServiceUnavailable, codeUnavailable,
					fmt.Sprintf("the server is busy: %d requests are running and the request's time limit passed while it waited for one of them to end; retry shortly", n))
				return
			}
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

// errPanic is what a client sees of a resolver panic.
var errPanic = errors.New("resolver panic")

// Extension codes of the errors the API returns. gqlgen adds
// GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED and
// PERSISTED_QUERY_NOT_FOUND.
const (
	codeBadUserInput = "BAD_USER_INPUT"
	codeNotFound     = "NOT_FOUND"
	codeConflict     = "CONFLICT"
	codeTimeout      = "TIMEOUT"
	codeUnavailable  = "UNAVAILABLE"
	codeInternal     = "INTERNAL"
	// codeClientClosedRequest is a request the client went away from
	// before it was answered (nginx's 499): nobody reads it, and it is no
	// error of the server.
	codeClientClosedRequest = "CLIENT_CLOSED_REQUEST"

	// Requests refused before they run (protocol.go, limits.go, persisted.go).
	codeBadRequest                 = "BAD_REQUEST"
	codeBatchingNotSupported       = "BATCHING_NOT_SUPPORTED"
	codeRequestTooLarge            = "REQUEST_TOO_LARGE"
	codeUnsupportedMediaType       = "UNSUPPORTED_MEDIA_TYPE"
	codeMethodNotAllowed           = "METHOD_NOT_ALLOWED"
	codeSubscriptionNeedsWebsocket = "SUBSCRIPTION_NEEDS_WEBSOCKET"
	codeOperationNotFound          = "OPERATION_NOT_FOUND"
	codeTooManyTokens              = "TOO_MANY_TOKENS"
	codeQueryTooDeep               = "QUERY_TOO_DEEP"
	codeTooManyAliases             = "TOO_MANY_ALIASES"
	codeTooManyRepeatedFields      = "TOO_MANY_REPEATED_FIELDS"
	codeTooManyDirectives          = "TOO_MANY_DIRECTIVES"
	codeQueryTooComplex            = "QUERY_TOO_COMPLEX"
	codePersistedQueryNotAllowed   = "PERSISTED_QUERY_NOT_ALLOWED"
)

// codes maps domain error codes to the API's extension codes.
var codes = map[db.Code]string{
	db.CodeInvalid: codeBadUserInput, db.CodeNotFound: codeNotFound, db.CodeConflict: codeConflict,
	db.CodeTimeout: codeTimeout, db.CodeUnavailable: codeUnavailable, db.CodeInternal: codeInternal,
}

// presentError gives every error a stable extensions.code. Errors the
// client made keep their message; the client going away is
// CLIENT_CLOSED_REQUEST, logged at info; anything else is logged with the
// request id and path and reaches the client as "internal server error".
func presentError(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Extensions["code"] != nil && gqlErr.Err == nil {
			return gqlErr // parse and validation errors from gqlgen
		}
		out := graphql.DefaultErrorPresenter(ctx, err)
		var domain *db.Error
		var invalid *db.ValidationError
		var auth *graph.AuthError
		switch {
		case errors.As(err, &auth):
			out.Message = auth.Error()
			out.Extensions = map[string]any{"code": codeUnauthenticated}
		case errors.As(err, &invalid):
			out.Message = invalid.Error()
			out.Extensions = map[string]any{"code": codeBadUserInput}
		case clientGone(ctx, err):
			logger.InfoContext(ctx, "client closed the request", "request_id", graph.RequestID(ctx), "error", err.Error())
			out.Message = "the client closed the request"
			out.Extensions = map[string]any{"code": codeClientClosedRequest, "requestId": graph.RequestID(ctx)}
		case errors.As(err, &domain) && domain.Code != db.CodeInternal:
			out.Message = domain.Message
			out.Extensions = map[string]any{"code": codes[domain.Code]}
		case db.ErrorCode(err) == db.CodeTimeout || db.ErrorCode(err) == db.CodeUnavailable:
			code := db.ErrorCode(err)
			logger.WarnContext(ctx, string(code), "request_id", graph.RequestID(ctx), "error", err.Error())
			out.Message = db.ErrorMessage(err)
			out.Extensions = map[string]any{"code": codes[code], "requestId": graph.RequestID(ctx)}
		default:
			id := graph.RequestID(ctx)
			path := ""
			if fc := graphql.GetFieldContext(ctx); fc != nil {
				path = fc.Path().String()
			}
			if !errors.Is(err, errPanic) {
				logger.ErrorContext(ctx, "internal error", "request_id", id, "path", path, "error", err.Error())
			}
			out.Message = "internal server error"
			out.Extensions = map[string]any{"code": codeInternal, "requestId": id}
		}
		return out
	}
}

// clientGone reports whether err comes of the client going away: the
// request's context was canceled (its deadline passing is TIMEOUT), and
// err is that cancellation as a resolver or PostgreSQL reported it (a
// canceled statement reads as a timeout, a connection cut short as
// unavailable).
func clientGone(ctx context.Context, err error) bool {
	if !errors.Is(ctx.Err(), context.Canceled) {
		return false
	}
	code := db.ErrorCode(err)
	return errors.Is(err, context.Canceled) || code == db.CodeTimeout || code == db.CodeUnavailable
}

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// withRequestID tags each request with an id (the caller's X-Request-ID if
// it is sane, else a new one) and echoes it in the response.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !requestIDPattern.MatchString(id) {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(graph.WithRequestID(r.Context(), id)))
	})
}

// originAllowed reports whether a browser request's Origin may use the API:
// same-origin requests and requests without Origin always may.
func originAllowed(r *http.Request, allowed []string) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || strings.TrimPrefix(strings.TrimPrefix(origin, "http://"), "https://") == r.Host {
		return true
	}
	return slices.Contains(allowed, "*") || slices.Contains(allowed, origin)
}

// originHosts returns the host[:port] of each origin, as the websocket
// origin check wants them.
func originHosts(origins []string) []string {
	var hosts []string
	for _, o := range origins {
		if h := strings.TrimPrefix(strings.TrimPrefix(o, "https://"), "http://"); h != "*" {
			hosts = append(hosts, h)
		}
	}
	return hosts
}

// cors answers preflight requests and adds CORS headers for the allowed
// origins. When origins are allowed, every answer varies by Origin, also
// one to an origin refused or to none, so that a shared cache keeps them
// apart.
func cors(allowed []string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if len(allowed) > 0 {
			w.Header().Add("Vary", "Origin")
		}
		if origin != "" && len(allowed) > 0 && originAllowed(r, allowed) {
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Expose-Headers", "X-Request-ID, "+ConsistencyHeader)
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-ID, "+ConsistencyHeader)
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
