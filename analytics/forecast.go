package analytics

import (
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
func Forecast(circuits []*models.Circuit, assets []*models.InfrastructureAsset, today models.Date) []ForecastPoint {
	y, m, _ := ymd(today)
	points := make([]ForecastPoint, ForecastMonths)
	for i := range points {
		// NewDate normalises month 13 into January of the next year.
		on := models.NewDate(y, m+1+time.Month(i), 1)
		pt := ForecastPoint{Month: on}
		for _, c := range circuits {
			if c != nil && c.DeletedAt == nil && models.CircuitBills(c.Status) {
				pt.CircuitMRC += CircuitMRCOn(c, on)
			}
		}
		for _, a := range assets {
			if a != nil && a.DeletedAt == nil && a.Status == models.StatusActive {
				pt.AssetMRC += AssetMRCOn(a, on)
			}
		}
		pt.Total = pt.CircuitMRC + pt.AssetMRC
		points[i] = pt
	}
	return points
}
