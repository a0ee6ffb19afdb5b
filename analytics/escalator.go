package analytics

import (
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
	n := Anniversaries(*termStart, on)
	if n == 0 {
		return base
	}
	// 1 + pct/100 with pct in millionths is (10⁸ + pct) / 10⁸.
	const hundredPercent = 100 * models.DecimalScale
	num := new(big.Int).Exp(big.NewInt(hundredPercent+int64(*escalatorPct)), big.NewInt(int64(n)), nil)
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
