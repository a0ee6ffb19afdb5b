package imports

import (
	"errors"
	"math"
	"math/big"
	"net/url"
	"strconv"
	"strings"

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
