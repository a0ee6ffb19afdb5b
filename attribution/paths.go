package attribution

import (
	"cmp"
	"slices"
	"strings"

	"github.com/xiber/netos/models"
)

// MaxServingPaths caps the serving paths reported for one customer. A
// multi-homed customer below multi-homed assets has as many paths as the
// product of their parents, so the count can explode; past the cap the
// rest are left out (ServingPathCount still counts them all, up to
// MaxPathCount).
const MaxServingPaths = 100

// MaxPathCount is where ServingPathCount stops counting.
const MaxPathCount = 1 << 40

// Hop is one asset on a serving path, with the transport of the link
// leaving it toward the next site (for the last hop, the transport into the
// customer); the transport fields are "" when that link has none.
type Hop struct {
	InfrastructureID   string
	InfrastructureName string
	TransportKind      string
	TransportID        string
	TransportLabel     string
}

// ServingPaths lists the paths from a root asset (one with no live parents)
// down to a customer, each from the root. Paths are explored upward from
// the customer through parents in order of name then ID, and at most
// MaxServingPaths are returned, sorted by the names then IDs of their
// assets, then by their transports.
// It is nil for an unknown customer or one without parents.
func (r *Report) ServingPaths(customerID string) [][]Hop {
	g := r.f.g
	c, ok := g.siteOf(customerID)
	if !ok || g.isAsset(c) {
		return nil
	}
	var paths [][]Hop
	var up []Hop // hops from the customer upward
	var climb func(site int32)
	climb = func(site int32) {
		for _, ei := range r.sortedParents(site) {
			if len(paths) == MaxServingPaths {
				return
			}
			e := &g.links[ei]
			h := Hop{InfrastructureID: g.siteID(e.parent), InfrastructureName: g.siteName(e.parent)}
			if e.transport >= 0 {
				it, kind := g.itemRef(e.transport)
				h.TransportKind, h.TransportID, h.TransportLabel = kind, it.ID, it.Label
			}
			up = append(up, h)
			if g.in.count(e.parent) == 0 {
				path := slices.Clone(up)
				slices.Reverse(path)
				paths = append(paths, path)
			} else {
				climb(e.parent)
			}
			up = up[:len(up)-1]
		}
	}
	climb(c)
	slices.SortFunc(paths, func(a, b []Hop) int {
		for i := range min(len(a), len(b)) {
			if c := cmp.Or(strings.Compare(a[i].InfrastructureName, b[i].InfrastructureName),
				strings.Compare(a[i].InfrastructureID, b[i].InfrastructureID)); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(len(a), len(b)); c != 0 {
			return c
		}
		for i := range a { // the same assets, over different transports
			if c := strings.Compare(a[i].TransportID, b[i].TransportID); c != 0 {
				return c
			}
		}
		return 0
	})
	return paths
}

// ServingPathCount counts a customer's serving paths without listing them
// (saturating at MaxPathCount), so that a caller can tell when
// ServingPaths left some out.
func (r *Report) ServingPathCount(customerID string) int64 {
	g := r.f.g
	c, ok := g.siteOf(customerID)
	if !ok || g.isAsset(c) {
		return 0
	}
	memo := map[int32]int64{}
	var count func(site int32) int64
	count = func(site int32) int64 {
		lo, hi := g.in.of(site)
		if lo == hi {
			return 1
		}
		if n, ok := memo[site]; ok {
			return n
		}
		var n int64
		for _, e := range g.links[lo:hi] {
			n = min(n+count(e.parent), MaxPathCount)
		}
		memo[site] = n
		return n
	}
	if g.in.count(c) == 0 {
		return 0
	}
	return count(c)
}

// MaxTreeNodes caps the nodes Tree returns: in a DAG a site appears once
// under each of its parents, so a deep tree can be far larger than the
// network.
const MaxTreeNodes = 10_000

// TreeNode is a site, circuit or RF link in the tree below an asset, with
// its figures.
type TreeNode struct {
	// Kind is one of models.ChildKinds.
	Kind     string
	ID, Name string
	// Via is the link from the parent node; nil at the root.
	Via *Flow
	// Exactly one of Asset, Customer and Item is set, by Kind.
	Asset    *AssetPL
	Customer *CustomerPL
	Item     *ItemPL
	// Children are in the order of Report.Children.
	Children []*TreeNode
	// More is true when the node has children that the depth or
	// MaxTreeNodes left out.
	More bool
}

// Tree returns the tree below an asset to the given depth (0: the asset
// alone; 1: with its children…), built breadth first so that the node cap
// trims the deepest levels. The error matches models.ErrNotFound for an
// unknown asset.
func (r *Report) Tree(assetID string, depth int) (*TreeNode, error) {
	pl, ok := r.Asset(assetID)
	if !ok {
		return nil, models.NotFound("infrastructure asset", assetID)
	}
	root := &TreeNode{Kind: models.KindInfrastructure, ID: pl.ID, Name: pl.Name, Asset: &pl}
	nodes := 1
	level := []*TreeNode{root}
	for d := 0; len(level) > 0; d++ {
		var next []*TreeNode
		for _, n := range level {
			if n.Kind != models.KindInfrastructure {
				continue
			}
			kids := r.Children(n.ID)
			if len(kids) == 0 {
				continue
			}
			if d >= depth || nodes+len(kids) > MaxTreeNodes {
				n.More = true
				continue
			}
			nodes += len(kids)
			for i := range kids {
				k := &kids[i]
				c := &TreeNode{Kind: k.ChildKind, ID: k.ChildID, Name: k.ChildName, Via: k}
				switch k.ChildKind {
				case models.KindInfrastructure:
					a, _ := r.Asset(k.ChildID)
					c.Asset = &a
				case models.KindCustomer:
					cust, _ := r.Customer(k.ChildID)
					c.Customer = &cust
				default:
					it, _ := r.Item(k.ChildID)
					c.Item = &it
				}
				n.Children = append(n.Children, c)
				next = append(next, c)
			}
		}
		level = next
	}
	return root, nil
}
