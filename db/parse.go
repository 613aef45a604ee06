package db

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// ParseDocument decodes one curated document (YAML or JSON) strictly: an
// unknown key or a value of the wrong type is an error that names the
// document and the line. name identifies the document in errors.
func ParseDocument(name string, data []byte) (*Document, error) {
	var doc Document
	if err := yaml.UnmarshalWithOptions(data, &doc, yaml.DisallowUnknownField()); err != nil {
		return nil, &ValidationError{Problems: []Problem{{
			Document: name,
			Path:     errorPath(data, err),
			Message:  oneLine(yaml.FormatError(err, false, false)),
		}}}
	}
	doc.Name = name
	return &doc, nil
}

// errorPath returns the document path ("people[0].flavour") of the node a
// parse error points at, or "" when it cannot tell.
func errorPath(data []byte, err error) string {
	var yerr yaml.Error
	if !errors.As(err, &yerr) || yerr.GetToken() == nil {
		return ""
	}
	file, perr := parser.ParseBytes(data, 0)
	if perr != nil {
		return ""
	}
	at := yerr.GetToken().Position
	f := &nodeFinder{line: at.Line, column: at.Column}
	for _, d := range file.Docs {
		if d.Body != nil {
			ast.Walk(f, d.Body)
		}
	}
	return strings.TrimPrefix(strings.TrimPrefix(f.path, "$"), ".")
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

// oneLine folds a multi-line parser message into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// spanFields is SpanDoc without its methods, so decoding it does not recurse.
type spanFields SpanDoc

// UnmarshalYAML accepts a span as a plain string or as a mapping.
func (s *SpanDoc) UnmarshalYAML(unmarshal func(any) error) error {
	var text string
	if err := unmarshal(&text); err == nil {
		*s = SpanDoc{Text: text}
		return nil
	}
	var f spanFields
	if err := unmarshal(&f); err != nil {
		return err
	}
	*s = SpanDoc(f)
	return nil
}

// UnmarshalJSON accepts a span as a plain string or as an object.
func (s *SpanDoc) UnmarshalJSON(data []byte) error {
	var text string
	if err := json.Unmarshal(data, &text); err == nil {
		*s = SpanDoc{Text: text}
		return nil
	}
	var f spanFields
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("evidence item: %w", err)
	}
	*s = SpanDoc(f)
	return nil
}
