package store

import (
	"context"
	"database/sql"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/models"
)

// LoadSnapshot reads the live attribution graph in six narrow queries, one
// per table, selecting only the columns the engine needs. Links whose own
// row is live are read; the engine drops those whose parent, child or
// transport is absent from the snapshot (soft-deleted), which is exactly the
// spec's "live link".
func LoadSnapshot(ctx context.Context, db bun.IDB) (*attribution.Snapshot, error) {
	s := &attribution.Snapshot{}
	var sites []struct {
		ID     string `bun:"id"`
		Name   string `bun:"name"`
		Status string `bun:"status"`
		Cents  int64  `bun:"cents"`
	}
	if err := db.NewSelect().Table("infrastructure_assets").Column("id", "name", "status").ColumnExpr("mrc_cents AS cents").
		Where("deleted_at IS NULL").Scan(ctx, &sites); err != nil {
		return nil, translate(err, "snapshot assets")
	}
	s.Assets = make([]attribution.Asset, len(sites))
	for i, a := range sites {
		s.Assets[i] = attribution.Asset{ID: a.ID, Name: a.Name, Active: a.Status == models.StatusActive, MRC: models.Money(a.Cents)}
	}
	sites = sites[:0]
	if err := db.NewSelect().Table("customers").Column("id", "name", "status").ColumnExpr("mrr_cents AS cents").
		Where("deleted_at IS NULL").Scan(ctx, &sites); err != nil {
		return nil, translate(err, "snapshot customers")
	}
	s.Customers = make([]attribution.Customer, len(sites))
	for i, c := range sites {
		s.Customers[i] = attribution.Customer{ID: c.ID, Name: c.Name, Active: c.Status == models.StatusActive, MRR: models.Money(c.Cents)}
	}
	var err error
	if s.Circuits, err = loadItems(ctx, db, "circuits", "xiber_circuit_label", models.CircuitBills); err != nil {
		return nil, err
	}
	if s.RFLinks, err = loadItems(ctx, db, "rf_links", "name", func(st string) bool { return st == models.StatusActive }); err != nil {
		return nil, err
	}
	var power []struct {
		ID               string  `bun:"id"`
		InfrastructureID *string `bun:"infrastructure_id"`
		CustomerID       *string `bun:"customer_id"`
		Cents            int64   `bun:"avg_monthly_cost_cents"`
	}
	if err := db.NewSelect().Table("electrical_services").Column("id", "infrastructure_id", "customer_id", "avg_monthly_cost_cents").
		Where("deleted_at IS NULL").Scan(ctx, &power); err != nil {
		return nil, translate(err, "snapshot electrical")
	}
	s.Electrical = make([]attribution.Electrical, 0, len(power))
	for _, e := range power {
		el := attribution.Electrical{ID: e.ID, Cost: models.Money(e.Cents)}
		switch {
		case e.InfrastructureID != nil:
			el.SiteKind, el.SiteID = models.KindInfrastructure, *e.InfrastructureID
		case e.CustomerID != nil:
			el.SiteKind, el.SiteID = models.KindCustomer, *e.CustomerID
		default:
			continue
		}
		s.Electrical = append(s.Electrical, el)
	}
	rows, err := db.QueryContext(ctx, `SELECT id, parent_infrastructure_id, child_kind, child_id, transport_kind, transport_id, allocation_weight
		FROM subtended_links WHERE deleted_at IS NULL`)
	if err != nil {
		return nil, translate(err, "snapshot links")
	}
	defer rows.Close()
	for rows.Next() {
		var l attribution.Link
		var tk, tid sql.NullString
		var w int64
		if err := rows.Scan(&l.ID, &l.ParentID, &l.ChildKind, &l.ChildID, &tk, &tid, &w); err != nil {
			return nil, translate(err, "snapshot links")
		}
		if tk.Valid && tid.Valid {
			l.TransportKind, l.TransportID = tk.String, tid.String
		}
		l.Weight = models.Decimal(w)
		s.Links = append(s.Links, l)
	}
	if err := rows.Err(); err != nil {
		return nil, translate(err, "snapshot links")
	}
	return s, nil
}

func loadItems(ctx context.Context, db bun.IDB, table, labelCol string, counts func(status string) bool) ([]attribution.Item, error) {
	var rows []struct {
		ID     string `bun:"id"`
		Label  string `bun:"label"`
		Status string `bun:"status"`
		Cents  int64  `bun:"mrc_cents"`
	}
	if err := db.NewSelect().Table(table).Column("id", "status", "mrc_cents").ColumnExpr("? AS label", bun.Ident(labelCol)).
		Where("deleted_at IS NULL").Scan(ctx, &rows); err != nil {
		return nil, translate(err, "snapshot "+table)
	}
	out := make([]attribution.Item, len(rows))
	for i, r := range rows {
		out[i] = attribution.Item{ID: r.ID, Label: r.Label, Counts: counts(r.Status), Cost: models.Money(r.Cents)}
	}
	return out, nil
}
