package attribution

import "github.com/xiber/netos/models"

// Report is every figure of the attribution model for one snapshot, rounded
// to the cent so that each reported whole equals the sum of its reported
// parts (see the package documentation). It is read-only once built and
// safe for concurrent use; resolvers share one per snapshot.
//
// Each record's P&L is a view made when asked for: Customer, Asset, Item
// and ElectricalService find one by ID, Customers, Assets, Items and
// ElectricalServices list them all.
type Report struct {
	// Totals are the portfolio figures.
	Totals Totals
	// Stranded is the attribution worklist: cost that no customer carries,
	// largest first, then by label and ID.
	Stranded []StrandedItem

	f   *flows
	fig figures
}

// CustomerPL is a customer's P&L.
type CustomerPL struct {
	ID, Name string
	Active   bool
	// Revenue is MRR when active, else 0.
	Revenue models.Money
	// OwnCost is the electrical at the customer's site.
	OwnCost models.Money
	// InheritedCost is what its parents' shares and transports bring.
	InheritedCost models.Money
	// Cost is the attributed cost: OwnCost + InheritedCost.
	Cost models.Money
	// Margin is Revenue − Cost.
	Margin models.Money
	// MarginPct is Margin / Revenue in percent (3.0 = 3 %), nil when
	// Revenue is 0.
	MarginPct *models.Decimal
	// UnattributedRevenue is Revenue when the customer has no cost to give
	// it to (K = 0), else 0.
	UnattributedRevenue models.Money
	// ServingLinks counts the live links that serve it; 0 means no serving
	// path.
	ServingLinks int
}

// AssetPL is an infrastructure asset's P&L.
type AssetPL struct {
	ID, Name string
	Active   bool
	// MRC is the asset's MRC when active, else 0.
	MRC models.Money
	// ElectricalCost is the electrical at the asset.
	ElectricalCost models.Money
	// Own is MRC + ElectricalCost.
	Own models.Money
	// Attached is the cost of the circuits and RF links that are its children.
	Attached models.Money
	// Inherited is what its parents' shares and transports bring.
	Inherited models.Money
	// Pool is Own + Attached + Inherited: what it passes on to its site
	// children, or strands when it has none.
	Pool models.Money
	// SiteChildren counts its live links to sites.
	SiteChildren int
	// DownstreamCustomers counts the distinct active customers below it.
	DownstreamCustomers int
	// DownstreamRevenue is their revenue.
	DownstreamRevenue models.Money
	// AttributedRevenue is the revenue that reaches its pool.
	AttributedRevenue models.Money
	// Margin is AttributedRevenue − Pool.
	Margin models.Money
	// MarginPct is Margin / AttributedRevenue in percent, nil when that is 0.
	MarginPct *models.Decimal
	// Stranded is Pool when it has no site children, else 0.
	Stranded models.Money
	// MRCRevenue is the revenue that reaches its MRC as a cost item.
	MRCRevenue models.Money
	// MRCMargin is MRCRevenue − MRC.
	MRCMargin models.Money
}

// Placements of a circuit or RF link.
const (
	PlacementChild     = "child"     // child of an asset: part of its attached cost
	PlacementTransport = "transport" // transport of a link: part of the child's inherited cost
	PlacementNone      = "none"      // placed nowhere: stranded when it counts
)

// Placement says where a circuit or RF link sits in the graph.
type Placement struct {
	// Kind is PlacementChild, PlacementTransport or PlacementNone.
	Kind string
	// InfrastructureID is the parent asset of the link that places it.
	InfrastructureID string
	// LinkID is that link.
	LinkID string
	// ChildKind and ChildID name the site a transport serves.
	ChildKind, ChildID string
}

// ItemPL is the P&L of a circuit or RF link.
type ItemPL struct {
	ID, Label string
	// Kind is models.KindCircuit or models.KindRFLink.
	Kind   string
	Counts bool
	// Cost is the monthly cost when it counts, else 0.
	Cost      models.Money
	Placement Placement
	// AttributedRevenue is the revenue that reaches it.
	AttributedRevenue models.Money
	// Margin is AttributedRevenue − Cost.
	Margin models.Money
	// MarginPct is Margin / AttributedRevenue in percent, nil when that is 0.
	MarginPct *models.Decimal
	// CustomersServed counts the distinct active customers downstream of
	// it: those below its parent asset for a child, those below (or being)
	// the link's child for a transport.
	CustomersServed int
}

// ElectricalPL is the P&L of an electrical service.
type ElectricalPL struct {
	ID       string
	SiteKind string
	SiteID   string
	// Counts is false when its site is not in the snapshot: it then counts
	// nowhere, and its figures are 0.
	Counts bool
	Cost   models.Money
	// AttributedRevenue is the revenue that reaches it.
	AttributedRevenue models.Money
	// Margin is AttributedRevenue − Cost.
	Margin models.Money
	// MarginPct is Margin / AttributedRevenue in percent, nil when that is 0.
	MarginPct *models.Decimal
}

// Totals are the portfolio figures, in which conservation is visible:
// AttributedCost + StrandedCost = TotalCost and AttributedRevenue +
// UnattributedRevenue = TotalRevenue, to the cent.
type Totals struct {
	// TotalCost is every counting cost item: active assets' MRC,
	// electrical at live sites, counting circuits and RF links.
	TotalCost models.Money
	// TotalRevenue is the MRR of active customers.
	TotalRevenue models.Money
	// TotalMargin is TotalRevenue − TotalCost.
	TotalMargin models.Money
	// AttributedCost is the sum of customers' costs.
	AttributedCost models.Money
	// StrandedCost is the sum of the stranded items.
	StrandedCost models.Money
	// AttributedRevenue is the sum of the revenue reaching cost items.
	AttributedRevenue models.Money
	// UnattributedRevenue is the revenue of customers with no cost.
	UnattributedRevenue models.Money
}

// StrandedItem is cost that no customer carries.
type StrandedItem struct {
	// Kind is models.KindInfrastructure (an asset's pool, when it has no
	// site children), models.KindCircuit or models.KindRFLink (a counting
	// item placed nowhere).
	Kind   string
	ID     string
	Label  string
	Amount models.Money
}

// Graph is the resolved snapshot the report was computed from, for the
// questions it answers (PathBetween, ClosingPath) without a second index.
func (r *Report) Graph() *Graph { return r.f.g }
