package analytics

import (
	"testing"

	"github.com/xiber/netos/models"
)

func TestMonthsLeftCountsAStartedMonthWhole(t *testing.T) {
	cases := []struct {
		name       string
		today, end string
		want       int
	}{
		{"three contract months remain exactly on the day a month begins", "2026-12-03", "2027-03-02", 3},
		{"the day before, a fourth month has started and counts", "2026-12-02", "2027-03-02", 4},
		{"a day into a month, that month still counts whole", "2026-12-04", "2027-03-02", 3},
		{"on the first day of the last month one remains", "2027-02-03", "2027-03-02", 1},
		{"the day before the last month two remain", "2027-02-02", "2027-03-02", 2},
		{"on the term end one month remains", "2027-03-02", "2027-03-02", 1},
		{"the day after the term end none remain", "2027-03-03", "2027-03-02", 0},
		{"a term ending on a month end counts calendar months", "2026-12-01", "2027-02-28", 3},
		{"a term ending on a month end, the day before a month starts", "2026-11-30", "2027-02-28", 4},
		{"a term ending on a month end, late in a month", "2027-01-31", "2027-02-28", 2},
		{"months that would begin on a missing day begin on the month's last day", "2027-02-28", "2027-03-30", 1},
		{"a long term counts years of months", "2026-06-15", "2029-06-14", 36},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := MonthsLeft(day(tc.today), day(tc.end)); got != tc.want {
				t.Errorf("MonthsLeft(%s, %s) = %d, want %d", tc.today, tc.end, got, tc.want)
			}
		})
	}
}

func TestETF(t *testing.T) {
	withPct := func(end, mrc, p string) *models.Circuit {
		c := contract("C1", day(end))
		c.MRC, c.ETFPct = usd(mrc), pct(p)
		return c
	}
	fixed := func(end, fee string) *models.Circuit {
		c := contract("C1", day(end))
		c.MRC, c.ETF, c.ETFPct = usd("1000"), ptr(usd(fee)), pct("100")
		return c
	}
	status := func(c *models.Circuit, s string) *models.Circuit { c.Status = s; return c }
	noTerm := withPct("2027-03-02", "1000", "50")
	noTerm.TermEnd = nil
	auto := withPct("2026-06-14", "1000", "100")
	auto.RenewalType = "auto"
	autoNoticed := withPct("2026-06-14", "1000", "100")
	autoNoticed.RenewalType, autoNoticed.RenewalState = "auto", StateNoticeSent

	cases := []struct {
		name    string
		circuit *models.Circuit
		today   string
		want    string
	}{
		{"a fixed fee is the exposure, whatever the percentage", fixed("2027-03-02", "5000"), "2026-12-03", "5000.00"},
		{"a fixed fee of zero is set and wins over the percentage", fixed("2027-03-02", "0"), "2026-12-03", "0.00"},
		{"a fixed fee counts even after the term end", fixed("2026-01-01", "5000"), "2026-12-03", "5000.00"},
		{"a percentage applies to the MRC of each month left", withPct("2027-03-02", "1000", "50"), "2026-12-03", "1500.00"},
		{"a started month counts whole", withPct("2027-03-02", "1000", "50"), "2026-12-02", "2000.00"},
		{"on the term end one month is owed", withPct("2027-03-02", "1000", "50"), "2027-03-02", "500.00"},
		{"after the term end nothing is owed", withPct("2027-03-02", "1000", "50"), "2027-03-03", "0.00"},
		{"half a cent rounds up", withPct("2027-03-02", "1.25", "10"), "2027-03-02", "0.13"},
		{"just under half a cent rounds down", withPct("2027-03-02", "1.25", "9.9999"), "2027-03-02", "0.12"},
		{"thirds of a cent round to the nearest cent", withPct("2027-03-02", "333.33", "10"), "2027-03-02", "33.33"},
		{"no fee and no percentage owes nothing", contract("C1", day("2027-03-02")), "2026-12-03", "0.00"},
		{"a percentage without a term end owes nothing", noTerm, "2026-12-03", "0.00"},
		{"an auto contract owes on the term it rolled into", auto, "2026-12-03", "7000.00"},
		{"notice sent stops the roll, so nothing is owed after the term", autoNoticed, "2026-12-03", "0.00"},
		{"a decommissioned circuit is excluded", status(fixed("2027-03-02", "5000"), models.StatusDecommissioned), "2026-12-03", "0.00"},
		{"a cancelled circuit is excluded", status(fixed("2027-03-02", "5000"), models.StatusCancelled), "2026-12-03", "0.00"},
		{"a soft-deleted circuit is excluded", deleted(fixed("2027-03-02", "5000")), "2026-12-03", "0.00"},
		{"a pending disconnect still counts", status(fixed("2027-03-02", "5000"), models.StatusPendingDisconnect), "2026-12-03", "5000.00"},
		{"an ordered circuit counts, it is neither decommissioned nor cancelled", status(fixed("2027-03-02", "5000"), "ordered"), "2026-12-03", "5000.00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ETF(tc.circuit, day(tc.today)); got != usd(tc.want) {
				t.Errorf("ETF = %s, want %s", got, tc.want)
			}
		})
	}
	t.Run("exposure sums the rounded fees of the circuits that count", func(t *testing.T) {
		list := []*models.Circuit{
			fixed("2027-03-02", "5000"),
			withPct("2027-03-02", "1000", "50"),
			status(fixed("2027-03-02", "700"), models.StatusCancelled),
			nil,
		}
		if got := ETFExposure(list, day("2026-12-03")); got != usd("6500") {
			t.Errorf("exposure = %s, want 6500.00", got)
		}
	})
}
