package db

// Hooks for the tests of nested listings in package db_test.

// ByCondition returns r read as a nested listing by condition: each
// parent's children are the rows of r's FROM that meet where (which names
// the parent's id par.id), read in a subquery of their own. The tests
// check that a relation by members answers as its condition does.
func ByCondition[T any](r Relation[T], where string) Relation[T] {
	r.where, r.with, r.members, r.alias = where, "", "", ""
	return r
}
