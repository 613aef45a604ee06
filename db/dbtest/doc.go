// Package dbtest gives tests throwaway PostgreSQL databases: each is created
// beside the database named by DATABASE_URL (default pg.DefaultURL), migrated
// with the server's own migrations, and dropped when the test ends. A test
// that cannot reach PostgreSQL fails; it never skips.
package dbtest
