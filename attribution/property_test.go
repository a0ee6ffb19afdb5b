package attribution

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xiber/netos/models"
)

// randomSnapshot is a random valid network: acyclic (a parent always has a
// lower index), multi-parent assets and customers, weights that include 0
// and awkward fractions, any status, items placed as children, as
// transports or nowhere, electrical anywhere.
func randomSnapshot(rng *rand.Rand) *Snapshot {
	s := &Snapshot{}
	names := []string{"North", "South", "East", "West", "Hub"}
	money := func() models.Money {
		switch rng.IntN(6) {
		case 0:
			return 0
		case 1:
			return models.Money(rng.IntN(100)) // cents only
		}
		return models.Money(rng.IntN(1_000_000))
	}
	weights := []models.Decimal{0, 0, 500_000, 1_000_000, 1_000_000, 1_000_000, 2_000_000, 3_000_000, 333_333, 1_000_001, 7_250_000}
	nA, nC := 1+rng.IntN(10), rng.IntN(14)
	// IDs whose order differs from the order of creation.
	id := func(prefix string, i int) string { return fmt.Sprintf("%s-%d-%03d", prefix, rng.IntN(9), i) }
	for i := range nA {
		s.Assets = append(s.Assets, Asset{ID: id("a", i), Name: names[rng.IntN(len(names))], Active: rng.IntN(5) != 0, MRC: money()})
	}
	for i := range nC {
		s.Customers = append(s.Customers, Customer{ID: id("c", i), Name: names[rng.IntN(len(names))], Active: rng.IntN(5) != 0, MRR: money()})
	}
	for i := range rng.IntN(12) {
		s.Circuits = append(s.Circuits, Item{ID: id("ckt", i), Label: names[rng.IntN(len(names))], Counts: rng.IntN(5) != 0, Cost: money()})
	}
	for i := range rng.IntN(12) {
		s.RFLinks = append(s.RFLinks, Item{ID: id("rf", i), Label: names[rng.IntN(len(names))], Counts: rng.IntN(5) != 0, Cost: money()})
	}
	for i := range rng.IntN(8) {
		e := Electrical{ID: id("e", i), SiteKind: models.KindInfrastructure, Cost: money()}
		if nC > 0 && rng.IntN(3) == 0 {
			e.SiteKind, e.SiteID = models.KindCustomer, s.Customers[rng.IntN(nC)].ID
		} else {
			e.SiteID = s.Assets[rng.IntN(nA)].ID
		}
		s.Electrical = append(s.Electrical, e)
	}
	link := func(parent int, kind, child string) {
		s.Links = append(s.Links, Link{ID: id("l", len(s.Links)), ParentID: s.Assets[parent].ID, ChildKind: kind, ChildID: child, Weight: weights[rng.IntN(len(weights))]})
	}
	for j := 1; j < nA; j++ {
		first := -1
		if rng.IntN(5) != 0 {
			first = rng.IntN(j)
			link(first, models.KindInfrastructure, s.Assets[j].ID)
		}
		if second := rng.IntN(j); rng.IntN(3) == 0 && second != first {
			link(second, models.KindInfrastructure, s.Assets[j].ID)
		}
	}
	for _, c := range s.Customers {
		for _, p := range rng.Perm(nA)[:rng.IntN(min(nA, 3)+1)] {
			link(p, models.KindCustomer, c.ID)
		}
	}
	siteLinks := len(s.Links)
	place := func(kind, itemID string) {
		switch rng.IntN(5) {
		case 0, 1:
			link(rng.IntN(nA), kind, itemID)
		case 2, 3:
			if siteLinks > 0 {
				if l := &s.Links[rng.IntN(siteLinks)]; l.TransportID == "" {
					l.TransportKind, l.TransportID = kind, itemID
				}
			}
		}
	}
	for _, it := range s.Circuits {
		place(models.KindCircuit, it.ID)
	}
	for _, it := range s.RFLinks {
		place(models.KindRFLink, it.ID)
	}
	return s
}

// shuffled is a copy of s with every slice in a random order.
func shuffled(s *Snapshot, rng *rand.Rand) *Snapshot {
	c := &Snapshot{
		Assets: slices.Clone(s.Assets), Customers: slices.Clone(s.Customers),
		Circuits: slices.Clone(s.Circuits), RFLinks: slices.Clone(s.RFLinks),
		Electrical: slices.Clone(s.Electrical), Links: slices.Clone(s.Links),
	}
	rng.Shuffle(len(c.Assets), func(i, j int) { c.Assets[i], c.Assets[j] = c.Assets[j], c.Assets[i] })
	rng.Shuffle(len(c.Customers), func(i, j int) { c.Customers[i], c.Customers[j] = c.Customers[j], c.Customers[i] })
	rng.Shuffle(len(c.Circuits), func(i, j int) { c.Circuits[i], c.Circuits[j] = c.Circuits[j], c.Circuits[i] })
	rng.Shuffle(len(c.RFLinks), func(i, j int) { c.RFLinks[i], c.RFLinks[j] = c.RFLinks[j], c.RFLinks[i] })
	rng.Shuffle(len(c.Electrical), func(i, j int) { c.Electrical[i], c.Electrical[j] = c.Electrical[j], c.Electrical[i] })
	rng.Shuffle(len(c.Links), func(i, j int) { c.Links[i], c.Links[j] = c.Links[j], c.Links[i] })
	return c
}

// canonical is everything a report says, keyed by ID, so that two reports
// of the same network compare equal whatever the order of their snapshots.
type canonical struct {
	Customers  map[string]CustomerPL
	Assets     map[string]AssetPL
	Items      map[string]ItemPL
	Electrical map[string]ElectricalPL
	Totals     Totals
	Stranded   []StrandedItem
	Paths      map[string][][]Hop
	PathCounts map[string]int64
	Children   map[string][]Flow
	Parents    map[string][]Flow
	Parts      map[string][]Part
	Downstream map[string][]string
}

func canonicalOf(r *Report) canonical {
	c := canonical{
		Customers: map[string]CustomerPL{}, Assets: map[string]AssetPL{}, Items: map[string]ItemPL{},
		Electrical: map[string]ElectricalPL{}, Totals: r.Totals, Stranded: r.Stranded,
		Paths: map[string][][]Hop{}, PathCounts: map[string]int64{}, Children: map[string][]Flow{},
		Parents: map[string][]Flow{}, Parts: map[string][]Part{}, Downstream: map[string][]string{},
	}
	for _, x := range r.Customers() {
		c.Customers[x.ID] = x
		c.Paths[x.ID] = r.ServingPaths(x.ID)
		c.PathCounts[x.ID] = r.ServingPathCount(x.ID)
		c.Parents[x.ID] = r.Parents(x.ID)
		c.Parts[x.ID] = r.Parts(x.ID)
	}
	for _, x := range r.Assets() {
		c.Assets[x.ID] = x
		c.Children[x.ID] = r.Children(x.ID)
		c.Parents[x.ID] = r.Parents(x.ID)
		c.Parts[x.ID] = r.Parts(x.ID)
		c.Downstream[x.ID] = r.DownstreamCustomers(x.ID)
	}
	for _, x := range r.Items() {
		c.Items[x.ID] = x
	}
	for _, x := range r.ElectricalServices() {
		c.Electrical[x.ID] = x
	}
	return c
}

const propertyRuns = 3000

func TestRandomNetworksConserveCostAndRevenueToTheCent(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for run := range propertyRuns {
		s := randomSnapshot(rng)
		r, err := Compute(s)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if msg := checkConservation(r); msg != "" {
			t.Fatalf("run %d: %s\nsnapshot: %+v", run, msg, s)
		}
	}
}

// checkConservation checks every sum the report promises, in reported
// (rounded) figures, breakdowns included.
func checkConservation(r *Report) string {
	if msg := checkTotals(r); msg != "" {
		return msg
	}
	return checkBreakdowns(r)
}

// checkTotals checks the sums over the records of a report.
func checkTotals(r *Report) string {
	var cost, revenue, itemRevenue, unattributed, stranded models.Money
	for _, c := range r.Customers() {
		cost += c.Cost
		revenue += c.Revenue
		unattributed += c.UnattributedRevenue
		if c.OwnCost+c.InheritedCost != c.Cost {
			return fmt.Sprintf("customer %s: own + inherited ≠ cost", c.ID)
		}
		if c.Margin != c.Revenue-c.Cost {
			return fmt.Sprintf("customer %s: margin ≠ revenue − cost", c.ID)
		}
	}
	for _, a := range r.Assets() {
		itemRevenue += a.MRCRevenue
		stranded += a.Stranded
		if a.Own+a.Attached+a.Inherited != a.Pool {
			return fmt.Sprintf("asset %s: own + attached + inherited ≠ pool", a.ID)
		}
	}
	for _, it := range r.Items() {
		itemRevenue += it.AttributedRevenue
		if it.Counts && it.Placement.Kind == PlacementNone {
			stranded += it.Cost
		}
	}
	for _, e := range r.ElectricalServices() {
		itemRevenue += e.AttributedRevenue
	}
	var listed models.Money
	for _, x := range r.Stranded {
		listed += x.Amount
	}
	switch tt := r.Totals; {
	case cost+stranded != tt.TotalCost:
		return fmt.Sprintf("Σ customer cost %s + stranded %s ≠ total cost %s", cost, stranded, tt.TotalCost)
	case cost != tt.AttributedCost || stranded != tt.StrandedCost || listed != stranded:
		return fmt.Sprintf("totals disagree: attributed %s/%s, stranded %s/%s/%s", cost, tt.AttributedCost, stranded, tt.StrandedCost, listed)
	case itemRevenue+unattributed != revenue || revenue != tt.TotalRevenue:
		return fmt.Sprintf("Σ revenue(i) %s + unattributed %s ≠ revenue %s", itemRevenue, unattributed, revenue)
	case itemRevenue != tt.AttributedRevenue || unattributed != tt.UnattributedRevenue:
		return "revenue totals disagree"
	case tt.TotalMargin != tt.TotalRevenue-tt.TotalCost:
		return "total margin ≠ revenue − cost"
	}
	return ""
}

// checkBreakdowns checks that every breakdown adds up to what it breaks
// down.
func checkBreakdowns(r *Report) string {
	for _, a := range r.Assets() {
		if msg := checkAsset(r, &a); msg != "" {
			return msg
		}
	}
	for _, c := range r.Customers() {
		if msg := checkCustomer(r, &c); msg != "" {
			return msg
		}
	}
	return ""
}

// checkAsset checks that an asset's children add up to its pool, and its
// parts to its pool and the revenue reaching it.
func checkAsset(r *Report, a *AssetPL) string {
	var kids, partCost, partRevenue models.Money
	for _, fl := range r.Children(a.ID) {
		if fl.ChildKind == models.KindInfrastructure || fl.ChildKind == models.KindCustomer {
			kids += fl.Amount
		}
	}
	if a.SiteChildren > 0 && kids != a.Pool {
		return fmt.Sprintf("asset %s: children %s ≠ pool %s", a.ID, kids, a.Pool)
	}
	for _, p := range r.Parts(a.ID) {
		partCost += p.Cost
		partRevenue += p.Revenue
	}
	if partCost != a.Pool || partRevenue != a.AttributedRevenue {
		return fmt.Sprintf("asset %s: parts %s/%s ≠ pool %s / revenue %s", a.ID, partCost, partRevenue, a.Pool, a.AttributedRevenue)
	}
	return ""
}

// checkCustomer checks that a customer's parts add up to its cost and to
// its attributed revenue.
func checkCustomer(r *Report, c *CustomerPL) string {
	var partCost, partRevenue models.Money
	for _, p := range r.Parts(c.ID) {
		partCost += p.Cost
		partRevenue += p.Revenue
	}
	if partCost != c.Cost || partRevenue != c.Revenue-c.UnattributedRevenue {
		return fmt.Sprintf("customer %s: parts %s/%s ≠ cost %s / revenue %s", c.ID, partCost, partRevenue, c.Cost, c.Revenue)
	}
	return ""
}

func TestRandomNetworksMatchTheExactReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for run := range propertyRuns {
		s := randomSnapshot(rng)
		r := mustCompute(t, s)
		if msg := checkAgainstReference(r, s); msg != "" {
			t.Fatalf("run %d: %s\nsnapshot: %+v", run, msg, s)
		}
	}
}

// checkAgainstReference compares every figure with the exact reference:
// figures rounded together must be exactly what largest remainder makes of
// the exact values (with the engine's tie-break), figures that stand alone
// must be the exact value rounded half up.
func checkAgainstReference(r *Report, s *Snapshot) string {
	ref := newReference(s)
	type exact struct {
		kind uint8
		id   string
		v    *big.Rat
		got  models.Money
	}
	lr := func(xs []exact, total int64) string {
		type key struct {
			floor *big.Int
			rem   *big.Rat
			i     int
		}
		keys := make([]key, len(xs))
		var sum int64
		for i, x := range xs {
			fl := new(big.Int).Div(x.v.Num(), x.v.Denom())
			keys[i] = key{fl, new(big.Rat).Sub(x.v, new(big.Rat).SetInt(fl)), i}
			sum += fl.Int64()
		}
		slices.SortFunc(keys, func(a, b key) int {
			if c := b.rem.Cmp(a.rem); c != 0 {
				return c
			}
			if xs[a.i].kind != xs[b.i].kind {
				return int(xs[a.i].kind) - int(xs[b.i].kind)
			}
			return strings.Compare(xs[a.i].id, xs[b.i].id)
		})
		for k, key := range keys {
			want := key.floor.Int64()
			if int64(k) < total-sum {
				want++
			}
			if x := xs[key.i]; x.got != models.Money(want) {
				return fmt.Sprintf("%s: got %s, want %s (exact %s)", x.id, x.got, models.Money(want), x.v.FloatString(6))
			}
		}
		return ""
	}

	// Costs: customers, stranded pools and unplaced items, together.
	var costs []exact
	var total int64
	for _, c := range r.Customers() {
		costs = append(costs, exact{rankCustomer, c.ID, ref.cost(c.ID), c.Cost})
	}
	for _, a := range r.Assets() {
		total += int64(a.MRC) + int64(a.ElectricalCost)
		if a.SiteChildren == 0 {
			costs = append(costs, exact{rankAsset, a.ID, ref.pool(a.ID), a.Pool})
		} else if want := halfUp(ref.pool(a.ID)); a.Pool != want {
			return fmt.Sprintf("pool(%s) = %s, want %s", a.ID, a.Pool, want)
		}
		if want := halfUp(ref.received(a.ID)); a.AttributedRevenue != want {
			return fmt.Sprintf("revenue reaching %s = %s, want %s (exact %s)", a.ID, a.AttributedRevenue, want, ref.received(a.ID).FloatString(8))
		}
	}
	for _, it := range r.Items() {
		total += int64(it.Cost)
		if it.Placement.Kind == PlacementNone {
			costs = append(costs, exact{rankItem, it.ID, rat(it.Cost), it.Cost})
		}
	}
	for _, c := range r.Customers() {
		total += int64(c.OwnCost)
	}
	if models.Money(total) != r.Totals.TotalCost {
		return fmt.Sprintf("total cost %s, want %s", r.Totals.TotalCost, models.Money(total))
	}
	if msg := lr(costs, total); msg != "" {
		return "cost " + msg
	}

	// Revenue: every cost item, together.
	var revs []exact
	var target int64
	for _, c := range r.Customers() {
		if ref.cost(c.ID).Sign() != 0 {
			target += int64(c.Revenue)
		}
	}
	for _, a := range r.Assets() {
		revs = append(revs, exact{rankAsset, a.ID, ref.atSite(a.ID, ref.mrc(a.ID)), a.MRCRevenue})
	}
	for _, e := range r.ElectricalServices() {
		revs = append(revs, exact{rankElectrical, e.ID, ref.atSite(e.SiteID, rat(e.Cost)), e.AttributedRevenue})
	}
	for _, it := range r.Items() {
		revs = append(revs, exact{rankItem, it.ID, ref.itemRevenue(it.ID), it.AttributedRevenue})
	}
	if msg := lr(revs, target); msg != "" {
		return "revenue " + msg
	}
	return ""
}

func TestRandomNetworksDoNotDependOnSnapshotOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for run := range propertyRuns / 3 {
		s := randomSnapshot(rng)
		want := canonicalOf(mustCompute(t, s))
		for range 3 {
			got := canonicalOf(mustCompute(t, shuffled(s, rng)))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("run %d: shuffling the snapshot changed the report\nsnapshot: %+v\ngot  %+v\nwant %+v", run, s, got, want)
			}
		}
	}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed*7+1)) }

func TestLookupsByIDAgreeWithTheLists(t *testing.T) {
	rng := newRand(31)
	for range 300 {
		r := mustCompute(t, randomSnapshot(rng))
		for _, c := range r.Customers() {
			if got, ok := r.Customer(c.ID); !ok || !reflect.DeepEqual(got, c) {
				t.Fatalf("Customer(%s) = %+v, want %+v", c.ID, got, c)
			}
		}
		for _, a := range r.Assets() {
			if got, ok := r.Asset(a.ID); !ok || !reflect.DeepEqual(got, a) {
				t.Fatalf("Asset(%s) = %+v, want %+v", a.ID, got, a)
			}
		}
		for _, it := range r.Items() {
			if got, ok := r.Item(it.ID); !ok || !reflect.DeepEqual(got, it) {
				t.Fatalf("Item(%s) = %+v, want %+v", it.ID, got, it)
			}
		}
		for _, e := range r.ElectricalServices() {
			if got, ok := r.ElectricalService(e.ID); !ok || !reflect.DeepEqual(got, e) {
				t.Fatalf("ElectricalService(%s) = %+v, want %+v", e.ID, got, e)
			}
		}
		if _, ok := r.Customer("nobody"); ok {
			t.Fatal("Customer(nobody) found someone")
		}
	}
}
