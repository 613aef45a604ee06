// Package input checks and converts what a client sends as the arguments
// of a read, before graph's resolvers use it: the filters of connections
// and subscriptions become db's filters (Filters: each global ID decoded,
// checked to be of a type the field allows and to name a stored object;
// date ranges checked; and/or/not nested at most five deep), and every
// text argument is checked for what PostgreSQL cannot take and for its
// length, once per operation (ArgumentChecks, a server extension graph/serve
// installs, which wraps the fields in CheckArguments only for an operation
// with a refused argument). Its
// errors are the client's (Errorf: BAD_USER_INPUT, or NOT_FOUND for an ID
// that names nothing) and name the argument's path, as
// filter.and[0].topics[2], echoing the input shortened (Abbreviate).
//
// What it must not do: read rows for resolvers or hold SQL (whether IDs
// exist it asks db.Store.Missing), know about HTTP, or import package graph,
// which imports it and passes the Filters methods to its connection
// helpers, or graph/edit, which shares its words for IDs (Abbreviate, OneOf,
// Kind, EntityTypes) with mutations' input. Page arguments and cursors stay
// in graph (relay.go), beside the global IDs they travel with.
package input
