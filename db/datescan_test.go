package db_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/db/dbtest"
)

// sameAsJSON fails unless PartialDate.ScanBytes reads src as
// encoding/json reads it: the same date, or an error for both.
func sameAsJSON(t *testing.T, src string) {
	t.Helper()
	var want db.PartialDate
	wantErr := json.Unmarshal([]byte(src), &want)
	got := db.PartialDate{Year: new(int), Text: "left over"} // ScanBytes replaces what was there
	gotErr := got.ScanBytes([]byte(src))
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("%s: ScanBytes error %v, encoding/json error %v", src, gotErr, wantErr)
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\nScanBytes read %#v\nencoding/json  %#v", src, got, want)
	}
}

// TestPartialDateScanBytes: the dates the read path scans from
// partial_date_json read as encoding/json reads them, for every distinct
// date of the seeds (as PostgreSQL writes them) and for the forms the
// fast path leaves to encoding/json or refuses.
func TestPartialDateScanBytes(t *testing.T) {
	ctx := context.Background()
	d := dbtest.NewSeeded(t)
	rows, err := d.Pool.Query(ctx, `
		SELECT DISTINCT j::text FROM (
			SELECT partial_date_json(period_year, period_month, period_day, period_precision, period_text, period_inferred, period_basis) FROM figures
			UNION ALL SELECT partial_date_json(base_year, base_month, base_day, base_precision, base_text, base_inferred, base_basis) FROM figures
			UNION ALL SELECT partial_date_json(published_year, published_month, published_day, published_precision, published_text, published_inferred, published_basis) FROM articles
			UNION ALL SELECT partial_date_json(y::smallint, m::smallint, dd::smallint, p::date_precision, w, i::date_part[], b) FROM
				(VALUES (2025, 4, 17), (NULL, 10, 25), (-44, NULL, NULL), (NULL, NULL, NULL)) ymd(y, m, dd),
				unnest(ARRAY['year', 'month', 'day']) p,
				(VALUES (NULL), ('17 April 2025'), ('said "then"'), ('back\slash'), ('tab	and
newline'), ('日本 2024年'), ('')) wt(w),
				(VALUES (NULL), ('{}'), ('{year}'), ('{year,month,day}')) inf(i),
				(VALUES (NULL), ('the dateline'), ('a "quoted" basis')) bs(b)
		) x(j) WHERE j IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	var seen int
	for rows.Next() {
		var src string
		if err := rows.Scan(&src); err != nil {
			t.Fatal(err)
		}
		sameAsJSON(t, src)
		seen++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if seen < 500 {
		t.Fatalf("only %d distinct dates in the seeds", seen)
	}
	for _, src := range []string{
		`{"day": 17, "text": "17 April 2025", "year": 2025, "basis": null, "month": 4, "inferred": [], "precision": "DAY"}`,
		`{"day": null, "text": null, "year": -44, "basis": "the dateline", "month": null, "inferred": ["YEAR", "MONTH"], "precision": null}`,
		`{"text": "say \"when\"", "year": 2024}`,           // an escape: encoding/json's
		`{"text": "caf\u00e9", "inferred": ["\u0059EAR"]}`, // escapes
		`{"text": "日本 2024年", "year": 2024}`,
		"{\"text\": \"bad \xff byte\"}",          // invalid UTF-8: encoding/json replaces it
		`{"Year": 2024, "other": {"a": [1, 2]}}`, // names case aside, unknown keys
		`{"year": 2024, "year": 2025}`,
		`{"year": 2024.0}`, `{"year": 2e3}`, `{"year": 02024}`, `{"year": "2024"}`, `{"year": 99999999999999999999}`,
		`{"inferred": null, "basis": null}`, `{"inferred": "YEAR"}`, `{"inferred": [1]}`,
		` { } `, `{}x`, `{`, `{"year" 2024}`, `{"year": 2024,}`, `[]`, `null`, ``,
	} {
		sameAsJSON(t, src)
	}
	var zero db.PartialDate
	if err := zero.ScanBytes(nil); err == nil {
		t.Error("ScanBytes(nil) (SQL NULL into a date that cannot be null): no error")
	}
}

// nullDate is a date partial_date_json writes with every part unknown:
// reading it allocates nothing of its own, so any allocation is the
// decoder's.
const nullDate = `{"day": null, "text": null, "year": null, "basis": null, "month": null, "inferred": [], "precision": null}`

// TestPartialDateScanBytesAllocatesNothingItself: decoding a date costs
// only the values it holds (here none), not a reader on the heap; the
// read path decodes a few hundred a request.
func TestPartialDateScanBytesAllocatesNothingItself(t *testing.T) {
	src := []byte(nullDate)
	var d db.PartialDate
	if n := testing.AllocsPerRun(100, func() {
		if err := d.ScanBytes(src); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Fatalf("ScanBytes(%s): %v allocations, want 0", src, n)
	}
}

// BenchmarkPartialDateScanBytes decodes a date with every part unknown
// (all its allocations would be the decoder's) and a full one (its three
// ints, two strings and list of one string allocate by themselves: 7).
func BenchmarkPartialDateScanBytes(b *testing.B) {
	for _, c := range []struct{ name, src string }{
		{"null", nullDate},
		{"full", `{"day": 17, "text": "17 April 2025", "year": 2025, "basis": null, "month": 4, "inferred": ["YEAR"], "precision": "DAY"}`},
	} {
		b.Run(c.name, func(b *testing.B) {
			src := []byte(c.src)
			var d db.PartialDate
			b.ReportAllocs()
			for b.Loop() {
				if err := d.ScanBytes(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
