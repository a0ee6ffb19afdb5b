package analytics

import (
	"slices"
	"time"

	"github.com/xiber/netos/models"
)

// ForecastMonths is the length of the cost forecast.
const ForecastMonths = 12

// ForecastPoint is the projected monthly cost on the first day of a month.
type ForecastPoint struct {
	Month      models.Date  `json:"month"`           // the first day of the month
	CircuitMRC models.Money `json:"circuit_mrc_usd"` // Σ projected MRC of billing circuits
	AssetMRC   models.Money `json:"asset_mrc_usd"`   // Σ projected MRC of active infrastructure assets
	Total      models.Money `json:"total_mrc_usd"`   // CircuitMRC + AssetMRC
}

// Forecast projects the monthly cost for the 12 months after today's: one
// point on the first of each month, starting next month (this month's cost
// is already known), each the sum of the projected MRC (ProjectedMRC on that
// day) of live billing circuits and live active assets. Each item is rounded
// to the cent before summing, so the points add up from the per-item
// projected_mrc_usd shown elsewhere. A contract that ends or a circuit being
// disconnected still counts: the forecast prices what is billing now, it does
// not guess what will be cancelled.
//
// Each item is priced once per distinct anniversary count over the twelve
// points (at most two, the points spanning eleven months) rather than once
// per point; forecastByPoint in the tests is the definition it must match.
func Forecast(circuits []*models.Circuit, assets []*models.InfrastructureAsset, today models.Date) []ForecastPoint {
	return NewBook(circuits, assets).Forecast(today)
}

// Book is the day-independent part of the dashboard's contract arithmetic
// over fixed lists of circuits and assets, prepared once so that each day
// only does the dated part: which items count and the sums of the flat
// prices and fixed fees are worked out here, the escalated prices, ETFs and
// renewal states on the day. A Book is read-only once built and safe for
// concurrent use; it keeps the circuits it was given, which must not change.
type Book struct {
	// flatCircuits and flatAssets sum the prices that never escalate.
	flatCircuits, flatAssets models.Money
	// escCircuits and escAssets are the escalating prices.
	escCircuits, escAssets []escalating
	// fixedETF sums the fixed ETFs (etf_usd) of the circuits that count
	// for ETF exposure; pctETF are those whose ETF is a percentage.
	fixedETF models.Money
	pctETF   []*models.Circuit
	// terms are the live circuits with a term end (the only ones with a
	// renewal state), prepared.
	terms []term
}

// escalating is a price that rises at the anniversaries of start.
type escalating struct {
	base  models.Money
	pct   models.Decimal
	start models.Date
}

// NewBook prepares circuits and assets (live ones; others are skipped as
// the figures skip them).
func NewBook(circuits []*models.Circuit, assets []*models.InfrastructureAsset) *Book {
	b := &Book{}
	for _, c := range circuits {
		if c == nil || c.DeletedAt != nil {
			continue
		}
		if models.CircuitBills(c.Status) {
			b.flatCircuits, b.escCircuits = addPrice(b.flatCircuits, b.escCircuits, c.MRC, c.EscalatorPct, c.TermStart)
		}
		if CountsForETF(c) {
			switch {
			case c.ETF != nil:
				b.fixedETF += *c.ETF
			case c.ETFPct != nil && isSet(c.TermEnd):
				b.pctETF = append(b.pctETF, c)
			}
		}
	}
	b.terms = termsOf(circuits)
	for _, a := range assets {
		if a != nil && a.DeletedAt == nil && a.Status == models.StatusActive {
			b.flatAssets, b.escAssets = addPrice(b.flatAssets, b.escAssets, a.MRC, a.PriceEscalatorPct, a.TermStart)
		}
	}
	return b
}

// Replace is b with the circuits olds (among those b was built from)
// replaced by news, b itself left as it was: what writes to a few circuits
// do to the book, without going over every circuit again.
func (b *Book) Replace(olds, news []*models.Circuit) *Book {
	out := *b
	out.escCircuits = slices.Clone(b.escCircuits)
	gone := make(map[*models.Circuit]bool, len(olds))
	for _, old := range olds {
		if old == nil || old.DeletedAt != nil {
			continue
		}
		gone[old] = true
		if models.CircuitBills(old.Status) {
			out.flatCircuits, out.escCircuits = removePrice(out.flatCircuits, out.escCircuits, old.MRC, old.EscalatorPct, old.TermStart)
		}
		if CountsForETF(old) && old.ETF != nil {
			out.fixedETF -= *old.ETF
		}
	}
	out.pctETF = slices.DeleteFunc(slices.Clone(b.pctETF), func(c *models.Circuit) bool { return gone[c] })
	out.terms = slices.DeleteFunc(slices.Clone(b.terms), func(t term) bool { return gone[t.c] })
	for _, c := range news {
		if c == nil || c.DeletedAt != nil {
			continue
		}
		if models.CircuitBills(c.Status) {
			out.flatCircuits, out.escCircuits = addPrice(out.flatCircuits, out.escCircuits, c.MRC, c.EscalatorPct, c.TermStart)
		}
		if CountsForETF(c) {
			switch {
			case c.ETF != nil:
				out.fixedETF += *c.ETF
			case c.ETFPct != nil && isSet(c.TermEnd):
				out.pctETF = append(out.pctETF, c)
			}
		}
	}
	out.terms = append(out.terms, termsOf(news)...)
	return &out
}

// removePrice takes a price added by addPrice back out. Escalating prices
// are interchangeable values, so removing any equal one will do.
func removePrice(flat models.Money, esc []escalating, base models.Money, pct *models.Decimal, start *models.Date) (models.Money, []escalating) {
	if pct == nil || *pct == 0 || !isSet(start) {
		return flat - base, esc
	}
	e := escalating{base: base, pct: *pct, start: *start}
	if i := slices.IndexFunc(esc, func(x escalating) bool {
		return x.base == e.base && x.pct == e.pct && sameDay(x.start, e.start)
	}); i >= 0 {
		esc = slices.Delete(esc, i, i+1)
	}
	return flat, esc
}

// addPrice adds a price to the flat sum or to the escalating ones.
func addPrice(flat models.Money, esc []escalating, base models.Money, pct *models.Decimal, start *models.Date) (models.Money, []escalating) {
	if pct == nil || *pct == 0 || !isSet(start) {
		return flat + base, esc
	}
	return flat, append(esc, escalating{base: base, pct: *pct, start: *start})
}

// Forecast is the Forecast of the book's circuits and assets on today.
//
// Each escalating price is computed once per distinct anniversary count
// over the twelve points (at most two, the points spanning eleven months)
// rather than once per point; forecastByPoint in the tests is the
// definition it must match.
func (b *Book) Forecast(today models.Date) []ForecastPoint {
	y, m, _ := ymd(today)
	var days [ForecastMonths]models.Date
	for i := range days {
		// NewDate normalises month 13 into January of the next year.
		days[i] = models.NewDate(y, m+1+time.Month(i), 1)
	}
	var circuitMRC, assetMRC [ForecastMonths]models.Money
	for i := range days {
		circuitMRC[i], assetMRC[i] = b.flatCircuits, b.flatAssets
	}
	for _, e := range b.escCircuits {
		e.addTo(&circuitMRC, &days)
	}
	for _, e := range b.escAssets {
		e.addTo(&assetMRC, &days)
	}
	points := make([]ForecastPoint, ForecastMonths)
	for i := range points {
		points[i] = ForecastPoint{Month: days[i], CircuitMRC: circuitMRC[i], AssetMRC: assetMRC[i],
			Total: circuitMRC[i] + assetMRC[i]}
	}
	return points
}

// addTo adds the price on each of days (ascending) to sums, computing it
// once per anniversary count: the count only moves when a day reaches the
// next anniversary.
func (e escalating) addTo(sums *[ForecastMonths]models.Money, days *[ForecastMonths]models.Date) {
	n := Anniversaries(e.start, days[0])
	next := Anniversary(e.start, n+1)
	price := escalate(e.base, e.pct, n)
	for i, d := range days {
		if !next.After(d) {
			for !next.After(d) {
				n++
				next = Anniversary(e.start, n+1)
			}
			price = escalate(e.base, e.pct, n)
		}
		sums[i] += price
	}
}

// ETFExposure is ETFExposure of the book's circuits on today.
func (b *Book) ETFExposure(today models.Date) models.Money {
	total := b.fixedETF
	for _, c := range b.pctETF {
		total += ETF(c, today)
	}
	return total
}

// Renewals is Renewals of the book's circuits on today.
func (b *Book) Renewals(today models.Date, p RenewalPolicy) RenewalOverview {
	return renewalsOf(b.terms, today, p)
}
