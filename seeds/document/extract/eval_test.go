package extract

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/curate"
	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/seeds"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// pair is an article text with its curated (expected) document.
type pair struct {
	name string
	gold *document.Document
}

func catalogKnown(t testing.TB) map[string]bool {
	t.Helper()
	data, err := fs.ReadFile(seeds.FS, "catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	known, err := CatalogSlugs(data)
	if err != nil {
		t.Fatal(err)
	}
	return known
}

// seedPairs returns the curated seed articles.
func seedPairs(t testing.TB) []pair {
	t.Helper()
	docs, err := document.Read(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	var out []pair
	for _, d := range docs {
		if d.Article != nil {
			out = append(out, pair{name: d.Article.Source, gold: d})
		}
	}
	return out
}

// fixturePairs returns the texts in testdata with their expected drafts:
// the development fixtures, and the held-out ones (held-out-*), written
// after the rules and first scored before any rule was tuned on them.
func fixturePairs(t testing.TB) []pair {
	var out []pair
	for _, g := range []string{"development", "held-out-1", "held-out-2", "held-out-3"} {
		out = append(out, fixtures(t, g)...)
	}
	return out
}

// fixtureGroup is the group a fixture belongs to: development, or the
// round of held-out texts (held-out-2-*: the second round).
func fixtureGroup(name string) string {
	switch base := filepath.Base(name); {
	case strings.HasPrefix(base, "held-out-2-"):
		return "held-out-2"
	case strings.HasPrefix(base, "held-out-3-"):
		return "held-out-3"
	case strings.HasPrefix(base, "held-out-"):
		return "held-out-1"
	}
	return "development"
}

func fixtures(t testing.TB, group string) []pair {
	t.Helper()
	names, err := filepath.Glob("testdata/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures in testdata: %v", err)
	}
	var out []pair
	for _, n := range names {
		if fixtureGroup(n) != group {
			continue
		}
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		d, err := document.Parse(n, data)
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join("testdata", d.Article.Source))
		if err != nil {
			t.Fatal(err)
		}
		d.Text = string(text)
		out = append(out, pair{name: d.Article.Source, gold: d})
	}
	return out
}

// score counts matches for one item type.
type score struct{ matched, predicted, gold int }

func (s score) precision() float64 { return ratio(s.matched, s.predicted) }
func (s score) recall() float64    { return ratio(s.matched, s.gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

var itemTypes = []string{"statements", "figures", "people", "organizations", "agreements"}

// evaluate extracts every pair's text and scores the drafts against the
// expected documents.
func evaluate(t testing.TB, pairs []pair) map[string]score {
	t.Helper()
	known := catalogKnown(t)
	total := map[string]score{}
	for _, p := range pairs {
		d, err := Extract(context.Background(), p.gold.Text, Options{Source: p.gold.Article.Source, Known: known})
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		for k, s := range compare(p.gold, d.Doc) {
			tot := total[k]
			tot.matched += s.matched
			tot.predicted += s.predicted
			tot.gold += s.gold
			total[k] = tot
		}
	}
	return total
}

func table(title string, s map[string]score) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n| item | gold | extracted | matched | precision | recall |\n|---|---|---|---|---|---|\n", title)
	for _, k := range itemTypes {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.0f%% | %.0f%% |\n", k, s[k].gold, s[k].predicted, s[k].matched,
			100*s[k].precision(), 100*s[k].recall())
	}
	return b.String()
}

// The floors are the precision and recall below which the evaluation
// fails: what the extractor reaches today, so that any regression shows.
// The targets (statements and figures 0.90, people 0.95,
// organizations 0.85) are below them.
var seedFloors = map[string][2]float64{
	"statements": {1, 1}, "figures": {1, 1}, "people": {1, 1},
	"organizations": {1, 1}, "agreements": {1, 1},
}

// heldOutFloors: first scored, before any rule was tuned on them, at
// statements P86 R71, figures P80 R73, people 83/83, organizations P75
// R100, agreements 100/100; the floors are today's scores, after the rules
// their misses showed were generalized (commit message of that change).
var heldOutFloors = map[string][2]float64{
	"statements": {1, 1}, "figures": {1, 0.9}, "people": {1, 1},
	"organizations": {1, 1}, "agreements": {1, 1},
}

// heldOut2Floors: the second round's first score, before any rule was
// tuned on it (statements P100 R69, figures P80 R67, people P100 R83,
// organizations P75 R50, agreements 100/100); the floors are today's
// scores, after the rules its misses showed were generalized.
var heldOut2Floors = map[string][2]float64{
	"statements": {1, 0.93}, "figures": {0.91, 0.91}, "people": {1, 1},
	"organizations": {1, 1}, "agreements": {1, 1},
}

// heldOut3Floors: the third round's first score, before any rule was tuned
// on it (statements P100 R94, figures P80 R44, people P86 R100,
// organizations P100 R57, agreements P100 R50); the floors are today's
// scores, after the rules its misses showed were generalized.
var heldOut3Floors = map[string][2]float64{
	"statements": {1, 1}, "figures": {0.87, 0.77}, "people": {1, 1},
	"organizations": {1, 1}, "agreements": {1, 0.5},
}

var fixtureFloors = map[string][2]float64{
	"statements": {0.98, 0.95}, "figures": {0.93, 0.82}, "people": {1, 1},
	"organizations": {1, 0.95}, "agreements": {1, 1},
}

func TestEvaluateSeeds(t *testing.T) {
	checkFloors(t, "seeds (seeds/articles)", evaluate(t, seedPairs(t)), seedFloors)
}

func TestEvaluateFixtures(t *testing.T) {
	checkFloors(t, "development fixtures (document/extract/testdata)", evaluate(t, fixtures(t, "development")), fixtureFloors)
}

func TestEvaluateHeldOut(t *testing.T) {
	checkFloors(t, "held-out fixtures, first round (document/extract/testdata/held-out-*)", evaluate(t, fixtures(t, "held-out-1")), heldOutFloors)
	checkFloors(t, "held-out fixtures, second round (document/extract/testdata/held-out-2-*)", evaluate(t, fixtures(t, "held-out-2")), heldOut2Floors)
	checkFloors(t, "held-out fixtures, third round (document/extract/testdata/held-out-3-*)", evaluate(t, fixtures(t, "held-out-3")), heldOut3Floors)
}

func checkFloors(t *testing.T, title string, s map[string]score, floors map[string][2]float64) {
	t.Log("\n" + table(title, s))
	for _, k := range itemTypes {
		f := floors[k]
		if p := s[k].precision(); p < f[0] {
			t.Errorf("%s precision: got %.2f; want at least %.2f", k, p, f[0])
		}
		if r := s[k].recall(); r < f[1] {
			t.Errorf("%s recall: got %.2f; want at least %.2f", k, r, f[1])
		}
	}
}

// TestDraftsValidate extracts the seed texts and the fixtures and checks
// each draft, as YAML, with the store's validator beside the catalog.
func TestDraftsValidate(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	known := catalogKnown(t)
	data, err := fs.ReadFile(seeds.FS, "catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(seedPairs(t), fixturePairs(t)...) {
		catalog, err := document.Parse("catalog.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		draft, err := Extract(context.Background(), p.gold.Text, Options{Source: p.gold.Article.Source, Known: known})
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		doc, err := document.Parse(p.name+".draft.yaml", draft.YAML())
		if err != nil {
			t.Fatalf("%s: the draft does not parse: %v", p.name, err)
		}
		doc.Text = p.gold.Text
		if len(doc.Statements) == 0 || len(doc.People) == 0 {
			t.Errorf("%s: got %d statements and %d people; want some of each", p.name, len(doc.Statements), len(doc.People))
		}
		if err := curate.Validate(ctx, d.Store, []*document.Document{catalog, doc}); err != nil {
			t.Errorf("%s: the draft does not validate: %v", p.name, err)
		}
	}
}

// dateLine is the first paragraph that is a date, or "".
func dateLine(ps []paragraph) string {
	for _, p := range ps {
		if datelinePattern.MatchString(p.text) {
			return p.text
		}
	}
	return ""
}

// TestDatelineIsTheBase checks that a dateline given beside the text is
// the base of what the draft infers (a relative weekday, a month without
// its year), that a signed agreement has the parties named before the
// verb, and that the draft validates.
func TestDatelineIsTheBase(t *testing.T) {
	ctx := context.Background()
	d := dbtest.New(t)
	text := "JAKARTA, March 6 (Agency) -- Indonesia and Vietnam signed a trade agreement on Thursday.\n" +
		"Scheduled for completion in February, the Batam Data Center is the largest in Indonesia.\n"
	for _, tc := range []struct {
		dateline              string
		agreementDay, dueYear int
	}{
		{"March 6, 2026", 5, 2027},   // a Friday: the Thursday before; February has passed
		{"January 1, 2026", 1, 2026}, // a Thursday: that day; February is to come
	} {
		draft, err := Extract(context.Background(), text, Options{Source: "x.txt", Dateline: tc.dateline})
		if err != nil {
			t.Fatal(err)
		}
		doc := draft.Doc
		if doc.Article.Published != nil {
			t.Errorf("%s: published %+v; want none (the text has no date line)", tc.dateline, doc.Article.Published)
		}
		if len(doc.Agreements) != 1 || doc.Agreements[0].Date == nil || doc.Agreements[0].Date.Day == nil || *doc.Agreements[0].Date.Day != tc.agreementDay {
			t.Fatalf("%s: agreements %+v; want one dated day %d", tc.dateline, doc.Agreements, tc.agreementDay)
		}
		// the parties are the countries named before "signed"
		want := []document.PartyDoc{{Entity: "indonesia", Role: "party"}, {Entity: "vietnam", Role: "party"}}
		if got := doc.Agreements[0].Parties; !slices.Equal(got, want) {
			t.Errorf("%s: parties %+v; want %+v", tc.dateline, got, want)
		}
		var due *document.DateDoc
		for _, f := range doc.Figures {
			if f.Date != nil {
				due = f.Date
			}
		}
		if due == nil || due.Year == nil || *due.Year != tc.dueYear {
			t.Errorf("%s: due date %+v; want year %d", tc.dateline, due, tc.dueYear)
		}
		data, err := fs.ReadFile(seeds.FS, "catalog.yaml")
		if err != nil {
			t.Fatal(err)
		}
		catalog, err := document.Parse("catalog.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := document.Parse("x.yaml", draft.YAML())
		if err != nil {
			t.Fatalf("%s: %v", tc.dateline, err)
		}
		parsed.Text = text
		if err := curate.Validate(ctx, d.Store, []*document.Document{catalog, parsed}); err != nil {
			t.Errorf("%s: the draft does not validate: %v", tc.dateline, err)
		}
	}
}

// TestExtractRefuses checks that bad input gets a clear error.
func TestExtractRefuses(t *testing.T) {
	for name, tc := range map[string]struct {
		text string
		want string
	}{
		"empty": {" \n ", "empty"},
		"nul":   {"a\x00b", "NUL"},
		"big":   {strings.Repeat("a", 101), "limit of 100"},
	} {
		_, err := Extract(context.Background(), tc.text, Options{MaxBytes: 100})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v; want an error saying %q", name, err, tc.want)
		}
	}
}

// cpuTime is the CPU time (user and system) the process has used: on a
// shared machine wall time also counts other processes' turns.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkExtract measures extraction per 1,000 words of text: wall
// time, CPU time and bytes allocated.
func BenchmarkExtract(b *testing.B) {
	var text strings.Builder
	for _, p := range append(seedPairs(b), fixturePairs(b)...) {
		text.WriteString(p.gold.Text)
		text.WriteString("\n")
	}
	src := text.String()
	words := len(strings.Fields(src))
	known := catalogKnown(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := Extract(context.Background(), src, Options{Source: "bench.txt", Known: known}); err != nil {
			b.Fatal(err)
		}
	}
	cpuTime := func() time.Duration { return cpuTime() - cpu0 }
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6*1000/float64(words), "ms/1000words")
	b.ReportMetric(cpuTime().Seconds()*1e3/float64(b.N)*1000/float64(words), "cpu-ms/1000words")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := Extract(context.Background(), src, Options{Source: "bench.txt", Known: known}); err != nil {
		b.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6*1000/float64(words), "MB/1000words")
}

// TestItemsPointAtTheirText checks that every preview item's spans hold
// exactly the text at their character offsets, and that a dateline
// option becomes the publication date.
func TestItemsPointAtTheirText(t *testing.T) {
	for _, p := range append(seedPairs(t), fixturePairs(t)...) {
		d, err := Extract(context.Background(), p.gold.Text, Options{Source: p.name, Dateline: "May 2, 2025"})
		if err != nil {
			t.Fatal(err)
		}
		paras := splitParagraphs(p.gold.Text)
		if len(d.Items) == 0 {
			t.Fatalf("%s: no items", p.name)
		}
		for _, it := range d.Items {
			if len(it.Spans) == 0 {
				t.Errorf("%s: %s %s has no spans", p.name, it.Type, it.Key)
			}
			for _, s := range it.Spans {
				r := []rune(paras[s.Paragraph-1].text)
				if got := string(r[s.Start:s.End]); got != s.Text {
					t.Errorf("%s: %s %s: paragraph %d [%d,%d) holds %q; want %q", p.name, it.Type, it.Key, s.Paragraph, s.Start, s.End, got, s.Text)
				}
			}
		}
		// published is the text's own date line or nothing: a dateline the
		// text does not carry is no evidence (the validator would refuse it)
		hasLine := strings.Contains("\n"+p.gold.Text+"\n", "\nMay 2, 2025\n") || datelinePattern.MatchString(dateLine(paras))
		if pub := d.Doc.Article.Published; (pub != nil) != hasLine {
			t.Errorf("%s: published %+v; want one only when the text has its date line", p.name, pub)
		}
	}
	if _, err := Extract(context.Background(), "Some text.", Options{Dateline: "soon"}); err == nil || !strings.Contains(err.Error(), "dateline") {
		t.Errorf("got %v; want an error naming the dateline", err)
	}
}
