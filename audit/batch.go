package audit

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Change is one record's changes, for WriteMany.
type Change struct {
	EntityID string
	Changes  models.Changes
}

// WriteMany appends, in one statement, the entries Write would append for
// each change: one per record, in order. Bulk writes (circuit imports) use it.
func (l *Log) WriteMany(ctx context.Context, tx bun.IDB, action, entityType string, changes []Change) error {
	if len(changes) == 0 {
		return nil
	}
	p, _ := auth.FromContext(ctx)
	req := RequestFrom(ctx)
	entries := make([]models.AuditEntry, len(changes))
	for i, c := range changes {
		entries[i] = *l.entry(p, req, "write", action, entityType, c.EntityID, c.Changes, 0)
	}
	return store.InsertMany(ctx, tx, entries)
}
