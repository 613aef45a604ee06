package extract

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// fig is one extracted figure.
type fig struct {
	metric, value, unit, currency, display string
	subject                                *entity
	stmt                                   *stmt
	period, base                           *document.DateDoc
	date                                   *document.DateDoc // for unit date
	ev                                     span
	conf                                   float64
	rule                                   string
}

var (
	percentRe = regexp.MustCompile(`\b(\d+(?:\.\d+)?) ?(%|per cent|percentage points?|percent)`)
	// "between 4.5 and 5.5 percent": the low end has no unit of its own
	rangeRe       = regexp.MustCompile(`\b(\d+(?:\.\d+)?) (?:and|to) \d+(?:\.\d+)? ?(?:%|per cent|percent)`)
	currencyRe    = regexp.MustCompile(`(US\$|S\$|A\$|HK\$|RMB|RM|Rp|RP|USD|EUR|€|£|¥|\$) ?(\d[\d,]*(?:\.\d+)?)(?: ?(thousand|million|billion|trillion|bn|mn)\b)?`)
	currency2Re   = regexp.MustCompile(`\b(\d[\d,]*(?:\.\d+)?) (?:(thousand|million|billion|trillion) )?(yuan|ringgit|U\.S\. dollars|US dollars|dollars|euros|rupiah|baht|yen|renminbi)\b`)
	countRe       = regexp.MustCompile(`\b(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)(-[a-z]+)? ((?:(?:[a-z][a-z\-]*|[A-Z]{2,5}) ){0,2}[a-z][a-z\-]*)`)
	scaledCountRe = regexp.MustCompile(`\b(\d+(?:\.\d+)?) (thousand|million|billion) ((?:\p{Lu}[a-z]+ )?[a-z][a-z\-]*s)\b`)
	// scaledCountAt is scaledCountRe where the text begins: a bare scaled
	// number that starts one is a count with its noun after it.
	scaledCountAt = regexp.MustCompile(`^` + scaledCountRe.String())
	// "scheduled for completion in June", "due to open by March 2027"
	dueRe        = regexp.MustCompile(`\b(?:[Ss]cheduled|[Ss]lated|[Dd]ue|[Ee]xpected|[Ss]et|[Pp]lanned)(?: to be| to| for)? (completion|completed|complete|open|opened|opening|operational|launch|launched|finished|start operations|begin operations) (?:in|by) (?:(January|February|March|April|May|June|July|August|September|October|November|December)(?: (\d{4}))?|(\d{4}))\b`)
	bareScaledRe = regexp.MustCompile(`\b(\d+(?:\.\d+)?) (million|billion)\b`)
	partOfRe     = regexp.MustCompile(`\b(\d[\d,]*) of (?:the|its|their) (\d[\d,]*) ([a-z][a-z\-]*s)\b`)
	periodRe     = regexp.MustCompile(`\b[Ii]n (\d{4})\b`)
	baseRe       = regexp.MustCompile(`\b(?:compared (?:with|to)|from|over) (\d{4})\b`)
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
			if x.stopped() {
				return nil
			}
			out = append(out, x.sentenceFigures(b, s, ss)...)
		}
	}
	x.figs = out
	return out
}

// maxSentenceFigures is the most figures a sentence gives, the first its
// rules find: each figure's context is read from its whole sentence, so
// that a sentence of thousands of figures would cost their square.
const maxSentenceFigures = 40

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
		if len(out) == maxSentenceFigures {
			return
		}
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
	for _, m := range rangeRe.FindAllStringSubmatchIndex(t, -1) {
		add(&fig{unit: "percent", value: normalize(t[m[2]:m[3]], ""), display: t[m[2]:m[3]], conf: 0.6, rule: "low end of a range"}, m[2], m[3])
	}
	for _, m := range bareScaledRe.FindAllStringSubmatchIndex(t, -1) {
		// "climbed to 4.2 million last year": a count whose noun came before
		if taken(m[0], m[1]) || scaledCountAt.MatchString(t[m[0]:]) {
			continue
		}
		add(&fig{unit: "count", value: normalize(t[m[2]:m[3]], t[m[4]:m[5]]), display: t[m[0]:m[1]], conf: 0.4, rule: "count with a scale, noun before it"}, m[0], m[1])
	}
	for _, m := range scaledCountRe.FindAllStringSubmatchIndex(t, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		add(&fig{unit: "count", value: normalize(t[m[2]:m[3]], t[m[4]:m[5]]), display: t[m[0]:m[1]], metric: t[m[6]:m[7]], conf: 0.6, rule: "count with a scale"}, m[0], m[1])
	}
	if !strings.ContainsAny(t, "0123456789") && !numberWordRe.MatchString(t) {
		// no number, no figure but a due date ("in June")
		if f := x.dueDate(b, s); f != nil {
			return []*fig{f}
		}
		return nil
	}
	for _, m := range partOfRe.FindAllStringSubmatchIndex(t, -1) {
		// "14 of the 18 chapters": two counts of one noun
		noun := t[m[6]:m[7]]
		add(&fig{unit: "count", value: normalize(t[m[2]:m[3]], ""), display: t[m[0]:m[1]], metric: noun + " (part)", conf: 0.5, rule: "part of a count"}, m[0], m[1])
		add(&fig{unit: "count", value: normalize(t[m[4]:m[5]], ""), display: t[m[4]:m[1]], metric: noun, conf: 0.5, rule: "count of a noun"}, m[4], m[1])
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
		if !hyph && (strings.HasSuffix(t[:m[0]], "the ") || strings.HasSuffix(t[:m[0]], "The ") || strings.HasSuffix(t[:m[0]], "both ")) {
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
		if x.stopped() {
			return nil
		}
		x.figureContext(b, s, f, ss)
	}
	if f := x.dueDate(b, s); f != nil {
		out = append(out, f)
	}
	kept := out[:0]
	for _, f := range out {
		if f.subject != nil && (f.value != "" || f.date != nil) {
			kept = append(kept, f)
		}
	}
	return kept
}

// dueDate reads a project's due date: "Scheduled for completion in June,
// the X Data Center ...". A month without a year takes the year of the
// dateline, or the next one when the month has passed, marked inferred.
func (x *extractor) dueDate(b *block, s [2]int) *fig {
	t := b.text[s[0]:s[1]]
	if !strings.Contains(t, " in ") && !strings.Contains(t, " by ") {
		return nil
	}
	m := dueRe.FindStringSubmatchIndex(t)
	if m == nil {
		return nil
	}
	var subject *entity
	for _, n := range names(b.text, s[0], s[1]) {
		if e := x.lookup(b.text[n.start:n.end]); e != nil && e.kind == db.KindProject {
			subject = e
			break
		}
	}
	if subject == nil {
		return nil
	}
	word := t[m[2]:m[3]]
	metric := "scheduled completion"
	if strings.HasPrefix(word, "open") || word == "operational" || word == "launch" || word == "launched" || strings.Contains(word, "operations") {
		metric = "scheduled opening"
	}
	wording := t[m[0]:m[1]]
	if i := strings.Index(wording, " in "); i >= 0 {
		wording = wording[i+1:]
	} else if i := strings.Index(wording, " by "); i >= 0 {
		wording = wording[i+1:]
	}
	d := &document.DateDoc{Text: wording}
	conf := 0.7
	switch {
	case m[8] >= 0:
		d.Year = ptr(atoi(t[m[8]:m[9]]))
	case m[6] >= 0:
		d.Month, d.Year = ptr(months[t[m[4]:m[5]]]), ptr(atoi(t[m[6]:m[7]]))
	default:
		d.Month = ptr(months[t[m[4]:m[5]]])
		pub := x.base
		if pub == nil || pub.Year == nil || pub.Month == nil {
			return nil // no year to infer it from
		}
		y := *pub.Year
		if *d.Month < *pub.Month {
			y++
		}
		d.Year, d.Inferred = ptr(y), []string{"year"}
		d.Basis = ptr("the next " + t[m[4]:m[5]] + " from the article's date, " + pub.Text)
		conf = 0.5
	}
	return &fig{metric: metric, unit: "date", display: wording, subject: subject, date: d,
		ev: span{b, s[0] + m[0], s[0] + m[1]}, conf: conf, rule: "due date of a project"}
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
		f.period = &document.DateDoc{Text: m[0], Year: ptr(atoi(m[1]))}
	}
	if m := baseRe.FindStringSubmatch(t); m != nil {
		f.base = &document.DateDoc{Text: m[0], Year: ptr(atoi(m[1]))}
	}
	// an agreement or event the counted noun refers back to
	if f.unit == "count" && f.metric != "" {
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
	var firstAt, firstEnd int
	f.subject, firstAt, firstEnd = x.subjectIn(b, clause, f.ev.start, nil)
	owner := f.subject != nil && possessive(b.text[firstEnd:clause[1]]) // no reference below overrides it
	// "an agreement that would guarantee 1.5 million tonnes": the
	// agreement the relative clause describes
	for _, e := range x.entities {
		for _, sp := range e.ev {
			if e.kind == db.KindAgreement && sp.b == b && sp.start >= clause[0] && sp.end <= f.ev.start && relative.MatchString(b.text[sp.end:f.ev.start]) {
				f.subject, firstAt, firstEnd = e, sp.start, sp.end
			}
		}
	}
	// "the conference" is the last event, "the company" the last company
	// named before
	if m := eventRef.FindStringIndex(b.text[clause[0]:f.ev.start]); m != nil && !owner && (firstAt < 0 || clause[0]+m[0] < firstAt) {
		for _, e := range x.entities {
			if e.kind == db.KindEvent {
				f.subject, firstAt, firstEnd = e, clause[0]+m[0], clause[0]+m[1]
			}
		}
	}
	if m := companyRef.FindStringIndex(b.text[clause[0]:f.ev.start]); m != nil && !owner && (firstAt < 0 || clause[0]+m[0] < firstAt) {
		if e := x.lastBefore(b, clause[0]+m[0], func(e *entity) bool {
			return e.kind == db.KindOrganization && e.sub == "company" && (f.stmt == nil || e != f.stmt.speaker && e != f.stmt.speaksFor)
		}); e != nil {
			f.subject, firstAt, firstEnd = e, clause[0]+m[0], clause[0]+m[1]
		}
	}
	if m := agreementRef.FindStringIndex(b.text[clause[0]:f.ev.start]); m != nil && !owner && (firstAt < 0 || clause[0]+m[0] < firstAt) {
		if e := x.lastBefore(b, clause[0]+m[0], func(e *entity) bool { return e.kind == db.KindAgreement }); e != nil {
			f.subject, firstAt, firstEnd = e, clause[0]+m[0], clause[0]+m[1]
		}
	}
	if m := facilityRef.FindStringSubmatchIndex(b.text[clause[0]:f.ev.start]); m != nil && !owner && (firstAt < 0 || clause[0]+m[0] < firstAt) {
		head := b.text[clause[0]+m[2] : clause[0]+m[3]]
		if head == "line" {
			head = "railway"
		}
		if e := x.lastBefore(b, clause[0]+m[0], func(e *entity) bool {
			return (e.kind == db.KindProject || e.kind == db.KindPlace) && strings.Contains(strings.ToLower(e.name), head)
		}); e != nil {
			f.subject, firstAt, firstEnd = e, clause[0]+m[0], clause[0]+m[1]
		}
	}
	if f.subject == nil && f.stmt == nil {
		f.subject, _, _ = x.subjectIn(b, s, s[1], func(e *entity) bool { return sourceOf(ss, b, s, e) })
	}
	if f.subject == nil && f.unit == "currency" {
		// "Rp1,900 trillion" with no subject named: the currency's country
		// when the article names it
		if c := currencyCountries[f.currency]; c != "" {
			f.subject = x.byName[db.KindPlace+"|"+c]
		}
	}
	if f.subject == nil && tradeNoun.MatchString(b.text[clause[0]:f.ev.start]) {
		// "Trade between the two countries rose 8 per cent" in a story
		// datelined JAKARTA: the dateline's country
		f.subject = x.datelineCountry()
	}
	if f.metric == "" && f.subject != nil {
		from := firstEnd
		if from >= 0 && from < f.ev.start && firstAt >= 0 {
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

// subjectIn finds what a figure at offset before measures among the
// entities named in b.text[r[0]:r[1]] before it: the first one that is the
// clause's own ("Malaysia's GDP", "Chinese companies"), else the first
// after "in", "on", "at" or "of" ("sales in Vietnam"); never one after
// "to", "from" or "by" ("exports to India" measure the exporter's), nor a
// person, nor one skip rules out. It returns the subject and where it is.
func (x *extractor) subjectIn(b *block, r [2]int, before int, skip func(*entity) bool) (*entity, int, int) {
	var second *entity
	at2, end2 := -1, -1
	excluded := false
	for _, n := range names(b.text, r[0], r[1]) {
		if n.start > before {
			break
		}
		e := x.resolve(b.text[n.start:n.end])
		if e == nil || e.kind == db.KindPerson || skip != nil && skip(e) {
			continue
		}
		if possessive(b.text[n.end:r[1]]) {
			return e, n.start, n.end // "raise Laos' total income by 21 percent": the owner
		}
		prev := strings.TrimSuffix(strings.TrimRight(b.text[r[0]:n.start], " "), " the")
		prev = strings.ToLower(prev[strings.LastIndex(prev, " ")+1:])
		if (prev == "and" || prev == "or") && excluded {
			continue // "between Vientiane and Kunming"
		}
		excluded = false
		switch prev {
		case "to", "from", "into", "by", "with", "against", "than", "toward", "towards", "between":
			excluded = true
			continue
		case "in", "on", "at", "of", "for", "across", "within":
			if second == nil {
				second, at2, end2 = e, n.start, n.end
			}
			continue
		}
		return e, n.start, n.end
	}
	if second == nil {
		// "add 0.3 percentage points to Indonesia's growth": the owner
		// named after the figure
		for _, n := range names(b.text, before, r[1]) {
			if possessive(b.text[n.end:r[1]]) {
				if e := x.resolve(b.text[n.start:n.end]); e != nil && e.kind != db.KindPerson && (skip == nil || !skip(e)) {
					return e, n.start, n.end
				}
			}
		}
	}
	return second, at2, end2
}

// possessive reports whether rest, the text after a name, starts with a
// possessive ending: "Malaysia's", "Laos' ".
func possessive(rest string) bool {
	for _, p := range []string{"'s ", "’s ", "' ", "’ "} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

var numberWordRe = regexp.MustCompile(`\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b`)

var relative = regexp.MustCompile(`^,? (?:that|which) [a-z ]{0,40}$`)

var agreementRef = regexp.MustCompile(`\b[Tt]he (?:pact|deal|agreement|accord|treaty|declaration|memorandum)\b`)

var facilityRef = regexp.MustCompile(`\b[Tt]he (railway|line|port|bridge|airport|park|zone|project|plant|dam|corridor|highway)\b`)

var companyRef = regexp.MustCompile(`\b[Tt]he (?:company|firm|group|carmaker|lender|miner|developer)\b`)

// lastBefore is the last entity ok accepts named before offset at of b.
func (x *extractor) lastBefore(b *block, at int, ok func(*entity) bool) *entity {
	bi := 0
	for i := range x.blocks {
		if &x.blocks[i] == b {
			bi = i
		}
	}
	var best *entity
	bestAt := [2]int{-1, -1}
	for _, e := range x.entities {
		if !ok(e) {
			continue
		}
		for _, sp := range e.ev {
			si := 0
			for i := range x.blocks {
				if &x.blocks[i] == sp.b {
					si = i
				}
			}
			if (si < bi || si == bi && sp.start < at) && (si > bestAt[0] || si == bestAt[0] && sp.start > bestAt[1]) {
				best, bestAt = e, [2]int{si, sp.start}
			}
		}
	}
	return best
}

var tradeNoun = regexp.MustCompile(`(?i)\b(?:trade|exports?|imports?|shipments|GDP|gross domestic product|economy|inflation|investment|receipts|revenue|output|budget|deficit|arrivals|visitors)\b`)

// datelineCountry is the country of an agency dateline's city
// ("JAKARTA, March 6 --"), when the article names that country.
func (x *extractor) datelineCountry() *entity {
	for i := range x.blocks {
		m := agencyDateline.FindString(x.blocks[i].text)
		if m == "" {
			continue
		}
		city := strings.ToLower(m[:strings.Index(m, ",")])
		for name, c := range cities {
			if strings.ToLower(name) == city && c != "" {
				return x.byName[db.KindPlace+"|"+c]
			}
		}
		return nil
	}
	return nil
}

// sourceOf reports whether e is who a statement in sentence s is
// attributed to: the source of a figure is not what it measures.
func sourceOf(ss []*stmt, b *block, s [2]int, e *entity) bool {
	for _, st := range ss {
		if st.ev.b == b && st.ev.start >= s[0] && st.ev.end <= s[1] && (st.speaker == e || st.speaksFor == e ||
			strings.Contains(st.role, e.name) || st.desc != "" && strings.Contains(st.desc, e.name)) {
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
	if i := strings.Index(txt, "-"); i > 0 && !strings.Contains(txt, " ") {
		// "Intra-ASEAN", "Sino-Malaysian"
		for _, part := range []string{txt[i+1:], txt[:i]} {
			if e := x.lookup(part); e != nil {
				return e
			}
			if c := demonyms[part]; c != "" {
				return x.lookup(c)
			}
		}
	}
	if i := strings.Index(txt, " of "); i > 0 {
		return x.lookup(txt[i+4:])
	}
	return nil
}
