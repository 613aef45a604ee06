package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/db/dbtest"
)

// change is a Change as a subscription delivers it.
type change struct {
	Type, Action, ID string
	Node             *struct{ ID string }
}

// nextChange reads the next change of a changed subscription.
func nextChange(t *testing.T, next func(time.Duration) (json.RawMessage, error)) change {
	t.Helper()
	payload, err := next(10 * time.Second)
	if err != nil {
		t.Fatalf("no change: %v", err)
	}
	var out struct{ Data struct{ Changed change } }
	if err := json.Unmarshal(payload, &out); err != nil {
		t.Fatalf("decode %s: %v", payload, err)
	}
	return out.Data.Changed
}

// waitForSubscribers waits until the fixture's broker has n subscribers.
func (f *editFixture) waitForSubscribers(t *testing.T, n int) {
	t.Helper()
	waitFor(t, "the subscription to reach the broker", func() bool { return f.srv.broker.Subscribers() >= n })
}

// TestDeleteArticle deletes an article through the API: refused without a
// token (nothing changes), then done with one: the article and its
// statements and figures are gone, the entities it names stay, the audit
// log has the delete, and subscribers hear of the article's and its
// statements' deletion.
func TestDeleteArticle(t *testing.T) {
	f := newEditFixture(t)
	ctx := context.Background()
	article := f.article(t)
	var statements, figures, entities int
	if err := f.d.Pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.slug = $1),
		(SELECT count(*) FROM figures x JOIN articles a ON a.id = x.article_id WHERE a.slug = $1), (SELECT count(*) FROM entities)`,
		editArticle).Scan(&statements, &figures, &entities); err != nil {
		t.Fatal(err)
	}
	next := subscribe(t, f.srv.Server, `subscription { changed(types: [ARTICLE, STATEMENT]) { type action id node { id } } }`)
	f.waitForSubscribers(t, 1)

	t.Run("ErrUnauthenticated", func(t *testing.T) {
		before := f.snapshot(t)
		_, codes, _ := f.mutate(t, "", "deleteArticle", map[string]any{"id": article}, article)
		if !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
			t.Errorf("codes %v; want UNAUTHENTICATED", codes)
		}
		if changed := changedTables(before, f.snapshot(t)); len(changed) > 0 {
			t.Errorf("a refused delete changed %v", changed)
		}
	})
	t.Run("ErrStaleVersion", func(t *testing.T) {
		_, _, payload := f.mutate(t, aliceToken, "deleteArticle", map[string]any{"id": article, "version": 99}, article)
		if errs := userErrorsOf(t, payload); len(errs) != 1 || errs[0].Code != "CONFLICT" || errs[0].Path != "version" {
			t.Errorf("user errors %+v; want a CONFLICT at version", errs)
		}
	})
	t.Run("OK", func(t *testing.T) {
		status, codes, payload := f.mutate(t, aliceToken, "deleteArticle", map[string]any{"id": article, "version": 1}, article)
		if status != http.StatusOK || len(codes) > 0 || len(userErrorsOf(t, payload)) > 0 {
			t.Fatalf("status %d, errors %v, payload %s", status, codes, payload)
		}
		if got := node[string](t, payload, "deletedId"); got != article {
			t.Errorf("deletedId %s; want %s", got, article)
		}
		if got := node[[]string](t, payload, "cascadedIds"); len(got) != statements+figures {
			t.Errorf("%d cascaded IDs; want the %d statements and %d figures", len(got), statements, figures)
		}
		var left struct{ Article *struct{ ID string } }
		f.query(t, `query($s: String!) { article(slug: $s) { id } }`, map[string]any{"s": editArticle}, &left)
		if left.Article != nil {
			t.Error("the article is still there")
		}
		var n int
		if err := f.d.Pool.QueryRow(ctx, `SELECT count(*) FROM entities`).Scan(&n); err != nil || n != entities {
			t.Errorf("%d entities (%v); want %d as before", n, err, entities)
		}
		if got := f.lastAudit(t); got != "alice delete_article" {
			t.Errorf("last audit %q; want alice delete_article", got)
		}
		seen := map[string]int{}
		for range 1 + statements {
			c := nextChange(t, next)
			if c.Action != "DELETED" || c.Node != nil {
				t.Errorf("change %+v; want a deletion, with no node", c)
			}
			seen[c.Type]++
			if c.Type == "ARTICLE" && c.ID != article {
				t.Errorf("deleted article %s; want %s", c.ID, article)
			}
		}
		if seen["ARTICLE"] != 1 || seen["STATEMENT"] != statements {
			t.Errorf("changes %v; want 1 ARTICLE and %d STATEMENT", seen, statements)
		}
	})
}

// TestChangesReachSubscribers checks the changed subscription on updates
// and entities: an updated statement comes with its node as it is now, a
// created person is announced as added, and the types filter holds back
// what was not asked for (the person, for the statements' subscriber).
func TestChangesReachSubscribers(t *testing.T) {
	f := newEditFixture(t)
	statements := subscribe(t, f.srv.Server, `subscription { changed(types: [STATEMENT]) { type action id node { id ... on Statement { version } } } }`)
	people := subscribe(t, f.srv.Server, `subscription { changed(types: [PERSON, AGREEMENT]) { type action id node { id } } }`)
	f.waitForSubscribers(t, 2)

	person := node[struct{ ID string }](t, f.succeed(t, "createPerson", map[string]any{"person": map[string]any{
		"slug": "new-speaker", "name": "New Speaker"}}), "person")
	c := nextChange(t, people)
	if c.Type != "PERSON" || c.Action != "ADDED" || c.ID != person.ID || c.Node == nil || c.Node.ID != person.ID {
		t.Errorf("change %+v; want PERSON ADDED %s with its node", c, person.ID)
	}

	id, version := f.item(t, "statements", "content", "")
	f.succeed(t, "updateStatement", map[string]any{"id": id, "version": version, "statement": map[string]any{"speakerRole": "a new role"}})
	c = nextChange(t, statements)
	if c.Type != "STATEMENT" || c.Action != "UPDATED" || c.ID != id || c.Node == nil || c.Node.ID != id {
		t.Errorf("change %+v; want STATEMENT UPDATED %s with its node", c, id)
	}
}

// TestTopicChangesReachSubscribers checks the changed subscription on
// topics: a topic created, updated and deleted through the API reaches a
// TOPIC subscriber as added (with its node), updated (with its new
// version) and deleted (with no node), and a subscriber of other types
// hears none of it.
func TestTopicChangesReachSubscribers(t *testing.T) {
	f := newEditFixture(t)
	topics := subscribe(t, f.srv.Server, `subscription { changed(types: [TOPIC]) { type action id node { id ... on Topic { version } } } }`)
	others := subscribe(t, f.srv.Server, `subscription { changed(types: [PERSON]) { type action id } }`)
	f.waitForSubscribers(t, 2)

	topic := node[struct {
		ID      string
		Version int
	}](t, f.succeed(t, "createTopic", map[string]any{"topic": map[string]any{"slug": "new-topic", "label": "New topic"}}), "topic")
	c := nextChange(t, topics)
	if c.Type != "TOPIC" || c.Action != "ADDED" || c.ID != topic.ID || c.Node == nil || c.Node.ID != topic.ID {
		t.Errorf("change %+v; want TOPIC ADDED %s with its node", c, topic.ID)
	}
	f.succeed(t, "updateTopic", map[string]any{"id": topic.ID, "version": topic.Version, "topic": map[string]any{"label": "A new label"}})
	c = nextChange(t, topics)
	if c.Type != "TOPIC" || c.Action != "UPDATED" || c.ID != topic.ID || c.Node == nil || c.Node.ID != topic.ID {
		t.Errorf("change %+v; want TOPIC UPDATED %s with its node", c, topic.ID)
	}
	f.succeed(t, "deleteTopic", map[string]any{"id": topic.ID})
	c = nextChange(t, topics)
	if c.Type != "TOPIC" || c.Action != "DELETED" || c.ID != topic.ID || c.Node != nil {
		t.Errorf("change %+v; want TOPIC DELETED %s with no node", c, topic.ID)
	}
	// The PERSON subscriber hears the next person, not the topics before it.
	person := node[struct{ ID string }](t, f.succeed(t, "createPerson", map[string]any{"person": map[string]any{
		"slug": "after-topics", "name": "After Topics"}}), "person")
	if c := nextChange(t, others); c.Type != "PERSON" || c.ID != person.ID {
		t.Errorf("change %+v; want PERSON %s, none of the topics'", c, person.ID)
	}
}

// TestProjects lists the projects: all of them, by name, as many as the
// database holds, and filtered by kind.
func TestProjects(t *testing.T) {
	var got struct {
		All struct {
			TotalCount int
			Nodes      []struct{ Name, Kind string }
		}
		Filtered struct{ TotalCount int }
	}
	data(t, `{ all: projects(first: 100) { totalCount nodes { name kind } } filtered: projects(filter: {kinds: [DATA_CENTER]}) { totalCount } }`, nil, &got)
	want := sqlGroups(t, `SELECT 'all', count(*) FROM projects UNION ALL SELECT 'data_center', count(*) FROM projects WHERE project_kind = 'data_center'`)
	if got.All.TotalCount != want["all"] || len(got.All.Nodes) != want["all"] || got.Filtered.TotalCount != want["data_center"] {
		t.Errorf("%d projects (%d listed), %d data centers; want %d, %d", got.All.TotalCount, len(got.All.Nodes), got.Filtered.TotalCount, want["all"], want["data_center"])
	}
	if want["all"] == 0 {
		t.Error("the seeds have no project; the test needs one")
	}
	if !slices.IsSortedFunc(got.All.Nodes, func(a, b struct{ Name, Kind string }) int {
		return strings.Compare(a.Name, b.Name)
	}) {
		t.Errorf("projects %v; want them by name", got.All.Nodes)
	}
}

// TestAuditLog reads the audit log: refused without a token, newest first
// with one, every entry once across pages.
func TestAuditLog(t *testing.T) {
	f := newEditFixture(t)
	for _, slug := range []string{"audit-one", "audit-two", "audit-three"} {
		f.succeed(t, "createPerson", map[string]any{"person": map[string]any{"slug": slug, "name": slug}})
	}
	const q = `query($after: String) { auditLog(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
		nodes { at actor action targetType target detail } } }`
	t.Run("ErrUnauthenticated", func(t *testing.T) {
		_, res := postAs(t, f.srv.Server, "", q, nil)
		if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
			t.Errorf("errors %+v; want UNAUTHENTICATED", res.Errors)
		}
	})
	t.Run("OK", func(t *testing.T) {
		var want []string
		rows, err := f.d.Pool.Query(context.Background(), `SELECT action || ' ' || (detail->>'slug') FROM audit_log ORDER BY id DESC`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			want = append(want, s)
		}
		var got []string
		var after any
		for range 10 {
			_, res := postAs(t, f.srv.Server, aliceToken, q, map[string]any{"after": after})
			if len(res.Errors) > 0 {
				t.Fatalf("%+v", res.Errors)
			}
			var page struct {
				AuditLog struct {
					TotalCount int
					PageInfo   pageInfo
					Nodes      []struct {
						At, Actor, Action, TargetType string
						Target, Detail                *string
					}
				}
			}
			if err := json.Unmarshal(res.Data, &page); err != nil {
				t.Fatal(err)
			}
			if page.AuditLog.TotalCount != len(want) {
				t.Errorf("totalCount %d; want %d", page.AuditLog.TotalCount, len(want))
			}
			for _, n := range page.AuditLog.Nodes {
				var detail map[string]any
				if n.Detail == nil || json.Unmarshal([]byte(*n.Detail), &detail) != nil || n.Target == nil {
					t.Errorf("entry %+v: want a target and a JSON detail", n)
					continue
				}
				if _, err := time.Parse(time.RFC3339Nano, n.At); err != nil || n.Actor != "alice" {
					t.Errorf("entry %+v: at not RFC 3339 (%v) or actor not alice", n, err)
				}
				got = append(got, n.Action+" "+detail["slug"].(string))
			}
			if !page.AuditLog.PageInfo.HasNextPage {
				break
			}
			after = *page.AuditLog.PageInfo.EndCursor
		}
		if len(want) != 3 || !slices.Equal(got, want) {
			t.Errorf("entries %v; want %v, newest first", got, want)
		}
	})
}

// TestAuditLogIsNeverCached reads the audit log with a token through a
// server with a response cache, then asks the same without one: the
// answer must not come from the cache (it would hand the log to anyone).
func TestAuditLogIsNeverCached(t *testing.T) {
	d := dbtest.NewSeeded(t)
	s := newCachedServer(t, d, d.URL, 1<<20)
	const q = `{ auditLog(first: 5) { totalCount } }`
	for range 2 {
		if _, res := postAs(t, s.srv, aliceToken, q, nil); len(res.Errors) > 0 {
			t.Fatalf("with a token: %+v", res.Errors)
		}
	}
	_, res := postAs(t, s.srv, "", q, nil)
	if len(res.Errors) == 0 || res.Errors[0].Extensions["code"] != "UNAUTHENTICATED" {
		t.Errorf("without a token: data %s, errors %+v; want UNAUTHENTICATED", res.Data, res.Errors)
	}
}
