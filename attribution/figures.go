package attribution

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strings"

	"github.com/xiber/netos/models"
)

// Tie-break ranks of the amounts rounded together.
const (
	rankCustomer uint8 = iota
	rankAsset
	rankElectrical
	rankItem
)

var errRange = fmt.Errorf("%w: a figure does not fit in int64 cents", ErrSnapshot)

// report rounds the exact flows into the figures of a Report.
func (f *flows) report() (*Report, error) {
	g, s := f.g, f.g.s
	nItems := len(f.itemCost)
	r := &Report{
		Customers:  make(map[string]*CustomerPL, g.nC),
		Assets:     make(map[string]*AssetPL, g.nA),
		Items:      make(map[string]*ItemPL, nItems),
		Electrical: make(map[string]*ElectricalPL, len(s.Electrical)),
		f:          f,
	}
	custCost, pool, strandedItem, err := f.roundCosts()
	if err != nil {
		return nil, err
	}
	rev, err := f.roundRevenue()
	if err != nil {
		return nil, err
	}
	count, downRev := f.downstream()
	var fc fixedCalc
	var v big.Int
	pct := pctSlab{}

	customers := make([]CustomerPL, g.nC)
	for i := range s.Customers {
		c := &s.Customers[i]
		pl := &customers[i]
		*pl = CustomerPL{ID: c.ID, Name: c.Name, Active: c.Active, Revenue: models.Money(f.revenue[i]),
			OwnCost: models.Money(f.own[g.nA+i]), Cost: models.Money(custCost[i]),
			ServingLinks: len(g.in.of(int32(g.nA + i)))}
		pl.InheritedCost = pl.Cost - pl.OwnCost
		pl.Margin = pl.Revenue - pl.Cost
		pl.MarginPct = pct.of(pl.Margin, pl.Revenue)
		if f.cost[i].isZero() {
			pl.UnattributedRevenue = pl.Revenue
			r.Totals.UnattributedRevenue += pl.Revenue
		}
		r.Customers[c.ID] = pl
		r.Totals.AttributedCost += pl.Cost
	}

	assets := make([]AssetPL, g.nA)
	for i := range s.Assets {
		a := &s.Assets[i]
		pl := &assets[i]
		*pl = AssetPL{ID: a.ID, Name: a.Name, Active: a.Active, MRC: models.Money(f.mrc[i]),
			ElectricalCost: models.Money(f.own[i] - f.mrc[i]), Own: models.Money(f.own[i]),
			Attached: models.Money(f.attached[i]), Pool: models.Money(pool[i]),
			SiteChildren:        len(g.outSite.of(int32(i))),
			DownstreamCustomers: int(count[i]), DownstreamRevenue: models.Money(downRev[i]),
			MRCRevenue: models.Money(rev.mrc[i])}
		pl.Inherited = pl.Pool - pl.Own - pl.Attached
		if !f.pool[i].isZero() && f.rho[i].Sign() != 0 {
			fc.mulRatio(&v, f.pool[i], &f.rho[i])
			cents, fr, ok := fc.split(&v)
			if !ok {
				return nil, errRange
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
		r.Assets[a.ID] = pl
		r.Totals.AttributedRevenue += pl.MRCRevenue
	}

	items := make([]ItemPL, nItems)
	for i := range items {
		it, kind := g.itemRef(int32(i))
		pl := &items[i]
		*pl = ItemPL{ID: it.ID, Label: it.Label, Kind: kind, Counts: it.Counts, Cost: models.Money(f.itemCost[i]),
			Placement: Placement{Kind: PlacementNone}, AttributedRevenue: models.Money(rev.item[i])}
		if ei := g.place[i]; ei >= 0 {
			e := &g.links[ei]
			pl.Placement.InfrastructureID = g.siteID(e.parent)
			pl.Placement.LinkID = g.linkID(ei)
			if e.isItem {
				pl.Placement.Kind = PlacementChild
				pl.CustomersServed = int(count[e.parent])
			} else {
				pl.Placement.Kind = PlacementTransport
				pl.Placement.ChildKind, pl.Placement.ChildID = g.siteKind(e.child), g.siteID(e.child)
				n, _ := f.below(e.child, count, downRev)
				pl.CustomersServed = int(n)
			}
		} else if pl.Cost != 0 {
			r.Totals.StrandedCost += models.Money(strandedItem[i])
			r.Stranded = append(r.Stranded, StrandedItem{Kind: kind, ID: it.ID, Label: it.Label, Amount: models.Money(strandedItem[i])})
		}
		pl.Margin = pl.AttributedRevenue - pl.Cost
		pl.MarginPct = pct.of(pl.Margin, pl.AttributedRevenue)
		r.Items[it.ID] = pl
		r.Totals.AttributedRevenue += pl.AttributedRevenue
	}

	elec := make([]ElectricalPL, len(s.Electrical))
	for i := range s.Electrical {
		if g.elecSite[i] < 0 {
			continue
		}
		e := &s.Electrical[i]
		pl := &elec[i]
		*pl = ElectricalPL{ID: e.ID, SiteKind: e.SiteKind, SiteID: e.SiteID, Cost: e.Cost, AttributedRevenue: models.Money(rev.elec[i])}
		pl.Margin = pl.AttributedRevenue - pl.Cost
		pl.MarginPct = pct.of(pl.Margin, pl.AttributedRevenue)
		r.Electrical[e.ID] = pl
		r.Totals.AttributedRevenue += pl.AttributedRevenue
	}

	slices.SortFunc(r.Stranded, func(a, b StrandedItem) int {
		return cmp.Or(cmp.Compare(b.Amount, a.Amount), strings.Compare(a.Label, b.Label),
			strings.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID))
	})
	r.Totals.TotalCost = models.Money(f.totalCost)
	r.Totals.TotalRevenue = models.Money(f.totalRevenue)
	r.Totals.TotalMargin = r.Totals.TotalRevenue - r.Totals.TotalCost
	return r, nil
}

// roundCosts rounds, as one set adding up to the total cost, every amount
// that carries cost to its end: customers' costs, the pools of assets
// without site children, and counting items placed nowhere. So Σ customer
// costs + stranded = total cost to the cent, and each is ⌊exact⌋ or
// ⌈exact⌉. Pools of assets that pass their cost on stand alone and are
// rounded half up. It returns customers' costs, every asset's pool and the
// stranded amount of each item placed nowhere.
func (f *flows) roundCosts() (custCost, pool, strandedItem []int64, err error) {
	g := f.g
	ps := make([]portion, 0, g.nC)
	for c := range f.cost {
		w, fr, ok := f.cost[c].split()
		if !ok {
			return nil, nil, nil, errRange
		}
		ps = append(ps, portion{whole: w, frac: fr, kind: rankCustomer, id: g.s.Customers[c].ID})
	}
	pool = make([]int64, g.nA)
	var strandedAssets []int32
	for a := range int32(g.nA) {
		w, fr, ok := f.pool[a].split()
		if !ok {
			return nil, nil, nil, errRange
		}
		if len(g.outSite.of(a)) > 0 {
			pool[a] = roundHalfUp(w, fr)
			continue
		}
		strandedAssets = append(strandedAssets, a)
		ps = append(ps, portion{whole: w, frac: fr, kind: rankAsset, id: g.s.Assets[a].ID})
	}
	strandedItem = make([]int64, len(f.itemCost))
	for i, c := range f.itemCost {
		if g.place[i] < 0 {
			// Whole cents: the rounding never changes them.
			strandedItem[i] = c
			ps = append(ps, portion{whole: c, kind: rankItem})
		}
	}
	out := largestRemainder(ps, f.totalCost)
	custCost = out[:g.nC]
	for k, a := range strandedAssets {
		pool[a] = out[g.nC+k]
	}
	return custCost, pool, strandedItem, nil
}

// itemRevenue is the revenue reaching each cost item, rounded.
type itemRevenue struct {
	mrc, elec, item []int64
}

// roundRevenue rounds the revenue reaching every cost item as one set
// adding up to the revenue of customers that have cost, so that Σ
// revenue(i) + unattributed = Σ revenue to the cent.
func (f *flows) roundRevenue() (itemRevenue, error) {
	g, s := f.g, f.g.s
	var target int64
	for c, r := range f.revenue {
		if !f.cost[c].isZero() {
			target += r
		}
	}
	rev := itemRevenue{mrc: make([]int64, g.nA), elec: make([]int64, len(s.Electrical)), item: make([]int64, len(f.itemCost))}
	var ps []portion
	var dst []*int64
	var fc fixedCalc
	var v big.Int
	put := func(cost int64, rho *big.Int, kind uint8, id string, to *int64) error {
		if cost == 0 || rho.Sign() == 0 {
			return nil
		}
		fc.mulWhole(&v, cost, rho)
		w, fr, ok := fc.split(&v)
		if !ok {
			return errRange
		}
		ps = append(ps, portion{whole: w, frac: fr, kind: kind, id: id})
		dst = append(dst, to)
		return nil
	}
	for a := range g.nA {
		if err := put(f.mrc[a], &f.rho[a], rankAsset, s.Assets[a].ID, &rev.mrc[a]); err != nil {
			return rev, err
		}
	}
	for i := range s.Electrical {
		if site := g.elecSite[i]; site >= 0 {
			if err := put(int64(s.Electrical[i].Cost), &f.rho[site], rankElectrical, s.Electrical[i].ID, &rev.elec[i]); err != nil {
				return rev, err
			}
		}
	}
	for i, c := range f.itemCost {
		ei := g.place[i]
		if ei < 0 {
			continue
		}
		e := &g.links[ei]
		at := e.child // a transport earns what its child earns
		if e.isItem {
			at = e.parent // a child item earns what its parent's pool earns
		}
		it, _ := g.itemRef(int32(i))
		if err := put(c, &f.rho[at], rankItem, it.ID, &rev.item[i]); err != nil {
			return rev, err
		}
	}
	for k, n := range largestRemainder(ps, target) {
		*dst[k] = n
	}
	return rev, nil
}

// pctSlab hands out margin percentages from shared blocks, so that a
// report of a hundred thousand customers does not make as many allocations.
type pctSlab struct{ free []models.Decimal }

// of is margin / revenue in percent (six decimals, halves away from zero),
// or nil when revenue is 0.
func (p *pctSlab) of(margin, revenue models.Money) *models.Decimal {
	if revenue == 0 {
		return nil
	}
	if len(p.free) == 0 {
		p.free = make([]models.Decimal, 1024)
	}
	d := &p.free[0]
	p.free = p.free[1:]
	*d = percent(int64(margin), int64(revenue))
	return d
}

// percent is 100·margin/revenue as a Decimal, saturating far beyond any
// meaningful value.
func percent(margin, revenue int64) models.Decimal {
	neg := (margin < 0) != (revenue < 0)
	m, r := magnitude(margin), magnitude(revenue)
	hi, lo := bits.Mul64(m, 100*models.DecimalScale)
	q := uint64(math.MaxInt64)
	if hi < r {
		var rem uint64
		q, rem = bits.Div64(hi, lo, r)
		if rem >= r-rem {
			q++
		}
		q = min(q, math.MaxInt64)
	}
	if neg {
		return models.Decimal(-int64(q))
	}
	return models.Decimal(q)
}

func magnitude(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}
