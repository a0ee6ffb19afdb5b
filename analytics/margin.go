package analytics

import (
	"math"
	"math/big"

	"github.com/xiber/netos/models"
)

// Margin buckets of margin_histogram, in display order.
const (
	BucketNoRevenue = "no_revenue"
	BucketNegative  = "<0"
	Bucket0to20     = "0-20"
	Bucket20to40    = "20-40"
	Bucket40to60    = "40-60"
	Bucket60to80    = "60-80"
	Bucket80to100   = "80-100"
)

// MarginBuckets lists the buckets in display order.
var MarginBuckets = []string{BucketNoRevenue, BucketNegative, Bucket0to20, Bucket20to40, Bucket40to60, Bucket60to80, Bucket80to100}

// MarginBucket places a margin by its margin % (margin ÷ revenue × 100).
// Revenue of zero or less has no meaningful percentage: no_revenue. Each
// bucket includes its lower edge and excludes its upper one, so 20 % exactly
// is 20-40 and 0 % is 0-20; anything below 0 is <0 and anything from 80 %
// up, 100 % and beyond included, is 80-100. The comparison is exact, in
// integers: no float decides a bucket edge.
func MarginBucket(margin, revenue models.Money) string {
	if revenue <= 0 {
		return BucketNoRevenue
	}
	if margin < 0 {
		return BucketNegative
	}
	// margin / revenue ≥ t/100  ⇔  100·margin ≥ t·revenue (revenue > 0);
	// in int64 when neither side can overflow.
	if margin <= math.MaxInt64/100 && revenue <= math.MaxInt64/100 {
		m, r := 100*int64(margin), int64(revenue)
		switch {
		case m >= 80*r:
			return Bucket80to100
		case m >= 60*r:
			return Bucket60to80
		case m >= 40*r:
			return Bucket40to60
		case m >= 20*r:
			return Bucket20to40
		default:
			return Bucket0to20
		}
	}
	return marginBucketExact(margin, revenue)
}

// marginBucketExact is MarginBucket in big integers: the definition.
func marginBucketExact(margin, revenue models.Money) string {
	if revenue <= 0 {
		return BucketNoRevenue
	}
	if margin < 0 {
		return BucketNegative
	}
	hundredMargin := new(big.Int).Mul(big.NewInt(int64(margin)), big.NewInt(100))
	atLeast := func(t int64) bool {
		return hundredMargin.Cmp(new(big.Int).Mul(big.NewInt(int64(revenue)), big.NewInt(t))) >= 0
	}
	switch {
	case atLeast(80):
		return Bucket80to100
	case atLeast(60):
		return Bucket60to80
	case atLeast(40):
		return Bucket40to60
	case atLeast(20):
		return Bucket20to40
	default:
		return Bucket0to20
	}
}

// CircuitMargin is a circuit with its P&L from the attribution model.
type CircuitMargin struct {
	Circuit *models.Circuit
	Revenue models.Money // attributed_revenue_usd
	Margin  models.Money // margin_usd
}

// BucketCount is one bar of margin_histogram.
type BucketCount struct {
	Bucket string `json:"bucket"`
	Count  int    `json:"count"`
}

// MarginHistogram counts live billing circuits by MarginBucket. Every bucket
// is present, in MarginBuckets order, so the chart keeps its axis when a
// bucket is empty.
func MarginHistogram(rows []CircuitMargin) []BucketCount {
	// counts[i] counts MarginBuckets[i].
	counts := make([]int, len(MarginBuckets))
	for _, r := range rows {
		if isBilling(r.Circuit) {
			b := MarginBucket(r.Margin, r.Revenue)
			for i, name := range MarginBuckets {
				if name == b {
					counts[i]++
					break
				}
			}
		}
	}
	out := make([]BucketCount, len(MarginBuckets))
	for i, b := range MarginBuckets {
		out[i] = BucketCount{Bucket: b, Count: counts[i]}
	}
	return out
}

// isBilling reports whether c is live and billing (active or
// pending_disconnect).
func isBilling(c *models.Circuit) bool {
	return c != nil && c.DeletedAt == nil && models.CircuitBills(c.Status)
}
