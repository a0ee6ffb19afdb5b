package attribution

import (
	"cmp"
	"slices"
	"strings"
)

// downstream counts, for every asset, the distinct active customers below
// it and their revenue.
//
// Counting distinct descendants in a DAG is not linear in general; this
// makes it cheap for networks shaped like networks. A site with exactly one
// parent link is reachable only through that parent, so the sites split
// into a forest of single-parent subtrees, each under a "head" (a root, or
// a site with two or more parents), and counts add up within a subtree.
// What an asset reaches is its own subtree plus, for every head entered
// from that subtree (its exits), everything the head reaches; those parts
// are disjoint, so a walk over heads alone, marking the ones seen, counts
// each customer once. The work is linear on trees and grows only with the
// number of multi-parent sites times their ancestors.
func (f *flows) downstream() (count []int32, revenue []int64) {
	g := f.g
	// Subtree counts: every site with a single parent adds what it brings
	// to that parent's, customers first, then assets children first (so
	// that an asset's count is complete when it is added to its parent's).
	count = make([]int32, g.nA)
	revenue = make([]int64, g.nA)
	toParent := func(site int32) {
		if g.in.count(site) == 1 {
			n, r := f.below(site, count, revenue)
			p := g.links[g.in[site]].parent
			count[p] += n
			revenue[p] += r
		}
	}
	for c := int32(g.nA); c < int32(g.nA+g.nC); c++ {
		toParent(c)
	}
	for i := len(f.order) - 1; i >= 0; i-- {
		toParent(f.order[i])
	}
	exits := f.exits()
	// Each head's subtree figures, kept before they grow into reach counts.
	headCount := make([]int32, g.nA+g.nC)
	headRevenue := make([]int64, g.nA+g.nC)
	for _, h := range exits.list {
		headCount[h], headRevenue[h] = f.below(h, count, revenue)
	}
	mark := make([]int32, g.nA+g.nC) // p+1 once the walk from p has seen a head
	var stack []int32
	for p := range int32(g.nA) {
		stamp := p + 1
		stack = append(stack[:0], exits.of(p)...)
		for len(stack) > 0 {
			h := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if mark[h] == stamp {
				continue
			}
			mark[h] = stamp
			count[p] += headCount[h]
			revenue[p] += headRevenue[h]
			if g.isAsset(h) {
				stack = append(stack, exits.of(h)...)
			}
		}
	}
	return count, revenue
}

// exits lists, for every asset, the heads (sites with two or more parent
// links) entered from its single-parent subtree: each link into a head is
// an exit of its parent and of the parent's single-parent ancestors.
func (f *flows) exits() csr {
	g := f.g
	climb := func(visit func(asset, head int32)) {
		for i := range g.links {
			e := &g.links[i]
			if e.isItem || g.in.count(e.child) < 2 {
				continue
			}
			for at := e.parent; ; {
				visit(at, e.child)
				if g.in.count(at) != 1 {
					break
				}
				at = g.links[g.in[at]].parent
			}
		}
	}
	start := make([]int32, g.nA+1)
	climb(func(a, _ int32) { start[a+1]++ })
	for a := range g.nA {
		start[a+1] += start[a]
	}
	list := make([]int32, start[g.nA])
	pos := slices.Clone(start[:g.nA])
	climb(func(a, head int32) {
		list[pos[a]] = head
		pos[a]++
	})
	return csr{start: start, list: list}
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
	p, ok := g.siteOf(assetID)
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
