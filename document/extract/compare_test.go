package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/db"
)

// loc is an evidence span located in the text: paragraph and byte range.
type loc struct{ para, start, end int }

func locate(text string, list db.EvidenceList) []loc {
	ps := splitParagraphs(text)
	var out []loc
	for _, s := range list {
		n := 0
		for i, p := range ps {
			if s.Paragraph > 0 && p.pos != s.Paragraph {
				continue
			}
			for _, at := range occurrences(p.text, s.Text) {
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

// entityName is the name of an entity a document declares, or its slug
// (for entities of the catalog).
func entityName(d *db.Document, slug string) string {
	for _, p := range d.People {
		if p.Slug == slug {
			return norm(p.Name)
		}
	}
	for _, o := range d.Organizations {
		if o.Slug == slug {
			return norm(o.Name)
		}
	}
	for _, p := range d.Places {
		if p.Slug == slug {
			return norm(p.Name)
		}
	}
	for _, e := range d.Events {
		if e.Slug == slug {
			return norm(e.Name)
		}
	}
	for _, p := range d.Projects {
		if p.Slug == slug {
			return norm(p.Name)
		}
	}
	for _, a := range d.Agreements {
		if a.Slug == slug {
			return norm(a.Name)
		}
	}
	return norm(strings.ReplaceAll(slug, "-", " "))
}

func speakerOf(d *db.Document, s db.StatementDoc) string {
	switch {
	case s.Speaker.Person != nil:
		return entityName(d, *s.Speaker.Person)
	case s.Speaker.Organization != nil:
		return entityName(d, *s.Speaker.Organization)
	}
	return "(unnamed)"
}

// match counts one-to-one matches between gold and predicted items.
func match(gold, pred int, same func(g, p int) bool) score {
	used := make([]bool, pred)
	s := score{predicted: pred, gold: gold}
	for g := 0; g < gold; g++ {
		for p := 0; p < pred; p++ {
			if !used[p] && same(g, p) {
				used[p] = true
				s.matched++
				break
			}
		}
	}
	return s
}

// compare scores a draft against the expected document: statements by
// speaker and overlapping evidence, figures by value and subject, people
// and organizations by name (or short name), agreements by name or
// overlapping evidence.
func compare(gold, pred *db.Document) map[string]score {
	text := gold.Text
	out := map[string]score{}
	out["statements"] = match(len(gold.Statements), len(pred.Statements), func(g, p int) bool {
		gs, ps := gold.Statements[g], pred.Statements[p]
		return speakerOf(gold, gs) == speakerOf(pred, ps) && overlaps(locate(text, gs.Evidence), locate(text, ps.Evidence))
	})
	out["figures"] = match(len(gold.Figures), len(pred.Figures), func(g, p int) bool {
		gf, pf := gold.Figures[g], pred.Figures[p]
		return gf.Value != nil && pf.Value != nil && *gf.Value == *pf.Value &&
			entityName(gold, gf.Subject) == entityName(pred, pf.Subject)
	})
	out["people"] = match(len(gold.People), len(pred.People), func(g, p int) bool {
		return norm(gold.People[g].Name) == norm(pred.People[p].Name)
	})
	out["organizations"] = match(len(gold.Organizations), len(pred.Organizations), func(g, p int) bool {
		go_, po := gold.Organizations[g], pred.Organizations[p]
		return norm(go_.Name) == norm(po.Name) || go_.ShortName != nil && norm(*go_.ShortName) == norm(po.Name)
	})
	out["agreements"] = match(len(gold.Agreements), len(pred.Agreements), func(g, p int) bool {
		ga, pa := gold.Agreements[g], pred.Agreements[p]
		return norm(ga.Name) == norm(pa.Name) || overlaps(locate(text, ga.Evidence), locate(text, pa.Evidence))
	})
	return out
}
