package extract

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/document"
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
	w.kv(1, "slug", a.Slug)
	w.kv(1, "source", a.Source)
	w.kv(1, "language", a.Language)
	if a.Title != nil {
		w.kv(1, "title", *a.Title)
	}
	if a.Lede != nil {
		w.kv(1, "lede", *a.Lede)
	}
	if p := a.Published; p != nil {
		w.line(1, "published: "+flowDate(p))
	} else if d.Dateline != "" {
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
	review := func(k string) {
		if n, ok := d.Notes[k]; ok {
			w.line(1, fmt.Sprintf("# review: %.1f %s", n.Confidence, n.Rule))
		}
	}
	if section("people", len(doc.People)) {
		for _, p := range doc.People {
			review("person/" + p.Slug)
			w.line(1, "- slug: "+p.Slug)
			w.kv(2, "name", p.Name)
			if len(p.Honorifics) > 0 {
				w.line(2, "honorifics: "+flowStrings(p.Honorifics))
			}
			w.line(2, "evidence: "+flowEvidence(p.Evidence))
		}
	}
	if section("organizations", len(doc.Organizations)) {
		for _, o := range doc.Organizations {
			review("organization/" + o.Slug)
			w.line(1, "- slug: "+o.Slug)
			w.kv(2, "name", o.Name)
			w.optKV(2, "short_name", o.ShortName)
			w.optKV(2, "kind", o.Kind)
			w.optKV(2, "country", o.Country)
			w.optKV(2, "parent", o.Parent)
			if o.Unresolved {
				w.line(2, "unresolved: true")
			}
			w.optKV(2, "note", o.Note)
			w.line(2, "evidence: "+flowEvidence(o.Evidence))
		}
	}
	if section("places", len(doc.Places)) {
		for _, p := range doc.Places {
			review("place/" + p.Slug)
			w.line(1, "- slug: "+p.Slug)
			w.kv(2, "name", p.Name)
			w.kv(2, "kind", p.Kind)
			w.optKV(2, "country", p.Country)
			w.line(2, "evidence: "+flowEvidence(p.Evidence))
		}
	}
	if section("events", len(doc.Events)) {
		for _, e := range doc.Events {
			review("event/" + e.Slug)
			w.line(1, "- slug: "+e.Slug)
			w.kv(2, "name", e.Name)
			w.kv(2, "kind", e.Kind)
			w.line(2, "evidence: "+flowEvidence(e.Evidence))
		}
	}
	if section("projects", len(doc.Projects)) {
		for _, p := range doc.Projects {
			review("project/" + p.Slug)
			w.line(1, "- slug: "+p.Slug)
			w.kv(2, "name", p.Name)
			w.kv(2, "kind", p.Kind)
			w.line(2, "evidence: "+flowEvidence(p.Evidence))
		}
	}
	if section("agreements", len(doc.Agreements)) {
		for _, g := range doc.Agreements {
			review("agreement/" + g.Slug)
			w.line(1, "- slug: "+g.Slug)
			w.kv(2, "name", g.Name)
			if g.Kind != "" {
				w.kv(2, "kind", g.Kind)
			}
			if g.Date != nil {
				w.line(2, "date: "+flowDate(g.Date))
			}
			if len(g.Parties) > 0 {
				var ps []string
				for _, p := range g.Parties {
					ps = append(ps, "{entity: "+p.Entity+", role: "+p.Role+"}")
				}
				w.line(2, "parties: ["+strings.Join(ps, ", ")+"]")
			}
			w.line(2, "evidence: "+flowEvidence(g.Evidence))
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
			review("statements/" + s.Key)
			w.line(1, "- key: "+s.Key)
			sp := s.Speaker
			switch {
			case sp.Person != nil:
				w.line(2, "speaker: {person: "+*sp.Person+"}")
			case sp.Organization != nil:
				w.line(2, "speaker: {organization: "+*sp.Organization+"}")
			case sp.SpeaksFor != nil:
				w.line(2, "speaker: {description: "+quote(*sp.Description)+", speaks_for: "+*sp.SpeaksFor+"}")
			default:
				w.line(2, "speaker: {description: "+quote(*sp.Description)+"}")
			}
			w.optKV(2, "role", s.Role)
			w.kv(2, "verb", s.Verb)
			w.kv(2, "mode", s.Mode)
			w.kv(2, "content", s.Content)
			w.line(2, "evidence: "+flowEvidence(s.Evidence))
		}
	}
	if section("figures", len(doc.Figures)) {
		for _, f := range doc.Figures {
			review("figures/" + f.Key)
			w.line(1, "- key: "+f.Key)
			w.kv(2, "metric", f.Metric)
			w.optKV(2, "value", f.Value)
			w.kv(2, "unit", f.Unit)
			w.optKV(2, "currency", f.Currency)
			w.kv(2, "display", f.Display)
			w.kv(2, "subject", f.Subject)
			w.optKV(2, "statement", f.Statement)
			if f.Period != nil {
				w.line(2, "period: "+flowDate(f.Period))
			}
			if f.Base != nil {
				w.line(2, "base: "+flowDate(f.Base))
			}
			if f.Date != nil {
				w.line(2, "date: "+flowDate(f.Date))
			}
			w.line(2, "evidence: "+flowEvidence(f.Evidence))
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

func (w *yamlWriter) kv(indent int, k, v string) { w.line(indent, k+": "+quote(v)) }

func (w *yamlWriter) optKV(indent int, k string, v *string) {
	if v != nil {
		w.kv(indent, k, *v)
	}
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
