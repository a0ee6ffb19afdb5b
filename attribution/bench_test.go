package attribution

import (
	"reflect"
	"testing"
)

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

func TestSyntheticSnapshotsOfAnySizeAreValid(t *testing.T) {
	for _, size := range [][3]int{{0, 0, 0}, {0, 5, 10}, {1, 0, 10}, {1, 3, 2}, {3, 10, 5}, {20, 50, 100}, {100, 1000, 1500}} {
		s := SyntheticSnapshot(size[0], size[1], size[2], 7)
		if len(s.Assets) != size[0] || len(s.Customers) != size[1] || (size[0] > 0 && len(s.Links) != size[2]) {
			t.Errorf("SyntheticSnapshot%v: %d assets, %d customers, %d links", size, len(s.Assets), len(s.Customers), len(s.Links))
		}
		r := mustCompute(t, s)
		if msg := checkConservation(r); msg != "" {
			t.Errorf("SyntheticSnapshot%v: %s", size, msg)
		}
	}
	a, b := SyntheticSnapshot(30, 200, 300, 9), SyntheticSnapshot(30, 200, 300, 9)
	if !reflect.DeepEqual(a, b) {
		t.Error("the same seed gave two different networks")
	}
}
