package graph

import (
	"context"

	"github.com/newsgraph/newsgraph/db"
)

// What the resolvers need of the HTTP side (graph/serve), which fills it
// in: the request's id and authenticated actor travel in its context, the
// change events and the loaders' metrics through these interfaces. graph
// never imports the HTTP side.

type requestIDKey struct{}

// WithRequestID returns ctx tagged with the request's id, which logs of
// writes and internal errors name.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request's id, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

type actorKey struct{}

// WithActor returns ctx naming the API token the request authenticated
// with: the actor that writes are allowed to and audited as.
func WithActor(ctx context.Context, name string) context.Context {
	return context.WithValue(ctx, actorKey{}, name)
}

// Actor returns the name of the token the request carries, if any.
func Actor(ctx context.Context) (string, bool) {
	name, ok := ctx.Value(actorKey{}).(string)
	return name, ok
}

// requireActor returns the request's token name, or ErrUnauthenticated.
func requireActor(ctx context.Context) (string, error) {
	if name, ok := Actor(ctx); ok {
		return name, nil
	}
	return "", ErrUnauthenticated
}

// ErrUnauthenticated is what a write without a valid token gets; the
// error presenter gives an *AuthError the code UNAUTHENTICATED.
var ErrUnauthenticated = &AuthError{"this operation needs a valid API token: send Authorization: Bearer <token>"}

// AuthError is a request refused for its missing or invalid API token.
type AuthError struct{ msg string }

func (e *AuthError) Error() string { return e.msg }

// Events delivers the change events subscriptions follow (the HTTP side's
// broker): those of one kind, or of every kind (AnyKind); each channel
// ends when ctx does.
type Events interface {
	Subscribe(ctx context.Context, kind string) (<-chan *db.ChangeEvent, error)
}

// AnyKind, as the kind Events.Subscribe is given, subscribes to the
// events of every kind.
const AnyKind = ""

// LoaderMetrics records the size of each batch a loader reads.
type LoaderMetrics interface {
	Batch(loader string, keys int)
}
