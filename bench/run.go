package bench

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Config says how to load the server.
type Config struct {
	// URL is the GraphQL endpoint ("http://127.0.0.1:8080/query").
	URL string
	// Concurrency is how many requests are in flight at once.
	Concurrency int
	// Warmup is how long each operation runs before it is measured.
	Warmup time.Duration
	// Duration is how long each operation is measured.
	Duration time.Duration
	// Timeout bounds each request.
	Timeout time.Duration
	// WaitReady is how long to wait for the server's /readyz.
	WaitReady time.Duration
	// PID is the server's process, for its memory; 0 finds the process
	// listening on URL's port (on this machine), if it can.
	PID int
	// MetricsURL is the server's Prometheus metrics; "" derives it from URL.
	MetricsURL string
	// DatabaseURL is the server's database, read for SQL statement counts
	// when the server exports none; "" reads none.
	DatabaseURL string
	// Progress receives a line per operation as it runs; nil is quiet.
	Progress io.Writer
}

// Result is what one operation measured.
type Result struct {
	Operation string  `json:"operation"`
	Requests  int64   `json:"requests"`
	Errors    int64   `json:"errors"`
	FirstErr  string  `json:"first_error,omitempty"`
	Seconds   float64 `json:"seconds"`
	RPS       float64 `json:"requests_per_second"`
	// Latencies in milliseconds.
	P50  float64 `json:"p50_ms"`
	P95  float64 `json:"p95_ms"`
	P99  float64 `json:"p99_ms"`
	Max  float64 `json:"max_ms"`
	Mean float64 `json:"mean_ms"`
	// ResponseBytes is the mean size of a response.
	ResponseBytes float64 `json:"response_bytes"`
	// SQLPerRequest is -1 when no source of SQL counts answered.
	SQLPerRequest float64 `json:"sql_per_request"`
	// RSSPeak is the largest resident set the server had while the
	// operation ran (sampled every 50 ms), PeakRSS its peak since it
	// started (VmHWM), in bytes; 0 when unknown.
	RSSPeak int64 `json:"rss_peak_bytes"`
	PeakRSS int64 `json:"process_peak_rss_bytes"`
	// CPU time a request took, in milliseconds: the server's process, this
	// machine's PostgreSQL processes (all of them), and the load tool's
	// own; -1 when unknown.
	ServerCPU   float64 `json:"server_cpu_ms_per_request"`
	PostgresCPU float64 `json:"postgres_cpu_ms_per_request"`
	ToolCPU     float64 `json:"tool_cpu_ms_per_request"`
	// Baseline and BaselineRatio compare p50 with another operation's,
	// both measured again in one further run that sends them side by side.
	Baseline      string  `json:"baseline,omitempty"`
	BaselineRatio float64 `json:"baseline_p50_ratio,omitempty"`
}

// Report is the results of a run and how they were obtained.
type Report struct {
	Results     []Result  `json:"results"`
	SQLSource   string    `json:"sql_source"`
	PID         int       `json:"server_pid"`
	Concurrency int       `json:"concurrency"`
	Warmup      string    `json:"warmup"`
	Duration    string    `json:"duration"`
	Started     time.Time `json:"started"`
}

// Run loads the server with each operation in turn, warm-up first, and
// reports what it measured.
func Run(ctx context.Context, cfg Config, ops []*Operation) (*Report, error) {
	cfg.Concurrency = max(cfg.Concurrency, 1)
	cfg.Timeout = cmp.Or(cfg.Timeout, 10*time.Second)
	cfg.Duration = cmp.Or(cfg.Duration, 10*time.Second)
	if cfg.MetricsURL == "" {
		cfg.MetricsURL = metricsURLFor(cfg.URL)
	}
	c := newClient(cfg.URL, cfg.Concurrency, cfg.Timeout)
	if err := c.waitReady(ctx, cmp.Or(cfg.WaitReady, time.Second)); err != nil {
		return nil, err
	}
	rep := &Report{Concurrency: cfg.Concurrency, Warmup: cfg.Warmup.String(), Duration: cfg.Duration.String(), Started: time.Now()}
	sql := newSQLCounter(ctx, cfg.MetricsURL, cfg.DatabaseURL)
	if sql != nil {
		defer sql.Close()
		rep.SQLSource = sql.Source()
	} else {
		rep.SQLSource = "n/a: the server exports no metrics, and no database was given or pg_stat_statements and pg_stat_database did not answer"
	}
	rep.PID = cfg.PID
	if rep.PID == 0 {
		rep.PID = listeningPID(cfg.URL)
	}
	if rep.PID != 0 {
		if _, _, err := memoryOf(rep.PID); err != nil {
			rep.PID = 0
		}
	}
	prepared := map[string][][]byte{}
	for _, op := range ops {
		bodies, err := prepare(ctx, c, op)
		if err != nil {
			return rep, fmt.Errorf("%s: %w", op.Name, err)
		}
		prepared[op.Name] = bodies
		res, err := runOne(ctx, cfg, c, sql, rep.PID, op, bodies)
		if err != nil {
			return rep, fmt.Errorf("%s: %w", op.Name, err)
		}
		if base := prepared[op.Baseline]; base != nil {
			res.Baseline = op.Baseline
			if res.BaselineRatio, err = pairedRatio(ctx, c, base, bodies, cfg.Concurrency, cfg.Duration); err != nil {
				return rep, fmt.Errorf("%s against %s: %w", op.Name, op.Baseline, err)
			}
		}
		rep.Results = append(rep.Results, res)
		if cfg.Progress != nil {
			fmt.Fprintf(cfg.Progress, "%-26s %8.1f req/s  p50 %6.1f ms  p99 %6.1f ms  %d errors\n", op.Name, res.RPS, res.P50, res.P99, res.Errors)
		}
	}
	return rep, nil
}

// prepare renders the request bodies of an operation: its variable sets
// with the sampled values in turn, after the walk if it has one.
func prepare(ctx context.Context, c *client, op *Operation) ([][]byte, error) {
	samples := map[string][]any{}
	for name, q := range op.Samples {
		vals, err := sample(ctx, c, name, q)
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", name, err)
		}
		if len(vals) == 0 {
			return nil, fmt.Errorf("sample %s: the query found no %s", name, name)
		}
		samples[name] = vals
	}
	n := len(op.Variables)
	for _, vals := range samples {
		n = max(n, len(vals))
	}
	sets := make([]map[string]any, n)
	for i := range sets {
		vars := map[string]any{}
		for k, v := range op.Variables[i%len(op.Variables)] {
			if s, ok := v.(string); ok && strings.HasPrefix(s, "$") {
				vals := samples[s[1:]]
				v = vals[i%len(vals)]
			}
			vars[k] = v
		}
		sets[i] = vars
	}
	if op.Walk != "" {
		vars := sets[0]
		vars[op.Walk] = nil
		for page := 1; page <= op.WalkPages; page++ {
			body, err := requestBody(op, vars)
			if err != nil {
				return nil, err
			}
			raw, err := c.rawQuery(ctx, body)
			if err != nil {
				return nil, fmt.Errorf("walk: page %d: %w", page, err)
			}
			cursors, err := collect(raw, "endCursor")
			if err != nil {
				return nil, fmt.Errorf("walk: page %d: %w", page, err)
			}
			if len(cursors) == 0 {
				return nil, fmt.Errorf("walk: page %d is the last; there is no page %d", page, op.WalkPages+1)
			}
			vars[op.Walk] = cursors[0]
		}
		for _, s := range sets {
			s[op.Walk] = vars[op.Walk]
		}
	}
	bodies := make([][]byte, len(sets))
	for i, vars := range sets {
		var err error
		if bodies[i], err = requestBody(op, vars); err != nil {
			return nil, err
		}
	}
	return bodies, nil
}

// maxSamplePages bounds the pages a paged sample reads (100,000 values at
// 100 a page).
const maxSamplePages = 1000

// sample sends query and returns every value of the fields called name in
// its response. A query that declares $after is sent page after page until
// a page has no next page (or maxSamplePages), and the values of all pages
// are returned shuffled, the same way every time.
func sample(ctx context.Context, c *client, name, query string) ([]any, error) {
	paged := strings.Contains(query, "$after")
	var out []any
	var after any
	for page := 1; ; page++ {
		req := map[string]any{"query": query}
		if paged {
			req["variables"] = map[string]any{"after": after}
		}
		body, err := json.Marshal(req)
		if err != nil {
			return nil, err
		}
		raw, err := c.rawQuery(ctx, body)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		found, err := collectAll(raw, name, "hasNextPage", "endCursor")
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		out = append(out, found[name]...)
		if !paged {
			return out, nil
		}
		next, cursors := found["hasNextPage"], found["endCursor"]
		if len(next) == 0 || next[0] != true || len(cursors) == 0 || page == maxSamplePages {
			break
		}
		after = cursors[0]
	}
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out, nil
}

// samples is what the workers of one phase recorded.
type samples struct {
	latencies [][]time.Duration // per worker
	bodies    [][]int           // per worker, the index of each latency's body
	errors    atomic.Int64
	bytes     atomic.Int64
	firstErr  atomic.Pointer[string]
}

// load sends the bodies in turn from concurrency workers until d passes.
func load(ctx context.Context, c *client, bodies [][]byte, concurrency int, d time.Duration) *samples {
	s := &samples{latencies: make([][]time.Duration, concurrency), bodies: make([][]int, concurrency)}
	deadline := time.Now().Add(d)
	ctx, cancel := context.WithDeadline(ctx, deadline.Add(c.http.Timeout))
	defer cancel()
	var wg sync.WaitGroup
	for w := range concurrency {
		wg.Go(func() {
			var buf bytes.Buffer
			lat := make([]time.Duration, 0, 4096)
			which := make([]int, 0, 4096)
			for i := w; time.Now().Before(deadline); i += concurrency {
				t0 := time.Now()
				err := c.post(ctx, bodies[i%len(bodies)], &buf)
				lat = append(lat, time.Since(t0))
				which = append(which, i%len(bodies))
				s.bytes.Add(int64(buf.Len()))
				if err != nil {
					if ctx.Err() != nil {
						lat, which = lat[:len(lat)-1], which[:len(which)-1] // cut short by the run's end, not the server
						break
					}
					s.errors.Add(1)
					msg := err.Error()
					s.firstErr.CompareAndSwap(nil, &msg)
				}
			}
			s.latencies[w], s.bodies[w] = lat, which
		})
	}
	wg.Wait()
	return s
}

// runOne warms up and measures one operation.
func runOne(ctx context.Context, cfg Config, c *client, sql sqlCounter, pid int, op *Operation, bodies [][]byte) (Result, error) {
	res := Result{Operation: op.Name, SQLPerRequest: -1}
	var err error
	if cfg.Warmup > 0 {
		w := load(ctx, c, bodies, cfg.Concurrency, cfg.Warmup)
		sent := 0
		for _, l := range w.latencies {
			sent += len(l)
		}
		if p := w.firstErr.Load(); p != nil && w.errors.Load() == int64(sent) {
			return res, fmt.Errorf("warm-up: every request failed: %s", *p)
		}
	}

	var stmts0, reqs0 float64
	sqlOK := sql != nil
	if sqlOK {
		if stmts0, reqs0, err = sql.Read(ctx); err != nil {
			sqlOK = false
		}
	}
	var rssPeak atomic.Int64
	stopRSS := make(chan struct{})
	rssDone := make(chan struct{})
	go func() {
		defer close(rssDone)
		if pid == 0 {
			return
		}
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if rss, _, err := memoryOf(pid); err == nil && rss > rssPeak.Load() {
				rssPeak.Store(rss)
			}
			select {
			case <-stopRSS:
				return
			case <-t.C:
			}
		}
	}()
	pgPIDs := postgresPIDs()
	self := []int{os.Getpid()}
	serverCPU0, pgCPU0, toolCPU0 := cpuOf([]int{pid}), cpuOf(pgPIDs), cpuOf(self)
	start := time.Now()
	s := load(ctx, c, bodies, cfg.Concurrency, cfg.Duration)
	elapsed := time.Since(start)
	serverCPU, pgCPU, toolCPU := cpuOf([]int{pid})-serverCPU0, cpuOf(pgPIDs)-pgCPU0, cpuOf(self)-toolCPU0
	close(stopRSS)
	<-rssDone
	if err := ctx.Err(); err != nil {
		return res, err
	}

	var all []time.Duration
	for _, l := range s.latencies {
		all = append(all, l...)
	}
	slices.Sort(all)
	res.Requests = int64(len(all))
	res.Errors = s.errors.Load()
	if p := s.firstErr.Load(); p != nil {
		res.FirstErr = *p
	}
	res.Seconds = elapsed.Seconds()
	res.RPS = float64(res.Requests) / elapsed.Seconds()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	res.P50, res.P95, res.P99 = ms(percentile(all, 0.50)), ms(percentile(all, 0.95)), ms(percentile(all, 0.99))
	if len(all) > 0 {
		res.Max = ms(all[len(all)-1])
		var sum time.Duration
		for _, d := range all {
			sum += d
		}
		res.Mean = ms(sum / time.Duration(len(all)))
		res.ResponseBytes = float64(s.bytes.Load()) / float64(len(all))
	}
	if sqlOK {
		stmts1, reqs1, err := sql.Read(ctx)
		reqs := reqs1 - reqs0
		if reqs1 < 0 { // the counter does not count requests: ours
			reqs = float64(res.Requests)
		}
		if err == nil && reqs > 0 {
			res.SQLPerRequest = (stmts1 - stmts0) / reqs
		}
	}
	perRequest := func(d time.Duration, known bool) float64 {
		if !known || res.Requests == 0 {
			return -1
		}
		return float64(d.Microseconds()) / 1000 / float64(res.Requests)
	}
	res.ServerCPU = perRequest(serverCPU, pid != 0)
	res.PostgresCPU = perRequest(pgCPU, len(pgPIDs) > 0)
	res.ToolCPU = perRequest(toolCPU, true)
	res.RSSPeak = rssPeak.Load()
	if pid != 0 {
		if _, peak, err := memoryOf(pid); err == nil {
			res.PeakRSS = peak
		}
	}
	return res, nil
}

// pairedRatio returns the median latency of b's requests over a's, both
// sent in one load of duration d, so that the machine speeding up or
// slowing down between two runs (other work on it, its CPU's clock) does
// not tilt the comparison. The bodies alternate, a's at even positions; a
// worker steps through them by concurrency, so with an even concurrency
// half the workers send a's and half b's, else each alternates.
func pairedRatio(ctx context.Context, c *client, a, b [][]byte, concurrency int, d time.Duration) (float64, error) {
	n := max(len(a), len(b))
	both := make([][]byte, 0, 2*n)
	for i := range n {
		both = append(both, a[i%len(a)], b[i%len(b)])
	}
	s := load(ctx, c, both, concurrency, d)
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if s.errors.Load() > 0 {
		return 0, fmt.Errorf("%d errors (first: %s)", s.errors.Load(), *s.firstErr.Load())
	}
	var la, lb []time.Duration
	for w, lat := range s.latencies {
		for j, d := range lat {
			if s.bodies[w][j]%2 == 0 {
				la = append(la, d)
			} else {
				lb = append(lb, d)
			}
		}
	}
	if len(la) == 0 || len(lb) == 0 {
		return 0, fmt.Errorf("the paired run sent %d and %d requests; want some of each", len(la), len(lb))
	}
	slices.Sort(la)
	slices.Sort(lb)
	return float64(percentile(lb, 0.5)) / float64(percentile(la, 0.5)), nil
}

// percentile returns the p-th quantile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// Prepare renders the request bodies of an operation for the server at
// url: its variable sets with their samples, after its walk (which it
// does against the server).
func Prepare(ctx context.Context, url string, op *Operation) ([][]byte, error) {
	return prepare(ctx, newClient(url, 1, time.Minute), op)
}

// Post sends one request body to the server at url and returns the
// response; a response with GraphQL errors is an error.
func Post(ctx context.Context, url string, body []byte) ([]byte, error) {
	return newClient(url, 1, time.Minute).rawQuery(ctx, body)
}
