package imports

import (
	"errors"
	"math"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xiber/netos/models"
)

// Each parser takes a trimmed, non-blank cell and returns the typed value or
// an error phrased to follow the quoted cell: `"abc" is not an amount…`.
var (
	errNotMoney = errors.New("is not an amount in US dollars like 2,500.00")
	errNotSpeed = errors.New("is not a speed like 500M, 10G or 1000 (Mbps)")
	errNotDate  = errors.New("is not a date; use YYYY-MM-DD or M/D/YYYY")
	errNotWhole = errors.New("is not a whole number")
)

// blankMarkers are what exports write for "no value"; they import as blank.
var blankMarkers = []string{"-", "--", "—", "–", "n/a", "na", "null", "(blank)"}

// isBlank reports whether a trimmed cell holds no value.
func isBlank(s string) bool {
	if s == "" {
		return true
	}
	if len(s) > len("(blank)") {
		return false
	}
	for _, m := range blankMarkers {
		if strings.EqualFold(s, m) {
			return true
		}
	}
	return false
}

// excelErrors are the error values a spreadsheet shows for a broken
// formula; importing one as text would hide the breakage.
var excelErrors = map[string]bool{"#N/A": true, "#REF!": true, "#VALUE!": true, "#DIV/0!": true, "#NAME?": true, "#NUM!": true, "#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true, "#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true}

func isExcelError(s string) bool {
	return strings.HasPrefix(s, "#") && excelErrors[strings.ToUpper(s)]
}

// parseMoney reads US dollars: "$2,500.00", "2500", "2,500.00 USD",
// "(12.50)" (accounting negative), "-$5", "$1,200/mo".
func parseMoney(s string) (models.Money, error) {
	if cents, ok := plainDecimal(s, 2); ok {
		return models.Money(cents), nil
	}
	t := trimCurrency(s)
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		neg, t = true, trimCurrency(t[1:len(t)-1])
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "+") {
		neg = neg != (t[0] == '-')
		t = trimCurrency(t[1:])
	}
	num, ok := stripThousands(t)
	if !ok || !isDecimal(num) {
		return 0, errNotMoney
	}
	if cents, ok := plainDecimal(num, 2); ok {
		if neg {
			cents = -cents
		}
		return models.Money(cents), nil
	}
	if neg {
		num = "-" + num
	}
	m, err := models.ParseMoney(num)
	if err != nil && isFloatArtifact(num) {
		m, err = models.ParseMoney(roundDecimal(num, 2))
	}
	return m, err
}

// trimCurrency strips the currency markers and per-month suffixes that
// surround an amount.
func trimCurrency(t string) string {
	for {
		before := t
		t = strings.TrimSpace(t)
		for _, suffix := range []string{"/month", "/mo", "per month", "usd", "us$", "$"} {
			if n := len(t) - len(suffix); n >= 0 && strings.EqualFold(t[n:], suffix) {
				t = t[:n]
			}
		}
		for _, prefix := range []string{"usd", "us$", "$"} {
			if len(t) >= len(prefix) && strings.EqualFold(t[:len(prefix)], prefix) {
				t = t[len(prefix):]
			}
		}
		if t == before {
			return strings.TrimSpace(t)
		}
	}
}

// plainDecimal is the fast path for the common cell, an unsigned decimal
// with at most places decimals and twelve whole digits ("2500", "3.5"): it
// returns the value in units of 10^-places without touching big.Rat.
func plainDecimal(s string, places int) (int64, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(whole) > 12 || len(frac) > places || !allDigits(whole) || !allDigits(frac) {
		return 0, false
	}
	var n int64
	for i := 0; i < len(whole); i++ {
		n = n*10 + int64(whole[i]-'0')
	}
	for i := 0; i < places; i++ {
		n *= 10
		if i < len(frac) {
			n += int64(frac[i] - '0')
		}
	}
	return n, true
}

// stripThousands removes grouping commas, refusing commas that do not group
// thousands ("2,50" is a European decimal, not 250).
func stripThousands(s string) (string, bool) {
	if !strings.Contains(s, ",") {
		return s, true
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	groups := strings.Split(whole, ",")
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
			return "", false
		}
	}
	out := strings.Join(groups, "")
	if hasFrac {
		if strings.Contains(frac, ",") {
			return "", false
		}
		out += "." + frac
	}
	return out, true
}

// isDecimal reports whether s is an unsigned plain decimal, optionally with
// an exponent (spreadsheets write very small or large numbers as 1E-3).
func isDecimal(s string) bool {
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	whole, frac, _ := strings.Cut(mant, ".")
	if whole+frac == "" || !allDigits(whole) || !allDigits(frac) {
		return false
	}
	if hasExp {
		exp = strings.TrimLeft(exp, "+-")
		return exp != "" && allDigits(exp) && len(exp) <= 3
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isFloatArtifact reports whether a decimal carries 15 or more significant
// digits, the mark of a binary float written out by a spreadsheet
// (2500.0300000000002): such a value is rounded, any other excess precision
// is the user's and is refused.
func isFloatArtifact(s string) bool {
	mant, _, _ := strings.Cut(strings.ToLower(s), "e")
	digits := strings.TrimLeft(strings.NewReplacer("-", "", "+", "", ".", "").Replace(mant), "0")
	return len(digits) >= 15
}

// roundDecimal rounds a decimal string to places decimals, half away from zero.
func roundDecimal(s string, places int) string {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return s
	}
	return r.FloatString(places)
}

// parsePercent reads a percentage: "3%", "3", "3.0", "2.5 %" all mean
// 3 or 2.5 percent. A bare fraction is not scaled: "0.03" is 0.03 %, since
// a column of plain numbers holds percents (CONTRACT.md: 3.0 = 3 %); the
// XLSX reader turns percent-formatted cells (0.03 shown as 3%) into "3%".
func parsePercent(s string) (models.Decimal, error) {
	t := strings.TrimSpace(s)
	lower := strings.ToLower(t)
	for _, suffix := range []string{"%", "percent", "pct"} {
		if strings.HasSuffix(lower, suffix) {
			t, lower = strings.TrimSpace(t[:len(t)-len(suffix)]), strings.TrimSpace(lower[:len(lower)-len(suffix)])
			break
		}
	}
	if n, ok := plainDecimal(t, 6); ok {
		return models.Decimal(n), nil
	}
	neg := strings.HasPrefix(t, "-")
	num, ok := stripThousands(strings.TrimPrefix(strings.TrimPrefix(t, "-"), "+"))
	if !ok || !isDecimal(num) {
		return 0, errors.New("is not a percentage like 3% or 2.5")
	}
	if neg {
		num = "-" + num
	}
	d, err := models.ParseDecimal(num)
	if err != nil && isFloatArtifact(num) {
		d, err = models.ParseDecimal(roundDecimal(num, 6))
	}
	return d, err
}

// Bandwidth units in kbps, so that every unit is a whole number of them.
const (
	kbps int64 = 1
	mbps int64 = 1_000
	gbps int64 = 1_000_000
	tbps int64 = 1_000_000_000
)

// bandwidthUnits maps the unit words carriers write to kbps.
var bandwidthUnits = map[string]int64{
	"k": kbps, "kb": kbps, "kbps": kbps, "kbit": kbps, "kbits": kbps, "kilobit": kbps, "kilobits": kbps,
	"m": mbps, "mb": mbps, "mbps": mbps, "mbit": mbps, "mbits": mbps, "meg": mbps, "megs": mbps, "megabit": mbps, "megabits": mbps,
	"g": gbps, "gb": gbps, "gbps": gbps, "gbit": gbps, "gbits": gbps, "gig": gbps, "gigs": gbps, "gige": gbps, "ge": gbps, "gbe": gbps, "gigabit": gbps, "gigabits": gbps,
	"t": tbps, "tb": tbps, "tbps": tbps, "tbit": tbps, "terabit": tbps,
}

// parseBandwidth reads a speed into whole Mbps: "10G", "10 Gbps", "500M",
// "1,000", "1.5G", "100 Mb/s". A bare number is in the column's unit (Mbps
// unless the header says otherwise). An asymmetric "1000/35" is its
// download speed. A speed that is not a whole number of Mbps (a 1.544 Mbps
// T1) is refused rather than rounded.
func parseBandwidth(s string, bareUnit int64) (int64, error) {
	t := perSecond.Replace(strings.ToLower(strings.TrimSpace(s)))
	t, _, _ = strings.Cut(t, "/")
	t = strings.TrimSpace(t)
	end := 0
	for end < len(t) && (t[end] >= '0' && t[end] <= '9' || t[end] == '.' || t[end] == ',') {
		end++
	}
	num, ok := stripThousands(t[:end])
	if !ok || !isDecimal(num) {
		return 0, errNotSpeed
	}
	unit := bareUnit
	if word := strings.TrimSpace(t[end:]); word != "" {
		if unit, ok = bandwidthUnits[word]; !ok {
			return 0, errNotSpeed
		}
	}
	if n, ok := plainDecimal(num, 0); ok && n*unit%mbps == 0 && n < 1_000_000 {
		return plausibleSpeed(n * unit / mbps)
	}
	r, _ := new(big.Rat).SetString(num)
	r.Mul(r, big.NewRat(unit, mbps))
	if !r.IsInt() {
		return 0, errors.New("is not a whole number of Mbps")
	}
	if !r.Num().IsInt64() {
		return 0, errors.New("is not a plausible speed")
	}
	return plausibleSpeed(r.Num().Int64())
}

// plausibleSpeed bounds a speed in Mbps: more than nothing, at most 100 Tbps.
func plausibleSpeed(n int64) (int64, error) {
	if n <= 0 || n > 100*tbps/mbps {
		return 0, errors.New("is not a plausible speed")
	}
	return n, nil
}

// perSecond spells "Mb/s" and "Mbit/s" as "Mbps", so that a slash is left
// only between a download and an upload speed.
var perSecond = strings.NewReplacer("bit/s", "bps", "b/s", "bps")

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

// normalizeEnum reduces an enum spelling to letters and digits, so case,
// spaces, hyphens and underscores do not matter ("Month-to-Month" and
// "month_to_month" are both "monthtomonth").
func normalizeEnum(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lookupEnum is lookup[normalizeEnum(s)] without allocating for the short
// ASCII spellings that fill real columns.
func lookupEnum(lookup map[string]string, s string) (string, bool) {
	var buf [48]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || n == len(buf):
			v, ok := lookup[normalizeEnum(s)]
			return v, ok
		case 'A' <= c && c <= 'Z':
			buf[n] = c + 'a' - 'A'
			n++
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			buf[n] = c
			n++
		}
	}
	v, ok := lookup[string(buf[:n])]
	return v, ok
}

// enumIndex maps normalised spellings of an enum's values to the values.
type enumIndex struct {
	values []string
	lookup map[string]string
}

func newEnumIndex(values []string, synonyms []synonymList) enumIndex {
	idx := enumIndex{values: values, lookup: map[string]string{}}
	for _, v := range values {
		idx.lookup[normalizeEnum(v)] = v
	}
	for _, s := range synonyms {
		for _, syn := range s.synonyms {
			idx.lookup[normalizeEnum(syn)] = s.canonical
		}
	}
	return idx
}

var (
	statusEnum      = newEnumIndex(models.CircuitStatuses, statusSynonyms)
	serviceTypeEnum = newEnumIndex(models.ServiceTypes, serviceTypeSynonyms)
	renewalEnum     = newEnumIndex(models.RenewalTypes, renewalSynonyms)
)

// parse finds the enum value a cell spells.
func (e enumIndex) parse(s string) (string, error) {
	if v, ok := lookupEnum(e.lookup, s); ok {
		return v, nil
	}
	return "", errors.New("is not one of " + strings.Join(e.values, ", "))
}

// parseCoordinate reads a latitude or longitude in decimal degrees; a
// degree sign and a hemisphere letter are allowed ("41.4993° N", "81.69W").
func parseCoordinate(s string, lat bool) (float64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	limit, pos, neg := 180.0, "E", "W"
	if lat {
		limit, pos, neg = 90, "N", "S"
	}
	sign := 1.0
	for _, h := range []string{pos, neg} {
		if strings.HasSuffix(t, h) || strings.HasPrefix(t, h) {
			if h == neg {
				sign = -1
			}
			t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, h), h))
			break
		}
	}
	t = strings.TrimSpace(strings.TrimSuffix(t, "°"))
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errors.New("is not a coordinate in decimal degrees")
	}
	if sign < 0 && v < 0 {
		return 0, errors.New("has both a minus sign and a hemisphere")
	}
	v *= sign
	if v < -limit || v > limit {
		return 0, errors.New("is outside ±" + strconv.FormatFloat(limit, 'f', -1, 64) + " degrees")
	}
	return v, nil
}

// Unit words for whole-number counts, as multiples of the field's unit.
var (
	monthUnits = map[string]int64{"month": 1, "months": 1, "mo": 1, "mos": 1, "mth": 1, "mths": 1, "m": 1, "year": 12, "years": 12, "yr": 12, "yrs": 12, "y": 12}
	dayUnits   = map[string]int64{"day": 1, "days": 1, "d": 1}
)

// parseCount reads a whole number, optionally followed by a unit word:
// "36", "36 months", "3 years" (36 months), "60 days". "36.0" is 36, as
// spreadsheets write whole numbers that way.
func parseCount(s string, units map[string]int64) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	end := 0
	for end < len(t) && (t[end] >= '0' && t[end] <= '9' || t[end] == '.' || t[end] == ',') {
		end++
	}
	num, ok := stripThousands(t[:end])
	if !ok || !isDecimal(num) {
		return 0, errNotWhole
	}
	factor := int64(1)
	if word := strings.TrimSpace(t[end:]); word != "" {
		if factor, ok = units[word]; !ok {
			return 0, errNotWhole
		}
	}
	if whole, frac, found := strings.Cut(num, "."); found && strings.Trim(frac, "0") == "" {
		num = whole
	}
	n, ok := plainDecimal(num, 0)
	if !ok || n > 1_000_000 {
		return 0, errNotWhole
	}
	return n * factor, nil
}

// parseURL accepts an absolute http or https URL.
func parseURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\n") {
		return "", errors.New("is not an http(s) URL")
	}
	return s, nil
}

// stateIndex maps lower-cased state names and codes to USPS codes.
var stateIndex = func() map[string]string {
	idx := make(map[string]string, 2*len(usStates))
	for code, name := range usStates {
		idx[strings.ToLower(code)] = code
		idx[strings.ToLower(name)] = code
	}
	return idx
}()

// normalizeState turns a US state name or code into its USPS code and keeps
// anything else (a province, a typo) as written.
func normalizeState(s string) string {
	if _, ok := usStates[s]; ok {
		return s
	}
	if code, ok := stateIndex[strings.ToLower(strings.Join(strings.Fields(s), " "))]; ok {
		return code
	}
	return s
}
