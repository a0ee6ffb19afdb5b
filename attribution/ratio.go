package attribution

import (
	"math"
	"math/big"
	"math/bits"
)

// ratio is an exact rational number of cents. Costs are split by ratios of
// small integers (weight / Σ weights), so most amounts fit in two int64s and
// cost no allocation. An amount that outgrows them moves to a big fraction
// and stays exact, only slower; big fractions are not kept in lowest terms
// as they go (that GCD is most of the price of big.Rat), only when an
// asset's pool is complete (see reduce). The zero value is 0.
type ratio struct {
	n, d int64    // n/d in lowest terms, d > 0 (0 read as 1), when b is nil
	b    *bigFrac // the value when it does not fit n/d; never mutated once shared
}

// bigFrac is num/den with den > 0, not necessarily in lowest terms.
type bigFrac struct{ num, den big.Int }

// whole is k cents as a ratio.
func whole(k int64) ratio { return ratio{n: k, d: 1} }

func (x ratio) den() int64 {
	if x.d == 0 {
		return 1
	}
	return x.d
}

func (x ratio) sign() int {
	if x.b != nil {
		return x.b.num.Sign()
	}
	switch {
	case x.n > 0:
		return 1
	case x.n < 0:
		return -1
	}
	return 0
}

func (x ratio) isZero() bool { return x.sign() == 0 }

// big returns x as a fresh bigFrac.
func (x ratio) big() *bigFrac {
	f := new(bigFrac)
	if x.b != nil {
		f.num.Set(&x.b.num)
		f.den.Set(&x.b.den)
		return f
	}
	f.num.SetInt64(x.n)
	f.den.SetInt64(x.den())
	return f
}

// rat returns x as a big.Rat, in lowest terms.
func (x ratio) rat() *big.Rat {
	if x.b != nil {
		return new(big.Rat).SetFrac(&x.b.num, &x.b.den)
	}
	return new(big.Rat).SetFrac64(x.n, x.den())
}

// fromRat is r as a ratio.
func fromRat(r *big.Rat) ratio {
	if n, d := r.Num(), r.Denom(); n.IsInt64() && d.IsInt64() && n.Int64() != math.MinInt64 {
		return ratio{n: n.Int64(), d: d.Int64()}
	}
	f := new(bigFrac)
	f.num.Set(r.Num())
	f.den.Set(r.Denom())
	return ratio{b: f}
}

// reduce brings x to lowest terms, and back to the fast form when it fits
// again (pools often collapse to whole cents).
func (x ratio) reduce() ratio {
	if x.b == nil {
		return x
	}
	var g big.Int
	g.GCD(nil, nil, &x.b.num, &x.b.den)
	f := new(bigFrac)
	if g.Sign() == 0 { // num = 0
		return ratio{n: 0, d: 1}
	}
	f.num.Quo(&x.b.num, &g)
	f.den.Quo(&x.b.den, &g)
	if f.num.IsInt64() && f.den.IsInt64() && f.num.Int64() != math.MinInt64 {
		return ratio{n: f.num.Int64(), d: f.den.Int64()}
	}
	return ratio{b: f}
}

// add returns x + y.
func add(x, y ratio) ratio {
	if x.b == nil && y.b == nil {
		if x.n == 0 {
			return ratio{n: y.n, d: y.den()}
		}
		if y.n == 0 {
			return ratio{n: x.n, d: x.den()}
		}
		if y.den() == 1 {
			x, y = y, x // make x the whole one
		}
		if x.den() == 1 {
			// k + n/d = (k·d + n)/d, still in lowest terms: no GCD.
			if kd, ok := mul64(x.n, y.den()); ok {
				if t, ok := add64(kd, y.n); ok {
					return ratio{n: t, d: y.den()}
				}
			}
		}
		if r, ok := addSmall(x.n, x.den(), y.n, y.den()); ok {
			return r
		}
	}
	if y.isZero() {
		return x
	}
	if x.isZero() {
		return y
	}
	if x.b == nil {
		x, y = y, x // make x the big one
	}
	if x.b == nil {
		x = ratio{b: x.big()} // both small, but their sum overflowed
	}
	f := new(bigFrac)
	if y.b == nil {
		// num/den + n/d = (num·d + n·den) / (den·d)
		var t big.Int
		f.num.Mul(&x.b.num, t.SetInt64(y.den()))
		f.num.Add(&f.num, t.Mul(t.SetInt64(y.n), &x.b.den))
		f.den.Mul(&x.b.den, t.SetInt64(y.den()))
		return ratio{b: f}
	}
	var t big.Int
	f.num.Mul(&x.b.num, &y.b.den)
	f.num.Add(&f.num, t.Mul(&y.b.num, &x.b.den))
	f.den.Mul(&x.b.den, &y.b.den)
	return ratio{b: f}
}

// addSmall adds a/b + c/d by Knuth's method (TAOCP 4.5.1), which keeps the
// intermediate products as small as they can be; ok is false on overflow.
func addSmall(a, b, c, d int64) (ratio, bool) {
	if b == d {
		t, ok := add64(a, c)
		if !ok {
			return ratio{}, false
		}
		if b == 1 {
			return ratio{n: t, d: 1}, true
		}
		g := gcd(abs64(t), b)
		return ratio{n: t / g, d: b / g}, true
	}
	g := gcd(b, d)
	b1, d1 := b/g, d/g
	ad, ok1 := mul64(a, d1)
	cb, ok2 := mul64(c, b1)
	t, ok3 := add64(ad, cb)
	if !ok1 || !ok2 || !ok3 {
		return ratio{}, false
	}
	if t == 0 {
		return ratio{n: 0, d: 1}, true
	}
	g2 := gcd(abs64(t), g)
	den, ok := mul64(b1, d/g2)
	return ratio{n: t / g2, d: den}, ok
}

// scale returns x·num/den, where num ≥ 0, den > 0 and num/den is in lowest
// terms (a share).
func scale(x ratio, num, den int64) ratio {
	if num == 0 || x.isZero() {
		return ratio{n: 0, d: 1}
	}
	if num == den {
		return x
	}
	if x.b == nil {
		n, d := x.n, x.den()
		g1 := gcd(abs64(n), den)
		g2 := gcd(num, d)
		nn, ok1 := mul64(n/g1, num/g2)
		dd, ok2 := mul64(d/g2, den/g1)
		if ok1 && ok2 {
			return ratio{n: nn, d: dd}
		}
	}
	f := x.big()
	var t big.Int
	f.num.Mul(&f.num, t.SetInt64(num))
	f.den.Mul(&f.den, t.SetInt64(den))
	return ratio{b: f}
}

// split returns ⌊x⌋ and the fraction x − ⌊x⌋ to 128 bits (truncated); ok is
// false when ⌊x⌋ does not fit an int64. Two different fractions whose
// denominators fit an int64 differ by more than 2^-126, so their 128-bit
// truncations never tie: the order of such remainders is exact. (Big
// fractions closer than 2^-128 cent tie, and the tie-break decides.)
func (x ratio) split() (int64, frac128, bool) {
	if x.b == nil {
		n, d := x.n, x.den()
		q, r := n/d, n%d
		if r < 0 {
			q--
			r += d
		}
		hi, r1 := bits.Div64(uint64(r), 0, uint64(d))
		lo, _ := bits.Div64(r1, 0, uint64(d))
		return q, frac128{hi: hi, lo: lo}, true
	}
	q, m := new(big.Int).DivMod(&x.b.num, &x.b.den, new(big.Int))
	if !q.IsInt64() {
		return 0, frac128{}, false
	}
	m.Lsh(m, 128)
	m.Quo(m, &x.b.den)
	lo := new(big.Int).And(m, maxUint64).Uint64()
	hi := m.Rsh(m, 64).Uint64()
	return q.Int64(), frac128{hi: hi, lo: lo}, true
}

var maxUint64 = new(big.Int).SetUint64(math.MaxUint64)

// mul64 multiplies with overflow detection; results never reach MinInt64,
// so abs64 stays safe.
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add64 adds with overflow detection, refusing MinInt64 as a result too.
func add64(a, b int64) (int64, bool) {
	c := a + b
	if (a > 0 && b > 0 && c < 0) || (a < 0 && b < 0 && c >= 0) || c == math.MinInt64 {
		return 0, false
	}
	return c, true
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// gcd of two non-negative numbers (binary GCD: no divisions).
func gcd(a, b int64) int64 {
	switch {
	case a == 0:
		return b
	case b == 0:
		return a
	case a == 1 || b == 1: // unit weights and whole cents: the usual case
		return 1
	}
	x, y := uint64(a), uint64(b)
	shift := bits.TrailingZeros64(x | y)
	x >>= bits.TrailingZeros64(x)
	for y != 0 {
		y >>= bits.TrailingZeros64(y)
		if x > y {
			x, y = y, x
		}
		y -= x
	}
	return int64(x << shift)
}
