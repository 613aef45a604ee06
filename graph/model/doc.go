// Package model holds the GraphQL-only shapes of newsgraph's API:
// connections and their page info, the payloads of writes, the interfaces
// and unions, the unnamed speaker, and the Date and Decimal scalars.
// Domain types come from db.
package model
