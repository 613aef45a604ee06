package db

import (
	"strconv"
	"testing"
)

// Benchmarks of the read path's pure-CPU steps and of the generator.

// BenchmarkKeysetSQL builds the SQL of a page after a cursor: the keyset
// condition, the ORDER BY and the keys column.
func BenchmarkKeysetSQL(b *testing.B) {
	o, err := orderFor("statements", Order{})
	if err != nil {
		b.Fatal(err)
	}
	after := &Cursor{Order: o.cursorName(), Keys: []string{"1042", "7", "9913"}}
	b.ReportAllocs()
	for b.Loop() {
		l := listing{from: statementFrom, columns: statementColumns}
		l.and(filterSQL(&l, (*StatementFilter)(nil)))
		orderBy, limit, _, err := l.keyset(o, PageArgs{First: 20, After: after})
		if err != nil {
			b.Fatal(err)
		}
		_ = shape(pageSQL, "{columns}", l.columns, "{keys}", keysColumn(o), "{from}", l.from,
			"{where}", l.whereSQL(), "{order}", orderBy, "{limit}", strconv.Itoa(limit+1))
	}
}
