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
