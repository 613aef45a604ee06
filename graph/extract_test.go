package graph_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

const extractQuery = `query X($text: String!, $dateline: String) {
  extractDraft(articleText: $text, dateline: $dateline) {
    document
    items { type key label confidence rule evidence { paragraph start end text } }
  }
}`

type draftReply struct {
	ExtractDraft struct {
		Document string `json:"document"`
		Items    []struct {
			Type, Key, Label, Rule string
			Confidence             float64
			Evidence               []struct {
				Paragraph, Start, End int
				Text                  string
			}
		} `json:"items"`
	} `json:"extractDraft"`
}

// TestExtractDraft extracts a seed article's text through the API: the
// draft parses as a document, every preview span holds the text at its
// offsets, the dateline is the base of inferences (not the publication
// date, which the text does not carry), and nothing is written.
func TestExtractDraft(t *testing.T) {
	text, err := seeds.FS.ReadFile("articles/000_2e3fe38e4a0ba82d.txt")
	if err != nil {
		t.Fatal(err)
	}
	countQuery := `{ articles { totalCount } people { totalCount } }`
	before := post(t, countQuery, nil)
	res := post(t, extractQuery, map[string]any{"text": string(text), "dateline": "October 26, 2025"})
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %+v", res.Errors)
	}
	var got draftReply
	if err := json.Unmarshal(res.Data, &got); err != nil {
		t.Fatal(err)
	}
	doc, err := document.Parse("draft", []byte(got.ExtractDraft.Document))
	if err != nil {
		t.Fatalf("the draft does not parse: %v", err)
	}
	// The text has no date line: the dateline is the base of inferred
	// dates, not published (which must cite the text), and the draft says so.
	if p := doc.Article.Published; p != nil {
		t.Errorf("published = %+v; want none: the text does not carry October 26, 2025", p)
	}
	if !strings.Contains(got.ExtractDraft.Document, `# dateline given: "October 26, 2025"`) {
		t.Errorf("the draft does not name the dateline it was given:\n%s", got.ExtractDraft.Document)
	}
	if len(doc.Statements) == 0 || len(doc.People) == 0 {
		t.Errorf("got %d statements and %d people; want some of each", len(doc.Statements), len(doc.People))
	}
	paras := nonBlankLines(string(text))
	types := map[string]int{}
	for _, it := range got.ExtractDraft.Items {
		types[it.Type]++
		if len(it.Evidence) == 0 || it.Label == "" || it.Confidence <= 0 || it.Confidence > 1 {
			t.Errorf("item %+v: want evidence, a label and a confidence in (0, 1]", it)
		}
		for _, s := range it.Evidence {
			r := []rune(paras[s.Paragraph-1])
			if s.End > len(r) || string(r[s.Start:s.End]) != s.Text {
				t.Errorf("%s %s: paragraph %d [%d,%d) does not hold %q", it.Type, it.Key, s.Paragraph, s.Start, s.End, s.Text)
			}
		}
	}
	for _, typ := range []string{"person", "organization", "statement", "figure"} {
		if types[typ] == 0 {
			t.Errorf("no %s items; got %v", typ, types)
		}
	}
	if after := post(t, countQuery, nil); string(after.Data) != string(before.Data) {
		t.Errorf("counts changed from %s to %s; want extractDraft to write nothing", before.Data, after.Data)
	}
}

// TestExtractDraftOnEveryText runs extractDraft on both seed texts and on
// every fixture of seeds/document/extract: each draft parses as a document and
// every preview span holds its paragraph's text at its offsets.
func TestExtractDraftOnEveryText(t *testing.T) {
	names, err := filepath.Glob("../seeds/document/extract/testdata/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	texts := map[string][]byte{}
	for _, n := range names {
		if texts[n], err = os.ReadFile(n); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"articles/000_2e3fe38e4a0ba82d.txt", "articles/003_a22b1cf4084b29ce.txt"} {
		if texts[n], err = seeds.FS.ReadFile(n); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range texts {
		res := post(t, extractQuery, map[string]any{"text": string(text)})
		if len(res.Errors) > 0 {
			t.Fatalf("%s: errors: %+v", name, res.Errors)
		}
		var got draftReply
		if err := json.Unmarshal(res.Data, &got); err != nil {
			t.Fatal(err)
		}
		doc, err := document.Parse(name, []byte(got.ExtractDraft.Document))
		if err != nil {
			t.Fatalf("%s: the draft does not parse: %v", name, err)
		}
		if len(doc.Statements) == 0 || len(got.ExtractDraft.Items) == 0 {
			t.Errorf("%s: %d statements, %d items; want some", name, len(doc.Statements), len(got.ExtractDraft.Items))
		}
		paras := nonBlankLines(string(text))
		for _, it := range got.ExtractDraft.Items {
			for _, s := range it.Evidence {
				// the paragraph as stored: a title without "# ", a lede
				// without its asterisks
				p := strings.TrimPrefix(paras[s.Paragraph-1], "# ")
				if len(p) > 4 && strings.HasPrefix(p, "**") && strings.HasSuffix(p, "**") {
					p = p[2 : len(p)-2]
				}
				if r := []rune(p); s.End > len(r) || string(r[s.Start:s.End]) != s.Text {
					t.Errorf("%s: %s %s: paragraph %d [%d,%d) does not hold %q", name, it.Type, it.Key, s.Paragraph, s.Start, s.End, s.Text)
				}
			}
		}
	}
}

func nonBlankLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestExtractDraftRefusesBadInput checks that bad input is BAD_USER_INPUT
// naming the argument.
func TestExtractDraftRefusesBadInput(t *testing.T) {
	long := strings.Repeat("a", document.MaxArticleText+1)
	if utf8.RuneCountInString(long) != document.MaxArticleText+1 {
		t.Fatal("bad fixture")
	}
	wantError(t, extractQuery, map[string]any{"text": "   "}, "BAD_USER_INPUT", "articleText", "empty")
	wantError(t, extractQuery, map[string]any{"text": long}, "BAD_USER_INPUT", "articleText", "200000")
	wantError(t, extractQuery, map[string]any{"text": "Some text.", "dateline": "next week"}, "BAD_USER_INPUT", "dateline")
}

// TestExtractDraftCountsInCost checks that extractDraft adds its own cost:
// a query just under the cost limit goes over it with an extraction.
func TestExtractDraftCountsInCost(t *testing.T) {
	heavy := `articles(first: 49) { nodes { statements(first: 100) { nodes { content } } } }`
	if res := post(t, `{ `+heavy+` }`, nil); len(res.Errors) > 0 {
		t.Fatalf("the query alone (cost 4999) failed: %+v", res.Errors)
	}
	wantError(t, `{ `+heavy+` extractDraft(articleText: "Some text.") { document } }`, nil,
		"QUERY_TOO_COMPLEX", "query cost 5100 exceeds the limit of 5000")
}
