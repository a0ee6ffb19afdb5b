package models

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// DateLayout is the only date format NetOS reads or writes.
const DateLayout = "2006-01-02"

// Date is a calendar day with no time zone, stored as 'YYYY-MM-DD' text so
// it sorts and compares the same on SQLite and PostgreSQL.
type Date struct{ t time.Time }

// NewDate makes the date of y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf is the UTC calendar day of t.
func DateOf(t time.Time) Date {
	y, m, d := t.UTC().Date()
	return NewDate(y, m, d)
}

// ParseDate reads 'YYYY-MM-DD'.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("must be a date YYYY-MM-DD")
	}
	return Date{t}, nil
}

// Time is midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String formats the date as 'YYYY-MM-DD'.
func (d Date) String() string { return d.t.Format(DateLayout) }

// AddDays is the date n days later.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths is the date n calendar months later (Jan 31 + 1 month = Mar 3,
// as time.AddDate normalises).
func (d Date) AddMonths(n int) Date { return Date{d.t.AddDate(0, n, 0)} }

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// DaysUntil is the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// MarshalJSON writes "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("must be a date string YYYY-MM-DD")
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value stores the date as text.
func (d Date) Value() (driver.Value, error) { return d.String(), nil }

// Scan reads a date stored as text (or as a timestamp by a foreign writer).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case string:
		return d.parseStored(v)
	case []byte:
		return d.parseStored(string(v))
	case time.Time:
		*d = DateOf(v)
		return nil
	default:
		return fmt.Errorf("cannot scan %T into a date", src)
	}
}

func (d *Date) parseStored(s string) error {
	if len(s) > len(DateLayout) {
		s = s[:len(DateLayout)]
	}
	v, err := ParseDate(s)
	*d = v
	return err
}
