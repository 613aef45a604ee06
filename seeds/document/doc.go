// Package document is the curated document format, the YAML (or JSON)
// files of seeds/ that people write and that newsgraph extract drafts
// (seeds/README.md is the format's guide): its types (Document and its
// parts, the one write model of imports and edits alike), its parsing and
// its validation.
//
// Parse and ParseWithin decode one document strictly onto Document, within
// Limits that refuse a hostile input (too big, too deep, too many nodes,
// anchors and aliases, a second YAML document) before it costs more than
// the limits allow, and expand the format's shorthands (an evidence item
// written as its text). Read, ReadWithin and ReadFile read a folder laid
// out like seeds/ (catalog.yaml, articles/*.yaml), or one file, with each
// article's source text from beside its document, reading no more of a
// file than the limits allow. Validate checks a set of documents against
// each other and against what a Catalog says is stored: every text within
// its limit (CheckTexts), references, vocabularies, dates, and evidence
// resolved to exact spans of the article's paragraphs (SplitParagraphs,
// ResolveSpan), and orders declarations parents first for the writer.
// The limits on the documents' texts are the format's (textlimits.go:
// MaxSlug, MaxShortText, MaxLongText, MaxArticleText, and TextProblem, by
// which graph/input holds a request's arguments to the same limits).
// A Declaration is one entity's or topic's, as an edit writes it. Its
// subpackage extract drafts documents from an article's raw text.
//
// It is the only package besides extract that knows YAML. It does not speak
// SQL and holds no connection: writing a document in one transaction and
// exporting stored rows back into documents is db/curate's job, which
// implements Catalog over its transaction, so an edit obeys exactly the
// rules an import does. Its problems are db's (db.Problem in a
// *db.ValidationError, with db.Code), the API's one error seam. The
// dependency runs one way: document imports db (for those errors and the
// stored vocabularies, db.Kind*), never the reverse.
package document
