package graph_test

import "testing"

// The golden tests record whole responses of representative operations
// under testdata/ (refresh with go test ./graph -run TestGolden -update).
// They select no IDs, so the files do not depend on how the database
// numbers rows; IDs are looked up first and passed as variables.

const goldenDate = `text year month day precision inferred inferredParts basis iso`

// TestGoldenDigitalEconomyStatements: who said what about the digital
// economy (and its narrower topics), with the evidence and its article.
func TestGoldenDigitalEconomyStatements(t *testing.T) {
	x := lookup(t)
	res := post(t, `query WhoSaidWhatAboutTheDigitalEconomy($topic: ID!) {
  statements(first: 100, filter: {topics: [$topic]}) {
    totalCount
    nodes {
      speaker {
        __typename
        ... on Person { displayName }
        ... on Organization { name }
        ... on UnnamedSpeaker { description organization { name } }
      }
      speakerRole
      speakerAffiliations { role former organization { name } place { name } }
      verb
      mode
      content
      topics { slug }
      evidence { text article { title slug } }
    }
  }
}`, map[string]any{"topic": x.topic(t, "digital-economy")})
	golden(t, "digital_economy_statements", res)
}

// TestGoldenMalaysiaFigures: every figure about Malaysia.
func TestGoldenMalaysiaFigures(t *testing.T) {
	x := lookup(t)
	res := post(t, `query EveryFigureAboutMalaysia($malaysia: ID!) {
  figures(first: 100, filter: {subjects: [$malaysia]}) {
    totalCount
    nodes {
      metric
      value
      unit
      currency
      display
      subject { __typename name }
      period { `+goldenDate+` }
      comparedWith { `+goldenDate+` }
      date { `+goldenDate+` }
      statement { content speaker { ... on Person { displayName } } }
      topics { slug }
      evidence { text start end sourceStart sourceEnd paragraph { position } article { slug } }
    }
  }
}`, map[string]any{"malaysia": x.entity(t, "malaysia")})
	golden(t, "malaysia_figures", res)
}

// TestGoldenChinaMalaysiaAgreements: the agreements between China and
// Malaysia, with parties and dates.
func TestGoldenChinaMalaysiaAgreements(t *testing.T) {
	x := lookup(t)
	res := post(t, `query AgreementsBetweenChinaAndMalaysia($china: ID!, $malaysia: ID!) {
  agreements(first: 100, filter: {and: [{parties: [$china]}, {parties: [$malaysia]}]}, orderBy: {field: DATE}) {
    totalCount
    nodes {
      name
      kind
      status
      summary
      date { `+goldenDate+` }
      parent { name }
      parts { name }
      parties { role entity { __typename name } }
      places { name }
      topics { slug }
    }
  }
}`, map[string]any{"china": x.entity(t, "china"), "malaysia": x.entity(t, "malaysia")})
	golden(t, "china_malaysia_agreements", res)
}

// TestGoldenPersonStatements: everything one person said, with the
// highlighted span and the paragraph it is in.
func TestGoldenPersonStatements(t *testing.T) {
	x := lookup(t)
	res := post(t, `query EverythingOnePersonSaid($person: ID!) {
  node(id: $person) {
    __typename
    ... on Person {
      name
      honorifics
      displayName
      affiliations { role former organization { name parent { name } country { name } } }
      statements(first: 100) {
        totalCount
        nodes {
          position
          verb
          mode
          content
          speakerRole
          evidence { start end text paragraph { position kind text } }
        }
      }
    }
  }
}`, map[string]any{"person": x.entity(t, "suhaiza-hanim")})
	golden(t, "person_statements", res)
}

// TestGoldenArticle: an article with its paragraphs, credits, topics and
// the people it names.
func TestGoldenArticle(t *testing.T) {
	s := seed(t)
	for name, slug := range map[string]string{
		"article_conference": s.articleWith(t, "Translator: Xie Linxin"),
		"article_high_tech":  s.articleWith(t, "Exchange 106"),
	} {
		t.Run(name, func(t *testing.T) {
			res := post(t, `query ArticleWithEverything($slug: String!) {
  article(slug: $slug) {
    slug
    title
    lede
    language
    sourceFile
    published { `+goldenDate+` }
    paragraphs { position kind sourceOffset text }
    credits { role person { displayName } evidence { text } }
    topics { slug label parent { slug } }
    people(first: 100) { totalCount nodes { displayName affiliations { role organization { name } place { name } } } }
    statements(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { position verb content } }
    figures(first: 100) { totalCount nodes { position metric display } }
  }
}`, map[string]any{"slug": slug})
			golden(t, name, res)
		})
	}
}
