package attribution

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"testing"
)

// randomRatio is a ratio with a value anywhere from small fractions to big
// ones that overflow int64, and the same value as a big.Rat.
func randomRatio(rng interface{ Int64N(int64) int64 }) (ratio, *big.Rat) {
	n := rng.Int64N(2_000_001) - 1_000_000
	d := rng.Int64N(999) + 1
	x := ratio{n: n, d: d}
	r := big.NewRat(n, d)
	x = ratio{n: r.Num().Int64(), d: r.Denom().Int64()}
	for range rng.Int64N(4) { // blow it up past int64 now and then
		k := rng.Int64N(math.MaxInt32) + 1
		x = scale(x, 1, k)
		r.Quo(r, big.NewRat(k, 1))
	}
	return x, r
}

func TestRatioArithmeticIsExact(t *testing.T) {
	rng := newRand(11)
	for range 20_000 {
		x, rx := randomRatio(rng)
		y, ry := randomRatio(rng)
		if got, want := add(x, y).rat(), new(big.Rat).Add(rx, ry); got.Cmp(want) != 0 {
			t.Fatalf("%s + %s = %s", rx, ry, got)
		}
		num, den := rng.Int64N(1000), rng.Int64N(1000)+1
		g := gcd(num, den)
		num, den = num/g, den/g
		if got, want := scale(x, num, den).rat(), new(big.Rat).Mul(rx, big.NewRat(num, den)); got.Cmp(want) != 0 {
			t.Fatalf("%s · %d/%d = %s", rx, num, den, got)
		}
		if got := x.reduce().rat(); got.Cmp(rx) != 0 {
			t.Fatalf("reduce(%s) = %s", rx, got)
		}
		whole, f, ok := x.split()
		fl := new(big.Int).Div(rx.Num(), rx.Denom())
		if !ok || whole != fl.Int64() {
			t.Fatalf("split(%s) = %d, want %s", rx, whole, fl)
		}
		// The fraction is ⌊(x − ⌊x⌋)·2^128⌋.
		rem := new(big.Rat).Sub(rx, new(big.Rat).SetInt(fl))
		rem.Mul(rem, new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(1), 128)))
		want := new(big.Int).Div(rem.Num(), rem.Denom())
		got := new(big.Int).Lsh(new(big.Int).SetUint64(f.hi), 64)
		got.Or(got, new(big.Int).SetUint64(f.lo))
		if got.Cmp(want) != 0 {
			t.Fatalf("fraction of %s = %s, want %s", rx, got, want)
		}
	}
}

func TestFixedPointArithmetic(t *testing.T) {
	rng := newRand(12)
	one := new(big.Int).Lsh(big.NewInt(1), fracBits)
	for range 20_000 {
		r := rng.Int64N(2_000_000) - 1_000_000
		k, rk := randomRatio(rng)
		if k.isZero() {
			continue
		}
		rho, ok := quotient(r, k)
		// Want r/k · 2^128, truncated toward zero.
		want := new(big.Rat).Quo(big.NewRat(r, 1), rk)
		want.Mul(want, new(big.Rat).SetInt(one))
		wantInt := new(big.Int).Quo(want.Num(), want.Denom())
		if !ok {
			if wantInt.BitLen() <= maxRhoBits {
				t.Fatalf("quotient(%d, %s) refused a value that fits", r, rk)
			}
			continue
		}
		if rho.toBig().Cmp(wantInt) != 0 {
			t.Fatalf("quotient(%d, %s) = %s, want %s", r, rk, rho.toBig(), wantInt)
		}
		back, ok := fixedFromBig(rho.toBig(), 255)
		if !ok || back != rho {
			t.Fatalf("fixed ↔ big.Int does not round-trip")
		}
		c := rng.Int64N(1_000_000) - 500_000
		prod := rho.mulInt(c).toBig()
		if prod.Cmp(new(big.Int).Mul(rho.toBig(), big.NewInt(c))) != 0 {
			t.Fatalf("%s · %d = %s", rho.toBig(), c, prod)
		}
		d := uint64(rng.Int64N(1_000_000) + 1)
		if got := rho.divSmall(d).toBig(); got.Cmp(new(big.Int).Quo(rho.toBig(), new(big.Int).SetUint64(d))) != 0 {
			t.Fatalf("%s / %d = %s", rho.toBig(), d, got)
		}
	}
}

func TestSplitSnapsToTheNearest2To64Cent(t *testing.T) {
	unit := new(big.Int).Lsh(big.NewInt(1), 64) // 2^-64 cent in 2^-128 units
	for _, tc := range []struct {
		name  string
		v     *big.Int // in 2^-128 cent
		whole int64
		hi    uint64
	}{
		{"exactly 5 cents", new(big.Int).Lsh(big.NewInt(5), 128), 5, 0},
		{"a hair under 5 cents", new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(5), 128), big.NewInt(1)), 5, 0},
		{"a hair under -5 cents", new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(-5), 128), big.NewInt(1)), -5, 0},
		{"half a cent", new(big.Int).Lsh(big.NewInt(1), 127), 0, 1 << 63},
		{"minus half a cent", new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 127)), -1, 1 << 63},
		{"one 2^-64 cent", unit, 0, 1},
	} {
		x, _ := fixedFromBig(tc.v, 255)
		whole, f, ok := x.split()
		if !ok || whole != tc.whole || f.hi != tc.hi || f.lo != 0 {
			t.Errorf("%s: split = %d + %#x (ok %v), want %d + %#x", tc.name, whole, f.hi, ok, tc.whole, tc.hi)
		}
	}
}

func TestSelectFirstAgreesWithSorting(t *testing.T) {
	rng := newRand(13)
	for range 2000 {
		n := int(rng.Int64N(200))
		keys := make([]int, n)
		for i := range keys {
			keys[i] = int(rng.Int64N(1_000_000))*1000 + i // distinct
		}
		k := 0
		if n > 0 {
			k = int(rng.Int64N(int64(n) + 1))
		}
		got := slices.Clone(keys)
		selectFirst(got, k, cmp.Compare[int])
		slices.Sort(keys)
		first := slices.Clone(got[:k])
		slices.Sort(first)
		if !slices.Equal(first, keys[:k]) {
			t.Fatalf("selectFirst(%d of %d) picked %v", k, n, first)
		}
	}
}

func TestLargestRemainder(t *testing.T) {
	f := func(hi uint64) frac128 { return frac128{hi: hi} }
	third, twoThirds := f(math.MaxUint64/3), f(math.MaxUint64/3*2)
	byRef := func(p *portion) string { return string(rune('a' + p.ref)) }
	for _, tc := range []struct {
		name  string
		ps    []portion
		total int64
		want  []int64
		id    func(*portion) string
	}{
		{"thirds of a dollar, ties by position", []portion{{33, third, 0, 2}, {33, third, 0, 0}, {33, third, 0, 1}}, 100, []int64{34, 33, 33}, nil},
		{"thirds of a dollar, ties by ID", []portion{{33, third, 0, 2}, {33, third, 0, 0}, {33, third, 0, 1}}, 100, []int64{33, 34, 33}, byRef},
		{"ties by kind before ID", []portion{{33, third, 1, 0}, {33, third, 0, 2}, {33, third, 1, 1}}, 100, []int64{33, 34, 33}, byRef},
		{"the largest fraction first", []portion{{1, third, 0, 0}, {1, twoThirds, 0, 1}}, 3, []int64{1, 2}, nil},
		{"whole amounts are left alone", []portion{{5, frac128{}, 0, 0}, {1, f(1 << 63), 0, 1}, {1, f(1 << 63), 0, 2}}, 8, []int64{5, 2, 1}, nil},
		{"a total too large goes round again", []portion{{1, frac128{}, 0, 0}, {1, f(1), 0, 1}}, 7, []int64{3, 4}, nil},
		{"a total too small takes from the smallest fractions", []portion{{5, f(10), 0, 0}, {5, f(20), 0, 1}}, 9, []int64{4, 5}, nil},
		{"nothing to round", nil, 5, []int64{}, nil},
	} {
		got := largestRemainder(tc.ps, tc.total, tc.id)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		margin, revenue int64
		want            string
	}{
		{278000, 600000, "46.333333"}, {-5, 10, "-50"}, {2, 3, "66.666667"}, {-2, 3, "-66.666667"},
		{math.MaxInt64, 1, "9223372036854.775807"},
	} {
		if got := percent(tc.margin, tc.revenue).String(); got != tc.want {
			t.Errorf("percent(%d, %d) = %s, want %s", tc.margin, tc.revenue, got, tc.want)
		}
	}
}

func TestIDIndexFindsEveryIDAndNothingElse(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100, 5000} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("id-%d", i*7)
		}
		x, err := newIDIndex(n, "thing", func(i int32) string { return ids[i] })
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range ids {
			if got, ok := x.get(id); !ok || got != int32(i) {
				t.Fatalf("n=%d: get(%q) = %d, %v", n, id, got, ok)
			}
		}
		for _, id := range []string{"", "id-1", "id-", "id-00", "id-" + fmt.Sprint(n*7)} {
			if _, ok := x.get(id); ok {
				t.Fatalf("n=%d: get(%q) found something", n, id)
			}
		}
	}
	if _, err := newIDIndex(3, "thing", func(i int32) string { return []string{"a", "b", "a"}[i] }); !errors.Is(err, ErrSnapshot) {
		t.Errorf("a duplicate ID: %v, want ErrSnapshot", err)
	}
}
