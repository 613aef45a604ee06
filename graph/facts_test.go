package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// restatedInput is the seed article that states Malaysia's GDP growth,
// under a new slug, with every "5.1" replaced by value.
func restatedInput(t *testing.T, slug, value string) map[string]any {
	t.Helper()
	in := seedInput(t, "000_2e3fe38e4a0ba82d", slug, "5.1", value)
	if !strings.Contains(in["text"].(string), value+"%") {
		t.Fatal("the seed article has no 5.1%")
	}
	return in
}

const factsQuery = `{
  figureClaims(first: 100) {
    totalCount
    nodes { metric conflicting values articleCount subject { slug } period { iso } figures(first: 10) { display article { slug } } }
  }
  figures(first: 100) { nodes { metric display article { slug } claim { conflicting articleCount } sameFactAs(first: 10) { display article { slug } } } }
  statements(first: 100) { nodes { content article { slug } speaker { ... on Person { slug } ... on Organization { slug } } sameClaimAs(first: 10) { content article { slug } } } }
}`

type factsResult struct {
	FigureClaims struct {
		TotalCount int
		Nodes      []struct {
			Metric       string
			Conflicting  bool
			Values       []string
			ArticleCount int
			Subject      struct{ Slug string }
			Period       struct{ Iso string }
			Figures      []factFigure
		}
	}
	Figures struct {
		Nodes []struct {
			factFigure
			Metric string
			Claim  *struct {
				Conflicting  bool
				ArticleCount int
			}
			SameFactAs []factFigure
		}
	}
	Statements struct {
		Nodes []struct {
			Content     string
			Article     struct{ Slug string }
			Speaker     struct{ Slug string }
			SameClaimAs []struct {
				Content string
				Article struct{ Slug string }
			}
		}
	}
}

type factFigure struct {
	Display string
	Article struct{ Slug string }
}

func (f factFigure) String() string { return f.Article.Slug + ": " + f.Display }

// TestFactsAcrossArticles imports the article that states Malaysia's GDP
// growth again, first with the same figure, then with another value, and
// checks the facts, the figures' sameFactAs and the statements'
// sameClaimAs against plain SQL.
func TestFactsAcrossArticles(t *testing.T) {
	f := newEditFixture(t)
	ctx := context.Background()
	read := func() factsResult {
		var out factsResult
		f.query(t, factsQuery, nil, &out)
		return out
	}
	// sqlFacts groups the dated figures as plain SQL: "slug: display" of
	// each group of two or more articles, and whether its values differ.
	sqlFacts := func() (groups [][]string, conflicting []bool) {
		rows, err := f.d.Pool.Query(ctx, `SELECT array_agg(a.slug || ': ' || fg.display ORDER BY fg.id), count(DISTINCT fg.value) > 1
			FROM figures fg JOIN articles a ON a.id = fg.article_id WHERE fg.period_year IS NOT NULL
			GROUP BY lower(fg.metric), fg.subject_id, fg.period_year, fg.period_month, fg.period_day
			HAVING count(DISTINCT fg.article_id) > 1 ORDER BY lower(fg.metric)`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var g []string
			var c bool
			if err := rows.Scan(&g, &c); err != nil {
				t.Fatal(err)
			}
			groups, conflicting = append(groups, g), append(conflicting, c)
		}
		return groups, conflicting
	}
	// sqlClaims is, for each "slug: content" of a named speaker, the
	// others of that speaker with the same words, case aside.
	sqlClaims := func() map[string][]string {
		rows, err := f.d.Pool.Query(ctx, `SELECT a.slug || ': ' || s.content,
				array(SELECT a2.slug || ': ' || s2.content FROM statements s2 JOIN articles a2 ON a2.id = s2.article_id
					WHERE s2.speaker_id = s.speaker_id AND lower(s2.content) = lower(s.content) AND s2.id <> s.id ORDER BY s2.id)
			FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.speaker_id IS NOT NULL`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string][]string{}
		for rows.Next() {
			var k string
			var v []string
			if err := rows.Scan(&k, &v); err != nil {
				t.Fatal(err)
			}
			out[k] = v
		}
		return out
	}
	check := func(t *testing.T, wantGroups int) {
		t.Helper()
		got := read()
		groups, conflicting := sqlFacts()
		if len(groups) != wantGroups {
			t.Fatalf("SQL finds %d restated facts; the test expects %d", len(groups), wantGroups)
		}
		if got.FigureClaims.TotalCount != len(groups) || len(got.FigureClaims.Nodes) != len(groups) {
			t.Fatalf("figureClaims: totalCount %d, %d nodes; want %d, the SQL grouping's", got.FigureClaims.TotalCount, len(got.FigureClaims.Nodes), len(groups))
		}
		for i, c := range got.FigureClaims.Nodes {
			var figs []string
			for _, fg := range c.Figures {
				figs = append(figs, fg.String())
			}
			if !slices.Equal(figs, groups[i]) || c.Conflicting != conflicting[i] || c.ArticleCount != len(groups[i]) {
				t.Errorf("fact %s of %s in %s: figures %v, conflicting %v, articleCount %d; want %v, %v, %d",
					c.Metric, c.Subject.Slug, c.Period.Iso, figs, c.Conflicting, c.ArticleCount, groups[i], conflicting[i], len(groups[i]))
			}
		}
		// Each figure's sameFactAs is its group but itself.
		for _, fg := range got.Figures.Nodes {
			var want []string
			for _, g := range groups {
				if slices.Contains(g, fg.String()) {
					want = slices.DeleteFunc(slices.Clone(g), func(s string) bool { return s == fg.String() })
				}
			}
			var same []string
			for _, o := range fg.SameFactAs {
				same = append(same, o.String())
			}
			if !slices.Equal(same, want) || (fg.Claim != nil) != (want != nil) {
				t.Errorf("figure %s: sameFactAs %v, claim %+v; want %v", fg.String(), same, fg.Claim, want)
			}
		}
		claims := sqlClaims()
		for _, st := range got.Statements.Nodes {
			k := st.Article.Slug + ": " + st.Content
			var same []string
			for _, o := range st.SameClaimAs {
				same = append(same, o.Article.Slug+": "+o.Content)
			}
			if want := claims[k]; !slices.Equal(same, want) && (len(same) > 0 || len(want) > 0) {
				t.Errorf("statement %q: sameClaimAs %v; want %v", k, same, want)
			}
		}
	}
	t.Run("Seeds", func(t *testing.T) { check(t, 0) })
	importAs := func(slug, value string) {
		_, res := postAs(t, f.srv.Server, aliceToken, importOp, map[string]any{"input": restatedInput(t, slug, value)})
		if len(res.Errors) > 0 || strings.Contains(string(res.Data), `"code"`) {
			t.Fatalf("import %s: %s %+v", slug, res.Data, res.Errors)
		}
	}
	importAs("gdp-restated", "5.1")
	t.Run("Agreeing", func(t *testing.T) {
		check(t, 1)
		if c := read().FigureClaims.Nodes[0]; c.Conflicting || !slices.Equal(c.Values, []string{"5.1 PERCENT"}) {
			t.Errorf("fact %+v; want one value, 5.1 PERCENT, not conflicting", c)
		}
		n := 0
		for _, st := range read().Statements.Nodes {
			n += len(st.SameClaimAs)
		}
		if n == 0 {
			t.Error("no statement has the same claim as another after restating an article")
		}
	})
	importAs("gdp-conflicting", "5.3")
	t.Run("Conflicting", func(t *testing.T) {
		check(t, 1)
		if c := read().FigureClaims.Nodes[0]; !c.Conflicting || !slices.Equal(c.Values, []string{"5.1 PERCENT", "5.3 PERCENT"}) {
			t.Errorf("fact %+v; want 5.1 and 5.3 PERCENT, conflicting", c)
		}
		var conflicting struct {
			FigureClaims struct{ TotalCount int }
		}
		f.query(t, `{ figureClaims(conflicting: true, metric: "gdp GROWTH") { totalCount } }`, nil, &conflicting)
		if conflicting.FigureClaims.TotalCount != 1 {
			t.Errorf("figureClaims(conflicting: true, metric: gdp GROWTH): %d; want 1", conflicting.FigureClaims.TotalCount)
		}
	})
}

// TestFactListsCounted checks that the lists of a fact's figures and of the
// same figures and claims elsewhere are bounded and costed like
// connections: 20 unless first says otherwise, first at most 100, each
// multiplying the cost of what it selects, so that a very popular fact
// cannot make a cheap-looking query read thousands of rows.
func TestFactListsCounted(t *testing.T) {
	for _, q := range []string{
		`{ figures(first: 100) { nodes { sameFactAs(first: 100) { article { slug } } } } }`,
		`{ statements(first: 100) { nodes { sameClaimAs(first: 100) { article { slug } } } } }`,
		`{ figureClaims(first: 100) { nodes { figures(first: 100) { article { slug } } } } }`,
	} {
		// 1 + 100 × (1 for the nodes + 1 + 100 × 1 for the articles).
		wantError(t, q, nil, "QUERY_TOO_COMPLEX", "query cost 10201 exceeds the limit of 5000")
		if res := post(t, strings.ReplaceAll(q, "(first: 100) { article", " { article"), nil); len(res.Errors) > 0 {
			t.Errorf("%s with 20 of each list (cost 2201): %+v", q, res.Errors)
		}
	}
	for _, q := range []string{
		`{ figures(first: 1) { nodes { sameFactAs(first: 0) { display } } } }`,
		`{ statements(first: 1) { nodes { sameClaimAs(first: 101) { content } } } }`,
	} {
		wantError(t, q, nil, "BAD_USER_INPUT", "first: must be between 1 and 100")
	}
}
