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
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/migrations"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/db/route"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
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
	limits      serve.Limits
	documents   document.Limits // for importArticle, import and seed
	dev         bool
	allowList   map[string]string // nil: any operation may run
	tokens      *serve.Tokens
	readsToken  bool     // queries need a token too
	cacheMB     int      // the response cache's size; 0: no cache
	readURLs    []string // hot standbys to read from; none: read from the primary
	standbys    route.Options
}

// readTokens reads the API tokens from NEWSGRAPH_API_TOKENS (name=token
// pairs) and the file NEWSGRAPH_API_TOKENS_FILE names (name and SHA-256 of
// the token per line).
func readTokens() (*serve.Tokens, error) {
	var file []byte
	if path := os.Getenv("NEWSGRAPH_API_TOKENS_FILE"); path != "" {
		var err error
		if file, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("NEWSGRAPH_API_TOKENS_FILE: %w", err)
		}
	}
	return serve.ParseTokens(os.Getenv("NEWSGRAPH_API_TOKENS"), string(file))
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}

// envBool returns the environment variable name as a boolean; unset is
// false.
func envBool(name string) (bool, error) {
	v := os.Getenv(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s: want true or false, got %q", name, v)
	}
	return b, nil
}

// durationFlag defines the flag name for p, whose default is the
// environment variable env when set, else fallback. It returns what is
// wrong with the environment variable.
func durationFlag(fset *flag.FlagSet, p *time.Duration, name, env string, fallback time.Duration, usage string) error {
	*p = fallback
	var err error
	if s := os.Getenv(env); s != "" {
		d, parseErr := time.ParseDuration(s)
		if parseErr != nil || d <= 0 {
			err = fmt.Errorf("%s: want a positive duration like 2s or 500ms, got %q", env, s)
		} else {
			*p = d
		}
	}
	fset.DurationVar(p, name, *p, usage+" (env "+env+")")
	return err
}

// commaList splits a comma-separated list, dropping empty items.
func commaList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// limitFlags defines a flag for each of the request limits, whose default
// is its environment variable when set, else serve.DefaultLimits. It
// returns what is wrong with the environment variables.
func limitFlags(fset *flag.FlagSet, l *serve.Limits) error {
	var errs []error
	limit := func(p *int, name, env string, fallback int, usage string) {
		errs = append(errs, intFlag(fset, wholeNumber{p, 1}, name, env, fallback, usage))
	}
	d := serve.DefaultLimits
	limit(&l.BodyBytes, "max-body-bytes", "MAX_BODY_BYTES", d.BodyBytes, "largest request body, in `bytes`")
	limit(&l.Tokens, "max-tokens", "MAX_TOKENS", d.Tokens, "at most `n` lexical tokens in a GraphQL document")
	limit(&l.Depth, "max-depth", "MAX_DEPTH", d.Depth, "fields nest at most `n` deep")
	limit(&l.Aliases, "max-aliases", "MAX_ALIASES", d.Aliases, "at most `n` aliases in a document")
	limit(&l.Repeats, "max-repeats", "MAX_REPEATS", d.Repeats, "a selection set selects one field at most `n` times")
	limit(&l.Directives, "max-directives", "MAX_DIRECTIVES", d.Directives, "at most `n` directives in a document")
	limit(&l.Cost, "max-cost", "MAX_COST", d.Cost, "an operation may cost at most `n` (each object costs 1; a connection multiplies by its page size)")
	limit(&l.Errors, "max-errors", "MAX_ERRORS", d.Errors, "a response lists at most `n` validation errors")
	limit(&l.BufferedBodyBytes, "max-buffered-body-bytes", "MAX_BUFFERED_BODY_BYTES", d.BufferedBodyBytes, "request bodies hold at most `bytes` of memory at once, over all requests; a body that would take more gets 503")
	limit(&l.InFlight, "max-in-flight", "MAX_IN_FLIGHT", d.InFlight, "at most `n` requests run at once (by default 6 a core); the others wait for a slot until their time limit")
	return errors.Join(errs...)
}

// documentLimitFlags defines a flag for each of the limits on the curated
// documents that importArticle, import and seed read, whose default is its
// environment variable when set, else document.DefaultLimits. It returns
// what is wrong with the environment variables.
func documentLimitFlags(fset *flag.FlagSet, l *document.Limits) error {
	var errs []error
	limit := func(p *int, name, env string, fallback int, usage string) {
		errs = append(errs, intFlag(fset, wholeNumber{p, 1}, name, env, fallback, usage))
	}
	d := document.DefaultLimits
	limit(&l.Bytes, "max-document-bytes", "MAX_DOCUMENT_BYTES", d.Bytes, "largest curated document, in `bytes`")
	limit(&l.Nodes, "max-document-nodes", "MAX_DOCUMENT_NODES", d.Nodes, "at most `n` YAML nodes (keys, values, items) in a document")
	limit(&l.Depth, "max-document-depth", "MAX_DOCUMENT_DEPTH", d.Depth, "a document's lists and mappings nest at most `n` deep")
	limit(&l.Items, "max-document-items", "MAX_DOCUMENT_ITEMS", d.Items, "at most `n` items in any one list or mapping of a document")
	limit(&l.StringBytes, "max-document-string-bytes", "MAX_DOCUMENT_STRING_BYTES", d.StringBytes, "longest key or value in a document, in `bytes`")
	return errors.Join(errs...)
}

// intFlag defines the flag name for v, whose default is the environment
// variable env when set, else fallback. It returns what is wrong with the
// environment variable.
func intFlag(fset *flag.FlagSet, v wholeNumber, name, env string, fallback int, usage string) error {
	*v.p = fallback
	var err error
	if s := os.Getenv(env); s != "" {
		if err = v.Set(s); err != nil {
			err = fmt.Errorf("%s: %w", env, err)
		}
	}
	fset.Var(v, name, usage+" (env "+env+")")
	return err
}

// wholeNumber is a flag.Value for a whole number of at least min.
type wholeNumber struct {
	p   *int
	min int
}

func (v wholeNumber) String() string {
	if v.p == nil {
		return "0"
	}
	return strconv.Itoa(*v.p)
}

func (v wholeNumber) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < v.min {
		return fmt.Errorf("want a whole number of at least %d, got %q", v.min, s)
	}
	*v.p = n
	return nil
}

// readAllowList reads the persisted-queries file: a JSON object that maps
// each allowed operation's SHA-256 hash to its text.
func readAllowList(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("persisted queries: %w", err)
	}
	list, err := serve.ParseAllowList(data)
	if err != nil {
		return nil, fmt.Errorf("persisted queries %s: %w", path, err)
	}
	return list, nil
}

// runCommand dispatches to a subcommand; serve is the default.
func runCommand(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	fset := newFlagSet(cmd, stdout)
	var cfg config
	fset.StringVar(&cfg.databaseURL, "database-url", envOr("DATABASE_URL", pg.DefaultURL), "PostgreSQL URL (env DATABASE_URL)")
	switch cmd {
	case "serve":
		fset.StringVar(&cfg.addr, "addr", envOr("ADDR", ":8080"), "address to listen on (env ADDR)")
		origins := fset.String("cors-origins", os.Getenv("CORS_ORIGINS"), "comma-separated browser origins allowed to call the API, or * (env CORS_ORIGINS)")
		envErr := errors.Join(limitFlags(fset, &cfg.limits), documentLimitFlags(fset, &cfg.documents))
		envErr = errors.Join(envErr, intFlag(fset, wholeNumber{&cfg.cacheMB, 0}, "response-cache-mb", "RESPONSE_CACHE_MB", serve.DefaultResponseCacheMB,
			"keep the answers of repeated queries in up to `MB` of memory until the data changes; 0: no cache"))
		dev, err := envBool("NEWSGRAPH_DEV")
		envErr = errors.Join(envErr, err)
		fset.BoolVar(&cfg.dev, "dev", dev, "development mode: validation errors suggest names, and introspection works with -persisted-queries (env NEWSGRAPH_DEV)")
		persisted := fset.String("persisted-queries", os.Getenv("PERSISTED_QUERIES_FILE"), "JSON file that maps SHA-256 hashes to queries: run only those (env PERSISTED_QUERIES_FILE)")
		readURLs := fset.String("database-read-urls", os.Getenv("DATABASE_READ_URLS"),
			"comma-separated URLs of hot standbys of the database to send queries to (env DATABASE_READ_URLS)")
		d := route.DefaultOptions
		envErr = errors.Join(envErr,
			durationFlag(fset, &cfg.standbys.MaxLag, "max-standby-lag", "MAX_STANDBY_LAG", d.MaxLag,
				"a standby further behind the primary than this leaves the rotation until it catches up"),
			durationFlag(fset, &cfg.standbys.MaxWait, "standby-wait", "STANDBY_WAIT", d.MaxWait,
				"how long a query with a consistency token waits for a standby to replay it before it reads from the primary"))
		readsToken, err := envBool("NEWSGRAPH_READS_NEED_TOKEN")
		envErr = errors.Join(envErr, err)
		fset.BoolVar(&cfg.readsToken, "reads-need-token", readsToken, "queries and subscriptions need an API token too (env NEWSGRAPH_READS_NEED_TOKEN)")
		if err := fset.Parse(args); err != nil {
			return err
		}
		if envErr != nil {
			return envErr
		}
		if cfg.tokens, err = readTokens(); err != nil {
			return err
		}
		if *persisted != "" {
			if cfg.allowList, err = readAllowList(*persisted); err != nil {
				return err
			}
		}
		cfg.corsOrigins = commaList(*origins)
		cfg.readURLs = commaList(*readURLs)
		return serveCmd(ctx, cfg, logger)
	case "migrate":
		if err := fset.Parse(args); err != nil {
			return err
		}
		return migrateCmd(ctx, cfg, fset.Args(), stdout)
	case "seed":
		check := fset.Bool("check", false, "validate the documents against the database (created and migrated if needed) and load nothing")
		envErr := documentLimitFlags(fset, &cfg.documents)
		if err := fset.Parse(args); err != nil {
			return err
		}
		if envErr != nil {
			return envErr
		}
		return seedCmd(ctx, cfg, fset.Args(), *check, stdout)
	case "import":
		actor := fset.String("as", "cli", "the name the audit log records for this import")
		envErr := documentLimitFlags(fset, &cfg.documents)
		if err := fset.Parse(args); err != nil {
			return err
		}
		if envErr != nil {
			return envErr
		}
		return importCmd(ctx, cfg, fset.Args(), *actor, stdout)
	case "token":
		if err := fset.Parse(args); err != nil {
			return err
		}
		return tokenCmd(fset.Args(), stdout)
	case "extract":
		out := fset.String("o", "", "write the draft to `FILE.yaml` instead of stdout")
		if err := fset.Parse(args); err != nil {
			return err
		}
		return extractCmd(ctx, fset.Args(), *out, stdout)
	case "bench":
		return benchCmd(ctx, args, stdout)
	}
	return fmt.Errorf("unknown command %q; want %s (newsgraph -h describes them)", cmd, commandNames())
}

// prepare creates the database if it is missing, migrates it up and opens a
// pool on it.
func prepare(ctx context.Context, cfg config) (*db.Store, error) {
	if err := createAndMigrate(ctx, cfg.databaseURL); err != nil {
		return nil, err
	}
	pool, err := pg.Open(ctx, cfg.databaseURL)
	if err != nil {
		return nil, err
	}
	return db.NewStore(pool), nil
}

// createAndMigrate creates the database if it is missing and migrates it up.
func createAndMigrate(ctx context.Context, databaseURL string) error {
	if err := pg.EnsureDatabase(ctx, databaseURL); err != nil {
		return err
	}
	m, err := migrations.New(databaseURL)
	if err != nil {
		return err
	}
	return errors.Join(m.Up(), m.Close())
}

// Garbage collector defaults for serve, unless GOGC or GOMEMLIMIT say
// otherwise. A request allocates much and keeps little (a front page: 2 MB
// allocated, nothing kept), so with Go's default GOGC of 100 the collector
// ran every few requests and cost a fifth of the server's CPU. GOGC 400
// collects a quarter as often; the memory limit makes it collect sooner
// rather than let the heap pass 120 MiB. With the response cache full
// (32 MB of answers, the default) a limit of 160 MiB let the process reach
// 172-183 MB, and 128 MiB 144-152; 120 MiB keeps it at 136-139, for the
// same CPU (BENCHMARKS.md).
const (
	serveGCPercent   = 400
	serveMemoryLimit = 120 << 20
)

// tuneGC applies the garbage collector defaults for serve.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
}

func serveCmd(ctx context.Context, cfg config, logger *slog.Logger) error {
	tuneGC()
	pool, err := pg.NewPool(cfg.databaseURL, pg.PoolOptions{})
	if err != nil {
		return err
	}
	defer pool.Close()
	store := db.NewStore(pool)
	defer store.Close()
	if err := store.UseStandbys(cfg.readURLs, cfg.standbys); err != nil {
		return err
	}

	// The database may not be up yet: serve at once (not ready), and make it
	// ready in the background, retrying with backoff.
	var started atomic.Bool
	prepared := make(chan struct{})
	// Subscriptions: this replica's listener for change events, started
	// once the database is prepared.
	broker := serve.NewBroker(store, cfg.databaseURL, logger)
	metrics := serve.NewMetrics(pool)
	var cache *serve.ResponseCache
	if cfg.cacheMB > 0 {
		cache = serve.NewResponseCache(cfg.databaseURL, cfg.cacheMB<<20, logger, metrics)
	}
	listenCtx, stopListening := context.WithCancel(context.WithoutCancel(ctx))
	defer stopListening()
	go func() {
		defer close(prepared)
		if prepareWithRetry(ctx, cfg, store, logger) {
			started.Store(true)
			logger.Info("ready")
			go broker.Run(listenCtx)
			go store.Router().WatchStandbys(listenCtx)
			if cache != nil {
				go cache.Run(listenCtx)
			}
		}
	}()

	if cfg.tokens.Len() == 0 {
		logger.Info("no API token configured: every mutation is refused (see newsgraph token)")
	}

	shutdown := make(chan struct{})
	srv := &http.Server{
		Addr: cfg.addr,
		Handler: serve.NewHandler(store, logger, serve.Options{
			CORSOrigins:    cfg.corsOrigins,
			Started:        started.Load,
			Shutdown:       shutdown,
			Limits:         cfg.limits,
			Documents:      cfg.documents,
			Dev:            cfg.dev,
			AllowList:      cfg.allowList,
			Tokens:         cfg.tokens,
			ReadsNeedToken: cfg.readsToken,
			Broker:         broker,
			Metrics:        metrics,
			ResponseCache:  cache,
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
	logger.Info("serving", "addr", cfg.addr, "standbys", len(cfg.readURLs), "dev", cfg.dev, "allow_list", cfg.allowList != nil, "persisted_queries", len(cfg.allowList))
	logger.Info("open in a browser", "playground", browserURL(cfg.addr), "reader", browserURL(cfg.addr)+"reader/")
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
	if err := createAndMigrate(ctx, cfg.databaseURL); err != nil {
		return err
	}
	empty, err := store.Empty(ctx)
	if err != nil || !empty {
		return err
	}
	docs, err := document.Read(seeds.FS)
	if err != nil {
		return err
	}
	res, err := curate.Import(ctx, store, docs)
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
	if err := pg.EnsureDatabase(ctx, cfg.databaseURL); err != nil {
		return err
	}
	m, err := migrations.New(cfg.databaseURL)
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
		latest, _ := migrations.Latest()
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
	docs, err := document.ReadWithin(ctx, fsys, cfg.documents)
	if err != nil {
		return err
	}
	store, err := prepare(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Pool().Close()
	defer store.Close()
	if check {
		if err := curate.Validate(ctx, store, docs); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d documents are valid\n", len(docs))
		return nil
	}
	res, err := curate.Import(ctx, store, docs)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "loaded %d documents (%d articles)\n", len(docs), len(res.Articles))
	return nil
}
