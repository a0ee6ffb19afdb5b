package attribution

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/xiber/netos/models"
)

// TestOddInputNeverPanics throws random garbage at Compute: dangling and
// mistyped references, cycles, self-links, duplicate pairs, items placed
// many times, negative and huge amounts and weights. Compute must answer
// with a report that conserves, or with ErrCycle or ErrSnapshot.
func TestOddInputNeverPanics(t *testing.T) {
	rng := newRand(21)
	kinds := []string{models.KindInfrastructure, models.KindCustomer, models.KindCircuit, models.KindRFLink, "", "bogus"}
	amounts := []models.Money{0, 1, -1, 250_00, -99_99, math.MaxInt64, math.MinInt64, 1 << 61}
	weights := []models.Decimal{0, 1, -1, models.DecimalFromInt(1), math.MaxInt64, math.MinInt64, 333_333}
	for run := range 5000 {
		ids := []string{"a", "b", "c", "d", "e", "f", "g", ""}
		pick := func() string { return ids[rng.IntN(len(ids))] }
		amount := func() models.Money {
			if rng.IntN(4) == 0 {
				return amounts[rng.IntN(len(amounts))]
			}
			return models.Money(rng.IntN(100_000))
		}
		s := &Snapshot{}
		used := map[string]bool{}
		fresh := func() string {
			for range 20 {
				if id := pick(); !used[id] {
					used[id] = true
					return id
				}
			}
			return fmt.Sprint("x", run, len(used))
		}
		if rng.IntN(10) == 0 {
			used = map[string]bool{} // let duplicates through now and then
		}
		for range rng.IntN(4) {
			s.Assets = append(s.Assets, Asset{ID: fresh(), Active: rng.IntN(2) == 0, MRC: amount()})
		}
		for range rng.IntN(4) {
			s.Customers = append(s.Customers, Customer{ID: fresh(), Active: rng.IntN(2) == 0, MRR: amount()})
		}
		for range rng.IntN(3) {
			s.Circuits = append(s.Circuits, Item{ID: fresh(), Counts: rng.IntN(2) == 0, Cost: amount()})
		}
		for range rng.IntN(3) {
			s.RFLinks = append(s.RFLinks, Item{ID: fresh(), Counts: rng.IntN(2) == 0, Cost: amount()})
		}
		for range rng.IntN(3) {
			s.Electrical = append(s.Electrical, Electrical{ID: pick() + "e", SiteKind: kinds[rng.IntN(3)], SiteID: pick(), Cost: amount()})
		}
		for range rng.IntN(10) {
			s.Links = append(s.Links, Link{ID: pick(), ParentID: pick(), ChildKind: kinds[rng.IntN(len(kinds))], ChildID: pick(),
				TransportKind: kinds[rng.IntN(len(kinds))], TransportID: pick(), Weight: weights[rng.IntN(len(weights))]})
		}
		r, err := compute(s)
		switch {
		case errors.Is(err, ErrCycle) || errors.Is(err, ErrSnapshot):
		case err != nil:
			t.Fatalf("run %d: unexpected error %v", run, err)
		default:
			if msg := checkConservation(r); msg != "" {
				t.Fatalf("run %d: %s\n%+v", run, msg, s)
			}
			canonicalOf(r) // every helper, on every record
		}
	}
}

// compute is Compute with a panic turned into a test-friendly error.
func compute(s *Snapshot) (r *Report, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return Compute(s)
}
