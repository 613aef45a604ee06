package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// client posts GraphQL requests.
type client struct {
	url  string
	http *http.Client
}

func newClient(url string, concurrency int, timeout time.Duration) *client {
	t := &http.Transport{
		MaxIdleConns:        concurrency * 2,
		MaxIdleConnsPerHost: concurrency * 2,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	}
	return &client{url: url, http: &http.Client{Transport: t, Timeout: timeout}}
}

// requestBody renders a GraphQL request.
func requestBody(op *Operation, vars map[string]any) ([]byte, error) {
	return json.Marshal(struct {
		Query         string         `json:"query"`
		OperationName string         `json:"operationName,omitempty"`
		Variables     map[string]any `json:"variables"`
	}{op.Query, op.OperationName, vars})
}

// errorsKey is how a GraphQL response that carries errors starts its
// errors member. It cannot occur inside a JSON string (whose quotes are
// escaped), and no field of newsgraph's schema is called errors.
var errorsKey = []byte(`"errors":`)

// post sends one request and reads the whole response into buf. It
// returns an error for a transport failure, a status other than 200 and a
// response with GraphQL errors.
func (c *client) post(ctx context.Context, body []byte, buf *bytes.Buffer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return fmt.Errorf("read response: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, abbreviate(buf.String(), 200))
	}
	if bytes.Contains(buf.Bytes(), errorsKey) {
		return graphQLError(buf.Bytes())
	}
	return nil
}

// graphQLError describes the first error of a response.
func graphQLError(body []byte) error {
	var r struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(body, &r); err != nil || len(r.Errors) == 0 {
		return fmt.Errorf("response with errors: %s", abbreviate(string(body), 200))
	}
	e := r.Errors[0]
	if code, ok := e.Extensions["code"].(string); ok {
		return fmt.Errorf("%s: %s", code, e.Message)
	}
	return errors.New(e.Message)
}

// collect returns every non-null value of the fields called name in a JSON
// document, depth first in document order.
func collect(raw []byte, name string) ([]any, error) {
	found, err := collectAll(raw, name)
	return found[name], err
}

// collectAll returns, by name, every non-null value of the fields called
// one of names in a JSON document, depth first in document order, in one
// pass (the value of such a field is not searched further). JSON objects
// decode to maps, which have no order, so collectAll walks the raw JSON
// instead.
func collectAll(raw []byte, names ...string) (map[string][]any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	out := make(map[string][]any, len(names))
	var walk func() error
	walk = func() error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				if name, ok := key.(string); ok && slices.Contains(names, name) {
					var v any
					if err := dec.Decode(&v); err != nil {
						return err
					}
					if v != nil {
						out[name] = append(out[name], v)
					}
					continue
				}
				if err := walk(); err != nil {
					return err
				}
			}
			_, err = dec.Token() // }
			return err
		case json.Delim('['):
			for dec.More() {
				if err := walk(); err != nil {
					return err
				}
			}
			_, err = dec.Token() // ]
			return err
		}
		return nil
	}
	if err := walk(); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return out, nil
}

// rawQuery sends one request and returns the raw response.
func (c *client) rawQuery(ctx context.Context, body []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := c.post(ctx, body, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// waitReady polls the server's /readyz until it answers 200 or wait ends.
func (c *client) waitReady(ctx context.Context, wait time.Duration) error {
	readyz := strings.TrimSuffix(c.url, "/query") + "/readyz"
	deadline := time.Now().Add(wait)
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, readyz, nil)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(req)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = fmt.Errorf("HTTP %d", resp.StatusCode)
			}
			return fmt.Errorf("the server at %s is not ready after %s: %w", readyz, wait, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

func abbreviate(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-3]) + "..."
	}
	return s
}
