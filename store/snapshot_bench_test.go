package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// BenchmarkLoadSnapshot times reading the live graph of the spec's scale
// (10,000 assets, 100,000 customers, 150,000 links) from the database the
// test run uses (make bench runs it on SQLite; NETOS_TEST_ENGINE=postgres
// on PostgreSQL).
func BenchmarkLoadSnapshot(b *testing.B) {
	db := dbtest.DB(b)
	ctx := context.Background()
	snap := attribution.SyntheticSnapshot(10_000, 100_000, 150_000, 1)
	if err := insertSnapshot(ctx, db, snap); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		got, err := store.LoadSnapshot(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		if len(got.Customers) != len(snap.Customers) {
			b.Fatalf("loaded %d customers, want %d", len(got.Customers), len(snap.Customers))
		}
	}
}

// insertSnapshot stores a synthetic snapshot as records.
func insertSnapshot(ctx context.Context, db *store.DB, s *attribution.Snapshot) error {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	rec := func(id string) models.Record {
		return models.Record{ID: id, CreatedAt: now, UpdatedAt: now, Version: 1}
	}
	status := func(active bool) string {
		if active {
			return "active"
		}
		return "inactive"
	}
	provider := models.ServiceProvider{Record: rec("00000000-0000-4000-8000-000000000001"), Name: "Carrier", NameKey: "carrier"}
	system := models.RFSystem{Record: rec("00000000-0000-4000-8000-000000000002"), Name: "PTP", LinkType: "ptp", EquipmentRole: "ptp", CompatibleBaseSystemIDs: []string{}}
	assets := make([]models.InfrastructureAsset, len(s.Assets))
	for i, a := range s.Assets {
		assets[i] = models.InfrastructureAsset{Record: rec(a.ID), Name: a.Name, SiteType: "tower", Status: status(a.Active), MRC: a.MRC}
	}
	customers := make([]models.Customer, len(s.Customers))
	for i, c := range s.Customers {
		customers[i] = models.Customer{Record: rec(c.ID), Name: c.Name, Status: status(c.Active), MRR: c.MRR}
	}
	circuits := make([]models.Circuit, len(s.Circuits))
	for i, c := range s.Circuits {
		circuits[i] = models.Circuit{Record: rec(c.ID), Label: c.Label, CarrierID: provider.ID, ServiceType: "wave", Status: status(c.Counts), MRC: c.Cost, NoticeDays: 60}
	}
	rfLinks := make([]models.RFLink, len(s.RFLinks))
	for i, l := range s.RFLinks {
		rfLinks[i] = models.RFLink{Record: rec(l.ID), Name: l.Label, Topology: "ptp", LinkKind: "backhaul", Status: status(l.Counts),
			RFSystemID: system.ID, AInfrastructureID: s.Assets[0].ID, MRC: l.Cost}
	}
	power := make([]models.ElectricalService, len(s.Electrical))
	for i, e := range s.Electrical {
		site := e.SiteID
		power[i] = models.ElectricalService{Record: rec(e.ID), AvgMonthlyCost: e.Cost}
		if e.SiteKind == models.KindInfrastructure {
			power[i].InfrastructureID = &site
		} else {
			power[i].CustomerID = &site
		}
	}
	// The synthetic graph may repeat a (parent, child) pair, which the
	// schema refuses; the engine counts such a repeat as one more link.
	links := make([]models.SubtendedLink, 0, len(s.Links))
	seen := map[[3]string]bool{}
	for _, l := range s.Links {
		key := [3]string{l.ParentID, l.ChildKind, l.ChildID}
		if seen[key] {
			continue
		}
		seen[key] = true
		links = append(links, models.SubtendedLink{Record: rec(l.ID), ParentID: l.ParentID, ChildKind: l.ChildKind, ChildID: l.ChildID, AllocationWeight: l.Weight})
		if l.TransportID != "" {
			kind, id := l.TransportKind, l.TransportID
			links[len(links)-1].TransportKind, links[len(links)-1].TransportID = &kind, &id
		}
	}
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, step := range []func() error{
			func() error { return insertChunks(ctx, tx, []models.ServiceProvider{provider}) },
			func() error { return insertChunks(ctx, tx, []models.RFSystem{system}) },
			func() error { return insertChunks(ctx, tx, assets) },
			func() error { return insertChunks(ctx, tx, customers) },
			func() error { return insertChunks(ctx, tx, circuits) },
			func() error { return insertChunks(ctx, tx, rfLinks) },
			func() error { return insertChunks(ctx, tx, power) },
			func() error { return insertChunks(ctx, tx, links) },
		} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertChunks[T any](ctx context.Context, db bun.IDB, rows []T) error {
	for start := 0; start < len(rows); start += 500 {
		chunk := rows[start:min(start+500, len(rows))]
		if _, err := db.NewInsert().Model(&chunk).Exec(ctx); err != nil {
			return fmt.Errorf("insert %T: %w", chunk, err)
		}
	}
	return nil
}
