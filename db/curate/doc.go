// Package curate writes the curated documents into the store and reads
// them back out: the import of a set of documents in one transaction
// (Import, ImportBy, ImportArticle, Validate), the API's edits of one item
// at a time (Create/Update/Delete of statements, figures, entities, topics
// and articles), the lookups those edits make before they write (lookup.go:
// the slug or key by which a document names what the API names by id,
// StatementKey, FigureArticle, EntitySlug, TopicSlug), and the export of
// stored rows back into the documents that would write them (so an edit of
// an entity or topic exports its declaration, changes it and imports the
// result, and an edit obeys exactly the rules an import does).
//
// It is the store's writer and lives in the db tree because it speaks SQL:
// it reaches PostgreSQL only through the seam package db exports for it
// (Store.InTx, the read-back of written rows (db.AllPeople.Written, ...),
// AuditRecord; Validate and the lookups read through Store.Pool), and opens
// no pool or connection of its own. It records the change events of its
// writes itself (db.EventKind, db.EventChannel), in the write's
// transaction; db reads them. It takes the curated format's types from package document
// and checks documents with document's validator, answering the
// validator's questions about what is stored (document.Catalog) from the
// write's transaction. It does not parse YAML or JSON (package document
// does), does not serve the API's reads (package db does), and knows nothing of
// GraphQL or HTTP. Its errors are db's: a *db.ValidationError for problems
// with the input, paths relative to the edited item; anything else is
// internal.
//
// Imports run one way: graph, graph/edit and the commands import curate;
// curate imports document and db; document imports db; db imports neither.
package curate
