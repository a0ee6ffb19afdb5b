package attribution

import (
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

	assetIdx, customerIdx, circuitIdx, rfLinkIdx, elecIdx *idIndex

	// links are the live links as resolved, site links first, grouped by
	// child in site order: the passes read a site's parent links in one
	// sweep instead of jumping around memory.
	links    []edge
	elecSite []int32 // per electrical service: its site, or -1 when not live
	place    []int32 // per item: the link that places it, or -1

	in      spans // site → its parent links (a range of links)
	outSite csr   // asset → its site links
	outItem csr   // asset → its circuit and RF link children
	elec    csr   // site → its electrical services
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

// spans groups consecutive indices: the entries of node i are lo..hi-1.
type spans []int32

func (s spans) of(i int32) (lo, hi int32) { return s[i], s[i+1] }

func (s spans) count(i int32) int { return int(s[i+1] - s[i]) }

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
// among records of one kind, which would make figures ambiguous; they
// match ErrSnapshot.
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

// index builds the ID indices, one per kind: links name the kind of what
// they point at, and the small indices (assets, circuits) stay in cache
// for the many lookups of parents.
func (g *Graph) index() error {
	s := g.s
	var err error
	build := func(n int, what string, key func(int32) string) *idIndex {
		var x *idIndex
		if err == nil {
			x, err = newIDIndex(n, what, key)
		}
		return x
	}
	g.assetIdx = build(len(s.Assets), "infrastructure asset", func(i int32) string { return s.Assets[i].ID })
	g.customerIdx = build(len(s.Customers), "customer", func(i int32) string { return s.Customers[i].ID })
	g.circuitIdx = build(len(s.Circuits), "circuit", func(i int32) string { return s.Circuits[i].ID })
	g.rfLinkIdx = build(len(s.RFLinks), "RF link", func(i int32) string { return s.RFLinks[i].ID })
	g.elecIdx = build(len(s.Electrical), "electrical service", func(i int32) string { return s.Electrical[i].ID })
	return err
}

// resolved is one link's references, before placements are settled.
type resolved struct {
	parent, child, transport int32 // -1 when missing
	isItem                   bool
}

func (g *Graph) resolveLinks() {
	res := g.resolve()
	g.keepLive(res)
	g.adjacency()
}

// resolve looks up every link's references and elects each item's
// placement (as raw link indices for now). It makes one sweep per kind of
// reference rather than one per link: each sweep works one index, which
// then stays in cache, and its lookups are independent, so the processor
// overlaps their cache misses.
func (g *Graph) resolve() []resolved {
	s := g.s
	res := make([]resolved, len(s.Links))
	for k := range s.Links {
		res[k] = resolved{parent: -1, child: -1, transport: -1}
		if p, ok := g.assetIdx.get(s.Links[k].ParentID); ok {
			res[k].parent = p
		}
	}
	for k := range s.Links {
		switch l, r := &s.Links[k], &res[k]; l.ChildKind {
		case models.KindInfrastructure, models.KindCustomer:
			r.child = g.site(l.ChildKind, l.ChildID)
		case models.KindCircuit, models.KindRFLink:
			r.child = g.item(l.ChildKind, l.ChildID)
			r.isItem = true
		}
	}
	for k := range s.Links {
		if l, r := &s.Links[k], &res[k]; l.TransportID != "" && !r.isItem && r.parent >= 0 && r.child >= 0 {
			r.transport = g.item(l.TransportKind, l.TransportID)
		}
	}
	g.place = make([]int32, g.nCirc+len(s.RFLinks))
	for i := range g.place {
		g.place[i] = -1
	}
	for k, r := range res {
		if r.parent < 0 || r.child < 0 {
			continue
		}
		placed := r.transport
		if r.isItem {
			placed = r.child
		}
		if placed >= 0 && (g.place[placed] < 0 || linkBefore(&s.Links[k], &s.Links[g.place[placed]])) {
			g.place[placed] = int32(k)
		}
	}
	return res
}

// keepLive keeps the live links, each item only where it was elected: site
// links grouped by child (a counting sort), then item links.
func (g *Graph) keepLive(res []resolved) {
	nSites := g.nA + g.nC
	keep := func(k int, r resolved) bool {
		return r.parent >= 0 && r.child >= 0 && (!r.isItem || g.place[r.child] == int32(k))
	}
	bucket := func(r resolved) int32 {
		if r.isItem {
			return int32(nSites)
		}
		return r.child
	}
	start := make([]int32, nSites+2)
	for k, r := range res {
		if keep(k, r) {
			start[bucket(r)+1]++
		}
	}
	for i := range nSites + 1 {
		start[i+1] += start[i]
	}
	g.links = make([]edge, start[nSites+1])
	pos := slices.Clone(start[:nSites+1])
	for k, r := range res {
		if !keep(k, r) {
			continue
		}
		if r.transport >= 0 && g.place[r.transport] != int32(k) {
			r.transport = -1 // placed elsewhere: none here
		}
		b := bucket(r)
		g.links[pos[b]] = edge{raw: int32(k), parent: r.parent, child: r.child, isItem: r.isItem,
			transport: r.transport, weight: max(int64(g.s.Links[k].Weight), 0)}
		pos[b]++
	}
	g.in = start[:nSites+1]
}

// adjacency indexes the live links by parent, and points placements at
// them.
func (g *Graph) adjacency() {
	for i := range g.place {
		g.place[i] = -1
	}
	outSite := make([]int32, len(g.links))
	outItem := make([]int32, len(g.links))
	for i, e := range g.links {
		outSite[i], outItem[i] = -1, -1
		if e.isItem {
			outItem[i] = e.parent
			g.place[e.child] = int32(i)
			continue
		}
		outSite[i] = e.parent
		if e.transport >= 0 {
			g.place[e.transport] = int32(i)
		}
	}
	g.outSite = newCSR(g.nA, outSite)
	g.outItem = newCSR(g.nA, outItem)
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
	switch kind {
	case models.KindInfrastructure:
		if i, ok := g.assetIdx.get(id); ok {
			return i
		}
	case models.KindCustomer:
		if i, ok := g.customerIdx.get(id); ok {
			return int32(g.nA) + i
		}
	}
	return -1
}

// siteOf is the index of the site with that ID, an asset or else a
// customer (IDs are UUIDs: the two never share one).
func (g *Graph) siteOf(id string) (int32, bool) {
	if i, ok := g.assetIdx.get(id); ok {
		return i, true
	}
	if i, ok := g.customerIdx.get(id); ok {
		return int32(g.nA) + i, true
	}
	return -1, false
}

// item is the index of the circuit or RF link of that kind and ID, or -1.
func (g *Graph) item(kind, id string) int32 {
	switch kind {
	case models.KindCircuit:
		if i, ok := g.circuitIdx.get(id); ok {
			return i
		}
	case models.KindRFLink:
		if i, ok := g.rfLinkIdx.get(id); ok {
			return int32(g.nCirc) + i
		}
	}
	return -1
}

// itemOf is the index of the circuit, or else the RF link, with that ID.
func (g *Graph) itemOf(id string) (int32, bool) {
	if i, ok := g.circuitIdx.get(id); ok {
		return i, true
	}
	if i, ok := g.rfLinkIdx.get(id); ok {
		return int32(g.nCirc) + i, true
	}
	return -1, false
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
