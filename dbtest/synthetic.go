package dbtest

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Synthetic is a synthetic attribution graph (attribution.SyntheticSnapshot)
// as records, for benchmarks that need a large network in the database.
// Benchmarks may adjust the slices before Insert.
type Synthetic struct {
	Providers  []models.ServiceProvider
	RFSystems  []models.RFSystem
	Assets     []models.InfrastructureAsset
	Customers  []models.Customer
	Circuits   []models.Circuit
	RFLinks    []models.RFLink
	Electrical []models.ElectricalService
	Links      []models.SubtendedLink
}

// SyntheticRecords turns a snapshot into records made at now: one carrier
// for every circuit, one PTP system for every RF link.
func SyntheticRecords(s *attribution.Snapshot, now time.Time) *Synthetic {
	rec := func(id string) models.Record {
		return models.Record{ID: id, CreatedAt: now, UpdatedAt: now, Version: 1}
	}
	status := func(active bool) string {
		if active {
			return models.StatusActive
		}
		return "inactive"
	}
	n := &Synthetic{
		Providers: []models.ServiceProvider{{Record: rec("00000000-0000-4000-8000-000000000001"), Name: "Carrier", NameKey: "carrier"}},
		RFSystems: []models.RFSystem{{Record: rec("00000000-0000-4000-8000-000000000002"), Name: "PTP", LinkType: "ptp", EquipmentRole: "ptp", CompatibleBaseSystemIDs: []string{}}},
	}
	for _, a := range s.Assets {
		n.Assets = append(n.Assets, models.InfrastructureAsset{Record: rec(a.ID), Name: a.Name, SiteType: "tower", Status: status(a.Active), MRC: a.MRC})
	}
	for _, c := range s.Customers {
		n.Customers = append(n.Customers, models.Customer{Record: rec(c.ID), Name: c.Name, Status: status(c.Active), MRR: c.MRR})
	}
	for _, c := range s.Circuits {
		n.Circuits = append(n.Circuits, models.Circuit{Record: rec(c.ID), Label: c.Label, CarrierID: n.Providers[0].ID,
			ServiceType: "wave", Status: status(c.Counts), MRC: c.Cost, NoticeDays: 60})
	}
	for _, l := range s.RFLinks {
		n.RFLinks = append(n.RFLinks, models.RFLink{Record: rec(l.ID), Name: l.Label, Topology: "ptp", LinkKind: "backhaul",
			Status: status(l.Counts), RFSystemID: n.RFSystems[0].ID, AInfrastructureID: s.Assets[0].ID, MRC: l.Cost})
	}
	for _, e := range s.Electrical {
		site := e.SiteID
		el := models.ElectricalService{Record: rec(e.ID), AvgMonthlyCost: e.Cost}
		if e.SiteKind == models.KindInfrastructure {
			el.InfrastructureID = &site
		} else {
			el.CustomerID = &site
		}
		n.Electrical = append(n.Electrical, el)
	}
	// The synthetic graph may repeat a (parent, child) pair, which the
	// schema refuses; the engine counts such a repeat as one more link.
	seen := map[[3]string]bool{}
	for _, l := range s.Links {
		key := [3]string{l.ParentID, l.ChildKind, l.ChildID}
		if seen[key] {
			continue
		}
		seen[key] = true
		link := models.SubtendedLink{Record: rec(l.ID), ParentID: l.ParentID, ChildKind: l.ChildKind, ChildID: l.ChildID, AllocationWeight: l.Weight}
		if l.TransportID != "" {
			kind, id := l.TransportKind, l.TransportID
			link.TransportKind, link.TransportID = &kind, &id
		}
		n.Links = append(n.Links, link)
	}
	return n
}

// Insert stores every record in one transaction.
func (n *Synthetic) Insert(ctx context.Context, db *store.DB) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		for _, step := range []func() error{
			func() error { return store.InsertMany(ctx, tx, n.Providers) },
			func() error { return store.InsertMany(ctx, tx, n.RFSystems) },
			func() error { return store.InsertMany(ctx, tx, n.Assets) },
			func() error { return store.InsertMany(ctx, tx, n.Customers) },
			func() error { return store.InsertMany(ctx, tx, n.Circuits) },
			func() error { return store.InsertMany(ctx, tx, n.RFLinks) },
			func() error { return store.InsertMany(ctx, tx, n.Electrical) },
			func() error { return store.InsertMany(ctx, tx, n.Links) },
		} {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
}
