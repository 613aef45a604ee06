package graphtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// Response is a GraphQL response.
type Response struct {
	Data    json.RawMessage `json:"data"`
	Errors  []GQLError      `json:"errors"`
	HasNext *bool           `json:"hasNext,omitempty"`
}

// GQLError is an error of a GraphQL response.
type GQLError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// PostTo sends a GraphQL request to srv over HTTP and decodes the
// response; the status must be 200.
func PostTo(t testing.TB, srv *httptest.Server, query string, vars map[string]any) Response {
	t.Helper()
	status, raw := roundTrip(t, srv, query, vars)
	if status != http.StatusOK {
		t.Fatalf("status %d; want 200: %s", status, raw)
	}
	var out Response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return out
}

// Send sends a GraphQL request to srv over HTTP and returns the status and
// the decoded response, whatever the status.
func Send(t testing.TB, srv *httptest.Server, query string, vars map[string]any) (int, Response) {
	t.Helper()
	status, raw := roundTrip(t, srv, query, vars)
	var out Response
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("status %d, decode %s: %v", status, raw, err)
	}
	return status, out
}

// Data sends a request to srv that must succeed and decodes its data into
// v.
func Data(t testing.TB, srv *httptest.Server, query string, vars map[string]any, v any) {
	t.Helper()
	res := PostTo(t, srv, query, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		t.Fatalf("decode data %s: %v", res.Data, err)
	}
}

// roundTrip posts a GraphQL request to srv and returns the status and the
// body of the answer.
func roundTrip(t testing.TB, srv *httptest.Server, query string, vars map[string]any) (int, []byte) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	res, raw := send(t, http.MethodPost, srv.URL+"/query", bytes.NewReader(body), map[string]string{"Content-Type": "application/json"})
	return res.StatusCode, raw
}

// Sorted returns a sorted copy of xs; never nil.
func Sorted(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	if out == nil {
		out = []string{}
	}
	return out
}

// Dig decodes the value at path in a response's data into v.
func Dig(t testing.TB, raw json.RawMessage, path []string, v any) {
	t.Helper()
	for _, p := range path {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("decode %s at %q: %v", raw, p, err)
		}
		next, ok := m[p]
		if !ok || string(next) == "null" {
			t.Fatalf("no %q in %s", p, raw)
		}
		raw = next
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
}

// Request sends a request to srv and returns the response with its body read.
func Request(t testing.TB, srv *httptest.Server, method, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	return send(t, method, srv.URL+path, nil, header)
}

// send sends a request with body and header to url and returns the
// response with its body read.
func send(t testing.TB, method, url string, body io.Reader, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, raw
}
