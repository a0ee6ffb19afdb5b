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
	// kind, then the ID of the record ref names (see flows.portionID),
	// break ties between equal fractions, so that the result does not
	// depend on the order the portions came in. Ties left after that go by
	// position (parts of one breakdown, listed in a set order). No string
	// here: a slice of portions has no pointers for the GC to scan.
	kind uint8
	ref  int32
}

// largestRemainder rounds the portions to whole cents that add up to total
// (Hamilton's method): each starts at ⌊amount⌋, and the cents still missing
// go one each to the largest fractions. When the amounts add up to total
// exactly, every result is ⌊amount⌋ or ⌈amount⌉ and whole amounts stay as
// they are. It copes with totals that differ more (cents then go round
// again, or are taken back from the smallest fractions first) so that odd
// input never breaks the sum.
func largestRemainder(ps []portion, total int64, id func(*portion) string) []int64 {
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
	// Order compact keys rather than the portions themselves: fractions
	// decide nearly every comparison, and kind and id only break ties.
	order := make([]rankKey, 0, len(ps))
	if diff > 0 {
		// Whole amounts come last in the order, so they are only touched
		// when the amounts did not add up exactly; leave them out of the sort.
		for i, p := range ps {
			if !p.frac.isZero() {
				order = append(order, rankKey{p.frac, int32(i)})
			}
		}
		if int64(len(order)) < diff {
			order = order[:0]
		}
	}
	if len(order) == 0 {
		for i, p := range ps {
			order = append(order, rankKey{p.frac, int32(i)})
		}
	}
	first := func(a, b rankKey) int { // largest fraction first
		if c := b.frac.compare(a.frac); c != 0 {
			return c
		}
		return tieBreak(ps, a.i, b.i, id)
	}
	step := int64(1)
	if diff < 0 {
		// Take cents back from the smallest fractions first.
		step, diff = -1, -diff
		first = func(a, b rankKey) int {
			if c := a.frac.compare(b.frac); c != 0 {
				return c
			}
			return -tieBreak(ps, a.i, b.i, id)
		}
	}
	n := int64(len(order))
	each, rest := diff/n, diff%n
	// Only which portions come first matters, not their order among
	// themselves: a selection, linear, rather than a sort.
	selectFirst(order, int(rest), first)
	for k, key := range order {
		out[key.i] += step * each
		if int64(k) < rest {
			out[key.i] += step
		}
	}
	return out
}

// selectFirst rearranges keys so that keys[:k] are the k keys that come
// first by cmp, a strict total order (Hoare's FIND with a median-of-three
// pivot; linear on average).
func selectFirst[T any](keys []T, k int, cmp func(a, b T) int) {
	if k <= 0 || k >= len(keys) {
		return
	}
	lo, hi := 0, len(keys)-1
	for hi-lo > 12 {
		mid := lo + (hi-lo)/2
		if cmp(keys[mid], keys[lo]) < 0 {
			keys[mid], keys[lo] = keys[lo], keys[mid]
		}
		if cmp(keys[hi], keys[mid]) < 0 {
			keys[hi], keys[mid] = keys[mid], keys[hi]
			if cmp(keys[mid], keys[lo]) < 0 {
				keys[mid], keys[lo] = keys[lo], keys[mid]
			}
		}
		pivot := keys[mid]
		i, j := lo, hi
		for i <= j {
			for cmp(keys[i], pivot) < 0 {
				i++
			}
			for cmp(pivot, keys[j]) < 0 {
				j--
			}
			if i <= j {
				keys[i], keys[j] = keys[j], keys[i]
				i++
				j--
			}
		}
		// Now keys[lo..j] ≤ pivot ≤ keys[i..hi], and keys between j and i
		// equal the pivot.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
	slices.SortFunc(keys[lo:hi+1], cmp)
}

// rankKey is a portion's place in the largest-remainder order.
type rankKey struct {
	frac frac128
	i    int32
}

// tieBreak orders portions with equal fractions: by kind, by ID (when id
// is given), then by position.
func tieBreak(ps []portion, i, j int32, id func(*portion) string) int {
	a, b := &ps[i], &ps[j]
	if c := cmp.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	if id != nil {
		if c := strings.Compare(id(a), id(b)); c != 0 {
			return c
		}
	}
	return cmp.Compare(i, j)
}
