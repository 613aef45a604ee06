package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/db"
)

// stmt is one extracted statement.
type stmt struct {
	speaker   *entity // a person or organization
	desc      string  // or an unnamed speaker
	speaksFor *entity
	role      string
	verb      string
	mode      string
	ev        span
	conf      float64
	rule      string
	key       string
}

var (
	continuation = regexp.MustCompile(`\b(?:they|he|she) (?:can|could|will|would|should|must|may|might|also)\b`)
	pronounStart = regexp.MustCompile(`^(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Hh]im|[Hh]er|[Tt]hem)(?: also| further| then| later)?$`)
	butClause    = regexp.MustCompile(`,? but (?:has|have|had|is|are|was|were|will|would|can|could|should|also) `)
	withSpeaker  = regexp.MustCompile(`,? with ((?:[a-zA-Z\-]+ ){1,6}?)(highlighting|noting|saying|stressing|emphasizing|emphasising|pointing out|underlining) `)
	adjunct      = regexp.MustCompile(`^(?:(?:in|at|during) (?:a|an|the|its) [a-z\- ]{1,30}?|on \p{Lu}\w+|last \w+|to reporters|(?:in|at|during) (?:a|an|the|its) [a-z\- ]{1,30}? (?:on \p{Lu}\w+|last \w+)) that `)
	endAdjunct   = regexp.MustCompile(`^ (?:on \p{Lu}\w+|last \w+|yesterday|today|in an? [a-z\- ]*(?:statement|report|speech|interview|note|briefing)|(?:to )?reporters(?: (?:at|in|on|after) [\w\- ]+)?|an? [a-z\- ]*(?:conference|briefing|forum|meeting|ceremony|summit|seminar)(?: (?:in|at|on) [\p{L}\- ]+)?)(?: on \p{Lu}\w+)?\.?$`)
	andVerb      = regexp.MustCompile(` and (said|added|noted|stressed|emphasized|suggested|explained|stated|highlighted|pointed out)(?: that)? `)
	sourcePrefix = regexp.MustCompile(`^(?:data|figures|statistics|estimates|a report|a survey) (?:from|by|of) (?:the )?`)
	// "... in big data, as well as in the new-energy vehicle sector ...":
	// a second claim parallel to the first
	andThat      = regexp.MustCompile(`,? and that `)
	asWellAs     = regexp.MustCompile(`, as well as (?:in|on|for|with|to|at|about) `)
	gerundClause = regexp.MustCompile(`, (noting|adding|saying|stressing|emphasizing|emphasising|pointing out|explaining|underlining)(?: that)? `)
)

// verbAt finds the first reporting verb in t as a whole word; it returns
// its byte range and the format's verb.
func verbAt(t string) (int, int, string) {
	best, end, verb := -1, -1, ""
	for w, v := range reportingVerbs {
		for from := 0; ; {
			i := strings.Index(t[from:], w)
			if i < 0 {
				break
			}
			i += from
			from = i + 1
			e := i + len(w)
			if (i > 0 && t[i-1] != ' ') || (e < len(t) && !strings.ContainsRune(" ,.:", rune(t[e]))) {
				continue
			}
			if best < 0 || i < best || (i == best && e > end) {
				best, end, verb = i, e, v
			}
			break
		}
	}
	return best, end, verb
}

func (x *extractor) statements() []*stmt {
	var out []*stmt
	var last *stmt
	for bi := range x.blocks {
		b := &x.blocks[bi]
		if x.paras[b.parts[0].para].heading || creditPattern.MatchString(b.text) || datelinePattern.MatchString(b.text) {
			continue
		}
		lastInBlock := false
		for _, s := range sentencesOf(b) {
			if x.stopped() {
				return out
			}
			got := x.sentence(b, s, last, lastInBlock)
			lastInBlock = len(got) > 0
			if lastInBlock {
				last = got[len(got)-1]
			}
			out = append(out, got...)
		}
	}
	x.keys(out)
	return out
}

// sentence reads one sentence for statements.
func (x *extractor) sentence(b *block, s [2]int, last *stmt, follows bool) []*stmt {
	lo, hi := s[0], s[1]
	t := b.text[lo:hi]
	trimEnd := func(i, j int) span { // content span without trailing punctuation and "that"
		for i < j && b.text[i] == ' ' {
			i++
		}
		if m := adjunct.FindStringIndex(b.text[i:j]); m != nil {
			i += m[1]
		}
		if strings.HasPrefix(b.text[i:j], "that ") {
			i += 5
		}
		for j > i && strings.ContainsRune(" ,.;:", rune(b.text[j-1])) {
			j--
		}
		return span{b, i, j}
	}
	// "..., according to SPEAKER" and "According to SPEAKER, ..."
	i := strings.Index(t, "according to ")
	if strings.HasPrefix(t, "According to ") {
		i = 0
	}
	if i >= 0 {
		if i == 0 || strings.HasPrefix(t, "According to ") {
			i = strings.Index(t, "to ") + 3
			c := strings.Index(t[i:], ", ")
			if c > 0 && titleStart(t[i+c+2:]) { // "According to X, a researcher at Y, ..."
				if c2 := strings.Index(t[i+c+2:], ", "); c2 > 0 {
					c += 2 + c2
				}
			}
			if c > 0 {
				st := x.speaker(b, lo+i, lo+i+c, last)
				if st != nil {
					st.verb, st.mode, st.ev = "according_to", "paraphrase", trimEnd(lo+i+c+2, hi)
					st.rule = "According to X, ..."
					return []*stmt{quoteMode(st)}
				}
			}
		} else if i > 2 {
			end := hi
			for end > lo && strings.ContainsRune(".", rune(b.text[end-1])) {
				end--
			}
			st := x.speaker(b, lo+i+13, end, last)
			if st != nil {
				st.verb, st.mode, st.ev = "according_to", "paraphrase", trimEnd(lo, lo+i)
				st.rule = "..., according to X"
				return []*stmt{quoteMode(st)}
			}
		}
	}
	// "..., with business leaders highlighting ..."
	var out []*stmt
	if m := withSpeaker.FindStringSubmatchIndex(t); m != nil {
		desc := strings.TrimSpace(t[m[2]:m[3]])
		if ws := strings.Fields(desc); describers[ws[len(ws)-1]] || describers[ws[0]] || strings.Contains(desc, " from ") {
			st := &stmt{desc: desc, verb: gerunds[t[m[4]:m[5]]], mode: "paraphrase", conf: 0.5, rule: "with X highlighting ..."}
			st.ev = trimEnd(lo+m[4], hi)
			return []*stmt{st}
		}
	}
	vi, ve, verb := verbAt(t)
	if vi < 0 {
		// "X welcomed the trend, saying that ...": the gerund reports
		if m := gerundClause.FindStringSubmatchIndex(t); m != nil {
			if ns := names(b.text, lo, lo+m[0]); len(ns) > 0 {
				if st := x.speaker(b, lo, ns[0].end, last); st != nil && ns[0].start-lo < 60 {
					st.verb, st.mode, st.ev, st.rule = gerunds[t[m[2]:m[3]]], "paraphrase", trimEnd(lo+m[1], hi), "X did ..., saying ..."
					return []*stmt{quoteMode(st)}
				}
			}
		}
		// a quote or a clause continuing the last speaker
		if last != nil && (follows && continuation.MatchString(t) || (strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"")) && strings.ContainsAny(t[len(t)-3:], "”\"")) {
			st := *last
			st.ev, st.conf, st.rule, st.key = trimEnd(lo, hi), 0.5, "continues the last speaker", ""
			return []*stmt{quoteMode(&st)}
		}
		return nil
	}
	if verb == "expressed_hope" && strings.HasPrefix(t[ve:], " for ") {
		ve += 5
	}
	left := strings.TrimRight(t[:vi], " ")
	// inverted: "“...,” said SPEAKER" or "..., SPEAKER said"
	if strings.HasSuffix(left, ",") || strings.HasSuffix(left, ",”") || strings.HasSuffix(left, ",\"") {
		end := hi
		for end > lo+ve && strings.ContainsRune(".", rune(b.text[end-1])) {
			end--
		}
		if st := x.speaker(b, lo+ve+1, end, last); st != nil && speakerPhrase(b.text[lo+ve:end]) {
			st.verb, st.mode, st.ev, st.rule = verb, "paraphrase", trimEnd(lo, lo+len(left)), "..., said X"
			return []*stmt{quoteMode(st)}
		}
	}
	if q := strings.LastIndexAny(left, "”\""); q > 0 && (strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"")) {
		_, n := utf8.DecodeRuneInString(left[q:])
		if st := x.speaker(b, lo+q+n, lo+len(left), last); st != nil {
			st.verb, st.mode, st.ev, st.rule = verb, "quote", trimEnd(lo, lo+q), "“...,” X said"
			out := []*stmt{quoteMode(st)}
			if m := gerundClause.FindStringSubmatchIndex(t[ve:]); m != nil && m[0] < 3 {
				// "“...,” he said, adding that ...": a second claim
				g := *st
				g.verb, g.mode, g.ev, g.rule = gerunds[t[ve+m[2]:ve+m[3]]], "paraphrase", trimEnd(lo+ve+m[1], hi), "..., adding that ..."
				out = append(out, quoteMode(&g))
			}
			return out
		}
	}
	// at the end: "..., officials said."
	if strings.Trim(t[ve:], " .") == "" || endAdjunct.MatchString(t[ve:]) {
		if c := strings.LastIndex(left, ", "); c > 0 {
			if st := x.speaker(b, lo+c+2, lo+len(left), last); st != nil {
				st.verb, st.mode, st.ev, st.rule = verb, "paraphrase", trimEnd(lo, lo+c), "..., X said"
				return []*stmt{quoteMode(st)}
			}
		}
	}
	// normal: "SPEAKER[, ROLE,] said that ..."
	sl := 0
	for _, c := range []string{", with ", ", while ", ", and ", ", but ", ", as "} {
		if i := strings.LastIndex(left, c); i >= 0 && i+len(c) > sl {
			sl = i + len(c)
		}
	}
	st := x.speaker(b, lo+sl, lo+len(left), last)
	if st == nil {
		return nil
	}
	st.verb, st.mode, st.rule = verb, "paraphrase", "X said ..."
	if strings.HasPrefix(t[vi:], "told ") {
		// "told a press conference that ...": the audience is no content
		if i := strings.Index(t[ve:], " that "); i >= 0 && len(strings.Fields(t[ve:ve+i])) <= 8 {
			ve += i + len(" that")
		} else if m := audience.FindStringIndex(t[ve:]); m != nil {
			ve += m[1] - 1 // "told reporters the government would ..."
		}
	}
	rest := b.text[lo+ve : hi]
	parts := [][2]int{{lo + ve, hi}}
	verbs := []string{verb}
	if m := gerundClause.FindStringIndex(rest); m != nil {
		g := gerundClause.FindStringSubmatch(rest)[1]
		parts = [][2]int{{lo + ve, lo + ve + m[0]}, {lo + ve + m[1], hi}}
		verbs = append(verbs, gerunds[g])
	}
	if m := andVerb.FindStringSubmatchIndex(b.text[parts[0][0]:parts[0][1]]); m != nil {
		a := parts[0][0]
		v := reportingVerbs[b.text[a+m[2]:a+m[3]]]
		parts = append([][2]int{{a, a + m[0]}, {a + m[1], parts[0][1]}}, parts[1:]...)
		verbs = append([]string{verb, v}, verbs[1:]...)
	}
	if m := butClause.FindStringIndex(b.text[parts[0][0]:parts[0][1]]); m != nil {
		a := parts[0][0]
		cut := a + m[1] - len(strings.Fields(b.text[a+m[0] : a+m[1]])[1]) - 1
		parts = append([][2]int{{a, a + m[0]}, {cut, parts[0][1]}}, parts[1:]...)
		verbs = append([]string{verb}, verbs...)
	}
	if m := andThat.FindStringIndex(b.text[parts[0][0]:parts[0][1]]); m != nil {
		// "said X, and that Y": two claims
		a := parts[0][0]
		parts = append([][2]int{{a, a + m[0]}, {a + m[1], parts[0][1]}}, parts[1:]...)
		verbs = append([]string{verbs[0]}, verbs...)
	}
	if m := asWellAs.FindStringIndex(b.text[parts[0][0]:parts[0][1]]); m != nil {
		a := parts[0][0]
		parts = append([][2]int{{a, a + m[0]}, {a + m[0] + len(", as well as "), parts[0][1]}}, parts[1:]...)
		verbs = append([]string{verbs[0]}, verbs...)
	}
	for i, p := range parts {
		c := *st
		c.verb, c.ev = verbs[i], trimEnd(p[0], p[1])
		if c.ev.end <= c.ev.start {
			continue
		}
		out = append(out, quoteMode(&c))
	}
	return out
}

// quoteMode marks a statement whose evidence is in quotation marks a quote,
// and keeps only the quoted words as evidence.
func quoteMode(st *stmt) *stmt {
	t := st.ev.text()
	if (strings.HasPrefix(t, "“") || strings.HasPrefix(t, "\"")) && strings.Count(t, "“")+strings.Count(t, "\"") <= 2 {
		st.mode = "quote"
		i, j := st.ev.start+len("“"), st.ev.end
		if strings.HasPrefix(t, "\"") {
			i = st.ev.start + 1
		}
		for j > i && strings.ContainsRune(",.”\" ", rune(st.ev.b.text[j-1])) {
			j--
		}
		if strings.HasSuffix(st.ev.b.text[:j], "”") {
			j -= len("”")
		}
		st.ev = span{st.ev.b, i, j}
	}
	return st
}

// speaker reads who is speaking in b.text[lo:hi].
func (x *extractor) speaker(b *block, lo, hi int, last *stmt) *stmt {
	for lo < hi && b.text[lo] == ' ' {
		lo++
	}
	if lo >= hi {
		return nil // "..., said." names no one
	}
	t := strings.TrimSpace(b.text[lo:hi])
	for _, rel := range []string{", who ", ", which "} {
		// "X, who chaired the meeting, said": the relative clause is no role
		if i := strings.Index(t, rel); i > 0 {
			t = t[:i]
		}
	}
	for _, adv := range []string{" also", " further", " recently", " earlier", " then", " later", " however"} {
		t = strings.TrimSuffix(t, adv)
	}
	if t == "" {
		return nil
	}
	if m := sourcePrefix.FindString(t); m != "" {
		lo += len(m)
		t = t[len(m):]
		// "data from Enterprise Singapore": data come from an organization
		if e := x.lookup(t); e == nil && len(names(b.text, lo, lo+len(t))) == 1 && capitalized(t) && !countries[t] {
			x.add(&entity{kind: db.KindOrganization, name: t, ev: []span{{b, lo, lo + len(t)}}, conf: 0.5, rule: "source of data"})
		}
	}
	if m := orgRef.FindStringSubmatch(t); m != nil {
		head := m[1]
		if e := x.lastBefore(b, lo, func(e *entity) bool {
			if e.kind != db.KindOrganization || last != nil && e == last.speaksFor {
				return false // "analysts at X said ...": X was a source, not the company meant
			}
			ws := strings.Fields(strings.ToLower(e.name))
			return slices.Contains(ws, head) || (head == "company" || head == "firm" || head == "group" || head == "operator") && e.sub == "company"
		}); e != nil {
			return &stmt{speaker: e, conf: 0.5}
		}
	}
	if pronounStart.MatchString(t) {
		p := strings.ToLower(strings.Fields(t)[0])
		plural := p == "they" || p == "them"
		switch {
		case last == nil:
			return nil
		case p == "it":
			if last.speaker == nil || last.speaker.kind != db.KindOrganization {
				return nil // "it said" follows an organization only
			}
		case !plural && (last.speaker == nil || last.speaker.kind != db.KindPerson):
			return nil // "he" or "she" follows a person only
		case plural && last.speaker != nil && last.speaker.kind == db.KindPerson:
			return nil
		}
		st := *last
		st.conf, st.key = 0.6, ""
		return &st
	}
	// a named person or organization
	for _, n := range names(b.text, lo, lo+len(t)) {
		e := x.lookup(b.text[n.start:n.end])
		if e == nil {
			e = x.classify(b, [2]int{lo, hi}, n.start, n.end)
		}
		if e == nil {
			// the name may end in a known person: "Chinese Ambassador to Malaysia Ouyang Yujing"
			for _, p := range x.entities {
				if p.kind == db.KindPerson && strings.HasSuffix(b.text[n.start:n.end], p.name) {
					e = p
				}
			}
		}
		if e == nil && personShape(b.text[n.start:n.end]) && !hasHonorific(b.text[n.start:n.end]) {
			e = x.person(b.text[n.start:n.end], nil, span{b, n.start, n.end}, 0.6, "name in a speaker position")
		}
		if e == nil || e.kind != db.KindPerson && e.kind != db.KindOrganization {
			continue
		}
		st := &stmt{speaker: e, conf: 0.8}
		if e.kind == db.KindOrganization {
			// the organization must be the whole speaker: "the Malaysian
			// Palm Oil Board (MPOB)", not "analysts at Bank Mandiri"
			pre := strings.TrimSpace(b.text[lo:n.start])
			post := strings.TrimSpace(b.text[n.end : lo+len(t)])
			if pre != "" && pre != "the" && pre != "The" || post != "" && !acronymAfter.MatchString(" "+post) {
				continue
			}
			st.conf = 0.6
		}
		// role: an appositive after the name, or words before it
		after := strings.TrimSpace(b.text[n.end : lo+len(t)])
		switch {
		case strings.HasPrefix(after, ","):
			st.role = strings.TrimSpace(strings.Trim(after, ", "))
		case n.start > lo:
			pre := strings.TrimSpace(b.text[lo:n.start])
			if pre != "" && titleIn(pre) {
				st.role = strings.TrimPrefix(pre, "The ")
				if strings.Contains(b.text[n.start:n.end], " ") && e.kind == db.KindPerson && !strings.HasSuffix(b.text[n.start:n.end], e.name) {
					st.role = ""
				}
			}
		}
		if run := b.text[lo:n.end]; e.kind == db.KindPerson && !strings.HasPrefix(after, ",") && strings.HasSuffix(run, e.name) {
			role := strings.TrimSpace(strings.TrimSuffix(run, e.name))
			if i := strings.LastIndex(role, ", "); i >= 0 {
				role = role[i+2:]
			}
			for _, h := range honorifics {
				role = strings.TrimSpace(strings.TrimSuffix(role, h))
			}
			st.role = ""
			if titleIn(role) {
				st.role = role
			}
		}
		return st
	}
	// an unnamed speaker: "a CSCEC staff member", "local media"
	ws := strings.Fields(t)
	if len(ws) <= 8 && (describers[strings.ToLower(ws[len(ws)-1])] || describers[strings.ToLower(ws[0])] || len(ws) > 1 && describers[ws[1]]) {
		first := strings.ToLower(ws[0])
		if first == "it" || first == "this" || first == "which" {
			return nil
		}
		st := &stmt{desc: t, conf: 0.5}
		for _, n := range names(b.text, lo, lo+len(t)) {
			if e := x.lookup(b.text[n.start:n.end]); e != nil && e.kind == db.KindOrganization {
				st.speaksFor = e
			}
		}
		return st
	}
	return nil
}

// speakerPhrase reports whether the words after an inverted reporting verb
// ("..., said Ananya Rattana, director of ...") can be a speaker: a name
// or a short description first, not a clause ("farmers in the Mekong
// Delta had earned ...").
func speakerPhrase(s string) bool {
	head := strings.TrimSpace(s)
	if i := strings.Index(head, ","); i >= 0 {
		head = head[:i]
	}
	return len(strings.Fields(head)) <= 7
}

// orgRef is an organization named again by its head word: "the office
// said", "the ministry said".
var audience = regexp.MustCompile(`^ (?:reporters|journalists|the media|lawmakers|parliament) `)

var orgRef = regexp.MustCompile(`^[Tt]he (office|ministry|agency|bureau|board|association|council|commission|company|firm|group|bank|university|institute|centre|center|authority|department|secretariat|operator)$`)

func titleIn(s string) bool {
	for _, w := range strings.Fields(s) {
		if titles[strings.ToLower(strings.Trim(w, ",’'s"))] {
			return true
		}
	}
	return false
}

// keys names each statement after its speaker and first words.
func (x *extractor) keys(ss []*stmt) {
	used := map[string]bool{}
	for _, s := range ss {
		who := s.desc
		if s.speaker != nil {
			who = s.speaker.slug
		}
		base := slugify(who, 3) + "-" + slugify(s.ev.text(), 4)
		base = strings.Trim(base, "-")
		k := base
		for i := 2; used[k]; i++ {
			k = base + "-" + itoa(i)
		}
		used[k] = true
		s.key = k
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
