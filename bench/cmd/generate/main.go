package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/bench/corpus"
	"github.com/newsgraph/newsgraph/db/migrations"
	"github.com/newsgraph/newsgraph/db/pg"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	databaseURL := cmp.Or(os.Getenv("DATABASE_URL"), pg.DefaultURL)
	if err := run(ctx, databaseURL, os.Args[1:], os.Stdout); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "generate:", err)
		}
		os.Exit(1)
	}
}

// run parses args and generates the corpus; databaseURL is the default of
// -database-url.
func run(ctx context.Context, databaseURL string, args []string, stdout io.Writer) error {
	fset := flag.NewFlagSet("generate", flag.ContinueOnError)
	fset.SetOutput(stdout)
	fset.StringVar(&databaseURL, "database-url", databaseURL, "PostgreSQL URL (env DATABASE_URL)")
	articles := fset.Int("articles", 100_000, "articles to generate; people, organizations, agreements, statements and figures scale with it")
	seed := fset.Uint64("seed", 1, "random seed: the same seed and size give the same corpus")
	reset := fset.Bool("reset", false, "replace whatever the database holds")
	reuse := fset.Bool("reuse", false, "do nothing if the database already holds this corpus (same size, seed and generator)")
	connections := fset.Int("connections", 2, "connections that copy and index at once (PostgreSQL computes one COPY's full-text columns on one core)")
	noFreeze := fset.Bool("no-freeze", false, "copy without FREEZE and vacuum afterwards (to measure what FREEZE saves)")
	fset.Usage = func() {
		fmt.Fprintln(fset.Output(), "usage: generate [flags]  (the database comes from -database-url or DATABASE_URL)")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("generate: unexpected arguments %q", fset.Args())
	}
	if err := pg.EnsureDatabase(ctx, databaseURL); err != nil {
		return err
	}
	m, err := migrations.New(databaseURL)
	if err != nil {
		return err
	}
	if err := errors.Join(m.Up(), m.Close()); err != nil {
		return err
	}
	pool, err := pg.Open(ctx, databaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	scale := corpus.ScaleFor(*articles)
	if !*reuse {
		fmt.Fprintf(stdout, "generating %d articles, %d people, %d organizations, %d agreements (seed %d)\n",
			scale.Articles, scale.People, scale.Organizations, scale.Agreements, *seed)
	}
	res, err := corpus.Generate(ctx, pool, corpus.Options{
		Articles: *articles, Seed: *seed, Reset: *reset, Reuse: *reuse, Connections: *connections, NoFreeze: *noFreeze, Progress: stdout,
	})
	if err != nil {
		return err
	}
	if res.Reused {
		return nil
	}
	tables := make([]string, 0, len(res.Rows))
	for t := range res.Rows {
		tables = append(tables, t)
	}
	slices.SortFunc(tables, func(a, b string) int { return int(res.Rows[b] - res.Rows[a]) })
	fmt.Fprintln(stdout)
	for _, t := range tables {
		fmt.Fprintf(stdout, "  %-24s %12s rows  copied in %5.1fs\n", t, commas(res.Rows[t]), res.CopyTime[t].Seconds())
	}
	total := res.TotalRows()
	fmt.Fprintf(stdout, "  %-24s %12s\n", "total", commas(total))
	fmt.Fprintf(stdout, "generated %s rows in %s (%s rows/s overall)\n",
		commas(total), res.Elapsed.Round(100*time.Millisecond), commas(int64(float64(total)/res.Elapsed.Seconds())))
	return nil
}

// commas formats n with thousands separators.
func commas(n int64) string {
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
