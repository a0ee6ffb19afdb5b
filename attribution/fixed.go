package attribution

import "math/big"

// Revenue is carried in fixed point, as integers of 2^-fracBits cent.
//
// Why not rationals, as for cost: revenue flows up in proportion to cost,
// R·part/K, so the exact revenue reaching an asset has for denominator the
// product of the cost numerators of every customer below it. At the scale of
// the benchmark that is a number of hundreds of thousands of digits, and no
// single pass could be linear. Cost has no such problem: its denominators
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

// fixedCalc is scratch space, so that revenue arithmetic does not allocate
// for every operation. It is not safe for concurrent use.
type fixedCalc struct{ t, u big.Int }

var half64 = new(big.Int).Lsh(big.NewInt(1), 63)

// quotient sets dst to r / k (revenue per cent of cost), truncated; k ≠ 0.
func (f *fixedCalc) quotient(dst *big.Int, r int64, k ratio) {
	dst.SetInt64(r)
	if k.b == nil {
		f.t.SetInt64(k.den())
		dst.Mul(dst, &f.t)
		dst.Lsh(dst, fracBits)
		f.t.SetInt64(k.n)
		dst.Quo(dst, &f.t)
		return
	}
	dst.Mul(dst, k.b.Denom())
	dst.Lsh(dst, fracBits)
	dst.Quo(dst, k.b.Num())
}

// mulWhole sets dst to k·x for k whole cents.
func (f *fixedCalc) mulWhole(dst *big.Int, k int64, x *big.Int) {
	f.t.SetInt64(k)
	dst.Mul(&f.t, x)
}

// mulRatio sets dst to q·x, truncated.
func (f *fixedCalc) mulRatio(dst *big.Int, q ratio, x *big.Int) {
	if q.b == nil {
		f.t.SetInt64(q.n)
		dst.Mul(&f.t, x)
		if d := q.den(); d != 1 {
			f.t.SetInt64(d)
			dst.Quo(dst, &f.t)
		}
		return
	}
	dst.Mul(q.b.Num(), x)
	dst.Quo(dst, q.b.Denom())
}

// split snaps v (in 2^-128 cent) to the nearest 2^-64 cent and returns its
// whole cents and fraction of a cent; ok is false when the cents do not fit
// an int64.
func (f *fixedCalc) split(v *big.Int) (int64, frac128, bool) {
	f.u.Add(v, half64)
	f.u.Rsh(&f.u, fracBits-64) // 2^-64 cents; Rsh floors negatives too
	f.t.Rsh(&f.u, 64)
	if !f.t.IsInt64() {
		return 0, frac128{}, false
	}
	cents := f.t.Int64()
	f.t.Lsh(&f.t, 64)
	f.u.Sub(&f.u, &f.t)
	return cents, frac128{hi: f.u.Uint64()}, true
}
