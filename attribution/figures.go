package attribution

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/xiber/netos/models"
)

// Kinds of the amounts rounded together, in tie-break order; each names
// what portion.ref indexes.
const (
	rankCustomer   uint8 = iota // customers
	rankAsset                   // assets
	rankElectrical              // electrical services
	rankItem                    // items
	rankLink                    // links (edges)
)

// portionID is the ID that breaks a tie between equal fractions.
func (f *flows) portionID(p *portion) string {
	g := f.g
	switch p.kind {
	case rankCustomer:
		return g.s.Customers[p.ref].ID
	case rankAsset:
		return g.s.Assets[p.ref].ID
	case rankElectrical:
		return g.s.Electrical[p.ref].ID
	case rankItem:
		it, _ := g.itemRef(p.ref)
		return it.ID
	case rankLink:
		return g.linkID(p.ref)
	}
	return ""
}

var errRange = fmt.Errorf("%w: a figure does not fit in int64 cents", ErrSnapshot)

// figures are the reported (rounded) figures that views are made of, by
// record index.
type figures struct {
	customerCost []int64 // per customer
	pool         []int64 // per asset
	poolRevenue  []int64 // per asset: the revenue reaching its pool
	mrcRevenue   []int64 // per asset: the revenue reaching its MRC
	elecRevenue  []int64 // per electrical service
	itemRevenue  []int64 // per item
	downCount    []int32 // per asset: distinct active customers below it
	downRevenue  []int64 // per asset: their revenue
}

// report rounds the exact flows into the figures of a Report. The records'
// P&L structs are made when asked for (views.go), not here: at 200,000
// records, building them all would be a third of a recompute, and a
// request seldom reads more than a page of them.
func (f *flows) report() (*Report, error) {
	g, s := f.g, f.g.s
	r := &Report{f: f}
	costs, err := f.roundCosts()
	if err != nil {
		return nil, err
	}
	rev, err := f.roundRevenue()
	if err != nil {
		return nil, err
	}
	r.fig = figures{customerCost: costs.customer, pool: costs.pool,
		mrcRevenue: rev.mrc, elecRevenue: rev.elec, itemRevenue: rev.item}
	r.fig.downCount, r.fig.downRevenue = f.downstream()
	if r.fig.poolRevenue, err = f.poolRevenue(); err != nil {
		return nil, err
	}

	t := &r.Totals
	t.TotalCost = models.Money(f.totalCost)
	t.TotalRevenue = models.Money(f.totalRevenue)
	t.TotalMargin = t.TotalRevenue - t.TotalCost
	for c, cost := range r.fig.customerCost {
		t.AttributedCost += models.Money(cost)
		if f.cost[c].isZero() {
			t.UnattributedRevenue += models.Money(f.revenue[c])
		}
	}
	for _, part := range [][]int64{rev.mrc, rev.elec, rev.item} {
		for _, v := range part {
			t.AttributedRevenue += models.Money(v)
		}
	}
	for a := range int32(g.nA) {
		if len(g.outSite.of(a)) > 0 {
			continue
		}
		t.StrandedCost += models.Money(r.fig.pool[a])
		if !f.pool[a].isZero() {
			r.Stranded = append(r.Stranded, StrandedItem{Kind: models.KindInfrastructure, ID: s.Assets[a].ID,
				Label: s.Assets[a].Name, Amount: models.Money(r.fig.pool[a])})
		}
	}
	for i, cost := range f.itemCost {
		if g.place[i] < 0 && cost != 0 {
			it, kind := g.itemRef(int32(i))
			t.StrandedCost += models.Money(cost)
			r.Stranded = append(r.Stranded, StrandedItem{Kind: kind, ID: it.ID, Label: it.Label, Amount: models.Money(cost)})
		}
	}
	slices.SortFunc(r.Stranded, func(a, b StrandedItem) int {
		return cmp.Or(cmp.Compare(b.Amount, a.Amount), strings.Compare(a.Label, b.Label),
			strings.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID))
	})
	return r, nil
}

// poolRevenue is the revenue reaching each asset's pool, pool·ρ, rounded
// half up: it is no part of a reported whole.
func (f *flows) poolRevenue() ([]int64, error) {
	out := make([]int64, len(f.pool))
	for a := range f.pool {
		if f.pool[a].isZero() || f.rho[a].isZero() {
			continue
		}
		v, ok1 := mulRatio(f.pool[a], f.rho[a])
		cents, fr, ok2 := v.split()
		if !ok1 || !ok2 {
			return nil, errRange
		}
		out[a] = roundHalfUp(cents, fr)
	}
	return out, nil
}

// roundedCosts are customers' costs and assets' pools, in cents.
type roundedCosts struct {
	customer, pool []int64
}

// roundCosts rounds, as one set adding up to the total cost, every amount
// that carries cost to its end: customers' costs, the pools of assets
// without site children, and counting items placed nowhere (whole cents,
// which the rounding leaves alone, so they simply come off the total). So
// Σ customer costs + stranded = total cost to the cent, and each is its
// exact value rounded down or up. Pools of assets that pass their cost on
// stand alone and are rounded half up.
func (f *flows) roundCosts() (roundedCosts, error) {
	g := f.g
	out := roundedCosts{pool: make([]int64, g.nA)}
	ps := make([]portion, 0, g.nC+g.nA)
	for c := range f.cost {
		w, fr, ok := f.cost[c].split()
		if !ok {
			return out, errRange
		}
		ps = append(ps, portion{whole: w, frac: fr, kind: rankCustomer, ref: int32(c)})
	}
	for a := range int32(g.nA) {
		w, fr, ok := f.pool[a].split()
		if !ok {
			return out, errRange
		}
		if len(g.outSite.of(a)) > 0 {
			out.pool[a] = roundHalfUp(w, fr)
			continue
		}
		ps = append(ps, portion{whole: w, frac: fr, kind: rankAsset, ref: a})
	}
	total := f.totalCost
	for i, c := range f.itemCost {
		if g.place[i] < 0 {
			total -= c
		}
	}
	rounded := largestRemainder(ps, total, f.portionID)
	out.customer = rounded[:g.nC]
	for k, p := range ps[g.nC:] {
		out.pool[p.ref] = rounded[g.nC+k]
	}
	return out, nil
}

// roundedRevenue is the revenue reaching each cost item, in cents.
type roundedRevenue struct {
	mrc, elec, item []int64
}

// roundRevenue rounds the revenue reaching every cost item as one set
// adding up to the revenue of customers that have cost, so that Σ
// revenue(i) + unattributed = Σ revenue to the cent. An item earns ρ of
// the site whose cost it is part of: an asset's MRC, electrical and
// children earn the asset's; a transport earns its link's child's.
func (f *flows) roundRevenue() (roundedRevenue, error) {
	g, s := f.g, f.g.s
	var target int64
	for c, r := range f.revenue {
		if !f.cost[c].isZero() {
			target += r
		}
	}
	out := roundedRevenue{mrc: make([]int64, g.nA), elec: make([]int64, len(s.Electrical)), item: make([]int64, len(f.itemCost))}
	ps := make([]portion, 0, g.nA+len(s.Electrical)+len(f.itemCost))
	dst := make([]*int64, 0, cap(ps))
	put := func(cost int64, site int32, kind uint8, ref int, to *int64) error {
		rho := &f.rho[site]
		if cost == 0 || rho.isZero() {
			return nil
		}
		w, fr, ok := rho.mulInt(cost).split()
		if !ok {
			return errRange
		}
		ps = append(ps, portion{whole: w, frac: fr, kind: kind, ref: int32(ref)})
		dst = append(dst, to)
		return nil
	}
	for a := range g.nA {
		if err := put(f.mrc[a], int32(a), rankAsset, a, &out.mrc[a]); err != nil {
			return out, err
		}
	}
	for i := range s.Electrical {
		if site := g.elecSite[i]; site >= 0 {
			if err := put(int64(s.Electrical[i].Cost), site, rankElectrical, i, &out.elec[i]); err != nil {
				return out, err
			}
		}
	}
	for i, c := range f.itemCost {
		ei := g.place[i]
		if ei < 0 {
			continue
		}
		e := &g.links[ei]
		site := e.child
		if e.isItem {
			site = e.parent
		}
		if err := put(c, site, rankItem, i, &out.item[i]); err != nil {
			return out, err
		}
	}
	for k, n := range largestRemainder(ps, target, f.portionID) {
		*dst[k] = n
	}
	return out, nil
}
