package db

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf8"
)

// ScanBytes reads a date from the JSON object partial_date_json returns
// (pgx hands a jsonb column's text to it): the read path scans a few
// hundred of them a request (every figure's period, base and value date,
// every article's publication date), and encoding/json's reflection cost
// more than the rest of their rows' decoding. It reads the object's flat
// form itself, and leaves anything else (an escaped string, a fraction, a
// nested value) to encoding/json, with the same result.
func (d *PartialDate) ScanBytes(src []byte) error {
	if src == nil {
		return errors.New("cannot scan NULL into db.PartialDate")
	}
	var out PartialDate
	if !out.parseFlat(src) {
		out = PartialDate{}
		if err := json.Unmarshal(src, &out); err != nil {
			return err
		}
	}
	*d = out
	return nil
}

// parseFlat reads src, a JSON object whose values are integers, null,
// strings without escapes, or arrays of such strings, into d as
// encoding/json would; false if src is not of that form.
func (d *PartialDate) parseFlat(src []byte) bool {
	p := flatJSON{src: src}
	if !p.next('{') {
		return false
	}
	if p.next('}') {
		return p.end()
	}
	for {
		key, ok := p.str()
		if !ok || !p.next(':') {
			return false
		}
		if !d.field(&p, key) {
			return false
		}
		if p.next('}') {
			return p.end()
		}
		if !p.next(',') {
			return false
		}
	}
}

// field reads the value of key into d's field of that name (JSON's
// names: year, month, day, precision, text, inferred, basis); a key of
// another name is refused (encoding/json ignores it; we let it).
func (d *PartialDate) field(p *flatJSON, key []byte) bool {
	switch string(key) {
	case "year":
		return p.optInt(&d.Year)
	case "month":
		return p.optInt(&d.Month)
	case "day":
		return p.optInt(&d.Day)
	case "precision":
		return p.plainStr(&d.Precision)
	case "text":
		return p.plainStr(&d.Text)
	case "basis":
		return p.optStr(&d.Basis)
	case "inferred":
		return p.strList(&d.InferredParts)
	}
	return false
}

// flatJSON reads the tokens of a flat JSON object.
type flatJSON struct {
	src []byte
	i   int
}

func (p *flatJSON) space() {
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
func (p *flatJSON) next(c byte) bool {
	p.space()
	if p.i < len(p.src) && p.src[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (p *flatJSON) end() bool {
	p.space()
	return p.i == len(p.src)
}

// null consumes a null if it comes next.
func (p *flatJSON) null() bool {
	p.space()
	if bytes.HasPrefix(p.src[p.i:], []byte("null")) {
		p.i += 4
		return true
	}
	return false
}

// str reads a string without escapes or control characters; its bytes
// alias src.
func (p *flatJSON) str() ([]byte, bool) {
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

// plainStr reads a string into *s; null leaves *s as it is.
func (p *flatJSON) plainStr(s *string) bool {
	if p.null() {
		return true
	}
	b, ok := p.str()
	if ok {
		*s = string(b)
	}
	return ok
}

// optStr reads a string or null into *s.
func (p *flatJSON) optStr(s **string) bool {
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

// optInt reads an integer or null into *n.
func (p *flatJSON) optInt(n **int) bool {
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

// strList reads an array of strings, or null, into *list.
func (p *flatJSON) strList(list *[]string) bool {
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
