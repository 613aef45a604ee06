package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

var (
	listContext   = regexp.MustCompile(`(?:firms|companies|enterprises|brands|giants|groups|carmakers|automakers|makers|manufacturers|players|operators|banks|investors)(?: such as| like| including|,? namely) $|investments? from $|(?:such as|like|including) (?:[^ ,.]+ ){0,4}$`)
	quotedModel   = regexp.MustCompile(`["“]([^"“”]{3,60})["”] (model|platform|initiative|strategy|framework|plan|policy|mechanism|programme|program|vision|partnership)`)
	agreedTo      = regexp.MustCompile(`\b(?:agreed|pledged|committed|vowed)(?: on [A-Z][a-z]+day)? to ([a-z]+(?: [a-z][a-z\-]*){1,9})`)
	beltAndRoad   = regexp.MustCompile(`\bBelt and Road(?: Initiative)?\b`)
	partiesBefore = regexp.MustCompile(`(?i)\b(?:and|both|two|sides|countries|nations|ministers|leaders|parties|governments)\b`)
	plainAgreemnt = regexp.MustCompile(`\b(?:a|an|the|its|their) ((?:[a-z][a-z\-]+ ){0,4}(?:agreements?|joint statement|memorandum of understanding|accord|treaty|pact|strategy|initiative|declaration))\b( (?:for|on) [a-z][a-z\-]*(?: [a-z][a-z\-]*){0,7})?`)
	// "an agreement to become ...", "a commitment to cut ...": what the
	// parties agreed to do, up to the clause's end
	commitmentRe = regexp.MustCompile(`\b(?:an|the|a) ((?:agreement|commitment|pledge) to [a-z]+(?: [a-zA-Z\-]+){1,14}?)(?:,| to drive| to boost| to promote|\.|;|$)`)
	// diplomatic frameworks named in lower case
	frameworkRe  = regexp.MustCompile(`\b((?:[\p{Lu}][\p{L}]+[–\-][\p{Lu}][\p{L}]+ )?community with a shared future|(?:[\p{Lu}][\p{L}]+[–\-][\p{Lu}][\p{L}]+ )?(?:comprehensive )?strategic (?:cooperative )?partnership)\b`)
	eventRef     = regexp.MustCompile(`\b[Tt]he (conference|forum|summit|expo|meeting|event|symposium|seminar|dialogue)\b`)
	workplace    = regexp.MustCompile(`\b(?:manager|director|president|chairman|chairwoman|executive|ceo|head|dean|founder|analyst|economist|researcher|strategist|spokesperson|spokesman|spokeswoman|officer|editor|partner|professor|lecturer|fellow) (?:of|at|with) (?:the )?$`)
	lowerPlace   = regexp.MustCompile(`\b(\p{Lu}[\p{L}\-]+(?: \p{Lu}[\p{L}\-]+)?) (?:industrial park|science park|technology park|special economic zone|economic zone|free trade zone|industrial zone)\b`)
	describedBy  = regexp.MustCompile(`(?:[Aa]nalysts|[Ee]conomists|[Ee]xperts|[Rr]esearchers|[Ss]trategists|[Oo]fficials|[Ee]xecutives|[Ss]taff) (?:at|from|with|of) (?:the )?$`)
	hanRune      = regexp.MustCompile(`\p{Han}`)
	acronymAfter = regexp.MustCompile(`^ \(([A-Z][A-Za-z&]{1,9})\)`)
	atParent     = regexp.MustCompile(`^ at (?:the )?`)
	subsidiaryOf = regexp.MustCompile(`^(?: \([^)]*\))?, (?:a|the) (?:subsidiary|unit|branch|arm) of `)
)

var functionWords = set("of", "the", "a", "an", "and", "to", "with", "in", "on", "for", "by", "its", "their",
	"this", "that", "new", "key", "official", "signing", "into", "from", "at", "as", "is", "was", "has", "have")

// findEntities reads every sentence for names and classifies them.
func (x *extractor) findEntities() {
	for bi := range x.blocks {
		b := &x.blocks[bi]
		if x.credits(b) || datelinePattern.MatchString(b.text) || x.paras[b.parts[0].para].heading {
			continue
		}
		for _, s := range sentencesOf(b) {
			if !x.eachName(b, s, func(n name) { x.classify(b, s, n.start, n.end) }) {
				return
			}
			x.namedAgreements(b, s)
			x.lowerCasePlaces(b, s)
		}
	}
	// Later sentences may name as a speaker someone met earlier as a bare
	// name; a second pass adds people found by reporting context.
	for bi := range x.blocks {
		b := &x.blocks[bi]
		for _, s := range sentencesOf(b) {
			if !x.eachName(b, s, func(n name) {
				txt := b.text[n.start:n.end]
				if x.lookup(txt) == nil && !hasHonorific(txt) && personShape(txt) && speakerContext(b.text[n.end:s[1]]) && !workplace.MatchString(b.text[max(s[0], n.start-40):n.start]) {
					x.person(txt, nil, span{b, n.start, n.end}, 0.7, "name before a reporting verb")
				}
			}) {
				return
			}
		}
	}
}

// eachName calls f with each name of the sentence s of b, in order, and
// reports false, having stopped, once Extract's caller has gone: a
// sentence may hold thousands of names, each looked up among the others.
func (x *extractor) eachName(b *block, s [2]int, f func(n name)) bool {
	if x.stopped() {
		return false
	}
	for _, n := range names(b.text, s[0], s[1]) {
		if x.stopped() {
			return false
		}
		f(n)
	}
	return true
}

func speakerContext(after string) bool {
	after = strings.TrimLeft(after, " ")
	for _, adv := range []string{"also ", "further ", "recently ", "earlier ", "then ", "later "} {
		after = strings.TrimPrefix(after, adv)
	}
	for v := range reportingVerbs {
		if strings.HasPrefix(after, v+" ") {
			return true
		}
	}
	if strings.HasPrefix(after, ", ") {
		for v := range reportingVerbs {
			if strings.HasPrefix(after[2:], v+" ") {
				return true
			}
		}
	}
	return strings.HasPrefix(after, ", ") && titleStart(after[2:])
}

// titleStart reports whether s begins with a role: "Director of", "a researcher".
func titleStart(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "a "), "an "), "the ")
	for i, w := range firstWords(s, 4) {
		if i == 3 || strings.HasSuffix(w, ",") {
			return titles[strings.ToLower(strings.Trim(w, ","))]
		}
		if titles[strings.ToLower(w)] && !modifiers[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// firstWords returns the first n words of s, split at spaces: not the
// rest, which may be the rest of a long sentence.
func firstWords(s string, n int) []string {
	var ws []string
	for len(ws) < n {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			break
		}
		w, rest, _ := strings.Cut(s, " ")
		ws, s = append(ws, w), rest
	}
	return ws
}

func personShape(n string) bool {
	ws := strings.Fields(n)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		if connectors[w] && w != "bin" && w != "binti" && w != "bte" && w != "van" && w != "von" && w != "de" && w != "al" {
			return false
		}
		if headOf(w) || titles[strings.ToLower(w)] || allCaps(w) || hanRune.MatchString(w) || countries[w] || demonyms[w] != "" {
			return false
		}
		if _, ok := agreementHeads[strings.ToLower(w)]; ok {
			return false
		}
		if _, ok := placeHeads[strings.ToLower(w)]; ok {
			return false
		}
		if strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
	}
	return true
}

// classify decides what the name at b.text[lo:hi] is.
func (x *extractor) classify(b *block, s [2]int, lo, hi int) *entity {
	txt := b.text[lo:hi]
	sp := span{b, lo, hi}
	// honorifics
	var hon []string
	for again := true; again; {
		again = false
		for _, h := range honorifics {
			if strings.HasPrefix(txt, h+" ") {
				hon = append(hon, h)
				lo += len(h) + 1
				txt = b.text[lo:hi]
				again = true
				break
			}
		}
	}
	if len(hon) > 0 {
		return x.person(txt, hon, span{b, sp.start, hi}, 0.95, "name after an honorific")
	}
	// known names
	switch {
	case countries[txt]:
		return x.country(txt, sp)
	case cities[txt] != "" || strings.HasPrefix(txt, "Kuala"):
		if c, ok := cities[txt]; ok {
			e := x.add(&entity{kind: db.KindPlace, sub: "city", name: txt, ev: []span{sp}, conf: 0.9, rule: "city lexicon"})
			if x.countryBefore(b, lo, c) {
				e.country = c
			}
			return e
		}
	case knownAgreements[txt]:
		// a bare short name says nothing of the kind: leave it to the curator
		return x.add(&entity{kind: db.KindAgreement, name: txt, ev: []span{sp}, conf: 0.7, rule: "agreement lexicon; kind unset"})
	}
	if k, ok := knownOrganizations[txt]; ok {
		return x.add(&entity{kind: db.KindOrganization, sub: k, name: txt, ev: []span{sp}, conf: 0.85, rule: "organization lexicon"})
	}
	ws := strings.Fields(txt)
	first := strings.Trim(ws[0], "–-")
	for i := len(ws) - 3; i >= 0; i-- {
		// "... Minister of Industry and Commerce Somphone Keovilay" cut
		// after "and": the last portfolio ends the title
		if portfolios[strings.ToLower(ws[i])] && portfolioRun(ws[:i]) && personShape(strings.Join(ws[i+1:], " ")) {
			rest := strings.Join(ws[i+1:], " ")
			at := hi - len(rest)
			return x.person(b.text[at:hi], nil, span{b, at, hi}, 0.8, "name after a title")
		}
	}
	// "Shares of PT Maju ..." at a sentence's start: a common noun, then the name
	if lo == s[0] && len(ws) > 2 && ws[1] == "of" && !headOf(first) && !titles[strings.ToLower(first)] && !countries[first] {
		if _, ok := agreementHeads[strings.ToLower(first)]; !ok {
			at := lo + len(ws[0]) + len(" of ")
			return x.classify(b, [2]int{at, s[1]}, at, hi)
		}
	}
	// a leading nationality or country: "Malaysian Ministry of Economy"
	if c := demonyms[first]; c != "" || (countries[first] && len(ws) > 1 && !anyHead(ws[1:])) {
		if c == "" {
			c = first
		}
		cut := lo + len(first)
		if before := b.text[:lo]; (strings.HasSuffix(before, "’s ") || strings.HasSuffix(before, "'s ")) && anyHead(ws[1:]) {
			// "CSCEC’s Malaysian Main Branch": the nationality names the unit
			cut = hi
		}
		if cut < hi && len(ws) > 2 && anyHead(ws[1:]) && !governmentName(ws[1:]) {
			// "Malaysian Palm Oil Board": the nationality is part of the name
			x.country(c, span{b, lo, lo + len(first)})
			e := x.classify(b, s, cut+1, hi)
			if e != nil && e.kind == db.KindOrganization && e.name == strings.Join(ws[1:], " ") {
				delete(x.byName, db.KindOrganization+"|"+e.name)
				e.name = txt
				e.country = c
				x.byName[db.KindOrganization+"|"+txt] = e
			}
			return e
		}
		if len(ws) == 1 {
			// a lone nationality ("Chinese companies") mentions its country
			return x.country(c, sp)
		}
		if cut < hi && (b.text[cut] == ' ') {
			x.country(c, span{b, lo, lo + len(first)})
			e := x.classify(b, s, cut+1, hi)
			if e != nil && e.kind == db.KindOrganization && e.country == "" {
				e.country = c
				e.ev = append(e.ev, span{b, lo, hi})
			}
			return e
		}
	}
	// a leading role: "Vice General Manager of CSCEC", "President Xi Jinping"
	if titles[strings.ToLower(first)] {
		i := 0
		for i < len(ws) && titles[strings.ToLower(ws[i])] {
			i++
		}
		if i < len(ws) && !modifiers[strings.ToLower(ws[i-1])] {
			rest := strings.Join(ws[i:], " ")
			if strings.HasPrefix(rest, "of ") || strings.HasPrefix(rest, "the ") {
				rest = strings.TrimPrefix(strings.TrimPrefix(rest, "of "), "the ")
			}
			at := strings.LastIndex(b.text[lo:hi], rest) + lo
			if at >= lo && rest != "" && capitalized(rest) {
				if personShape(rest) {
					return x.person(rest, nil, span{b, at, hi}, 0.85, "name after a title")
				}
				return x.classify(b, s, at, hi)
			}
		}
		if i < len(ws) && !modifiers[strings.ToLower(ws[i-1])] || i == len(ws) {
			return nil
		}
	}
	for i := len(ws) - 2; i >= 1; i-- {
		if titles[strings.ToLower(ws[i])] && !modifiers[strings.ToLower(ws[i])] || portfolios[strings.ToLower(ws[i])] && (titleIn(strings.Join(ws[:i], " ")) || portfolioRun(ws[:i])) {
			rest := strings.Join(ws[i+1:], " ")
			if personShape(rest) && strings.HasSuffix(txt, rest) {
				return x.person(rest, nil, span{b, hi - len(rest), hi}, 0.8, "name after a title")
			}
			break
		}
	}
	if hanRune.MatchString(txt) && strings.ContainsFunc(txt, func(r rune) bool { return r < 128 && unicode.IsLetter(r) }) && !strings.Contains(txt, " ") {
		return x.add(&entity{kind: db.KindOrganization, name: txt, ev: []span{sp}, unresolved: true,
			note: "mixes scripts where an English name is expected; check what it stands for", conf: 0.3, rule: "mixed-script name"})
	}
	last := strings.ToLower(ws[len(ws)-1])
	// "X of Y" where X is a unit and Y an organization
	if i := strings.Index(txt, " of "); i > 0 {
		left := txt[:i]
		lw := strings.Fields(left)
		if k, ok := orgHeads[strings.ToLower(lw[len(lw)-1])]; ok && len(lw) > 1 && (k == "department" || k == "school_or_institute") {
			rlo := lo + i + 4
			parent := x.classify(b, s, rlo, hi)
			if parent != nil && parent.kind == db.KindOrganization {
				e := x.add(&entity{kind: db.KindOrganization, sub: k, name: left, ev: []span{sp}, parent: parent, conf: 0.7, rule: "unit of an organization"})
				return e
			}
		}
	}
	for _, w := range ws {
		if k, ok := eventHeads[strings.ToLower(w)]; ok && (w == "Forum" || w == "Conference" || w == "Summit" || w == "Expo" || w == "Symposium" || w == "Congress") {
			return x.add(&entity{kind: db.KindEvent, sub: k, name: txt, ev: []span{sp}, conf: 0.7, rule: "event head word"})
		}
	}
	for i := 0; i+2 < len(ws) && i < 2; i++ {
		if k, ok := agreementHeads[strings.ToLower(ws[i])]; ok && (ws[i+1] == "of" || ws[i+1] == "for" || ws[i+1] == "on") {
			return x.add(&entity{kind: db.KindAgreement, sub: k, name: txt, ev: []span{sp}, conf: 0.7, rule: "agreement head word"})
		}
	}
	if k, ok := agreementHeads[last]; ok && len(ws) > 1 && k != "cooperation_model" {
		return x.add(&entity{kind: db.KindAgreement, sub: k, name: txt, ev: []span{sp}, conf: 0.7, rule: "agreement head word"})
	}
	if strings.HasSuffix(txt, "Data Center") || strings.HasSuffix(txt, "Data Centre") {
		return x.add(&entity{kind: db.KindProject, sub: "data_center", name: txt, ev: []span{sp}, conf: 0.6, rule: "project head word"})
	}
	if k, ok := projectHeads[last]; ok && len(ws) > 1 {
		return x.add(&entity{kind: db.KindProject, sub: k, name: txt, ev: []span{sp}, conf: 0.6, rule: "project head word"})
	}
	if k, ok := placeHeads[last]; ok && len(ws) > 1 {
		if k == "industrial_park" && !strings.Contains(txt, "Industrial") && !strings.Contains(txt, "Science") && !strings.Contains(txt, "Technology") {
			k = "region"
		}
		return x.add(&entity{kind: db.KindPlace, sub: k, name: txt, ev: []span{sp}, conf: 0.75, rule: "place head word"})
	}
	for _, w := range ws {
		if k, ok := orgHeads[strings.ToLower(w)]; ok {
			e := x.add(&entity{kind: db.KindOrganization, sub: k, name: txt, ev: []span{sp}, conf: 0.8, rule: "organization head word"})
			x.orgContext(b, e, lo, hi)
			return e
		}
	}
	if len(ws) == 1 && allCaps(txt) && !strings.ContainsFunc(txt, unicode.IsDigit) && !notOrganizations[strings.ToUpper(txt)] {
		e := x.add(&entity{kind: db.KindOrganization, name: txt, ev: []span{sp}, conf: 0.6, rule: "acronym"})
		return e
	}
	before := b.text[s[0]:lo]
	if strings.ContainsFunc(txt, unicode.IsDigit) || notOrganizations[strings.ToUpper(txt)] {
		return x.lookup(txt)
	}
	near := before[max(0, len(before)-80):] // what the context patterns look at
	if describedBy.MatchString(near) {
		// "analysts at Harbour Capital": where the describer works
		return x.add(&entity{kind: db.KindOrganization, name: txt, ev: []span{sp}, conf: 0.5, rule: "named where a describer works"})
	}
	if listContext.MatchString(near) || strings.HasSuffix(before, " and ") && x.listBefore(b, s[0], lo) {
		if !personShape(txt) || len(ws) <= 2 {
			return x.add(&entity{kind: db.KindOrganization, sub: "company", name: txt, ev: []span{sp}, conf: 0.6, rule: "named in a list of companies"})
		}
	}
	if workplace.MatchString(near) && !countries[txt] && cities[txt] == "" {
		// "general manager of Jade Dragon Travel", "an analyst at X": where
		// the role is held
		return x.add(&entity{kind: db.KindOrganization, name: txt, ev: []span{sp}, conf: 0.5, rule: "where a role is held"})
	}
	if personShape(txt) {
		prev := strings.TrimRight(before, " ")
		pw := prev[strings.LastIndex(prev, " ")+1:]
		after := b.text[hi:s[1]]
		if titles[strings.ToLower(pw)] || speakerContext(after) || strings.HasPrefix(after, " of ") || strings.HasPrefix(after, " from ") {
			return x.person(txt, nil, span{b, lo, hi}, 0.8, "name in a role or speaker position")
		}
	}
	if e := x.lookup(txt); e != nil {
		e.ev = append(e.ev, sp)
		return e
	}
	if len(ws) <= 3 && (strings.HasSuffix(before, " at ") || strings.HasSuffix(before, " in ")) && months[first] == 0 && !stopwords[first] && !allCaps(txt) {
		return x.add(&entity{kind: db.KindPlace, sub: "city", name: txt, ev: []span{sp}, conf: 0.4, rule: "name after at or in; check the kind"})
	}
	return nil
}

// listBefore reports whether the name before " and " was taken as a company.
func (x *extractor) listBefore(b *block, from, lo int) bool {
	prev := strings.TrimSuffix(b.text[from:lo], " and ")
	for _, e := range x.entities {
		if e.kind == db.KindOrganization && e.sub == "company" && strings.HasSuffix(prev, e.name) {
			return true
		}
	}
	return false
}

// countryBefore reports whether the text near a city names its country:
// "Cyberjaya, Malaysia’s tech hub", "Kuantan, Malaysia".
func (x *extractor) countryBefore(b *block, lo int, c string) bool {
	rest := b.text[lo:]
	i := strings.Index(rest, ", ")
	return i >= 0 && i < 30 && strings.HasPrefix(rest[i+2:], c)
}

// orgContext reads what surrounds an organization's name: an acronym in
// brackets, "a subsidiary of", a possessive parent.
func (x *extractor) orgContext(b *block, e *entity, lo, hi int) {
	rest := b.text[hi:]
	if m := acronymAfter.FindStringSubmatch(rest); m != nil && e.short == "" {
		e.short = m[1]
		x.byName[db.KindOrganization+"|"+m[1]] = e
	}
	before := b.text[:lo]
	for _, suf := range []string{"’s ", "'s "} {
		if strings.HasSuffix(before, suf) {
			pn := before[:len(before)-len(suf)]
			for _, p := range x.entities {
				if p != e && p.kind == db.KindOrganization && (strings.HasSuffix(pn, p.name) || p.short != "" && strings.HasSuffix(pn, p.short)) {
					if k := orgHeads[strings.ToLower(strings.Fields(e.name)[len(strings.Fields(e.name))-1])]; k == "department" {
						e.parent = p
					}
				}
			}
		}
	}
	if m := atParent.FindString(rest); m != "" && (e.sub == "department" || e.sub == "school_or_institute") {
		x.parentAt(b, hi+len(m), e)
	}
	if m := subsidiaryOf.FindString(rest); m != "" {
		x.parentAt(b, hi+len(m), e)
	}
}

// parentAt makes the organization named right at offset at of b, if one
// is, the parent of e.
func (x *extractor) parentAt(b *block, at int, e *entity) {
	ns := names(b.text, at, len(b.text))
	if len(ns) == 0 || ns[0].start != at {
		return
	}
	if p := x.classify(b, [2]int{at, len(b.text)}, ns[0].start, ns[0].end); p != nil && p.kind == db.KindOrganization && p != e {
		e.parent = p
	}
}

// lowerCasePlaces finds places whose head word is written in lower case:
// "the Morowali industrial park", "the Batam free trade zone". The name
// alone ("Morowali") finds the place too.
func (x *extractor) lowerCasePlaces(b *block, s [2]int) {
	text := b.text[s[0]:s[1]]
	if !strings.Contains(text, " park") && !strings.Contains(text, " zone") {
		return
	}
	for _, m := range lowerPlace.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		if x.lookup(name) != nil || stopwords[name] || countries[name] {
			continue
		}
		kind := "industrial_park"
		if strings.HasSuffix(text[m[0]:m[1]], "zone") {
			kind = "region"
		}
		e := x.add(&entity{kind: db.KindPlace, sub: kind, name: text[m[2]:m[1]], ev: []span{{b, s[0] + m[2], s[0] + m[1]}}, conf: 0.5, rule: "place head word in lower case"})
		x.byName[db.KindPlace+"|"+name] = e
	}
}

// namedAgreements finds agreements named in lower case or in quotes.
func (x *extractor) namedAgreements(b *block, s [2]int) {
	text := b.text[s[0]:s[1]]
	defer x.agreementContext(b, s)
	// each pattern runs only where its words are: they are slow to fail
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(text, w) {
				return true
			}
		}
		return false
	}
	var quoted, commitments, frameworks, belt, agreed, plain [][]int
	if has("\"", "“") {
		quoted = quotedModel.FindAllStringSubmatchIndex(text, -1)
	}
	if has("agreement to", "commitment to", "pledge to") {
		commitments = commitmentRe.FindAllStringSubmatchIndex(text, -1)
	}
	if has("shared future", "partnership") {
		frameworks = frameworkRe.FindAllStringSubmatchIndex(text, -1)
	}
	if has("Belt and Road") {
		belt = beltAndRoad.FindAllStringIndex(text, -1)
	}
	if has("agreed", "pledged", "committed", "vowed") {
		agreed = agreedTo.FindAllStringSubmatchIndex(text, 1)
	}
	if has("agreement", "statement", "memorandum", "accord", "treaty", "pact", "strateg", "initiative", "declaration") {
		plain = plainAgreemnt.FindAllStringSubmatchIndex(text, -1)
	}
	for _, m := range quoted {
		name := text[m[2]:m[3]]
		x.add(&entity{kind: db.KindAgreement, sub: agreementHeads[text[m[4]:m[5]]], name: name,
			ev: []span{{b, s[0] + m[0], s[0] + m[1]}}, conf: 0.6, rule: "quoted name of a model or plan"})
	}
	for _, m := range commitments {
		x.add(&entity{kind: db.KindAgreement, sub: "commitment", name: text[m[2]:m[3]],
			ev: []span{{b, s[0] + m[2], s[0] + m[3]}}, conf: 0.5, rule: "what the parties agreed to do"})
	}
	for _, m := range frameworks {
		x.add(&entity{kind: db.KindAgreement, sub: "framework", name: text[m[2]:m[3]],
			ev: []span{{b, s[0] + m[2], s[0] + m[3]}}, conf: 0.6, rule: "framework of relations"})
	}
	for _, m := range belt {
		x.add(&entity{kind: db.KindAgreement, sub: "initiative", name: text[m[0]:m[1]],
			ev: []span{{b, s[0] + m[0], s[0] + m[1]}}, conf: 0.8, rule: "agreement lexicon"})
	}
	for _, m := range agreed {
		if !partiesBefore.MatchString(text[:m[0]]) || strings.HasSuffix(strings.Fields(text[m[2]:m[3]])[0], "ing") {
			continue // "committed to expanding" is no agreement
		}
		// "Malaysia and India agreed on Tuesday to review tariffs ..."
		lo, hi := m[2], m[2]+tailEnd(text[m[2]:m[3]])
		x.add(&entity{kind: db.KindAgreement, sub: "commitment", name: "agreement to " + text[lo:hi],
			ev: []span{{b, s[0] + lo, s[0] + hi}}, conf: 0.4, rule: "what the parties agreed to do"})
	}
	for _, m := range plain {
		lo, hi := m[2], m[3]
		if m[4] >= 0 {
			hi = m[4] + 1 + tailEnd(text[m[4]+1:m[5]]) // the group starts with a space
		}
		ws := strings.Fields(text[lo:hi])
		// keep the words after the last function word before the head
		cut := 0
		for i, w := range ws {
			if functionWords[w] && i < len(ws)-1 && !strings.HasPrefix(strings.Join(ws[i:], " "), "of understanding") && !(w == "for" && i > 0 && agreementHeads[ws[i-1]] != "") && !(w == "and" || w == "or") {
				cut = i + 1
			}
			if agreementHeads[strings.TrimSuffix(w, "s")] != "" || w == "statement" {
				break
			}
		}
		name := strings.Join(ws[cut:], " ")
		head := ws[len(ws)-1]
		for _, w := range ws {
			if k := agreementHeads[strings.TrimSuffix(w, "s")]; k != "" {
				head = w
			}
		}
		if len(strings.Fields(name)) < 2 {
			continue
		}
		at := s[0] + lo + strings.Index(text[lo:hi], name)
		x.add(&entity{kind: db.KindAgreement, sub: agreementHeads[strings.TrimSuffix(head, "s")], name: name,
			ev: []span{{b, at, at + len(name)}}, conf: 0.5, rule: "agreement named in lower case"})
	}
}

var (
	signedVerb = regexp.MustCompile(`\b(?:signed|issued|adopted|inked|concluded|released|agreed|launched|unveiled)\b`)
	onWeekday  = regexp.MustCompile(`\b[Oo]n (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
)

// agreementContext reads what a sentence says of the agreement that is the
// object of signed/issued/agreed/...: its parties, the countries and
// organizations named before the verb ("Thailand and Singapore on Thursday
// signed ..."), and its date when the sentence says "on Thursday": the last
// such weekday on or before the base date, every part inferred.
func (x *extractor) agreementContext(b *block, s [2]int) {
	text := b.text[s[0]:s[1]]
	verbs := signedVerb.FindAllStringIndex(text, -1)
	if len(verbs) == 0 {
		return
	}
	var date *document.DateDoc
	if m := onWeekday.FindStringSubmatchIndex(text); m != nil && x.base != nil && x.base.Year != nil && x.base.Month != nil && x.base.Day != nil {
		base := time.Date(*x.base.Year, time.Month(*x.base.Month), *x.base.Day, 0, 0, 0, 0, time.UTC)
		day := text[m[2]:m[3]]
		d := base
		for d.Weekday().String() != day {
			d = d.AddDate(0, 0, -1)
		}
		date = &document.DateDoc{Text: text[m[0]:m[1]], Year: ptr(d.Year()), Month: ptr(int(d.Month())), Day: ptr(d.Day()),
			Inferred: []string{"year", "month", "day"},
			Basis:    ptr(fmt.Sprintf("the %s on or before the article's date, %s, %s", day, base.Weekday(), x.base.Text))}
	}
	for _, e := range x.entities {
		if e.kind != db.KindAgreement {
			continue
		}
		for _, sp := range e.ev {
			if sp.b != b || sp.start < s[0] || sp.end > s[1] {
				continue
			}
			// the object of the verb: "issued a joint statement on Thursday",
			// "agreed on Wednesday to deepen ..."
			at := sp.start - s[0]
			v := slices.IndexFunc(verbs, func(v []int) bool { return at > v[1] && at-v[1] <= 20 })
			if v < 0 {
				continue
			}
			if e.date == nil && date != nil {
				d := *date
				e.date = &d
			}
			if len(e.parties) == 0 {
				e.parties = x.namedBefore(b, s[0], s[0]+verbs[v][0])
			}
			break
		}
	}
}

// namedBefore lists the countries and organizations named in b.text[lo:hi].
func (x *extractor) namedBefore(b *block, lo, hi int) []*entity {
	var out []*entity
	for _, n := range names(b.text, lo, hi) {
		e := x.resolve(b.text[n.start:n.end])
		if e != nil && (e.kind == db.KindOrganization || e.kind == db.KindPlace && e.sub == "country") && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// tailStop are words that end a name's lower-case tail ("on industrial
// parks | in November").
var tailStop = set("in", "at", "by", "with", "which", "that", "to", "as", "after", "during", "last", "this",
	"next", "from", "between", "within", "was", "were", "is", "are", "will", "would", "signed", "while",
	"amid", "under", "until", "and", "on", "before", "earlier", "later", "when")

// tailEnd is where the words of t, a tail starting with its preposition,
// stop belonging to a name: before the first word of tailStop ("and"
// only when a stop word follows it).
func tailEnd(t string) int {
	ws := strings.Split(t, " ")
	end := len(ws[0])
	for i := 1; i < len(ws); i++ {
		w := ws[i]
		if tailStop[w] && (w != "and" || i+1 == len(ws) || tailStop[ws[i+1]]) {
			return end
		}
		end += 1 + len(w)
	}
	return end
}

// portfolioRun reports whether ws are portfolios and connectors only:
// "Industry and" before "Commerce".
func portfolioRun(ws []string) bool {
	for _, w := range ws {
		if !portfolios[strings.ToLower(w)] && !connectors[w] {
			return false
		}
	}
	return true
}

// governmentName reports whether a name after a nationality names a unit
// of its government: "Ministry of Economy", "Foreign Ministry", "Embassy".
func governmentName(ws []string) bool {
	for i, w := range ws {
		lw := strings.ToLower(w)
		if governmentHeads[lw] {
			return true
		}
		if !modifiers[lw] && !portfolios[lw] || i > 1 {
			return false
		}
	}
	return false
}

func hasHonorific(n string) bool {
	for _, h := range honorifics {
		if strings.HasPrefix(n, h+" ") {
			return true
		}
	}
	return false
}

// modifiers qualify a role but are not one: "Foreign" in "Foreign Ministry".
var modifiers = set("vice", "deputy", "senior", "foreign", "trade", "marketing", "sales", "country", "regional",
	"executive", "general", "managing", "acting", "former", "associate", "assistant", "chief", "prime")
