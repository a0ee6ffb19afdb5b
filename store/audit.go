package store

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// InsertAudit appends one audit entry.
func InsertAudit(ctx context.Context, db bun.IDB, e *models.AuditEntry) error {
	_, err := db.NewInsert().Model(e).Returning("NULL").Exec(ctx)
	return translate(err, "insert audit entry")
}

// AuditFilter narrows the audit listing; empty fields match everything.
type AuditFilter struct {
	EntityType, EntityID, User, Action, EventType string
	Limit, Offset                                 int
}

// ListAudit returns entries newest first, and the total matching.
func ListAudit(ctx context.Context, db bun.IDB, f AuditFilter) ([]models.AuditEntry, int, error) {
	var out []models.AuditEntry
	q := db.NewSelect().Model(&out)
	for col, v := range map[string]string{"entity_type": f.EntityType, "entity_id": f.EntityID, "user_name": f.User, "action": f.Action, "event_type": f.EventType} {
		if v != "" {
			q = q.Where("? = ?", bun.Ident(col), v)
		}
	}
	total, err := q.Order("at DESC", "seq DESC").Limit(int64(f.Limit)).Offset(int64(f.Offset)).ScanAndCount(ctx)
	if err != nil {
		return nil, 0, translate(err, "list audit entries")
	}
	return out, int(total), nil
}
