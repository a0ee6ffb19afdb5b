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

// report rounds the exact flows into the figures of a Report.
func (f *flows) report() (*Report, error) {
	g, s := f.g, f.g.s
	r := &Report{
		Customers:  make([]CustomerPL, g.nC),
		Assets:     make([]AssetPL, g.nA),
		Items:      make([]ItemPL, len(f.itemCost)),
		Electrical: make([]ElectricalPL, len(s.Electrical)),
		f:          f,
	}
	costs, err := f.roundCosts()
	if err != nil {
		return nil, err
	}
	rev, err := f.roundRevenue()
	if err != nil {
		return nil, err
	}
	var d downstreamFigures
	d.count, d.revenue = f.downstream()
	var pct pctSlab
	r.fillCustomers(costs.customer, &pct)
	if err := r.fillAssets(costs.pool, rev.mrc, d, &pct); err != nil {
		return nil, err
	}
	r.fillItems(rev.item, d, &pct)
	r.fillElectrical(rev.elec, &pct)
	slices.SortFunc(r.Stranded, func(a, b StrandedItem) int {
		return cmp.Or(cmp.Compare(b.Amount, a.Amount), strings.Compare(a.Label, b.Label),
			strings.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID))
	})
	r.Totals.TotalCost = models.Money(f.totalCost)
	r.Totals.TotalRevenue = models.Money(f.totalRevenue)
	r.Totals.TotalMargin = r.Totals.TotalRevenue - r.Totals.TotalCost
	return r, nil
}

// downstreamFigures are, per asset, the distinct active customers below it
// and their revenue.
type downstreamFigures struct {
	count   []int32
	revenue []int64
}

func (r *Report) fillCustomers(cost []int64, pct *pctSlab) {
	f := r.f
	g := f.g
	for i := range g.s.Customers {
		c := &g.s.Customers[i]
		pl := &r.Customers[i]
		*pl = CustomerPL{ID: c.ID, Name: c.Name, Active: c.Active, Revenue: models.Money(f.revenue[i]),
			OwnCost: models.Money(f.own[g.nA+i]), Cost: models.Money(cost[i]),
			ServingLinks: g.in.count(int32(g.nA + i))}
		pl.InheritedCost = pl.Cost - pl.OwnCost
		pl.Margin = pl.Revenue - pl.Cost
		pl.MarginPct = pct.of(pl.Margin, pl.Revenue)
		if f.cost[i].isZero() {
			pl.UnattributedRevenue = pl.Revenue
			r.Totals.UnattributedRevenue += pl.Revenue
		}
		r.Totals.AttributedCost += pl.Cost
	}
}

func (r *Report) fillAssets(pool, mrcRevenue []int64, d downstreamFigures, pct *pctSlab) error {
	f := r.f
	g := f.g
	for i := range g.s.Assets {
		a := &g.s.Assets[i]
		pl := &r.Assets[i]
		*pl = AssetPL{ID: a.ID, Name: a.Name, Active: a.Active, MRC: models.Money(f.mrc[i]),
			ElectricalCost: models.Money(f.own[i] - f.mrc[i]), Own: models.Money(f.own[i]),
			Attached: models.Money(f.attached[i]), Pool: models.Money(pool[i]),
			SiteChildren:        len(g.outSite.of(int32(i))),
			DownstreamCustomers: int(d.count[i]), DownstreamRevenue: models.Money(d.revenue[i]),
			MRCRevenue: models.Money(mrcRevenue[i])}
		pl.Inherited = pl.Pool - pl.Own - pl.Attached
		if !f.pool[i].isZero() && !f.rho[i].isZero() {
			// The revenue reaching the pool is pool·ρ; it stands alone.
			v, ok1 := mulRatio(f.pool[i], f.rho[i])
			cents, fr, ok2 := v.split()
			if !ok1 || !ok2 {
				return errRange
			}
			pl.AttributedRevenue = models.Money(roundHalfUp(cents, fr))
		}
		pl.Margin = pl.AttributedRevenue - pl.Pool
		pl.MarginPct = pct.of(pl.Margin, pl.AttributedRevenue)
		pl.MRCMargin = pl.MRCRevenue - pl.MRC
		if pl.SiteChildren == 0 {
			pl.Stranded = pl.Pool
			r.Totals.StrandedCost += pl.Stranded
			if !f.pool[i].isZero() {
				r.Stranded = append(r.Stranded, StrandedItem{Kind: models.KindInfrastructure, ID: a.ID, Label: a.Name, Amount: pl.Pool})
			}
		}
		r.Totals.AttributedRevenue += pl.MRCRevenue
	}
	return nil
}

func (r *Report) fillItems(revenue []int64, d downstreamFigures, pct *pctSlab) {
	f := r.f
	g := f.g
	for i := range r.Items {
		it, kind := g.itemRef(int32(i))
		pl := &r.Items[i]
		*pl = ItemPL{ID: it.ID, Label: it.Label, Kind: kind, Counts: it.Counts, Cost: models.Money(f.itemCost[i]),
			Placement: Placement{Kind: PlacementNone}, AttributedRevenue: models.Money(revenue[i])}
		pl.Margin = pl.AttributedRevenue - pl.Cost
		pl.MarginPct = pct.of(pl.Margin, pl.AttributedRevenue)
		r.Totals.AttributedRevenue += pl.AttributedRevenue
		ei := g.place[i]
		if ei < 0 {
			if pl.Cost != 0 {
				r.Totals.StrandedCost += pl.Cost
				r.Stranded = append(r.Stranded, StrandedItem{Kind: kind, ID: it.ID, Label: it.Label, Amount: pl.Cost})
			}
			continue
		}
		e := &g.links[ei]
		pl.Placement.InfrastructureID = g.siteID(e.parent)
		pl.Placement.LinkID = g.linkID(ei)
		if e.isItem {
			pl.Placement.Kind = PlacementChild
			pl.CustomersServed = int(d.count[e.parent])
			continue
		}
		pl.Placement.Kind = PlacementTransport
		pl.Placement.ChildKind, pl.Placement.ChildID = g.siteKind(e.child), g.siteID(e.child)
		n, _ := f.below(e.child, d.count, d.revenue)
		pl.CustomersServed = int(n)
	}
}

func (r *Report) fillElectrical(revenue []int64, pct *pctSlab) {
	g := r.f.g
	for i := range g.s.Electrical {
		e := &g.s.Electrical[i]
		pl := &r.Electrical[i]
		*pl = ElectricalPL{ID: e.ID, SiteKind: e.SiteKind, SiteID: e.SiteID}
		if g.elecSite[i] < 0 {
			continue
		}
		pl.Counts, pl.Cost, pl.AttributedRevenue = true, e.Cost, models.Money(revenue[i])
		pl.Margin = pl.AttributedRevenue - pl.Cost
		pl.MarginPct = pct.of(pl.Margin, pl.AttributedRevenue)
		r.Totals.AttributedRevenue += pl.AttributedRevenue
	}
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
