package attribution

import "fmt"

// Compute runs the attribution model (docs: spec/ATTRIBUTION.md) over a
// snapshot and returns every figure it reports.
//
// It takes time linear in nodes + links for the model itself: one
// topological pass down for cost, one pass up for revenue. Odd input never
// makes it panic: references to records not in the snapshot are ignored
// (see NewGraph), negative weights read as 0, a cycle of site links is a
// *CycleError (ErrCycle), and duplicate IDs within a kind or amounts too
// large to add up in int64 cents are ErrSnapshot. A nil snapshot is an empty network.
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
	if err := f.up(); err != nil {
		return nil, err
	}
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

	pool []ratio // per asset: own + attached + inherited
	cost []ratio // per customer: own + inherited
	rho  []fixed // per site: revenue per cent of its cost
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
	u := magnitude(m)
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

// down is the cost pass. Assets go parents first, so every parent's pool
// is complete when a child pulls its share; customers follow, in order.
// Pulling over a site's parent links, which lie side by side, reads memory
// in one sweep (pushing to children would jump across it at every link).
func (f *flows) down() {
	g := f.g
	f.pool = make([]ratio, g.nA)
	for _, p := range f.order {
		// Reduced once here, so that big fractions stay as small as they can
		// before they are passed on.
		f.pool[p] = f.inherited(p, f.own[p]+f.attached[p]).reduce()
	}
	f.cost = make([]ratio, g.nC)
	for c := range f.cost {
		site := int32(g.nA + c)
		f.cost[c] = f.inherited(site, f.own[site])
	}
}

// inherited is what a site's parent links bring it, Σ share·pool(parent)
// + transport, plus extra whole cents.
func (f *flows) inherited(site int32, extra int64) ratio {
	lo, hi := f.g.in.of(site)
	var sum ratio
	for i := lo; i < hi; i++ {
		e := &f.g.links[i]
		num, den := f.share(e)
		sum = add(sum, scale(f.pool[e.parent], num, den))
		extra += f.transportCost(e)
	}
	return add(sum, whole(extra))
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
func (f *flows) up() error {
	g := f.g
	f.rho = make([]fixed, g.nA+g.nC)
	// acc[p] gathers Σ weight·ρ(child) (or Σ ρ(child) when p's site links
	// all weigh 0); each site pushes into its parents, whose sums stay in
	// cache.
	acc := make([]fixed, g.nA)
	push := func(site int32) {
		x := &f.rho[site]
		if x.isZero() {
			return
		}
		lo, hi := g.in.of(site)
		for i := lo; i < hi; i++ {
			e := &g.links[i]
			switch p := e.parent; {
			case f.wsum[p] == 0:
				acc[p] = acc[p].add(*x)
			case e.weight != 0:
				acc[p] = acc[p].add(x.mulSmall(uint64(e.weight)))
			}
		}
	}
	for c, r := range f.revenue {
		if r == 0 || f.cost[c].isZero() {
			continue
		}
		rho, ok := quotient(r, f.cost[c])
		if !ok {
			return fmt.Errorf("%w: revenue of customer %s is out of proportion to its cost", ErrSnapshot, g.s.Customers[c].ID)
		}
		f.rho[g.nA+c] = rho
		push(int32(g.nA + c))
	}
	// Children before parents. ρ only averages on the way up (the shares of
	// a pool add up to one), so it never outgrows the customers' ρ, and the
	// sums stay within 256 bits.
	for i := len(f.order) - 1; i >= 0; i-- {
		p := f.order[i]
		n := len(g.outSite.of(p))
		if n == 0 || f.pool[p].isZero() {
			continue
		}
		if w := f.wsum[p]; w > 0 {
			f.rho[p] = acc[p].divSmall(uint64(w))
		} else {
			f.rho[p] = acc[p].divSmall(uint64(n))
		}
		push(p)
	}
	return nil
}
