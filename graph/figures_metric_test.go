package graph_test

import (
	"slices"
	"testing"
)

// figurePage is a page of figures by id, with its cursors.
type figurePage struct {
	Figures struct {
		Nodes    []struct{ ID string }
		PageInfo struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
	}
}

// TestFiguresByMetricAsFiltered checks that the figures listing read by
// metric (the metric at the filter's top, article order: a walk of each
// matching metric, db's figuresByMetric) pages exactly as the same filter
// with the metric one level down (the listing's plain statement), forward
// and backward, with and without a value range.
func TestFiguresByMetricAsFiltered(t *testing.T) {
	const q = `query($filter: FigureFilter, $first: Int, $after: String, $last: Int, $before: String, $order: FigureOrder) {
	  figures(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $order) {
	    nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`
	read := func(t *testing.T, filter map[string]any, backward bool, order map[string]any) []string {
		t.Helper()
		var ids []string
		var cursor *string
		for range 100 {
			vars := map[string]any{"filter": filter, "order": order}
			if backward {
				vars["last"], vars["before"] = 2, cursor
			} else {
				vars["first"], vars["after"] = 2, cursor
			}
			var page figurePage
			data(t, q, vars, &page)
			var more bool
			for _, n := range page.Figures.Nodes {
				ids = append(ids, n.ID)
			}
			if backward {
				cursor, more = page.Figures.PageInfo.StartCursor, page.Figures.PageInfo.HasPreviousPage
			} else {
				cursor, more = page.Figures.PageInfo.EndCursor, page.Figures.PageInfo.HasNextPage
			}
			if !more {
				return ids
			}
		}
		t.Fatal("more than 100 pages")
		return nil
	}
	for _, metric := range []string{"gdp", "a", "%", "KEY AREAS", "no such metric"} {
		for _, value := range []map[string]any{nil, {"min": "1", "max": "1000"}} {
			walked := map[string]any{"metric": metric}
			plain := map[string]any{"and": []any{map[string]any{"metric": metric}}}
			if value != nil {
				walked["value"], plain["value"] = value, value
			}
			for _, order := range []map[string]any{nil, {"field": "ARTICLE", "direction": "DESC"}} {
				for _, backward := range []bool{false, true} {
					got, want := read(t, walked, backward, order), read(t, plain, backward, order)
					if !slices.Equal(got, want) {
						t.Errorf("metric %q, value %v, order %v, backward %v: got %q; want %q", metric, value, order, backward, got, want)
					}
				}
			}
		}
	}
}

// TestFiguresByMetricAfterEdits checks that a figure is found by a metric
// it was created or updated with: the metrics the listing matches first
// (figure_metrics) follow the figures' writes.
func TestFiguresByMetricAfterEdits(t *testing.T) {
	f := newEditFixture(t)
	find := func(metric string) []string {
		t.Helper()
		var page figurePage
		f.query(t, `query($m: String) { figures(first: 10, filter: { metric: $m }) { nodes { id } } }`, map[string]any{"m": metric}, &page)
		var ids []string
		for _, n := range page.Figures.Nodes {
			ids = append(ids, n.ID)
		}
		return ids
	}
	created := node[struct{ ID string }](t, f.succeed(t, "createFigure", map[string]any{"article": f.article(t), "figure": map[string]any{
		"metric": "Zanzibar quokka count", "value": "7", "unit": "COUNT", "display": "seven",
		"subject": f.entity(t, "china-malaysia-joint-statement-2025"), "evidence": []any{map[string]any{"text": "the 56-point statement"}},
	}}), "figure")
	if got := find("quokka"); !slices.Equal(got, []string{created.ID}) {
		t.Errorf("figures of metric quokka after createFigure: %q; want %q", got, created.ID)
	}
	f.succeed(t, "updateFigure", map[string]any{"id": created.ID, "version": 1, "figure": map[string]any{"metric": "Wombat tally"}})
	if got := find("wombat"); !slices.Equal(got, []string{created.ID}) {
		t.Errorf("figures of metric wombat after updateFigure: %q; want %q", got, created.ID)
	}
	if got := find("quokka"); len(got) != 0 {
		t.Errorf("figures of metric quokka after the update: %q; want none", got)
	}
}
