package rowscan

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// FlatObject starts reading src, a JSON object whose values are integers,
// null, strings without escapes, or arrays of such strings. The read path
// decodes a few hundred such objects a request (see
// db.PartialDate.ScanBytes), where encoding/json's reflection cost more
// than the rest of their rows' decoding; a caller leaves anything else (an
// escaped string, a fraction, a nested value) to encoding/json. It reads
// the members in turn, each value with a method of Value, and asks Done
// whether src was all of one such object:
//
//	o := rowscan.FlatObject(src)
//	for o.Next() {
//		if !read(o.Key(), &o.Value) {
//			return false
//		}
//	}
//	return o.Done()
//
// The reader is a value without callbacks, so it stays on the caller's
// stack: decoding allocates only what the values read hold.
func FlatObject(src []byte) Object {
	return Object{Value: Value{src: src}}
}

// Object reads a flat JSON object's members (see FlatObject).
type Object struct {
	Value
	key   []byte
	state objectState
}

type objectState uint8

const (
	beforeObject objectState = iota
	inObject
	closedObject
	badObject
)

// Next reads the next member's key and the colon after it, true if there
// is one; the caller then reads its value. False at the closing brace, or
// if src is not of the form FlatObject reads, or once Next has returned
// false.
func (o *Object) Next() bool {
	switch o.state {
	case beforeObject:
		if !o.next('{') {
			o.state = badObject
			return false
		}
		if o.next('}') {
			o.state = closedObject
			return false
		}
	case inObject:
		if o.next('}') {
			o.state = closedObject
			return false
		}
		if !o.next(',') {
			o.state = badObject
			return false
		}
	default:
		return false
	}
	key, ok := o.str()
	if !ok || !o.next(':') {
		o.state = badObject
		return false
	}
	o.key, o.state = key, inObject
	return true
}

// Key returns the key Next read; its bytes alias src.
func (o *Object) Key() []byte { return o.key }

// Done reports whether Next reached the object's closing brace and
// nothing but white space follows it.
func (o *Object) Done() bool {
	return o.state == closedObject && o.end()
}

// Value reads the tokens of a flat JSON object, one value at a time.
type Value struct {
	src []byte
	i   int
}

func (p *Value) space() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next consumes c, after white space, if it comes next.
func (p *Value) next(c byte) bool {
	p.space()
	if p.i < len(p.src) && p.src[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (p *Value) end() bool {
	p.space()
	return p.i == len(p.src)
}

// null consumes a null if it comes next.
func (p *Value) null() bool {
	p.space()
	if bytes.HasPrefix(p.src[p.i:], []byte("null")) {
		p.i += 4
		return true
	}
	return false
}

// str reads a string without escapes or control characters; its bytes
// alias src.
func (p *Value) str() ([]byte, bool) {
	if !p.next('"') {
		return nil, false
	}
	start := p.i
	for p.i < len(p.src) {
		switch c := p.src[p.i]; {
		case c == '"':
			p.i++
			b := p.src[start : p.i-1]
			return b, utf8.Valid(b) // encoding/json replaces invalid UTF-8
		case c == '\\' || c < 0x20:
			return nil, false
		}
		p.i++
	}
	return nil, false
}

// Str reads a string into *s; null leaves *s as it is.
func (p *Value) Str(s *string) bool {
	if p.null() {
		return true
	}
	b, ok := p.str()
	if ok {
		*s = string(b)
	}
	return ok
}

// OptStr reads a string or null into *s.
func (p *Value) OptStr(s **string) bool {
	if p.null() {
		*s = nil
		return true
	}
	b, ok := p.str()
	if ok {
		v := string(b)
		*s = &v
	}
	return ok
}

// OptInt reads an integer or null into *n.
func (p *Value) OptInt(n **int) bool {
	if p.null() {
		*n = nil
		return true
	}
	p.space()
	start := p.i
	if p.i < len(p.src) && p.src[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
		p.i++
	}
	digits := p.src[start:p.i]
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) > 1 && digits[0] == '0' { // a leading zero: not JSON
		return false
	}
	v, err := strconv.Atoi(string(p.src[start:p.i]))
	if err != nil || (p.i < len(p.src) && (p.src[p.i] == '.' || p.src[p.i] == 'e' || p.src[p.i] == 'E')) {
		return false
	}
	*n = &v
	return true
}

// StrList reads an array of strings, or null, into *list.
func (p *Value) StrList(list *[]string) bool {
	if p.null() {
		*list = nil
		return true
	}
	if !p.next('[') {
		return false
	}
	out := []string{}
	if !p.next(']') {
		for {
			b, ok := p.str()
			if !ok {
				return false
			}
			out = append(out, string(b))
			if p.next(']') {
				break
			}
			if !p.next(',') {
				return false
			}
		}
	}
	*list = out
	return true
}
