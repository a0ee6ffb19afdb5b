package attribution

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xiber/netos/models"
)

// Graph is a snapshot resolved into dense indices: which links are live,
// where each circuit and RF link is placed, and who is whose parent. Build
// it once with NewGraph and query it as often as needed; it is read-only
// and safe for concurrent use.
//
// Sites are numbered assets first, then customers; items are numbered
// circuits first, then RF links.
type Graph struct {
	s      *Snapshot
	nA, nC int // assets, customers
	nCirc  int // circuits; RF links follow them among items

	siteIdx map[string]int32
	itemIdx map[string]int32

	links    []edge  // live links, as resolved
	elecSite []int32 // per electrical service: its site, or -1 when not live
	place    []int32 // per item: the link that places it, or -1

	outSite csr // asset → its site links
	outItem csr // asset → its circuit and RF link children
	in      csr // site → site links into it
	elec    csr // site → its electrical services
}

// edge is a live link whose every reference resolved.
type edge struct {
	raw       int32 // index in Snapshot.Links
	parent    int32 // asset
	child     int32 // site, or item when isItem
	isItem    bool
	transport int32 // item, or -1 when none (missing, or placed elsewhere)
	weight    int64 // millionths; negative weights read as 0
}

// csr is an adjacency list in compressed sparse row form: the entries of
// node i are list[start[i]:start[i+1]].
type csr struct{ start, list []int32 }

func (c csr) of(i int32) []int32 { return c.list[c.start[i]:c.start[i+1]] }

// newCSR groups the indices 0..len(keys)-1 by key; a key of -1 leaves the
// index out.
func newCSR(n int, keys []int32) csr {
	start := make([]int32, n+1)
	for _, k := range keys {
		if k >= 0 {
			start[k+1]++
		}
	}
	for i := range n {
		start[i+1] += start[i]
	}
	list := make([]int32, start[n])
	pos := slices.Clone(start[:n])
	for i, k := range keys {
		if k >= 0 {
			list[pos[k]] = int32(i)
			pos[k]++
		}
	}
	return csr{start: start, list: list}
}

// NewGraph resolves a snapshot. References to records not in the snapshot
// are ignored: a link whose parent or child is missing is not live, a
// missing transport counts as none, and an electrical service whose site is
// missing counts nowhere. A circuit or RF link placed more than once (the
// write path forbids it) keeps the placement of the link with the smallest
// ID, so that its cost is counted once. The only errors are duplicate IDs
// (among sites, among items or among electrical services), which would make
// figures ambiguous; they match ErrSnapshot.
func NewGraph(s *Snapshot) (*Graph, error) {
	if s == nil {
		s = &Snapshot{}
	}
	g := &Graph{s: s, nA: len(s.Assets), nC: len(s.Customers), nCirc: len(s.Circuits)}
	if err := g.index(); err != nil {
		return nil, err
	}
	g.resolveLinks()
	g.resolveElectrical()
	return g, nil
}

func (g *Graph) index() error {
	s := g.s
	g.siteIdx = make(map[string]int32, g.nA+g.nC)
	for i := range s.Assets {
		if err := addID(g.siteIdx, "site", s.Assets[i].ID, i); err != nil {
			return err
		}
	}
	for i := range s.Customers {
		if err := addID(g.siteIdx, "site", s.Customers[i].ID, g.nA+i); err != nil {
			return err
		}
	}
	g.itemIdx = make(map[string]int32, len(s.Circuits)+len(s.RFLinks))
	for i := range s.Circuits {
		if err := addID(g.itemIdx, "circuit or RF link", s.Circuits[i].ID, i); err != nil {
			return err
		}
	}
	for i := range s.RFLinks {
		if err := addID(g.itemIdx, "circuit or RF link", s.RFLinks[i].ID, g.nCirc+i); err != nil {
			return err
		}
	}
	seen := make(map[string]int32, len(s.Electrical))
	for i := range s.Electrical {
		if err := addID(seen, "electrical service", s.Electrical[i].ID, i); err != nil {
			return err
		}
	}
	return nil
}

func addID(m map[string]int32, what, id string, i int) error {
	if _, dup := m[id]; dup {
		return fmt.Errorf("%w: duplicate %s id %q", ErrSnapshot, what, id)
	}
	m[id] = int32(i)
	return nil
}

// resolved is one link's references, before placements are settled.
type resolved struct {
	parent, child, transport int32 // -1 when missing
	isItem                   bool
}

func (g *Graph) resolveLinks() {
	s := g.s
	res := make([]resolved, len(s.Links))
	nItems := g.nCirc + len(s.RFLinks)
	g.place = make([]int32, nItems)
	for i := range g.place {
		g.place[i] = -1
	}
	// First pass: resolve references and elect each item's placement.
	for k := range s.Links {
		l := &s.Links[k]
		r := resolved{parent: -1, child: -1, transport: -1}
		if p, ok := g.siteIdx[l.ParentID]; ok && p < int32(g.nA) {
			r.parent = p
		}
		switch l.ChildKind {
		case models.KindInfrastructure, models.KindCustomer:
			r.child = g.site(l.ChildKind, l.ChildID)
			if r.parent >= 0 && r.child >= 0 {
				r.transport = g.item(l.TransportKind, l.TransportID)
			}
		case models.KindCircuit, models.KindRFLink:
			r.child = g.item(l.ChildKind, l.ChildID)
			r.isItem = true
		}
		res[k] = r
		if r.parent < 0 || r.child < 0 {
			continue
		}
		placed := r.transport
		if r.isItem {
			placed = r.child
		}
		if placed >= 0 && (g.place[placed] < 0 || linkBefore(l, &s.Links[g.place[placed]])) {
			g.place[placed] = int32(k)
		}
	}
	// Second pass: keep the live links, each item only where it was elected.
	g.links = make([]edge, 0, len(s.Links))
	for k, r := range res {
		if r.parent < 0 || r.child < 0 {
			continue
		}
		if r.isItem && g.place[r.child] != int32(k) {
			continue
		}
		if r.transport >= 0 && g.place[r.transport] != int32(k) {
			r.transport = -1
		}
		e := edge{raw: int32(k), parent: r.parent, child: r.child, isItem: r.isItem, transport: r.transport}
		e.weight = max(int64(s.Links[k].Weight), 0)
		g.links = append(g.links, e)
	}
	// Placements now point at edges, not raw links.
	for i := range g.place {
		g.place[i] = -1
	}
	outSite := make([]int32, len(g.links))
	outItem := make([]int32, len(g.links))
	in := make([]int32, len(g.links))
	for i, e := range g.links {
		outSite[i], outItem[i], in[i] = -1, -1, -1
		if e.isItem {
			outItem[i] = e.parent
			g.place[e.child] = int32(i)
			continue
		}
		outSite[i], in[i] = e.parent, e.child
		if e.transport >= 0 {
			g.place[e.transport] = int32(i)
		}
	}
	g.outSite = newCSR(g.nA, outSite)
	g.outItem = newCSR(g.nA, outItem)
	g.in = newCSR(g.nA+g.nC, in)
}

// linkBefore orders links by ID, and by content when IDs repeat, so that the
// election of a placement does not depend on the order of the snapshot.
func linkBefore(a, b *Link) bool {
	return cmpLinks(a, b) < 0
}

func cmpLinks(a, b *Link) int {
	for _, c := range [...]int{
		strings.Compare(a.ID, b.ID),
		strings.Compare(a.ParentID, b.ParentID),
		strings.Compare(a.ChildKind, b.ChildKind),
		strings.Compare(a.ChildID, b.ChildID),
		strings.Compare(a.TransportKind, b.TransportKind),
		strings.Compare(a.TransportID, b.TransportID),
	} {
		if c != 0 {
			return c
		}
	}
	return 0
}

func (g *Graph) resolveElectrical() {
	s := g.s
	g.elecSite = make([]int32, len(s.Electrical))
	for i := range s.Electrical {
		e := &s.Electrical[i]
		g.elecSite[i] = g.site(e.SiteKind, e.SiteID)
	}
	g.elec = newCSR(g.nA+g.nC, g.elecSite)
}

// site is the index of the site of that kind and ID, or -1.
func (g *Graph) site(kind, id string) int32 {
	i, ok := g.siteIdx[id]
	switch {
	case !ok:
		return -1
	case kind == models.KindInfrastructure && i < int32(g.nA):
		return i
	case kind == models.KindCustomer && i >= int32(g.nA):
		return i
	}
	return -1
}

// item is the index of the circuit or RF link of that kind and ID, or -1.
func (g *Graph) item(kind, id string) int32 {
	i, ok := g.itemIdx[id]
	switch {
	case !ok:
		return -1
	case kind == models.KindCircuit && i < int32(g.nCirc):
		return i
	case kind == models.KindRFLink && i >= int32(g.nCirc):
		return i
	}
	return -1
}

func (g *Graph) isAsset(site int32) bool { return site < int32(g.nA) }

func (g *Graph) siteID(site int32) string {
	if g.isAsset(site) {
		return g.s.Assets[site].ID
	}
	return g.s.Customers[site-int32(g.nA)].ID
}

func (g *Graph) siteName(site int32) string {
	if g.isAsset(site) {
		return g.s.Assets[site].Name
	}
	return g.s.Customers[site-int32(g.nA)].Name
}

func (g *Graph) siteKind(site int32) string {
	if g.isAsset(site) {
		return models.KindInfrastructure
	}
	return models.KindCustomer
}

// itemRef is the record and kind of an item.
func (g *Graph) itemRef(i int32) (*Item, string) {
	if i < int32(g.nCirc) {
		return &g.s.Circuits[i], models.KindCircuit
	}
	return &g.s.RFLinks[i-int32(g.nCirc)], models.KindRFLink
}

func (g *Graph) linkID(e int32) string { return g.s.Links[g.links[e].raw].ID }

// topoOrder lists the assets parents first (Kahn's algorithm), or fails
// with a *CycleError when the site links loop.
func (g *Graph) topoOrder() ([]int32, error) {
	indeg := make([]int32, g.nA)
	for i := range g.links {
		if e := &g.links[i]; !e.isItem && g.isAsset(e.child) {
			indeg[e.child]++
		}
	}
	order := make([]int32, 0, g.nA)
	for a := range int32(g.nA) {
		if indeg[a] == 0 {
			order = append(order, a)
		}
	}
	for h := 0; h < len(order); h++ {
		for _, ei := range g.outSite.of(order[h]) {
			if c := g.links[ei].child; g.isAsset(c) {
				if indeg[c]--; indeg[c] == 0 {
					order = append(order, c)
				}
			}
		}
	}
	if len(order) < g.nA {
		return nil, g.cycle(indeg)
	}
	return order, nil
}

// cycle finds one cycle among the assets Kahn's algorithm could not order
// (those left with parents): each of them has a parent left too, so walking
// up from one must come back to an asset already seen. It starts from the
// smallest ID and climbs to the smallest ID, so the answer is the same
// whatever the order of the snapshot.
func (g *Graph) cycle(indeg []int32) error {
	at := int32(-1)
	for a := range int32(g.nA) {
		if indeg[a] > 0 && (at < 0 || g.siteID(a) < g.siteID(at)) {
			at = a
		}
	}
	seen := map[int32]int{}
	var walk []int32
	for {
		if k, ok := seen[at]; ok {
			walk = walk[k:]
			break
		}
		seen[at] = len(walk)
		walk = append(walk, at)
		next := int32(-1)
		for _, ei := range g.in.of(at) {
			if p := g.links[ei].parent; indeg[p] > 0 && (next < 0 || g.siteID(p) < g.siteID(next)) {
				next = p
			}
		}
		if next < 0 { // cannot happen (see above); never loop or index on it
			return &CycleError{Path: []string{g.siteID(at)}}
		}
		at = next
	}
	// The walk climbed child → parent; a cycle reads parent → child.
	path := make([]string, len(walk))
	for i, a := range walk {
		path[len(walk)-1-i] = g.siteID(a)
	}
	return &CycleError{Path: path}
}

// PathBetween returns a shortest path of live site links from fromAssetID
// down to toSiteID, as the IDs of the sites on it (both ends included), or
// nil when there is none. Among shortest paths it picks the one that is
// first by ID at every step, so the answer is deterministic.
func (g *Graph) PathBetween(fromAssetID, toSiteID string) []string {
	from, ok1 := g.siteIdx[fromAssetID]
	to, ok2 := g.siteIdx[toSiteID]
	if !ok1 || !ok2 || !g.isAsset(from) {
		return nil
	}
	if from == to {
		return []string{fromAssetID}
	}
	prev := map[int32]int32{from: -1}
	queue := []int32{from}
	var kids []int32
	for h := 0; h < len(queue); h++ {
		at := queue[h]
		if !g.isAsset(at) {
			continue
		}
		kids = kids[:0]
		for _, ei := range g.outSite.of(at) {
			kids = append(kids, g.links[ei].child)
		}
		slices.SortFunc(kids, func(a, b int32) int { return strings.Compare(g.siteID(a), g.siteID(b)) })
		for _, c := range kids {
			if _, seen := prev[c]; seen {
				continue
			}
			prev[c] = at
			if c == to {
				var path []string
				for x := to; x >= 0; x = prev[x] {
					path = append(path, g.siteID(x))
				}
				slices.Reverse(path)
				return path
			}
			queue = append(queue, c)
		}
	}
	return nil
}

// ClosingPath answers the write path's question before it stores a site
// link parentID → childID: would it close a cycle? It returns the existing
// path childID → … → parentID that the new link would close (just
// [parentID] for a self-link), or nil when the link is safe.
func (g *Graph) ClosingPath(parentID, childID string) []string {
	if parentID == childID {
		return []string{parentID}
	}
	return g.PathBetween(childID, parentID)
}
