// Package aggregate writes the statements of the store's aggregates: the
// rows of a listing of statements, figures or agreements counted by one or
// two dimensions (a statement's topics, its speaker, the month its article
// was published, ...), and figures' values summarized. A dimension is
// SQL that yields, for one row of the listing, the values it takes there
// (a statement tagged with two topics is in two topic groups; one with
// none is in the group whose value is missing), so each aggregate is one
// statement: the grouped counts of the largest (or first, by value)
// groups, then their labels. Its one job is that SQL: the dimensions of
// each listing, by the API's names, how they are joined, and the
// statement's shape for the rows of a root listing (Query.Root) or for
// the children of many parents at once (Query.Nested).
//
// Package db uses it through a small seam of strings: db chooses the rows
// (the FROM list of the listing, the condition its filter builds with the
// values as named arguments, or the WITH entries that list a relation's
// children by parent), checks the page size, runs the statement on its
// reads and reads the groups (Columns) into its domain type db.Group.
//
// What it must not do: run statements or hold connections; take user
// values into the text (they stay db's arguments; this package only
// writes its own constants and the caller's SQL); know the listing
// builder's filters, orderings or cursors; import db.
package aggregate
