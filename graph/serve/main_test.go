package serve_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// The tests of the HTTP side share graphtest's fixture with graph's: one
// seeded throwaway database, served over real HTTP, with every SQL
// statement counted. These are its names here.
var (
	server     *httptest.Server
	statements = &graphtest.Statements
	// seeded is the seeded database, for plain SQL counts to compare with.
	seeded *dbtest.Database
)

// corsOrigin is the frontend origin the test server allows.
const corsOrigin = "https://app.example"

const (
	aliceToken = graphtest.AliceToken
	importOp   = graphtest.ImportOp
)

type (
	response     = graphtest.Response
	gqlError     = graphtest.GQLError
	lockedBuffer = graphtest.LockedBuffer
)

func TestMain(m *testing.M) {
	stop, err := graphtest.Start("serve", serve.Options{CORSOrigins: []string{corsOrigin}})
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	server, seeded = graphtest.Server, graphtest.Seeded
	code := m.Run()
	stop()
	os.Exit(code)
}

// post sends a GraphQL request to the shared server; the status must be
// 200.
func post(t *testing.T, query string, vars map[string]any) response {
	t.Helper()
	return graphtest.PostTo(t, server, query, vars)
}

// postTo is post to another server.
func postTo(t *testing.T, srv *httptest.Server, query string, vars map[string]any) response {
	t.Helper()
	return graphtest.PostTo(t, srv, query, vars)
}

// data sends a request that must succeed and decodes its data into v.
func data(t *testing.T, query string, vars map[string]any, v any) {
	t.Helper()
	graphtest.Data(t, server, query, vars, v)
}

// send sends a GraphQL request to the shared server and returns the
// status and the decoded response, whatever the status.
func send(t *testing.T, query string, vars map[string]any) (int, response) {
	t.Helper()
	return graphtest.Send(t, server, query, vars)
}

// postAs sends a GraphQL request with a bearer token ("" for none).
func postAs(t *testing.T, srv *httptest.Server, token, query string, vars map[string]any) (int, response) {
	t.Helper()
	return graphtest.PostAs(t, srv, token, query, vars)
}

// request sends a request to the shared server and returns the response
// with its body read.
func request(t *testing.T, method, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	return graphtest.Request(t, server, method, path, header)
}

var (
	articleInput    = graphtest.ArticleInput
	subscribe       = graphtest.Subscribe
	dig             = graphtest.Dig
	waitFor         = graphtest.WaitFor
	eventually      = graphtest.Eventually
	schemaFiles     = graphtest.SchemaFiles
	newCachedServer = graphtest.NewCachedServer
	newWriteServer  = graphtest.NewWriteServer
	sorted          = graphtest.Sorted
)

// seed is the seed data as these tests need it: the article documents, in
// the order they are stored.
func seed(t *testing.T) struct{ Articles []*document.Document } {
	t.Helper()
	docs, err := document.Read(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	var s struct{ Articles []*document.Document }
	for _, d := range docs {
		if d.Article != nil {
			s.Articles = append(s.Articles, d)
		}
	}
	return s
}
