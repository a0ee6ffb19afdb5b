package attribution

import (
	"cmp"
	"math/big"
	"slices"
	"strings"

	"github.com/xiber/netos/models"
)

// Kinds of Part.
const (
	PartMRC        = "mrc"        // an asset's own MRC
	PartElectrical = "electrical" // an electrical service at the site
	PartAttached   = "attached"   // a circuit or RF link child of the asset
	PartTransport  = "transport"  // the transport of a link into the site
	PartShare      = "share"      // a parent's share of its pool, over one link
)

// Part is one part of a site's cost, with the revenue it earns.
type Part struct {
	// Kind is one of the Part kinds.
	Kind string
	// ItemKind is models.KindCircuit or models.KindRFLink for attached and
	// transport parts.
	ItemKind string
	// ID is the asset (for its MRC), the electrical service, the circuit or
	// RF link, or the parent asset (for a share).
	ID string
	// LinkID is the link of attached, transport and share parts.
	LinkID  string
	Cost    models.Money
	Revenue models.Money
}

// Parts breaks a site's cost down: for an asset the parts of its pool (own
// items, attached items, then per parent link its transport and share),
// for a customer the parts of its cost (electrical, then per parent link
// its transport and share). Costs add up to the reported Pool or Cost and
// revenues to the reported AttributedRevenue or Revenue, to the cent; each
// breakdown is rounded on its own, so a link's share may show a cent apart
// from its Amount in Children, which is rounded among the parent's
// children. It is nil for an unknown site.
func (r *Report) Parts(siteID string) []Part {
	f := r.f
	g := f.g
	site, ok := g.siteOf(siteID)
	if !ok {
		return nil
	}
	var parts []Part
	var exact []ratio
	put := func(p Part, c ratio) {
		parts = append(parts, p)
		exact = append(exact, c)
	}
	if g.isAsset(site) && g.s.Assets[site].Active {
		put(Part{Kind: PartMRC, ID: siteID}, whole(f.mrc[site]))
	}
	elec := slices.Clone(g.elec.of(site))
	slices.SortFunc(elec, func(a, b int32) int { return strings.Compare(g.s.Electrical[a].ID, g.s.Electrical[b].ID) })
	for _, i := range elec {
		put(Part{Kind: PartElectrical, ID: g.s.Electrical[i].ID}, whole(int64(g.s.Electrical[i].Cost)))
	}
	if g.isAsset(site) {
		for _, fl := range r.itemChildren(site) {
			put(Part{Kind: PartAttached, ItemKind: fl.ChildKind, ID: fl.ChildID, LinkID: fl.LinkID}, whole(int64(fl.Amount)))
		}
	}
	for _, ei := range r.sortedParents(site) {
		e := &g.links[ei]
		if e.transport >= 0 {
			it, kind := g.itemRef(e.transport)
			put(Part{Kind: PartTransport, ItemKind: kind, ID: it.ID, LinkID: g.linkID(ei)}, whole(f.itemCost[e.transport]))
		}
		num, den := f.share(e)
		put(Part{Kind: PartShare, ID: g.siteID(e.parent), LinkID: g.linkID(ei)}, scale(f.pool[e.parent], num, den))
	}

	var cost, revenue models.Money
	if g.isAsset(site) {
		cost, revenue = models.Money(r.fig.pool[site]), models.Money(r.fig.poolRevenue[site])
	} else {
		c := site - int32(g.nA)
		cost = models.Money(r.fig.customerCost[c])
		if !f.cost[c].isZero() {
			revenue = models.Money(f.revenue[c])
		}
	}
	ps := make([]portion, len(parts))
	for i, c := range exact {
		ps[i].whole, ps[i].frac, _ = c.split() // parts are no larger than the whole, which fits
	}
	for i, n := range largestRemainder(ps, int64(cost), nil) {
		parts[i].Cost = models.Money(n)
	}
	if revenue == 0 {
		return parts
	}
	r.partRevenue(site, exact, ps)
	for i, n := range largestRemainder(ps, int64(revenue), nil) {
		parts[i].Revenue = models.Money(n)
	}
	return parts
}

// partRevenue sets ps to the revenue each part of a site's cost earns. For
// a customer it is exact, R·part/K; for an asset it is part·ρ, in fixed
// point like every revenue that has come up through assets.
func (r *Report) partRevenue(site int32, exact []ratio, ps []portion) {
	f := r.f
	g := f.g
	if g.isAsset(site) {
		for i, c := range exact {
			v, _ := mulRatio(c, f.rho[site])
			ps[i].whole, ps[i].frac, _ = v.split()
		}
		return
	}
	c := site - int32(g.nA)
	per := new(big.Rat).SetInt64(f.revenue[c])
	per.Quo(per, f.cost[c].rat())
	for i, part := range exact {
		ps[i].whole, ps[i].frac, _ = fromRat(new(big.Rat).Mul(per, part.rat())).split()
	}
}

// Flow is a live link as the money sees it.
type Flow struct {
	LinkID   string
	ParentID string
	// ChildKind is one of models.ChildKinds; ChildName is the site's name
	// or the item's label.
	ChildKind, ChildID, ChildName string
	// TransportKind, TransportID and TransportLabel name the transport of a
	// site link, "" when none.
	TransportKind, TransportID, TransportLabel string
	// Weight is the link's allocation weight as stored.
	Weight models.Decimal
	// Share is the fraction of the parent's pool the link carries, to six
	// decimals (display only; the arithmetic is exact). 0 for item children.
	Share models.Decimal
	// Amount is that share of the parent's pool, rounded together with the
	// parent's other site children so that they add up to its Pool; for a
	// circuit or RF link child, the item's cost.
	Amount models.Money
	// TransportCost is the counting cost of the transport, 0 when none.
	TransportCost models.Money
}

// Children lists the live links out of an asset: site children first
// (infrastructure, then customers), then circuits and RF links, each by
// name or label, then ID. It is nil for an unknown asset or a customer.
func (r *Report) Children(assetID string) []Flow {
	g := r.f.g
	p, ok := g.siteOf(assetID)
	if !ok || !g.isAsset(p) {
		return nil
	}
	kids := g.outSite.of(p)
	amounts := r.shareAmounts(p)
	flows := make([]Flow, 0, len(kids))
	for k, ei := range kids {
		flows = append(flows, r.siteFlow(ei, amounts[k]))
	}
	slices.SortFunc(flows, func(a, b Flow) int {
		return cmp.Or(strings.Compare(a.ChildKind, b.ChildKind), strings.Compare(a.ChildName, b.ChildName),
			strings.Compare(a.ChildID, b.ChildID), strings.Compare(a.LinkID, b.LinkID))
	})
	return append(flows, r.itemChildren(p)...)
}

// Parents lists the live links into a site, by parent name, ID, then link
// ID; Amount is as in Children. It is nil for an unknown site or a root.
func (r *Report) Parents(siteID string) []Flow {
	g := r.f.g
	site, ok := g.siteOf(siteID)
	if !ok {
		return nil
	}
	var flows []Flow
	for _, ei := range r.sortedParents(site) {
		p := g.links[ei].parent
		amount := models.Money(0)
		for k, sib := range g.outSite.of(p) {
			if sib == ei {
				amount = r.shareAmounts(p)[k]
				break
			}
		}
		flows = append(flows, r.siteFlow(ei, amount))
	}
	return flows
}

// sortedParents is the site links into a site, by parent name, parent ID,
// then link ID.
func (r *Report) sortedParents(site int32) []int32 {
	g := r.f.g
	lo, hi := g.in.of(site)
	in := make([]int32, 0, hi-lo)
	for ei := lo; ei < hi; ei++ {
		in = append(in, ei)
	}
	slices.SortFunc(in, func(a, b int32) int {
		pa, pb := g.links[a].parent, g.links[b].parent
		return cmp.Or(strings.Compare(g.siteName(pa), g.siteName(pb)), strings.Compare(g.siteID(pa), g.siteID(pb)),
			strings.Compare(g.linkID(a), g.linkID(b)))
	})
	return in
}

// shareAmounts splits an asset's reported pool over its site links (in the
// order of g.outSite), to the cent.
func (r *Report) shareAmounts(p int32) []models.Money {
	f := r.f
	g := f.g
	kids := g.outSite.of(p)
	ps := make([]portion, len(kids))
	for k, ei := range kids {
		num, den := f.share(&g.links[ei])
		ps[k].whole, ps[k].frac, _ = scale(f.pool[p], num, den).split()
		ps[k].kind, ps[k].ref = rankLink, ei
	}
	out := make([]models.Money, len(kids))
	for k, n := range largestRemainder(ps, r.fig.pool[p], f.portionID) {
		out[k] = models.Money(n)
	}
	return out
}

// siteFlow describes a site link.
func (r *Report) siteFlow(ei int32, amount models.Money) Flow {
	f := r.f
	g := f.g
	e := &g.links[ei]
	num, den := f.share(e)
	fl := Flow{
		LinkID: g.linkID(ei), ParentID: g.siteID(e.parent),
		ChildKind: g.siteKind(e.child), ChildID: g.siteID(e.child), ChildName: g.siteName(e.child),
		Weight: g.s.Links[e.raw].Weight, Share: fraction(num, den), Amount: amount,
	}
	if e.transport >= 0 {
		it, kind := g.itemRef(e.transport)
		fl.TransportKind, fl.TransportID, fl.TransportLabel = kind, it.ID, it.Label
		fl.TransportCost = models.Money(f.itemCost[e.transport])
	}
	return fl
}

// itemChildren describes an asset's circuit and RF link children, by kind,
// label, then ID.
func (r *Report) itemChildren(p int32) []Flow {
	f := r.f
	g := f.g
	var flows []Flow
	for _, ei := range g.outItem.of(p) {
		e := &g.links[ei]
		it, kind := g.itemRef(e.child)
		flows = append(flows, Flow{
			LinkID: g.linkID(ei), ParentID: g.siteID(p),
			ChildKind: kind, ChildID: it.ID, ChildName: it.Label,
			Weight: g.s.Links[e.raw].Weight, Amount: models.Money(f.itemCost[e.child]),
		})
	}
	slices.SortFunc(flows, func(a, b Flow) int {
		return cmp.Or(strings.Compare(a.ChildKind, b.ChildKind), strings.Compare(a.ChildName, b.ChildName),
			strings.Compare(a.ChildID, b.ChildID), strings.Compare(a.LinkID, b.LinkID))
	})
	return flows
}
