package extract

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/db"
)

// fig is one extracted figure.
type fig struct {
	metric, value, unit, currency, display string
	subject                                *entity
	stmt                                   *stmt
	period, base                           *db.DateDoc
	ev                                     span
	conf                                   float64
	rule                                   string
}

var (
	percentRe     = regexp.MustCompile(`\b(\d+(?:\.\d+)?) ?(%|per cent|percent|percentage points?)`)
	currencyRe    = regexp.MustCompile(`(US\$|S\$|A\$|HK\$|RMB|RM|Rp|RP|USD|EUR|€|£|¥|\$) ?(\d[\d,]*(?:\.\d+)?)(?: ?(thousand|million|billion|trillion|bn|mn)\b)?`)
	currency2Re   = regexp.MustCompile(`\b(\d[\d,]*(?:\.\d+)?) (?:(thousand|million|billion|trillion) )?(yuan|ringgit|U\.S\. dollars|US dollars|dollars|euros|rupiah|baht|yen|renminbi)\b`)
	countRe       = regexp.MustCompile(`\b(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)(-[a-z]+)? ((?:[a-z][a-z\-]* ){0,2}[a-z][a-z\-]*)`)
	scaledCountRe = regexp.MustCompile(`\b(\d+(?:\.\d+)?) (thousand|million|billion) ([a-z][a-z\-]*s)\b`)
	periodRe      = regexp.MustCompile(`\b[Ii]n (\d{4})\b`)
	baseRe        = regexp.MustCompile(`\b(?:compared (?:with|to)|from|over) (\d{4})\b`)
)

var countStop = set("percent", "per", "thousand", "million", "billion", "trillion", "years", "year", "months",
	"days", "weeks", "of", "and", "or", "to", "in", "on", "at", "by", "times", "am", "pm", "o", "a", "the")

func (x *extractor) figures(ss []*stmt) []*fig {
	var out []*fig
	for bi := range x.blocks {
		b := &x.blocks[bi]
		if x.paras[b.parts[0].para].heading || creditPattern.MatchString(b.text) || datelinePattern.MatchString(b.text) {
			continue
		}
		for _, s := range sentencesOf(b) {
			out = append(out, x.sentenceFigures(b, s, ss)...)
		}
	}
	x.figs = out
	return out
}

func (x *extractor) sentenceFigures(b *block, s [2]int, ss []*stmt) []*fig {
	t := b.text[s[0]:s[1]]
	var out []*fig
	taken := func(i, j int) bool {
		for _, f := range out {
			if i < f.ev.end-s[0] && j > f.ev.start-s[0] {
				return true
			}
		}
		return false
	}
	add := func(f *fig, i, j int) {
		f.ev = span{b, s[0] + i, s[0] + j}
		out = append(out, f)
	}
	for _, m := range currencyRe.FindAllStringSubmatchIndex(t, -1) {
		code := ""
		for _, c := range currencySymbols {
			if c.sym == t[m[2]:m[3]] {
				code = c.code
			}
		}
		scale := ""
		if m[6] >= 0 {
			scale = t[m[6]:m[7]]
		}
		add(&fig{unit: "currency", currency: code, value: normalize(t[m[4]:m[5]], scale), display: t[m[0]:m[1]], conf: 0.8, rule: "amount with a currency sign"}, m[0], m[1])
	}
	for _, m := range currency2Re.FindAllStringSubmatchIndex(t, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		scale := ""
		if m[4] >= 0 {
			scale = t[m[4]:m[5]]
		}
		add(&fig{unit: "currency", currency: currencyWords[t[m[6]:m[7]]], value: normalize(t[m[2]:m[3]], scale), display: t[m[0]:m[1]], conf: 0.8, rule: "amount with a currency word"}, m[0], m[1])
	}
	for _, m := range percentRe.FindAllStringSubmatchIndex(t, -1) {
		unit := "percent"
		if strings.HasPrefix(t[m[4]:m[5]], "percentage") {
			unit = "percentage_point"
		}
		add(&fig{unit: unit, value: normalize(t[m[2]:m[3]], ""), display: t[m[0]:m[1]], conf: 0.85, rule: "percentage"}, m[0], m[1])
	}
	for _, m := range scaledCountRe.FindAllStringSubmatchIndex(t, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		add(&fig{unit: "count", value: normalize(t[m[2]:m[3]], t[m[4]:m[5]]), display: t[m[0]:m[1]], metric: t[m[6]:m[7]], conf: 0.6, rule: "count with a scale"}, m[0], m[1])
	}
	for _, m := range countRe.FindAllStringSubmatchIndex(t, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		num := t[m[2]:m[3]]
		noun := t[m[6]:m[7]]
		ws := strings.Fields(noun)
		if countStop[ws[0]] || months[prevWord(t, m[0])] != 0 || len(strings.TrimLeft(num, "0123456789")) == 0 && len(num) == 4 && (num[0] == '1' || num[0] == '2') {
			continue
		}
		// keep the noun up to its first plural or the hyphenated unit
		end := -1
		for i, w := range ws {
			if countStop[w] {
				break
			}
			if strings.HasSuffix(w, "s") || m[4] >= 0 && i == 0 {
				end = i
				break
			}
		}
		if end < 0 {
			continue
		}
		hyph := m[4] >= 0
		if !hyph && strings.HasSuffix(t[:m[0]], "the ") {
			continue // "the two countries" refers, it does not count
		}
		display := t[m[2] : m[6]+len(strings.Join(ws[:end+1], " "))]
		v := num
		if w, ok := numberWords[num]; ok {
			v = w
		}
		metric := strings.Join(ws[:end+1], " ")
		if hyph {
			metric = strings.TrimPrefix(t[m[4]:m[5]], "-") + "s in the " + metric
		}
		f := &fig{unit: "count", value: normalize(v, ""), display: display, metric: metric, conf: 0.6, rule: "count of a noun"}
		add(f, m[0], m[0]+len(display))
	}
	for _, f := range out {
		x.figureContext(b, s, f, ss)
	}
	kept := out[:0]
	for _, f := range out {
		if f.subject != nil && f.value != "" {
			kept = append(kept, f)
		}
	}
	return kept
}

func prevWord(t string, i int) string {
	p := strings.TrimRight(t[:i], " ")
	return p[strings.LastIndex(p, " ")+1:]
}

// figureContext finds a figure's subject, metric, period and base.
func (x *extractor) figureContext(b *block, s [2]int, f *fig, ss []*stmt) {
	clause := [2]int{s[0], s[1]}
	for _, st := range ss {
		if st.ev.b == b && st.ev.start <= f.ev.start && f.ev.end <= st.ev.end {
			f.stmt = st
			clause = [2]int{st.ev.start, st.ev.end}
		}
	}
	t := b.text[s[0]:s[1]]
	if m := periodRe.FindStringSubmatch(t); m != nil {
		f.period = &db.DateDoc{Text: m[0], Year: ptr(atoi(m[1]))}
	}
	if m := baseRe.FindStringSubmatch(t); m != nil {
		f.base = &db.DateDoc{Text: m[0], Year: ptr(atoi(m[1]))}
	}
	// an agreement or event the counted noun refers back to
	if f.unit == "count" {
		head := f.metric[strings.LastIndex(f.metric, " ")+1:]
		for _, e := range x.entities {
			if (e.kind == db.KindAgreement || e.kind == db.KindEvent) && strings.HasSuffix(strings.ToLower(e.name), head) {
				f.subject = e
			}
		}
		if f.subject != nil {
			return
		}
	}
	// the first entity of the clause; "the conference" is the last event
	var firstAt = -1
	for _, n := range names(b.text, clause[0], clause[1]) {
		if n.start > f.ev.start {
			break
		}
		e := x.resolve(b.text[n.start:n.end])
		if e != nil && e.kind != db.KindPerson {
			f.subject, firstAt = e, n.start
			break
		}
	}
	if f.subject == nil && clause != s {
		for _, n := range names(b.text, s[0], s[1]) {
			e := x.resolve(b.text[n.start:n.end])
			if e != nil && e.kind != db.KindPerson && !sourceOf(ss, b, s, e) {
				f.subject = e
				break
			}
		}
	}
	if m := eventRef.FindStringIndex(b.text[clause[0]:f.ev.start]); m != nil && (firstAt < 0 || clause[0]+m[0] < firstAt) {
		for _, e := range x.entities {
			if e.kind == db.KindEvent {
				f.subject, firstAt = e, clause[0]+m[0]
			}
		}
	}
	if f.metric == "" && f.subject != nil {
		from := firstAt + len(f.subject.name)
		if from < f.ev.start && firstAt >= 0 {
			m := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(b.text[from:f.ev.start], "’s"), "'s"))
			for _, w := range []string{" by", " of", " to", " at", " about", " around", " nearly"} {
				m = strings.TrimSuffix(m, w)
			}
			if len(strings.Fields(m)) <= 5 {
				f.metric = m
			}
		}
	}
	if f.metric == "" {
		f.metric = f.unit
	}
}

// normalize writes a printed number with its scale as an exact decimal.
func normalize(num, scale string) string {
	num = strings.ReplaceAll(num, ",", "")
	r, ok := new(big.Rat).SetString(num)
	if !ok {
		return ""
	}
	if m, ok := scales[strings.ToLower(scale)]; ok {
		k, _ := new(big.Rat).SetString(m)
		r.Mul(r, k)
	}
	if r.IsInt() {
		return r.Num().String()
	}
	out := r.FloatString(12)
	return strings.TrimRight(strings.TrimRight(out, "0"), ".")
}

// sourceOf reports whether e is who a statement in sentence s is
// attributed to: the source of a figure is not what it measures.
func sourceOf(ss []*stmt, b *block, s [2]int, e *entity) bool {
	for _, st := range ss {
		if st.ev.b == b && st.ev.start >= s[0] && st.ev.end <= s[1] && (st.speaker == e || st.speaksFor == e) {
			return true
		}
	}
	return false
}

// resolve finds the entity a run of capitalized words names: itself, the
// country of a leading nationality, or the name after "X of".
func (x *extractor) resolve(txt string) *entity {
	if e := x.lookup(txt); e != nil {
		return e
	}
	if c := demonyms[strings.Fields(txt)[0]]; c != "" {
		return x.lookup(c)
	}
	if i := strings.Index(txt, " of "); i > 0 {
		return x.lookup(txt[i+4:])
	}
	return nil
}
