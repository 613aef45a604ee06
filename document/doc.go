// Package document reads the curated document format, the YAML (or JSON)
// files of seeds/ that people write and that newsgraph extract drafts
// (seeds/README.md is the format's guide). Parse and ParseWithin decode one
// document strictly onto db.Document, within Limits that refuse a hostile
// input (too big, too deep, too many nodes, anchors and aliases, a second
// YAML document) before it costs more than the limits allow, and expand
// the format's shorthands (an evidence item written as its text). Read,
// ReadWithin and ReadFile read a folder laid out like seeds/ (catalog.yaml,
// articles/*.yaml), or one file, with each article's source text from
// beside its document, reading no more of a file than the limits allow.
// Its subpackage extract drafts documents from an article's raw text.
//
// It is the only package besides extract that knows YAML. It does not
// validate references or evidence, and does not speak SQL: checking a
// document against what is stored and writing it in one transaction is
// the store's job (db.Store's Validate, Import, ImportBy and
// ImportArticle), which the API's edits share, so an edit obeys exactly
// the rules an import does. The dependency runs one way: document imports
// db, never the reverse.
package document
