package analytics

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/xiber/netos/models"
)

// roundCents rounds an exact amount of cents half-up (half away from zero for
// negative amounts, so that rounding is symmetric) to whole cents. Amounts
// beyond int64 saturate rather than wrap: no NetOS amount comes near, and a
// wrong sign would be worse than a capped figure.
func roundCents(r *big.Rat) models.Money {
	num := new(big.Int).Abs(r.Num())
	den := r.Denom() // always positive
	// floor((2·|num| + den) / (2·den)) is |r| rounded half-up.
	twice := new(big.Int).Lsh(num, 1)
	twice.Add(twice, den)
	q := twice.Quo(twice, new(big.Int).Lsh(den, 1))
	if r.Sign() < 0 {
		q.Neg(q)
	}
	if !q.IsInt64() {
		if q.Sign() < 0 {
			return models.Money(math.MinInt64)
		}
		return models.Money(math.MaxInt64)
	}
	return models.Money(q.Int64())
}

// ratCents is an amount of money as an exact rational number of cents.
func ratCents(m models.Money) *big.Rat { return new(big.Rat).SetInt64(int64(m)) }

// The hot paths (the dashboard prices every circuit for twelve months) do
// the same exact arithmetic in 128-bit integers when every intermediate
// fits, and fall back to big.Rat when one does not; the answer is the same
// either way (TestFastExactMatchesBigRat).

// u128 is an unsigned 128-bit integer.
type u128 struct{ hi, lo uint64 }

// mul64 is x·y, ok false on overflow.
func (x u128) mul64(y uint64) (u128, bool) {
	hi1, lo := bits.Mul64(x.lo, y)
	hi2, mid := bits.Mul64(x.hi, y)
	if hi2 != 0 {
		return u128{}, false
	}
	hi, carry := bits.Add64(hi1, mid, 0)
	if carry != 0 {
		return u128{}, false
	}
	return u128{hi, lo}, true
}

// roundDiv is num / den rounded half-up (den > 0), ok false when it does
// not fit an int64 or an intermediate overflows.
func roundDiv(num u128, den uint64) (int64, bool) {
	if den == 0 || den > math.MaxUint64/2 {
		return 0, false
	}
	// floor((2·num + den) / (2·den)), as roundCents computes it.
	if num.hi>>63 != 0 {
		return 0, false
	}
	twice := u128{num.hi<<1 | num.lo>>63, num.lo << 1}
	lo, carry := bits.Add64(twice.lo, den, 0)
	hi, carry := bits.Add64(twice.hi, 0, carry)
	if carry != 0 {
		return 0, false
	}
	d := den << 1
	if hi >= d {
		return 0, false // the quotient would not fit 64 bits
	}
	q, _ := bits.Div64(hi, lo, d)
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

// abs64 is |v| as an unsigned number (math.MinInt64 included).
func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// pow64 is b^n, ok false on overflow.
func pow64(b uint64, n int) (uint64, bool) {
	r := uint64(1)
	for range n {
		hi, lo := bits.Mul64(r, b)
		if hi != 0 {
			return 0, false
		}
		r = lo
	}
	return r, true
}

func gcd64(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// signed applies a sign to a magnitude rounded half away from zero.
func signed(q int64, negative bool) models.Money {
	if negative {
		return models.Money(-q)
	}
	return models.Money(q)
}
