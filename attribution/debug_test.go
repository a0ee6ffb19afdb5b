package attribution

import "testing"

func TestDebugShape(t *testing.T) {
	s := SyntheticSnapshot(10_000, 100_000, 150_000, 1)
	g, _ := NewGraph(s)
	r, _ := g.Compute()
	f := r.f
	bigPools, bigCost := 0, 0
	for _, p := range f.pool {
		if p.b != nil {
			bigPools++
		}
	}
	for _, p := range f.cost {
		if p.b != nil {
			bigCost++
		}
	}
	depth := make([]int, g.nA)
	maxd := 0
	for _, p := range f.order {
		for _, ei := range g.outSite.of(p) {
			if c := g.links[ei].child; g.isAsset(c) && depth[p]+1 > depth[c] {
				depth[c] = depth[p] + 1
				maxd = max(maxd, depth[c])
			}
		}
	}
	indeg := make([]int, g.nA+g.nC)
	for _, e := range g.links {
		if !e.isItem {
			indeg[e.child]++
		}
	}
	heads := 0
	for _, d := range indeg {
		if d > 1 {
			heads++
		}
	}
	t.Logf("links %d live %d, circuits %d rf %d elec %d; big pools %d, big costs %d, max depth %d, heads %d", len(s.Links), len(g.links), len(s.Circuits), len(s.RFLinks), len(s.Electrical), bigPools, bigCost, maxd, heads)
	var maxDen int64
	for _, p := range f.pool {
		if p.b == nil && p.d > maxDen {
			maxDen = p.d
		}
	}
	t.Logf("max small den %d; stranded %d; totals %+v", maxDen, len(r.Stranded), r.Totals)
}
