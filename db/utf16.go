package db

// StartUTF16 is Start counted in UTF-16 code units of the paragraph's text,
// as JavaScript indexes strings: an astral character (an emoji, say) before
// the span counts twice. It is Start when the paragraph is not known.
func (e *Evidence) StartUTF16() int { return e.utf16Offset(e.Start) }

// EndUTF16 is End counted in UTF-16 code units of the paragraph's text.
func (e *Evidence) EndUTF16() int { return e.utf16Offset(e.End) }

// utf16Offset converts an offset in code points of the paragraph's text
// into one in UTF-16 code units.
func (e *Evidence) utf16Offset(runes int) int {
	if e.Paragraph == nil {
		return runes
	}
	return utf16Units(e.Paragraph.Text, runes)
}

// utf16Units returns how many UTF-16 code units the first n code points of
// s take; past the end of s, each further code point counts one.
func utf16Units(s string, n int) int {
	units := 0
	for _, r := range s {
		if n == 0 {
			return units
		}
		n--
		units++
		if r > 0xFFFF {
			units++
		}
	}
	return units + n
}
