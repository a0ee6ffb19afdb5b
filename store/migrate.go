package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/uptrace/bun/migrate"

	"github.com/xiber/netos/migrations"
)

// Migrator runs the embedded migrations against db.
func (db *DB) Migrator() (*migrate.Migrator, error) {
	set, err := migrations.New()
	if err != nil {
		return nil, err
	}
	// A failed migration must not be recorded as applied.
	return migrate.NewMigrator(db.DB, set, migrate.WithMarkAppliedOnSuccess(true)), nil
}

// MigrateUp applies every pending migration and reports what it applied.
func (db *DB) MigrateUp(ctx context.Context) (string, error) {
	return db.migrateLocked(ctx, "migrate up", "no new migrations", "migrated to", (*migrate.Migrator).Migrate)
}

// MigrateDown rolls back the last migration group.
func (db *DB) MigrateDown(ctx context.Context) (string, error) {
	return db.migrateLocked(ctx, "migrate down", "nothing to roll back", "rolled back", (*migrate.Migrator).Rollback)
}

// migrateLocked runs one migration step under the migrator's lock.
func (db *DB) migrateLocked(ctx context.Context, what, none, done string,
	step func(*migrate.Migrator, context.Context, ...migrate.MigrationOption) (*migrate.MigrationGroup, error)) (string, error) {
	m, err := db.Migrator()
	if err != nil {
		return "", err
	}
	if err := m.Init(ctx); err != nil {
		return "", fmt.Errorf("init migrations: %w", err)
	}
	if err := m.Lock(ctx); err != nil {
		return "", fmt.Errorf("lock migrations: %w", err)
	}
	defer m.Unlock(ctx) //nolint:errcheck // an unlock failure leaves a row an operator can clear
	group, err := step(m, ctx)
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	if group.IsZero() {
		return none, nil
	}
	return fmt.Sprintf("%s %s", done, group), nil
}

// MigrationStatus lists every migration with whether it is applied.
func (db *DB) MigrationStatus(ctx context.Context) (string, error) {
	m, err := db.Migrator()
	if err != nil {
		return "", err
	}
	if err := m.Init(ctx); err != nil {
		return "", fmt.Errorf("init migrations: %w", err)
	}
	ms, err := m.MigrationsWithStatus(ctx)
	if err != nil {
		return "", fmt.Errorf("migration status: %w", err)
	}
	var b strings.Builder
	for _, mg := range ms {
		state := "pending"
		if mg.IsApplied() {
			state = "applied"
		}
		fmt.Fprintf(&b, "%s\t%s\n", mg.Name, state)
	}
	return b.String(), nil
}
