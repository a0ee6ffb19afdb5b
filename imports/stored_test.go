package imports

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// TestStoredRowsReadBackExactly writes rows with a value of every parsed
// type, awkward texts included, and requires the commit's reading of them
// to give the circuit schema exactly the values of the preview.
func TestStoredRowsReadBackExactly(t *testing.T) {
	rows := []Row{
		{Number: 7, Fields: map[string]any{
			"xiber_circuit_label": "XIB-0001", "carrier_name": "Lumen, Inc.", "service_type": "wave",
			"bandwidth_mbps": int64(10_000), "status": "active", "mrc_usd": models.Money(250_050),
			"nrc_usd": models.Money(1250), "etf_usd": models.Money(7), "notes": "two\nlines, \"quoted\"", "contract_term_start_date": models.NewDate(2024, 1, 15),
			"contract_term_months": int64(36), "etf_pct": models.Decimal(3_500_000), "escalator_pct": models.Decimal(25),
			"a_endpoint_lat": 39.961_234_567_891_23, "a_endpoint_lng": -82.998_8, "z_endpoint_lat": 1e-7,
		}},
		{Number: 12, Fields: map[string]any{"xiber_circuit_label": "XIB-0002", "carrier_name": "Zayo", "service_type": "dia"}},
	}
	var buf bytes.Buffer
	w, err := newRowWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	var got []Row
	err = readStoredRows(&buf, func(number int, fields map[string]any) error {
		got = append(got, Row{Number: number, Fields: fields})
		return nil
	})
	if err != nil || len(got) != len(rows) {
		t.Fatalf("read %d rows, %v", len(got), err)
	}
	for i, r := range rows {
		want, err := network.CircuitSchema.FromLoose(r.Fields, "")
		if err != nil {
			t.Fatal(err)
		}
		have, err := network.CircuitSchema.FromLoose(got[i].Fields, "")
		if err != nil {
			t.Fatalf("row %d read back: %v", r.Number, err)
		}
		if got[i].Number != r.Number || !reflect.DeepEqual(have, want) {
			t.Errorf("row %d read back as row %d %v; want %v", r.Number, got[i].Number, have, want)
		}
	}
}

// TestStoredRowsOfAnotherVersion refuses rows kept in another form (the
// JSON lines of earlier versions) with a conflict that says what to do.
func TestStoredRowsOfAnotherVersion(t *testing.T) {
	old := `{"row":2,"fields":{"xiber_circuit_label":"X-1"}}` + "\n"
	err := readStoredRows(strings.NewReader(old), func(int, map[string]any) error { return nil })
	if !errors.Is(err, models.ErrConflict) || !strings.Contains(err.Error(), "preview the file again") {
		t.Fatalf("err = %v", err)
	}
}
