package attribution

import (
	"math"
	"math/big"
	"math/bits"
)

// Revenue is carried in fixed point, as integers of 2^-fracBits cent.
//
// Why not rationals, as for cost: revenue flows up in proportion to cost,
// R·part/K, so the exact revenue reaching an asset has for denominator the
// product of the cost numerators of every customer below it. At the scale of
// the benchmark that is a number of hundreds of thousands of digits, and no
// pass over it could be linear. Cost has no such problem: its denominators
// only multiply allocation weights.
//
// Every revenue figure is a sum of non-negative multiples of truncated
// quotients, each off by less than 2^-128 of a unit, so a figure is off by
// less than |cost item| · (depth + 1) · 2^-128 cent: under 2^-60 cent for any
// network that fits in int64 cents. Before rounding, split snaps a figure to
// the nearest 2^-64 cent, far coarser than that error and far finer than a
// cent, so that a figure that is exactly a whole or a half cent is seen as
// exactly that, and equal figures reached by different paths tie exactly.
const fracBits = 128

// fixed is a signed fixed-point number with fracBits fraction bits, as a
// 256-bit two's complement integer, least significant word first. It holds
// revenue per cent of cost (ρ, whose magnitude stays below 2^maxRhoBits)
// and revenue amounts (cost·ρ, below 2^253), with no allocation.
type fixed [4]uint64

// maxRhoBits bounds |ρ| (2^62 dollars of revenue per cent of cost), so that
// weighted sums and products with costs stay within 256 bits.
const maxRhoBits = fracBits + 62

func (x *fixed) isZero() bool { return x[0]|x[1]|x[2]|x[3] == 0 }

func (x *fixed) negative() bool { return x[3]>>63 == 1 }

// neg returns −x.
func (x fixed) neg() fixed {
	var r fixed
	var borrow uint64
	for i := range x {
		r[i], borrow = bits.Sub64(0, x[i], borrow)
	}
	return r
}

// abs returns |x| and whether x was negative.
func (x fixed) abs() (fixed, bool) {
	if x.negative() {
		return x.neg(), true
	}
	return x, false
}

// add returns x + y (mod 2^256: callers keep within range).
func (x fixed) add(y fixed) fixed {
	var r fixed
	var carry uint64
	for i := range x {
		r[i], carry = bits.Add64(x[i], y[i], carry)
	}
	return r
}

// mulSmall returns x·k for k ≥ 0 (two's complement multiplication is exact
// modulo 2^256, and callers keep within range).
func (x fixed) mulSmall(k uint64) fixed {
	var r fixed
	var carry uint64
	for i := range x {
		hi, lo := bits.Mul64(x[i], k)
		var c uint64
		r[i], c = bits.Add64(lo, carry, 0)
		carry = hi + c
	}
	return r
}

// mulInt returns x·k.
func (x fixed) mulInt(k int64) fixed {
	if k < 0 {
		return x.mulSmall(magnitude(k)).neg()
	}
	return x.mulSmall(uint64(k))
}

// divSmall returns x/k truncated toward zero, for k > 0.
func (x fixed) divSmall(k uint64) fixed {
	m, neg := x.abs()
	var q fixed
	var rem uint64
	for i := 3; i >= 0; i-- {
		q[i], rem = bits.Div64(rem, m[i], k)
	}
	if neg {
		return q.neg()
	}
	return q
}

// fits reports whether |x| < 2^n.
func (x fixed) fits(n uint) bool {
	m, _ := x.abs()
	return m.bitLen() <= int(n)
}

func (x fixed) bitLen() int {
	for i := 3; i >= 0; i-- {
		if x[i] != 0 {
			return 64*i + bits.Len64(x[i])
		}
	}
	return 0
}

// toBig converts x to a big.Int (slow paths only).
func (x fixed) toBig() *big.Int {
	m, neg := x.abs()
	b := make([]byte, 32)
	for i := range m {
		for j := range 8 {
			b[31-8*i-j] = byte(m[i] >> (8 * j))
		}
	}
	r := new(big.Int).SetBytes(b)
	if neg {
		r.Neg(r)
	}
	return r
}

// fixedFromBig converts b, or reports false when |b| ≥ 2^n (n ≤ 255).
func fixedFromBig(b *big.Int, n uint) (fixed, bool) {
	if b.BitLen() > int(n) {
		return fixed{}, false
	}
	var buf [32]byte
	new(big.Int).Abs(b).FillBytes(buf[:])
	var m fixed
	for i := range m {
		for j := range 8 {
			m[i] |= uint64(buf[31-8*i-j]) << (8 * j)
		}
	}
	if b.Sign() < 0 {
		return m.neg(), true
	}
	return m, true
}

// quotient is r / k (revenue per cent of cost), truncated toward zero; ok
// is false when it is too large to carry (only a cost that nearly cancels
// out, with credits, can make it so).
func quotient(r int64, k ratio) (fixed, bool) {
	if k.b == nil {
		// r·d·2^128 / n, on magnitudes.
		hi, lo := bits.Mul64(magnitude(r), uint64(k.den()))
		x := fixed{0, 0, lo, hi}.divSmall(magnitude(k.n))
		if !x.fits(maxRhoBits) {
			return fixed{}, false
		}
		if (r < 0) != (k.n < 0) {
			x = x.neg()
		}
		return x, true
	}
	v := new(big.Int).SetInt64(r)
	v.Mul(v, &k.b.den)
	v.Lsh(v, fracBits)
	v.Quo(v, &k.b.num)
	return fixedFromBig(v, maxRhoBits)
}

// mulRatio is q·x, truncated; ok is false when it does not fit.
func mulRatio(q ratio, x fixed) (fixed, bool) {
	if q.b == nil {
		if !x.fits(253 - 63) {
			return fixed{}, false
		}
		v := x.mulInt(q.n)
		if d := q.den(); d != 1 {
			v = v.divSmall(uint64(d))
		}
		return v, true
	}
	v := x.toBig()
	v.Mul(v, &q.b.num)
	v.Quo(v, &q.b.den)
	return fixedFromBig(v, 254)
}

// split snaps x (in 2^-128 cent) to the nearest 2^-64 cent and returns its
// whole cents and fraction of a cent; ok is false when the cents do not fit
// an int64.
func (x fixed) split() (int64, frac128, bool) {
	var carry uint64
	var w [4]uint64
	w[0], carry = bits.Add64(x[0], 1<<63, 0)
	w[1], carry = bits.Add64(x[1], 0, carry)
	w[2], carry = bits.Add64(x[2], 0, carry)
	w[3], _ = bits.Add64(x[3], 0, carry)
	// Dropping word 0 floors to 2^-64 cent (two's complement floors negatives
	// too); words 2..3 are then the whole cents, word 1 the fraction.
	hiWord, cents := w[3], w[2]
	if !(hiWord == 0 && cents>>63 == 0) && !(hiWord == math.MaxUint64 && cents>>63 == 1) {
		return 0, frac128{}, false
	}
	return int64(cents), frac128{hi: w[1]}, true
}
