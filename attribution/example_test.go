package attribution

import (
	"testing"

	"github.com/xiber/netos/models"
)

// usd is dollars with cents, for readable tests: usd(3881.99).
func usd(v float64) models.Money {
	if v < 0 {
		return models.Money(v*100 - 0.5)
	}
	return models.Money(v*100 + 0.5)
}

// workedExample is the network of ATTRIBUTION.md §6.
func workedExample() *Snapshot {
	one := models.DecimalFromInt(1)
	return &Snapshot{
		Assets: []Asset{
			{ID: "col1", Name: "COL1", Active: true, MRC: usd(1000)},
			{ID: "t1", Name: "T1", Active: true, MRC: usd(1500)},
			{ID: "t2", Name: "T2", Active: true, MRC: usd(900)},
		},
		Customers: []Customer{
			{ID: "a", Name: "A", Active: true, MRR: usd(6000)},
			{ID: "b", Name: "B", Active: true, MRR: usd(4000)},
			{ID: "c", Name: "C", Active: true, MRR: usd(3500)},
		},
		Circuits: []Item{
			{ID: "dia1", Label: "DIA-1", Counts: true, Cost: usd(3000)},
			{ID: "wave1", Label: "WAVE-1", Counts: true, Cost: usd(2500)},
		},
		RFLinks: []Item{
			{ID: "rfbh", Label: "RF-BH", Counts: true, Cost: usd(100)},
			{ID: "rfa", Label: "RF-A", Counts: true, Cost: usd(20)},
			{ID: "rfb", Label: "RF-B", Counts: true, Cost: usd(20)},
		},
		Electrical: []Electrical{
			{ID: "e-col1", SiteKind: models.KindInfrastructure, SiteID: "col1", Cost: usd(200)},
			{ID: "e-t1", SiteKind: models.KindInfrastructure, SiteID: "t1", Cost: usd(300)},
		},
		Links: []Link{
			{ID: "l-dia", ParentID: "col1", ChildKind: models.KindCircuit, ChildID: "dia1", Weight: one},
			{ID: "l-t1", ParentID: "col1", ChildKind: models.KindInfrastructure, ChildID: "t1", TransportKind: models.KindCircuit, TransportID: "wave1", Weight: one},
			{ID: "l-t2", ParentID: "col1", ChildKind: models.KindInfrastructure, ChildID: "t2", TransportKind: models.KindRFLink, TransportID: "rfbh", Weight: one},
			{ID: "l-a", ParentID: "t1", ChildKind: models.KindCustomer, ChildID: "a", TransportKind: models.KindRFLink, TransportID: "rfa", Weight: one},
			{ID: "l-b", ParentID: "t1", ChildKind: models.KindCustomer, ChildID: "b", TransportKind: models.KindRFLink, TransportID: "rfb", Weight: one},
			{ID: "l-c", ParentID: "t2", ChildKind: models.KindCustomer, ChildID: "c", Weight: one},
		},
	}
}

func asset(t testing.TB, r *Report, id string) AssetPL {
	t.Helper()
	a, ok := r.Asset(id)
	if !ok {
		t.Fatalf("no asset %q in the report", id)
	}
	return a
}

func customer(t testing.TB, r *Report, id string) CustomerPL {
	t.Helper()
	c, ok := r.Customer(id)
	if !ok {
		t.Fatalf("no customer %q in the report", id)
	}
	return c
}

func item(t testing.TB, r *Report, id string) ItemPL {
	t.Helper()
	it, ok := r.Item(id)
	if !ok {
		t.Fatalf("no item %q in the report", id)
	}
	return it
}

func mustCompute(t testing.TB, s *Snapshot) *Report {
	t.Helper()
	r, err := Compute(s)
	if err != nil {
		t.Fatalf("Compute: %v", err)
	}
	return r
}

func TestWorkedExampleAgreesWithTheSpecToTheCent(t *testing.T) {
	r := mustCompute(t, workedExample())
	checks := []struct {
		name      string
		got, want models.Money
	}{
		{"pool(COL1)", asset(t, r, "col1").Pool, usd(4200)},
		{"own(COL1)", asset(t, r, "col1").Own, usd(1200)},
		{"attached(COL1)", asset(t, r, "col1").Attached, usd(3000)},
		{"pool(T1)", asset(t, r, "t1").Pool, usd(6400)},
		{"inherited(T1)", asset(t, r, "t1").Inherited, usd(2100 + 2500)},
		{"pool(T2)", asset(t, r, "t2").Pool, usd(3100)},
		{"inherited(T2)", asset(t, r, "t2").Inherited, usd(2100 + 100)},
		{"cost(A)", customer(t, r, "a").Cost, usd(3220)},
		{"cost(B)", customer(t, r, "b").Cost, usd(3220)},
		{"cost(C)", customer(t, r, "c").Cost, usd(3100)},
		{"margin(A)", customer(t, r, "a").Margin, usd(2780)},
		{"margin(B)", customer(t, r, "b").Margin, usd(780)},
		{"margin(C)", customer(t, r, "c").Margin, usd(400)},
		{"total revenue", r.Totals.TotalRevenue, usd(13500)},
		{"total cost", r.Totals.TotalCost, usd(9540)},
		{"total margin", r.Totals.TotalMargin, usd(3960)},
		{"attributed cost", r.Totals.AttributedCost, usd(9540)},
		{"stranded cost", r.Totals.StrandedCost, 0},
		{"unattributed revenue", r.Totals.UnattributedRevenue, 0},
		{"attributed revenue", r.Totals.AttributedRevenue, usd(13500)},
		{"revenue reaching pool(T1)", asset(t, r, "t1").AttributedRevenue, usd(9937.89)},
		{"revenue(WAVE-1)", item(t, r, "wave1").AttributedRevenue, usd(3881.99)},
		{"margin(WAVE-1)", item(t, r, "wave1").Margin, usd(1381.99)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if len(r.Stranded) != 0 {
		t.Errorf("stranded items = %v, want none", r.Stranded)
	}
	if got := asset(t, r, "t1").DownstreamCustomers; got != 2 {
		t.Errorf("downstream customers of T1 = %d, want 2", got)
	}
	if got := asset(t, r, "col1").DownstreamRevenue; got != usd(13500) {
		t.Errorf("downstream revenue of COL1 = %s, want 13500.00", got)
	}
	if p := item(t, r, "wave1").Placement; p.Kind != PlacementTransport || p.InfrastructureID != "col1" || p.LinkID != "l-t1" {
		t.Errorf("placement of WAVE-1 = %+v", p)
	}
	if got := item(t, r, "dia1").CustomersServed; got != 3 {
		t.Errorf("customers served by DIA-1 = %d, want 3", got)
	}
	if got := item(t, r, "wave1").CustomersServed; got != 2 {
		t.Errorf("customers served by WAVE-1 = %d, want 2", got)
	}
	if pct := customer(t, r, "a").MarginPct; pct == nil || pct.String() != "46.333333" {
		t.Errorf("margin %% of A = %v, want 46.333333", pct)
	}
}

func TestWorkedExampleServingPathsNameAssetsAndTransports(t *testing.T) {
	r := mustCompute(t, workedExample())
	paths := r.ServingPaths("a")
	want := []Hop{
		{InfrastructureID: "col1", InfrastructureName: "COL1", TransportKind: models.KindCircuit, TransportID: "wave1", TransportLabel: "WAVE-1"},
		{InfrastructureID: "t1", InfrastructureName: "T1", TransportKind: models.KindRFLink, TransportID: "rfa", TransportLabel: "RF-A"},
	}
	if len(paths) != 1 || len(paths[0]) != 2 || paths[0][0] != want[0] || paths[0][1] != want[1] {
		t.Fatalf("serving paths of A = %+v, want [%+v]", paths, want)
	}
	if got := r.ServingPaths("c")[0][1]; got.TransportID != "" || got.InfrastructureID != "t2" {
		t.Errorf("last hop to C = %+v, want T2 with no transport", got)
	}
}
