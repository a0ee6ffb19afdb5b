package analytics

import (
	"math"
	"math/big"

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
