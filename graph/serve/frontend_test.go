package serve_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestSchemaSDL checks that GET /schema.graphql serves the schema the API
// runs, as SDL a code generator can read.
func TestSchemaSDL(t *testing.T) {
	res, body := request(t, "GET", "/schema.graphql", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d; want 200: %.200s", res.StatusCode, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql") && !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type %q; want application/graphql or text/plain", ct)
	}
	served, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(body)})
	if err != nil {
		t.Fatalf("the served SDL does not load: %v", err)
	}
	files := schemaFiles(t)
	for name, def := range files.Types {
		if def.BuiltIn {
			continue
		}
		got, ok := served.Types[name]
		if !ok {
			t.Errorf("type %s is in the schema files but not in /schema.graphql", name)
			continue
		}
		var want, have []string
		for _, f := range def.Fields {
			want = append(want, f.Name)
		}
		for _, f := range got.Fields {
			have = append(have, f.Name)
		}
		if !slices.Equal(sorted(have), sorted(want)) {
			t.Errorf("%s has fields %q in /schema.graphql; want %q", name, sorted(have), sorted(want))
		}
		if got.Description != def.Description {
			t.Errorf("%s is described as %q; want %q", name, got.Description, def.Description)
		}
	}
}

// TestCompression checks that clients accepting gzip get API responses and
// playground assets compressed, and that others get them as they are.
func TestCompression(t *testing.T) {
	res, page := request(t, "GET", "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /: status %d; want 200", res.StatusCode)
	}
	asset := string(bytesBetween(page, `src="`, `"`))
	if asset == "" {
		t.Fatal("the playground page loads no script")
	}
	for _, path := range []string{"/query?query={articles(first:20){nodes{id,title,text}}}", "/" + asset, "/schema.graphql"} {
		t.Run(path[:min(len(path), 30)], func(t *testing.T) {
			_, plain := request(t, "GET", path, nil)
			res, body := request(t, "GET", path, map[string]string{"Accept-Encoding": "gzip"})
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d; want 200", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != "gzip" {
				t.Fatalf("Content-Encoding %q; want gzip", got)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary %q; want it to name Accept-Encoding", res.Header.Get("Vary"))
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, plain) {
				t.Errorf("decompressed %d bytes differ from the %d sent uncompressed", len(got), len(plain))
			}
			if len(body) >= len(plain) {
				t.Errorf("compressed to %d bytes; want fewer than the %d uncompressed", len(body), len(plain))
			}
			t.Logf("%d bytes, %d compressed", len(plain), len(body))
		})
	}
	t.Run("Identity", func(t *testing.T) {
		res, _ := request(t, "GET", "/"+asset, map[string]string{"Accept-Encoding": "identity"})
		if got := res.Header.Get("Content-Encoding"); got != "" {
			t.Errorf("Content-Encoding %q; want none", got)
		}
	})
}

// bytesBetween returns what follows the first start in b up to the next end.
func bytesBetween(b []byte, start, end string) []byte {
	_, after, ok := bytes.Cut(b, []byte(start))
	if !ok {
		return nil
	}
	before, _, _ := bytes.Cut(after, []byte(end))
	return before
}

// TestReaderServed checks that /reader/ serves the reader's page and the
// assets it loads, from this origin only.
func TestReaderServed(t *testing.T) {
	res, page := request(t, "GET", "/reader/", nil)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /reader/: status %d, Content-Type %q; want 200 text/html", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("Content-Security-Policy %q; want scripts and connections from this origin only", csp)
	}
	for _, attr := range []string{`src="`, `href="`} {
		ref := string(bytesBetween(page, attr, `"`))
		if ref == "" || strings.Contains(ref, "//") {
			t.Errorf("the page's %s%s\"; want a relative asset URL", attr, ref)
			continue
		}
		res, body := request(t, "GET", "/reader/"+ref, nil)
		if res.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("GET /reader/%s: status %d, %d bytes; want 200 and the asset", ref, res.StatusCode, len(body))
		}
	}
	if res, _ := request(t, "GET", "/reader/nothing-here", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /reader/nothing-here: status %d; want 404", res.StatusCode)
	}
}
