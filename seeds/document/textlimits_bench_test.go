package document_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/seeds/document"
)

// BenchmarkDocumentTextProblems measures the text check every import and
// every edit now runs first, on the seed documents.
func BenchmarkDocumentTextProblems(b *testing.B) {
	var docs []*document.Document
	for _, name := range []string{"catalog.yaml", "articles/000_2e3fe38e4a0ba82d.yaml", "articles/003_a22b1cf4084b29ce.yaml"} {
		data, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			b.Fatal(err)
		}
		doc, err := document.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	b.ReportAllocs()
	for b.Loop() {
		if problems := document.DocumentTextProblems(docs); len(problems) > 0 {
			b.Fatalf("the seeds break a text limit: %v", problems)
		}
	}
}
