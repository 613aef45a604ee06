package graph_test

import (
	"context"
	"fmt"
	"io"
	"maps"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// sqlGroups runs a plain GROUP BY on the fixture's database that returns
// (label, count) rows, and returns them as a map.
func sqlGroups(t *testing.T, sql string, args ...any) map[string]int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, seeded.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, sql, args...)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for rows.Next() {
		var label *string
		var n int
		if err := rows.Scan(&label, &n); err != nil {
			t.Fatal(err)
		}
		out[orNull(label)] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// apiGroup is a group as the API returns it.
type apiGroup struct {
	Keys []struct {
		Node *struct {
			Typename string `json:"__typename"`
			ID       string
		}
		Label       *string
		Year, Month *int
	}
	Count    int
	Min, Max *string
	Average  *string
}

// label joins a group's key labels.
func (g apiGroup) label() string {
	s := ""
	for i, k := range g.Keys {
		if i > 0 {
			s += "|"
		}
		s += orNull(k.Label)
	}
	return s
}

func groupCounts(groups []apiGroup) map[string]int {
	out := map[string]int{}
	for _, g := range groups {
		out[g.label()] = g.Count
	}
	return out
}

// TestAggregateQuestions answers the README's questions, each in one
// request, and checks the answers against plain GROUP BYs on the seeds:
// statements per topic, per speaker, per country and per month, and the
// range and mean of GDP growth figures per country and year.
func TestAggregateQuestions(t *testing.T) {
	var got struct {
		Statements struct {
			TotalCount                       int
			PerTopic, PerSpeaker, PerCountry []apiGroup
			PerMonth                         []apiGroup
		}
		Figures struct {
			Summary []apiGroup
		}
	}
	// A server of its own, so that only this request's statements are
	// counted, with a loader window far wider than the spread of the
	// groups' node loads, which a loaded machine can otherwise split in two
	// (see TestStatementCountDoesNotGrowWithPageSize).
	var counter statementCounter
	srv, closeSrv, err := startServer(context.Background(), seeded.URL, &counter, io.Discard, serve.Options{LoaderWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer closeSrv()
	before := counter.n.Load()
	graphtest.Data(t, srv, `query Questions {
		statements {
			totalCount
			perTopic: groups(by: [TOPIC], first: 100) { keys { node { __typename ... on Node { id } } label } count }
			perSpeaker: groups(by: [SPEAKER], first: 100) { keys { node { __typename ... on Node { id } } label } count }
			perCountry: groups(by: [COUNTRY], first: 100) { keys { node { __typename ... on Node { id } } label } count }
			perMonth: groups(by: [PUBLISHED_MONTH], orderBy: VALUE) { keys { label year month } count }
		}
		figures(filter: {metric: "GDP growth"}) {
			summary(by: [COUNTRY, PERIOD_YEAR]) { keys { node { __typename ... on Node { id } } label year } count min max average }
		}
	}`, nil, &got)
	// One statement per aggregate, one for the count, one for the groups'
	// nodes of each type (topics, people, organizations, places), and no
	// page: none is asked for.
	if n := counter.n.Load() - before; n > 10 {
		t.Errorf("%d SQL statements; want at most 10", n)
	}
	s := got.Statements
	checks := []struct {
		name string
		got  []apiGroup
		sql  string
	}{
		{"PerTopic", s.PerTopic, `SELECT t.label, count(*) FROM statements s LEFT JOIN statement_topics x ON x.statement_id = s.id
			LEFT JOIN topics t ON t.id = x.topic_id GROUP BY t.id, t.label`},
		{"PerSpeaker", s.PerSpeaker, `SELECT coalesce(p.name, o.name), count(*) FROM statements s LEFT JOIN people p ON p.id = s.speaker_id
			LEFT JOIN organizations o ON o.id = s.speaker_id GROUP BY s.speaker_id, p.name, o.name`},
		{"PerCountry", s.PerCountry, `SELECT c.name, count(*) FROM statements s LEFT JOIN LATERAL (
				SELECT o.country_id FROM organizations o WHERE o.id IN (s.speaker_id, s.speaker_organization_id)
				UNION SELECT o.country_id FROM statement_affiliations sa JOIN affiliations af ON af.id = sa.affiliation_id
					JOIN organizations o ON o.id = af.organization_id WHERE sa.statement_id = s.id
				UNION SELECT CASE pl.place_kind WHEN 'country' THEN pl.id ELSE pl.country_id END FROM statement_affiliations sa
					JOIN affiliations af ON af.id = sa.affiliation_id JOIN places pl ON pl.id = af.place_id WHERE sa.statement_id = s.id
			) sc(country) ON sc.country IS NOT NULL LEFT JOIN places c ON c.id = sc.country GROUP BY c.id, c.name`},
		{"PerMonth", s.PerMonth, `SELECT to_char(make_date(a.published_year, a.published_month, 1), 'YYYY-MM'), count(*)
			FROM statements s JOIN articles a ON a.id = s.article_id GROUP BY 1`},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			want := sqlGroups(t, c.sql)
			if got := groupCounts(c.got); !maps.Equal(got, want) {
				t.Errorf("groups %v; want %v", got, want)
			}
			sum := 0
			for i, g := range c.got {
				sum += g.Count
				for _, k := range g.Keys {
					if k.Label != nil && c.name != "PerMonth" && (k.Node == nil || k.Node.ID == "") {
						t.Errorf("group %q has no node", g.label())
					}
				}
				if c.name != "PerMonth" && i > 0 && g.Count > c.got[i-1].Count {
					t.Errorf("group %q (%d) after a smaller one", g.label(), g.Count)
				}
			}
			if c.name == "PerSpeaker" && sum != s.TotalCount {
				t.Errorf("speaker groups hold %d statements; want totalCount %d", sum, s.TotalCount)
			}
		})
	}
	t.Run("PerMonthFields", func(t *testing.T) {
		for i, g := range s.PerMonth {
			k := g.Keys[0]
			if k.Label != nil && (k.Year == nil || k.Month == nil || fmt.Sprintf("%04d-%02d", *k.Year, *k.Month) != *k.Label) {
				t.Errorf("month %q: year %v month %v", *k.Label, k.Year, k.Month)
			}
			if i > 0 && k.Label != nil && s.PerMonth[i-1].Keys[0].Label != nil && *k.Label < *s.PerMonth[i-1].Keys[0].Label {
				t.Errorf("month %s after %s; want ascending", *k.Label, *s.PerMonth[i-1].Keys[0].Label)
			}
		}
	})
	t.Run("GDPGrowthPerCountryAndYear", func(t *testing.T) {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, seeded.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		rows, err := conn.Query(ctx, `SELECT c.name || '|' || f.period_year, count(*), min(f.value)::text, max(f.value)::text, trim_scale(avg(f.value))::text
			FROM figures f JOIN places pl ON pl.id = f.subject_id
			JOIN places c ON c.id = CASE pl.place_kind WHEN 'country' THEN pl.id ELSE pl.country_id END
			WHERE f.metric ILIKE '%GDP growth%' GROUP BY c.name, f.period_year`)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for rows.Next() {
			var key, mn, mx, avg string
			var n int
			if err := rows.Scan(&key, &n, &mn, &mx, &avg); err != nil {
				t.Fatal(err)
			}
			want[key] = fmt.Sprint(n, mn, mx, avg)
		}
		if len(want) == 0 {
			t.Fatal("the seeds have no GDP growth figure about a country; the test needs one")
		}
		gotSummary := map[string]string{}
		for _, g := range got.Figures.Summary {
			gotSummary[g.label()] = fmt.Sprint(g.Count, orNull(g.Min), orNull(g.Max), orNull(g.Average))
			if y := g.Keys[1].Year; y == nil || fmt.Sprint(*y) != orNull(g.Keys[1].Label) {
				t.Errorf("group %q: year %v", g.label(), y)
			}
		}
		if !maps.Equal(gotSummary, want) {
			t.Errorf("summary %v; want %v", gotSummary, want)
		}
	})
}

// TestAggregateLimits checks that aggregates refuse what they cannot
// answer, name the argument, and count towards the cost limit.
func TestAggregateLimits(t *testing.T) {
	x := lookup(t)
	t.Run("Nested", func(t *testing.T) {
		// A nested aggregate checks its arguments as a root one does.
		wantError(t, `query($id: ID!) { node(id: $id) { ... on Topic { statements { groups(by: [VERB], first: 101) { count } } } } }`,
			map[string]any{"id": x.topic(t, "digital-economy")}, "BAD_USER_INPUT", "first", "between 1 and 100")
		wantError(t, `query($id: ID!) { node(id: $id) { ... on Topic { statements { groups(by: [VERB, VERB]) { count } } } } }`,
			map[string]any{"id": x.topic(t, "digital-economy")}, "BAD_USER_INPUT", "VERB is given twice")
	})
	t.Run("NestedCost", func(t *testing.T) {
		// A nested aggregate costs its AggregateCost once for each parent:
		// people: 1 + 100 × nodes; nodes: 1 + statements; statements: 1 +
		// groups; groups: 1 + 20 × 2 (keys, node) + 50. 9,301 in all.
		wantError(t, `{ people(first: 100) { nodes { statements { groups(by: [TOPIC]) { keys { node { id } } count } } } } }`,
			nil, "QUERY_TOO_COMPLEX", "9301")
	})
	t.Run("First", func(t *testing.T) {
		wantError(t, `{ statements { groups(by: [VERB], first: 0) { count } } }`, nil, "BAD_USER_INPUT", "first", "between 1 and 100")
	})
	t.Run("ThreeDimensions", func(t *testing.T) {
		wantError(t, `{ figures { groups(by: [METRIC, UNIT, TOPIC]) { count } } }`, nil, "BAD_USER_INPUT", "by", "one or two dimensions")
	})
	t.Run("Twice", func(t *testing.T) {
		wantError(t, `{ agreements { groups(by: [KIND, KIND]) { count } } }`, nil, "BAD_USER_INPUT", "KIND is given twice")
	})
	t.Run("Filter", func(t *testing.T) {
		// The same filter as the connection: only the statements it selects.
		var got struct {
			Statements struct {
				TotalCount int
				Groups     []apiGroup
			}
		}
		data(t, `{ statements(filter: {verbs: [NOTED]}) { totalCount groups(by: [VERB]) { keys { label } count } } }`, nil, &got)
		if got.Statements.TotalCount == 0 || len(got.Statements.Groups) != 1 || got.Statements.Groups[0].label() != "NOTED" ||
			got.Statements.Groups[0].Count != got.Statements.TotalCount {
			t.Errorf("groups %+v; want one, NOTED, of all %d", got.Statements.Groups, got.Statements.TotalCount)
		}
		want := sqlGroups(t, `SELECT upper(verb::text), count(*) FROM statements WHERE verb = 'noted' GROUP BY 1`)
		if g := groupCounts(got.Statements.Groups); !maps.Equal(g, want) {
			t.Errorf("groups %v; want %v", g, want)
		}
	})
	t.Run("Cost", func(t *testing.T) {
		// An aggregate resolves once for its connection, not once per item
		// of its page: 1 + 100 × (1 + 1) for the groups, + 50, + 1 for
		// statements = 252, not 1 + 100 × 251.
		var got struct{ Statements struct{ Groups []apiGroup } }
		data(t, `{ statements(first: 100) { groups(by: [TOPIC], first: 100) { keys { node { id } } count } } }`, nil, &got)
		if len(got.Statements.Groups) == 0 {
			t.Error("no groups")
		}
		// Each alias: 1 + 100 × 3 (nodes' article and event, and nodes) +
		// 251 = 552; 15 of them, 8,280.
		q := "{ "
		for i := range 15 {
			q += fmt.Sprintf("s%d: statements(first: 100) { nodes { article { id } event { id } } groups(by: [TOPIC], first: 100) { keys { node { id } } count } } ", i)
		}
		q += "}"
		wantError(t, q, nil, "QUERY_TOO_COMPLEX", "8280")
	})
}
