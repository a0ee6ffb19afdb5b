package attribution

import "github.com/xiber/netos/models"

// Views: each record's P&L, made from the report's figures when asked for.
// Lookups by ID go through the graph's index; lists follow the snapshot.

// Customer is the P&L of the customer with that ID.
func (r *Report) Customer(id string) (CustomerPL, bool) {
	if i, ok := r.f.g.customerIdx.get(id); ok {
		return r.customerAt(i), true
	}
	return CustomerPL{}, false
}

// Customers lists every customer's P&L, in the order of Snapshot.Customers.
func (r *Report) Customers() []CustomerPL {
	out := make([]CustomerPL, r.f.g.nC)
	for i := range out {
		out[i] = r.customerAt(int32(i))
	}
	return out
}

// Asset is the P&L of the infrastructure asset with that ID.
func (r *Report) Asset(id string) (AssetPL, bool) {
	if i, ok := r.f.g.assetIdx.get(id); ok {
		return r.assetAt(i), true
	}
	return AssetPL{}, false
}

// Assets lists every infrastructure asset's P&L, in the order of
// Snapshot.Assets.
func (r *Report) Assets() []AssetPL {
	out := make([]AssetPL, r.f.g.nA)
	for i := range out {
		out[i] = r.assetAt(int32(i))
	}
	return out
}

// Item is the P&L of the circuit or RF link with that ID.
func (r *Report) Item(id string) (ItemPL, bool) {
	if i, ok := r.f.g.itemOf(id); ok {
		return r.itemAt(i), true
	}
	return ItemPL{}, false
}

// Items lists the P&L of every circuit, then every RF link, in snapshot
// order.
func (r *Report) Items() []ItemPL {
	out := make([]ItemPL, len(r.f.itemCost))
	for i := range out {
		out[i] = r.itemAt(int32(i))
	}
	return out
}

// ElectricalService is the P&L of the electrical service with that ID.
func (r *Report) ElectricalService(id string) (ElectricalPL, bool) {
	if i, ok := r.f.g.elecIdx.get(id); ok {
		return r.electricalAt(i), true
	}
	return ElectricalPL{}, false
}

// ElectricalServices lists every electrical service's P&L, in the order of
// Snapshot.Electrical.
func (r *Report) ElectricalServices() []ElectricalPL {
	out := make([]ElectricalPL, len(r.f.g.s.Electrical))
	for i := range out {
		out[i] = r.electricalAt(int32(i))
	}
	return out
}

func (r *Report) customerAt(i int32) CustomerPL {
	f := r.f
	g := f.g
	c := &g.s.Customers[i]
	site := int32(g.nA) + i
	pl := CustomerPL{ID: c.ID, Name: c.Name, Active: c.Active, Revenue: models.Money(f.revenue[i]),
		OwnCost: models.Money(f.own[site]), Cost: models.Money(r.fig.customerCost[i]), ServingLinks: g.in.count(site)}
	pl.InheritedCost = pl.Cost - pl.OwnCost
	pl.Margin = pl.Revenue - pl.Cost
	pl.MarginPct = marginPct(pl.Margin, pl.Revenue)
	if f.cost[i].isZero() {
		pl.UnattributedRevenue = pl.Revenue
	}
	return pl
}

func (r *Report) assetAt(i int32) AssetPL {
	f := r.f
	g := f.g
	a := &g.s.Assets[i]
	pl := AssetPL{ID: a.ID, Name: a.Name, Active: a.Active, MRC: models.Money(f.mrc[i]),
		ElectricalCost: models.Money(f.own[i] - f.mrc[i]), Own: models.Money(f.own[i]),
		Attached: models.Money(f.attached[i]), Pool: models.Money(r.fig.pool[i]),
		SiteChildren:        len(g.outSite.of(i)),
		DownstreamCustomers: int(r.fig.downCount[i]), DownstreamRevenue: models.Money(r.fig.downRevenue[i]),
		AttributedRevenue: models.Money(r.fig.poolRevenue[i]), MRCRevenue: models.Money(r.fig.mrcRevenue[i])}
	pl.Inherited = pl.Pool - pl.Own - pl.Attached
	pl.Margin = pl.AttributedRevenue - pl.Pool
	pl.MarginPct = marginPct(pl.Margin, pl.AttributedRevenue)
	pl.MRCMargin = pl.MRCRevenue - pl.MRC
	if pl.SiteChildren == 0 {
		pl.Stranded = pl.Pool
	}
	return pl
}

func (r *Report) itemAt(i int32) ItemPL {
	f := r.f
	g := f.g
	it, kind := g.itemRef(i)
	pl := ItemPL{ID: it.ID, Label: it.Label, Kind: kind, Counts: it.Counts, Cost: models.Money(f.itemCost[i]),
		Placement: Placement{Kind: PlacementNone}, AttributedRevenue: models.Money(r.fig.itemRevenue[i])}
	pl.Margin = pl.AttributedRevenue - pl.Cost
	pl.MarginPct = marginPct(pl.Margin, pl.AttributedRevenue)
	ei := g.place[i]
	if ei < 0 {
		return pl
	}
	e := &g.links[ei]
	pl.Placement.InfrastructureID = g.siteID(e.parent)
	pl.Placement.LinkID = g.linkID(ei)
	if e.isItem {
		pl.Placement.Kind = PlacementChild
		pl.CustomersServed = int(r.fig.downCount[e.parent])
		return pl
	}
	pl.Placement.Kind = PlacementTransport
	pl.Placement.ChildKind, pl.Placement.ChildID = g.siteKind(e.child), g.siteID(e.child)
	n, _ := f.below(e.child, r.fig.downCount, r.fig.downRevenue)
	pl.CustomersServed = int(n)
	return pl
}

func (r *Report) electricalAt(i int32) ElectricalPL {
	g := r.f.g
	e := &g.s.Electrical[i]
	pl := ElectricalPL{ID: e.ID, SiteKind: e.SiteKind, SiteID: e.SiteID}
	if g.elecSite[i] < 0 {
		return pl
	}
	pl.Counts, pl.Cost, pl.AttributedRevenue = true, e.Cost, models.Money(r.fig.elecRevenue[i])
	pl.Margin = pl.AttributedRevenue - pl.Cost
	pl.MarginPct = marginPct(pl.Margin, pl.AttributedRevenue)
	return pl
}
