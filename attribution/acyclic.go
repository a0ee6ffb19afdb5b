package attribution

import (
	"slices"
	"strings"
)

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
		lo, hi := g.in.of(at)
		for _, e := range g.links[lo:hi] {
			if p := e.parent; indeg[p] > 0 && (next < 0 || g.siteID(p) < g.siteID(next)) {
				next = p
			}
		}
		if next < 0 { // cannot happen (see above); never loop or index on it
			return &CycleError{Path: []string{g.siteID(at)}}
		}
		at = next
	}
	// The walk climbed child → parent; a cycle reads parent → child, and
	// starts at its smallest ID.
	path := make([]string, len(walk))
	for i, a := range walk {
		path[len(walk)-1-i] = g.siteID(a)
	}
	first := 0
	for i, id := range path {
		if id < path[first] {
			first = i
		}
	}
	return &CycleError{Path: append(path[first:], path[:first]...)}
}

// PathBetween returns a shortest path of live site links from fromAssetID
// down to toSiteID, as the IDs of the sites on it (both ends included), or
// nil when there is none. Among shortest paths it picks the one that is
// first by ID at every step, so the answer is deterministic.
func (g *Graph) PathBetween(fromAssetID, toSiteID string) []string {
	from, ok1 := g.siteOf(fromAssetID)
	to, ok2 := g.siteOf(toSiteID)
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
