package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// slotHolder holds the first resolver of Query.articles, ignoring its
// context, until released: a request that keeps its in-flight slot past
// its own time limit.
type slotHolder struct {
	once             *sync.Once
	entered, release chan struct{}
}

func (slotHolder) ExtensionName() string                          { return "SlotHolder" }
func (slotHolder) Validate(schema graphql.ExecutableSchema) error { return nil }
func (h slotHolder) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	if fc := graphql.GetFieldContext(ctx); fc.Object == "Query" && fc.Field.Name == "articles" {
		h.once.Do(func() {
			close(h.entered)
			<-h.release
		})
	}
	return next(ctx)
}

// TestInFlightLimit runs one request at a time: a request held up in a
// resolver keeps the only slot, so the next one waits and gets 503
// UNAVAILABLE with Retry-After when its time limit passes; once the slot
// is free, requests run again. An open websocket takes no slot.
func TestInFlightLimit(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	logger := slog.New(slog.NewJSONHandler(io.Discard, nil))
	bctx, stop := context.WithCancel(ctx)
	broker := serve.NewBroker(d.Store, d.URL, logger)
	go broker.Run(bctx)
	const limit = 500 * time.Millisecond
	holder := slotHolder{once: &sync.Once{}, entered: make(chan struct{}), release: make(chan struct{})}
	srv := httptest.NewServer(serve.NewHandler(d.Store, logger, serve.Options{
		RequestTimeout: limit,
		Limits:         serve.Limits{InFlight: 1},
		Metrics:        serve.NewMetrics(d.Pool),
		Broker:         broker,
		Extensions:     []graphql.HandlerExtension{holder},
	}))
	t.Cleanup(func() { srv.Close(); stop() })

	subscribe(t, srv, `subscription { articleImported { slug } }`)
	if res := postTo(t, srv, `{ __typename }`, nil); len(res.Errors) != 0 {
		t.Fatalf("with a subscription open: errors %+v; want none", res.Errors)
	}

	held := make(chan []byte, 1)
	go func() {
		body, _ := json.Marshal(map[string]any{"query": `{ articles(first: 1) { nodes { slug } } }`})
		res, err := http.Post(srv.URL+"/query", "application/json", bytes.NewReader(body))
		if err != nil {
			held <- []byte(err.Error())
			return
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		held <- raw
	}()
	<-holder.entered // the first request holds the slot

	start := time.Now()
	reply := postRaw(t, srv, plainJSON, "", `{"query": "{ __typename }"}`)
	took := time.Since(start)
	status, header, body := reply.status, reply.header, reply.body
	var res response
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	if status != http.StatusServiceUnavailable || header.Get("Retry-After") == "" ||
		len(res.Errors) != 1 || res.Errors[0].Extensions["code"] != "UNAVAILABLE" {
		t.Fatalf("while the slot is taken: status %d, Retry-After %q, %s; want 503 UNAVAILABLE with Retry-After",
			status, header.Get("Retry-After"), body)
	}
	if !strings.Contains(res.Errors[0].Message, "busy") {
		t.Errorf("message %q; want it to say the server is busy", res.Errors[0].Message)
	}
	if took < limit/2 {
		t.Errorf("refused after %v; want it to wait for a slot until its time limit (%v)", took, limit)
	}
	close(holder.release)
	if first := <-held; !bytes.Contains(first, []byte(`"code":"TIMEOUT"`)) {
		t.Errorf("the request that held the slot past its time limit: %s; want TIMEOUT", first)
	}

	res = postTo(t, srv, `{ articles(first: 1) { nodes { slug } } }`, nil)
	if len(res.Errors) != 0 || !bytes.Contains(res.Data, []byte(`"slug":"`)) {
		t.Fatalf("after the slot was freed: %s %+v; want an article", res.Data, res.Errors)
	}

	req, err := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
	if err != nil {
		t.Fatal(err)
	}
	metrics := sendAPI(t, req).body
	for _, want := range []string{`newsgraph_graphql_rejected_total{limit="IN_FLIGHT"} 1`, "newsgraph_requests_waiting 0"} {
		if !strings.Contains(string(metrics), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// trickle opens a raw connection to srv and starts a POST whose body of
// 1,000 declared bytes it sends one byte every 50 ms until the test ends
// or the server stops reading.
func trickle(t *testing.T, srv *httptest.Server) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c, "POST /query HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
		srv.Listener.Addr()); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if _, err := c.Write([]byte(" ")); err != nil {
					return
				}
			}
		}
	}()
	t.Cleanup(func() { close(stop); <-done; c.Close() })
	return c
}

// TestSlowBodiesTakeNoSlot sends 50 bodies a byte at a time to a server
// that runs two requests at once: a normal request must still be answered
// while they trickle, since a body is read before its request takes a slot.
func TestSlowBodiesTakeNoSlot(t *testing.T) {
	d := dbtest.New(t)
	var started atomic.Int32
	srv := httptest.NewUnstartedServer(serve.NewHandler(d.Store, slog.New(slog.NewJSONHandler(io.Discard, nil)), serve.Options{
		RequestTimeout:  2 * time.Second,
		BodyReadTimeout: time.Minute,
		Limits:          serve.Limits{InFlight: 2},
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateActive { // the request's header is read; its handler starts
			started.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	const slow = 50
	conns := make([]net.Conn, slow)
	for i := range conns {
		conns[i] = trickle(t, srv)
	}
	waitFor(t, "the slow requests to start", func() bool { return started.Load() >= slow })

	start := time.Now()
	res := postTo(t, srv, `{ articles { totalCount } }`, nil)
	t.Logf("a normal request beside %d slow bodies took %v", slow, time.Since(start))
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data), "totalCount") {
		t.Fatalf("got %s %+v; want the count", res.Data, res.Errors)
	}
	for i, c := range conns {
		_ = c.SetReadDeadline(time.Now().Add(time.Millisecond))
		if n, err := c.Read(make([]byte, 1)); n > 0 || err == nil || !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("slow connection %d: read %d bytes, %v; want it still sending its body, unanswered", i, n, err)
		}
	}
}

// TestSlowBodyTimesOut checks that a body not sent within the body read
// timeout is answered 408 TIMEOUT.
func TestSlowBodyTimesOut(t *testing.T) {
	const limit = 300 * time.Millisecond
	srv := serveOptions(t, dbtest.New(t), serve.Options{BodyReadTimeout: limit})
	c := trickle(t, srv)
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusRequestTimeout || !bytes.Contains(body, []byte(`"code":"TIMEOUT"`)) ||
		!bytes.Contains(body, []byte("not received within 300ms")) {
		t.Errorf("status %d, %s; want 408 TIMEOUT saying the body was not received within 300ms", res.StatusCode, body)
	}
}

// TestClientGoneWhileWaitingForASlot checks that a client that goes away
// while its request waits for a slot is counted as closed by the client,
// not as turned away by the in-flight limit.
func TestClientGoneWhileWaitingForASlot(t *testing.T) {
	d := dbtest.New(t)
	logs := &lockedBuffer{}
	holder := slotHolder{once: &sync.Once{}, entered: make(chan struct{}), release: make(chan struct{})}
	srv := httptest.NewServer(serve.NewHandler(d.Store, slog.New(slog.NewJSONHandler(logs, nil)), serve.Options{
		Limits:     serve.Limits{InFlight: 1},
		Metrics:    serve.NewMetrics(d.Pool),
		Extensions: []graphql.HandlerExtension{holder},
	}))
	t.Cleanup(srv.Close)
	held := make(chan struct{})
	go func() {
		defer close(held)
		res, err := http.Post(srv.URL+"/query", plainJSON, strings.NewReader(`{"query": "{ articles { totalCount } }"}`))
		if err == nil {
			res.Body.Close()
		}
	}()
	<-holder.entered
	defer func() { close(holder.release); <-held }()

	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/query", strings.NewReader(`{"query": "{ __typename }"}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", plainJSON)
	sent := make(chan error, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
		sent <- err
	}()
	metrics := func() string {
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
		if err != nil {
			t.Fatal(err)
		}
		return string(sendAPI(t, req).body)
	}
	waitFor(t, "the request to wait for a slot", func() bool { return strings.Contains(metrics(), "newsgraph_requests_waiting 1") })
	cancel()
	if err := <-sent; err == nil {
		t.Fatal("the request completed; want the client to have gone away")
	}
	waitFor(t, "the request's log line", func() bool { return strings.Contains(logs.String(), `"msg":"graphql request"`) })
	m := metrics()
	if !strings.Contains(m, `newsgraph_graphql_requests_total{operation="anonymous",outcome="CLIENT_CLOSED_REQUEST",type="none"} 1`) {
		t.Errorf("/metrics does not count the request as CLIENT_CLOSED_REQUEST:\n%s", grepLines(m, "newsgraph_graphql_"))
	}
	if strings.Contains(m, `limit="IN_FLIGHT"`) || strings.Contains(m, `outcome="http_503"`) {
		t.Errorf("/metrics counts the request as turned away by the in-flight limit:\n%s", grepLines(m, "newsgraph_graphql_"))
	}
}

// grepLines returns the lines of s that contain word.
func grepLines(s, word string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, word) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// holdBody opens a raw connection to srv and starts a POST that declares a
// body of declared bytes, of which it sends the first sent (a small query,
// then spaces) and then nothing more until the test ends.
func holdBody(t *testing.T, srv *httptest.Server, declared, sent int) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	body := paddedBody(declared)[:sent]
	if _, err := fmt.Fprintf(c, "POST /query HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
		srv.Listener.Addr(), declared, body); err != nil {
		t.Fatal(err)
	}
	return c
}

// paddedBody returns a request body of n bytes: a small query and JSON
// whitespace.
func paddedBody(n int) string {
	q := `{"query": "{ __typename }"}`
	return q + strings.Repeat(" ", n-len(q))
}

// TestBufferedBodyBudget bounds the request bodies the server holds in
// memory at once. With a budget of a megabyte (and a little) held by four
// 256 KiB bodies whose clients stall, more such bodies are refused at once
// with 503 UNAVAILABLE; a small request still runs; a body declared as a
// megabyte of which one byte arrived holds a small buffer, not a
// megabyte, and is not refused; once the stalled requests end, no body
// bytes are held.
func TestBufferedBodyBudget(t *testing.T) {
	d := dbtest.New(t)
	const large = 256 << 10
	srv := serveOptions(t, d, serve.Options{
		BodyReadTimeout: time.Minute,
		Limits:          serve.Limits{BufferedBodyBytes: 4*large + 16<<10},
		Metrics:         serve.NewMetrics(d.Pool),
	})
	metrics := func() string {
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
		if err != nil {
			t.Fatal(err)
		}
		return string(sendAPI(t, req).body)
	}
	buffered := func() int {
		var n float64 // Prometheus writes 1.048576e+06
		for _, l := range strings.Split(metrics(), "\n") {
			if _, err := fmt.Sscanf(l, "newsgraph_buffered_body_bytes %g", &n); err == nil {
				return int(n)
			}
		}
		t.Fatal("/metrics lacks newsgraph_buffered_body_bytes")
		return 0
	}

	barely := holdBody(t, srv, 1<<20, 1)
	waitFor(t, "the first byte of a declared megabyte to be buffered", func() bool { return buffered() > 0 })
	if n := buffered(); n > 4<<10 {
		t.Errorf("a body declared as 1 MiB of which 1 byte arrived holds %d bytes; want at most 4 KiB", n)
	}
	held := []net.Conn{barely}
	for range 4 {
		held = append(held, holdBody(t, srv, large, large-1000))
	}
	waitFor(t, "four large bodies to be buffered", func() bool { return buffered() >= 4*(large-1000) })
	if n := buffered(); n > 4*large+4<<10 {
		t.Errorf("%d bytes buffered for four bodies of %d bytes and one byte; want at most %d", n, large, 4*large+4<<10)
	}

	const more = 16
	type refusal struct {
		status     int
		retryAfter string
		body       []byte
		err        error
	}
	var wg sync.WaitGroup
	replies := make([]refusal, more)
	for i := range replies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := http.Post(srv.URL+"/query", plainJSON, strings.NewReader(paddedBody(large)))
			if err != nil {
				replies[i].err = err
				return
			}
			defer res.Body.Close()
			body, err := io.ReadAll(res.Body)
			replies[i] = refusal{res.StatusCode, res.Header.Get("Retry-After"), body, err}
		}()
	}
	wg.Wait()
	for i, r := range replies {
		if r.err != nil || r.status != http.StatusServiceUnavailable || r.retryAfter == "" ||
			!bytes.Contains(r.body, []byte(`"code":"UNAVAILABLE"`)) || !bytes.Contains(r.body, []byte("request bodies")) {
			t.Errorf("large body %d beyond the budget: status %d, Retry-After %q, %s, error %v; want 503 UNAVAILABLE with Retry-After saying request bodies take the memory",
				i, r.status, r.retryAfter, r.body, r.err)
		}
	}

	res := postTo(t, srv, `{ articles { totalCount } }`, nil)
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data), "totalCount") {
		t.Fatalf("a small request while the budget is taken: %s %+v; want the count", res.Data, res.Errors)
	}
	for i, c := range held {
		_ = c.SetReadDeadline(time.Now().Add(time.Millisecond))
		if n, err := c.Read(make([]byte, 1)); n > 0 || !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Errorf("held body %d: read %d bytes, %v; want it still unanswered", i, n, err)
		}
	}
	if m := metrics(); !strings.Contains(m, fmt.Sprintf(`newsgraph_graphql_rejected_total{limit="BUFFERED_BODY_BYTES"} %d`, more)) {
		t.Errorf("/metrics does not count %d rejections by BUFFERED_BODY_BYTES:\n%s", more, grepLines(m, "rejected"))
	}

	for _, c := range held {
		c.Close()
	}
	waitFor(t, "the buffered body bytes to return to zero", func() bool { return buffered() == 0 })
}

// TestBufferedBodiesWaitingForASlot sends 32 bodies of 256 KiB at once to
// a server whose only slot is taken and whose bodies may hold 1 MiB: the
// bodies that wait for the slot are those that fit, the others are refused
// with 503, and the heap grows by the budget and the connections' buffers,
// not by every body.
func TestBufferedBodiesWaitingForASlot(t *testing.T) {
	d := dbtest.New(t)
	const large, budget, sent = 256 << 10, 1 << 20, 32
	holder := slotHolder{once: &sync.Once{}, entered: make(chan struct{}), release: make(chan struct{})}
	srv := serveOptions(t, d, serve.Options{
		Limits:     serve.Limits{InFlight: 1, BufferedBodyBytes: budget},
		Metrics:    serve.NewMetrics(d.Pool),
		Extensions: []graphql.HandlerExtension{holder},
	})
	gauge := func(name string) int {
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/metrics", nil)
		if err != nil {
			t.Fatal(err)
		}
		var n float64
		for _, l := range strings.Split(string(sendAPI(t, req).body), "\n") {
			if _, err := fmt.Sscanf(l, name+" %g", &n); err == nil {
				return int(n)
			}
		}
		return 0
	}
	held := make(chan struct{})
	go func() {
		defer close(held)
		res, err := http.Post(srv.URL+"/query", plainJSON, strings.NewReader(`{"query": "{ articles { totalCount } }"}`))
		if err == nil {
			res.Body.Close()
		}
	}()
	<-holder.entered
	released := false
	release := func() {
		if !released {
			released = true
			close(holder.release)
			<-held
		}
	}
	defer release()

	body := paddedBody(large) // one string for every client
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	statuses := make(chan int, sent)
	for range sent {
		go func() {
			res, err := http.Post(srv.URL+"/query", plainJSON, strings.NewReader(body))
			if err != nil {
				statuses <- 0
				return
			}
			defer res.Body.Close()
			_, _ = io.Copy(io.Discard, res.Body)
			statuses <- res.StatusCode
		}()
	}
	refused := 0
	waitFor(t, "every body to wait for the slot or be refused", func() bool {
		for len(statuses) > 0 {
			if s := <-statuses; s != http.StatusServiceUnavailable {
				t.Fatalf("a body got status %d while the slot was taken; want it to wait, or 503", s)
			}
			refused++
		}
		return refused+gauge("newsgraph_requests_waiting") == sent
	})
	runtime.GC()
	runtime.ReadMemStats(&after)
	waiting := sent - refused
	grew := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d bodies wait for the slot, %d refused; %d bytes buffered; heap grew by %d bytes", waiting, refused, gauge("newsgraph_buffered_body_bytes"), grew)
	if waiting < 1 || waiting > budget/large {
		t.Errorf("%d bodies of %d bytes wait for the slot; want 1 to %d, what the budget of %d holds", waiting, large, budget/large, budget)
	}
	// Beside the bodies, the heap holds the connections' buffers (both
	// ends are in this process) and whatever else runs: up to 2 MiB seen.
	if grew > budget+3<<20 {
		t.Errorf("the heap grew by %d bytes while %d bodies of %d bytes were sent; want at most %d, the budget and 3 MiB",
			grew, sent, large, budget+3<<20)
	}

	release()
	for range waiting {
		if s := <-statuses; s != http.StatusOK {
			t.Errorf("a body that waited for the slot got status %d; want 200", s)
		}
	}
	waitFor(t, "the buffered body bytes to return to zero", func() bool { return gauge("newsgraph_buffered_body_bytes") == 0 })
}
