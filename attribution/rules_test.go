package attribution

import (
	"errors"
	"slices"
	"testing"

	"github.com/xiber/netos/models"
)

// Builders for small networks: amounts in dollars, weights as decimals.

func activeAsset(id string, mrc float64) Asset {
	return Asset{ID: id, Name: id, Active: true, MRC: usd(mrc)}
}

func activeCustomer(id string, mrr float64) Customer {
	return Customer{ID: id, Name: id, Active: true, MRR: usd(mrr)}
}

func counting(id string, cost float64) Item {
	return Item{ID: id, Label: id, Counts: true, Cost: usd(cost)}
}

func weight(w float64) models.Decimal { return models.Decimal(w*models.DecimalScale + 0.5) }

// siteLink links parent to an asset (child names starting with "t" or
// "p") or a customer (anything else), with weight 1 and no transport.
func siteLink(id, parent, child string) Link {
	kind := models.KindCustomer
	if child[0] == 't' || child[0] == 'p' {
		kind = models.KindInfrastructure
	}
	return Link{ID: id, ParentID: parent, ChildKind: kind, ChildID: child, Weight: weight(1)}
}

func weighted(l Link, w float64) Link { l.Weight = weight(w); return l }

func over(l Link, kind, id string) Link { l.TransportKind, l.TransportID = kind, id; return l }

func itemLink(id, parent, kind, item string) Link {
	return Link{ID: id, ParentID: parent, ChildKind: kind, ChildID: item, Weight: weight(1)}
}

func TestCostRules(t *testing.T) {
	type check struct {
		what      string
		got, want models.Money
	}
	cases := []struct {
		name   string
		s      Snapshot
		checks func(r *Report) []check
	}{
		{
			name: "a parent whose site links all weigh zero shares equally",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 90)},
				Customers: []Customer{activeCustomer("a", 0), activeCustomer("b", 0), activeCustomer("c", 0)},
				Links:     []Link{weighted(siteLink("1", "p", "a"), 0), weighted(siteLink("2", "p", "b"), 0), weighted(siteLink("3", "p", "c"), 0)},
			},
			checks: func(r *Report) []check {
				return []check{{"cost(a)", customerIn(r, "a").Cost, usd(30)}, {"cost(c)", customerIn(r, "c").Cost, usd(30)}}
			},
		},
		{
			name: "unequal weights split the pool in proportion, and a zero weight gets nothing",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100)},
				Customers: []Customer{activeCustomer("a", 0), activeCustomer("b", 0), activeCustomer("c", 0)},
				Links:     []Link{weighted(siteLink("1", "p", "a"), 3), weighted(siteLink("2", "p", "b"), 1), weighted(siteLink("3", "p", "c"), 0)},
			},
			checks: func(r *Report) []check {
				return []check{{"cost(a)", customerIn(r, "a").Cost, usd(75)}, {"cost(b)", customerIn(r, "b").Cost, usd(25)}, {"cost(c)", customerIn(r, "c").Cost, 0}}
			},
		},
		{
			name: "a node with two parents inherits a share of each",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p1", 100), activeAsset("p2", 60), activeAsset("t", 10)},
				Customers: []Customer{activeCustomer("a", 0), activeCustomer("b", 0)},
				Links: []Link{siteLink("1", "p1", "t"), siteLink("2", "p2", "t"), siteLink("3", "p2", "b"),
					siteLink("4", "t", "a")},
			},
			checks: func(r *Report) []check {
				return []check{{"inherited(t)", assetIn(r, "t").Inherited, usd(130)}, {"pool(t)", assetIn(r, "t").Pool, usd(140)},
					{"cost(a)", customerIn(r, "a").Cost, usd(140)}, {"cost(b)", customerIn(r, "b").Cost, usd(30)}}
			},
		},
		{
			name: "an inactive asset passes its parents' shares on but its MRC does not count",
			s: Snapshot{
				Assets:     []Asset{activeAsset("p", 100), {ID: "t", Name: "t", MRC: usd(500)}},
				Customers:  []Customer{activeCustomer("a", 0)},
				Electrical: []Electrical{{ID: "e", SiteKind: models.KindInfrastructure, SiteID: "t", Cost: usd(7)}},
				Links:      []Link{siteLink("1", "p", "t"), siteLink("2", "t", "a")},
			},
			checks: func(r *Report) []check {
				return []check{{"mrc(t)", assetIn(r, "t").MRC, 0}, {"own(t) (electrical still counts)", assetIn(r, "t").Own, usd(7)},
					{"cost(a)", customerIn(r, "a").Cost, usd(107)}, {"total cost", r.Totals.TotalCost, usd(107)}}
			},
		},
		{
			name: "a transport that does not count adds nothing, one that counts enters the child",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100)},
				Customers: []Customer{activeCustomer("a", 0), activeCustomer("b", 0)},
				Circuits:  []Item{{ID: "off", Label: "off", Cost: usd(40)}, counting("on", 40)},
				Links: []Link{over(siteLink("1", "p", "a"), models.KindCircuit, "off"),
					over(siteLink("2", "p", "b"), models.KindCircuit, "on")},
			},
			checks: func(r *Report) []check {
				return []check{{"cost(a)", customerIn(r, "a").Cost, usd(50)}, {"cost(b)", customerIn(r, "b").Cost, usd(90)},
					{"cost of the idle circuit", itemIn(r, "off").Cost, 0}, {"total cost", r.Totals.TotalCost, usd(140)}}
			},
		},
		{
			name: "circuits and RF links that are children of an asset are its attached cost",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100)},
				Customers: []Customer{activeCustomer("a", 0)},
				Circuits:  []Item{counting("dia", 300)},
				RFLinks:   []Item{counting("ap", 25)},
				Links: []Link{siteLink("1", "p", "a"), itemLink("2", "p", models.KindCircuit, "dia"),
					itemLink("3", "p", models.KindRFLink, "ap")},
			},
			checks: func(r *Report) []check {
				return []check{{"attached(p)", assetIn(r, "p").Attached, usd(325)}, {"cost(a)", customerIn(r, "a").Cost, usd(425)}}
			},
		},
		{
			name: "an asset with no site children strands its pool",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100), activeAsset("t", 40), activeAsset("t2", 0)},
				Customers: []Customer{activeCustomer("a", 0)},
				Circuits:  []Item{counting("dia", 10)},
				Links: []Link{siteLink("1", "p", "t"), siteLink("2", "p", "a"), itemLink("3", "t", models.KindCircuit, "dia"),
					siteLink("4", "p", "t2")},
			},
			checks: func(r *Report) []check {
				// Three equal thirds of a cent: the cent left goes to the
				// customer (customers come first among equal remainders).
				return []check{{"pool(t)", assetIn(r, "t").Pool, usd(83.33)}, {"stranded(t)", assetIn(r, "t").Stranded, usd(83.33)},
					{"stranded(t2)", assetIn(r, "t2").Stranded, usd(33.33)}, {"cost(a)", customerIn(r, "a").Cost, usd(33.34)},
					{"stranded total", r.Totals.StrandedCost, usd(116.66)}, {"stranded listed first", r.Stranded[0].Amount, usd(83.33)}}
			},
		},
		{
			name: "a counting circuit placed nowhere is stranded; one that does not count is not",
			s: Snapshot{
				Circuits: []Item{counting("spare", 12.5), {ID: "quote", Label: "quote", Cost: usd(99)}},
			},
			checks: func(r *Report) []check {
				return []check{{"stranded total", r.Totals.StrandedCost, usd(12.5)}, {"total cost", r.Totals.TotalCost, usd(12.5)},
					{"one stranded item", models.Money(len(r.Stranded)), 1}}
			},
		},
		{
			name: "an inactive customer has no revenue but carries its cost",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100)},
				Customers: []Customer{activeCustomer("a", 500), {ID: "b", Name: "b", MRR: usd(900)}},
				Links:     []Link{siteLink("1", "p", "a"), siteLink("2", "p", "b")},
			},
			checks: func(r *Report) []check {
				return []check{{"revenue(b)", customerIn(r, "b").Revenue, 0}, {"cost(b)", customerIn(r, "b").Cost, usd(50)},
					{"margin(b)", customerIn(r, "b").Margin, usd(-50)}, {"revenue of p's MRC", assetIn(r, "p").MRCRevenue, usd(500)},
					{"downstream customers of p", models.Money(assetIn(r, "p").DownstreamCustomers), 1}}
			},
		},
		{
			name: "a customer with no cost keeps its revenue as unattributed",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 0)},
				Customers: []Customer{activeCustomer("a", 500), activeCustomer("lone", 300)},
				Links:     []Link{siteLink("1", "p", "a")},
			},
			checks: func(r *Report) []check {
				return []check{{"unattributed(lone)", customerIn(r, "lone").UnattributedRevenue, usd(300)},
					{"unattributed(a)", customerIn(r, "a").UnattributedRevenue, usd(500)},
					{"unattributed total", r.Totals.UnattributedRevenue, usd(800)}, {"attributed revenue", r.Totals.AttributedRevenue, 0}}
			},
		},
		{
			name: "revenue reaching a zero pool stops there: there is nothing to pass it to",
			s: Snapshot{
				Assets:    []Asset{activeAsset("root", 0), activeAsset("p", 0)},
				Customers: []Customer{activeCustomer("a", 500)},
				RFLinks:   []Item{counting("end", 20)},
				Links:     []Link{siteLink("1", "root", "p"), over(siteLink("2", "p", "a"), models.KindRFLink, "end")},
			},
			checks: func(r *Report) []check {
				return []check{{"revenue reaching p", assetIn(r, "p").AttributedRevenue, 0}, {"revenue(end)", itemIn(r, "end").AttributedRevenue, usd(500)},
					{"revenue reaching root", assetIn(r, "root").AttributedRevenue, 0}}
			},
		},
		{
			name: "electrical at a customer is its own cost and earns its revenue",
			s: Snapshot{
				Customers:  []Customer{activeCustomer("a", 100)},
				Electrical: []Electrical{{ID: "e", SiteKind: models.KindCustomer, SiteID: "a", Cost: usd(30)}},
			},
			checks: func(r *Report) []check {
				e, _ := r.ElectricalService("e")
				return []check{{"own(a)", customerIn(r, "a").OwnCost, usd(30)}, {"revenue(e)", e.AttributedRevenue, usd(100)},
					{"margin(e)", e.Margin, usd(70)}}
			},
		},
		{
			name: "references to records not in the snapshot are ignored",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100)},
				Customers: []Customer{activeCustomer("a", 0)},
				Electrical: []Electrical{{ID: "ghost-site", SiteKind: models.KindInfrastructure, SiteID: "gone", Cost: usd(5)},
					{ID: "wrong-kind", SiteKind: models.KindCustomer, SiteID: "p", Cost: usd(5)}},
				Links: []Link{
					over(siteLink("1", "p", "a"), models.KindCircuit, "gone"),   // missing transport: none
					siteLink("2", "gone", "a"),                                  // missing parent
					siteLink("3", "p", "gone"),                                  // missing child
					siteLink("4", "a", "p"),                                     // a customer as parent
					itemLink("5", "p", models.KindCircuit, "gone"),              // missing item
					{ID: "6", ParentID: "p", ChildKind: "pigeon", ChildID: "a"}, // unknown kind
				},
			},
			checks: func(r *Report) []check {
				return []check{{"cost(a)", customerIn(r, "a").Cost, usd(100)}, {"total cost", r.Totals.TotalCost, usd(100)},
					{"serving links of a", models.Money(customerIn(r, "a").ServingLinks), 1}, {"children of p", models.Money(len(r.Children("p"))), 1}}
			},
		},
		{
			name: "an item placed twice counts once, where the link with the smallest ID puts it",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 0)},
				Customers: []Customer{activeCustomer("a", 0), activeCustomer("b", 0)},
				Circuits:  []Item{counting("w", 60)},
				Links: []Link{over(siteLink("2", "p", "a"), models.KindCircuit, "w"), over(siteLink("1", "p", "b"), models.KindCircuit, "w"),
					itemLink("3", "p", models.KindCircuit, "w")},
			},
			checks: func(r *Report) []check {
				return []check{{"cost(a)", customerIn(r, "a").Cost, 0}, {"cost(b)", customerIn(r, "b").Cost, usd(60)},
					{"total cost", r.Totals.TotalCost, usd(60)}, {"attached(p)", assetIn(r, "p").Attached, 0}}
			},
		},
		{
			name: "a negative weight reads as zero",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100)},
				Customers: []Customer{activeCustomer("a", 0), activeCustomer("b", 0)},
				Links:     []Link{weighted(siteLink("1", "p", "a"), -5), siteLink("2", "p", "b")},
			},
			checks: func(r *Report) []check {
				return []check{{"cost(a)", customerIn(r, "a").Cost, 0}, {"cost(b)", customerIn(r, "b").Cost, usd(100)}}
			},
		},
		{
			name: "thirds round by largest remainder, ties to the smallest ID, and add up",
			s: Snapshot{
				Assets:    []Asset{activeAsset("p", 100)},
				Customers: []Customer{activeCustomer("c", 0), activeCustomer("a", 0), activeCustomer("b", 0)},
				Links:     []Link{siteLink("1", "p", "c"), siteLink("2", "p", "a"), siteLink("3", "p", "b")},
			},
			checks: func(r *Report) []check {
				return []check{{"cost(a)", customerIn(r, "a").Cost, usd(33.34)}, {"cost(b)", customerIn(r, "b").Cost, usd(33.33)},
					{"cost(c)", customerIn(r, "c").Cost, usd(33.33)}, {"attributed", r.Totals.AttributedCost, usd(100)}}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := mustCompute(t, &tc.s)
			for _, c := range tc.checks(r) {
				if c.got != c.want {
					t.Errorf("%s = %s, want %s", c.what, c.got, c.want)
				}
			}
			if msg := checkConservation(r); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func customerIn(r *Report, id string) CustomerPL {
	c, _ := r.Customer(id)
	return c
}

func assetIn(r *Report, id string) AssetPL {
	a, _ := r.Asset(id)
	return a
}

func itemIn(r *Report, id string) ItemPL {
	it, _ := r.Item(id)
	return it
}

func TestACycleIsAnErrorNamingIt(t *testing.T) {
	s := &Snapshot{
		Assets: []Asset{activeAsset("p1", 1), activeAsset("p2", 1), activeAsset("p3", 1), activeAsset("p0", 1)},
		Links:  []Link{siteLink("1", "p1", "p2"), siteLink("2", "p2", "p3"), siteLink("3", "p3", "p1"), siteLink("4", "p0", "p1")},
	}
	_, err := Compute(s)
	var cycle *CycleError
	if !errors.Is(err, ErrCycle) || !errors.As(err, &cycle) {
		t.Fatalf("Compute = %v, want a *CycleError", err)
	}
	if want := []string{"p1", "p2", "p3"}; !slices.Equal(cycle.Path, want) {
		t.Errorf("cycle = %v, want %v", cycle.Path, want)
	}
	self := &Snapshot{Assets: []Asset{activeAsset("p", 1)}, Links: []Link{siteLink("1", "p", "p")}}
	if _, err := Compute(self); !errors.Is(err, ErrCycle) {
		t.Errorf("a self-link: Compute = %v, want ErrCycle", err)
	}
}

func TestDuplicateIDsAreAnError(t *testing.T) {
	for name, s := range map[string]*Snapshot{
		"two assets":     {Assets: []Asset{activeAsset("x", 1), activeAsset("x", 2)}},
		"two customers":  {Customers: []Customer{activeCustomer("x", 1), activeCustomer("x", 2)}},
		"two circuits":   {Circuits: []Item{counting("x", 1), counting("x", 1)}},
		"two RF links":   {RFLinks: []Item{counting("x", 1), counting("x", 1)}},
		"two electrical": {Electrical: []Electrical{{ID: "x"}, {ID: "x"}}},
	} {
		if _, err := Compute(s); !errors.Is(err, ErrSnapshot) {
			t.Errorf("%s: Compute = %v, want ErrSnapshot", name, err)
		}
	}
}

func TestAnEmptyOrNilSnapshotIsAnEmptyReport(t *testing.T) {
	for _, s := range []*Snapshot{nil, {}} {
		r := mustCompute(t, s)
		if r.Totals != (Totals{}) || len(r.Stranded) != 0 {
			t.Errorf("report of an empty network = %+v", r.Totals)
		}
	}
}
