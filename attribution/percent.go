package attribution

import (
	"math"
	"math/bits"

	"github.com/xiber/netos/models"
)

// marginPct is margin / revenue in percent (six decimals, halves away from
// zero), or nil when revenue is 0.
func marginPct(margin, revenue models.Money) *models.Decimal {
	if revenue == 0 {
		return nil
	}
	p := percent(int64(margin), int64(revenue))
	return &p
}

// percent is 100·margin/revenue as a Decimal, saturating far beyond any
// meaningful value.
func percent(margin, revenue int64) models.Decimal {
	neg := (margin < 0) != (revenue < 0)
	m, r := magnitude(margin), magnitude(revenue)
	hi, lo := bits.Mul64(m, 100*models.DecimalScale)
	q := uint64(math.MaxInt64)
	if hi < r {
		var rem uint64
		q, rem = bits.Div64(hi, lo, r)
		if rem >= r-rem {
			q++
		}
		q = min(q, math.MaxInt64)
	}
	if neg {
		return models.Decimal(-int64(q))
	}
	return models.Decimal(q)
}

func magnitude(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// fraction is num/den as a Decimal, halves up; 0 ≤ num ≤ den.
func fraction(num, den int64) models.Decimal {
	if den <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(num), models.DecimalScale)
	if hi >= uint64(den) {
		return models.Decimal(math.MaxInt64)
	}
	q, rem := bits.Div64(hi, lo, uint64(den))
	if rem >= uint64(den)-rem {
		q++
	}
	return models.Decimal(q)
}
