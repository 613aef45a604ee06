package bench_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench"
	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/pg"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// BenchmarkOperations answers each canonical operation in-process, through
// the server's whole handler (parsing, validation, resolvers, batched
// loads, response building) on the corpus of the plan tests, without the
// network: with -benchmem and -cpuprofile/-memprofile it profiles what the
// server spends per request. It reports the CPU time the process spent per
// request (server-cpu-ms/op: the handler and pgx, not PostgreSQL). Set NEWSGRAPH_BENCH_DATABASE_URL to run it on
// the default-scale corpus `make bench` leaves.
func BenchmarkOperations(b *testing.B) {
	url := generatedCorpus(b)
	pool, err := pg.NewPool(url, pg.PoolOptions{}) // the server's settings

	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	handler := serve.NewHandler(db.NewStore(pool), slog.New(slog.NewTextHandler(io.Discard, nil)), serve.Options{})
	srv := httptest.NewServer(handler)
	defer srv.Close()
	ops, err := bench.LoadOperations(bench.Canonical, "operations")
	if err != nil {
		b.Fatal(err)
	}
	for _, op := range ops {
		b.Run(op.Name, func(b *testing.B) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			bodies, err := bench.Prepare(ctx, srv.URL+"/query", op)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			cpu := processCPU(b)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					req := httptest.NewRequest(http.MethodPost, "/query", bytes.NewReader(bodies[i%len(bodies)]))
					req.Header.Set("Content-Type", "application/json")
					rec := httptest.NewRecorder()
					handler.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors":`)) {
						b.Fatalf("%s: %d %s", op.Name, rec.Code, rec.Body.String())
					}
					i++
				}
			})
			b.StopTimer()
			b.ReportMetric(float64(processCPU(b)-cpu)/float64(time.Millisecond)/float64(b.N), "server-cpu-ms/op")
		})
	}
}

// processCPU returns the CPU time (user and system) this process has used.
func processCPU(b *testing.B) time.Duration {
	b.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
