// Package route decides where each of the store's reads runs: on which
// server (the primary, or a hot standby in rotation that has replayed what
// the read must see) and in which of that server's two pools (generic
// plans, or plans for the values: Reads.ForValues). Its one job is that
// choice and what it takes: the standbys' health and lag (WatchStandbys),
// WAL positions (LSN) and the commits a request made (TrackCommits,
// CommitPosition), and sending a read that failed for a standby's sake to
// the primary instead (Reads).
//
// Package db uses it through a small seam: the Store holds one Router
// (Store.Router), runs every read through Router.Reads, and notes each
// commit (Router.NoteCommit); db opens the pools and hands them over
// (New, AddStandby), and tells a server that cannot be reached from a
// statement that failed by the same test the Router uses (Unreachable). Callers outside db reach the Router for what they
// decide about routing: a request's context (ReadFromStandby), the
// standbys' state for /readyz and /metrics (Standbys, PrimaryReads), and
// the health check's loop (WatchStandbys).
//
// What it must not do: say anything in SQL but the few statements about
// positions and recovery (pg_last_wal_replay_lsn, pg_current_wal_lsn,
// pg_is_in_recovery); know the store's tables, rows or errors; open pools
// by itself from URLs (db does, with db/pg.NewPool); import db.
// The only connections it opens itself are the health check's, one for
// each standby, and the custom-plan pools on the configuration of pools it
// was given.
package route
