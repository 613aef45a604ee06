package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/bench"
)

// benchCmd runs `newsgraph bench`: it loads a running server with GraphQL
// operations, one after another, and prints a table of what it measured
// (see package bench).
//
//	newsgraph bench [-url URL] [-c 16] [-d 10s] [-warmup 3s] [-ops DIR] [-pid PID] [-json FILE] [OPERATION...]
func benchCmd(ctx context.Context, args []string, stdout io.Writer) error {
	fset := flag.NewFlagSet("newsgraph bench", flag.ContinueOnError)
	fset.SetOutput(stdout)
	cfg := bench.Config{Progress: stdout}
	fset.StringVar(&cfg.URL, "url", "http://127.0.0.1:8080/query", "the server's GraphQL endpoint")
	fset.IntVar(&cfg.Concurrency, "c", 16, "requests in flight at once")
	fset.DurationVar(&cfg.Duration, "d", 10*time.Second, "how long to measure each operation")
	fset.DurationVar(&cfg.Warmup, "warmup", 3*time.Second, "how long to run each operation before measuring it")
	fset.DurationVar(&cfg.Timeout, "timeout", 10*time.Second, "time limit of one request")
	fset.DurationVar(&cfg.WaitReady, "wait", 30*time.Second, "how long to wait for the server's /readyz")
	fset.IntVar(&cfg.PID, "pid", 0, "the server's process id, for its memory (default: the process listening on -url's port)")
	fset.StringVar(&cfg.MetricsURL, "metrics", "", "the server's Prometheus metrics, for SQL statements per request (default: /metrics beside -url)")
	fset.StringVar(&cfg.DatabaseURL, "database-url", os.Getenv("DATABASE_URL"),
		"the server's database, for SQL statements per request when the server exports no metrics (env DATABASE_URL)")
	opsDir := fset.String("ops", "", "read the operations from this directory (default: the canonical ones, compiled in)")
	jsonOut := fset.String("json", "", "also write the results as JSON to this file")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: newsgraph bench [flags] [OPERATION...]  (default: every operation)")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	var ops []*bench.Operation
	var err error
	if *opsDir != "" {
		ops, err = bench.LoadOperations(os.DirFS(*opsDir), ".")
	} else {
		ops, err = bench.LoadOperations(bench.Canonical, "operations")
	}
	if err != nil {
		return err
	}
	if ops, err = bench.Select(ops, fset.Args()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "benchmarking %s: %d operations, concurrency %d, warm-up %s, %s each\n",
		cfg.URL, len(ops), cfg.Concurrency, cfg.Warmup, cfg.Duration)
	rep, err := bench.Run(ctx, cfg, ops)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintln(stdout)
	rep.WriteTable(stdout)
	if *jsonOut != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*jsonOut, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	for _, r := range rep.Results {
		if r.Errors > 0 {
			return fmt.Errorf("bench: %s had %d errors (first: %s)", r.Operation, r.Errors, r.FirstErr)
		}
	}
	return nil
}
