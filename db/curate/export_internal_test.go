package curate

// The export's hooks for its tests in package curate_test, which can use
// package dbtest (this package cannot: dbtest imports it to seed), and its
// own tests of unexported parts.

import (
	"context"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/db"
	"github.com/newsgraph/newsgraph/seeds/document"
)

var (
	ExportArticle = exportArticle
	ExportEntity  = exportEntity
	ExportTopic   = exportTopic
)

// TestExportSpanDoc checks that every occurrence of a text in a paragraph,
// overlapping and after multi-byte characters, is exported as the item that
// resolves back to it.
func TestExportSpanDoc(t *testing.T) {
	blocks := document.SplitParagraphs("# “Title” aa\n\n优米 aaa “aa” aa\n")
	p := blocks[1]
	at := document.Occurrences(p.Text, "aa")
	if len(at) != 4 {
		t.Fatalf("%d occurrences of %q in %q; want 4", len(at), "aa", p.Text)
	}
	for i, b := range at {
		start := utf8.RuneCountInString(p.Text[:b])
		item, err := spanDoc(blocks, document.Span{Paragraph: 2, Start: start, End: start + 2, Text: "aa"})
		if err != nil {
			t.Fatalf("occurrence %d: %v", i+1, err)
		}
		if want := (document.SpanDoc{Text: "aa", Paragraph: 2, Occurrence: i + 1}); item != want {
			t.Errorf("occurrence %d: got %+v; want %+v", i+1, item, want)
		}
		found, msg := document.ResolveSpan(blocks, item)
		if msg != "" || len(found) != 1 || found[0].Start != start || found[0].Paragraph != 2 {
			t.Errorf("document.ResolveSpan(%+v) = %+v, %q; want the span at character %d of paragraph 2", item, found, msg, start)
		}
	}
	if _, err := spanDoc(blocks, document.Span{Paragraph: 2, Start: 1, End: 3, Text: "aa"}); err == nil {
		t.Error("a span whose text is not at its offset: got no error; want one")
	}
	if _, err := spanDoc(blocks, document.Span{Paragraph: 3, Start: 0, End: 2, Text: "aa"}); err == nil {
		t.Error("a span in a paragraph the text does not have: got no error; want one")
	}
}

// exportEntity returns the declaration of the entity with id, as the
// document that declares it would hold it: a *PersonDoc, *OrganizationDoc,
// *PlaceDoc, *EventDoc, *ProjectDoc or *AgreementDoc, every reference a
// slug, and no evidence (evidence belongs to articles). Agreement parties
// keep their order; participants, places, projects and topics, which have
// none, are listed by slug. It returns ErrNotFound when there is no such
// entity.
func exportEntity(ctx context.Context, q querier, id int64) (document.Declaration, error) {
	var kind string
	err := q.QueryRow(ctx, `SELECT kind::text FROM entities WHERE id = @entity`, pgx.NamedArgs{"entity": id}).Scan(&kind)
	if isNoRows(err) {
		return nil, fmt.Errorf("export entity %d: %w", id, db.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("export entity %d: %w", id, err)
	}
	var decl document.Declaration
	switch kind {
	case db.KindPerson:
		decl, err = exportedAs(exportPerson(ctx, q, id))
	case db.KindOrganization:
		decl, err = exportedAs(exportOrganization(ctx, q, id))
	case db.KindPlace:
		decl, err = exportedAs(exportPlace(ctx, q, id))
	case db.KindEvent:
		decl, err = exportedAs(exportEvent(ctx, q, id))
	case db.KindProject:
		decl, err = exportedAs(exportProject(ctx, q, id))
	case db.KindAgreement:
		decl, err = exportedAs(exportAgreement(ctx, q, id))
	default:
		return nil, fmt.Errorf("export entity %d: unknown kind %q", id, kind)
	}
	if err != nil {
		return nil, err
	}
	return decl, nil
}

// exportedAs returns an exported declaration as a Declaration, nil (not
// a typed nil) with an error.
func exportedAs[D document.Declaration](decl D, err error) (document.Declaration, error) {
	if err != nil {
		return nil, err
	}
	return decl, nil
}
