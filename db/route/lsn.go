package route

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
)

// LSN is a position in PostgreSQL's write-ahead log (pg_lsn): everything
// a server has replayed up to an LSN is visible there. Zero is the start of
// the log; it asks for nothing.
type LSN uint64

// ParseLSN reads an LSN in PostgreSQL's text form, two hexadecimal
// numbers separated by a slash ("16/B374D848").
func ParseLSN(s string) (LSN, error) {
	hi, lo, ok := strings.Cut(s, "/")
	if !ok || hi == "" || lo == "" || len(hi) > 8 || len(lo) > 8 {
		return 0, fmt.Errorf("%q is not a WAL position (like 16/B374D848)", abbreviateLSN(s))
	}
	h, err1 := strconv.ParseUint(hi, 16, 32)
	l, err2 := strconv.ParseUint(lo, 16, 32)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("%q is not a WAL position (like 16/B374D848)", abbreviateLSN(s))
	}
	return LSN(h<<32 | l), nil
}

// abbreviateLSN cuts what is quoted back of a malformed LSN short.
func abbreviateLSN(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// String returns the LSN in PostgreSQL's text form.
func (l LSN) String() string {
	return fmt.Sprintf("%X/%X", uint64(l)>>32, uint64(l)&0xFFFFFFFF)
}

// Scan reads an LSN from its text form, as a column of a row struct.
func (l *LSN) Scan(src any) error {
	text, ok := src.(string)
	if !ok {
		return fmt.Errorf("scan LSN: want text, got %T", src)
	}
	v, err := ParseLSN(text)
	*l = v
	return err
}

// scanLSN reads an LSN from a statement that selects one as text.
func scanLSN(row interface{ Scan(...any) error }) (LSN, error) {
	var s string
	if err := row.Scan(&s); err != nil {
		return 0, err
	}
	return ParseLSN(s)
}

// InsertPosition is the SQL expression of the primary's WAL insert
// position as text. Read after a transaction has committed (on any
// connection), it is at or past the end of that transaction's commit
// record, so a standby that has replayed that far sees the transaction.
// Read inside the transaction it would not be: the commit record comes
// later. It may run up to a page header (24 bytes) past the last record
// when that ended on a page boundary; a standby then looks that far
// behind until the next record, which only costs a read on the primary.
const InsertPosition = `pg_current_wal_insert_lsn()::text`

type commitsKey struct{}

// TrackCommits returns a context in which the store notes the WAL position
// of every transaction it commits, when it reads from standbys (see
// CommitPosition).
func TrackCommits(ctx context.Context) context.Context {
	return context.WithValue(ctx, commitsKey{}, new(atomic.Uint64))
}

// CommitPosition returns a WAL position at or past the commit of every
// transaction committed in ctx since TrackCommits, or 0 when none was (or
// the store reads from no standby, or ctx does not track commits). Reads
// routed with it (ReadFromStandby) see those writes.
func CommitPosition(ctx context.Context) LSN {
	if p, ok := ctx.Value(commitsKey{}).(*atomic.Uint64); ok {
		return LSN(p.Load())
	}
	return 0
}

// advance raises p to l if l is further.
func advance(p *atomic.Uint64, l LSN) {
	for {
		old := p.Load()
		if uint64(l) <= old || p.CompareAndSwap(old, uint64(l)) {
			return
		}
	}
}

// PrimaryOnly is the position no standby reaches: reads routed with it go
// to the primary at once. CommitPosition returns it when the position of
// a commit could not be read.
const PrimaryOnly = LSN(math.MaxUint64)

// NoteCommit records, after a transaction committed in ctx, the primary's
// WAL position, when ctx tracks commits and the Router has standbys. A
// failure to read it is not the write's: the position is then PrimaryOnly.
func (r *Router) NoteCommit(ctx context.Context) {
	p, ok := ctx.Value(commitsKey{}).(*atomic.Uint64)
	if !ok || len(r.standbys) == 0 {
		return
	}
	l, err := scanLSN(r.primary.generic.QueryRow(ctx, `SELECT `+InsertPosition))
	if err != nil {
		l = PrimaryOnly
	}
	advance(p, l)
}
