package bench_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/newsgraph/newsgraph/bench"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// statement is one SQL statement the server sent, with its arguments.
type statement struct {
	SQL  string
	Args []any
	// Planned is the plan_cache_mode of the connection it went to:
	// force_custom_plan for a statement planned for its values
	// (route.Reads.ForValues), force_generic_plan for one planned once.
	Planned string
}

// recorder is a pgx tracer that records the statements sent while on.
type recorder struct {
	mu   sync.Mutex
	on   bool
	sent []statement
}

func (r *recorder) TraceQueryStart(ctx context.Context, conn *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.on {
		r.sent = append(r.sent, statement{d.SQL, d.Args, conn.Config().RuntimeParams["plan_cache_mode"]})
	}
	return ctx
}

func (r *recorder) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// start begins recording; stop ends it and returns what was sent.
func (r *recorder) start() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on, r.sent = true, nil
}

func (r *recorder) stop() []statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on = false
	return r.sent
}

// harness is the API served in-process over a database, over real HTTP,
// with every statement it sends recorded on demand.
type harness struct {
	URL  string // the GraphQL endpoint
	Pool *pgxpool.Pool
	rec  *recorder
}

// newHarness serves the API over the database at databaseURL.
func newHarness(tb testing.TB, databaseURL string) *harness {
	tb.Helper()
	return newHarnessWith(tb, databaseURL, serve.Options{})
}

// newHarnessWith is newHarness with handler options.
func newHarnessWith(tb testing.TB, databaseURL string, opts serve.Options) *harness {
	tb.Helper()
	// The server's own pool settings (generic plans, no JIT, timeouts),
	// so that what the tests plan is what the server runs.
	rec := &recorder{}
	pool, err := pg.NewPool(databaseURL, pg.PoolOptions{Tracer: rec})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(pool.Close)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(serve.NewHandler(db.NewStore(pool), logger, opts))
	tb.Cleanup(srv.Close)
	return &harness{URL: srv.URL + "/query", Pool: pool, rec: rec}
}

// maxRuns bounds the prepared requests run sends: an operation sampled
// over the whole corpus has one for each article.
const maxRuns = 100

// run sends each of an operation's prepared requests once (the first
// maxRuns), and returns the statements the server sent for each.
func (h *harness) run(tb testing.TB, op *bench.Operation) [][]statement {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	bodies, err := bench.Prepare(ctx, h.URL, op)
	if err != nil {
		tb.Fatalf("%s: %v", op.Name, err)
	}
	bodies = bodies[:min(len(bodies), maxRuns)]
	var out [][]statement
	for _, body := range bodies {
		sent, _ := h.post(ctx, tb, op.Name, body)
		out = append(out, sent)
	}
	return out
}

// post sends one request body and returns the statements it sent and
// its response.
func (h *harness) post(ctx context.Context, tb testing.TB, name string, body []byte) ([]statement, []byte) {
	tb.Helper()
	h.rec.start()
	raw, err := bench.Post(ctx, h.URL, body)
	sent := h.rec.stop()
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if !json.Valid(raw) {
		tb.Fatalf("%s: the response is not JSON: %s", name, raw)
	}
	return sent, raw
}

// plan returns the plan of a statement as PostgreSQL's EXPLAIN (FORMAT
// JSON) gives it: the plan for its argument values (a custom plan), with
// ANALYZE when analyze is set.
func (h *harness) plan(tb testing.TB, st statement, analyze bool) map[string]any {
	tb.Helper()
	opts := "FORMAT JSON"
	if analyze {
		opts += ", ANALYZE, BUFFERS"
	}
	sql, args := h.positional(tb, st)
	return h.explain(tb, st, `EXPLAIN (`+opts+`) `+sql, args)
}

// genericPlan returns the plan PostgreSQL keeps for a prepared statement
// once it settles on a generic plan (as it may after five runs), or nil for
// a statement the server does not send as a named prepared statement.
func (h *harness) genericPlan(tb testing.TB, st statement) map[string]any {
	tb.Helper()
	return h.genericPlanOf(tb, st, "FORMAT JSON")
}

// genericPlanOf is genericPlan explained with the EXPLAIN options opts
// ("FORMAT JSON, VERBOSE" also lists each node's output columns).
func (h *harness) genericPlanOf(tb testing.TB, st statement, opts string) map[string]any {
	tb.Helper()
	if len(st.Args) > 0 {
		if mode, ok := st.Args[0].(pgx.QueryExecMode); ok && mode != pgx.QueryExecModeCacheStatement {
			return nil
		}
	}
	sql, args := h.positional(tb, st)
	ctx := context.Background()
	conn, err := h.Pool.Acquire(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SET plan_cache_mode = force_generic_plan`); err != nil {
		tb.Fatal(err)
	}
	defer conn.Exec(ctx, `RESET plan_cache_mode`)
	if _, err := conn.Conn().Prepare(ctx, "bench_generic", sql); err != nil {
		tb.Fatalf("prepare %s: %v", abbreviate(st.SQL), err)
	}
	defer conn.Conn().Deallocate(ctx, "bench_generic")
	// EXECUTE takes its arguments as literals, which it converts to the
	// statement's parameter types.
	execute := `EXPLAIN (` + opts + `) EXECUTE bench_generic`
	if len(args) > 0 {
		lits := make([]string, len(args))
		for i, a := range args {
			lits[i] = literal(tb, a)
		}
		execute += "(" + strings.Join(lits, ", ") + ")"
	}
	var raw []byte
	err = conn.QueryRow(ctx, execute).Scan(&raw)
	if err != nil {
		tb.Fatalf("explain the generic plan of %s: %v", abbreviate(st.SQL), err)
	}
	return decodePlan(tb, st, raw)
}

// literal renders an argument as an SQL literal.
func literal(tb testing.TB, a any) string {
	tb.Helper()
	quote := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	switch v := a.(type) {
	case nil:
		return "NULL"
	case string:
		return quote(v)
	case *string:
		if v == nil {
			return "NULL"
		}
		return quote(*v)
	case int, int32, int64, float64, bool:
		return quote(fmt.Sprint(v))
	case []int64:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprint(x)
		}
		return quote("{" + strings.Join(parts, ",") + "}")
	case []string:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = `"` + strings.ReplaceAll(strings.ReplaceAll(x, `\`, `\\`), `"`, `\"`) + `"`
		}
		return quote("{" + strings.Join(parts, ",") + "}")
	}
	tb.Fatalf("cannot render %T as a literal", a)
	return ""
}

// positional returns a statement's SQL with positional arguments ($1) and
// the arguments, as pgx sends them.
func (h *harness) positional(tb testing.TB, st statement) (string, []any) {
	tb.Helper()
	args := st.Args
	if len(args) > 0 {
		if _, ok := args[0].(pgx.QueryExecMode); ok {
			args = args[1:]
		}
	}
	if len(args) > 0 {
		if named, ok := args[0].(pgx.NamedArgs); ok {
			sql, out, err := named.RewriteQuery(context.Background(), nil, st.SQL, args[1:])
			if err != nil {
				tb.Fatalf("rewrite %s: %v", abbreviate(st.SQL), err)
			}
			return sql, out
		}
	}
	return st.SQL, args
}

func (h *harness) explain(tb testing.TB, st statement, sql string, args []any) map[string]any {
	tb.Helper()
	var raw []byte
	if err := h.Pool.QueryRow(context.Background(), sql, args...).Scan(&raw); err != nil {
		tb.Fatalf("explain %s: %v", abbreviate(st.SQL), err)
	}
	return decodePlan(tb, st, raw)
}

func decodePlan(tb testing.TB, st statement, raw []byte) map[string]any {
	tb.Helper()
	var plans []map[string]any
	if err := json.Unmarshal(raw, &plans); err != nil || len(plans) == 0 {
		tb.Fatalf("explain %s: %v", abbreviate(st.SQL), err)
	}
	return plans[0]
}

// seqScans returns the relations a plan reads with a sequential scan.
func seqScans(node map[string]any) []string {
	var out []string
	if p, ok := node["Plan"].(map[string]any); ok {
		return seqScans(p)
	}
	if node["Node Type"] == "Seq Scan" {
		out = append(out, fmt.Sprint(node["Relation Name"]))
	}
	if kids, ok := node["Plans"].([]any); ok {
		for _, k := range kids {
			if m, ok := k.(map[string]any); ok {
				out = append(out, seqScans(m)...)
			}
		}
	}
	return out
}

// entityWalks returns the index scans of entities, in an EXPLAIN ANALYZE
// plan, that read more than 100 rows without an index condition: a merge
// join walking the primary key up to the largest id it needs.
func entityWalks(node map[string]any) []string {
	var out []string
	if p, ok := node["Plan"].(map[string]any); ok {
		return entityWalks(p)
	}
	if t := node["Node Type"]; (t == "Index Scan" || t == "Index Only Scan") && node["Relation Name"] == "entities" &&
		node["Index Cond"] == nil && node["Actual Rows"].(float64)*node["Actual Loops"].(float64) > 100 {
		out = append(out, fmt.Sprintf("%s (%.0f rows)", node["Index Name"], node["Actual Rows"].(float64)*node["Actual Loops"].(float64)))
	}
	if kids, ok := node["Plans"].([]any); ok {
		for _, k := range kids {
			if m, ok := k.(map[string]any); ok {
				out = append(out, entityWalks(m)...)
			}
		}
	}
	return out
}

func abbreviate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		return s[:157] + "..."
	}
	return s
}

// walkPlan calls visit on every node of an EXPLAIN (FORMAT JSON) plan,
// InitPlans and SubPlans included.
func walkPlan(node map[string]any, visit func(map[string]any)) {
	if p, ok := node["Plan"].(map[string]any); ok {
		walkPlan(p, visit)
		return
	}
	visit(node)
	if kids, ok := node["Plans"].([]any); ok {
		for _, k := range kids {
			if m, ok := k.(map[string]any); ok {
				walkPlan(m, visit)
			}
		}
	}
}
