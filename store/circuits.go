package store

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// CircuitIDByLabel finds the live circuit with this label.
func CircuitIDByLabel(ctx context.Context, db bun.IDB, label string) (string, error) {
	var id string
	err := db.NewSelect().Table("circuits").Column("id").
		Where("xiber_circuit_label = ?", label).Where("deleted_at IS NULL").Limit(1).Scan(ctx, &id)
	return id, translate(err, "circuit "+label)
}

// CircuitIDsByLabel maps each live label among labels to its circuit ID.
func CircuitIDsByLabel(ctx context.Context, db bun.IDB, labels []string) (map[string]string, error) {
	out := make(map[string]string, len(labels))
	if len(labels) == 0 {
		return out, nil
	}
	var rows []struct {
		ID    string `bun:"id"`
		Label string `bun:"xiber_circuit_label"`
	}
	err := db.NewSelect().Table("circuits").Column("id", "xiber_circuit_label").
		Where("xiber_circuit_label IN (?)", bun.List(labels)).Where("deleted_at IS NULL").Scan(ctx, &rows)
	if err != nil {
		return nil, translate(err, "circuits by label")
	}
	for _, r := range rows {
		out[r.Label] = r.ID
	}
	return out, nil
}

// EventsFor loads the lifecycle events of the given circuits, by circuit,
// ordered by date then creation.
func EventsFor(ctx context.Context, db bun.IDB, circuitIDs []string) (map[string][]models.CircuitEvent, error) {
	out := map[string][]models.CircuitEvent{}
	if len(circuitIDs) == 0 {
		return out, nil
	}
	var evs []models.CircuitEvent
	err := db.NewSelect().Model(&evs).Where("circuit_id IN (?)", bun.List(circuitIDs)).
		Order("event_date ASC", "created_at ASC", "id ASC").Scan(ctx)
	if err != nil {
		return nil, translate(err, "circuit events")
	}
	for _, e := range evs {
		out[e.CircuitID] = append(out[e.CircuitID], e)
	}
	return out, nil
}
