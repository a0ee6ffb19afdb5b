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
	defer m.Unlock(ctx) //nolint:errcheck // unlock failure leaves a row an operator can clear
	group, err := m.Migrate(ctx)
	if err != nil {
		return "", fmt.Errorf("migrate up: %w", err)
	}
	if group.IsZero() {
		return "no new migrations", nil
	}
	return fmt.Sprintf("migrated to %s", group), nil
}

// MigrateDown rolls back the last migration group.
func (db *DB) MigrateDown(ctx context.Context) (string, error) {
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
	defer m.Unlock(ctx) //nolint:errcheck // see MigrateUp
	group, err := m.Rollback(ctx)
	if err != nil {
		return "", fmt.Errorf("migrate down: %w", err)
	}
	if group.IsZero() {
		return "nothing to roll back", nil
	}
	return fmt.Sprintf("rolled back %s", group), nil
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
