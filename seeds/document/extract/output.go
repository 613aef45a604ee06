package extract

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

// output fills the draft's document from what was found.
func (x *extractor) output(ss []*stmt) {
	d := x.draft.Doc
	note := func(k string, conf float64, rule string) { x.draft.Notes[k] = Note{Confidence: conf, Rule: rule} }
	item := func(typ, key, label string, conf float64, rule string, sp span) {
		x.draft.Items = append(x.draft.Items, Item{Type: typ, Key: key, Label: label,
			Note: Note{Confidence: conf, Rule: rule}, Spans: x.spans(sp)})
	}
	countrySlug := func(name string) *string {
		if name == "" {
			return nil
		}
		if e := x.byName[db.KindPlace+"|"+name]; e != nil {
			return &e.slug
		}
		return nil
	}
	for _, e := range x.entities {
		if x.stopped() {
			return
		}
		ev := x.entityEvidence(e)
		if e.kind == db.KindPlace && e.sub == "country" && x.known(e.slug) {
			d.Mentions = append(d.Mentions, document.MentionDoc{Entity: e.slug, Evidence: ev})
			note("mentions/"+e.slug, e.conf, e.rule)
			continue
		}
		switch e.kind {
		case db.KindPerson:
			d.People = append(d.People, document.PersonDoc{Slug: e.slug, Name: e.name, Honorifics: e.honorifics, Evidence: ev})
		case db.KindOrganization:
			o := document.OrganizationDoc{Slug: e.slug, Name: e.name, Country: countrySlug(e.country), Evidence: ev, Unresolved: e.unresolved}
			if e.sub != "" {
				o.Kind = ptr(e.sub)
			}
			if e.short != "" {
				o.ShortName = ptr(e.short)
			}
			if e.parent != nil {
				o.Parent = &e.parent.slug
			}
			if e.note != "" {
				o.Note = ptr(e.note)
			}
			d.Organizations = append(d.Organizations, o)
		case db.KindPlace:
			d.Places = append(d.Places, document.PlaceDoc{Slug: e.slug, Name: e.name, Kind: e.sub, Country: countrySlug(e.country), Evidence: ev})
		case db.KindEvent:
			d.Events = append(d.Events, document.EventDoc{Slug: e.slug, Name: e.name, Kind: e.sub, Evidence: ev})
		case db.KindAgreement:
			a := document.AgreementDoc{Slug: e.slug, Name: e.name, Kind: e.sub, Date: e.date, Evidence: ev}
			for _, p := range e.parties {
				a.Parties = append(a.Parties, document.PartyDoc{Entity: p.slug, Role: "party"})
			}
			d.Agreements = append(d.Agreements, a)
		case db.KindProject:
			d.Projects = append(d.Projects, document.ProjectDoc{Slug: e.slug, Name: e.name, Kind: e.sub, Evidence: ev})
		}
		note(e.kind+"/"+e.slug, e.conf, e.rule)
		item(e.kind, e.slug, e.name, e.conf, e.rule, e.ev[0])
	}
	for _, s := range ss {
		if x.stopped() {
			return
		}
		st := document.StatementDoc{Key: s.key, Verb: s.verb, Mode: s.mode, Evidence: x.evidence(s.ev)}
		switch {
		case s.speaker != nil && s.speaker.kind == db.KindPerson:
			st.Speaker.Person = &s.speaker.slug
		case s.speaker != nil:
			st.Speaker.Organization = &s.speaker.slug
		default:
			st.Speaker.Description = ptr(s.desc)
			if s.speaksFor != nil {
				st.Speaker.SpeaksFor = &s.speaksFor.slug
			}
		}
		if s.role != "" {
			st.Role = ptr(s.role)
		}
		st.Content = content(s.ev.text())
		d.Statements = append(d.Statements, st)
		note("statements/"+s.key, s.conf, s.rule)
		who := s.desc
		if s.speaker != nil {
			who = s.speaker.name
		}
		item("statement", s.key, who+": "+st.Content, s.conf, s.rule, s.ev)
	}
	used := map[string]bool{}
	for _, f := range x.figs {
		if x.stopped() {
			return
		}
		key := f.subject.slug + "-" + slugify(f.metric, 4)
		k := key
		for i := 2; used[k]; i++ {
			k = key + "-" + itoa(i)
		}
		used[k] = true
		fd := document.FigureDoc{Key: k, Metric: f.metric, Unit: f.unit, Display: f.display,
			Subject: f.subject.slug, Period: f.period, Base: f.base, Date: f.date, Evidence: x.evidence(f.ev)}
		if f.date == nil {
			fd.Value = ptr(f.value)
		}
		if f.currency != "" {
			fd.Currency = ptr(f.currency)
		}
		if f.stmt != nil {
			fd.Statement = &f.stmt.key
		}
		d.Figures = append(d.Figures, fd)
		note("figures/"+k, f.conf, f.rule)
		item("figure", k, f.metric+": "+f.display, f.conf, f.rule, f.ev)
	}
}

// entityEvidence is an entity's evidence: the first place its name was
// found, picked out exactly (with paragraph and occurrence when needed).
func (x *extractor) entityEvidence(e *entity) document.EvidenceList {
	return x.evidence(e.ev[0])
}

// content makes evidence a sentence: capitalized, with a full stop.
func content(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	s = string(r)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "”") && !strings.HasSuffix(s, "\"") {
		s += "."
	}
	return s
}

// YAML writes the draft in the seeds' format, each item preceded by a
// "# review:" comment with its confidence and rule.
func (d *Draft) YAML() []byte {
	var w yamlWriter
	doc := d.Doc
	w.line(0, "# Draft extracted by `newsgraph extract`: review every item, then import.")
	w.line(0, "# Each item's \"# review:\" comment gives a confidence (0-1) and the rule that found it;")
	w.line(0, "# sort with: grep -n 'review: 0\\.[0-5]' FILE.yaml")
	w.line(0, "article:")
	a := doc.Article
	w.fields(1, kv("slug", a.Slug), kv("source", a.Source), kv("language", a.Language),
		optKV("title", a.Title), optKV("lede", a.Lede), optDate("published", a.Published))
	if a.Published == nil && d.Dateline != "" {
		w.line(1, "# dateline given: "+quote(d.Dateline)+" (the base of inferred dates; published needs the text's own date line)")
	}
	if len(a.Credits) > 0 {
		w.line(1, "credits:")
		for _, c := range a.Credits {
			w.line(2, fmt.Sprintf("- {person: %s, role: %s, evidence: %s}", c.Person, c.Role, flowEvidence(c.Evidence)))
		}
	}
	section := func(name string, n int) bool {
		if n == 0 {
			return false
		}
		w.line(0, "")
		w.line(0, name+":")
		return true
	}
	review := func(note string) {
		if n, ok := d.Notes[note]; ok {
			w.line(1, fmt.Sprintf("# review: %.1f %s", n.Confidence, n.Rule))
		}
	}
	// item writes one item of a section: the review comment of the note
	// under note, the item's first line, its fields ("" for none) and its
	// evidence.
	item := func(note, first string, evidence document.EvidenceList, fields ...string) {
		review(note)
		w.line(1, "- "+first)
		w.fields(2, fields...)
		w.line(2, "evidence: "+flowEvidence(evidence))
	}
	// entity writes an entity's item; its note is under kind/slug.
	entity := func(kind, slug, name string, evidence document.EvidenceList, fields ...string) {
		item(kind+"/"+slug, "slug: "+slug, evidence, append([]string{kv("name", name)}, fields...)...)
	}
	if section("people", len(doc.People)) {
		for _, p := range doc.People {
			entity(db.KindPerson, p.Slug, p.Name, p.Evidence, when(len(p.Honorifics) > 0, "honorifics: "+flowStrings(p.Honorifics)))
		}
	}
	if section("organizations", len(doc.Organizations)) {
		for _, o := range doc.Organizations {
			entity(db.KindOrganization, o.Slug, o.Name, o.Evidence, optKV("short_name", o.ShortName), optKV("kind", o.Kind),
				optKV("country", o.Country), optKV("parent", o.Parent), when(o.Unresolved, "unresolved: true"), optKV("note", o.Note))
		}
	}
	if section("places", len(doc.Places)) {
		for _, p := range doc.Places {
			entity(db.KindPlace, p.Slug, p.Name, p.Evidence, kv("kind", p.Kind), optKV("country", p.Country))
		}
	}
	if section("events", len(doc.Events)) {
		for _, e := range doc.Events {
			entity(db.KindEvent, e.Slug, e.Name, e.Evidence, kv("kind", e.Kind))
		}
	}
	if section("projects", len(doc.Projects)) {
		for _, p := range doc.Projects {
			entity(db.KindProject, p.Slug, p.Name, p.Evidence, kv("kind", p.Kind))
		}
	}
	if section("agreements", len(doc.Agreements)) {
		for _, g := range doc.Agreements {
			entity(db.KindAgreement, g.Slug, g.Name, g.Evidence, when(g.Kind != "", kv("kind", g.Kind)), optDate("date", g.Date),
				when(len(g.Parties) > 0, "parties: "+flowParties(g.Parties)))
		}
	}
	if section("mentions", len(doc.Mentions)) {
		for _, m := range doc.Mentions {
			review("mentions/" + m.Entity)
			w.line(1, fmt.Sprintf("- {entity: %s, evidence: %s}", m.Entity, flowEvidence(m.Evidence)))
		}
	}
	if section("statements", len(doc.Statements)) {
		for _, s := range doc.Statements {
			item("statements/"+s.Key, "key: "+s.Key, s.Evidence, "speaker: "+flowSpeaker(s.Speaker), optKV("role", s.Role),
				kv("verb", s.Verb), kv("mode", s.Mode), kv("content", s.Content))
		}
	}
	if section("figures", len(doc.Figures)) {
		for _, f := range doc.Figures {
			item("figures/"+f.Key, "key: "+f.Key, f.Evidence, kv("metric", f.Metric), optKV("value", f.Value), kv("unit", f.Unit),
				optKV("currency", f.Currency), kv("display", f.Display), kv("subject", f.Subject), optKV("statement", f.Statement),
				optDate("period", f.Period), optDate("base", f.Base), optDate("date", f.Date))
		}
	}
	return []byte(w.b.String())
}

type yamlWriter struct{ b strings.Builder }

func (w *yamlWriter) line(indent int, s string) {
	if s == "" {
		w.b.WriteString("\n")
		return
	}
	w.b.WriteString(strings.Repeat("  ", indent))
	w.b.WriteString(s)
	w.b.WriteString("\n")
}

// fields writes each field line that is not "" at indent.
func (w *yamlWriter) fields(indent int, fields ...string) {
	for _, f := range fields {
		if f != "" {
			w.line(indent, f)
		}
	}
}

// kv is the field line k: v.
func kv(k, v string) string { return k + ": " + quote(v) }

// optKV is the field line k: *v, or "" when v is nil.
func optKV(k string, v *string) string {
	if v == nil {
		return ""
	}
	return kv(k, *v)
}

// optDate is the field line of the date d in flow form, or "" when d is
// nil.
func optDate(k string, d *document.DateDoc) string {
	if d == nil {
		return ""
	}
	return k + ": " + flowDate(d)
}

// when is line when cond holds, else "".
func when(cond bool, line string) string {
	if !cond {
		return ""
	}
	return line
}

// flowSpeaker writes a statement's speaker in flow form.
func flowSpeaker(sp document.SpeakerDoc) string {
	switch {
	case sp.Person != nil:
		return "{person: " + *sp.Person + "}"
	case sp.Organization != nil:
		return "{organization: " + *sp.Organization + "}"
	case sp.SpeaksFor != nil:
		return "{description: " + quote(*sp.Description) + ", speaks_for: " + *sp.SpeaksFor + "}"
	}
	return "{description: " + quote(*sp.Description) + "}"
}

// flowParties writes an agreement's parties in flow form.
func flowParties(parties []document.PartyDoc) string {
	ps := make([]string, len(parties))
	for i, p := range parties {
		ps[i] = "{entity: " + p.Entity + ", role: " + p.Role + "}"
	}
	return "[" + strings.Join(ps, ", ") + "]"
}

// quote writes s as a YAML double-quoted scalar (JSON's string syntax).
func quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

func flowStrings(xs []string) string {
	q := make([]string, len(xs))
	for i, s := range xs {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func flowEvidence(list document.EvidenceList) string {
	items := make([]string, len(list))
	for i, s := range list {
		switch {
		case s.Paragraph == 0:
			items[i] = quote(s.Text)
		case s.Occurrence == 0:
			items[i] = fmt.Sprintf("{text: %s, paragraph: %d}", quote(s.Text), s.Paragraph)
		default:
			items[i] = fmt.Sprintf("{text: %s, paragraph: %d, occurrence: %d}", quote(s.Text), s.Paragraph, s.Occurrence)
		}
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func flowDate(d *document.DateDoc) string {
	parts := []string{"text: " + quote(d.Text)}
	if d.Year != nil {
		parts = append(parts, fmt.Sprintf("year: %d", *d.Year))
	}
	if d.Month != nil {
		parts = append(parts, fmt.Sprintf("month: %d", *d.Month))
	}
	if d.Day != nil {
		parts = append(parts, fmt.Sprintf("day: %d", *d.Day))
	}
	if len(d.Inferred) > 0 {
		parts = append(parts, "inferred: "+flowStrings(d.Inferred))
	}
	if d.Basis != nil {
		parts = append(parts, "basis: "+quote(*d.Basis))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
