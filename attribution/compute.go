package attribution

import (
	"fmt"
	"math/big"
)

// Compute runs the attribution model (docs: spec/ATTRIBUTION.md) over a
// snapshot and returns every figure it reports.
//
// It takes time linear in nodes + links for the model itself: one
// topological pass down for cost, one pass up for revenue. Odd input never
// makes it panic: references to records not in the snapshot are ignored
// (see NewGraph), negative weights read as 0, a cycle of site links is a
// *CycleError (ErrCycle), and duplicate IDs or amounts too large to add up
// in int64 cents are ErrSnapshot. A nil snapshot is an empty network.
func Compute(s *Snapshot) (*Report, error) {
	g, err := NewGraph(s)
	if err != nil {
		return nil, err
	}
	return g.Compute()
}

// Compute runs the attribution model over the graph; see Compute.
func (g *Graph) Compute() (*Report, error) {
	order, err := g.topoOrder()
	if err != nil {
		return nil, err
	}
	f := &flows{g: g, order: order}
	if err := f.costs(); err != nil {
		return nil, err
	}
	f.down()
	f.up()
	return f.report()
}

// flows holds the exact outcome of the two passes. The Report keeps it, to
// break figures down on demand from the very numbers it rounded.
type flows struct {
	g     *Graph
	order []int32 // assets, parents first

	mrc      []int64 // per asset: its MRC when active
	own      []int64 // per site: counting MRC + electrical at it
	attached []int64 // per asset: its circuit and RF link children
	itemCost []int64 // per item: its cost when it counts, else 0
	revenue  []int64 // per customer: its MRR when active, else 0
	wsum     []int64 // per asset: Σ weight of its site links

	totalCost, totalRevenue int64

	inh  []ratio   // per site: inherited cost
	pool []ratio   // per asset: own + attached + inherited
	cost []ratio   // per customer: own + inherited
	rho  []big.Int // per site: revenue per cent of its cost, in 2^-128 units
}

// maxTotal bounds the sum of the magnitudes of all costs, and of all
// revenues, so that no exact sum, part or rounding can overflow int64.
const maxTotal = 1 << 62

// budget adds magnitudes up to maxTotal.
type budget struct {
	sum  uint64
	over bool
}

func (b *budget) add(m int64) {
	u := uint64(m)
	if m < 0 {
		u = uint64(-(m + 1)) + 1
	}
	if u > maxTotal-b.sum {
		b.over = true
		return
	}
	b.sum += u
}

// costs gathers what each site and item costs by itself.
func (f *flows) costs() error {
	g, s := f.g, f.g.s
	var costs, revenue budget
	f.mrc = make([]int64, g.nA)
	f.own = make([]int64, g.nA+g.nC)
	for i := range s.Assets {
		if a := &s.Assets[i]; a.Active {
			costs.add(int64(a.MRC))
			f.mrc[i] = int64(a.MRC)
			f.own[i] = int64(a.MRC)
		}
	}
	for i := range s.Electrical {
		if site := g.elecSite[i]; site >= 0 {
			costs.add(int64(s.Electrical[i].Cost))
			f.own[site] += int64(s.Electrical[i].Cost)
		}
	}
	f.itemCost = make([]int64, len(g.place))
	for i := range f.itemCost {
		if it, _ := g.itemRef(int32(i)); it.Counts {
			costs.add(int64(it.Cost))
			f.itemCost[i] = int64(it.Cost)
		}
	}
	f.revenue = make([]int64, g.nC)
	for i := range s.Customers {
		if c := &s.Customers[i]; c.Active {
			revenue.add(int64(c.MRR))
			f.revenue[i] = int64(c.MRR)
		}
	}
	if costs.over || revenue.over {
		return fmt.Errorf("%w: amounts add up to more than %d cents", ErrSnapshot, int64(maxTotal))
	}
	for _, m := range f.mrc {
		f.totalCost += m
	}
	for i := range s.Electrical {
		if g.elecSite[i] >= 0 {
			f.totalCost += int64(s.Electrical[i].Cost)
		}
	}
	for _, c := range f.itemCost {
		f.totalCost += c
	}
	for _, r := range f.revenue {
		f.totalRevenue += r
	}
	f.attached = make([]int64, g.nA)
	f.wsum = make([]int64, g.nA)
	for i := range g.links {
		e := &g.links[i]
		if e.isItem {
			f.attached[e.parent] += f.itemCost[e.child]
			continue
		}
		w, ok := add64(f.wsum[e.parent], e.weight)
		if !ok {
			return fmt.Errorf("%w: allocation weights of %s overflow", ErrSnapshot, g.siteID(e.parent))
		}
		f.wsum[e.parent] = w
	}
	return nil
}

// share is the fraction of its parent's pool that a site link carries, in
// lowest terms: weight / Σ weights of the parent's site links, or an equal
// share when they all weigh 0.
func (f *flows) share(e *edge) (num, den int64) {
	if w := f.wsum[e.parent]; w > 0 {
		d := gcd(e.weight, w)
		return e.weight / d, w / d
	}
	return 1, int64(len(f.g.outSite.of(e.parent)))
}

// transportCost is what a link's transport adds to its child.
func (f *flows) transportCost(e *edge) int64 {
	if e.transport < 0 {
		return 0
	}
	return f.itemCost[e.transport]
}

// down is the cost pass: parents before children, each asset's pool is
// complete when its turn comes, and it hands every site child its share
// plus the transport's cost.
func (f *flows) down() {
	g := f.g
	f.inh = make([]ratio, g.nA+g.nC)
	f.pool = make([]ratio, g.nA)
	for _, p := range f.order {
		pool := add(f.inh[p], whole(f.own[p]+f.attached[p]))
		f.pool[p] = pool
		for _, ei := range g.outSite.of(p) {
			e := &g.links[ei]
			num, den := f.share(e)
			part := add(scale(pool, num, den), whole(f.transportCost(e)))
			f.inh[e.child] = add(f.inh[e.child], part)
		}
	}
	f.cost = make([]ratio, g.nC)
	for c := range f.cost {
		site := g.nA + c
		f.cost[c] = add(f.inh[site], whole(f.own[site]))
	}
}

// up is the revenue pass. A customer gives each part of its cost R·part/K,
// and an asset passes what reaches it over the parts of its pool the same
// way, so every cent of cost at a site earns the same: ρ = revenue / cost.
// For a customer ρ = R/K; for an asset, the revenue reaching it from child
// x over link e is ρ(x)·share(e)·pool, so ρ = Σ share(e)·ρ(x): one weighted
// sum per asset, children before parents. Revenue(item) is then
// cost(item)·ρ of the site it serves.
//
// A site with no cost passes nothing on (ρ = 0): a customer with K = 0
// keeps its revenue as unattributed, and an asset whose pool is 0 receives
// none in the first place, since what would reach it is proportional to
// its pool.
func (f *flows) up() {
	g := f.g
	f.rho = make([]big.Int, g.nA+g.nC)
	var fc fixedCalc
	for c, r := range f.revenue {
		if r != 0 && !f.cost[c].isZero() {
			fc.quotient(&f.rho[g.nA+c], r, f.cost[c])
		}
	}
	var acc, term, w big.Int
	for i := len(f.order) - 1; i >= 0; i-- {
		p := f.order[i]
		kids := g.outSite.of(p)
		if len(kids) == 0 || f.pool[p].isZero() {
			continue
		}
		acc.SetInt64(0)
		weighted := f.wsum[p] > 0
		for _, ei := range kids {
			e := &g.links[ei]
			x := &f.rho[e.child]
			switch {
			case x.Sign() == 0 || (weighted && e.weight == 0):
			case weighted:
				w.SetInt64(e.weight)
				acc.Add(&acc, term.Mul(x, &w))
			default:
				acc.Add(&acc, x)
			}
		}
		if weighted {
			w.SetInt64(f.wsum[p])
		} else {
			w.SetInt64(int64(len(kids)))
		}
		f.rho[p].Quo(&acc, &w)
	}
}
