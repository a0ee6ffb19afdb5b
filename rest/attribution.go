package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/models"
)

// customerFigures are a customer's attribution figures (CONTRACT.md, Customer detail).
type customerFigures struct {
	Revenue       models.Money    `json:"revenue_usd"`
	OwnCost       models.Money    `json:"own_cost_usd"`
	InheritedCost models.Money    `json:"inherited_cost_usd"`
	Cost          models.Money    `json:"attributed_cost_usd"`
	Margin        models.Money    `json:"gross_margin_usd"`
	MarginPct     *models.Decimal `json:"gross_margin_pct"`
	ServingPaths  [][]servingHop  `json:"serving_paths"`
}

// servingHop is one asset on a serving path and the transport leaving it.
type servingHop struct {
	InfrastructureID   string  `json:"infrastructure_id"`
	InfrastructureName string  `json:"infrastructure_name"`
	TransportKind      *string `json:"transport_kind"`
	TransportID        *string `json:"transport_id"`
	TransportLabel     *string `json:"transport_label"`
}

func customerFiguresOf(rep *attribution.Report, id string) customerFigures {
	f := customerFigures{ServingPaths: [][]servingHop{}}
	pl, ok := rep.Customer(id)
	if !ok {
		return f
	}
	f.Revenue, f.OwnCost, f.InheritedCost, f.Cost, f.Margin, f.MarginPct = pl.Revenue, pl.OwnCost, pl.InheritedCost, pl.Cost, pl.Margin, pl.MarginPct
	for _, path := range rep.ServingPaths(id) {
		hops := make([]servingHop, len(path))
		for i, h := range path {
			hops[i] = servingHop{InfrastructureID: h.InfrastructureID, InfrastructureName: h.InfrastructureName,
				TransportKind: optional(h.TransportKind), TransportID: optional(h.TransportID), TransportLabel: optional(h.TransportLabel)}
		}
		f.ServingPaths = append(f.ServingPaths, hops)
	}
	return f
}

// assetFigures are an asset's financial summary (CONTRACT.md, Infrastructure detail).
type assetFigures struct {
	Own                 models.Money    `json:"own_cost_usd"`
	Attached            models.Money    `json:"attached_cost_usd"`
	Inherited           models.Money    `json:"inherited_cost_usd"`
	Pool                models.Money    `json:"pool_usd"`
	DownstreamCustomers int             `json:"downstream_customer_count"`
	DownstreamRevenue   models.Money    `json:"downstream_revenue_usd"`
	AttributedRevenue   models.Money    `json:"attributed_revenue_usd"`
	Margin              models.Money    `json:"margin_usd"`
	MarginPct           *models.Decimal `json:"margin_pct"`
	Stranded            models.Money    `json:"stranded_usd"`
}

func assetFiguresOf(rep *attribution.Report, id string) assetFigures {
	pl, ok := rep.Asset(id)
	if !ok {
		return assetFigures{}
	}
	return assetFiguresFrom(&pl)
}

func assetFiguresFrom(pl *attribution.AssetPL) assetFigures {
	if pl == nil {
		return assetFigures{}
	}
	return assetFigures{pl.Own, pl.Attached, pl.Inherited, pl.Pool, pl.DownstreamCustomers, pl.DownstreamRevenue,
		pl.AttributedRevenue, pl.Margin, pl.MarginPct, pl.Stranded}
}

// placementView says where a circuit or RF link sits in the hierarchy.
type placementView struct {
	Kind             string  `json:"kind"`
	InfrastructureID *string `json:"infrastructure_id"`
	LinkID           *string `json:"link_id"`
}

// itemFigures are a circuit's or RF link's P&L (CONTRACT.md, Circuit detail).
type itemFigures struct {
	Placement         placementView   `json:"placement"`
	MonthlyCost       models.Money    `json:"monthly_cost_usd"`
	AttributedRevenue models.Money    `json:"attributed_revenue_usd"`
	Margin            models.Money    `json:"margin_usd"`
	MarginPct         *models.Decimal `json:"margin_pct"`
	CustomersServed   int             `json:"customers_served"`
}

func itemFiguresOf(rep *attribution.Report, id string) itemFigures {
	pl, ok := rep.Item(id)
	if !ok {
		return itemFigures{Placement: placementView{Kind: attribution.PlacementNone}}
	}
	return itemFigures{
		Placement:   placementView{Kind: pl.Placement.Kind, InfrastructureID: optional(pl.Placement.InfrastructureID), LinkID: optional(pl.Placement.LinkID)},
		MonthlyCost: pl.Cost, AttributedRevenue: pl.AttributedRevenue, Margin: pl.Margin, MarginPct: pl.MarginPct,
		CustomersServed: pl.CustomersServed,
	}
}

// strandedView is one line of the attribution worklist.
type strandedView struct {
	Kind      string       `json:"kind"`
	ID        string       `json:"id"`
	Label     string       `json:"label"`
	Amount    models.Money `json:"amount"`
	AmountUSD models.Money `json:"amount_usd"`
}

// summaryView is GET /api/v1/attribution/summary.
type summaryView struct {
	TotalCost           models.Money   `json:"total_cost_usd"`
	TotalRevenue        models.Money   `json:"total_revenue_usd"`
	TotalMargin         models.Money   `json:"total_margin_usd"`
	AttributedCost      models.Money   `json:"attributed_cost_usd"`
	StrandedCost        models.Money   `json:"stranded_cost_usd"`
	AttributedRevenue   models.Money   `json:"attributed_revenue_usd"`
	UnattributedRevenue models.Money   `json:"unattributed_revenue_usd"`
	StrandedItems       []strandedView `json:"stranded_items"`
}

func (a *API) attributionSummary(w http.ResponseWriter, r *http.Request) {
	rep, err := a.deps.Network.Attribution(r.Context())
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	t := rep.Totals
	v := summaryView{t.TotalCost, t.TotalRevenue, t.TotalMargin, t.AttributedCost, t.StrandedCost, t.AttributedRevenue,
		t.UnattributedRevenue, make([]strandedView, len(rep.Stranded))}
	for i, s := range rep.Stranded {
		v.StrandedItems[i] = strandedView{s.Kind, s.ID, s.Label, s.Amount, s.Amount}
	}
	writeJSON(w, http.StatusOK, v)
}

// treeNodeView is a node of the hierarchy below an asset, with its figures.
type treeNodeView struct {
	Kind          string          `json:"kind"`
	ID            string          `json:"id"`
	Name          string          `json:"name"`
	LinkID        *string         `json:"link_id"`
	TransportKind *string         `json:"transport_kind"`
	TransportID   *string         `json:"transport_id"`
	Share         *models.Decimal `json:"share"`
	AmountUSD     *models.Money   `json:"amount_usd"`
	Figures       any             `json:"figures"`
	Children      []treeNodeView  `json:"children"`
	More          bool            `json:"more"`
}

func treeView(n *attribution.TreeNode) treeNodeView {
	v := treeNodeView{Kind: n.Kind, ID: n.ID, Name: n.Name, More: n.More, Children: make([]treeNodeView, 0, len(n.Children))}
	if n.Via != nil {
		v.LinkID, v.TransportKind, v.TransportID = &n.Via.LinkID, optional(n.Via.TransportKind), optional(n.Via.TransportID)
		v.Share, v.AmountUSD = &n.Via.Share, &n.Via.Amount
	}
	switch {
	case n.Asset != nil:
		v.Figures = assetFiguresFrom(n.Asset)
	case n.Customer != nil:
		v.Figures = map[string]any{"revenue_usd": n.Customer.Revenue, "attributed_cost_usd": n.Customer.Cost,
			"gross_margin_usd": n.Customer.Margin, "gross_margin_pct": n.Customer.MarginPct}
	case n.Item != nil:
		v.Figures = map[string]any{"monthly_cost_usd": n.Item.Cost, "attributed_revenue_usd": n.Item.AttributedRevenue,
			"margin_usd": n.Item.Margin, "margin_pct": n.Item.MarginPct}
	}
	for _, c := range n.Children {
		v.Children = append(v.Children, treeView(c))
	}
	return v
}

// attributionTree is GET /api/v1/infrastructure/{id}/attribution-tree?depth=N:
// the hierarchy below an asset with figures at each node, for drilldowns.
func (a *API) attributionTree(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	q := newParams(r)
	depth := q.intIn("depth", 2, 0, 20)
	if err := q.err(); err != nil {
		WriteError(w, r, err, "query")
		return
	}
	rep, err := a.deps.Network.Attribution(r.Context())
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	tree, err := rep.Tree(id, depth)
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	writeJSON(w, http.StatusOK, treeView(tree))
}

// mountAttribution adds the attribution routes.
func (a *API) mountAttribution(r chi.Router) {
	r.Get("/attribution/summary", a.attributionSummary)
	r.Get("/infrastructure/{id}/attribution-tree", a.attributionTree)
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
