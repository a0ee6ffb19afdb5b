package analytics

import (
	"math/big"

	"github.com/xiber/netos/models"
)

// ETF is the early-termination fee c would cost if terminated today: the
// fixed etf_usd where set (even 0, and whatever the dates), else etf_pct
// percent of the MRC for every month left in the term (MonthsLeft), rounded
// half-up to the cent; 0 when neither is set, without a term end, or after
// the term end.
//
// The term is the effective one: an auto-renewing contract past its stored
// end owes on the term it rolled into, unless notice was sent.
//
// Exposure only counts live circuits that are not decommissioned or
// cancelled: ETF is 0 for those, so callers may sum over any list.
func ETF(c *models.Circuit, today models.Date) models.Money {
	if !CountsForETF(c) {
		return 0
	}
	if c.ETF != nil {
		return *c.ETF
	}
	if c.ETFPct == nil || !isSet(c.TermEnd) {
		return 0
	}
	end, _ := effectiveTermEnd(c, today)
	months := MonthsLeft(today, end)
	if months == 0 {
		return 0
	}
	return etfOf(c.MRC, *c.ETFPct, months)
}

// etfOf is MRC × pct/100 × months rounded half-up to the cent, pct in
// millionths: in 128-bit integers when they suffice, else etfExact.
func etfOf(mrc models.Money, pct models.Decimal, months int) models.Money {
	if months > 0 {
		num, ok := u128{0, abs64(int64(mrc))}.mul64(abs64(int64(pct)))
		if ok {
			num, ok = num.mul64(uint64(months))
		}
		if ok {
			if q, ok := roundDiv(num, 100*models.DecimalScale); ok {
				return signed(q, (mrc < 0) != (pct < 0))
			}
		}
	}
	return etfExact(mrc, pct, months)
}

// etfExact is etfOf in big.Rat: the definition.
func etfExact(mrc models.Money, pct models.Decimal, months int) models.Money {
	// MRC × pct/100 × months, pct in millionths: one exact fraction.
	num := new(big.Int).Mul(big.NewInt(int64(mrc)), big.NewInt(int64(pct)))
	num.Mul(num, big.NewInt(int64(months)))
	fee := new(big.Rat).SetFrac(num, big.NewInt(100*models.DecimalScale))
	return roundCents(fee)
}

// CountsForETF reports whether a circuit belongs to ETF exposure: live, and
// neither decommissioned nor cancelled.
func CountsForETF(c *models.Circuit) bool {
	return c != nil && c.DeletedAt == nil && c.Status != models.StatusDecommissioned && c.Status != models.StatusCancelled
}

// ETFExposure is the sum of ETF over circuits, each rounded to the cent
// first so the total matches the per-circuit figures.
func ETFExposure(circuits []*models.Circuit, today models.Date) models.Money {
	var total models.Money
	for _, c := range circuits {
		total += ETF(c, today)
	}
	return total
}

// MonthsLeft counts the months of a term ending on termEnd (inclusive) that
// remain on today, a started month counting whole. Months are counted back
// from the day after the term end, so they line up with the contract's own
// months: with the term ending 2027-03-02, months begin on the 3rd, and on
// 2026-12-03 exactly three remain (Dec 3–Jan 2, Jan 3–Feb 2, Feb 3–Mar 2),
// while on 2026-12-02 a fourth has started. On the term end it is 1; after it,
// 0.
func MonthsLeft(today, termEnd models.Date) int {
	if today.After(termEnd) {
		return 0
	}
	after := termEnd.AddDays(1)
	// The smallest n with after − n months ≤ today. Two months short of the
	// calendar-month gap still lands after today, so start there.
	n := max(0, monthsApart(today, after)-2)
	for addMonthsClamped(after, -n).After(today) {
		n++
	}
	return n
}
