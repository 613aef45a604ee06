package graph_test

import (
	"fmt"
	"testing"
)

// evidence is an Evidence with everything the integrity checks need.
type evidence struct {
	Start, End, SourceStart, SourceEnd int
	Text                               string
	Paragraph                          struct {
		ID           string
		Position     int
		SourceOffset int
		Text         string
	}
	Article struct{ Slug, Text string }
}

const evidenceFields = `start end sourceStart sourceEnd text
  paragraph { id position sourceOffset text } article { slug text }`

// runeSlice cuts s from start to end counting Unicode code points; ok false
// when the range does not lie in s.
func runeSlice(s string, start, end int) (string, bool) {
	r := []rune(s)
	if start < 0 || end < start || end > len(r) {
		return "", false
	}
	return string(r[start:end]), true
}

// checkEvidence checks one span: the paragraph text from start to end and
// the article text from sourceStart to sourceEnd are exactly its text.
func checkEvidence(t *testing.T, what string, e evidence) {
	t.Helper()
	if e.Text == "" {
		t.Errorf("%s: empty evidence text", what)
	}
	if got, ok := runeSlice(e.Paragraph.Text, e.Start, e.End); !ok || got != e.Text {
		t.Errorf("%s: paragraph %d text [%d:%d] = %q (in range: %v); want %q", what, e.Paragraph.Position, e.Start, e.End, got, ok, e.Text)
	}
	if got, ok := runeSlice(e.Article.Text, e.SourceStart, e.SourceEnd); !ok || got != e.Text {
		t.Errorf("%s: article text [%d:%d] = %q (in range: %v); want %q", what, e.SourceStart, e.SourceEnd, got, ok, e.Text)
	}
	if e.SourceStart != e.Paragraph.SourceOffset+e.Start || e.SourceEnd != e.Paragraph.SourceOffset+e.End {
		t.Errorf("%s: source [%d, %d); want the paragraph's offset %d plus [%d, %d)", what, e.SourceStart, e.SourceEnd, e.Paragraph.SourceOffset, e.Start, e.End)
	}
}

// checkReadingOrder checks that spans come in reading order.
func checkReadingOrder(t *testing.T, what string, ev []evidence) {
	t.Helper()
	for i := 1; i < len(ev); i++ {
		a, b := ev[i-1], ev[i]
		if a.Article.Slug != b.Article.Slug {
			continue
		}
		if b.Paragraph.Position < a.Paragraph.Position || b.Paragraph.Position == a.Paragraph.Position && b.Start < a.Start {
			t.Errorf("%s: evidence %d (¶%d@%d) comes before evidence %d (¶%d@%d); want reading order",
				what, i-1, a.Paragraph.Position, a.Start, i, b.Paragraph.Position, b.Start)
		}
	}
}

// TestEvidenceIntegrity checks, over the API, that every span of evidence
// is exactly the words it claims in both its paragraph and the article's
// source text: for every statement, figure, affiliation, credit, and the
// entities' own evidence and mentions.
func TestEvidenceIntegrity(t *testing.T) {
	s, x := seed(t), lookup(t)
	t.Run("Statements", func(t *testing.T) {
		var got struct {
			Statements struct {
				Nodes []struct {
					Content  string
					Evidence []evidence
				}
			}
		}
		data(t, `query StatementEvidence { statements(first: 100) { nodes { content evidence { `+evidenceFields+` } } } }`, nil, &got)
		if len(got.Statements.Nodes) != len(s.Statements) {
			t.Fatalf("%d statements; want %d", len(got.Statements.Nodes), len(s.Statements))
		}
		for _, st := range got.Statements.Nodes {
			if len(st.Evidence) == 0 {
				t.Errorf("statement %.50q has no evidence", st.Content)
			}
			for i, e := range st.Evidence {
				checkEvidence(t, fmt.Sprintf("statement %.50q evidence[%d]", st.Content, i), e)
			}
			checkReadingOrder(t, fmt.Sprintf("statement %.50q", st.Content), st.Evidence)
		}
	})
	t.Run("Figures", func(t *testing.T) {
		var got struct {
			Figures struct {
				Nodes []struct {
					Metric   string
					Evidence []evidence
				}
			}
		}
		data(t, `query FigureEvidence { figures(first: 100) { nodes { metric evidence { `+evidenceFields+` } } } }`, nil, &got)
		for _, f := range got.Figures.Nodes {
			if len(f.Evidence) == 0 {
				t.Errorf("figure %q has no evidence", f.Metric)
			}
			for i, e := range f.Evidence {
				checkEvidence(t, fmt.Sprintf("figure %q evidence[%d]", f.Metric, i), e)
			}
		}
	})
	t.Run("AffiliationsAndCredits", func(t *testing.T) {
		var got struct {
			People struct {
				Nodes []struct {
					Slug         string
					Affiliations []struct {
						Role     *string
						Evidence []evidence
					}
				}
			}
			Articles struct {
				Nodes []struct {
					Slug    string
					Credits []struct{ Evidence []evidence }
				}
			}
		}
		data(t, `query Evidence {
  people(first: 100) { nodes { slug affiliations { role evidence { `+evidenceFields+` } } } }
  articles(first: 100) { nodes { slug credits { evidence { `+evidenceFields+` } } } }
}`, nil, &got)
		n := 0
		for _, p := range got.People.Nodes {
			for _, a := range p.Affiliations {
				n++
				if len(a.Evidence) == 0 {
					t.Errorf("%s's affiliation %q has no evidence", p.Slug, orNull(a.Role))
				}
				for i, e := range a.Evidence {
					checkEvidence(t, fmt.Sprintf("%s affiliation %q evidence[%d]", p.Slug, orNull(a.Role), i), e)
				}
			}
		}
		if n != len(s.Affiliations) {
			t.Errorf("%d affiliations; want %d", n, len(s.Affiliations))
		}
		for _, a := range got.Articles.Nodes {
			for i, c := range a.Credits {
				for j, e := range c.Evidence {
					checkEvidence(t, fmt.Sprintf("%s credits[%d] evidence[%d]", a.Slug, i, j), e)
				}
			}
		}
	})
	t.Run("EntitiesAndMentions", func(t *testing.T) {
		var got struct {
			Agreements, Events struct {
				Nodes []struct {
					Slug     string
					Evidence []evidence
				}
			}
		}
		data(t, `query EntityEvidence {
  agreements(first: 100) { nodes { slug evidence { `+evidenceFields+` } } }
  events(first: 100) { nodes { slug evidence { `+evidenceFields+` } } }
}`, nil, &got)
		for _, list := range [][]struct {
			Slug     string
			Evidence []evidence
		}{got.Agreements.Nodes, got.Events.Nodes} {
			for _, n := range list {
				if len(n.Evidence) == 0 {
					t.Errorf("%s has no evidence", n.Slug)
				}
				for i, e := range n.Evidence {
					checkEvidence(t, fmt.Sprintf("%s evidence[%d]", n.Slug, i), e)
				}
				checkReadingOrder(t, n.Slug, n.Evidence)
			}
		}
		// Where each article names each entity it names.
		for _, d := range s.Articles {
			for _, slug := range sortedKeys(s.Named[d.Article.Slug]) {
				var got struct {
					Node struct{ Mentions []evidence }
				}
				data(t, `query Mentions($id: ID!, $article: ID!) { node(id: $id) { ... on Entity { mentions(article: $article) { `+evidenceFields+` } } } }`,
					map[string]any{"id": x.entity(t, slug), "article": x.article(t, d.Article.Slug)}, &got)
				if len(got.Node.Mentions) == 0 {
					t.Errorf("%s names %s, but mentions() is empty", d.Article.Slug, slug)
				}
				for i, e := range got.Node.Mentions {
					if e.Article.Slug != d.Article.Slug {
						t.Errorf("%s mentions in %s: evidence[%d] is in %s", slug, d.Article.Slug, i, e.Article.Slug)
					}
					checkEvidence(t, fmt.Sprintf("%s mentions in %s [%d]", slug, d.Article.Slug, i), e)
				}
				checkReadingOrder(t, slug+" mentions", got.Node.Mentions)
			}
		}
	})
	t.Run("Paragraphs", func(t *testing.T) {
		var got struct {
			Articles struct {
				Nodes []struct {
					Slug, Text string
					Paragraphs []struct {
						Position, SourceOffset int
						Text                   string
					}
				}
			}
		}
		data(t, `query Paragraphs { articles(first: 100) { nodes { slug text paragraphs { position sourceOffset text } } } }`, nil, &got)
		for _, a := range got.Articles.Nodes {
			if a.Text != s.article(t, a.Slug).Text {
				t.Errorf("%s: text is not the source file byte for byte", a.Slug)
			}
			prev := -1
			for _, p := range a.Paragraphs {
				end := p.SourceOffset + len([]rune(p.Text))
				if got, ok := runeSlice(a.Text, p.SourceOffset, end); !ok || got != p.Text {
					t.Errorf("%s ¶%d: article text [%d:%d] = %q; want the paragraph %q", a.Slug, p.Position, p.SourceOffset, end, got, p.Text)
				}
				if p.SourceOffset <= prev {
					t.Errorf("%s ¶%d starts at %d, not after the previous paragraph (%d)", a.Slug, p.Position, p.SourceOffset, prev)
				}
				prev = p.SourceOffset
			}
		}
	})
}
