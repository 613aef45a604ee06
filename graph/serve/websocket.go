package serve

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// closeBadRequest is graphql-transport-ws's close code for a message the
// server will not read.
const closeBadRequest = 4400

// websocketTransport is gqlgen's websocket transport for the requests that
// ask for a websocket: gqlgen's takes any Upgrade header, so that an
// HTTP/2 upgrade (h2c, as curl --http2 asks over http://) was answered 426
// in plain text rather than over HTTP/1.1.
type websocketTransport struct{ transport.Websocket }

func (t websocketTransport) Supports(r *http.Request) bool { return isWebsocket(r) }

// checkedWebsocket is a websocket implementation that accepts a websocket
// from another origin only if CORS allows that origin, scheme and all
// (the implementation's own check compares hosts), and whose messages
// pass checkJSON before gqlgen decodes them, as a POST body does: a
// message nested too deep, or escaping a lone surrogate, closes the
// websocket with 4400 and checkJSON's words.
type checkedWebsocket struct {
	transport.WebsocketImplementation
	origins []string // the CORS origins
}

// errOriginRefused is why a websocket from an origin CORS refuses is not
// accepted.
var errOriginRefused = errors.New("websocket origin not allowed")

func (w checkedWebsocket) Accept(rw http.ResponseWriter, r *http.Request, opts transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	if !originAllowed(r, w.origins) {
		http.Error(rw, "this origin may not open a websocket here", http.StatusForbidden)
		return nil, errOriginRefused
	}
	c, err := w.WebsocketImplementation.Accept(rw, r, opts)
	if err != nil {
		return nil, err
	}
	return &checkedConn{c}, nil
}

// checkedConn is a websocket whose messages checkJSON reads first; it
// passes on the read limit and deadline gqlgen sets.
type checkedConn struct{ transport.WebsocketConn }

// errRefusedMessage ends the websocket's read loop after a refused message.
var errRefusedMessage = errors.New("websocket message refused")

func (c *checkedConn) NextReader() (int, io.Reader, error) {
	typ, r, err := c.WebsocketConn.NextReader()
	if err != nil {
		return typ, r, err
	}
	data, err := io.ReadAll(r) // bounded by the read limit
	if err != nil {
		return typ, nil, err
	}
	if err := checkJSON(data); err != nil {
		_ = c.WriteClose(closeBadRequest, "the message "+err.Error())
		return typ, nil, errRefusedMessage
	}
	return typ, bytes.NewReader(data), nil
}

func (c *checkedConn) SetReadLimit(limit int64) {
	if l, ok := c.WebsocketConn.(transport.WebsocketReadLimiter); ok {
		l.SetReadLimit(limit)
	}
}

func (c *checkedConn) SetReadDeadline(t time.Time) error {
	if d, ok := c.WebsocketConn.(transport.WebsocketReadDeadliner); ok {
		return d.SetReadDeadline(t)
	}
	return nil
}
