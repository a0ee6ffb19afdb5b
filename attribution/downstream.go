package attribution

import (
	"cmp"
	"slices"
	"strings"
)

// downstream counts, for every asset, the distinct active customers below
// it and their revenue.
//
// Counting distinct descendants in a DAG is not linear in general, so it
// saves what it can: where no node below an asset has two parents (the
// tree-shaped parts of a network), subtrees are disjoint and counts just
// add up; elsewhere a walk marks what it has seen, and still adds up at
// once every subtree that is private to one node.
func (f *flows) downstream() (count []int32, revenue []int64) {
	g := f.g
	indeg := make([]int32, g.nA+g.nC)
	for i := range g.links {
		if e := &g.links[i]; !e.isItem {
			indeg[e.child]++
		}
	}
	// shared[p]: some node below p has more than one parent link.
	shared := make([]bool, g.nA)
	count = make([]int32, g.nA)
	revenue = make([]int64, g.nA)
	mark := make([]int32, g.nA+g.nC) // p+1 once the walk from p has seen a node
	var stack []int32
	for i := len(f.order) - 1; i >= 0; i-- {
		p := f.order[i]
		kids := g.outSite.of(p)
		for _, ei := range kids {
			if c := g.links[ei].child; indeg[c] > 1 || (g.isAsset(c) && shared[c]) {
				shared[p] = true
				break
			}
		}
		if !shared[p] {
			for _, ei := range kids {
				n, r := f.below(g.links[ei].child, count, revenue)
				count[p] += n
				revenue[p] += r
			}
			continue
		}
		stamp := p + 1
		stack = append(stack[:0], p)
		for len(stack) > 0 {
			at := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, ei := range g.outSite.of(at) {
				c := g.links[ei].child
				if mark[c] == stamp {
					continue
				}
				mark[c] = stamp
				if g.isAsset(c) && shared[c] {
					stack = append(stack, c)
					continue
				}
				// A customer, or an asset whose whole subtree is reachable
				// only through it: counted once, here.
				n, r := f.below(c, count, revenue)
				count[p] += n
				revenue[p] += r
			}
		}
	}
	return count, revenue
}

// below is what a site brings to the count of an asset above it: itself
// when it is an active customer, its own count when it is an asset.
func (f *flows) below(site int32, count []int32, revenue []int64) (int32, int64) {
	g := f.g
	if g.isAsset(site) {
		return count[site], revenue[site]
	}
	c := site - int32(g.nA)
	if g.s.Customers[c].Active {
		return 1, f.revenue[c]
	}
	return 0, 0
}

// DownstreamCustomers lists the IDs of every customer below an asset, active
// or not (AssetPL.DownstreamCustomers counts the active ones), each once,
// ordered by name then ID. It is nil for an unknown asset.
func (r *Report) DownstreamCustomers(assetID string) []string {
	g := r.f.g
	p, ok := g.siteIdx[assetID]
	if !ok || !g.isAsset(p) {
		return nil
	}
	seen := make([]bool, g.nA+g.nC)
	var found []int32
	stack := []int32{p}
	for len(stack) > 0 {
		at := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, ei := range g.outSite.of(at) {
			c := g.links[ei].child
			if seen[c] {
				continue
			}
			seen[c] = true
			if g.isAsset(c) {
				stack = append(stack, c)
			} else {
				found = append(found, c)
			}
		}
	}
	slices.SortFunc(found, func(a, b int32) int {
		return cmp.Or(strings.Compare(g.siteName(a), g.siteName(b)), strings.Compare(g.siteID(a), g.siteID(b)))
	})
	ids := make([]string, len(found))
	for i, c := range found {
		ids[i] = g.siteID(c)
	}
	return ids
}
