package attribution

import (
	"fmt"
	"math/rand/v2"

	"github.com/xiber/netos/models"
)

// SyntheticSnapshot builds a deterministic, ISP-shaped network for
// benchmarks and load tests: the same arguments always give the same
// snapshot. It has the given numbers of assets, customers and links
// (fewer links only when too few are asked for to attach every site).
//
// Shape: the first 1 % of assets (at least one) are roots (data centers);
// every other asset hangs below an asset of much lower index, which keeps
// the network acyclic and about five levels deep, with hubs near the top.
// Every customer hangs below an asset. The links left over go to RF link
// children (AP sectors, 65 %), circuit children of the upper tenth (DIA
// and transit, 15 %), second homes of customers (15 %) and second parents
// of assets (5 %: rings and redundant paths). Most
// site links have a transport of their own (a wave or backhaul into an
// asset, an RF endlink into a customer). Weights are mostly 1, some 0,
// some other common values; about one record in twenty does not count
// (inactive asset, customer, circuit or RF link), a few items are placed
// nowhere, and most assets and some customers pay an electrical bill.
func SyntheticSnapshot(assets, customers, links int, seed int64) *Snapshot {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	s := &Snapshot{}
	cents := func(lo, hi int64) models.Money { return models.Money(lo*100 + rng.Int64N((hi-lo)*100+1)) }
	weights := []models.Decimal{0, 500_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000}
	weight := func() models.Decimal { return weights[rng.IntN(len(weights))] }
	counts := func() bool { return rng.IntN(20) != 0 }

	for i := range assets {
		s.Assets = append(s.Assets, Asset{ID: fmt.Sprintf("asset-%06d", i), Name: fmt.Sprintf("Site %06d", i), Active: counts(), MRC: cents(100, 5000)})
		if rng.IntN(5) != 0 {
			s.Electrical = append(s.Electrical, Electrical{ID: fmt.Sprintf("elec-a%06d", i), SiteKind: models.KindInfrastructure, SiteID: s.Assets[i].ID, Cost: cents(50, 800)})
		}
	}
	for i := range customers {
		s.Customers = append(s.Customers, Customer{ID: fmt.Sprintf("cust-%06d", i), Name: fmt.Sprintf("Customer %06d", i), Active: counts(), MRR: cents(50, 5000)})
		if rng.IntN(20) == 0 {
			s.Electrical = append(s.Electrical, Electrical{ID: fmt.Sprintf("elec-c%06d", i), SiteKind: models.KindCustomer, SiteID: s.Customers[i].ID, Cost: cents(20, 300)})
		}
	}
	newItem := func(kind string, lo, hi int64) (string, string) {
		if kind == models.KindCircuit {
			id := fmt.Sprintf("circuit-%06d", len(s.Circuits))
			s.Circuits = append(s.Circuits, Item{ID: id, Label: "CKT-" + id[8:], Counts: counts(), Cost: cents(lo, hi)})
			return kind, id
		}
		id := fmt.Sprintf("rf-%06d", len(s.RFLinks))
		s.RFLinks = append(s.RFLinks, Item{ID: id, Label: "RF-" + id[3:], Counts: counts(), Cost: cents(lo, hi)})
		return kind, id
	}
	link := func(parent int, kind, child string, transport bool, tk string, lo, hi int64) {
		l := Link{ID: fmt.Sprintf("link-%07d", len(s.Links)), ParentID: s.Assets[parent].ID, ChildKind: kind, ChildID: child, Weight: weight()}
		if transport {
			l.TransportKind, l.TransportID = newItem(tk, lo, hi)
		}
		s.Links = append(s.Links, l)
	}
	if assets == 0 {
		return s
	}
	roots := max(1, assets/100)
	// above picks a parent for asset i among the assets well before it.
	above := func(i int) int { return rng.IntN(max(1, i/4)) }
	// tower picks an asset below the roots (any asset when all are roots).
	tower := func() int { return min(roots+rng.IntN(max(1, assets-roots)), assets-1) }
	firstParent := make([]int, assets)
	for i := roots; i < assets && len(s.Links) < links; i++ {
		tk := models.KindCircuit
		if rng.IntN(2) == 0 {
			tk = models.KindRFLink
		}
		firstParent[i] = above(i)
		link(firstParent[i], models.KindInfrastructure, s.Assets[i].ID, rng.IntN(10) != 0, tk, 100, 8000)
	}
	home := make([]int, customers)
	for i := 0; i < customers && len(s.Links) < links; i++ {
		home[i] = tower()
		link(home[i], models.KindCustomer, s.Customers[i].ID, rng.IntN(10) < 6, models.KindRFLink, 10, 200)
	}
	// The links left over: 65 % AP sectors (RF link children), 15 % DIA and
	// transit (circuit children of the upper tenth), 15 % second homes of
	// customers, 5 % second parents of assets (rings and redundant paths).
	// A second link does not repeat the first one's (parent, child) pair.
	for len(s.Links) < links {
		switch roll := rng.IntN(20); {
		case roll < 13:
			_, id := newItem(models.KindRFLink, 20, 500)
			link(rng.IntN(assets), models.KindRFLink, id, false, "", 0, 0)
		case roll < 16:
			_, id := newItem(models.KindCircuit, 200, 10000)
			link(rng.IntN(max(1, assets/10)), models.KindCircuit, id, false, "", 0, 0)
		case roll < 19 && customers > 0:
			i, p := rng.IntN(customers), tower()
			if p != home[i] {
				link(p, models.KindCustomer, s.Customers[i].ID, rng.IntN(2) == 0, models.KindRFLink, 10, 200)
			}
		case assets > roots:
			i := roots + rng.IntN(assets-roots)
			if p := above(i); p != firstParent[i] {
				link(p, models.KindInfrastructure, s.Assets[i].ID, rng.IntN(2) == 0, models.KindCircuit, 100, 3000)
			}
		}
	}
	// A few items bought but not yet placed: the stranded worklist.
	for range max(1, len(s.Circuits)/200) {
		newItem(models.KindCircuit, 100, 2000)
	}
	return s
}
