// Package edit turns the input of the API's mutations into the curated
// document types that db/curate writes (package document's StatementDoc,
// FigureDoc, the declarations, ...), and the writer's answer back into the
// API's user errors. An Edit, made for one mutation on behalf of its actor
// (New), decodes global IDs and turns those of entities, topics and
// statements into the slugs and keys a document refers to them by (through
// db/curate's lookups: EntitySlug, TopicSlug, StatementKey), turns enum
// names into the documents' lowercase values, applies only the fields an
// input gives (Statement, Figure, Person, ...), and collects every problem
// with the input as a user error with its path in the API's names.
// Outcome (and UserErrorsOf, for importArticle) sorts the writer's answer:
// a *db.ValidationError's problems become user errors, their paths moved
// from the document's names into the input's; any other error stays an
// error for the resolver to return.
//
// What it must not do: write (asking db/curate to write, the payloads, the
// request's loaders and the log are the resolvers' share, in graph's
// edits.go), hold SQL or open a connection, know about HTTP or the
// request's context (the actor and the store are handed to New), or import
// package graph, which imports it. Checking a document's rules is not its
// job either: the store's validator checks an edit exactly as it checks an
// import; an Edit checks only what the API's input adds (the types of IDs,
// that they name something, what a new item must give).
package edit
