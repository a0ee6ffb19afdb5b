package attribution

import (
	"math/big"

	"github.com/xiber/netos/models"
)

// reference is a slow, literal reading of the spec in big.Rat, to check
// the engine against: pools and costs by recursion over parents, revenue by
// recursion over children, no shortcuts. It expects a valid snapshot (no
// dangling references, each item placed at most once).
type reference struct {
	s        *Snapshot
	asset    map[string]*Asset
	customer map[string]*Customer
	item     map[string]*Item
	into     map[string][]*Link // site links into a site
	out      map[string][]*Link // site links out of an asset
	children map[string][]*Link // item links out of an asset
	memo     map[string]*big.Rat
	revMemo  map[string]*big.Rat
}

func newReference(s *Snapshot) *reference {
	r := &reference{s: s, asset: map[string]*Asset{}, customer: map[string]*Customer{}, item: map[string]*Item{},
		into: map[string][]*Link{}, out: map[string][]*Link{}, children: map[string][]*Link{},
		memo: map[string]*big.Rat{}, revMemo: map[string]*big.Rat{}}
	for i := range s.Assets {
		r.asset[s.Assets[i].ID] = &s.Assets[i]
	}
	for i := range s.Customers {
		r.customer[s.Customers[i].ID] = &s.Customers[i]
	}
	for i := range s.Circuits {
		r.item[s.Circuits[i].ID] = &s.Circuits[i]
	}
	for i := range s.RFLinks {
		r.item[s.RFLinks[i].ID] = &s.RFLinks[i]
	}
	for i := range s.Links {
		l := &s.Links[i]
		if l.ChildKind == models.KindCircuit || l.ChildKind == models.KindRFLink {
			r.children[l.ParentID] = append(r.children[l.ParentID], l)
			continue
		}
		r.into[l.ChildID] = append(r.into[l.ChildID], l)
		r.out[l.ParentID] = append(r.out[l.ParentID], l)
	}
	return r
}

func rat(m models.Money) *big.Rat { return new(big.Rat).SetInt64(int64(m)) }

func (r *reference) itemCost(id string) *big.Rat {
	if it := r.item[id]; it != nil && it.Counts {
		return rat(it.Cost)
	}
	return new(big.Rat)
}

func (r *reference) electrical(siteID string) *big.Rat {
	sum := new(big.Rat)
	for _, e := range r.s.Electrical {
		if e.SiteID == siteID {
			sum.Add(sum, rat(e.Cost))
		}
	}
	return sum
}

func (r *reference) mrc(id string) *big.Rat {
	if a := r.asset[id]; a.Active {
		return rat(a.MRC)
	}
	return new(big.Rat)
}

func (r *reference) attached(id string) *big.Rat {
	sum := new(big.Rat)
	for _, l := range r.children[id] {
		sum.Add(sum, r.itemCost(l.ChildID))
	}
	return sum
}

// share is share(e) of the spec.
func (r *reference) share(l *Link) *big.Rat {
	total := new(big.Rat)
	for _, o := range r.out[l.ParentID] {
		total.Add(total, o.Weight.Rat())
	}
	if total.Sign() == 0 {
		return big.NewRat(1, int64(len(r.out[l.ParentID])))
	}
	return new(big.Rat).Quo(l.Weight.Rat(), total)
}

func (r *reference) transport(l *Link) *big.Rat {
	if l.TransportID == "" {
		return new(big.Rat)
	}
	return r.itemCost(l.TransportID)
}

// sharePart is share(e)·pool(q).
func (r *reference) sharePart(l *Link) *big.Rat {
	return new(big.Rat).Mul(r.share(l), r.pool(l.ParentID))
}

func (r *reference) inherited(id string) *big.Rat {
	sum := new(big.Rat)
	for _, l := range r.into[id] {
		sum.Add(sum, r.sharePart(l))
		sum.Add(sum, r.transport(l))
	}
	return sum
}

func (r *reference) pool(id string) *big.Rat {
	if p, ok := r.memo[id]; ok {
		return p
	}
	p := new(big.Rat).Add(r.mrc(id), r.electrical(id))
	p.Add(p, r.attached(id))
	p.Add(p, r.inherited(id))
	r.memo[id] = p
	return p
}

func (r *reference) cost(id string) *big.Rat {
	return new(big.Rat).Add(r.electrical(id), r.inherited(id))
}

func (r *reference) revenue(id string) *big.Rat {
	if c := r.customer[id]; c.Active {
		return rat(c.MRR)
	}
	return new(big.Rat)
}

// received is the revenue reaching a site's cost: R for a customer with
// cost, Σ over its children of what they pass up for an asset.
func (r *reference) received(id string) *big.Rat {
	if _, ok := r.customer[id]; ok {
		if r.cost(id).Sign() == 0 {
			return new(big.Rat)
		}
		return r.revenue(id)
	}
	if v, ok := r.revMemo[id]; ok {
		return v
	}
	sum := new(big.Rat)
	for _, l := range r.out[id] {
		sum.Add(sum, r.passed(l, r.sharePart(l)))
	}
	r.revMemo[id] = sum
	return sum
}

// passed is what the child of l passes up for one part of its cost.
func (r *reference) passed(l *Link, part *big.Rat) *big.Rat {
	var whole *big.Rat
	if _, ok := r.customer[l.ChildID]; ok {
		whole = r.cost(l.ChildID)
	} else {
		whole = r.pool(l.ChildID)
	}
	if whole.Sign() == 0 {
		return new(big.Rat)
	}
	v := new(big.Rat).Mul(r.received(l.ChildID), part)
	return v.Quo(v, whole)
}

// atSite is revenue(i) of a cost item of amount c that is part of a site's
// own cost (or, for an asset, attached).
func (r *reference) atSite(siteID string, c *big.Rat) *big.Rat {
	var whole *big.Rat
	if _, ok := r.customer[siteID]; ok {
		whole = r.cost(siteID)
	} else {
		whole = r.pool(siteID)
	}
	if whole.Sign() == 0 {
		return new(big.Rat)
	}
	v := new(big.Rat).Mul(r.received(siteID), c)
	return v.Quo(v, whole)
}

// itemRevenue is revenue(i) of a circuit or RF link.
func (r *reference) itemRevenue(id string) *big.Rat {
	for i := range r.s.Links {
		l := &r.s.Links[i]
		if l.ChildID == id && (l.ChildKind == models.KindCircuit || l.ChildKind == models.KindRFLink) {
			return r.atSite(l.ParentID, r.itemCost(id))
		}
		if l.TransportID == id {
			return r.passed(l, r.itemCost(id))
		}
	}
	return new(big.Rat)
}

// halfUp is x rounded to the nearest cent, halves up.
func halfUp(x *big.Rat) models.Money {
	v := new(big.Rat).Add(x, big.NewRat(1, 2))
	return models.Money(new(big.Int).Div(v.Num(), v.Denom()).Int64())
}
