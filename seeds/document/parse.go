package document

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/newsgraph/newsgraph/db"
)

// Limits bounds what reading one curated document may cost. A
// document is checked against them before it is parsed (its size before
// it is tokenized, then its nodes and nesting on its tokens, before the
// parser recurses through them) and again on its syntax tree before it is decoded (each list's items,
// each string's length), so a hostile input is refused in time and memory
// proportional to the limits, not to what it would expand to. A field that
// is zero or negative takes its value from DefaultLimits.
//
// Anchors and aliases (&name, *name) are refused outright, whatever the
// limits: a curated document writes every value out, none of the seeds uses
// them, and aliases are what lets a few hundred bytes expand into gigabytes
// ("billion laughs"). So is more than one YAML document in one input: a
// document is one article.
type Limits struct {
	// Bytes bounds the document's size.
	Bytes int
	// Nodes bounds its YAML tokens: every key, value, list item,
	// bracket and comment counts one.
	Nodes int
	// Depth bounds how deeply lists and mappings nest.
	Depth int
	// Items bounds the items of any one list or mapping.
	Items int
	// StringBytes bounds any one key or value.
	StringBytes int
}

// DefaultLimits leave room for articles far longer than the seeds,
// whose documents are at most 21 KB, 1,800 nodes, 5 levels deep, 39 items
// in a list and 409 bytes in a string, with texts under 5 KB.
var DefaultLimits = Limits{
	Bytes:       256 << 10,
	Nodes:       50_000,
	Depth:       20,
	Items:       2_000,
	StringBytes: 64 << 10,
}

// WithDefaults returns l with each unset limit taken from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	or := func(v, fallback int) int {
		if v > 0 {
			return v
		}
		return fallback
	}
	d := DefaultLimits
	return Limits{
		Bytes:       or(l.Bytes, d.Bytes),
		Nodes:       or(l.Nodes, d.Nodes),
		Depth:       or(l.Depth, d.Depth),
		Items:       or(l.Items, d.Items),
		StringBytes: or(l.StringBytes, d.StringBytes),
	}
}

// parsing holds a slot for each document being parsed. Parsing only
// computes, so more at once than there are cores would not finish sooner;
// bounding them bounds the memory that parsing holds at once to a few
// documents' worth, however many requests import at the same time.
var parsing = make(chan struct{}, runtime.GOMAXPROCS(0))

// Parse decodes one curated document (YAML or JSON) strictly, within
// DefaultLimits; see ParseWithin.
func Parse(name string, data []byte) (*Document, error) {
	return ParseWithin(context.Background(), name, data, Limits{})
}

// ParseWithin decodes one curated document (YAML or JSON) strictly:
// an unknown key or a value of the wrong type is an error that names the
// document and the line. name identifies the document in errors. A
// document over one of limits, or with anchors, aliases or a second YAML
// document, is refused before it is decoded, in a *db.ValidationError whose
// message names the limit. Parsing stops with ctx's error when ctx ends.
func ParseWithin(ctx context.Context, name string, data []byte, limits Limits) (*Document, error) {
	limits = limits.WithDefaults()
	refuse := func(path, format string, args ...any) error {
		return &db.ValidationError{Problems: []db.Problem{{Document: name, Path: path, Message: fmt.Sprintf(format, args...)}}}
	}
	if len(data) > limits.Bytes {
		return nil, refuse("", "the document is %d bytes, over the limit of %d bytes", len(data), limits.Bytes)
	}
	select {
	case parsing <- struct{}{}:
		defer func() { <-parsing }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	tokens := lexer.Tokenize(string(data))
	if err := checkTokens(ctx, tokens, limits); err != nil {
		var over *overLimit
		if errors.As(err, &over) {
			return nil, refuse("", "%s", over.Error())
		}
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	file, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, refuse("", "%s", yamlMessage(err))
	}
	var doc Document
	if len(file.Docs) > 0 && file.Docs[0].Body != nil {
		body := file.Docs[0].Body
		if path, msg := checkTree(body, limits); msg != "" {
			return nil, refuse(path, "%s", msg)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ast.Walk(&spanShorthand{}, body)
		if err := yaml.NodeToValue(body, &doc, yaml.DisallowUnknownField()); err != nil {
			return nil, refuse(errorPath(body, err), "%s", yamlMessage(err))
		}
	}
	doc.Name = name
	return &doc, nil
}

// overLimit is what scan found over a limit, or not allowed at all.
type overLimit struct {
	pos  *token.Position
	what string
}

func (e *overLimit) Error() string {
	if e.pos == nil {
		return e.what
	}
	return fmt.Sprintf("line %d, column %d: %s", e.pos.Line, e.pos.Column, e.what)
}

// checkTokens runs through a document's tokens and checks what would make
// parsing them costly: too many nodes, nesting too deep (so the parser's
// recursion is bounded), anchors and aliases, and a second document. It
// checks ctx every thousand tokens.
func checkTokens(ctx context.Context, tokens token.Tokens, limits Limits) error {
	var (
		nodes     int
		flow      int   // open [ and {
		block     []int // columns of the open block lists and mappings, increasing
		lastCol   int   // column of the last scalar: a mapping's key, when ':' follows
		content   bool  // a node of the first document was seen
		documents int   // '---' seen
		ended     bool  // '...' seen
	)
	depth := func(pos *token.Position) error {
		if d := flow + len(block); d > limits.Depth {
			return &overLimit{pos, fmt.Sprintf("lists and mappings nest deeper than the limit of %d levels", limits.Depth)}
		}
		return nil
	}
	// open notes a block list or mapping whose items start at column col.
	open := func(col int) {
		for len(block) > 0 && block[len(block)-1] > col {
			block = block[:len(block)-1]
		}
		if len(block) == 0 || block[len(block)-1] < col {
			block = append(block, col)
		}
	}
	for _, t := range tokens {
		if nodes++; nodes > limits.Nodes {
			return &overLimit{t.Position, fmt.Sprintf("has more than the limit of %d YAML nodes for a document", limits.Nodes)}
		}
		if nodes%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		switch t.Type {
		case token.AnchorType, token.AliasType:
			return &overLimit{t.Position, "anchors and aliases (&name, *name) are not allowed: write each value out"}
		case token.DocumentHeaderType:
			if content || documents > 0 {
				return &overLimit{t.Position, "a second YAML document ('---') is not allowed: a document is one article"}
			}
			documents++
			continue
		case token.DocumentEndType:
			ended = true
			continue
		case token.CommentType, token.SpaceType:
			continue
		}
		if ended {
			return &overLimit{t.Position, "a second YAML document (after '...') is not allowed: a document is one article"}
		}
		content = true
		switch t.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			if flow > 0 {
				flow--
			}
		case token.SequenceEntryType:
			if flow == 0 {
				open(t.Position.Column)
			}
		case token.MappingValueType:
			if flow == 0 {
				open(lastCol)
			}
		default:
			lastCol = t.Position.Column
			continue
		}
		if err := depth(t.Position); err != nil {
			return err
		}
	}
	return nil
}

// checkTree checks each list's and mapping's items and each string's
// length against limits, and returns the path of the first node over one
// and what is wrong ("" when none is).
func checkTree(root ast.Node, limits Limits) (path, problem string) {
	c := &treeChecker{limits: limits}
	ast.Walk(c, root)
	return c.path, c.problem
}

// treeChecker is checkTree's visitor.
type treeChecker struct {
	limits        Limits
	path, problem string
}

func (c *treeChecker) Visit(n ast.Node) ast.Visitor {
	if n == nil || c.problem != "" {
		return nil
	}
	items := 0
	switch n := n.(type) {
	case *ast.SequenceNode:
		items = len(n.Values)
	case *ast.MappingNode:
		items = len(n.Values)
	case *ast.StringNode:
		if len(n.Value) > c.limits.StringBytes {
			c.fail(n, fmt.Sprintf("is %d bytes, over the limit of %d bytes for a string", len(n.Value), c.limits.StringBytes))
		}
	case *ast.LiteralNode:
		if n.Value != nil && len(n.Value.Value) > c.limits.StringBytes {
			c.fail(n, fmt.Sprintf("is %d bytes, over the limit of %d bytes for a string", len(n.Value.Value), c.limits.StringBytes))
		}
	}
	if items > c.limits.Items {
		c.fail(n, fmt.Sprintf("has %d items, over the limit of %d items in a list or mapping", items, c.limits.Items))
	}
	if c.problem != "" {
		return nil
	}
	return c
}

func (c *treeChecker) fail(n ast.Node, problem string) {
	c.path, c.problem = documentPath(n.GetPath()), problem
}

// documentPath turns a YAML path ("$.people[0].name") into a document
// path ("people[0].name").
func documentPath(p string) string {
	return strings.TrimPrefix(strings.TrimPrefix(p, "$"), ".")
}

// errorPath returns the document path ("people[0].flavour") of the node a
// decoding error points at, or "" when it cannot tell.
func errorPath(root ast.Node, err error) string {
	var yerr yaml.Error
	if !errors.As(err, &yerr) || yerr.GetToken() == nil {
		return ""
	}
	at := yerr.GetToken().Position
	f := &nodeFinder{line: at.Line, column: at.Column}
	ast.Walk(f, root)
	return documentPath(f.path)
}

// nodeFinder finds the path of the node at a line and column.
type nodeFinder struct {
	line, column int
	path         string
}

func (f *nodeFinder) Visit(n ast.Node) ast.Visitor {
	if n == nil || f.path != "" {
		return nil
	}
	if t := n.GetToken(); t != nil && t.Position.Line == f.line && t.Position.Column == f.column {
		f.path = n.GetPath()
		return nil
	}
	return f
}

// yamlMessage is the YAML parser's message for err on one line, cut short
// if it quotes much of the input.
func yamlMessage(err error) string {
	msg := strings.Join(strings.Fields(yaml.FormatError(err, false, false)), " ")
	if r := []rune(msg); len(r) > 300 {
		msg = string(r[:297]) + "..."
	}
	return msg
}

// spanShorthand expands each evidence item written as a plain value
// ("- the exact text") into the mapping it stands for ({text: ...}), so
// that it decodes into a SpanDoc; items written as mappings, and
// anything that is not an evidence list, are left for the decoder to judge.
type spanShorthand struct {
	key *ast.StringNode // "text", shared by the mappings it makes
}

func (v *spanShorthand) Visit(n ast.Node) ast.Visitor {
	mv, ok := n.(*ast.MappingValueNode)
	if !ok || keyName(mv.Key) != "evidence" {
		return v
	}
	list, ok := mv.Value.(*ast.SequenceNode)
	if !ok {
		return v
	}
	for i, item := range list.Values {
		switch item.(type) {
		case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode:
			continue
		}
		at := item.GetToken()
		if v.key == nil {
			v.key = ast.String(token.New("text", "text", at.Position))
		}
		list.Values[i] = ast.Mapping(at, true, ast.MappingValue(at, v.key, item))
	}
	return nil
}

// keyName is the name a mapping key spells, or "" when it is not a plain
// (possibly tagged) string.
func keyName(k ast.MapKeyNode) string {
	if t, ok := k.(*ast.TagNode); ok {
		if s, ok := t.Value.(*ast.StringNode); ok {
			return s.Value
		}
	}
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	return ""
}
