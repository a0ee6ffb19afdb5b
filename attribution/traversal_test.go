package attribution

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/xiber/netos/models"
)

// diamondNetwork: root → (pa, pb) → t → customers x and y; y also hangs
// directly below pa (multi-homed).
func diamondNetwork() *Snapshot {
	return &Snapshot{
		Assets: []Asset{activeAsset("root", 100), activeAsset("pa", 10), activeAsset("pb", 10), activeAsset("t", 10)},
		Customers: []Customer{activeCustomer("x", 50), activeCustomer("y", 70),
			{ID: "z", Name: "z", MRR: usd(30)}},
		Circuits: []Item{counting("wa", 5), counting("dia", 3)},
		Links: []Link{
			over(siteLink("l1", "root", "pa"), models.KindCircuit, "wa"), siteLink("l2", "root", "pb"),
			siteLink("l3", "pa", "t"), siteLink("l4", "pb", "t"),
			siteLink("l5", "t", "x"), siteLink("l6", "t", "y"), siteLink("l7", "pa", "y"), siteLink("l8", "t", "z"),
			itemLink("l9", "root", models.KindCircuit, "dia"),
		},
	}
}

func TestServingPathsListEveryPathFromARoot(t *testing.T) {
	r := mustCompute(t, diamondNetwork())
	var got []string
	for _, p := range r.ServingPaths("y") {
		s := ""
		for _, h := range p {
			s += h.InfrastructureID + "(" + h.TransportID + ")/"
		}
		got = append(got, s)
	}
	want := []string{"root(wa)/pa()/", "root(wa)/pa()/t()/", "root()/pb()/t()/"}
	if !slices.Equal(got, want) {
		t.Errorf("serving paths of y = %v, want %v", got, want)
	}
	if n := r.ServingPathCount("y"); n != 3 {
		t.Errorf("ServingPathCount(y) = %d, want 3", n)
	}
	if r.ServingPaths("root") != nil || r.ServingPaths("nobody") != nil {
		t.Error("serving paths of an asset or unknown ID should be nil")
	}
}

func TestServingPathsStopAtTheCap(t *testing.T) {
	// A ladder of diamonds: 2^10 paths from the root to the customer.
	s := &Snapshot{Assets: []Asset{activeAsset("p0", 1)}, Customers: []Customer{activeCustomer("c", 1)}}
	prev := "p0"
	for i := 1; i <= 10; i++ {
		a, b, m := fmt.Sprintf("pa%d", i), fmt.Sprintf("pb%d", i), fmt.Sprintf("p%d", i)
		s.Assets = append(s.Assets, activeAsset(a, 1), activeAsset(b, 1), activeAsset(m, 1))
		s.Links = append(s.Links, siteLink(a, prev, a), siteLink(b, prev, b), siteLink(m+"a", a, m), siteLink(m+"b", b, m))
		prev = m
	}
	s.Links = append(s.Links, siteLink("last", prev, "c"))
	r := mustCompute(t, s)
	if got := len(r.ServingPaths("c")); got != MaxServingPaths {
		t.Errorf("%d serving paths, want the cap %d", got, MaxServingPaths)
	}
	if got := r.ServingPathCount("c"); got != 1024 {
		t.Errorf("ServingPathCount = %d, want 1024", got)
	}
}

func TestDownstreamCustomersAreDistinct(t *testing.T) {
	r := mustCompute(t, diamondNetwork())
	if got := r.DownstreamCustomers("root"); !slices.Equal(got, []string{"x", "y", "z"}) {
		t.Errorf("DownstreamCustomers(root) = %v", got)
	}
	for id, want := range map[string]int{"root": 2, "pa": 2, "pb": 2, "t": 2} {
		if got := assetIn(r, id).DownstreamCustomers; got != want {
			t.Errorf("%s: %d active customers downstream, want %d", id, got, want)
		}
	}
	if got := assetIn(r, "root").DownstreamRevenue; got != usd(120) {
		t.Errorf("downstream revenue of root = %s, want 120.00", got)
	}
	if got := itemIn(r, "wa").CustomersServed; got != 2 {
		t.Errorf("customers served by wa = %d, want 2", got)
	}
	if got := itemIn(r, "dia").CustomersServed; got != 2 {
		t.Errorf("customers served by dia = %d, want 2", got)
	}
}

func TestDownstreamCountsMatchAWalkOnRandomNetworks(t *testing.T) {
	rng := newRand(7)
	for run := range 500 {
		s := randomSnapshot(rng)
		r := mustCompute(t, s)
		for _, a := range r.Assets() {
			n, rev := 0, models.Money(0)
			for _, id := range r.DownstreamCustomers(a.ID) {
				if c := customerIn(r, id); c.Active {
					n++
					rev += c.Revenue
				}
			}
			if a.DownstreamCustomers != n || a.DownstreamRevenue != rev {
				t.Fatalf("run %d, %s: counted %d/%s, walk finds %d/%s", run, a.ID, a.DownstreamCustomers, a.DownstreamRevenue, n, rev)
			}
		}
	}
}

func TestChildrenAndParentsShowTheMoneyOnEachLink(t *testing.T) {
	r := mustCompute(t, diamondNetwork())
	kids := r.Children("root")
	if len(kids) != 3 || kids[0].ChildID != "pa" || kids[1].ChildID != "pb" || kids[2].ChildID != "dia" {
		t.Fatalf("children of root = %+v", kids)
	}
	// pool(root) = 100 + 3 (dia), split in two.
	if kids[0].Amount+kids[1].Amount != usd(103) || kids[0].TransportCost != usd(5) || kids[2].Amount != usd(3) {
		t.Errorf("amounts: %s + %s, transport %s, dia %s", kids[0].Amount, kids[1].Amount, kids[0].TransportCost, kids[2].Amount)
	}
	if kids[0].Share != models.Decimal(500_000) {
		t.Errorf("share = %s, want 0.5", kids[0].Share)
	}
	parents := r.Parents("y")
	if len(parents) != 2 || parents[0].ParentID != "pa" || parents[1].ParentID != "t" {
		t.Errorf("parents of y = %+v", parents)
	}
	if r.Children("x") != nil || r.Children("nobody") != nil || r.Parents("root") != nil {
		t.Error("children of a customer, of an unknown ID, or parents of a root should be nil")
	}
}

func TestTreeGoesToTheRequestedDepth(t *testing.T) {
	r := mustCompute(t, diamondNetwork())
	root, err := r.Tree("root", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(root.Children) != 3 || root.Children[0].Asset == nil || root.Children[2].Item == nil || !root.Children[0].More {
		t.Errorf("tree to depth 1 = %+v", root)
	}
	full, _ := r.Tree("root", 10)
	var count func(n *TreeNode) int
	count = func(n *TreeNode) int {
		k := 1
		for _, c := range n.Children {
			k += count(c)
		}
		return k
	}
	// root, pa, pb, dia; t and y under pa; t under pb; x, y, z under each t.
	if got := count(full); got != 13 {
		t.Errorf("full tree has %d nodes, want 13", got)
	}
	if _, err := r.Tree("x", 1); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("Tree of a customer: %v, want ErrNotFound", err)
	}
}

func TestPathBetweenFindsTheCycleALinkWouldClose(t *testing.T) {
	g, err := NewGraph(diamondNetwork())
	if err != nil {
		t.Fatal(err)
	}
	if got := g.PathBetween("root", "y"); !slices.Equal(got, []string{"root", "pa", "y"}) {
		t.Errorf("PathBetween(root, y) = %v", got)
	}
	if got := g.ClosingPath("t", "root"); !slices.Equal(got, []string{"root", "pa", "t"}) {
		t.Errorf("ClosingPath(t → root) = %v, want the path root → pa → t", got)
	}
	if got := g.ClosingPath("pa", "pa"); !slices.Equal(got, []string{"pa"}) {
		t.Errorf("ClosingPath of a self-link = %v", got)
	}
	if got := g.ClosingPath("pb", "x"); got != nil {
		t.Errorf("ClosingPath(pb → x) = %v, want nil: customers are leaves", got)
	}
	if got := g.ClosingPath("root", "t"); got != nil {
		t.Errorf("ClosingPath(root → t) = %v, want nil (a second path is no cycle)", got)
	}
}

func TestAReportIsSafeForConcurrentReaders(t *testing.T) {
	r := mustCompute(t, SyntheticSnapshot(50, 400, 600, 3))
	want := canonicalOf(r)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := canonicalOf(r); !reflect.DeepEqual(got, want) {
				t.Error("a concurrent reader saw a different report")
			}
		}()
	}
	wg.Wait()
}
