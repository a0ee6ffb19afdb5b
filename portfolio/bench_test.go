package portfolio_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/portfolio"
	"github.com/xiber/netos/store"
)

// Benchmark scale (issue 6): 100,000 circuits, 10,000 assets and 100,000
// customers, on the graph of attribution.SyntheticSnapshot.
const (
	benchCircuits  = 100_000
	benchAssets    = 10_000
	benchCustomers = 100_000
	benchLinks     = 150_000
)

// BenchmarkDashboard times the dashboard summary at the scale on
// the test run's engine:
//
//   - "cached": nothing written since the last read (the dashboard itself is
//     cached per change and day, like the report);
//   - "warm": a new day — the clock moves one day per read, so the whole
//     dashboard is recomputed, with the attribution report and the
//     dashboard's database reads (kept per change) cached;
//   - "renewal": after a renewal action — the circuit it changed re-read
//     and the dashboard recomputed, the attribution report cached;
//   - "reload": after a sweep that changed over 1,000 circuits — all the
//     dashboard's data re-read and the dashboard recomputed, the
//     attribution report cached;
//   - "cold": the first read after a network write — report, data and
//     dashboard all recomputed.
func BenchmarkDashboard(b *testing.B) {
	db := dbtest.DB(b)
	ctx := auth.WithPrincipal(context.Background(), auth.Principal{User: "bench", Role: auth.ReadOnly})
	start := time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)
	var days atomic.Int64
	now := func() time.Time { return start.AddDate(0, 0, int(days.Load())) }
	if err := insertBenchNetwork(context.Background(), db, now()); err != nil {
		b.Fatal(err)
	}
	net := network.New(db, audit.New(now), now)
	svc := portfolio.New(net, analytics.RenewalPolicy{}, now)
	d, err := svc.Dashboard(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if d.KPIs.TotalCircuits != benchCircuits || d.KPIs.InfrastructureCount != benchAssets {
		b.Fatalf("loaded %d circuits and %d assets", d.KPIs.TotalCircuits, d.KPIs.InfrastructureCount)
	}
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := svc.Dashboard(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			days.Add(1)
			if _, err := svc.Dashboard(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("renewal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			svc.MarkCircuitsChanged("circuit-x099999")
			if _, err := svc.Dashboard(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reload", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			svc.DropCachedDashboard()
			if _, err := svc.Dashboard(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			net.GraphChanged()
			if _, err := svc.Dashboard(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// insertBenchNetwork stores the synthetic graph, then tops the circuits up
// to benchCircuits (unplaced ones), every circuit with a varied contract.
func insertBenchNetwork(ctx context.Context, db *store.DB, now time.Time) error {
	s := attribution.SyntheticSnapshot(benchAssets, benchCustomers, benchLinks, 1)
	rng := rand.New(rand.NewPCG(6, 6))
	rec := func(id string) models.Record {
		return models.Record{ID: id, CreatedAt: now, UpdatedAt: now, Version: 1}
	}
	n := dbtest.SyntheticRecords(s, now)
	n.Providers = make([]models.ServiceProvider, 25)
	for i := range n.Providers {
		name := fmt.Sprintf("Carrier %02d", i)
		n.Providers[i] = models.ServiceProvider{Record: rec(fmt.Sprintf("provider-%02d", i)), Name: name, NameKey: fmt.Sprintf("carrier %02d", i)}
	}
	for i := range n.Assets {
		if i%3 == 0 {
			start := models.NewDate(2022+i%4, time.Month(1+i%12), 1+i%28)
			pct := models.Decimal(2_500_000)
			n.Assets[i].TermStart, n.Assets[i].PriceEscalatorPct = &start, &pct
		}
	}
	items := s.Circuits
	for i := len(items); i < benchCircuits; i++ {
		items = append(items, attribution.Item{ID: fmt.Sprintf("circuit-x%06d", i), Label: fmt.Sprintf("CKT-X%06d", i),
			Counts: rng.IntN(10) != 0, Cost: models.Money(10_000 + rng.Int64N(500_000))})
	}
	services := []string{"wave", "dia", "dark_fiber", "broadband", "ethernet", "mpls", "lte", "other"}
	states := []string{"OH", "GA", "IL", "TX", "CA", "NY", "PA", "MI", ""}
	renewalTypes := []string{"auto", "manual", "month_to_month", "none"}
	today := models.DateOf(now)
	circuits := make([]models.Circuit, len(items))
	for i, it := range items {
		st := "active"
		switch {
		case !it.Counts && i%2 == 0:
			st = "ordered"
		case !it.Counts:
			st = "decommissioned"
		case i%15 == 0:
			st = "pending_disconnect"
		}
		c := models.Circuit{Record: rec(it.ID), Label: it.Label, CarrierID: n.Providers[rng.IntN(len(n.Providers))].ID,
			ServiceType: services[rng.IntN(len(services))], Status: st, MRC: it.Cost, NoticeDays: 60,
			RenewalType: renewalTypes[rng.IntN(len(renewalTypes))], AState: states[rng.IntN(len(states))], ZState: states[rng.IntN(len(states))]}
		if i%10 != 0 { // 90 % have a contract term
			end := today.AddDays(rng.IntN(3*365) - 365)
			start := end.AddMonths(-36).AddDays(1)
			months := int64(36)
			c.TermStart, c.TermEnd, c.TermMonths = &start, &end, &months
		}
		switch i % 4 {
		case 0:
			fee := models.Money(100_000 + rng.Int64N(1_000_000))
			c.ETF = &fee
		case 1:
			pct := models.Decimal(50_000_000)
			c.ETFPct = &pct
		}
		if i%3 == 0 {
			pct := models.Decimal(3_000_000)
			c.EscalatorPct = &pct
		}
		circuits[i] = c
	}
	n.Circuits = circuits
	return n.Insert(ctx, db)
}
