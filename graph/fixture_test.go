package graph_test

// Shared helpers of the HTTP-level tests: what the seed files say (the
// expectations), the global IDs the server gave the seeded objects (looked
// up through the API, never hard-coded), raw HTTP requests, error checks and
// a connection walker.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// --- the seed files --------------------------------------------------------

// seedStatement is a curated statement with the article it is in and its
// position among that article's statements (from 1).
type seedStatement struct {
	document.StatementDoc
	Article  string // article slug
	Position int
	// Affiliations are the affiliations the statement's role refers to.
	Affiliations []document.AffiliationDoc
}

// seedFigure is a curated figure with its article and position.
type seedFigure struct {
	document.FigureDoc
	Article  string
	Position int
}

// seedData is everything the seed files declare, indexed.
type seedData struct {
	Docs []*document.Document
	// Articles are the article documents in the order they are stored
	// (catalog first, then by file name).
	Articles      []*document.Document
	Statements    []seedStatement // article by article, in curated order
	Figures       []seedFigure
	Topics        map[string]document.TopicDoc
	People        map[string]document.PersonDoc
	Organizations map[string]document.OrganizationDoc
	Places        map[string]document.PlaceDoc
	Events        map[string]document.EventDoc
	Projects      map[string]document.ProjectDoc
	Agreements    map[string]document.AgreementDoc
	// Affiliations by "article-slug/key".
	Affiliations map[string]document.AffiliationDoc
	// Named is, for each article slug, the entities it names (declares
	// with evidence or lists under mentions).
	Named map[string]map[string]bool
}

var (
	seedOnce sync.Once
	seedVal  *seedData
	seedErr  error
)

// seed returns the parsed seed files.
func seed(t *testing.T) *seedData {
	t.Helper()
	seedOnce.Do(func() { seedVal, seedErr = readSeed() })
	if seedErr != nil {
		t.Fatalf("read seeds: %v", seedErr)
	}
	return seedVal
}

func readSeed() (*seedData, error) {
	docs, err := document.Read(seeds.FS)
	if err != nil {
		return nil, err
	}
	s := &seedData{
		Docs:          docs,
		Topics:        map[string]document.TopicDoc{},
		People:        map[string]document.PersonDoc{},
		Organizations: map[string]document.OrganizationDoc{},
		Places:        map[string]document.PlaceDoc{},
		Events:        map[string]document.EventDoc{},
		Projects:      map[string]document.ProjectDoc{},
		Agreements:    map[string]document.AgreementDoc{},
		Affiliations:  map[string]document.AffiliationDoc{},
		Named:         map[string]map[string]bool{},
	}
	for _, d := range docs {
		for _, x := range d.Topics {
			s.Topics[x.Slug] = x
		}
		for _, x := range d.People {
			s.People[x.Slug] = x
		}
		for _, x := range d.Organizations {
			s.Organizations[x.Slug] = x
		}
		for _, x := range d.Places {
			s.Places[x.Slug] = x
		}
		for _, x := range d.Events {
			s.Events[x.Slug] = x
		}
		for _, x := range d.Projects {
			s.Projects[x.Slug] = x
		}
		for _, x := range d.Agreements {
			s.Agreements[x.Slug] = x
		}
		if d.Article == nil {
			continue
		}
		a := d.Article.Slug
		s.Articles = append(s.Articles, d)
		named := map[string]bool{}
		for _, x := range d.People {
			named[x.Slug] = len(x.Evidence) > 0
		}
		for _, x := range d.Organizations {
			named[x.Slug] = len(x.Evidence) > 0
		}
		for _, x := range d.Places {
			named[x.Slug] = len(x.Evidence) > 0
		}
		for _, x := range d.Events {
			named[x.Slug] = len(x.Evidence) > 0
		}
		for _, x := range d.Projects {
			named[x.Slug] = len(x.Evidence) > 0
		}
		for _, x := range d.Agreements {
			named[x.Slug] = len(x.Evidence) > 0
		}
		for _, m := range d.Mentions {
			named[m.Entity] = true
		}
		s.Named[a] = named
		for _, af := range d.Affiliations {
			s.Affiliations[a+"/"+af.Key] = af
		}
		for i, st := range d.Statements {
			ss := seedStatement{StatementDoc: st, Article: a, Position: i + 1}
			for _, k := range st.Affiliations {
				af, ok := s.Affiliations[a+"/"+k]
				if !ok {
					return nil, fmt.Errorf("statement %s/%s: unknown affiliation %q", a, st.Key, k)
				}
				ss.Affiliations = append(ss.Affiliations, af)
			}
			s.Statements = append(s.Statements, ss)
		}
		for i, f := range d.Figures {
			s.Figures = append(s.Figures, seedFigure{FigureDoc: f, Article: a, Position: i + 1})
		}
	}
	return s, nil
}

// article returns the seed document of the article with slug.
func (s *seedData) article(t *testing.T, slug string) *document.Document {
	t.Helper()
	for _, d := range s.Articles {
		if d.Article.Slug == slug {
			return d
		}
	}
	t.Fatalf("no seed article %q", slug)
	return nil
}

// articleWith returns the slug of the seed article whose text contains s.
func (s *seedData) articleWith(t *testing.T, text string) string {
	t.Helper()
	for _, d := range s.Articles {
		if strings.Contains(d.Text, text) {
			return d.Article.Slug
		}
	}
	t.Fatalf("no seed article contains %q", text)
	return ""
}

// topicTree returns the topics and every topic below them.
func (s *seedData) topicTree(slugs ...string) map[string]bool {
	in := map[string]bool{}
	for _, x := range slugs {
		in[x] = true
	}
	for changed := true; changed; {
		changed = false
		for _, x := range s.Topics {
			if x.Parent != nil && in[*x.Parent] && !in[x.Slug] {
				in[x.Slug], changed = true, true
			}
		}
	}
	return in
}

// orgTree returns the organizations and every organization below them.
func (s *seedData) orgTree(slugs ...string) map[string]bool {
	in := map[string]bool{}
	for _, x := range slugs {
		in[x] = true
	}
	for changed := true; changed; {
		changed = false
		for _, x := range s.Organizations {
			if x.Parent != nil && in[*x.Parent] && !in[x.Slug] {
				in[x.Slug], changed = true, true
			}
		}
	}
	return in
}

// placeTree returns the places and every place within them (by parent or
// by country).
func (s *seedData) placeTree(slugs ...string) map[string]bool {
	in := map[string]bool{}
	for _, x := range slugs {
		in[x] = true
	}
	for changed := true; changed; {
		changed = false
		for _, x := range s.Places {
			within := (x.Parent != nil && in[*x.Parent]) || (x.Country != nil && in[*x.Country])
			if within && !in[x.Slug] {
				in[x.Slug], changed = true, true
			}
		}
	}
	return in
}

// anyIn reports whether any of xs is in set.
func anyIn(xs []string, set map[string]bool) bool {
	for _, x := range xs {
		if set[x] {
			return true
		}
	}
	return false
}

// sortedKeys returns the keys of m whose value is true, sorted.
func sortedKeys(m map[string]bool) []string {
	var out []string
	for k, v := range m {
		if v {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// --- global IDs --------------------------------------------------------------

// ids holds the global IDs of the seeded objects, by slug, as the API lists
// them.
type ids struct {
	Article, Topic, Entity map[string]string
	// Type is the __typename of each entity slug.
	Type map[string]string
}

var (
	idsOnce sync.Once
	idsVal  *ids
	idsErr  error
)

// lookup returns the global IDs of every seeded article, topic and entity,
// read through the API once per test binary.
func lookup(t *testing.T) *ids {
	t.Helper()
	idsOnce.Do(func() { idsVal, idsErr = readIDs() })
	if idsErr != nil {
		t.Fatalf("look up IDs: %v", idsErr)
	}
	return idsVal
}

func readIDs() (*ids, error) {
	const q = `query LookUpIDs {
  articles(first: 100) { nodes { id slug } }
  topics(first: 100) { nodes { id slug } }
  people(first: 100) { nodes { __typename id slug } }
  organizations(first: 100) { nodes { __typename id slug } }
  places(first: 100) { nodes { __typename id slug } }
  events(first: 100) { nodes { __typename id slug } }
  agreements(first: 100) { nodes { __typename id slug projects { __typename id slug } } }
  figures(first: 100) { nodes { subject { __typename id slug } } }
  statements(first: 100) { nodes { mentions { __typename id slug } } }
}`
	body, _ := json.Marshal(map[string]any{"query": q})
	res, err := http.Post(server.URL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var out struct {
		Data   map[string]struct{ Nodes []json.RawMessage }
		Errors []gqlError
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return nil, err
	}
	if len(out.Errors) > 0 {
		return nil, fmt.Errorf("%+v", out.Errors)
	}
	x := &ids{Article: map[string]string{}, Topic: map[string]string{}, Entity: map[string]string{}, Type: map[string]string{}}
	type ref struct {
		Typename string `json:"__typename"`
		ID, Slug string
	}
	addEntity := func(r ref) {
		if r.Slug != "" {
			x.Entity[r.Slug], x.Type[r.Slug] = r.ID, r.Typename
		}
	}
	for name, conn := range out.Data {
		for _, raw := range conn.Nodes {
			var n struct {
				ref
				Projects []ref
				Subject  ref
				Mentions []ref
			}
			if err := json.Unmarshal(raw, &n); err != nil {
				return nil, err
			}
			switch name {
			case "articles":
				x.Article[n.Slug] = n.ID
			case "topics":
				x.Topic[n.Slug] = n.ID
			default:
				addEntity(n.ref)
				addEntity(n.Subject)
				for _, r := range append(n.Projects, n.Mentions...) {
					addEntity(r)
				}
			}
		}
	}
	return x, nil
}

func (x *ids) article(t *testing.T, slug string) string {
	t.Helper()
	return mustID(t, "article", x.Article, slug)
}

func (x *ids) topic(t *testing.T, slug string) string {
	t.Helper()
	return mustID(t, "topic", x.Topic, slug)
}

func (x *ids) entity(t *testing.T, slug string) string {
	t.Helper()
	return mustID(t, "entity", x.Entity, slug)
}

// topics returns the IDs of topics by slug.
func (x *ids) topics(t *testing.T, slugs ...string) []string {
	t.Helper()
	out := make([]string, len(slugs))
	for i, s := range slugs {
		out[i] = x.topic(t, s)
	}
	return out
}

// entities returns the IDs of entities by slug.
func (x *ids) entities(t *testing.T, slugs ...string) []string {
	t.Helper()
	out := make([]string, len(slugs))
	for i, s := range slugs {
		out[i] = x.entity(t, s)
	}
	return out
}

func mustID(t *testing.T, what string, m map[string]string, slug string) string {
	t.Helper()
	id, ok := m[slug]
	if !ok {
		t.Fatalf("the API lists no %s with slug %q", what, slug)
	}
	return id
}

// unknownID returns a well-formed global ID of the same type as id that
// names nothing. It knows the ID format (base64url of "Type:number"), which
// clients must not rely on; tests need an ID that looks real.
func unknownID(t *testing.T, id string) string {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(id)
	if err != nil {
		t.Fatalf("ID %q is not base64url: %v", id, err)
	}
	typ, num, ok := strings.Cut(string(raw), ":")
	if _, err := strconv.ParseInt(num, 10, 64); !ok || err != nil {
		t.Fatalf("ID %q decodes to %q, not Type:number", id, raw)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":987654321"))
}

// --- requests and errors ----------------------------------------------------

// send sends a GraphQL request over HTTP and returns the status and the
// decoded response, whatever the status.
func send(t *testing.T, query string, vars map[string]any) (int, response) {
	t.Helper()
	return graphtest.Send(t, server, query, vars)
}

// wantError checks that a request fails with an error of code whose
// message contains every one of words, and returns the error.
func wantError(t *testing.T, query string, vars map[string]any, code string, words ...string) gqlError {
	t.Helper()
	status, res := send(t, query, vars)
	if len(res.Errors) == 0 {
		t.Fatalf("no error (status %d); data %s; want %s", status, res.Data, code)
	}
	e := res.Errors[0]
	if got := e.Extensions["code"]; got != code {
		t.Errorf("extensions.code = %v (message %q); want %s", got, e.Message, code)
	}
	for _, w := range words {
		if !strings.Contains(e.Message, w) {
			t.Errorf("message %q does not name %q", e.Message, w)
		}
	}
	return e
}

// --- connections --------------------------------------------------------------

// pageInfo is a connection's PageInfo.
type pageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// conn is a page of any connection whose nodes have an id.
type conn struct {
	Edges []struct {
		Cursor string
		Node   struct{ ID string }
	}
	Nodes      []struct{ ID string }
	PageInfo   pageInfo
	TotalCount int
}

// pageFields selects what conn decodes; search nodes are a union.
const pageFields = `edges { cursor node { ... on Node { id } } } nodes { ... on Node { id } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`

// dig decodes the value at path in a response's data into v.
func dig(t *testing.T, raw json.RawMessage, path []string, v any) {
	t.Helper()
	graphtest.Dig(t, raw, path, v)
}

// fetchPage runs a query that has $first, $after, $last and $before
// variables (plus extra) and returns the connection at path.
func fetchPage(t *testing.T, query string, path []string, extra, paging map[string]any) conn {
	t.Helper()
	vars := map[string]any{}
	for k, v := range extra {
		vars[k] = v
	}
	for k, v := range paging {
		vars[k] = v
	}
	res := post(t, query, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("errors with %v: %+v", paging, res.Errors)
	}
	var c conn
	dig(t, res.Data, path, &c)
	checkPage(t, c)
	return c
}

// checkPage checks a page's own consistency: nodes match edges, and the
// start and end cursors are those of the first and last edge.
func checkPage(t *testing.T, c conn) {
	t.Helper()
	if len(c.Nodes) != len(c.Edges) {
		t.Fatalf("%d nodes, %d edges; want as many", len(c.Nodes), len(c.Edges))
	}
	for i := range c.Nodes {
		if c.Nodes[i].ID != c.Edges[i].Node.ID {
			t.Errorf("nodes[%d] = %s, edges[%d].node = %s; want the same", i, c.Nodes[i].ID, i, c.Edges[i].Node.ID)
		}
		if c.Edges[i].Cursor == "" {
			t.Errorf("edges[%d] has an empty cursor", i)
		}
	}
	if len(c.Edges) == 0 {
		if c.PageInfo.StartCursor != nil || c.PageInfo.EndCursor != nil {
			t.Errorf("empty page: startCursor %v, endCursor %v; want null", c.PageInfo.StartCursor, c.PageInfo.EndCursor)
		}
		return
	}
	if got, want := deref(c.PageInfo.StartCursor), c.Edges[0].Cursor; got != want {
		t.Errorf("startCursor %q; want the first edge's cursor %q", got, want)
	}
	if got, want := deref(c.PageInfo.EndCursor), c.Edges[len(c.Edges)-1].Cursor; got != want {
		t.Errorf("endCursor %q; want the last edge's cursor %q", got, want)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}

// idsOf returns the node ids of a page.
func (c conn) ids() []string {
	out := make([]string, len(c.Nodes))
	for i, n := range c.Nodes {
		out[i] = n.ID
	}
	return out
}

// duplicates returns the ids that occur more than once.
func duplicates(xs []string) []string {
	seen := map[string]int{}
	var dup []string
	for _, x := range xs {
		if seen[x]++; seen[x] == 2 {
			dup = append(dup, x)
		}
	}
	return dup
}
