package db

import "time"

// AuditEntry is one write recorded in the audit log: who (the API token's
// name, or the name given to the import command) did what to which row,
// when. TargetID is nil for a write with no single row; Detail is a JSON
// object (the slug or key, what a delete cascaded to, ...), nil when none.
type AuditEntry struct {
	ID         int64     `db:"id"`
	At         time.Time `db:"at"`
	Actor      string    `db:"actor"`
	Action     string    `db:"action"`
	TargetType string    `db:"target_type"`
	TargetID   *int64    `db:"target_id"`
	Detail     *string   `db:"detail"`
	Keyset
}

const (
	auditFrom    = `audit_log al`
	auditColumns = `al.id, al.at, al.actor, al.action, al.target_type, al.target_id, al.detail::text AS detail`
)

// auditOrders has the audit log's one ordering: the log's id grows with
// every entry, newest first.
var auditOrders = orders{
	"": func(bool) ordering {
		return ordering{name: "audit.newest", desc: true, keys: []sortKey{key("al.id", "bigint")}}
	},
}

// AuditLog is the audit log's listing: newest first.
var AuditLog = Listing[AuditEntry, *NoFilter]{name: "audit", from: auditFrom, columns: auditColumns, ids: []string{"al.id"}}
