package store

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// ProviderStats are a provider's counts and monthly spend.
type ProviderStats struct {
	CircuitCount        int
	InfrastructureCount int
	// TotalSpend is the monthly spend: MRC of billing circuits plus MRC of
	// active assets.
	TotalSpend models.Money
}

// ProviderStatsFor aggregates counts and spend for the given providers (all
// providers when ids is nil) in two grouped queries.
func ProviderStatsFor(ctx context.Context, db bun.IDB, ids []string) (map[string]ProviderStats, error) {
	out := map[string]ProviderStats{}
	var circuits []struct {
		ProviderID string `bun:"carrier_id"`
		N          int    `bun:"n"`
		Spend      int64  `bun:"spend"`
	}
	q := db.NewSelect().Table("circuits").
		ColumnExpr("carrier_id, COUNT(*) AS n").
		ColumnExpr("COALESCE(SUM(CASE WHEN status IN ('active', 'pending_disconnect') THEN mrc_cents ELSE 0 END), 0) AS spend").
		Where("deleted_at IS NULL").Group("carrier_id")
	if ids != nil {
		q = q.Where("carrier_id IN (?)", bun.List(append(ids, "")))
	}
	if err := q.Scan(ctx, &circuits); err != nil {
		return nil, translate(err, "provider circuit stats")
	}
	for _, r := range circuits {
		st := out[r.ProviderID]
		st.CircuitCount, st.TotalSpend = r.N, st.TotalSpend+models.Money(r.Spend)
		out[r.ProviderID] = st
	}
	var assets []struct {
		ProviderID string `bun:"provider_id"`
		N          int    `bun:"n"`
		Spend      int64  `bun:"spend"`
	}
	q = db.NewSelect().Table("infrastructure_assets").
		ColumnExpr("provider_id, COUNT(*) AS n").
		ColumnExpr("COALESCE(SUM(CASE WHEN status = 'active' THEN mrc_cents ELSE 0 END), 0) AS spend").
		Where("deleted_at IS NULL").Where("provider_id IS NOT NULL").Group("provider_id")
	if ids != nil {
		q = q.Where("provider_id IN (?)", bun.List(append(ids, "")))
	}
	if err := q.Scan(ctx, &assets); err != nil {
		return nil, translate(err, "provider asset stats")
	}
	for _, r := range assets {
		st := out[r.ProviderID]
		st.InfrastructureCount, st.TotalSpend = r.N, st.TotalSpend+models.Money(r.Spend)
		out[r.ProviderID] = st
	}
	return out, nil
}

// ProviderUses counts live records that name the provider.
func ProviderUses(ctx context.Context, db bun.IDB, id string) (int, error) {
	var n int
	err := db.NewRaw(`SELECT
		(SELECT COUNT(*) FROM circuits WHERE carrier_id = ? AND deleted_at IS NULL) +
		(SELECT COUNT(*) FROM infrastructure_assets WHERE provider_id = ? AND deleted_at IS NULL) +
		(SELECT COUNT(*) FROM electrical_services WHERE provider_id = ? AND deleted_at IS NULL)`, id, id, id).Scan(ctx, &n)
	return n, translate(err, "provider uses")
}
