package analytics

import (
	"math"
	"math/big"
	"time"

	"github.com/xiber/netos/models"
)

// ProjectedMRC is the monthly charge on day on of a contract whose base
// price is base at termStart and which rises by escalatorPct percent (3.0 =
// 3 %) at every anniversary of termStart: base × (1 + pct/100)^n, where n
// counts the anniversaries strictly after termStart and on or before on
// (see Anniversaries). The power is exact (big.Rat) and rounded half-up to
// the cent once, at the end, so three 3 % steps on $1,000.00 give $1,092.73
// and not a sum of rounded steps. With no escalator, no term start, or on
// before the first anniversary, it is base.
func ProjectedMRC(base models.Money, escalatorPct *models.Decimal, termStart *models.Date, on models.Date) models.Money {
	if escalatorPct == nil || *escalatorPct == 0 || !isSet(termStart) {
		return base
	}
	return escalate(base, *escalatorPct, Anniversaries(*termStart, on))
}

// hundredPercent is 100 % in millionths of a percent.
const hundredPercent = 100 * models.DecimalScale

// escalate is base × (1 + pct/100)^n rounded half-up to the cent: in
// 128-bit integers when they suffice, else exactly as escalateExact.
func escalate(base models.Money, pct models.Decimal, n int) models.Money {
	if n == 0 {
		return base
	}
	if m, ok := escalateFast(base, pct, n); ok {
		return m
	}
	return escalateExact(base, pct, n)
}

// escalateFast reduces (10⁸ + pct) / 10⁸ to lowest terms a/b (103/100 for
// 3 %) and computes |base|·aⁿ / bⁿ in 128 bits; ok false when a step would
// overflow.
func escalateFast(base models.Money, pct models.Decimal, n int) (models.Money, bool) {
	if n < 0 || int64(pct) > math.MaxInt64-hundredPercent || int64(pct) <= -hundredPercent {
		return 0, false
	}
	f := uint64(hundredPercent + int64(pct))
	g := gcd64(f, hundredPercent)
	an, ok := pow64(f/g, n)
	if !ok {
		return 0, false
	}
	bn, ok := pow64(hundredPercent/g, n)
	if !ok {
		return 0, false
	}
	num, ok := u128{0, abs64(int64(base))}.mul64(an)
	if !ok {
		return 0, false
	}
	q, ok := roundDiv(num, bn)
	if !ok {
		return 0, false
	}
	return signed(q, base < 0), true
}

// escalateExact is escalate in big.Rat: the definition.
func escalateExact(base models.Money, pct models.Decimal, n int) models.Money {
	// 1 + pct/100 with pct in millionths is (10⁸ + pct) / 10⁸.
	num := new(big.Int).Exp(big.NewInt(hundredPercent+int64(pct)), big.NewInt(int64(n)), nil)
	den := new(big.Int).Exp(big.NewInt(hundredPercent), big.NewInt(int64(n)), nil)
	factor := new(big.Rat).SetFrac(num, den)
	return roundCents(factor.Mul(factor, ratCents(base)))
}

// Anniversaries counts the anniversaries of termStart that fall strictly
// after it and on or before on: 0 until the first anniversary, 1 on it. A
// term that starts on February 29 has its anniversary on February 28 in
// common years, so the price does not wait for March.
func Anniversaries(termStart, on models.Date) int {
	sy, _, _ := ymd(termStart)
	oy, _, _ := ymd(on)
	n := oy - sy
	if n > 0 && Anniversary(termStart, n).After(on) {
		n--
	}
	return max(n, 0)
}

// Anniversary is the k-th anniversary of start: the same month and day k
// years on, February 29 falling on February 28 in common years.
func Anniversary(start models.Date, k int) models.Date {
	y, m, d := ymd(start)
	y += k
	if m == time.February && d == 29 && daysIn(y, time.February) == 28 {
		d = 28
	}
	return models.NewDate(y, m, d)
}

// CircuitMRCOn is the projected_mrc_usd of a circuit on a day.
func CircuitMRCOn(c *models.Circuit, on models.Date) models.Money {
	return ProjectedMRC(c.MRC, c.EscalatorPct, c.TermStart, on)
}

// AssetMRCOn is the projected_mrc_usd of an infrastructure asset on a day.
func AssetMRCOn(a *models.InfrastructureAsset, on models.Date) models.Money {
	return ProjectedMRC(a.MRC, a.PriceEscalatorPct, a.TermStart, on)
}
