package serve

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/newsgraph/newsgraph/graph"
)

// Tokens are the API tokens allowed to write, each with the name that logs
// and the audit log record. Only their SHA-256 hashes are kept.
type Tokens struct {
	entries []tokenEntry
}

type tokenEntry struct {
	name string
	hash [sha256.Size]byte
}

var tokenNamePattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// ParseTokens reads tokens from the two configuration forms: pairs, as
// "name=token,name=token" (NEWSGRAPH_API_TOKENS), and a file's lines, each
// "name sha256-hex-of-token" (NEWSGRAPH_API_TOKENS_FILE; blank lines and
// lines starting with # are ignored). Either may be empty.
func ParseTokens(pairs, file string) (*Tokens, error) {
	t := &Tokens{}
	for i, pair := range strings.Split(pairs, ",") {
		if pair = strings.TrimSpace(pair); pair == "" {
			continue
		}
		name, token, ok := strings.Cut(pair, "=")
		if !ok || !tokenNamePattern.MatchString(name) || len(token) < 16 {
			return nil, fmt.Errorf("api tokens: pair %d: want name=token with a name of letters, digits, . _ - and a token of at least 16 characters", i+1)
		}
		t.entries = append(t.entries, tokenEntry{name: name, hash: sha256.Sum256([]byte(token))})
	}
	for i, line := range strings.Split(file, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		raw, err := hex.DecodeString(strings.Join(fields[1:], ""))
		if len(fields) != 2 || !tokenNamePattern.MatchString(fields[0]) || err != nil || len(raw) != sha256.Size {
			return nil, fmt.Errorf("api tokens file: line %d: want \"name sha256-hex\" (see newsgraph token NAME)", i+1)
		}
		e := tokenEntry{name: fields[0]}
		copy(e.hash[:], raw)
		t.entries = append(t.entries, e)
	}
	return t, nil
}

// Len returns how many tokens are configured.
func (t *Tokens) Len() int {
	if t == nil {
		return 0
	}
	return len(t.entries)
}

// Lookup returns the name of token, comparing in constant time against
// every configured token.
func (t *Tokens) Lookup(token string) (string, bool) {
	if t == nil {
		return "", false
	}
	h := sha256.Sum256([]byte(token))
	name, found := "", 0
	for _, e := range t.entries {
		if subtle.ConstantTimeCompare(h[:], e.hash[:]) == 1 {
			name, found = e.name, 1
		}
	}
	return name, found == 1
}

// bearer returns the token name of an Authorization header's bearer token.
// The scheme's case does not matter (RFC 9110, section 11.1).
func (t *Tokens) bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return t.Lookup(strings.TrimSpace(token))
}

// NewToken returns a new random token and the line that configures it in a
// tokens file.
func NewToken(name string) (token, line string, err error) {
	if !tokenNamePattern.MatchString(name) {
		return "", "", fmt.Errorf("token name %q: use 1 to 64 letters, digits, . _ -", name)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	h := sha256.Sum256([]byte(token))
	return token, name + " " + hex.EncodeToString(h[:]), nil
}

// codeUnauthenticated is the extensions.code of a request without a valid
// token where one is needed.
const codeUnauthenticated = "UNAUTHENTICATED"

// authenticate reads the bearer token. A valid one names the request's
// actor; an invalid one is refused with 401 before anything runs; none
// leaves the request anonymous (reads are public unless readsNeedToken).
func authenticate(tokens *Tokens, readsNeedToken bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := r.Header.Get("Authorization")
		if header == "" {
			// Browsers cannot set headers on websockets: accept the token in
			// the graphql-transport-ws connection_init payload instead (see
			// websocketInit).
			if readsNeedToken && !isWebsocket(r) {
				refuse(w, r, "reads need an API token: send Authorization: Bearer <token>")
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		name, valid := tokens.bearer(header)
		if !valid {
			refuse(w, r, "the API token is not valid")
			return
		}
		next.ServeHTTP(w, r.WithContext(graph.WithActor(r.Context(), name)))
	})
}

// isWebsocket reports whether r asks to upgrade to a websocket (a
// subscription).
func isWebsocket(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// refuse answers 401 with an UNAUTHENTICATED GraphQL error.
func refuse(w http.ResponseWriter, r *http.Request, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
	writeError(w, r, http.StatusUnauthorized, codeUnauthenticated, msg)
}

// closeForbidden is the close code of a graphql-transport-ws connection
// whose connection_init is refused.
const closeForbidden = 4403

// websocketInit authenticates a subscription connection from its
// connection_init payload ({"Authorization": "Bearer <token>"}); a
// connection without one stays anonymous, one with an invalid token (or
// none, when reads need one) is refused: closed with 4403 Forbidden.
func websocketInit(tokens *Tokens, readsNeedToken bool) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		ctx = withSubscriptionSlots(ctx)
		forbidden := transport.AppendCloseReason(transport.WithWebsocketCloseCode(ctx, closeForbidden), "Forbidden")
		if _, ok := graph.Actor(ctx); ok {
			return ctx, nil, nil
		}
		header, _ := payload["Authorization"].(string)
		if header == "" {
			header, _ = payload["authorization"].(string)
		}
		if header == "" {
			if readsNeedToken {
				return forbidden, nil, graph.ErrUnauthenticated
			}
			return ctx, nil, nil
		}
		name, valid := tokens.bearer(header)
		if !valid {
			return forbidden, nil, graph.ErrUnauthenticated
		}
		return graph.WithActor(ctx, name), nil, nil
	}
}
