package audit_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/models"
)

func TestDiff(t *testing.T) {
	end := models.NewDate(2027, 12, 31)
	before := &models.Customer{Record: models.Record{ID: "c1", Version: 1}, Name: "Acme", Status: "active", MRR: models.Dollars(100, 0)}
	after := *before
	after.MRR, after.Version, after.City = models.Dollars(120, 50), 2, "Columbus"
	cases := []struct {
		name    string
		before  any
		after   any
		want    string
		partial bool // want is a fragment of the whole diff
	}{
		{"a create lists the set fields but no bookkeeping", nil, &models.Circuit{Record: models.Record{ID: "x", Version: 1}, Label: "L", TermEnd: &end, MRC: 250},
			`"contract_term_end_date":{"before":null,"after":"2027-12-31"}`, true},
		{"an update lists only what changed, money as money", before, &after,
			`{"city":{"before":"","after":"Columbus"},"mrr_usd":{"before":100.00,"after":120.50}}`, false},
		{"an unchanged record has no changes", before, before, `{}`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(audit.Diff(tc.before, tc.after))
			if err != nil {
				t.Fatal(err)
			}
			if tc.partial {
				if !strings.Contains(string(got), tc.want) || strings.Contains(string(got), `"version"`) {
					t.Fatalf("diff = %s, want it to hold %s and no version", got, tc.want)
				}
				return
			}
			if string(got) != tc.want {
				t.Fatalf("diff = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestDiffOfACreateReadsFieldsLikeTheGeneralPath holds the fast path for
// new records (Diff(nil, &rec)) to the general one (a record by value),
// over set, zero, nil and pointed-to-zero fields.
func TestDiffOfACreateReadsFieldsLikeTheGeneralPath(t *testing.T) {
	end, zero, mbps, lat := models.NewDate(2027, 12, 31), int64(0), int64(500), 0.0
	recs := []any{
		&models.Circuit{Record: models.Record{ID: "x", Version: 1}, Label: "L", TermEnd: &end, MRC: 250,
			BandwidthMbps: &mbps, TermMonths: &zero, ALat: &lat, Notes: "n"},
		&models.Circuit{},
		&models.Customer{Record: models.Record{ID: "c"}, Name: "Acme", MRR: models.Dollars(1, 5)},
	}
	for _, rec := range recs {
		fast, err := json.Marshal(audit.Diff(nil, rec))
		if err != nil {
			t.Fatal(err)
		}
		general, err := json.Marshal(audit.Diff(nil, reflect.ValueOf(rec).Elem().Interface()))
		if err != nil {
			t.Fatal(err)
		}
		if string(fast) != string(general) {
			t.Errorf("%T: fast path %s\ngeneral path %s", rec, fast, general)
		}
	}
}
