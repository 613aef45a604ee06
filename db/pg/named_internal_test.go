package pg

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestPositional checks that a statement's named arguments are rewritten as
// pgx rewrites them (the same text, the same values in the same
// positions), once per statement text, and that what pgx alone can send is
// left to it.
func TestPositional(t *testing.T) {
	ctx := context.Background()
	const sql = `SELECT x FROM t WHERE a = @a AND b = ANY(@ids) -- @not_an_arg
		AND c = '@quoted' AND d = @a || @b`
	for _, c := range []struct {
		name string
		args []any
		kept bool // whether Positional rewrites the statement (else returns it unchanged)
	}{
		{"OK", []any{pgx.NamedArgs{"a": "x", "ids": []int64{1, 2}, "b": 7}}, true},
		{"ExecMode", []any{pgx.QueryExecModeExec, pgx.NamedArgs{"a": "x", "ids": []int64{1}, "b": nil, "extra": 1}}, true},
		{"MissingArgument", []any{pgx.NamedArgs{"a": "x", "ids": []int64{1}}}, false},
		{"Positional", []any{"x", []int64{1}, 7}, false},
		{"None", nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			gotSQL, gotArgs := Positional(ctx, sql, c.args)
			if !c.kept {
				if gotSQL != sql || !reflect.DeepEqual(gotArgs, c.args) {
					t.Errorf("Positional rewrote %v: got %q %v", c.args, gotSQL, gotArgs)
				}
				return
			}
			mode := c.args[:len(c.args)-1]
			named := c.args[len(c.args)-1].(pgx.NamedArgs)
			wantSQL, wantArgs, err := named.RewriteQuery(ctx, nil, sql, nil)
			if err != nil {
				t.Fatal(err)
			}
			wantArgs = append(append([]any{}, mode...), wantArgs...)
			if gotSQL != wantSQL || !reflect.DeepEqual(gotArgs, wantArgs) {
				t.Errorf("got %q %v; want pgx's %q %v", gotSQL, gotArgs, wantSQL, wantArgs)
			}
			if _, ok := rewrites.Load(sql); !ok {
				t.Errorf("the rewritten statement is not kept")
			}
		})
	}
}

// BenchmarkPositional is a search statement's arguments put in their
// positions, once its text is kept, against pgx's rewriting of its text.
func BenchmarkPositional(b *testing.B) {
	ctx := context.Background()
	sql := "SELECT 1 WHERE true"
	for i := range 300 { // about 15 KB and 20 arguments, like a search's
		sql += " AND 'some text' <> (SELECT y FROM t WHERE z = 1)"
		if i%15 == 0 {
			sql += " AND @a IS NOT NULL AND @b IS NOT NULL"
		}
	}
	args := pgx.NamedArgs{"a": "digital economy", "b": []string{"digital", "economy"}}
	b.Run("Kept", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Positional(ctx, sql, []any{args})
		}
	})
	b.Run("pgx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := args.RewriteQuery(ctx, nil, sql, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestPositionalKeepsBoundedText checks that statements of ever new shapes
// do not grow the rewrites kept past maxRewriteBytes, and that a statement
// past the bound is still rewritten as pgx rewrites it.
func TestPositionalKeepsBoundedText(t *testing.T) {
	ctx := context.Background()
	args := []any{pgx.NamedArgs{"a": 1}}
	long := strings.Repeat(" AND 'padding' <> 'text'", 700) // about 17 KB
	for i := range 2 * maxRewriteBytes / (2 * len(long)) {
		sql := fmt.Sprintf("SELECT %d WHERE @a > 0%s", i, long)
		gotSQL, gotArgs := Positional(ctx, sql, args)
		if want := fmt.Sprintf("SELECT %d WHERE $1 > 0%s", i, long); gotSQL != want || !reflect.DeepEqual(gotArgs, []any{1}) {
			t.Fatalf("statement %d: got %.40q… %v; want %.40q… [1]", i, gotSQL, gotArgs, want)
		}
	}
	var held int
	rewrites.Range(func(k, v any) bool {
		held += len(k.(string)) + len(v.(*rewrite).sql)
		return true
	})
	if held > maxRewriteBytes || int64(held) != rewriteBytes.Load() {
		t.Errorf("the rewrites kept hold %d bytes (counted %d); want at most %d", held, rewriteBytes.Load(), maxRewriteBytes)
	}
}
