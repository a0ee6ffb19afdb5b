package attribution

import "github.com/xiber/netos/models"

// Snapshot is the live attribution graph at one moment: everything Compute
// needs and nothing else. The caller (the store) leaves out soft-deleted
// records and the links they make non-live; the engine copes with whatever
// else is odd (see Compute). Compute keeps a reference to the snapshot for
// names and labels, so do not modify it afterwards.
type Snapshot struct {
	// Assets are the live infrastructure assets.
	Assets []Asset
	// Customers are the live customers.
	Customers []Customer
	// Circuits are the live circuits.
	Circuits []Item
	// RFLinks are the live RF links.
	RFLinks []Item
	// Electrical are the live electrical services.
	Electrical []Electrical
	// Links are the live subtended links: neither the link, its parent nor
	// its child is soft-deleted.
	Links []Link
}

// Asset is a live infrastructure asset.
type Asset struct {
	ID, Name string
	// Active is status == "active": only then does MRC count. Status never
	// changes the graph: an inactive asset still passes its parents' shares on.
	Active bool
	MRC    models.Money
}

// Customer is a live customer site; customers are always leaves.
type Customer struct {
	ID, Name string
	// Active is status == "active": only then does MRR count as revenue. An
	// inactive customer still carries the cost that reaches it.
	Active bool
	MRR    models.Money
}

// Item is a live circuit or RF link: a monthly cost that is placed at most
// once in the graph, as the child of a link or as the transport of one.
type Item struct {
	ID, Label string
	// Counts says whether Cost is a monthly cost today: a circuit that is
	// active or pending_disconnect, an RF link that is active.
	Counts bool
	Cost   models.Money
}

// Electrical is a live electrical service. It always counts while its site
// is live: power bills arrive whatever the site's status.
type Electrical struct {
	ID string
	// SiteKind is models.KindInfrastructure or models.KindCustomer.
	SiteKind string
	SiteID   string
	Cost     models.Money
}

// Link is a live subtended link: ParentID (an asset) serves the child named
// by ChildKind (one of models.ChildKinds) and ChildID.
type Link struct {
	ID, ParentID, ChildKind, ChildID string
	// TransportKind (models.KindCircuit or models.KindRFLink) and TransportID
	// name the item over which a site child is served; both "" when none.
	// Links whose child is a circuit or RF link carry no transport.
	TransportKind, TransportID string
	// Weight is the allocation weight; only its ratio to the parent's other
	// site links matters.
	Weight models.Decimal
}
