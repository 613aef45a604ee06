package serve

import (
	"bufio"
	"context"
	"log/slog"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are newsgraph's Prometheus metrics, served at /metrics.
type Metrics struct {
	registry      *prometheus.Registry
	requests      *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	errors        *prometheus.CounterVec
	rejected      *prometheus.CounterVec
	statements    prometheus.Histogram
	batches       *prometheus.HistogramVec
	subscriptions prometheus.Gauge
	waitingNow    prometheus.Gauge
	cacheLookups  *prometheus.CounterVec
	cacheClears   prometheus.Counter
	operations    *labelSet
}

// counterVec is a counter of name, described by help, by labels.
func counterVec(name, help string, labels ...string) *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
}

// histogramVec is a histogram of name in buckets, described by help, by
// labels.
func histogramVec(name, help string, buckets []float64, labels ...string) *prometheus.HistogramVec {
	return prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help, Buckets: buckets}, labels)
}

// NewMetrics registers newsgraph's metrics, Go and process metrics, and
// the pool's statistics.
func NewMetrics(pool *pgxpool.Pool) *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		registry:      reg,
		requests:      counterVec("newsgraph_graphql_requests_total", "GraphQL requests by operation name, operation type and outcome (ok or the first error code).", "operation", "type", "outcome"),
		duration:      histogramVec("newsgraph_graphql_request_duration_seconds", "Time to answer a GraphQL request, by operation name and type.", []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}, "operation", "type"),
		errors:        counterVec("newsgraph_graphql_errors_total", "GraphQL errors returned, by extensions.code.", "code"),
		rejected:      counterVec("newsgraph_graphql_rejected_total", "Requests rejected before execution, by the limit they broke.", "limit"),
		statements:    prometheus.NewHistogram(prometheus.HistogramOpts{Name: "newsgraph_sql_statements_per_request", Help: "SQL statements sent to answer one request.", Buckets: []float64{0, 1, 2, 4, 8, 12, 16, 24, 32, 64}}),
		batches:       histogramVec("newsgraph_dataloader_batch_size", "Keys per dataloader batch, by loader.", []float64{1, 2, 5, 10, 20, 50, 100, 200, 500}, "loader"),
		subscriptions: prometheus.NewGauge(prometheus.GaugeOpts{Name: "newsgraph_subscriptions_active", Help: "Open subscription (websocket) connections."}),
		waitingNow:    prometheus.NewGauge(prometheus.GaugeOpts{Name: "newsgraph_requests_waiting", Help: "Requests waiting for one of the MAX_IN_FLIGHT running ones to end."}),
		cacheLookups:  counterVec("newsgraph_response_cache_lookups_total", "Operations by what the response cache did: hit, miss, or bypass (not a query, or the cache is off while its change listener reconnects).", "result"),
		cacheClears:   prometheus.NewCounter(prometheus.CounterOpts{Name: "newsgraph_response_cache_clears_total", Help: "Times the response cache forgot everything: a change committed, a mutation ran here, or its listener (re)connected."}),
		operations:    &labelSet{max: 200, seen: map[string]bool{}},
	}
	reg.MustRegister(m.requests, m.duration, m.errors, m.rejected, m.statements, m.batches, m.subscriptions, m.waitingNow,
		m.cacheLookups, m.cacheClears,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if pool != nil {
		reg.MustRegister(poolCollector{pool})
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// rejections are the codes of requests refused by a limit before they run.
var rejections = map[string]bool{
	codeRequestTooLarge: true, codeTooManyTokens: true, codeQueryTooDeep: true, codeTooManyAliases: true,
	codeTooManyRepeatedFields: true, codeTooManyDirectives: true, codeQueryTooComplex: true,
	codeBatchingNotSupported: true, codePersistedQueryNotAllowed: true,
}

// waiting counts requests that start (+1) or stop (-1) waiting for a slot.
func (m *Metrics) waiting(delta float64) {
	if m != nil {
		m.waitingNow.Add(delta)
	}
}

// turnedAway counts a request whose time limit passed while it waited for
// a slot.
func (m *Metrics) turnedAway() {
	if m != nil {
		m.rejected.WithLabelValues("IN_FLIGHT").Inc()
	}
}

// rejectedBy counts a request refused by limit before it ran.
func (m *Metrics) rejectedBy(limit string) {
	if m != nil {
		m.rejected.WithLabelValues(limit).Inc()
	}
}

// watchBodies exports the bytes request bodies hold.
func (m *Metrics) watchBodies(b *bodyBudget) {
	if m != nil {
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "newsgraph_buffered_body_bytes",
			Help: "Bytes of memory that request bodies being read, waiting for an in-flight slot or running hold (its limit is -max-buffered-body-bytes).",
		}, func() float64 { return float64(b.used.Load()) }))
	}
}

// cacheLookup counts what the response cache did with an operation.
func (m *Metrics) cacheLookup(result string) {
	if m != nil {
		m.cacheLookups.WithLabelValues(result).Inc()
	}
}

// cacheCleared counts a clearing of the response cache.
func (m *Metrics) cacheCleared() {
	if m != nil {
		m.cacheClears.Inc()
	}
}

// watchCache exports the bytes the response cache holds.
func (m *Metrics) watchCache(c *ResponseCache) {
	if m != nil {
		m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "newsgraph_response_cache_bytes",
			Help: "Bytes the response cache holds, roughly (its size limit is -response-cache-mb).",
		}, func() float64 { return float64(c.Bytes()) }))
	}
}

// watchStandbys exports where the store reads: each standby's state and
// lag, and the statements read from each server.
func (m *Metrics) watchStandbys(store *db.Store) {
	if m != nil && store.Router().HasStandbys() {
		m.registry.MustRegister(standbyCollector{store})
	}
}

// standbyCollector exports the store's standbys.
type standbyCollector struct{ store *db.Store }

var (
	standbyStateDesc = prometheus.NewDesc("newsgraph_standby_state",
		"1 for each standby's state: up (in rotation), lagging (more than -max-standby-lag behind), down (not answering or no standby), unknown (not checked yet).",
		[]string{"standby", "state"}, nil)
	standbyLagDesc = prometheus.NewDesc("newsgraph_standby_lag_seconds",
		"How long ago the primary had written what each standby has replayed by now, as of the last check.", []string{"standby"}, nil)
	standbyLagBytesDesc = prometheus.NewDesc("newsgraph_standby_lag_bytes",
		"The WAL each standby has yet to replay, as of the last check.", []string{"standby"}, nil)
	readsDesc = prometheus.NewDesc("newsgraph_db_reads_total",
		"SQL statements of reads, by the server that answered them: primary, or a standby's host:port.", []string{"server"}, nil)
	standbyStates = []string{route.StandbyUp, route.StandbyLagging, route.StandbyDown, route.StandbyUnknown}
)

func (c standbyCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- standbyStateDesc
	ch <- standbyLagDesc
	ch <- standbyLagBytesDesc
	ch <- readsDesc
}

func (c standbyCollector) Collect(ch chan<- prometheus.Metric) {
	ch <- prometheus.MustNewConstMetric(readsDesc, prometheus.CounterValue, float64(c.store.Router().PrimaryReads()), "primary")
	for _, s := range c.store.Router().Standbys() {
		for _, state := range standbyStates {
			v := 0.0
			if s.State == state {
				v = 1
			}
			ch <- prometheus.MustNewConstMetric(standbyStateDesc, prometheus.GaugeValue, v, s.Name, state)
		}
		ch <- prometheus.MustNewConstMetric(standbyLagDesc, prometheus.GaugeValue, s.Lag.Seconds(), s.Name)
		ch <- prometheus.MustNewConstMetric(standbyLagBytesDesc, prometheus.GaugeValue, float64(s.LagBytes), s.Name)
		ch <- prometheus.MustNewConstMetric(readsDesc, prometheus.CounterValue, float64(s.Reads), s.Name)
	}
}

// Batch records the size of a dataloader batch.
func (m *Metrics) Batch(loader string, keys int) {
	if m != nil {
		m.batches.WithLabelValues(loader).Observe(float64(keys))
	}
}

// labelSet bounds the distinct values a client-chosen label may take, so
// that operation names cannot blow up the metrics' cardinality.
type labelSet struct {
	mu   sync.Mutex
	max  int
	seen map[string]bool
}

var operationNamePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// label returns name if it may be a label value, else "other".
func (s *labelSet) label(name string) string {
	switch {
	case name == "":
		return "anonymous"
	case !operationNamePattern.MatchString(name):
		return "other"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.seen[name] {
		if len(s.seen) >= s.max {
			return "other"
		}
		s.seen[name] = true
	}
	return name
}

// poolCollector exports pgxpool's statistics.
type poolCollector struct{ pool *pgxpool.Pool }

var poolDescs = map[string]*prometheus.Desc{
	"total":    prometheus.NewDesc("newsgraph_pool_connections", "Open connections.", nil, nil),
	"acquired": prometheus.NewDesc("newsgraph_pool_connections_acquired", "Connections in use.", nil, nil),
	"idle":     prometheus.NewDesc("newsgraph_pool_connections_idle", "Idle connections.", nil, nil),
	"max":      prometheus.NewDesc("newsgraph_pool_connections_max", "The pool's size limit.", nil, nil),
	"acquires": prometheus.NewDesc("newsgraph_pool_acquires_total", "Connections acquired from the pool.", nil, nil),
	"waits":    prometheus.NewDesc("newsgraph_pool_acquire_waits_total", "Acquires that had to wait for a connection.", nil, nil),
	"canceled": prometheus.NewDesc("newsgraph_pool_acquires_canceled_total", "Acquires abandoned by their context.", nil, nil),
	"wait":     prometheus.NewDesc("newsgraph_pool_acquire_seconds_total", "Time spent acquiring connections.", nil, nil),
}

func (c poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range poolDescs {
		ch <- d
	}
}

func (c poolCollector) Collect(ch chan<- prometheus.Metric) {
	s := c.pool.Stat()
	gauge := func(name string, v float64) {
		ch <- prometheus.MustNewConstMetric(poolDescs[name], prometheus.GaugeValue, v)
	}
	counter := func(name string, v float64) {
		ch <- prometheus.MustNewConstMetric(poolDescs[name], prometheus.CounterValue, v)
	}
	gauge("total", float64(s.TotalConns()))
	gauge("acquired", float64(s.AcquiredConns()))
	gauge("idle", float64(s.IdleConns()))
	gauge("max", float64(s.MaxConns()))
	counter("acquires", float64(s.AcquireCount()))
	counter("waits", float64(s.EmptyAcquireCount()))
	counter("canceled", float64(s.CanceledAcquireCount()))
	counter("wait", s.AcquireDuration().Seconds())
}

// requestRecord collects what one request did, for its log line and metrics.
type requestRecord struct {
	mu        sync.Mutex
	operation string
	opType    string
	cache     string // "hit" or "miss" when the response cache looked the query up
	codes     []string
}

func (r *requestRecord) addCode(code string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Contains(r.codes, code) {
		r.codes = append(r.codes, code)
	}
}

type recordKey struct{}

func record(ctx context.Context) *requestRecord {
	r, _ := ctx.Value(recordKey{}).(*requestRecord)
	return r
}

// observe logs one line per GraphQL request and records its metrics: the
// request id, operation name and type, status, duration, SQL statements
// and error codes.
func observe(logger *slog.Logger, m *Metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &requestRecord{}
		ctx := pg.CountStatements(context.WithValue(r.Context(), recordKey{}, rec))
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(ctx))

		elapsed := time.Since(start)
		sql := pg.StatementCount(ctx)
		rec.mu.Lock()
		codes := slices.Clone(rec.codes)
		op, typ, cache := rec.operation, rec.opType, rec.cache
		rec.mu.Unlock()
		if typ == "" {
			typ = "none"
		}
		outcome := "ok"
		if len(codes) > 0 {
			outcome = codes[0]
		} else if sw.status >= 400 {
			outcome = "http_" + strconv.Itoa(sw.status)
		}
		if m != nil {
			label := m.operations.label(op)
			m.requests.WithLabelValues(label, typ, outcome).Inc()
			m.duration.WithLabelValues(label, typ).Observe(elapsed.Seconds())
			m.statements.Observe(float64(sql))
			for _, c := range codes {
				m.errors.WithLabelValues(c).Inc()
				if rejections[c] {
					m.rejected.WithLabelValues(c).Inc()
				}
			}
		}
		logger.InfoContext(ctx, "graphql request",
			"request_id", graph.RequestID(ctx), "operation", op, "type", typ, "status", sw.status,
			"duration_ms", float64(elapsed.Microseconds())/1000, "sql", sql, "cache", cache, "error_codes", codes)
	})
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// Hijack hands the connection to a websocket upgrade.
func (w *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// Unwrap lets http.ResponseController reach the underlying writer (for
// websocket upgrades and deadlines).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// operationRecorder is a gqlgen extension that notes each operation's name
// and type, and the codes of the errors in its response, on the request's
// record.
type operationRecorder struct{ anySchema }

func (operationRecorder) ExtensionName() string { return "OperationRecorder" }

func (operationRecorder) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	noteOperation(ctx)
	if rec := record(ctx); rec != nil && resp != nil {
		for _, e := range resp.Errors {
			if code, ok := e.Extensions["code"].(string); ok {
				rec.addCode(code)
			}
		}
	}
	return resp
}

// noteOperation notes the operation's name and type on the request's
// record.
func noteOperation(ctx context.Context) {
	rec := record(ctx)
	if rec == nil || !graphql.HasOperationContext(ctx) {
		return
	}
	oc := graphql.GetOperationContext(ctx)
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.operation = oc.OperationName
	if oc.Operation != nil {
		rec.opType = string(oc.Operation.Operation)
		if rec.operation == "" {
			rec.operation = oc.Operation.Name
		}
	}
}

// noteCache notes on the request's record what the response cache did
// with the query: "hit" or "miss".
func noteCache(ctx context.Context, result string) {
	if rec := record(ctx); rec != nil {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		rec.cache = result
	}
}
