package analytics

import (
	"testing"

	"github.com/xiber/netos/models"
)

func TestProjectedMRCCompoundsAtAnniversaries(t *testing.T) {
	start := dayPtr("2024-03-01")
	cases := []struct {
		name  string
		base  string
		pct   *models.Decimal
		start *models.Date
		on    string
		want  string
	}{
		{"without an escalator the price stays", "1000", nil, start, "2030-01-01", "1000.00"},
		{"a zero escalator leaves the price", "1000", pct("0"), start, "2030-01-01", "1000.00"},
		{"without a term start nothing compounds", "1000", pct("3"), nil, "2030-01-01", "1000.00"},
		{"before the term start the base applies", "1000", pct("3"), start, "2023-01-01", "1000.00"},
		{"on the term start the base applies", "1000", pct("3"), start, "2024-03-01", "1000.00"},
		{"the day before the first anniversary nothing has compounded", "1000", pct("3"), start, "2025-02-28", "1000.00"},
		{"on the first anniversary one step applies", "1000", pct("3"), start, "2025-03-01", "1030.00"},
		{"the day after the first anniversary one step applies", "1000", pct("3"), start, "2025-03-02", "1030.00"},
		{"the day before the third anniversary two steps apply", "1000", pct("3"), start, "2027-02-28", "1060.90"},
		{"on the third anniversary three steps compound", "1000", pct("3"), start, "2027-03-01", "1092.73"},
		{"rounding happens once, not per step", "0.99", pct("5"), start, "2027-03-01", "1.15"},
		{"an exact half cent rounds up", "0.50", pct("1"), start, "2025-03-01", "0.51"},
		{"a fractional escalator is exact", "1000", pct("2.5"), start, "2026-03-01", "1050.63"},
		{"a negative escalator lowers the price", "1000", pct("-10"), start, "2025-03-01", "900.00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ProjectedMRC(usd(tc.base), tc.pct, tc.start, day(tc.on)); got != usd(tc.want) {
				t.Errorf("ProjectedMRC = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestLeapDayStartsHaveTheirAnniversaryOnFebruary28(t *testing.T) {
	start := day("2024-02-29")
	cases := []struct {
		name string
		on   string
		want int
	}{
		{"the day before February 28 of a common year is before the anniversary", "2025-02-27", 0},
		{"February 28 of a common year is the anniversary", "2025-02-28", 1},
		{"the third common year's February 28 is the third anniversary", "2027-02-28", 3},
		{"February 28 of the next leap year is still before its anniversary", "2028-02-28", 3},
		{"February 29 of the next leap year is the fourth anniversary", "2028-02-29", 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Anniversaries(start, day(tc.on)); got != tc.want {
				t.Errorf("Anniversaries = %d, want %d", got, tc.want)
			}
		})
	}
	t.Run("the price rises on February 28 in a common year", func(t *testing.T) {
		if got := ProjectedMRC(usd("1000"), pct("3"), &start, day("2025-02-28")); got != usd("1030") {
			t.Errorf("ProjectedMRC = %s, want 1030.00", got)
		}
	})
}

func TestProjectedMRCOfRecords(t *testing.T) {
	c := &models.Circuit{MRC: usd("1000"), EscalatorPct: pct("3"), TermStart: dayPtr("2024-03-01")}
	a := &models.InfrastructureAsset{MRC: usd("2000"), PriceEscalatorPct: pct("2"), TermStart: dayPtr("2024-01-01")}
	t.Run("a circuit compounds its escalator_pct", func(t *testing.T) {
		if got := CircuitMRCOn(c, day("2026-03-01")); got != usd("1060.90") {
			t.Errorf("got %s", got)
		}
	})
	t.Run("an asset compounds its price_escalator_pct", func(t *testing.T) {
		if got := AssetMRCOn(a, day("2026-01-01")); got != usd("2080.80") {
			t.Errorf("got %s", got)
		}
	})
}

func TestForecast(t *testing.T) {
	circuit := func(label, status, mrc string, esc *models.Decimal, start *models.Date) *models.Circuit {
		return &models.Circuit{Record: models.Record{ID: label}, Label: label, Status: status, MRC: usd(mrc), EscalatorPct: esc, TermStart: start}
	}
	circuits := []*models.Circuit{
		circuit("escalating", models.StatusActive, "1000", pct("3"), dayPtr("2025-09-01")),
		circuit("flat", models.StatusPendingDisconnect, "500", nil, nil),
		circuit("gone", models.StatusDecommissioned, "9999", nil, nil),
		circuit("quoted", "quoted", "9999", nil, nil),
		deleted(circuit("deleted", models.StatusActive, "9999", nil, nil)),
	}
	assets := []*models.InfrastructureAsset{
		{Status: "active", MRC: usd("2000"), PriceEscalatorPct: pct("2"), TermStart: dayPtr("2024-01-01")},
		{Status: "inactive", MRC: usd("9999")},
	}
	points := Forecast(circuits, assets, today)

	t.Run("there are twelve points starting on the first of next month", func(t *testing.T) {
		if len(points) != 12 || points[0].Month.String() != "2026-07-01" || points[11].Month.String() != "2027-06-01" {
			t.Fatalf("got %d points from %s to %s", len(points), points[0].Month, points[len(points)-1].Month)
		}
	})
	t.Run("each point sums billing circuits and active assets at their escalated prices", func(t *testing.T) {
		want := map[string][2]string{ // month → circuits, assets
			"2026-07-01": {"1500", "2080.80"},
			"2026-08-01": {"1500", "2080.80"},
			"2026-09-01": {"1530", "2080.80"},
			"2026-12-01": {"1530", "2080.80"},
			"2027-01-01": {"1530", "2122.42"},
			"2027-06-01": {"1530", "2122.42"},
		}
		for _, p := range points {
			w, ok := want[p.Month.String()]
			if !ok {
				continue
			}
			if p.CircuitMRC != usd(w[0]) || p.AssetMRC != usd(w[1]) || p.Total != usd(w[0])+usd(w[1]) {
				t.Errorf("%s: circuits %s assets %s total %s, want %s and %s", p.Month, p.CircuitMRC, p.AssetMRC, p.Total, w[0], w[1])
			}
		}
	})
	t.Run("a forecast made in December starts in January", func(t *testing.T) {
		pts := Forecast(nil, nil, day("2026-12-31"))
		if pts[0].Month.String() != "2027-01-01" || pts[11].Month.String() != "2027-12-01" {
			t.Errorf("from %s to %s", pts[0].Month, pts[11].Month)
		}
	})
}
