package attribution

import "testing"

// BenchmarkCompute recomputes the spec's scale: 10,000 assets, 100,000
// customers and 150,000 links. Run it on one core: go test -bench Compute -cpu 1.
func BenchmarkCompute(b *testing.B) {
	s := SyntheticSnapshot(10_000, 100_000, 150_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewGraph is the share of BenchmarkCompute spent resolving the
// snapshot's IDs and links.
func BenchmarkNewGraph(b *testing.B) {
	s := SyntheticSnapshot(10_000, 100_000, 150_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewGraph(s); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTheSyntheticNetworkConservesToTheCent(t *testing.T) {
	if testing.Short() {
		t.Skip("a network of the benchmark's size")
	}
	r := mustCompute(t, SyntheticSnapshot(10_000, 100_000, 150_000, 1))
	if msg := checkTotals(r); msg != "" {
		t.Fatal(msg)
	}
	if r.Totals.StrandedCost == 0 || r.Totals.UnattributedRevenue == 0 || len(r.Stranded) == 0 {
		t.Errorf("the synthetic network should exercise stranded cost and unattributed revenue: %+v", r.Totals)
	}
	// Breakdowns of a sample of sites.
	assets, customers := r.Assets(), r.Customers()
	for i := 0; i < len(assets); i += 97 {
		if msg := checkAsset(r, &assets[i]); msg != "" {
			t.Fatal(msg)
		}
	}
	for i := 0; i < len(customers); i += 997 {
		if msg := checkCustomer(r, &customers[i]); msg != "" {
			t.Fatal(msg)
		}
	}
}
