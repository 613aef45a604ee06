package bench

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// WriteTable writes the report as a Markdown table, one row per
// operation, and notes on how it was measured.
func (r *Report) WriteTable(w io.Writer) {
	fmt.Fprintln(w, "| operation | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | CPU ms/req server / PostgreSQL / tool | KB/resp | server RSS peak |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, x := range r.Results {
		sql := "n/a"
		if x.SQLPerRequest >= 0 {
			sql = fmt.Sprintf("%.1f", x.SQLPerRequest)
		}
		rss := "n/a"
		if x.RSSPeak > 0 {
			rss = fmt.Sprintf("%.0f MB", float64(x.RSSPeak)/(1<<20))
		}
		name := x.Operation
		if x.Baseline != "" {
			name += fmt.Sprintf(" (p50 %.2f× %s)", x.BaselineRatio, x.Baseline)
		}
		cpu := func(ms float64) string {
			if ms < 0 {
				return "n/a"
			}
			return fmt.Sprintf("%.2f", ms)
		}
		fmt.Fprintf(w, "| %s | %.0f | %.1f | %.1f | %.1f | %d | %s | %s / %s / %s | %.1f | %s |\n",
			name, x.RPS, x.P50, x.P95, x.P99, x.Errors, sql, cpu(x.ServerCPU), cpu(x.PostgresCPU), cpu(x.ToolCPU), x.ResponseBytes/1024, rss)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Concurrency %d, warm-up %s and %s measured per operation.\n", r.Concurrency, r.Warmup, r.Duration)
	if slices.ContainsFunc(r.Results, func(x Result) bool { return x.Baseline != "" }) {
		fmt.Fprintf(w, "p50 N× B: the operation's median latency over B's, both sent side by side in a further %s run.\n", r.Duration)
	}
	fmt.Fprintf(w, "SQL/req: %s.\n", r.SQLSource)
	fmt.Fprintln(w, "CPU ms/req: CPU time over requests, from /proc: the server's process, every local PostgreSQL process, this tool.")
	var peak int64
	for _, x := range r.Results {
		peak = max(peak, x.PeakRSS)
	}
	if r.PID != 0 {
		fmt.Fprintf(w, "Server RSS (pid %d): the largest resident set sampled during each operation; peak since the server started: %.0f MB.\n",
			r.PID, float64(peak)/(1<<20))
	} else {
		fmt.Fprintln(w, "Server RSS: n/a (the server's process was not found; pass -pid).")
	}
	for _, x := range r.Results {
		if x.FirstErr != "" {
			fmt.Fprintf(w, "%s: first error: %s\n", x.Operation, strings.TrimSpace(x.FirstErr))
		}
	}
}
