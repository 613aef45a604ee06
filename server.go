// Command newsgraph serves curated news articles as a typed GraphQL API.
//
//	newsgraph [serve]              create, migrate and seed the database if needed, then serve
//	newsgraph migrate up|down N|version
//	newsgraph seed [-check] [DIR]  load curated documents (default: the embedded seeds)
//
// Configuration comes from flags or the environment: DATABASE_URL and ADDR.
package main

//go:generate go tool gqlgen generate

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/seeds"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	if err := run(ctx, os.Args[1:], os.Stdout, logger); err != nil {
		printError(os.Stderr, err)
		os.Exit(1)
	}
}

// printError writes err for the operator: a validation error one problem a
// line, anything else as it is.
func printError(w io.Writer, err error) {
	var invalid *db.ValidationError
	if errors.As(err, &invalid) {
		fmt.Fprintf(w, "newsgraph: %d problem(s) found; nothing was written:\n", len(invalid.Problems))
		for _, p := range invalid.Problems {
			fmt.Fprintln(w, "  "+p.String())
		}
		return
	}
	fmt.Fprintln(w, "newsgraph:", err)
}

// config is what every subcommand may be configured with.
type config struct {
	databaseURL string
	addr        string
	corsOrigins []string
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// run dispatches to a subcommand; serve is the default.
func run(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	fset := flag.NewFlagSet("newsgraph "+cmd, flag.ContinueOnError)
	var cfg config
	fset.StringVar(&cfg.databaseURL, "database-url", envOr("DATABASE_URL", db.DefaultURL), "PostgreSQL URL (env DATABASE_URL)")
	switch cmd {
	case "serve":
		fset.StringVar(&cfg.addr, "addr", envOr("ADDR", ":8080"), "address to listen on (env ADDR)")
		origins := fset.String("cors-origins", os.Getenv("CORS_ORIGINS"), "comma-separated browser origins allowed to call the API, or * (env CORS_ORIGINS)")
		if err := fset.Parse(args); err != nil {
			return err
		}
		for _, o := range strings.Split(*origins, ",") {
			if o = strings.TrimSpace(o); o != "" {
				cfg.corsOrigins = append(cfg.corsOrigins, o)
			}
		}
		return serve(ctx, cfg, logger)
	case "migrate":
		if err := fset.Parse(args); err != nil {
			return err
		}
		return migrateCmd(ctx, cfg, fset.Args(), stdout)
	case "seed":
		check := fset.Bool("check", false, "validate the documents and write nothing")
		if err := fset.Parse(args); err != nil {
			return err
		}
		return seedCmd(ctx, cfg, fset.Args(), *check, stdout)
	}
	return fmt.Errorf("unknown command %q; want serve, migrate or seed", cmd)
}

// prepare creates the database if it is missing, migrates it up and opens a
// pool on it.
func prepare(ctx context.Context, cfg config) (*db.Store, error) {
	if err := db.EnsureDatabase(ctx, cfg.databaseURL); err != nil {
		return nil, err
	}
	m, err := db.NewMigrator(cfg.databaseURL)
	if err != nil {
		return nil, err
	}
	upErr := m.Up()
	if err := errors.Join(upErr, m.Close()); err != nil {
		return nil, err
	}
	pool, err := db.Open(ctx, cfg.databaseURL)
	if err != nil {
		return nil, err
	}
	return db.NewStore(pool), nil
}

func serve(ctx context.Context, cfg config, logger *slog.Logger) error {
	pool, err := db.NewPool(cfg.databaseURL, db.PoolOptions{})
	if err != nil {
		return err
	}
	defer pool.Close()
	store := db.NewStore(pool)

	// The database may not be up yet: serve at once (not ready), and make it
	// ready in the background, retrying with backoff.
	var started atomic.Bool
	prepared := make(chan struct{})
	go func() {
		defer close(prepared)
		if prepareWithRetry(ctx, cfg, store, logger) {
			started.Store(true)
			logger.Info("ready")
		}
	}()

	shutdown := make(chan struct{})
	srv := &http.Server{
		Addr: cfg.addr,
		Handler: graph.NewHandler(store, logger, graph.Options{
			CORSOrigins: cfg.corsOrigins,
			Started:     started.Load,
			Shutdown:    shutdown,
		}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	srv.RegisterOnShutdown(func() { close(shutdown) }) // ends subscriptions
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	logger.Info("serving", "addr", cfg.addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = srv.Shutdown(shutdownCtx)
	<-prepared
	logger.Info("stopped")
	return err
}

// prepareWithRetry creates, migrates and (when empty) seeds the database,
// retrying with exponential backoff until it succeeds or ctx ends. It
// reports whether the database is ready.
func prepareWithRetry(ctx context.Context, cfg config, store *db.Store, logger *slog.Logger) bool {
	delay := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := prepareDatabase(ctx, cfg, store, logger)
		if err == nil {
			return true
		}
		logger.Warn("database not ready; retrying", "attempt", attempt, "retry_in", delay.String(), "error", err.Error())
		select {
		case <-ctx.Done():
			return false
		case <-time.After(delay):
		}
		delay = min(2*delay, 30*time.Second)
	}
}

// prepareDatabase creates the database if it is missing, migrates it up, and
// loads the embedded seeds if it holds no article.
func prepareDatabase(ctx context.Context, cfg config, store *db.Store, logger *slog.Logger) error {
	if err := db.EnsureDatabase(ctx, cfg.databaseURL); err != nil {
		return err
	}
	m, err := db.NewMigrator(cfg.databaseURL)
	if err != nil {
		return err
	}
	if err := errors.Join(m.Up(), m.Close()); err != nil {
		return err
	}
	empty, err := store.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	docs, err := seeds.Read(seeds.FS)
	if err != nil {
		return err
	}
	res, err := store.Import(ctx, docs)
	if err != nil {
		return fmt.Errorf("load seeds: %w", err)
	}
	logger.Info("loaded seed articles", "articles", len(res.Articles))
	return nil
}

func migrateCmd(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("migrate: want up, down N or version")
	}
	if err := db.EnsureDatabase(ctx, cfg.databaseURL); err != nil {
		return err
	}
	m, err := db.NewMigrator(cfg.databaseURL)
	if err != nil {
		return err
	}
	defer m.Close()
	switch {
	case args[0] == "up" && len(args) == 1:
		err = m.Up()
	case args[0] == "down" && len(args) == 2:
		n, convErr := strconv.Atoi(args[1])
		if convErr != nil {
			return fmt.Errorf("migrate down: %q is not a number of steps", args[1])
		}
		err = m.Down(n)
	case args[0] == "version" && len(args) == 1:
		v, dirty, verr := m.Version()
		if verr != nil {
			return verr
		}
		latest, _ := db.Latest()
		fmt.Fprintf(stdout, "version %d of %d", v, latest)
		if dirty {
			fmt.Fprint(stdout, " (dirty: a migration failed; fix it, then force the version)")
		}
		fmt.Fprintln(stdout)
		return nil
	default:
		return fmt.Errorf("migrate: want up, down N or version; got %q", args)
	}
	if err != nil {
		return err
	}
	v, _, err := m.Version()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "schema at version %d\n", v)
	return nil
}

func seedCmd(ctx context.Context, cfg config, args []string, check bool, stdout io.Writer) error {
	var fsys fs.FS = seeds.FS
	switch len(args) {
	case 0:
	case 1:
		fsys = os.DirFS(args[0])
	default:
		return errors.New("seed: want at most one directory")
	}
	docs, err := seeds.Read(fsys)
	if err != nil {
		return err
	}
	store, err := prepare(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Pool().Close()
	if check {
		if err := store.Validate(ctx, docs); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d documents are valid\n", len(docs))
		return nil
	}
	res, err := store.Import(ctx, docs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "loaded %d documents (%d articles)\n", len(docs), len(res.Articles))
	return nil
}
