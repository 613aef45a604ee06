package migrations

import (
	"embed"
	"errors"
	"fmt"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	_ "github.com/golang-migrate/migrate/v4/database/pgx/v5" // registers pgx5://
	"github.com/golang-migrate/migrate/v4/source/iofs"

	"github.com/newsgraph/newsgraph/db/pg"
)

// files holds the schema migrations, compiled into the binary.
//
//go:embed *.sql
var files embed.FS

// Migrator applies the embedded schema migrations to one database.
type Migrator struct {
	m *migrate.Migrate
}

// New returns a Migrator for the database at databaseURL. Close it when
// done.
func New(databaseURL string) (*Migrator, error) {
	src, err := iofs.New(files, ".")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	m, err := migrate.NewWithSourceInstance("iofs", src, migrateURL(databaseURL))
	if err != nil {
		return nil, fmt.Errorf("open migrations on %s: %w", pg.Redact(databaseURL), err)
	}
	return &Migrator{m: m}, nil
}

// migrateURL turns a postgres:// URL into the pgx5:// form the migrate
// driver registers.
func migrateURL(databaseURL string) string {
	for _, scheme := range []string{"postgres://", "postgresql://"} {
		if rest, ok := strings.CutPrefix(databaseURL, scheme); ok {
			return "pgx5://" + rest
		}
	}
	return databaseURL
}

// Up applies every migration not yet applied.
func (m *Migrator) Up() error {
	if err := m.m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return fmt.Errorf("migrate up: %w", err)
	}
	return nil
}

// Down reverts the n most recent migrations.
func (m *Migrator) Down(n int) error {
	if n <= 0 {
		return fmt.Errorf("migrate down: want a positive number of steps, got %d", n)
	}
	if err := m.m.Steps(-n); err != nil {
		return fmt.Errorf("migrate down %d: %w", n, err)
	}
	return nil
}

// Version returns the current schema version (0 when none is applied) and
// whether a failed migration left it dirty.
func (m *Migrator) Version() (version uint, dirty bool, err error) {
	version, dirty, err = m.m.Version()
	if errors.Is(err, migrate.ErrNilVersion) {
		return 0, false, nil
	}
	return version, dirty, err
}

// Latest returns the version of the newest embedded migration.
func Latest() (uint, error) {
	entries, err := files.ReadDir(".")
	if err != nil {
		return 0, err
	}
	var latest uint
	for _, e := range entries {
		var v uint
		if _, err := fmt.Sscanf(e.Name(), "%d_", &v); err == nil && v > latest {
			latest = v
		}
	}
	return latest, nil
}

// Close releases the migrator's connection.
func (m *Migrator) Close() error {
	srcErr, dbErr := m.m.Close()
	return errors.Join(srcErr, dbErr)
}
