package pg

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
)

// Named arguments rewritten once per statement. pgx rewrites a statement's
// named arguments (@ids) to positional ones ($1) by lexing its whole text
// at every run; a search's statement is some 15 KB, and lexing it was
// about a tenth of the server's CPU time for a search (0.17 ms of 2.7).
// Positional does pgx's rewriting once per statement text, with pgx's own
// lexer, and keeps the positional text and the order of the names, so that
// a statement run again only looks its arguments up by name.

// rewrite is a statement's text with positional arguments and the names
// of its arguments in their order ($1 is names[0]).
type rewrite struct {
	sql   string
	names []string
}

// maxRewriteBytes bounds the text the rewrites kept hold, the statements'
// and their rewrites' together: a listing's statement varies with its
// filter's shape, a search's (some 15 KB) with its query's, and each shape
// is kept once, so requests of ever new shapes must not grow the memory
// without end. Beyond the bound, statements are rewritten by pgx as before.
const maxRewriteBytes = 4 << 20

var (
	rewrites     sync.Map // statement text → *rewrite
	rewriteBytes atomic.Int64
)

// argName stands for a named argument's value while a statement's text is
// rewritten, to learn which name each position takes.
type argName string

// Positional returns sql and args as pgx would send them when args are
// named: args is at most one QueryExecMode followed by pgx.NamedArgs, and
// what it returns is the same QueryExecMode (if any) followed by the
// values in their positions. Any other args are returned unchanged, as is
// a statement that names an argument args lacks (pgx sends it as NULL).
func Positional(ctx context.Context, sql string, args []any) (string, []any) {
	mode := 0
	if len(args) > 0 {
		if _, ok := args[0].(pgx.QueryExecMode); ok {
			mode = 1
		}
	}
	if len(args) != mode+1 {
		return sql, args
	}
	named, ok := args[mode].(pgx.NamedArgs)
	if !ok {
		return sql, args
	}
	var r *rewrite
	if v, ok := rewrites.Load(sql); ok {
		r = v.(*rewrite)
	} else if r = rewriteOf(ctx, sql, named); r == nil {
		return sql, args
	}
	out := make([]any, mode, mode+len(r.names))
	copy(out, args[:mode])
	for _, name := range r.names {
		v, ok := named[name]
		if !ok {
			return sql, args // pgx sends a missing argument as NULL
		}
		out = append(out, v)
	}
	return r.sql, out
}

// rewriteOf rewrites sql with pgx's rewriting of named arguments, learning
// the order of the names from markers in their place, and keeps the result
// (up to maxRewriteBytes of text). It returns nil when sql names an argument
// named lacks, or pgx cannot rewrite it.
func rewriteOf(ctx context.Context, sql string, named pgx.NamedArgs) *rewrite {
	markers := make(pgx.NamedArgs, len(named))
	for name := range named {
		markers[name] = argName(name)
	}
	text, values, err := markers.RewriteQuery(ctx, nil, sql, nil)
	if err != nil {
		return nil
	}
	r := &rewrite{sql: text, names: make([]string, len(values))}
	for i, v := range values {
		name, ok := v.(argName)
		if !ok {
			return nil
		}
		r.names[i] = string(name)
	}
	if size := int64(len(sql) + len(r.sql)); rewriteBytes.Load()+size <= maxRewriteBytes {
		if _, kept := rewrites.LoadOrStore(sql, r); !kept {
			rewriteBytes.Add(size)
		}
	}
	return r
}
