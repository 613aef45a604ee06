package extract

import (
	"math/big"
	"strings"

	"github.com/newsgraph/newsgraph/seeds/document"
)

// loc is an evidence span located in the text: paragraph and byte range.
type loc struct{ para, start, end int }

func locate(text string, list document.EvidenceList) []loc {
	ps := splitParagraphs(text)
	var out []loc
	for _, s := range list {
		n := 0
		for i, p := range ps {
			if s.Paragraph > 0 && p.pos != s.Paragraph {
				continue
			}
			for _, at := range document.Occurrences(p.text, s.Text) {
				n++
				if s.Occurrence > 0 && n != s.Occurrence {
					continue
				}
				out = append(out, loc{i, at, at + len(s.Text)})
				if !s.All {
					break
				}
			}
		}
	}
	return out
}

func overlaps(a, b []loc) bool {
	for _, x := range a {
		for _, y := range b {
			if x.para == y.para && x.start < y.end && y.start < x.end {
				return true
			}
		}
	}
	return false
}

func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("–", "-", "—", "-", "’", "'", "“", "\"", "”", "\"").Replace(s)
	return strings.TrimSuffix(s, ".")
}

// declaration finds the entity a document declares under slug: its name
// and evidence.
func declaration(d *document.Document, slug string) (string, document.EvidenceList, bool) {
	type decl struct {
		name string
		ev   document.EvidenceList
	}
	all := map[string]decl{}
	for _, x := range d.People {
		all[x.Slug] = decl{x.Name, x.Evidence}
	}
	for _, x := range d.Organizations {
		all[x.Slug] = decl{x.Name, x.Evidence}
	}
	for _, x := range d.Places {
		all[x.Slug] = decl{x.Name, x.Evidence}
	}
	for _, x := range d.Events {
		all[x.Slug] = decl{x.Name, x.Evidence}
	}
	for _, x := range d.Projects {
		all[x.Slug] = decl{x.Name, x.Evidence}
	}
	for _, x := range d.Agreements {
		all[x.Slug] = decl{x.Name, x.Evidence}
	}
	x, ok := all[slug]
	return x.name, x.ev, ok
}

// entityName is the name of an entity a document declares, or its slug
// (for entities of the catalog).
func entityName(d *document.Document, slug string) string {
	if name, _, ok := declaration(d, slug); ok {
		return norm(name)
	}
	return norm(strings.ReplaceAll(slug, "-", " "))
}

// entityEvidence is the evidence of an entity a document declares.
func entityEvidence(d *document.Document, slug string) document.EvidenceList {
	_, ev, _ := declaration(d, slug)
	return ev
}

// sameEntity reports whether two slugs name the same entity: the same
// name, or declarations whose evidence overlaps in the text ("joint
// statement" found where the curator wrote "China-Malaysia joint
// statement").
func sameEntity(text string, gold, pred *document.Document, g, p string) bool {
	if entityName(gold, g) == entityName(pred, p) {
		return true
	}
	ge, pe := entityEvidence(gold, g), entityEvidence(pred, p)
	return len(ge) > 0 && len(pe) > 0 && overlaps(locate(text, ge), locate(text, pe))
}

// sameValue reports whether two figures state the same value: the same
// decimal, or for dates the same year, month and day.
func sameValue(g, p document.FigureDoc) bool {
	if g.Value != nil || p.Value != nil {
		// the same decimal however written: "3.00" is "3"
		if g.Value == nil || p.Value == nil {
			return false
		}
		a, okA := new(big.Rat).SetString(*g.Value)
		b, okB := new(big.Rat).SetString(*p.Value)
		return okA && okB && a.Cmp(b) == 0
	}
	if g.Date == nil || p.Date == nil {
		return false
	}
	eq := func(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
	return eq(g.Date.Year, p.Date.Year) && eq(g.Date.Month, p.Date.Month) && eq(g.Date.Day, p.Date.Day)
}

func speakerOf(d *document.Document, s document.StatementDoc) string {
	switch {
	case s.Speaker.Person != nil:
		return entityName(d, *s.Speaker.Person)
	case s.Speaker.Organization != nil:
		return entityName(d, *s.Speaker.Organization)
	}
	return "(unnamed)"
}

// match counts one-to-one matches between gold and predicted items: first
// by each test in turn, the strictest first, so that a loose match does
// not take an item another one matches exactly.
func match(gold, pred int, tests ...func(g, p int) bool) score {
	usedG, usedP := make([]bool, gold), make([]bool, pred)
	s := score{predicted: pred, gold: gold}
	for _, same := range tests {
		for g := 0; g < gold; g++ {
			for p := 0; p < pred && !usedG[g]; p++ {
				if !usedP[p] && same(g, p) {
					usedG[g], usedP[p] = true, true
					s.matched++
				}
			}
		}
	}
	return s
}

// compare scores a draft against the expected document: statements by
// speaker and overlapping evidence, figures by value (or date) and subject
// (the same name or overlapping evidence), people
// and organizations by name (or short name), agreements by name or
// overlapping evidence.
func compare(gold, pred *document.Document) map[string]score {
	text := gold.Text
	out := map[string]score{}
	out["statements"] = match(len(gold.Statements), len(pred.Statements), func(g, p int) bool {
		gs, ps := gold.Statements[g], pred.Statements[p]
		return speakerOf(gold, gs) == speakerOf(pred, ps) && overlaps(locate(text, gs.Evidence), locate(text, ps.Evidence))
	})
	out["figures"] = match(len(gold.Figures), len(pred.Figures), func(g, p int) bool {
		gf, pf := gold.Figures[g], pred.Figures[p]
		return sameValue(gf, pf) && sameEntity(text, gold, pred, gf.Subject, pf.Subject)
	})
	out["people"] = match(len(gold.People), len(pred.People), func(g, p int) bool {
		return norm(gold.People[g].Name) == norm(pred.People[p].Name)
	})
	out["organizations"] = match(len(gold.Organizations), len(pred.Organizations), func(g, p int) bool {
		go_, po := gold.Organizations[g], pred.Organizations[p]
		return norm(go_.Name) == norm(po.Name) || go_.ShortName != nil && norm(*go_.ShortName) == norm(po.Name)
	})
	out["agreements"] = match(len(gold.Agreements), len(pred.Agreements), func(g, p int) bool {
		return norm(gold.Agreements[g].Name) == norm(pred.Agreements[p].Name)
	}, func(g, p int) bool {
		return overlaps(locate(text, gold.Agreements[g].Evidence), locate(text, pred.Agreements[p].Evidence))
	})
	return out
}
