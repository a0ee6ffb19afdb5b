package models_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/xiber/netos/models"
)

func TestParseMoney(t *testing.T) {
	cases := []struct {
		in   string
		want models.Money
		ok   bool
	}{
		{"2500", 250000, true},
		{"2500.5", 250050, true},
		{"-12.50", -1250, true},
		{"1e3", 100000, true},
		{"0.1", 10, true},
		{"10.005", 0, false},
		{"abc", 0, false},
		{"1e20", 0, false},
		{"-0.05", -5, true},
		{"+5", 500, true},
		{".5", 50, true},
		{" 7.25 ", 725, true},
		{"1.500", 150, true},
		{"1,000", 0, false},
		{"--5", 0, false},
		{"1000000000000.00", 100_000_000_000_000, true},
		{"1000000000000.01", 0, false},
		{"-1000000000000.01", 0, false},
	}
	for _, tc := range cases {
		got, err := models.ParseMoney(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestMoneyJSONHasTwoDecimalsAndRefusesStrings(t *testing.T) {
	b, _ := json.Marshal(struct {
		A models.Money `json:"a"`
		B models.Money `json:"b"`
	}{250000, -5})
	if string(b) != `{"a":2500.00,"b":-0.05}` {
		t.Fatalf("json = %s", b)
	}
	var m models.Money
	if err := json.Unmarshal([]byte(`"12"`), &m); err == nil {
		t.Fatal("a string was accepted as money")
	}
	if err := json.Unmarshal([]byte(`0.1`), &m); err != nil || m != 10 {
		t.Fatalf("0.1 = %v, %v", m, err)
	}
}

func TestMoneyString(t *testing.T) {
	for m, want := range map[models.Money]string{
		0: "0.00", 5: "0.05", -5: "-0.05", 10: "0.10", 250_050: "2500.50", -1250: "-12.50",
		math.MaxInt64: "92233720368547758.07", math.MinInt64: "-92233720368547758.08",
	} {
		if got := m.String(); got != want {
			t.Errorf("Money(%d) = %s, want %s", int64(m), got, want)
		}
	}
}

func TestDecimal(t *testing.T) {
	for in, want := range map[string]string{"3": "3", "2.5": "2.5", "-0.125": "-0.125", "1.000001": "1.000001", "-0.000001": "-0.000001", "12.34": "12.34"} {
		d, err := models.ParseDecimal(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDecimal(%q) = %v, %v", in, d, err)
		}
	}
	if _, err := models.ParseDecimal("0.0000001"); err == nil {
		t.Error("seven decimals were accepted")
	}
}

func TestDate(t *testing.T) {
	d, err := models.ParseDate("2028-02-29")
	if err != nil || d.AddDays(1).String() != "2028-03-01" || d.AddMonths(12).String() != "2029-03-01" {
		t.Fatalf("date arithmetic: %v %v", d, err)
	}
	if _, err := models.ParseDate("02/29/2028"); err == nil {
		t.Fatal("a US date was accepted where the API takes YYYY-MM-DD")
	}
	if n := models.NewDate(2026, 12, 3).DaysUntil(models.NewDate(2027, 1, 2)); n != 30 {
		t.Fatalf("days until = %d", n)
	}
}
