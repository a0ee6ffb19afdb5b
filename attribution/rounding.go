package attribution

import (
	"cmp"
	"slices"
	"strings"
)

// frac128 is a fraction of a cent in [0, 1), as a 128-bit binary fixed-point
// number.
type frac128 struct{ hi, lo uint64 }

func (a frac128) compare(b frac128) int {
	if c := cmp.Compare(a.hi, b.hi); c != 0 {
		return c
	}
	return cmp.Compare(a.lo, b.lo)
}

func (a frac128) isZero() bool { return a.hi == 0 && a.lo == 0 }

// halfOrMore reports whether the fraction is at least half a cent.
func (a frac128) halfOrMore() bool { return a.hi >= 1<<63 }

// roundHalfUp is the nearest cent, halves upward: for a figure that stands
// alone, with no total it must add up to.
func roundHalfUp(whole int64, f frac128) int64 {
	if f.halfOrMore() {
		return whole + 1
	}
	return whole
}

// portion is one amount to round together with its siblings.
type portion struct {
	whole int64   // ⌊amount⌋ in cents
	frac  frac128 // amount − whole
	// kind, then id, break ties between equal fractions, so that the result
	// does not depend on the order the portions came in. Ties left after
	// that (parts of one breakdown, which share ids) go by position.
	kind uint8
	id   string
}

// largestRemainder rounds the portions to whole cents that add up to total
// (Hamilton's method): each starts at ⌊amount⌋, and the cents still missing
// go one each to the largest fractions. When the amounts add up to total
// exactly, every result is ⌊amount⌋ or ⌈amount⌉ and whole amounts stay as
// they are. It copes with totals that differ more (cents then go round
// again, or are taken back from the smallest fractions first) so that odd
// input never breaks the sum.
func largestRemainder(ps []portion, total int64) []int64 {
	out := make([]int64, len(ps))
	var sum int64
	for i, p := range ps {
		out[i] = p.whole
		sum += p.whole
	}
	diff := total - sum
	if diff == 0 || len(ps) == 0 {
		return out
	}
	order := make([]int32, 0, len(ps))
	if diff > 0 {
		// Whole amounts come last in the order, so they are only touched
		// when the amounts did not add up exactly; leave them out of the sort.
		for i, p := range ps {
			if !p.frac.isZero() {
				order = append(order, int32(i))
			}
		}
		if int64(len(order)) < diff {
			order = order[:0]
			for i := range ps {
				order = append(order, int32(i))
			}
		}
	} else {
		for i := range ps {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(i, j int32) int { return comparePortions(ps, i, j) })
	step := int64(1)
	if diff < 0 {
		// Take cents back from the smallest fractions first.
		slices.Reverse(order)
		step, diff = -1, -diff
	}
	n := int64(len(order))
	each, rest := diff/n, diff%n
	for k, i := range order {
		out[i] += step * each
		if int64(k) < rest {
			out[i] += step
		}
	}
	return out
}

// comparePortions orders portions by descending fraction, then ascending
// kind, id and position.
func comparePortions(ps []portion, i, j int32) int {
	a, b := &ps[i], &ps[j]
	if c := b.frac.compare(a.frac); c != 0 {
		return c
	}
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if c := strings.Compare(a.id, b.id); c != 0 {
		return c
	}
	return cmp.Compare(i, j)
}
