package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
	"github.com/newsgraph/newsgraph/graph/serve"
)

// The article of the seeds that the edit tests change.
const editArticle = "china-malaysia-high-tech-collaboration-new-quality-productive-forces"

// editFixture is a seeded database of its own behind an API with a token.
type editFixture struct {
	d   *dbtest.Database
	srv *writeServer
}

func newEditFixture(t *testing.T) *editFixture {
	t.Helper()
	d := dbtest.NewSeeded(t)
	tokens, err := serve.ParseTokens("alice="+aliceToken, "")
	if err != nil {
		t.Fatal(err)
	}
	return &editFixture{d: d, srv: newWriteServer(t, d, tokens)}
}

// query runs a read and decodes its data into v.
func (f *editFixture) query(t *testing.T, query string, vars map[string]any, v any) {
	t.Helper()
	_, res := postAs(t, f.srv.Server, "", query, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("%s: %+v", query, res.Errors)
	}
	if err := json.Unmarshal(res.Data, v); err != nil {
		t.Fatal(err)
	}
}

func (f *editFixture) id(t *testing.T, root, slug string) string {
	t.Helper()
	var out map[string]struct{ ID string }
	f.query(t, fmt.Sprintf(`query($s: String!) { x: %s(slug: $s) { id } }`, root), map[string]any{"s": slug}, &out)
	if out["x"].ID == "" {
		t.Fatalf("no %s %s", root, slug)
	}
	return out["x"].ID
}

func (f *editFixture) entity(t *testing.T, slug string) string { return f.id(t, "entity", slug) }
func (f *editFixture) topic(t *testing.T, slug string) string  { return f.id(t, "topic", slug) }
func (f *editFixture) article(t *testing.T) string             { return f.id(t, "article", editArticle) }

// node reads the id and version of an article's statement or figure by
// its content or display text.
func (f *editFixture) item(t *testing.T, list, field, text string) (string, int) {
	t.Helper()
	var out struct {
		Article map[string]struct {
			Nodes []struct {
				ID      string
				Version int
				Text    string
			}
		}
	}
	f.query(t, fmt.Sprintf(`query($s: String!) { article(slug: $s) { %s(first: 100) { nodes { id version text: %s } } } }`, list, field),
		map[string]any{"s": editArticle}, &out)
	for _, n := range out.Article[list].Nodes {
		if strings.Contains(n.Text, text) {
			return n.ID, n.Version
		}
	}
	t.Fatalf("no %s with %q", list, text)
	return "", 0
}

func (f *editFixture) snapshot(t *testing.T) map[string]dbtest.TableState {
	t.Helper()
	s, err := f.d.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// payload fields selected for each kind of mutation.
var payloadOf = map[string]string{
	"Statement":    `statement { id version content verb speaker { __typename ... on Person { slug } } topics { slug } evidence { text } }`,
	"Figure":       `figure { id version metric value unit statement { id } evidence { text } }`,
	"Agreement":    `agreement { id version slug name kind status parties { entity { slug } role } }`,
	"Person":       `person { id version slug name honorifics mentions(article: $article) { text } }`,
	"Organization": `organization { id version slug name shortName kind country { slug } parent { slug } }`,
	"Place":        `place { id version slug name kind country { slug } }`,
	"Event":        `event { id version slug name kind date { text year } participants { entity { slug } role } }`,
	"Project":      `project { id version slug name kind status builder { slug } scheduledCompletion { text year month } }`,
	"Topic":        `topic { id version slug label parent { slug } }`,
}

// mutate sends a mutation with token and returns the HTTP status, the
// GraphQL errors' codes and the payload.
func (f *editFixture) mutate(t *testing.T, token, field string, input map[string]any, article string) (int, []string, map[string]json.RawMessage) {
	t.Helper()
	kind := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(field, "create"), "update"), "delete")
	typ := strings.ToUpper(field[:1]) + field[1:] + "Input"
	sel := payloadOf[kind]
	if strings.HasPrefix(field, "delete") {
		typ, sel = "DeleteInput", "deletedId cascadedIds"
	}
	vars, decl := map[string]any{"input": input}, ""
	if strings.Contains(sel, "$article") {
		vars["article"], decl = article, ", $article: ID!"
	}
	query := fmt.Sprintf(`mutation($input: %s!%s) { x: %s(input: $input) { %s userErrors { path message code } clientMutationId } }`,
		typ, decl, field, sel)
	status, res := postAs(t, f.srv.Server, token, query, vars)
	var codes []string
	for _, e := range res.Errors {
		codes = append(codes, fmt.Sprint(e.Extensions["code"]))
		if e.Extensions["code"] != "UNAUTHENTICATED" {
			t.Logf("%s: %s", field, e.Message)
		}
	}
	var data map[string]map[string]json.RawMessage
	if len(res.Data) > 0 && string(res.Data) != "null" {
		if err := json.Unmarshal(res.Data, &data); err != nil {
			t.Fatal(err)
		}
	}
	return status, codes, data["x"]
}

type userError struct{ Path, Message, Code string }

func userErrorsOf(t *testing.T, payload map[string]json.RawMessage) []userError {
	t.Helper()
	var errs []userError
	if err := json.Unmarshal(payload["userErrors"], &errs); err != nil {
		t.Fatalf("userErrors %s: %v", payload["userErrors"], err)
	}
	return errs
}

// A refusal is an edit that must fail with a user error at path with
// code, and leave every table as it was.
type refusal struct {
	name  string
	field string
	input func(t *testing.T, f *editFixture) map[string]any
	path  string
	code  string
}

// TestEditRefusals sends every kind of bad edit and checks the user error
// it gets, its path, and that the database is byte for byte unchanged.
func TestEditRefusals(t *testing.T) {
	f := newEditFixture(t)
	stmt := func(t *testing.T, f *editFixture) (string, int) {
		return f.item(t, "statements", "content", "strategic transition towards projects like data centers")
	}
	fig := func(t *testing.T, f *editFixture) (string, int) { return f.item(t, "figures", "display", "56-point") }
	newStatement := func(t *testing.T, f *editFixture, change func(map[string]any)) map[string]any {
		s := map[string]any{
			"speaker":  map[string]any{"person": f.entity(t, "gan-tian-loo")},
			"verb":     "SAID",
			"mode":     "PARAPHRASE",
			"content":  "The two countries issued a joint statement.",
			"evidence": []any{map[string]any{"text": "The two countries issued a joint statement"}},
		}
		change(s)
		return map[string]any{"article": f.article(t), "statement": s}
	}
	tests := []refusal{
		{"StatementEvidenceNotVerbatim", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			return newStatement(t, f, func(s map[string]any) {
				s["evidence"] = []any{map[string]any{"text": "The two countries signed nothing"}}
			})
		}, "statement.evidence[0]", "INVALID"},
		{"StatementEvidenceAmbiguous", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			return newStatement(t, f, func(s map[string]any) { s["evidence"] = []any{map[string]any{"text": "Gan Tian Loo"}} })
		}, "statement.evidence[0]", "INVALID"},
		{"StatementWithoutEvidence", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			return newStatement(t, f, func(s map[string]any) { delete(s, "evidence") })
		}, "statement.evidence", "INVALID"},
		{"StatementWithoutContent", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			return newStatement(t, f, func(s map[string]any) { s["content"] = nil })
		}, "statement.content", "INVALID"},
		{"StatementTwoSpeakers", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			return newStatement(t, f, func(s map[string]any) {
				s["speaker"] = map[string]any{"person": f.entity(t, "gan-tian-loo"), "description": "someone"}
			})
		}, "statement.speaker", "INVALID"},
		{"StatementSpeakerOfWrongType", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			return newStatement(t, f, func(s map[string]any) { s["speaker"] = map[string]any{"person": f.entity(t, "huawei")} })
		}, "statement.speaker.person", "INVALID"},
		{"StatementUnknownTopic", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			return newStatement(t, f, func(s map[string]any) { s["topics"] = []any{unknownID(t, f.topic(t, "5g"))} })
		}, "statement.topics[0]", "NOT_FOUND"},
		{"StatementAffiliationOfAnotherArticle", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			var out struct {
				Entity struct{ Affiliations []struct{ ID string } }
			}
			f.query(t, `{ entity(slug: "mustapa-bin-mohamed") { ... on Person { affiliations { id } } } }`, nil, &out)
			if len(out.Entity.Affiliations) == 0 {
				t.Fatal("the seeds give mustapa-bin-mohamed no affiliation")
			}
			return newStatement(t, f, func(s map[string]any) { s["speakerAffiliations"] = []any{out.Entity.Affiliations[0].ID} })
		}, "statement.speakerAffiliations[0]", "INVALID"},
		{"StatementUnknownArticle", "createStatement", func(t *testing.T, f *editFixture) map[string]any {
			in := newStatement(t, f, func(map[string]any) {})
			in["article"] = unknownID(t, f.article(t))
			return in
		}, "article", "NOT_FOUND"},
		{"StatementStaleVersion", "updateStatement", func(t *testing.T, f *editFixture) map[string]any {
			id, v := stmt(t, f)
			return map[string]any{"id": id, "version": v - 1 + 7, "statement": map[string]any{"content": "changed"}}
		}, "version", "CONFLICT"},
		{"StatementUpdateEvidenceNotVerbatim", "updateStatement", func(t *testing.T, f *editFixture) map[string]any {
			id, v := stmt(t, f)
			return map[string]any{"id": id, "version": v, "statement": map[string]any{"evidence": []any{map[string]any{"text": "not in the article"}}}}
		}, "statement.evidence[0]", "INVALID"},
		{"StatementDeleteStale", "deleteStatement", func(t *testing.T, f *editFixture) map[string]any {
			id, v := stmt(t, f)
			return map[string]any{"id": id, "version": v + 1}
		}, "version", "CONFLICT"},
		{"StatementDeleteWrongType", "deleteStatement", func(t *testing.T, f *editFixture) map[string]any {
			id, _ := fig(t, f)
			return map[string]any{"id": id}
		}, "id", "INVALID"},
		{"FigureValueMissing", "createFigure", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"article": f.article(t), "figure": map[string]any{
				"metric": "points", "unit": "COUNT", "display": "56-point",
				"subject":  f.entity(t, "china-malaysia-joint-statement-2025"),
				"evidence": []any{map[string]any{"text": "the 56-point statement"}}}}
		}, "figure.value", "INVALID"},
		{"FigureCurrencyMissing", "createFigure", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"article": f.article(t), "figure": map[string]any{
				"metric": "points", "value": "56", "unit": "CURRENCY", "display": "56-point",
				"subject":  f.entity(t, "china-malaysia-joint-statement-2025"),
				"evidence": []any{map[string]any{"text": "the 56-point statement"}}}}
		}, "figure.currency", "INVALID"},
		{"FigureStaleVersion", "updateFigure", func(t *testing.T, f *editFixture) map[string]any {
			id, v := fig(t, f)
			return map[string]any{"id": id, "version": v + 1, "figure": map[string]any{"metric": "changed"}}
		}, "version", "CONFLICT"},
		{"FigurePeriodImpossible", "updateFigure", func(t *testing.T, f *editFixture) map[string]any {
			id, v := fig(t, f)
			return map[string]any{"id": id, "version": v, "figure": map[string]any{"period": map[string]any{"text": "in 2025", "year": 2025, "month": 2, "day": 30}}}
		}, "figure.period.day", "INVALID"},
		{"PersonSlugTaken", "createPerson", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"person": map[string]any{"slug": "gan-tian-loo", "name": "Gan Tian Loo"}}
		}, "person.slug", "CONFLICT"},
		{"PersonBadSlug", "createPerson", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"person": map[string]any{"slug": "Not A Slug", "name": "Someone"}}
		}, "person.slug", "INVALID"},
		{"PersonMentionNotVerbatim", "createPerson", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"person": map[string]any{"slug": "someone-new", "name": "Someone New"},
				"mention": map[string]any{"article": f.article(t), "evidence": []any{map[string]any{"text": "Someone New"}}}}
		}, "mention.evidence[0]", "INVALID"},
		{"PersonStaleVersion", "updatePerson", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "pei-pei"), "version": 9, "person": map[string]any{"name": "Pei"}}
		}, "version", "CONFLICT"},
		{"PersonDeleteReferenced", "deletePerson", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "gan-tian-loo")}
		}, "", "CONFLICT"},
		{"OrganizationParentCycle", "updateOrganization", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "china-state-construction-engineering-corp"), "version": 1,
				"organization": map[string]any{"parent": f.entity(t, "cscec-malaysian-main-branch")}}
		}, "organization.parent", "INVALID"},
		{"OrganizationCountryNotACountry", "createOrganization", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"organization": map[string]any{"slug": "new-org", "name": "New Org", "country": f.entity(t, "kuala-lumpur")}}
		}, "organization.country", "INVALID"},
		{"OrganizationUnresolvedWithoutNote", "createOrganization", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"organization": map[string]any{"slug": "new-org", "name": "New Org", "unresolved": true}}
		}, "organization.note", "INVALID"},
		{"OrganizationDeleteReferenced", "deleteOrganization", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "cscec-malaysia")}
		}, "", "CONFLICT"},
		{"OrganizationStaleVersion", "updateOrganization", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "huawei"), "version": 2, "organization": map[string]any{"name": "x"}}
		}, "version", "CONFLICT"},
		{"PlaceStaleVersion", "updatePlace", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "kuala-lumpur"), "version": 2, "place": map[string]any{"name": "KL"}}
		}, "version", "CONFLICT"},
		{"FigureDeleteStale", "deleteFigure", func(t *testing.T, f *editFixture) map[string]any {
			id, v := fig(t, f)
			return map[string]any{"id": id, "version": v + 1}
		}, "version", "CONFLICT"},
		{"PersonDeleteStale", "deletePerson", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "pei-pei"), "version": 5, "cascade": true}
		}, "version", "CONFLICT"},
		{"PlaceKindMissing", "createPlace", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"place": map[string]any{"slug": "penang", "name": "Penang"}}
		}, "place.kind", "INVALID"},
		{"PlaceDeleteReferenced", "deletePlace", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "malaysia")}
		}, "", "CONFLICT"},
		{"PlaceWrongTypeOfID", "updatePlace", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "huawei"), "version": 1, "place": map[string]any{"name": "x"}}
		}, "id", "INVALID"},
		{"EventDateWithoutText", "createEvent", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"event": map[string]any{"slug": "a-meeting", "name": "A meeting", "kind": "MEETING",
				"date": map[string]any{"text": "", "year": 2025}}}
		}, "event.date.text", "INVALID"},
		{"EventParticipantUnknown", "createEvent", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"event": map[string]any{"slug": "a-meeting", "name": "A meeting", "kind": "MEETING",
				"participants": []any{map[string]any{"entity": unknownID(t, f.entity(t, "pei-pei")), "role": "PARTICIPANT"}}}}
		}, "event.participants[0].entity", "NOT_FOUND"},
		{"EventStaleVersion", "updateEvent", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "xi-jinping-state-visit-malaysia"), "version": 0, "event": map[string]any{"name": "x"}}
		}, "version", "CONFLICT"},
		{"AgreementKindMissing", "createAgreement", func(t *testing.T, f *editFixture) map[string]any {
			// The message lists the API's enum values: JOINT_STATEMENT, ...
			return map[string]any{"agreement": map[string]any{"slug": "a-deal", "name": "A deal"}}
		}, "agreement.kind", "INVALID"},
		{"AgreementPartyTwice", "createAgreement", func(t *testing.T, f *editFixture) map[string]any {
			china := f.entity(t, "china")
			return map[string]any{"agreement": map[string]any{"slug": "a-deal", "name": "A deal", "kind": "INITIATIVE",
				"parties": []any{map[string]any{"entity": china, "role": "PARTY"}, map[string]any{"entity": china, "role": "PARTNER"}}}}
		}, "agreement.parties[1].entity", "INVALID"},
		{"AgreementStaleVersion", "updateAgreement", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "china-malaysia-visa-exemption-agreement"), "version": 2, "agreement": map[string]any{"name": "x"}}
		}, "version", "CONFLICT"},
		{"AgreementDeleteReferenced", "deleteAgreement", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "china-malaysia-visa-exemption-agreement")}
		}, "", "CONFLICT"},
		{"ProjectCompletionMonthOutOfRange", "createProject", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"project": map[string]any{"slug": "new-park", "name": "New park", "kind": "INDUSTRIAL_PARK",
				"scheduledCompletion": map[string]any{"text": "in month 13", "year": 2026, "month": 13}}}
		}, "project.scheduledCompletion.month", "INVALID"},
		{"ProjectBuilderNotAnOrganization", "updateProject", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "infinaxis-data-center"), "version": 1, "project": map[string]any{"builder": f.entity(t, "pei-pei")}}
		}, "project.builder", "INVALID"},
		{"ProjectStaleVersion", "updateProject", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "infinaxis-data-center"), "version": 4, "project": map[string]any{"name": "x"}}
		}, "version", "CONFLICT"},
		{"ProjectDeleteReferenced", "deleteProject", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.entity(t, "infinaxis-data-center")}
		}, "", "CONFLICT"},
		{"TopicLabelMissing", "createTopic", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"topic": map[string]any{"slug": "quantum"}}
		}, "topic.label", "INVALID"},
		{"TopicSlugTaken", "createTopic", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"topic": map[string]any{"slug": "5g", "label": "Fifth generation"}}
		}, "topic.slug", "CONFLICT"},
		{"TopicLabelTaken", "updateTopic", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.topic(t, "5g"), "version": 1, "topic": map[string]any{"label": "Big data"}}
		}, "", "CONFLICT"},
		{"TopicStaleVersion", "updateTopic", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.topic(t, "5g"), "version": 3, "topic": map[string]any{"label": "5G networks"}}
		}, "version", "CONFLICT"},
		{"TopicDeleteReferenced", "deleteTopic", func(t *testing.T, f *editFixture) map[string]any {
			return map[string]any{"id": f.topic(t, "5g")}
		}, "", "CONFLICT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input(t, f)
			input["clientMutationId"] = tt.name
			before := f.snapshot(t)
			status, codes, payload := f.mutate(t, aliceToken, tt.field, input, f.article(t))
			if status != http.StatusOK || len(codes) > 0 {
				t.Fatalf("status %d, errors %v; want 200 and userErrors", status, codes)
			}
			errs := userErrorsOf(t, payload)
			if len(errs) == 0 {
				t.Fatalf("payload %s; want a user error", mustJSON(payload))
			}
			if errs[0].Path != tt.path || errs[0].Code != tt.code {
				t.Errorf("user error %+v; want path %q, code %s", errs[0], tt.path, tt.code)
			}
			if _, values, ok := strings.Cut(errs[0].Message, "want one of "); ok && values != strings.ToUpper(values) {
				t.Errorf("message %q; want the API's enum values", errs[0].Message)
			}
			if strings.Contains(strings.ToLower(errs[0].Message), "sql") || errs[0].Message == "" {
				t.Errorf("message %q; want words for a person", errs[0].Message)
			}
			if string(payload["clientMutationId"]) != `"`+tt.name+`"` {
				t.Errorf("clientMutationId %s; want %q", payload["clientMutationId"], tt.name)
			}
			if after := f.snapshot(t); !maps.Equal(before, after) {
				t.Errorf("a refused %s changed tables %v", tt.field, changedTables(before, after))
			}
		})
	}
}

// TestEditNeedsAValidToken sends every mutation without a token and with
// a wrong one: each is refused with UNAUTHENTICATED and writes nothing.
func TestEditNeedsAValidToken(t *testing.T) {
	f := newEditFixture(t)
	before := f.snapshot(t)
	fields := []string{}
	for kind := range payloadOf {
		fields = append(fields, "create"+kind, "update"+kind, "delete"+kind)
	}
	slices.Sort(fields)
	inputs := map[string]map[string]any{
		"create": {"article": f.article(t), "statement": map[string]any{}, "figure": map[string]any{}, "agreement": map[string]any{},
			"person": map[string]any{}, "organization": map[string]any{}, "place": map[string]any{}, "event": map[string]any{}, "topic": map[string]any{}},
		"update": {"id": f.entity(t, "pei-pei"), "version": 1},
		"delete": {"id": f.entity(t, "pei-pei")},
	}
	for _, field := range fields {
		for _, token := range []string{"", "wrong-token-0123456789abcdef"} {
			t.Run(field+"/"+map[string]string{"": "NoToken"}[token], func(t *testing.T) {
				op := field[:6]
				input := maps.Clone(inputs[op])
				kind := strings.ToLower(field[6:7]) + field[7:]
				if op == "create" {
					input = map[string]any{kind: map[string]any{}}
					if kind == "statement" || kind == "figure" {
						input["article"] = f.article(t)
					}
				}
				if op == "update" {
					input[kind] = map[string]any{}
				}
				status, codes, _ := f.mutate(t, token, field, input, f.article(t))
				wantStatus := http.StatusOK
				if token != "" {
					wantStatus = http.StatusUnauthorized
				}
				if status != wantStatus || len(codes) == 0 || codes[0] != "UNAUTHENTICATED" {
					t.Errorf("status %d, codes %v; want %d UNAUTHENTICATED", status, codes, wantStatus)
				}
			})
		}
	}
	if after := f.snapshot(t); !maps.Equal(before, after) {
		t.Errorf("refused mutations changed tables %v", changedTables(before, after))
	}
}

func changedTables(before, after map[string]dbtest.TableState) []string {
	var out []string
	for table, s := range after {
		if before[table] != s {
			out = append(out, table)
		}
	}
	slices.Sort(out)
	return out
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// succeed sends a mutation that must succeed and returns its payload.
func (f *editFixture) succeed(t *testing.T, field string, input map[string]any) map[string]json.RawMessage {
	t.Helper()
	status, codes, payload := f.mutate(t, aliceToken, field, input, f.article(t))
	if status != http.StatusOK || len(codes) > 0 {
		t.Fatalf("%s: status %d, errors %v", field, status, codes)
	}
	if errs := userErrorsOf(t, payload); len(errs) > 0 {
		t.Fatalf("%s: user errors %+v", field, errs)
	}
	return payload
}

// node decodes the payload's item.
func node[T any](t *testing.T, payload map[string]json.RawMessage, key string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(payload[key], &v); err != nil {
		t.Fatalf("%s %s: %v", key, payload[key], err)
	}
	return v
}

// versions reads the version of every statement and figure of the edited
// article, by ID.
func (f *editFixture) versions(t *testing.T) map[string]int {
	t.Helper()
	var out struct {
		Article struct {
			Statements, Figures struct {
				Nodes []struct {
					ID      string
					Version int
				}
			}
		}
	}
	f.query(t, `query($s: String!) { article(slug: $s) { statements(first: 100) { nodes { id version } } figures(first: 100) { nodes { id version } } } }`,
		map[string]any{"s": editArticle}, &out)
	v := map[string]int{}
	for _, n := range append(out.Article.Statements.Nodes, out.Article.Figures.Nodes...) {
		v[n.ID] = n.Version
	}
	return v
}

// lastAudit returns the actor and action of the newest audit row.
func (f *editFixture) lastAudit(t *testing.T) string {
	t.Helper()
	var actor, action string
	if err := f.d.Pool.QueryRow(context.Background(), `SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1`).Scan(&actor, &action); err != nil {
		t.Fatal(err)
	}
	return actor + " " + action
}

// TestStatementAndFigureLifecycle creates, updates and deletes a statement
// and a figure, checking what is stored, the versions (of the item only),
// the audit log, and deletes that must cascade.
func TestStatementAndFigureLifecycle(t *testing.T) {
	f := newEditFixture(t)
	before := f.versions(t)

	created := f.succeed(t, "createStatement", map[string]any{"article": f.article(t), "statement": map[string]any{
		"speaker":  map[string]any{"person": f.entity(t, "gan-tian-loo")},
		"verb":     "SAID",
		"mode":     "PARAPHRASE",
		"content":  "The two countries issued a joint statement.",
		"topics":   []any{f.topic(t, "5g")},
		"evidence": []any{map[string]any{"text": "The two countries issued a joint statement"}},
	}})
	type statement struct {
		ID, Content, Verb string
		Version           int
		Speaker           struct{ Typename, Slug string } `json:"speaker"`
		Topics            []struct{ Slug string }
		Evidence          []struct{ Text string }
	}
	st := node[statement](t, created, "statement")
	if st.Version != 1 || st.Verb != "SAID" || len(st.Topics) != 1 || st.Topics[0].Slug != "5g" ||
		len(st.Evidence) != 1 || st.Evidence[0].Text != "The two countries issued a joint statement" || st.Speaker.Slug != "gan-tian-loo" {
		t.Errorf("created %+v; want version 1, SAID, topic 5g, the evidence, spoken by gan-tian-loo", st)
	}
	if got := f.lastAudit(t); got != "alice create_statement" {
		t.Errorf("audit %q; want alice create_statement", got)
	}
	if after := f.versions(t); len(after) != len(before)+1 || !unchanged(before, after) {
		t.Errorf("versions %v after a create; want the others unchanged (%v)", after, before)
	}

	// Update the content only: the rest stays, the version rises, and no
	// other item of the article gets a new version.
	updated := node[statement](t, f.succeed(t, "updateStatement", map[string]any{"id": st.ID, "version": 1,
		"statement": map[string]any{"content": "The two countries issued a joint statement on Thursday."}}), "statement")
	if updated.Version != 2 || updated.Content != "The two countries issued a joint statement on Thursday." ||
		len(updated.Topics) != 1 || updated.Verb != "SAID" {
		t.Errorf("updated %+v; want version 2, the new content, the rest kept", updated)
	}
	// null clears an optional field.
	cleared := node[statement](t, f.succeed(t, "updateStatement", map[string]any{"id": st.ID, "version": 2,
		"statement": map[string]any{"topics": nil}}), "statement")
	if cleared.Version != 3 || len(cleared.Topics) != 0 {
		t.Errorf("after clearing topics %+v; want version 3 and no topics", cleared)
	}
	if after := f.versions(t); !unchanged(before, after) {
		t.Errorf("updating one statement changed the versions of others: %v, was %v", after, before)
	}
	var updatedBy string
	if err := f.d.Pool.QueryRow(context.Background(), `SELECT updated_by FROM statements WHERE content LIKE 'The two countries%'`).Scan(&updatedBy); err != nil || updatedBy != "alice" {
		t.Errorf("updated_by %q (%v); want alice", updatedBy, err)
	}

	// A figure that cites the statement.
	fig := f.succeed(t, "createFigure", map[string]any{"article": f.article(t), "figure": map[string]any{
		"metric": "points in the joint statement", "value": "56", "unit": "COUNT", "display": "56-point",
		"subject": f.entity(t, "china-malaysia-joint-statement-2025"), "statement": st.ID,
		"evidence": []any{map[string]any{"text": "the 56-point statement"}},
	}})
	type figure struct {
		ID, Metric, Value, Unit string
		Version                 int
		Statement               *struct{ ID string }
	}
	fg := node[figure](t, fig, "figure")
	if fg.Version != 1 || fg.Value != "56" || fg.Statement == nil || fg.Statement.ID != st.ID {
		t.Errorf("figure %+v; want version 1, value 56, citing %s", fg, st.ID)
	}
	fg2 := node[figure](t, f.succeed(t, "updateFigure", map[string]any{"id": fg.ID, "version": 1,
		"figure": map[string]any{"metric": "numbered points"}}), "figure")
	if fg2.Version != 2 || fg2.Metric != "numbered points" || fg2.Value != "56" {
		t.Errorf("updated figure %+v; want version 2, the new metric, value kept", fg2)
	}

	// The statement is cited: deleting it is a conflict, unless cascade.
	before2 := f.snapshot(t)
	_, _, refused := f.mutate(t, aliceToken, "deleteStatement", map[string]any{"id": st.ID}, "")
	if errs := userErrorsOf(t, refused); len(errs) != 1 || errs[0].Code != "CONFLICT" || !strings.Contains(errs[0].Message, "cascade") {
		t.Errorf("deleting a cited statement: %+v; want CONFLICT naming cascade", errs)
	}
	if after := f.snapshot(t); !maps.Equal(before2, after) {
		t.Errorf("the refused delete changed %v", changedTables(before2, after))
	}
	deleted := f.succeed(t, "deleteStatement", map[string]any{"id": st.ID, "version": 3, "cascade": true})
	if string(deleted["deletedId"]) != `"`+st.ID+`"` || string(deleted["cascadedIds"]) != `["`+fg.ID+`"]` {
		t.Errorf("delete payload %s; want %s deleted with %s", mustJSON(deleted), st.ID, fg.ID)
	}
	if after := f.versions(t); !maps.Equal(after, before) {
		t.Errorf("after deleting what was created: %v; want the seed's %v", after, before)
	}

	// A figure on its own.
	seed, v := f.item(t, "figures", "display", "56-point")
	f.succeed(t, "deleteFigure", map[string]any{"id": seed, "version": v})
	if _, still := f.versions(t)[seed]; still {
		t.Errorf("figure %s is still there after deleteFigure", seed)
	}
	if got := f.lastAudit(t); got != "alice delete_figure" {
		t.Errorf("audit %q; want alice delete_figure", got)
	}
}

// unchanged reports whether every item of before has the same version in
// after.
func unchanged(before, after map[string]int) bool {
	for id, v := range before {
		if after[id] != v {
			return false
		}
	}
	return true
}

// TestEntityAndTopicLifecycle creates, updates and deletes each kind of
// entity and a topic.
func TestEntityAndTopicLifecycle(t *testing.T) {
	f := newEditFixture(t)
	type entity struct {
		ID, Slug, Name, Kind string
		Version              int
		Honorifics           []string
		Mentions             []struct{ Text string }
		Country, Parent      *struct{ Slug string }
	}

	// A person named in the article, with evidence.
	p := node[entity](t, f.succeed(t, "createPerson", map[string]any{
		"person":  map[string]any{"slug": "two-countries", "name": "The two countries"},
		"mention": map[string]any{"article": f.article(t), "evidence": []any{map[string]any{"text": "The two countries issued"}}},
	}), "person")
	if p.Version != 1 || p.Slug != "two-countries" || len(p.Mentions) != 1 || p.Mentions[0].Text != "The two countries issued" {
		t.Errorf("person %+v; want version 1 with its mention", p)
	}
	p = node[entity](t, f.succeed(t, "updatePerson", map[string]any{"id": p.ID, "version": 1,
		"person": map[string]any{"slug": "both-countries", "honorifics": []any{"Dr"}}}), "person")
	if p.Version != 2 || p.Slug != "both-countries" || p.Name != "The two countries" || len(p.Honorifics) != 1 || len(p.Mentions) != 1 {
		t.Errorf("renamed person %+v; want version 2, the new slug, name and mention kept", p)
	}
	f.succeed(t, "deletePerson", map[string]any{"id": p.ID, "version": 2})
	var n int
	if err := f.d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM entities WHERE slug = 'both-countries'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d entities left after deletePerson (%v)", n, err)
	}

	// An organization under a stored parent, in a stored country.
	o := node[entity](t, f.succeed(t, "createOrganization", map[string]any{"organization": map[string]any{
		"slug": "cscec-research", "name": "CSCEC Research", "kind": "SCHOOL_OR_INSTITUTE",
		"country": f.entity(t, "malaysia"), "parent": f.entity(t, "cscec-malaysia")}}), "organization")
	if o.Version != 1 || o.Kind != "SCHOOL_OR_INSTITUTE" || o.Country == nil || o.Country.Slug != "malaysia" || o.Parent == nil || o.Parent.Slug != "cscec-malaysia" {
		t.Errorf("organization %+v", o)
	}
	o = node[entity](t, f.succeed(t, "updateOrganization", map[string]any{"id": o.ID, "version": 1,
		"organization": map[string]any{"parent": nil, "kind": nil}}), "organization")
	if o.Version != 2 || o.Parent != nil || o.Kind != "" || o.Country == nil {
		t.Errorf("organization after clearing parent and kind %+v", o)
	}

	// A place, then deleting a referenced one with cascade clears the
	// organization's country.
	pl := node[entity](t, f.succeed(t, "createPlace", map[string]any{"place": map[string]any{
		"slug": "penang", "name": "Penang", "kind": "REGION", "country": f.entity(t, "malaysia")}}), "place")
	if pl.Version != 1 || pl.Kind != "REGION" || pl.Country.Slug != "malaysia" {
		t.Errorf("place %+v", pl)
	}
	f.succeed(t, "updateOrganization", map[string]any{"id": o.ID, "version": 2,
		"organization": map[string]any{"country": nil}})
	f.succeed(t, "updatePlace", map[string]any{"id": pl.ID, "version": 1, "place": map[string]any{"kind": "COUNTRY", "country": nil}})
	f.succeed(t, "updateOrganization", map[string]any{"id": o.ID, "version": 3, "organization": map[string]any{"country": pl.ID}})
	_, _, refused := f.mutate(t, aliceToken, "deletePlace", map[string]any{"id": pl.ID}, "")
	if errs := userErrorsOf(t, refused); len(errs) != 1 || errs[0].Code != "CONFLICT" || !strings.Contains(errs[0].Message, "organization(s) as their country") {
		t.Errorf("deleting a referenced place: %+v; want CONFLICT naming the organization", errs)
	}
	f.succeed(t, "deletePlace", map[string]any{"id": pl.ID, "cascade": true})
	var country *int64
	if err := f.d.Pool.QueryRow(context.Background(), `SELECT country_id FROM organizations o JOIN entities e USING (id) WHERE e.slug = 'cscec-research'`).Scan(&country); err != nil || country != nil {
		t.Errorf("country of the organization after a cascading delete: %v (%v); want cleared", country, err)
	}
	f.succeed(t, "deleteOrganization", map[string]any{"id": o.ID})

	// An event with a date and participants.
	ev := f.succeed(t, "createEvent", map[string]any{"event": map[string]any{
		"slug": "visa-signing", "name": "Visa exemption signing", "kind": "SIGNING",
		"date": map[string]any{"text": "April 2025", "year": 2025, "month": 4},
		"participants": []any{map[string]any{"entity": f.entity(t, "china"), "role": "PARTICIPANT"},
			map[string]any{"entity": f.entity(t, "malaysia"), "role": "PARTICIPANT"}}}})
	evt := node[struct {
		ID      string
		Version int
		Date    struct {
			Text string
			Year int
		}
		Participants []struct{ Role string }
	}](t, ev, "event")
	if evt.Version != 1 || evt.Date.Year != 2025 || len(evt.Participants) != 2 {
		t.Errorf("event %+v", evt)
	}
	f.succeed(t, "updateEvent", map[string]any{"id": evt.ID, "version": 1, "event": map[string]any{"participants": []any{}}})
	f.succeed(t, "deleteEvent", map[string]any{"id": evt.ID, "version": 2})

	// An agreement, then a cascading delete of one the seeds cite.
	ag := node[entity](t, f.succeed(t, "createAgreement", map[string]any{"agreement": map[string]any{
		"slug": "twin-parks-follow-up", "name": "Twin parks follow-up", "kind": "INITIATIVE", "status": "PROPOSED",
		"parties": []any{map[string]any{"entity": f.entity(t, "china"), "role": "PARTY"}}}}), "agreement")
	if ag.Version != 1 || ag.Kind != "INITIATIVE" {
		t.Errorf("agreement %+v", ag)
	}
	ag = node[entity](t, f.succeed(t, "updateAgreement", map[string]any{"id": ag.ID, "version": 1,
		"agreement": map[string]any{"status": "AGREED", "name": "Twin parks, continued"}}), "agreement")
	if ag.Version != 2 || ag.Name != "Twin parks, continued" {
		t.Errorf("updated agreement %+v", ag)
	}
	f.succeed(t, "deleteAgreement", map[string]any{"id": ag.ID})
	visa := f.entity(t, "china-malaysia-visa-exemption-agreement")
	res := f.succeed(t, "deleteAgreement", map[string]any{"id": visa, "cascade": true})
	if string(res["deletedId"]) != `"`+visa+`"` {
		t.Errorf("deletedId %s; want %s", res["deletedId"], visa)
	}
	var mentions int
	if err := f.d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM statement_mentions m JOIN entities e ON e.id = m.entity_id
		WHERE e.slug = 'china-malaysia-visa-exemption-agreement'`).Scan(&mentions); err != nil || mentions != 0 {
		t.Errorf("%d statement mentions of the deleted agreement (%v)", mentions, err)
	}

	// A project built by a stored organization, then covered by an
	// agreement: deleting it is a conflict until cascade unlinks it.
	pr := f.succeed(t, "createProject", map[string]any{"project": map[string]any{
		"slug": "kuantan-park-phase-two", "name": "Phase two", "kind": "INDUSTRIAL_PARK", "status": "PLANNED",
		"builder": f.entity(t, "cscec-malaysia"), "scheduledCompletion": map[string]any{"text": "in 2027", "year": 2027}}})
	var proj struct {
		ID, Kind, Status    string
		Version             int
		Builder             struct{ Slug string }
		ScheduledCompletion struct{ Year int }
	}
	if err := json.Unmarshal(pr["project"], &proj); err != nil {
		t.Fatal(err)
	}
	if proj.Version != 1 || proj.Kind != "INDUSTRIAL_PARK" || proj.Status != "PLANNED" || proj.Builder.Slug != "cscec-malaysia" || proj.ScheduledCompletion.Year != 2027 {
		t.Errorf("project %+v", proj)
	}
	f.succeed(t, "updateProject", map[string]any{"id": proj.ID, "version": 1, "project": map[string]any{"status": "UNDER_CONSTRUCTION"}})
	deal := node[entity](t, f.succeed(t, "createAgreement", map[string]any{"agreement": map[string]any{
		"slug": "phase-two-deal", "name": "Phase two deal", "kind": "SIGNED_AGREEMENT", "projects": []any{proj.ID}}}), "agreement")
	_, _, held := f.mutate(t, aliceToken, "deleteProject", map[string]any{"id": proj.ID, "version": 2}, "")
	if errs := userErrorsOf(t, held); len(errs) != 1 || errs[0].Code != "CONFLICT" || !strings.Contains(errs[0].Message, "agreement(s) as a project") {
		t.Errorf("deleting a covered project: %+v; want CONFLICT naming the agreement", errs)
	}
	f.succeed(t, "deleteProject", map[string]any{"id": proj.ID, "version": 2, "cascade": true})
	var covered int
	if err := f.d.Pool.QueryRow(context.Background(), `SELECT count(*) FROM agreement_projects ap JOIN entities e ON e.id = ap.agreement_id
		WHERE e.slug = 'phase-two-deal'`).Scan(&covered); err != nil || covered != 0 {
		t.Errorf("agreement %s still covers %d projects (%v)", deal.Slug, covered, err)
	}

	// A topic under a parent; a cycle is refused; a cascading delete.
	tp := node[entity](t, f.succeed(t, "createTopic", map[string]any{"topic": map[string]any{
		"slug": "6g", "label": "6G", "parent": f.topic(t, "5g")}}), "topic")
	if tp.Version != 1 || tp.Parent == nil || tp.Parent.Slug != "5g" {
		t.Errorf("topic %+v", tp)
	}
	_, _, cyc := f.mutate(t, aliceToken, "updateTopic", map[string]any{"id": f.topic(t, "5g"), "version": 1, "topic": map[string]any{"parent": tp.ID}}, "")
	if errs := userErrorsOf(t, cyc); len(errs) != 1 || errs[0].Path != "topic.parent" {
		t.Errorf("a topic cycle: %+v; want an error at topic.parent", errs)
	}
	f.succeed(t, "deleteTopic", map[string]any{"id": f.topic(t, "5g"), "version": 1, "cascade": true})
	tp = node[entity](t, f.succeed(t, "updateTopic", map[string]any{"id": tp.ID, "version": 1, "topic": map[string]any{"label": "Sixth generation"}}), "topic")
	if tp.Parent != nil || tp.Version != 2 || tp.Name != "" {
		t.Errorf("topic after its parent's deletion %+v; want top-level, version 2", tp)
	}
	if got := f.lastAudit(t); got != "alice update_topic" {
		t.Errorf("audit %q; want alice update_topic", got)
	}
}

// TestCreatedStatementReachesSubscribers checks that statementAdded
// delivers statements made by createStatement, not only by imports.
func TestCreatedStatementReachesSubscribers(t *testing.T) {
	f := newEditFixture(t)
	next := subscribe(t, f.srv.Server, `subscription { statementAdded { content speaker { ... on Person { slug } } } }`)
	f.waitForSubscribers(t, 1)
	f.succeed(t, "createStatement", map[string]any{"article": f.article(t), "statement": map[string]any{
		"speaker": map[string]any{"person": f.entity(t, "pei-pei")}, "verb": "SAID", "mode": "QUOTE",
		"content":  "The two countries issued a joint statement on Thursday",
		"evidence": []any{map[string]any{"text": "The two countries issued a joint statement on Thursday"}},
	}})
	payload, err := next(10 * time.Second)
	if err != nil || !strings.Contains(string(payload), `"content":"The two countries issued a joint statement on Thursday"`) ||
		!strings.Contains(string(payload), `"slug":"pei-pei"`) {
		t.Errorf("event %s, %v; want the created statement", payload, err)
	}
}

// TestConcurrentUpdatesOfOneVersion sends two updates carrying the same
// version at once: exactly one wins, the other is a CONFLICT, and the
// stored statement is the winner's.
func TestConcurrentUpdatesOfOneVersion(t *testing.T) {
	f := newEditFixture(t)
	id, version := f.item(t, "statements", "content", "strategic transition towards projects like data centers")
	contents := []string{"first writer's content", "second writer's content"}
	results := make(chan []userError, len(contents))
	for _, content := range contents {
		go func() {
			_, _, payload := f.mutate(t, aliceToken, "updateStatement",
				map[string]any{"id": id, "version": version, "statement": map[string]any{"content": content}}, "")
			var errs []userError
			_ = json.Unmarshal(payload["userErrors"], &errs)
			results <- errs
		}()
	}
	var conflicts, wins int
	for range contents {
		errs := <-results
		switch {
		case len(errs) == 0:
			wins++
		case len(errs) == 1 && errs[0].Code == "CONFLICT" && errs[0].Path == "version":
			conflicts++
		default:
			t.Errorf("user errors %+v; want none or one CONFLICT", errs)
		}
	}
	if wins != 1 || conflicts != 1 {
		t.Fatalf("%d wins and %d conflicts; want one of each", wins, conflicts)
	}
	var out struct {
		Node struct {
			Content string
			Version int
		}
	}
	f.query(t, `query($id: ID!) { node(id: $id) { ... on Statement { content version } } }`, map[string]any{"id": id}, &out)
	if out.Node.Version != version+1 || !slices.Contains(contents, out.Node.Content) {
		t.Errorf("stored %+v; want version %d with one writer's content", out.Node, version+1)
	}
}

// TestUpdateThatChangesNothing sends updates that set fields to the values
// they have: each answers the item at the version it had and writes
// nothing, no new version, audit entry or change event, so that a client
// that saves a form unedited does not make every reader's copy stale.
func TestUpdateThatChangesNothing(t *testing.T) {
	f := newEditFixture(t)
	var read struct {
		Article struct {
			Statements struct {
				Nodes []struct{ ID, Content string }
			}
			Figures struct{ Nodes []struct{ ID, Metric string } }
		}
		Entity struct{ ID, Name string }
		Topic  struct{ ID, Label string }
	}
	f.query(t, `query($s: String!) { article(slug: $s) {
			statements(first: 1) { nodes { id content } } figures(first: 1) { nodes { id metric } } }
		entity(slug: "gan-tian-loo") { id ... on Person { name } }
		topic(slug: "5g") { id label } }`, map[string]any{"s": editArticle}, &read)
	st, fig := read.Article.Statements.Nodes[0], read.Article.Figures.Nodes[0]
	updates := []struct {
		field, key string
		input      map[string]any
		changed    map[string]any // a real change, after the no-op
	}{
		{"updateStatement", "statement", map[string]any{"id": st.ID, "statement": map[string]any{"content": st.Content}},
			map[string]any{"content": st.Content + " Really."}},
		{"updateFigure", "figure", map[string]any{"id": fig.ID, "figure": map[string]any{"metric": fig.Metric}},
			map[string]any{"metric": fig.Metric + " (revised)"}},
		{"updatePerson", "person", map[string]any{"id": read.Entity.ID, "person": map[string]any{"name": read.Entity.Name}},
			map[string]any{"name": read.Entity.Name + " Jr"}},
		{"updateTopic", "topic", map[string]any{"id": read.Topic.ID, "topic": map[string]any{"label": read.Topic.Label}},
			map[string]any{"label": read.Topic.Label + " networks"}},
	}
	for _, u := range updates {
		t.Run(u.field, func(t *testing.T) {
			id := u.input["id"].(string)
			var v struct{ Node struct{ Version int } }
			f.query(t, `query($id: ID!) { node(id: $id) { ... on Statement { version } ... on Figure { version }
				... on Person { version } ... on Topic { version } } }`, map[string]any{"id": id}, &v)
			version := v.Node.Version
			u.input["version"] = version
			before := f.snapshot(t)
			got := node[struct {
				ID      string
				Version int
			}](t, f.succeed(t, u.field, u.input), u.key)
			if got.ID != id || got.Version != version {
				t.Errorf("%s that changes nothing answered %+v; want %s at version %d", u.field, got, id, version)
			}
			if after := f.snapshot(t); !maps.Equal(before, after) {
				t.Errorf("%s that changes nothing wrote to %v", u.field, changedTables(before, after))
			}
			// The version the client holds is still good for a real change.
			kind := strings.TrimPrefix(u.field, "update")
			kind = strings.ToLower(kind[:1]) + kind[1:]
			changed := node[struct{ Version int }](t, f.succeed(t, u.field,
				map[string]any{"id": id, "version": version, kind: u.changed}), u.key)
			if changed.Version != version+1 {
				t.Errorf("%s after the no-op: version %d; want %d", u.field, changed.Version, version+1)
			}
		})
	}
}
