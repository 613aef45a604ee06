package bench

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Canonical holds the canonical operations (operations/*.graphql and any
// sibling .json variable files), compiled into the binary.
//
//go:embed operations
var Canonical embed.FS

// Operation is one GraphQL operation to load the server with, read from a
// .graphql file. The file's leading comment lines describe it; lines of
// the form "# bench: DIRECTIVE ..." configure it:
//
//	# bench: variables {"first": 20}
//	    the variables, a JSON object; a sibling NAME.json file may hold them
//	    instead (an object, or an array of objects used in turn); the
//	    comment's are applied over the file's
//	# bench: sample NAME from { GRAPHQL QUERY }
//	    before the run, send the query once and collect every value of the
//	    fields called NAME in its response, in order; a variable whose value
//	    is the string "$NAME" then takes these values in turn, request after
//	    request. A query that declares $after is sent page after page, each
//	    time with the previous response's first endCursor, until a page has
//	    no next page: the values of every page, shuffled (always the same
//	    way), so that requests in turn read far apart in the corpus
//	# bench: walk VAR N
//	    before the run, send the operation N times, each time with VAR set
//	    to the endCursor of the previous response's first pageInfo (null the
//	    first time); the run then uses the last endCursor: page N+1
//	# bench: baseline NAME
//	    report the p50 latency as a multiple of operation NAME's
type Operation struct {
	// Name is the file's name without .graphql.
	Name string
	// Description is the leading comment, without the directives.
	Description string
	// Query is the whole document, comments included.
	Query string
	// OperationName is the name of the document's first operation.
	OperationName string
	// Variables are the variable sets; requests use them in turn. There is
	// always at least one (maybe empty).
	Variables []map[string]any
	// Samples maps a placeholder name to the query whose responses fill it.
	Samples map[string]string
	// Walk is the variable to walk with, and how many pages; "" for none.
	Walk      string
	WalkPages int
	// Baseline names the operation whose latency this one is compared with.
	Baseline string
}

var (
	directive   = regexp.MustCompile(`^#\s*bench:\s*(\w+)\s*(.*)$`)
	sampleSpec  = regexp.MustCompile(`^(\w+)\s+from\s+(.+)$`)
	walkSpec    = regexp.MustCompile(`^(\w+)\s+(\d+)$`)
	opNameRegex = regexp.MustCompile(`(?m)^\s*(?:query|mutation|subscription)\s+(\w+)`)
)

// ParseOperation reads an operation from its file's contents; vars, when
// not nil, is the content of its sibling .json file.
func ParseOperation(name string, src, vars []byte) (*Operation, error) {
	op := &Operation{Name: name, Query: string(src), Samples: map[string]string{}}
	fail := func(format string, args ...any) (*Operation, error) {
		return nil, fmt.Errorf("operation %s: %s", name, fmt.Sprintf(format, args...))
	}
	if vars != nil {
		vars = bytes.TrimSpace(vars)
		if len(vars) > 0 && vars[0] == '[' {
			if err := json.Unmarshal(vars, &op.Variables); err != nil {
				return fail("%s.json: %v", name, err)
			}
		} else {
			var one map[string]any
			if err := json.Unmarshal(vars, &one); err != nil {
				return fail("%s.json: %v", name, err)
			}
			op.Variables = []map[string]any{one}
		}
	}
	if len(op.Variables) == 0 {
		op.Variables = []map[string]any{{}}
	}
	var desc []string
	for line := range strings.Lines(op.Query) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") {
			if line == "" {
				continue
			}
			break // the header ends where the document starts
		}
		m := directive.FindStringSubmatch(line)
		if m == nil {
			desc = append(desc, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		arg := strings.TrimSpace(m[2])
		switch m[1] {
		case "variables":
			var over map[string]any
			if err := json.Unmarshal([]byte(arg), &over); err != nil {
				return fail("variables: %v", err)
			}
			for _, v := range op.Variables {
				for k, x := range over {
					v[k] = x
				}
			}
		case "sample":
			s := sampleSpec.FindStringSubmatch(arg)
			if s == nil {
				return fail(`sample: want "NAME from QUERY", got %q`, arg)
			}
			op.Samples[s[1]] = s[2]
		case "walk":
			w := walkSpec.FindStringSubmatch(arg)
			if w == nil {
				return fail(`walk: want "VARIABLE PAGES", got %q`, arg)
			}
			op.Walk = w[1]
			op.WalkPages, _ = strconv.Atoi(w[2])
		case "baseline":
			op.Baseline = arg
		default:
			return fail("unknown directive %q", m[1])
		}
	}
	op.Description = strings.TrimSpace(strings.Join(desc, "\n"))
	if m := opNameRegex.FindStringSubmatch(op.Query); m != nil {
		op.OperationName = m[1]
	}
	// Every placeholder needs a sample, and every sample a placeholder.
	used := map[string]bool{}
	for _, v := range op.Variables {
		for _, x := range v {
			if s, ok := x.(string); ok && strings.HasPrefix(s, "$") {
				if _, ok := op.Samples[s[1:]]; !ok {
					return fail("variable value %q names no sample", s)
				}
				used[s[1:]] = true
			}
		}
	}
	for s := range op.Samples {
		if !used[s] {
			return fail("sample %q is used by no variable", s)
		}
	}
	return op, nil
}

// LoadOperations reads every NAME.graphql file in dir of fsys (with its
// NAME.json, if any), sorted by name.
func LoadOperations(fsys fs.FS, dir string) ([]*Operation, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read operations: %w", err)
	}
	var ops []*Operation
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".graphql")
		if !ok || e.IsDir() {
			continue
		}
		src, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read operations: %w", err)
		}
		vars, err := fs.ReadFile(fsys, path.Join(dir, name+".json"))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read operations: %w", err)
		}
		op, err := ParseOperation(name, src, vars)
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
	}
	if len(ops) == 0 {
		return nil, fmt.Errorf("read operations: no .graphql files in %s", dir)
	}
	slices.SortFunc(ops, func(a, b *Operation) int { return strings.Compare(a.Name, b.Name) })
	for _, op := range ops {
		if op.Baseline != "" && !slices.ContainsFunc(ops, func(o *Operation) bool { return o.Name == op.Baseline }) {
			return nil, fmt.Errorf("operation %s: baseline %q is not an operation", op.Name, op.Baseline)
		}
	}
	return ops, nil
}

// Select returns the operations whose names are in names (all when names
// is empty), in their order, and the baselines they name.
func Select(ops []*Operation, names []string) ([]*Operation, error) {
	if len(names) == 0 {
		return ops, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		if !slices.ContainsFunc(ops, func(o *Operation) bool { return o.Name == n }) {
			return nil, fmt.Errorf("no operation %q", n)
		}
		want[n] = true
	}
	for _, op := range ops {
		if want[op.Name] && op.Baseline != "" {
			want[op.Baseline] = true
		}
	}
	var out []*Operation
	for _, op := range ops {
		if want[op.Name] {
			out = append(out, op)
		}
	}
	return out, nil
}
