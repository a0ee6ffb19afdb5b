package analytics

import (
	"time"

	"github.com/xiber/netos/models"
)

// Contract dates are calendar days. time.AddDate normalises Jan 31 + 1 month
// to Mar 3, which would move a term end or an anniversary into the wrong
// month, so month arithmetic here clamps to the last day of the month.

func ymd(d models.Date) (int, time.Month, int) { return d.Time().Date() }

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// isMonthEnd reports whether d is the last day of its month.
func isMonthEnd(d models.Date) bool {
	y, m, day := ymd(d)
	return day == daysIn(y, m)
}

// addMonthsClamped is d moved n calendar months (n may be negative), the day
// clamped to the length of the target month: Jan 31 + 1 = Feb 28.
func addMonthsClamped(d models.Date, n int) models.Date {
	y, m, day := ymd(d)
	total := int(m) - 1 + n
	y += floorDiv(total, 12)
	month := time.Month(total - floorDiv(total, 12)*12 + 1)
	if last := daysIn(y, month); day > last {
		day = last
	}
	return models.NewDate(y, month, day)
}

// monthEnd is the last day of d's month.
func monthEnd(d models.Date) models.Date {
	y, m, _ := ymd(d)
	return models.NewDate(y, m, daysIn(y, m))
}

// monthsApart counts calendar-month boundaries from a to b, ignoring the day:
// 2026-01-31 to 2026-02-01 is 1. It only seeds searches.
func monthsApart(a, b models.Date) int {
	ay, am, _ := ymd(a)
	by, bm, _ := ymd(b)
	return (by-ay)*12 + int(bm) - int(am)
}

// daysBetween is the number of days from a to b, negative when b is earlier.
// It works on Unix seconds because time.Duration overflows past 292 years
// and a term end of 9999-12-31 must not wrap.
func daysBetween(a, b models.Date) int {
	return int((b.Time().Unix() - a.Time().Unix()) / 86400)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// isSet reports whether an optional date holds a real day.
func isSet(d *models.Date) bool { return d != nil && !d.IsZero() }

// sameDay compares dates by instant, not by the time.Time representation, so
// a date read from the database equals one built in Go.
func sameDay(a, b models.Date) bool { return a.Time().Equal(b.Time()) }
