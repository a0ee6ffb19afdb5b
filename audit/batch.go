package audit

import (
	"context"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
)

// Change is one record's changes, for Entries.
type Change struct {
	EntityID string
	Changes  models.Changes
}

// Entries makes the entries Write would append for each change, one per
// record, in order, for the caller to store in bulk (store.InsertMany):
// circuit imports use it.
func (l *Log) Entries(ctx context.Context, action, entityType string, changes []Change) []models.AuditEntry {
	p, _ := auth.FromContext(ctx)
	req := RequestFrom(ctx)
	entries := make([]models.AuditEntry, len(changes))
	for i, c := range changes {
		entries[i] = *l.entry(p, req, "write", action, entityType, c.EntityID, c.Changes, 0)
	}
	return entries
}
