package bench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db/pg"
)

// sqlCounter reads a running count of the SQL statements the server sent.
// Per request, the count is the difference of two readings divided by the
// requests between them.
type sqlCounter interface {
	// Source says where the count comes from, for the report.
	Source() string
	// Read returns statements so far and, when the counter knows it, the
	// requests that sent them (else -1: the tool counts them itself).
	Read(ctx context.Context) (statements, requests float64, err error)
	Close()
}

// metricsCounter reads the server's histogram
// newsgraph_sql_statements_per_request from its /metrics.
type metricsCounter struct {
	url  string
	http *http.Client
}

func (m *metricsCounter) Source() string {
	return "the server's /metrics (newsgraph_sql_statements_per_request)"
}

func (m *metricsCounter) Read(ctx context.Context) (float64, float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.url, nil)
	if err != nil {
		return 0, 0, err
	}
	resp, err := m.http.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("%s: HTTP %d", m.url, resp.StatusCode)
	}
	return parseStatementsHistogram(resp.Body)
}

func (m *metricsCounter) Close() {}

// parseStatementsHistogram reads the sum and count of the statements
// histogram from Prometheus text.
func parseStatementsHistogram(r io.Reader) (sum, count float64, err error) {
	found := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		for _, m := range []struct {
			name string
			v    *float64
		}{{"newsgraph_sql_statements_per_request_sum", &sum}, {"newsgraph_sql_statements_per_request_count", &count}} {
			rest, ok := strings.CutPrefix(line, m.name)
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '{') {
				continue
			}
			fields := strings.Fields(rest[strings.LastIndexByte(rest, '}')+1:])
			if len(fields) == 0 {
				continue
			}
			if *m.v, err = strconv.ParseFloat(fields[0], 64); err != nil {
				return 0, 0, fmt.Errorf("parse %s: %w", m.name, err)
			}
			found++
		}
	}
	if err := sc.Err(); err != nil {
		return 0, 0, err
	}
	if found < 2 {
		return 0, 0, fmt.Errorf("no newsgraph_sql_statements_per_request histogram")
	}
	return sum, count, nil
}

// pgStatementsCounter sums pg_stat_statements' calls in the server's
// database, leaving out its own queries.
type pgStatementsCounter struct{ conn *pgx.Conn }

func (c *pgStatementsCounter) Source() string { return "pg_stat_statements (calls)" }

func (c *pgStatementsCounter) Read(ctx context.Context) (float64, float64, error) {
	var n float64
	err := c.conn.QueryRow(ctx, `SELECT coalesce(sum(calls), 0)::float8 FROM pg_stat_statements
		WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
		  AND query NOT LIKE '%pg_stat_statements%'`).Scan(&n)
	return n, -1, err
}

func (c *pgStatementsCounter) Close() { c.conn.Close(context.Background()) }

// pgTransactionsCounter counts the transactions of the server's database
// in pg_stat_database. The server sends each statement on its own (an
// implicit transaction), so after the warm-up (once its prepared statements
// are cached) transactions are statements; the statistics reach the view
// up to a second late, which the warm-up before and the steady load during
// a run mostly cancel out. The count is an estimate, and says so.
type pgTransactionsCounter struct {
	conn     *pgx.Conn
	database string
}

func (c *pgTransactionsCounter) Source() string {
	return "≈ transactions in pg_stat_database (the server sends each statement on its own)"
}

func (c *pgTransactionsCounter) Read(ctx context.Context) (float64, float64, error) {
	var n float64
	err := c.conn.QueryRow(ctx, `SELECT (xact_commit + xact_rollback)::float8 FROM pg_stat_database WHERE datname = $1`, c.database).Scan(&n)
	return n, -1, err
}

func (c *pgTransactionsCounter) Close() { c.conn.Close(context.Background()) }

// newSQLCounter picks the best source of SQL statement counts: the
// server's metrics, else pg_stat_statements in its database, else the
// database's transaction count; nil when none answers.
func newSQLCounter(ctx context.Context, metricsURL, databaseURL string) sqlCounter {
	if metricsURL != "" {
		m := &metricsCounter{url: metricsURL, http: &http.Client{Timeout: 5 * time.Second}}
		if _, _, err := m.Read(ctx); err == nil {
			return m
		}
	}
	if databaseURL == "" {
		return nil
	}
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		return nil
	}
	params := map[string]string{"application_name": "newsgraph bench"}
	if conn, err := pg.ConnectURL(ctx, databaseURL, "", params); err == nil {
		c := &pgStatementsCounter{conn}
		if _, _, err := c.Read(ctx); err == nil {
			return c
		}
		conn.Close(ctx)
	}
	// Count from another database, so that reading does not count.
	database := cfg.Database
	conn, err := pg.ConnectURL(ctx, databaseURL, "postgres", params)
	if err != nil {
		return nil
	}
	c := &pgTransactionsCounter{conn: conn, database: database}
	if _, _, err := c.Read(ctx); err != nil {
		conn.Close(ctx)
		return nil
	}
	return c
}

// memoryOf reads a process's resident set size and its peak (VmRSS and
// VmHWM of /proc/PID/status), in bytes.
func memoryOf(pid int) (rss, peak int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	for line := range strings.Lines(string(b)) {
		for _, f := range []struct {
			key string
			v   *int64
		}{{"VmRSS:", &rss}, {"VmHWM:", &peak}} {
			if rest, ok := strings.CutPrefix(line, f.key); ok {
				fields := strings.Fields(rest)
				if len(fields) > 0 {
					kb, _ := strconv.ParseInt(fields[0], 10, 64)
					*f.v = kb * 1024
				}
			}
		}
	}
	if rss == 0 {
		return 0, 0, fmt.Errorf("/proc/%d/status has no VmRSS", pid)
	}
	return rss, peak, nil
}

// listeningPID finds the process listening on the TCP port of rawURL on
// this machine, through /proc; 0 when it cannot tell.
func listeningPID(rawURL string) int {
	u, err := url.Parse(rawURL)
	if err != nil {
		return 0
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	p, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return 0
	}
	inodes := map[string]bool{}
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for line := range strings.Lines(string(b)) {
			fields := strings.Fields(line)
			// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
			if len(fields) < 10 || fields[3] != "0A" { // 0A: LISTEN
				continue
			}
			_, hexPort, ok := strings.Cut(fields[1], ":")
			if !ok {
				continue
			}
			if lp, err := strconv.ParseUint(hexPort, 16, 16); err == nil && lp == p {
				inodes["socket:["+fields[9]+"]"] = true
			}
		}
	}
	if len(inodes) == 0 {
		return 0
	}
	procs, _ := filepath.Glob("/proc/[0-9]*")
	for _, proc := range procs {
		fds, _ := os.ReadDir(filepath.Join(proc, "fd"))
		for _, fd := range fds {
			link, err := os.Readlink(filepath.Join(proc, "fd", fd.Name()))
			if err == nil && inodes[link] {
				pid, _ := strconv.Atoi(filepath.Base(proc))
				return pid
			}
		}
	}
	return 0
}

// metricsURLFor is the /metrics beside a /query endpoint.
func metricsURLFor(queryURL string) string {
	u, err := url.Parse(queryURL)
	if err != nil {
		return ""
	}
	u.Path = "/metrics"
	u.RawQuery = ""
	return u.String()
}

// clockTicks is the unit of the CPU times in /proc/PID/stat (USER_HZ,
// 100 on Linux).
const clockTicks = 100

// cpuOf returns the CPU time (user and system) processes have used, read
// from /proc/PID/stat; processes that are gone count nothing.
func cpuOf(pids []int) time.Duration {
	var ticks int64
	for _, pid := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... utime stime: fields 14 and 15, counted
		// after the command, which may hold spaces and parentheses.
		s := string(b)
		fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(fields) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(fields[11], 10, 64)
		k, _ := strconv.ParseInt(fields[12], 10, 64)
		ticks += u + k
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

// postgresPIDs lists this machine's PostgreSQL processes (the whole local
// cluster: every database's backends and the background workers).
func postgresPIDs() []int {
	var pids []int
	procs, _ := filepath.Glob("/proc/[0-9]*/comm")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil || strings.TrimSpace(string(b)) != "postgres" {
			continue
		}
		if pid, err := strconv.Atoi(filepath.Base(filepath.Dir(p))); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}
