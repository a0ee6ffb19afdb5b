package demo

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
)

// chunkSize bounds the rows of one INSERT statement, so that no single
// statement grows past what SQLite and PostgreSQL parse comfortably.
const chunkSize = 500

// Load inserts the network in dependency order: providers, RF systems,
// assets, customers, circuits, circuit events, RF links, electrical
// services, subtended links. The caller owns the transaction; Load stops
// at the first error, which names the table it failed on.
func (n *Network) Load(ctx context.Context, db bun.IDB) error {
	steps := []func() error{
		func() error { return insertAll(ctx, db, "service providers", n.Providers) },
		func() error { return insertAll(ctx, db, "RF systems", n.RFSystems) },
		func() error { return insertAll(ctx, db, "infrastructure assets", n.Assets) },
		func() error { return insertAll(ctx, db, "customers", n.Customers) },
		func() error { return insertAll(ctx, db, "circuits", n.Circuits) },
		func() error { return insertAll(ctx, db, "circuit events", n.Events) },
		func() error { return insertAll(ctx, db, "RF links", n.RFLinks) },
		func() error { return insertAll(ctx, db, "electrical services", n.Electrical) },
		func() error { return insertAll(ctx, db, "subtended links", n.Links) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// insertAll bulk-inserts rows in chunks of at most chunkSize.
func insertAll[T any](ctx context.Context, db bun.IDB, what string, rows []T) error {
	for start := 0; start < len(rows); start += chunkSize {
		chunk := rows[start:min(start+chunkSize, len(rows))]
		if _, err := db.NewInsert().Model(&chunk).Exec(ctx); err != nil {
			return fmt.Errorf("demo: insert %s (rows %d–%d): %w", what, start+1, start+len(chunk), err)
		}
	}
	return nil
}
