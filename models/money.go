package models

import (
	"database/sql/driver"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Money is an exact amount of US dollars held as integer cents. It is stored
// as a BIGINT and shown in JSON as a number with two decimals (2500.00), so
// no float ever touches a balance.
type Money int64

// Dollars builds Money from whole dollars and cents (Dollars(25, 50) = $25.50).
func Dollars(dollars, cents int64) Money { return Money(dollars*100 + cents) }

// Cents is the amount in cents.
func (m Money) Cents() int64 { return int64(m) }

// String formats the amount as a plain decimal with two places: "-12.50".
func (m Money) String() string {
	c := uint64(m)
	var b []byte
	if m < 0 {
		b, c = append(b, '-'), -c // -c is exact even for the most negative amount
	}
	b = strconv.AppendUint(b, c/100, 10)
	return string(append(b, '.', byte('0'+c%100/10), byte('0'+c%10)))
}

// MarshalJSON writes the amount as a JSON number with exactly two decimals.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalJSON accepts a JSON number with at most two decimals.
func (m *Money) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "" || s[0] == '"' || s == "null" || s == "true" || s == "false" || s[0] == '{' || s[0] == '[' {
		return fmt.Errorf("must be a number")
	}
	v, err := ParseMoney(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// maxMoneyCents keeps every sum of amounts far from int64 overflow.
const maxMoneyCents = 1_000_000_000_000_00 // one trillion dollars

// ParseMoney parses a plain decimal ("2500", "2500.5", "-12.50", "1e3") into
// cents; more than two decimals or a magnitude over a trillion dollars is an
// error rather than a silent rounding.
func ParseMoney(s string) (Money, error) {
	s = strings.TrimSpace(s)
	if m, ok := parsePlainMoney(s); ok {
		return m, nil
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return 0, fmt.Errorf("must be a decimal number")
	}
	r.Mul(r, big.NewRat(100, 1))
	if !r.IsInt() {
		return 0, fmt.Errorf("must have at most two decimals")
	}
	n := r.Num()
	if !n.IsInt64() || n.Int64() > maxMoneyCents || n.Int64() < -maxMoneyCents {
		return 0, fmt.Errorf("is out of range")
	}
	return Money(n.Int64()), nil
}

// parsePlainMoney reads the usual form of an amount, [-]digits[.d[d]],
// without big.Rat; anything else (exponents, trailing zeros, huge
// amounts) is left to ParseMoney's exact general path.
func parsePlainMoney(s string) (Money, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || len(whole) > 15 || len(frac) > 2 || (dot && frac == "") {
		return 0, false
	}
	var cents int64
	for _, c := range whole + frac + "00"[len(frac):] {
		if c < '0' || c > '9' {
			return 0, false
		}
		cents = cents*10 + int64(c-'0')
	}
	if cents > maxMoneyCents {
		return 0, false // the general path words the error
	}
	if neg {
		cents = -cents
	}
	return Money(cents), true
}

// Value stores the cents.
func (m Money) Value() (driver.Value, error) { return int64(m), nil }

// Scan reads cents from an integer column.
func (m *Money) Scan(src any) error {
	n, err := scanInt64(src)
	*m = Money(n)
	return err
}

// Decimal is an exact decimal with six places, held as an integer of
// millionths: allocation weights and percentages (3.0 = 3 %).
type Decimal int64

// DecimalScale is the number of units in 1.
const DecimalScale = 1_000_000

// DecimalFromInt makes a whole-number Decimal.
func DecimalFromInt(n int64) Decimal { return Decimal(n * DecimalScale) }

// Rat is the exact value as a rational.
func (d Decimal) Rat() *big.Rat { return big.NewRat(int64(d), DecimalScale) }

// Float is the value as a float, for display and geometry only.
func (d Decimal) Float() float64 { return float64(d) / DecimalScale }

// String formats the decimal without trailing zeros: "3", "2.5", "-0.125".
func (d Decimal) String() string {
	sign := ""
	v := int64(d)
	if v < 0 {
		sign = "-"
		v = -v
	}
	whole, frac := v/DecimalScale, v%DecimalScale
	if frac == 0 {
		return sign + strconv.FormatInt(whole, 10)
	}
	fs := strconv.FormatInt(DecimalScale+frac, 10)[1:] // six digits, zero-padded
	return sign + strconv.FormatInt(whole, 10) + "." + strings.TrimRight(fs, "0")
}

// ParseDecimal parses a plain decimal with at most six places.
func ParseDecimal(s string) (Decimal, error) {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(s))
	if !ok {
		return 0, fmt.Errorf("must be a decimal number")
	}
	r.Mul(r, big.NewRat(DecimalScale, 1))
	if !r.IsInt() {
		return 0, fmt.Errorf("must have at most six decimals")
	}
	n := r.Num()
	if !n.IsInt64() || n.Int64() > math.MaxInt64/1024 || n.Int64() < -math.MaxInt64/1024 {
		return 0, fmt.Errorf("is out of range")
	}
	return Decimal(n.Int64()), nil
}

// MarshalJSON writes the decimal as a JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalJSON accepts a JSON number with at most six decimals.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	s := string(b)
	if s == "" || s[0] == '"' || s == "null" || s == "true" || s == "false" || s[0] == '{' || s[0] == '[' {
		return fmt.Errorf("must be a number")
	}
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value stores the millionths.
func (d Decimal) Value() (driver.Value, error) { return int64(d), nil }

// Scan reads millionths from an integer column.
func (d *Decimal) Scan(src any) error {
	n, err := scanInt64(src)
	*d = Decimal(n)
	return err
}

func scanInt64(src any) (int64, error) {
	switch v := src.(type) {
	case nil:
		return 0, nil
	case int64:
		return v, nil
	case int32:
		return int64(v), nil
	case []byte:
		return strconv.ParseInt(string(v), 10, 64)
	case string:
		return strconv.ParseInt(v, 10, 64)
	case float64:
		return int64(v), nil
	default:
		return 0, fmt.Errorf("cannot scan %T into an integer amount", src)
	}
}
