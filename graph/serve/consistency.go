package serve

import (
	"context"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/vektah/gqlparser/v2/ast"
)

// ConsistencyHeader is the HTTP header of consistency tokens: a mutation
// answers with one (and in extensions.consistencyToken) when the server
// reads from standbys, and a query that sends one back is answered from a
// server that has replayed that write (see README, Reading from standbys).
const ConsistencyHeader = "Newsgraph-Consistency-Token"

// consistencyExtension is the response extension that carries the token.
const consistencyExtension = "consistencyToken"

type consistencyKey struct{}

// withConsistency reads a request's consistency token, answering 400
// BAD_REQUEST for one that is not a token, and lets the consistency
// extension set the response's. A websocket has neither: its events carry
// their tokens in extensions only (its subscriptions answer concurrently,
// long after the upgrade's headers).
func withConsistency(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isWebsocket(r) {
			next.ServeHTTP(w, r)
			return
		}
		var after route.LSN
		if v := r.Header.Get(ConsistencyHeader); v != "" {
			var err error
			if after, err = route.ParseLSN(v); err != nil {
				writeError(w, r, http.StatusBadRequest, codeBadRequest, "the "+ConsistencyHeader+" header is not a consistency token: "+err.Error())
				return
			}
		}
		ctx := context.WithValue(r.Context(), consistencyKey{}, &exchange{after: after, header: w.Header()})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// exchange is one request's consistency token and its response's headers.
type exchange struct {
	after  route.LSN
	header http.Header
}

// consistency routes queries to standbys and gives mutations and
// subscription events their consistency tokens. A query's reads go to a
// standby that has replayed the request's token (route.Router.ReadFromStandby); a
// mutation's reads and writes go to the primary, and its answer carries
// the position of its commits; a subscription reads from the primary, and
// each event carries a position at or past its change. Without standbys
// it does nothing.
type consistency struct {
	anySchema
	store  *db.Store
	broker *Broker
}

func (consistency) ExtensionName() string { return "Consistency" }

func (c consistency) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if !c.store.Router().HasStandbys() {
		return next(ctx)
	}
	ex, _ := ctx.Value(consistencyKey{}).(*exchange)
	var position func(context.Context) route.LSN
	switch graphql.GetOperationContext(ctx).Operation.Operation {
	case ast.Query:
		var after route.LSN
		if ex != nil {
			after = ex.after
		}
		return next(c.store.Router().ReadFromStandby(ctx, after))
	case ast.Mutation:
		ctx = route.TrackCommits(ctx)
		position = route.CommitPosition
	case ast.Subscription:
		if c.broker == nil {
			return next(ctx)
		}
		position = func(context.Context) route.LSN { return c.broker.Position() }
	}
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		p := position(ctx)
		if resp == nil || p == 0 {
			return resp
		}
		if resp.Extensions == nil {
			resp.Extensions = map[string]any{}
		}
		resp.Extensions[consistencyExtension] = p.String()
		if ex != nil {
			ex.header.Set(ConsistencyHeader, p.String())
		}
		return resp
	}
}
