package document_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// Bombs are small inputs that cost a naive YAML parser far more than their
// size: aliases that expand exponentially, nesting that recurses, many
// documents in one. Each is built here rather than stored, so its size is
// plain to see.
var bombs = []struct {
	name string
	doc  func() string
	// want is in the message that refuses it; path is where it points.
	want, path string
}{
	{"BillionLaughs", func() string {
		// 8 levels of 9 aliases each, used where a string is wanted: 465
		// bytes that a naive decoder expands past a gigabyte.
		var b strings.Builder
		b.WriteString("people:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
		for i := 1; i <= 8; i++ {
			fmt.Fprintf(&b, "  - &a%d [", i)
			for j := range 9 {
				if j > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, "*a%d", i-1)
			}
			b.WriteString("]\n")
		}
		b.WriteString("topics:\n  - slug: a\n    label: *a8\n")
		return b.String()
	}, "anchors and aliases", ""},
	{"ManyAliases", func() string {
		var b strings.Builder
		b.WriteString("topics:\n  - &t {slug: a, label: a}\n")
		for b.Len() < 250_000 {
			b.WriteString("  - *t\n")
		}
		return b.String()
	}, "anchors and aliases", ""},
	{"NestedFlowLists", func() string { return "topics: " + strings.Repeat("[", 100_000) }, "nest deeper than the limit of 20", ""},
	{"NestedJSON", func() string {
		return `{"topics": ` + strings.Repeat(`{"a": `, 30_000) + "1" + strings.Repeat("}", 30_001)
	}, "nest deeper than the limit of 20", ""},
	{"NestedBlockLists", func() string { return "topics:\n" + strings.Repeat("- ", 100_000) + "x\n" }, "nest deeper than the limit of 20", ""},
	{"NestedBlockMappings", func() string {
		var b strings.Builder
		b.WriteString("article:\n")
		for i := 1; i < 500; i++ {
			fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i))
		}
		return b.String()
	}, "nest deeper than the limit of 20", ""},
	{"ManyDocuments", func() string { return strings.Repeat("---\ntopics:\n", 20_000) }, "a second YAML document", ""},
	{"DocumentAfterEnd", func() string { return "topics: []\n...\ntopics: []\n" }, "a second YAML document", ""},
	{"TooBig", func() string { return "topics: []\n" + strings.Repeat("# padding\n", 30_000) }, "the document is 300011 bytes, over the limit of 262144 bytes", ""},
	{"TooManyNodes", func() string { return "topics: [" + strings.Repeat("1,", 60_000) + "1]" }, "more than the limit of 50000 YAML nodes", ""},
	{"TooManyItems", func() string {
		return "topics:\n" + strings.Repeat("  - {slug: a, label: a}\n", 2_001)
	}, "has 2001 items, over the limit of 2000", "topics"},
	{"LongString", func() string {
		return "topics:\n  - slug: a\n    label: " + strings.Repeat("x", 70_000) + "\n"
	}, "is 70000 bytes, over the limit of 65536 bytes", "topics[0].label"},
	{"LongLiteral", func() string {
		return "topics:\n  - slug: a\n    label: |\n      " + strings.Repeat("x", 70_000) + "\n"
	}, "over the limit of 65536 bytes", "topics[0].label"},
}

// TestDocumentBombs parses each bomb and checks that it is refused with a
// message that names the limit, while allocating a bounded amount of
// memory in all (a naive parse of the billion laughs allocates gigabytes).
func TestDocumentBombs(t *testing.T) {
	const budget = 100 << 20 // bytes allocated while refusing one bomb
	for _, bomb := range bombs {
		t.Run(bomb.name, func(t *testing.T) {
			doc := []byte(bomb.doc())
			var err error
			alloc := allocated(func() {
				_, err = document.ParseWithin(context.Background(), "bomb.yaml", doc, document.Limits{})
			})
			problem := onlyProblem(t, err)
			if !strings.Contains(problem.Message, bomb.want) {
				t.Errorf("message %q; want it to contain %q", problem.Message, bomb.want)
			}
			if problem.Path != bomb.path {
				t.Errorf("path %q; want %q", problem.Path, bomb.path)
			}
			if problem.Document != "bomb.yaml" {
				t.Errorf("document %q; want bomb.yaml", problem.Document)
			}
			if alloc > budget {
				t.Errorf("refusing a %d-byte input allocated %d MB; want at most %d MB", len(doc), alloc>>20, budget>>20)
			}
		})
	}
}

// TestDocumentLimitsConfigurable checks that each limit can be set
// tighter than its default.
func TestDocumentLimitsConfigurable(t *testing.T) {
	doc := []byte("topics:\n  - slug: some-topic\n    label: Some topic\n  - slug: other\n    label: [[x]]\n")
	for _, tc := range []struct {
		name   string
		limits document.Limits
		want   string
	}{
		{"Bytes", document.Limits{Bytes: 50}, "the document is 84 bytes, over the limit of 50 bytes"},
		{"Nodes", document.Limits{Nodes: 10}, "more than the limit of 10 YAML nodes"},
		{"Depth", document.Limits{Depth: 3}, "deeper than the limit of 3 levels"},
		{"Items", document.Limits{Items: 1}, "over the limit of 1 items"},
		{"StringBytes", document.Limits{StringBytes: 8}, "over the limit of 8 bytes for a string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := document.ParseWithin(context.Background(), "doc.yaml", doc, tc.limits)
			if problem := onlyProblem(t, err); !strings.Contains(problem.Message, tc.want) {
				t.Errorf("message %q; want it to contain %q", problem.Message, tc.want)
			}
		})
	}
	if _, err := document.ParseWithin(context.Background(), "doc.yaml", doc, document.Limits{}); err == nil {
		t.Error("a list nested in a label parsed into a string; want a type error")
	}
}

// TestSeedsWithinDocumentLimits checks that the default limits leave room
// for every real document, and that a leading '---' is still one document.
func TestSeedsWithinDocumentLimits(t *testing.T) {
	names, err := fs.Glob(seeds.FS, "*/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	names = append(names, "catalog.yaml")
	for _, name := range names {
		data, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		// A quarter of each default must still fit.
		tight := document.Limits{Bytes: 1 << 16, Nodes: 12_500, Depth: 5, Items: 500, StringBytes: 16 << 10}
		for _, data := range [][]byte{data, append([]byte("---\n"), data...)} {
			if _, err := document.ParseWithin(context.Background(), name, data, tight); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}

// TestParseDocumentStopsWithContext checks that a parse whose request has
// ended stops with the context's error.
func TestParseDocumentStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := []byte("topics:\n" + strings.Repeat("  - {slug: a, label: a}\n", 1_500))
	if _, err := document.ParseWithin(ctx, "doc.yaml", doc, document.Limits{}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v; want context.Canceled", err)
	}
}

// onlyProblem returns the one problem of a *db.ValidationError.
func onlyProblem(t *testing.T, err error) db.Problem {
	t.Helper()
	var invalid *db.ValidationError
	if !errors.As(err, &invalid) || len(invalid.Problems) != 1 {
		t.Fatalf("got %v; want a *db.ValidationError with one problem", err)
	}
	return invalid.Problems[0]
}

// allocated returns how many bytes f allocates on the heap in all.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// FuzzParseDocument parses arbitrary input and checks that parsing never
// panics and allocates a bounded amount, whatever the input; make fuzz
// and CI run it.
func FuzzParseDocument(f *testing.F) {
	names, err := fs.Glob(seeds.FS, "*/*.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range append(names, "catalog.yaml") {
		data, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, bomb := range bombs {
		if doc := bomb.doc(); len(doc) < 4096 {
			f.Add([]byte(doc))
		}
	}
	f.Add([]byte(`{"article": {"slug": "a", "topics": [[[["x"]]]]}, "topics": [{"slug": "t", "label": "T"}]}`))
	limits := document.Limits{Bytes: 64 << 10, Nodes: 10_000}
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc *document.Document
		var err error
		alloc := allocated(func() {
			doc, err = document.ParseWithin(context.Background(), "fuzz.yaml", data, limits)
		})
		if (doc == nil) == (err == nil) {
			t.Fatalf("got document %v and error %v; want exactly one", doc, err)
		}
		if alloc > 64<<20 {
			t.Fatalf("parsing %d bytes allocated %d MB; want at most 64 MB", len(data), alloc>>20)
		}
	})
}

// TestEvidenceShorthand checks that an evidence item written as a plain
// value decodes as the mapping {text: value}, in YAML and in JSON, and
// that the mapping form still decodes as written.
func TestEvidenceShorthand(t *testing.T) {
	want := document.EvidenceList{{Text: "exact words"}, {Text: "5"}, {Text: "more words", Paragraph: 2, Occurrence: 1}, {Text: "all", All: true}}
	for name, doc := range map[string]string{
		"YAML": "mentions:\n  - entity: x\n    evidence:\n      - exact words\n      - 5\n      - {text: more words, paragraph: 2, occurrence: 1}\n      - text: all\n        all: true\n",
		"JSON": `{"mentions": [{"entity": "x", "evidence": ["exact words", 5, {"text": "more words", "paragraph": 2, "occurrence": 1}, {"text": "all", "all": true}]}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			got, err := document.Parse("doc.yaml", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Mentions) != 1 || !slices.Equal(got.Mentions[0].Evidence, want) {
				t.Errorf("got %+v; want one mention with evidence %+v", got.Mentions, want)
			}
		})
	}
}

// BenchmarkParseSeeds parses every seed document, as newsgraph seed and
// the importers do before anything is validated.
func BenchmarkParseSeeds(b *testing.B) {
	names, err := fs.Glob(seeds.FS, "*/*.yaml")
	if err != nil {
		b.Fatal(err)
	}
	var docs [][]byte
	for _, name := range append(names, "catalog.yaml") {
		data, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range docs {
			if _, err := document.Parse("seed.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
