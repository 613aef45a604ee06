package bench

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
)

func TestParseOperation(t *testing.T) {
	tests := []struct {
		name, src, vars string
		check           func(t *testing.T, op *Operation)
		err             string
	}{
		{
			name: "OK",
			src: `# The front page.
#
# bench: variables {"first": 20, "after": null}
# bench: baseline other
query Front($first: Int!, $after: String) { articles(first: $first, after: $after) { nodes { slug } } }
`,
			check: func(t *testing.T, op *Operation) {
				if op.Description != "The front page." || op.OperationName != "Front" || op.Baseline != "other" {
					t.Errorf("got description %q, operation %q, baseline %q", op.Description, op.OperationName, op.Baseline)
				}
				if len(op.Variables) != 1 || op.Variables[0]["first"] != 20.0 || op.Variables[0]["after"] != nil {
					t.Errorf("variables: got %v", op.Variables)
				}
			},
		},
		{
			name: "JSONFileArrayWithCommentOverride",
			src:  "# bench: variables {\"q\": \"x\"}\nquery S($q: String!, $n: Int) { search(query: $q) { edges { score } } }",
			vars: `[{"q": "a", "n": 1}, {"q": "b", "n": 2}]`,
			check: func(t *testing.T, op *Operation) {
				if len(op.Variables) != 2 || op.Variables[0]["q"] != "x" || op.Variables[1]["n"] != 2.0 {
					t.Errorf("variables: got %v", op.Variables)
				}
			},
		},
		{
			name: "SampleAndWalk",
			src: `# bench: sample slug from { articles(first: 5) { nodes { slug } } }
# bench: variables {"slug": "$slug", "after": null}
# bench: walk after 9
query A($slug: String!, $after: String) { article(slug: $slug) { slug } }`,
			check: func(t *testing.T, op *Operation) {
				if op.Samples["slug"] != "{ articles(first: 5) { nodes { slug } } }" || op.Walk != "after" || op.WalkPages != 9 {
					t.Errorf("got samples %v, walk %q %d", op.Samples, op.Walk, op.WalkPages)
				}
			},
		},
		{name: "ErrUnknownDirective", src: "# bench: repeat 3\nquery A { topics { nodes { slug } } }", err: `unknown directive "repeat"`},
		{name: "ErrPlaceholderWithoutSample", src: "# bench: variables {\"slug\": \"$slug\"}\nquery A { topics { nodes { slug } } }", err: "names no sample"},
		{name: "ErrUnusedSample", src: "# bench: sample slug from { x }\nquery A { topics { nodes { slug } } }", err: "used by no variable"},
		{name: "ErrBadVariables", src: "# bench: variables {first: 1}\nquery A { topics { nodes { slug } } }", err: "variables:"},
		{name: "ErrBadWalk", src: "# bench: walk after\nquery A { topics { nodes { slug } } }", err: "walk:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var vars []byte
			if tt.vars != "" {
				vars = []byte(tt.vars)
			}
			op, err := ParseOperation("op", []byte(tt.src), vars)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got error %v; want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, op)
		})
	}
}

func TestLoadOperations(t *testing.T) {
	t.Run("Canonical", func(t *testing.T) {
		ops, err := LoadOperations(Canonical, "operations")
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, op := range ops {
			names = append(names, op.Name)
			if op.Description == "" || op.OperationName == "" {
				t.Errorf("%s: no description or operation name", op.Name)
			}
		}
		want := []string{"q1-front-page", "q2-article", "q2-article-long-tail", "q3-figures", "q4-search", "q4-search-exclusion", "q5-statements-page-1", "q5-statements-page-1000", "q6-person-statements",
			"q7-organization-statement-counts", "q8-aggregates"}
		if !slices.Equal(names, want) {
			t.Errorf("got %v; want %v", names, want)
		}
	})
	t.Run("SiblingJSON", func(t *testing.T) {
		fsys := fstest.MapFS{
			"ops/a.graphql": {Data: []byte("query A($n: Int!) { topics(first: $n) { nodes { slug } } }")},
			"ops/a.json":    {Data: []byte(`{"n": 3}`)},
			"ops/README.md": {Data: []byte("not an operation")},
		}
		ops, err := LoadOperations(fsys, "ops")
		if err != nil {
			t.Fatal(err)
		}
		if len(ops) != 1 || ops[0].Variables[0]["n"] != 3.0 {
			t.Errorf("got %+v", ops)
		}
	})
	t.Run("ErrUnknownBaseline", func(t *testing.T) {
		fsys := fstest.MapFS{"ops/a.graphql": {Data: []byte("# bench: baseline b\nquery A { topics { nodes { slug } } }")}}
		if _, err := LoadOperations(fsys, "ops"); err == nil || !strings.Contains(err.Error(), "baseline") {
			t.Errorf("got %v; want an error about the baseline", err)
		}
	})
}

func TestSelect(t *testing.T) {
	ops, err := LoadOperations(Canonical, "operations")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Select(ops, []string{"q5-statements-page-1000"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Name != "q5-statements-page-1" {
		t.Errorf("selecting page 1,000 gave %d operations; want its baseline first, then it", len(got))
	}
	if _, err := Select(ops, []string{"nope"}); err == nil {
		t.Error("selecting an unknown operation: got no error")
	}
}

func TestCollect(t *testing.T) {
	raw := []byte(`{"data":{"a":{"nodes":[{"slug":"x","speaker":{"slug":"p1"}},{"slug":"y","speaker":{}},{"slug":null}]},"pageInfo":{"endCursor":"c1"},"b":{"pageInfo":{"endCursor":"c2"}}}}`)
	slugs, err := collect(raw, "slug")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(anyStrings(slugs), ","); got != "x,p1,y" {
		t.Errorf("slugs: got %s; want x,p1,y (document order, nulls left out)", got)
	}
	cursors, err := collect(raw, "endCursor")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(anyStrings(cursors), ","); got != "c1,c2" {
		t.Errorf("cursors: got %s; want c1,c2", got)
	}
}

func anyStrings(vs []any) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i], _ = v.(string)
	}
	return out
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{0.5: 50 * time.Millisecond, 0.95: 95 * time.Millisecond, 0.99: 99 * time.Millisecond, 1: 100 * time.Millisecond} {
		if got := percentile(d, p); got != want {
			t.Errorf("p%.0f: got %v; want %v", p*100, got, want)
		}
	}
	if got := percentile(nil, 0.5); got != 0 {
		t.Errorf("of nothing: got %v; want 0", got)
	}
}

func TestParseStatementsHistogram(t *testing.T) {
	text := `# HELP newsgraph_sql_statements_per_request SQL statements sent to answer one request.
# TYPE newsgraph_sql_statements_per_request histogram
newsgraph_sql_statements_per_request_bucket{le="1"} 3
newsgraph_sql_statements_per_request_bucket{le="+Inf"} 10
newsgraph_sql_statements_per_request_sum 57
newsgraph_sql_statements_per_request_count 10
newsgraph_sql_statements_per_request_sum_other 1
`
	sum, count, err := parseStatementsHistogram(strings.NewReader(text))
	if err != nil || sum != 57 || count != 10 {
		t.Errorf("got %v, %v, %v; want 57, 10", sum, count, err)
	}
	if _, _, err := parseStatementsHistogram(strings.NewReader("go_goroutines 8\n")); err == nil {
		t.Error("metrics without the histogram: got no error")
	}
}

func TestMemoryAndPID(t *testing.T) {
	rss, peak, err := memoryOf(os.Getpid())
	if err != nil || rss <= 0 || peak < rss {
		t.Fatalf("memoryOf(self): rss %d, peak %d, %v", rss, peak, err)
	}
	cpu0 := cpuOf([]int{os.Getpid()})
	for deadline := time.Now().Add(50 * time.Millisecond); time.Now().Before(deadline); {
	}
	if used := cpuOf([]int{os.Getpid()}) - cpu0; used <= 0 {
		t.Errorf("cpuOf(self): %v after 50 ms of work", used)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := listeningPID("http://" + l.Addr().String() + "/query"); got != os.Getpid() {
		t.Errorf("listeningPID: got %d; want this process, %d", got, os.Getpid())
	}
}

func TestPostErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"data":{"content":"no \"errors\": here"}}`))
	})
	mux.HandleFunc("/graphql-error", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"errors":[{"message":"first: too big","extensions":{"code":"BAD_USER_INPUT"}}],"data":null}`))
	})
	mux.HandleFunc("/http-error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go func() { _ = srv.Serve(l) }()
	defer srv.Close()
	base := "http://" + l.Addr().String()
	var buf bytes.Buffer
	ctx := context.Background()
	if err := newClient(base+"/ok", 1, time.Second).post(ctx, []byte(`{}`), &buf); err != nil {
		t.Errorf("ok: %v", err)
	}
	err = newClient(base+"/graphql-error", 1, time.Second).post(ctx, []byte(`{}`), &buf)
	if err == nil || err.Error() != "BAD_USER_INPUT: first: too big" {
		t.Errorf("graphql error: got %v", err)
	}
	if err := newClient(base+"/http-error", 1, time.Second).post(ctx, []byte(`{}`), &buf); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("http error: got %v", err)
	}
}

func TestWriteTable(t *testing.T) {
	rep := &Report{Concurrency: 16, Warmup: "3s", Duration: "10s", SQLSource: "test", PID: 1, Results: []Result{
		{Operation: "a", RPS: 612.4, P50: 10, P95: 20, P99: 30, SQLPerRequest: 6, ServerCPU: 1.5, PostgresCPU: 2, ToolCPU: 0.25, RSSPeak: 50 << 20, PeakRSS: 60 << 20},
		{Operation: "b", RPS: 10, SQLPerRequest: -1, ServerCPU: -1, PostgresCPU: -1, ToolCPU: 1, Baseline: "a", BaselineRatio: 1.1, FirstErr: "boom", Errors: 1},
	}}
	var b bytes.Buffer
	rep.WriteTable(&b)
	for _, want := range []string{"| a | 612 | 10.0 | 20.0 | 30.0 | 0 | 6.0 | 1.50 / 2.00 / 0.25 |", "n/a / n/a / 1.00", "| b (p50 1.10× a) |", "| n/a |", "50 MB", "peak since the server started: 60 MB", "b: first error: boom"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, b.String())
		}
	}
}

// The load tool's own hot paths: it shares the machine with the server,
// so what it spends per request is taken from the server.

// BenchmarkSummarize sorts a run's latencies (100,000 of them) and reads
// the percentiles, as each operation's report does.
func BenchmarkSummarize(b *testing.B) {
	d := make([]time.Duration, 100_000)
	for i := range d {
		d[i] = time.Duration((i * 7919) % len(d))
	}
	all := make([]time.Duration, len(d))
	b.ReportAllocs()
	for b.Loop() {
		copy(all, d)
		slices.Sort(all)
		_, _, _ = percentile(all, 0.5), percentile(all, 0.95), percentile(all, 0.99)
	}
}

func BenchmarkErrorCheck(b *testing.B) {
	body := bytes.Repeat([]byte(`{"content":"The digital economy will create jobs.","verb":"SAID"},`), 500)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		_ = bytes.Contains(body, errorsKey)
	}
}

func BenchmarkCollect(b *testing.B) {
	raw := []byte(`{"data":{"statements":{"pageInfo":{"hasNextPage":true,"endCursor":"eyJvIjoic3RhdGVtZW50cyJ9"},"nodes":[` +
		strings.Repeat(`{"content":"x","article":{"slug":"a"}},`, 19) + `{"content":"x","article":{"slug":"a"}}]}}}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := collect(raw, "endCursor"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRequestBody(b *testing.B) {
	ops, err := LoadOperations(Canonical, "operations")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := requestBody(ops[1], map[string]any{"slug": "malaysia-and-china-deepen-ties-42"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPairedRatio compares a slow body (80 ms) with a fast one (10 ms) on
// a server that slows down threefold halfway through: measured side by
// side, the ratio stays near the true one (8, less what the client and
// server add to both) at any concurrency; measured one after the other it
// would be near 24.
func TestPairedRatio(t *testing.T) {
	var start atomic.Int64 // unix nanoseconds
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		d := 10 * time.Millisecond
		if bytes.Contains(body, []byte("slow")) {
			d *= 8
		}
		if time.Since(time.Unix(0, start.Load())) > 600*time.Millisecond {
			d *= 3
		}
		time.Sleep(d)
		_, _ = w.Write([]byte(`{"data":{}}`))
	}))
	defer srv.Close()
	for _, concurrency := range []int{3, 4} {
		start.Store(time.Now().UnixNano())
		ratio, err := pairedRatio(context.Background(), newClient(srv.URL, concurrency, time.Second),
			[][]byte{[]byte(`{"query":"fast"}`)}, [][]byte{[]byte(`{"query":"slow"}`)}, concurrency, 1200*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("concurrency %d: ratio %.2f", concurrency, ratio)
		if ratio < 4 || ratio > 13 {
			t.Errorf("concurrency %d: ratio %.2f; want about 8", concurrency, ratio)
		}
	}
}
