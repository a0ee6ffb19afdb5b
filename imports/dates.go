package imports

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xiber/netos/models"
)

// Two-digit years below twoDigitYearPivot are 20xx, the rest 19xx ("01/15/27"
// is 2027, "6/1/98" is 1998), as Go's time package and Excel read them.
const twoDigitYearPivot = 70

// Excel's calendars: day 0 of the 1900 system is 1899-12-30 once past its
// phantom 29 February 1900 (serial 60); the Mac 1904 system counts from 1904-01-01.
var (
	excel1900Epoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	excel1904Epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// maxExcelSerial is 9999-12-31, the last day Excel can show.
const maxExcelSerial = 2958465

// monthNames maps month names and their abbreviations to months.
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for mo := time.January; mo <= time.December; mo++ {
		name := strings.ToLower(mo.String())
		m[name], m[name[:3]] = mo, mo
	}
	return m
}()

// parseDate reads a calendar day: "2025-12-31", "2025/12/31", "12/31/2025",
// "12/31/25", "12-31-2025", "Dec 31, 2025", "31-Dec-25", "20251231", an
// ISO timestamp (its day), or an Excel serial day number (46022 is
// 2025-12-31), in the workbook's 1900 or 1904 calendar. Slashed dates are
// US month/day.
func parseDate(s string, date1904 bool) (models.Date, error) {
	t := strings.TrimSpace(s)
	if isDecimal(t) {
		if len(t) == 8 && allDigits(t) {
			y, _ := strconv.Atoi(t[:4])
			m, _ := strconv.Atoi(t[4:6])
			d, _ := strconv.Atoi(t[6:])
			return makeDate(y, m, d)
		}
		serial, err := strconv.ParseFloat(t, 64)
		if err != nil {
			return models.Date{}, errNotDate
		}
		return serialDate(serial, date1904)
	}
	// Drop a time of day: "2025-12-31T00:00:00Z", "12/31/2025 0:00".
	if colon := strings.IndexByte(t, ':'); colon > 0 {
		if cut := strings.LastIndexAny(t[:colon], "T "); cut > 0 {
			t = strings.TrimSpace(t[:cut])
		}
	}
	parts := strings.FieldsFunc(t, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == ',' || unicode.IsSpace(r)
	})
	if len(parts) != 3 {
		return models.Date{}, errNotDate
	}
	var y, m, d string
	switch {
	case len(parts[0]) == 4 && allDigits(parts[0]):
		y, m, d = parts[0], parts[1], parts[2]
	case !allDigits(parts[0]):
		m, d, y = parts[0], parts[1], parts[2]
	case !allDigits(parts[1]):
		d, m, y = parts[0], parts[1], parts[2]
	default:
		m, d, y = parts[0], parts[1], parts[2]
	}
	year, err := strconv.Atoi(y)
	if err != nil || (len(y) != 2 && len(y) != 4) {
		return models.Date{}, errNotDate
	}
	if len(y) == 2 {
		year += 1900
		if year < 1900+twoDigitYearPivot {
			year += 100
		}
	}
	month, ok := monthNames[strings.ToLower(m)]
	if !ok {
		n, err := strconv.Atoi(m)
		if err != nil || len(m) > 2 {
			return models.Date{}, errNotDate
		}
		month = time.Month(n)
	}
	day, err := strconv.Atoi(d)
	if err != nil || len(d) > 2 {
		return models.Date{}, errNotDate
	}
	return makeDate(year, int(month), day)
}

// makeDate checks that y-m-d is a real day in a plausible year.
func makeDate(y, m, d int) (models.Date, error) {
	if m < 1 || m > 12 || d < 1 {
		return models.Date{}, errNotDate
	}
	if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
		return models.Date{}, errors.New("is not a day of the calendar")
	}
	if y < 1900 || y > 2199 {
		return models.Date{}, errors.New("has a year outside 1900–2199")
	}
	return models.NewDate(y, time.Month(m), d), nil
}

// serialDate converts an Excel serial day number (its fraction is the time
// of day, dropped). In the 1900 calendar Excel counts a 29 February 1900
// that never was (a Lotus 1-2-3 bug it keeps), so serials from 61 on are one
// day ahead of a plain count and serial 60 is no date at all.
func serialDate(serial float64, date1904 bool) (models.Date, error) {
	if math.IsNaN(serial) || serial < 1 || serial > maxExcelSerial {
		return models.Date{}, errors.New("is not a date (an Excel date serial must be between 1 and 2958465)")
	}
	days := int(math.Floor(serial))
	var t time.Time
	switch {
	case date1904:
		t = excel1904Epoch.AddDate(0, 0, days)
	case days == 60:
		return models.Date{}, errors.New("is Excel's 29 February 1900, a day that never existed")
	case days < 60:
		t = excel1900Epoch.AddDate(0, 0, days+1)
	default:
		t = excel1900Epoch.AddDate(0, 0, days)
	}
	return makeDate(t.Year(), int(t.Month()), t.Day())
}
