package analytics

import (
	"errors"
	"testing"
	"time"

	"github.com/xiber/netos/models"
)

// today is the fixed clock of every test unless a case says otherwise.
var today = day("2026-06-15")

func day(s string) models.Date {
	d, err := models.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func dayPtr(s string) *models.Date { d := day(s); return &d }

func usd(s string) models.Money {
	m, err := models.ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

func pct(s string) *models.Decimal {
	d, err := models.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func months(n int64) *int64 { return &n }

// contract is a live, active circuit with a manual contract ending on end
// and the default 60 days' notice.
func contract(label string, end models.Date) *models.Circuit {
	return &models.Circuit{
		Record:      models.Record{ID: "id-" + label},
		Label:       label,
		Status:      models.StatusActive,
		TermEnd:     &end,
		RenewalType: "manual",
		NoticeDays:  60,
	}
}

func deleted(c *models.Circuit) *models.Circuit {
	t := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.DeletedAt = &t
	return c
}

// fieldError returns the field errors of a validation error, failing the
// test when err is not one.
func fieldErrors(t *testing.T, err error) map[string]string {
	t.Helper()
	if !errors.Is(err, models.ErrInvalid) {
		t.Fatalf("error %v is not ErrInvalid", err)
	}
	var ve *models.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *models.ValidationError", err)
	}
	out := map[string]string{}
	for _, f := range ve.Fields {
		out[f.Field] = f.Type
	}
	return out
}

func dateString(d *models.Date) string {
	if d == nil {
		return "<nil>"
	}
	return d.String()
}
