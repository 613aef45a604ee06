package serve

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// MaxSubscriptions is how many subscriptions one websocket runs at once.
// Each holds goroutines and, at every event it selects, runs its own
// statements; one connection could otherwise hold thousands.
const MaxSubscriptions = 20

// The codes of operations a websocket refuses: a subscription past
// MaxSubscriptions, and a query or mutation, which are HTTP's (there they
// take an in-flight turn and have a deadline; a websocket gives neither).
const (
	codeTooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS"
	codeOperationNeedsHTTP   = "OPERATION_NEEDS_HTTP"
)

// subscriptionSlots counts the subscriptions a websocket runs.
type subscriptionSlots struct{ running atomic.Int32 }

type slotsKey struct{}

// withSubscriptionSlots gives a websocket's context (websocketInit's) the
// count of its subscriptions.
func withSubscriptionSlots(ctx context.Context) context.Context {
	return context.WithValue(ctx, slotsKey{}, &subscriptionSlots{})
}

// subscriptionLimit is the extension that admits a subscription on a
// websocket only while the websocket runs fewer than MaxSubscriptions, and
// refuses it with TOO_MANY_SUBSCRIPTIONS otherwise; it refuses a query or
// mutation on a websocket with OPERATION_NEEDS_HTTP. It takes the slot
// when the operation is created, in the websocket's read loop, so that
// subscriptions are admitted in the order they were sent; it is the last
// of the extensions that may refuse an operation then, so that a slot it
// takes is always given back by subscriptionEnd.
type subscriptionLimit struct{}

var _ graphql.OperationContextMutator = subscriptionLimit{}

func (subscriptionLimit) ExtensionName() string                          { return "SubscriptionLimit" }
func (subscriptionLimit) Validate(schema graphql.ExecutableSchema) error { return nil }

func (subscriptionLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if _, ok := ctx.Value(slotsKey{}).(*subscriptionSlots); ok && oc.Operation != nil && oc.Operation.Operation != ast.Subscription {
		err := gqlerror.Errorf("the websocket runs subscriptions only: send a query as GET or POST, a mutation as POST")
		err.Extensions = map[string]any{"code": codeOperationNeedsHTTP}
		return err
	}
	slots := slotsOf(ctx, oc)
	if slots == nil {
		return nil
	}
	if slots.running.Add(1) > MaxSubscriptions {
		slots.running.Add(-1)
		err := gqlerror.Errorf("this websocket runs %d subscriptions, the most it may; complete one first", MaxSubscriptions)
		err.Extensions = map[string]any{"code": codeTooManySubscriptions}
		return err
	}
	return nil
}

// subscriptionEnd is the extension that gives a subscription's slot back
// when it ends: its last response given, or its context ended (the
// client completed it or went away). It is the outermost interceptor, so
// that every subscription subscriptionLimit admitted passes through it.
type subscriptionEnd struct{}

var _ graphql.OperationInterceptor = subscriptionEnd{}

func (subscriptionEnd) ExtensionName() string                          { return "SubscriptionEnd" }
func (subscriptionEnd) Validate(schema graphql.ExecutableSchema) error { return nil }

func (subscriptionEnd) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	slots := slotsOf(ctx, graphql.GetOperationContext(ctx))
	if slots == nil {
		return next(ctx)
	}
	var once sync.Once
	free := func() { once.Do(func() { slots.running.Add(-1) }) }
	stop := context.AfterFunc(ctx, free)
	responses := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		res := responses(ctx)
		if res == nil { // the subscription has ended
			stop()
			free()
		}
		return res
	}
}

// slotsOf returns the slots of the websocket a subscription runs on, nil
// for any other operation.
func slotsOf(ctx context.Context, oc *graphql.OperationContext) *subscriptionSlots {
	slots, ok := ctx.Value(slotsKey{}).(*subscriptionSlots)
	if !ok || oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return nil
	}
	return slots
}
