# newsgraph: `make` or `make help` lists the targets.
# DATABASE_URL and ADDR can be overridden, e.g. `make run ADDR=:9090`, and are
# exported to every command. Tests create throwaway databases beside
# DATABASE_URL's, so its user must be allowed to create databases.

.DEFAULT_GOAL := help
SHELL := bash
.SHELLFLAGS := -euo pipefail -c

DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsgraph?sslmode=disable
ADDR ?= :8080
export DATABASE_URL ADDR

# Go from its usual install places if it is not on PATH already.
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin

GO ?= go
export GO
# staticcheck 2026.1 (v0.7.0) is the release with Go 1.26 support; the
# proxy knows releases by their v0.x.y names only (2025.1.1 is v0.6.1).
STATICCHECK_VERSION ?= v0.7.0
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

# The load benchmark (make bench, BENCHMARKS.md): its own database, corpus
# size, server address and load. `make bench BENCH_ARTICLES=10000` is quicker.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsgraph_bench?sslmode=disable
BENCH_ARTICLES ?= 100000
BENCH_SEED ?= 1
BENCH_ADDR ?= 127.0.0.1:8089
BENCH_ARGS ?= -c 16 -warmup 3s -d 10s
BENCH_CACHE_MB ?= 32

.PHONY: help run test build generate check-generate lint postgres browser bench fuzz

help: ## list the targets
	@echo 'usage: make TARGET [DATABASE_URL=...] [ADDR=...]'
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN { FS = ":.*## " } { printf "  %-15s %s\n", $$1, $$2 }'

postgres: ## make sure PostgreSQL accepts connections at DATABASE_URL (starts it if local, installs Debian's package if missing)
	.ci/postgres --install

browser: ## make sure Node.js, npm and Chromium are installed for the browser tests (installs Debian's packages if missing)
	.ci/browser

run: postgres ## serve the API on ADDR (creates, migrates and seeds the database)
	$(GO) run . serve

test: postgres browser ## run all tests with the race detector against DATABASE_URL's server
	$(GO) test -race -count=1 ./...

build: ## build bin/newsgraph
	$(GO) build -o bin/newsgraph .

generate: ## regenerate generated code (go generate ./...)
	$(GO) generate ./...

check-generate: ## fail if go generate changes any file (generated code out of date)
	.ci/check-generate

lint: ## gofmt, go vet and staticcheck
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run: gofmt -w .):"; \
		echo "$$unformatted"; exit 1; \
	fi
	$(GO) vet ./...
	@if $(GO) list -m honnef.co/go/tools@$(STATICCHECK_VERSION) >/dev/null 2>&1; then \
		echo '$(GO) run $(STATICCHECK) ./...'; \
		$(GO) run $(STATICCHECK) ./...; \
	else \
		echo "lint: skipping staticcheck: honnef.co/go/tools@$(STATICCHECK_VERSION) cannot be resolved"; \
	fi

# A count of inputs (Nx) rather than a duration: Go 1.26's fuzzing
# coordinator can report "context deadline exceeded" as a failure when a
# duration runs out under load (Go issue 75804, fixed in Go 1.27).
FUZZTIME ?= 2000x
# package:target pairs
FUZZ_TARGETS := ./graph/:FuzzDecodeID ./graph/:FuzzDecodeCursor ./graph/:FuzzPageArgs ./graph/serve/:FuzzStatementsFilter ./seeds/document/:FuzzParseDocument

fuzz: postgres ## run each fuzz target for FUZZTIME inputs (default 2000x)
	@for pt in $(FUZZ_TARGETS); do \
		p=$${pt%%:*}; t=$${pt#*:}; \
		echo "$(GO) test -run='^$$' -fuzz='^$$t$$' -fuzztime=$(FUZZTIME) $$p"; \
		$(GO) test -run='^$$' -fuzz="^$$t\$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=200x $$p || exit 1; \
	done

bench: postgres build ## generate (or reuse) the benchmark corpus, serve it and load it with every canonical operation, without and with the response cache
	$(GO) build -o bin/generate ./bench/cmd/generate
	DATABASE_URL='$(BENCH_DATABASE_URL)' bin/generate -articles $(BENCH_ARTICLES) -seed $(BENCH_SEED) -reuse -reset
	@for mb in 0 $(BENCH_CACHE_MB); do \
		if [ $$mb = 0 ]; then echo; echo "== every request computed (RESPONSE_CACHE_MB=0): bin/bench-uncached.json"; name=uncached; \
		else echo; echo "== as served by default, repeats answered by the response cache (RESPONSE_CACHE_MB=$$mb): bin/bench.json"; name=; fi; \
		RESPONSE_CACHE_MB=$$mb DATABASE_URL='$(BENCH_DATABASE_URL)' ADDR='$(BENCH_ADDR)' bin/newsgraph serve 2>bin/bench-server$${name:+-$$name}.log & \
		server=$$!; trap 'kill $$server 2>/dev/null || true; wait $$server 2>/dev/null || true' EXIT; \
		status=0; bin/newsgraph bench -url http://$(BENCH_ADDR)/query -pid $$server -wait 60s \
			-database-url '$(BENCH_DATABASE_URL)' -json bin/bench$${name:+-$$name}.json $(BENCH_ARGS) || status=$$?; \
		kill $$server; wait $$server 2>/dev/null || true; [ $$status = 0 ] || exit $$status; \
	done
