package imports

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/xiber/netos/models"
)

func TestNormalizeHeader(t *testing.T) {
	tests := map[string]string{
		"Carrier Circuit ID":  "carrier circuit id",
		"carrier_circuit_id":  "carrier circuit id",
		"CarrierCircuitID":    "carrier circuit id",
		"carrierCircuitId":    "carrier circuit id",
		"  Bandwidth (Mbps) ": "bandwidth mbps",
		"A-End":               "a end",
		"AEnd":                "a end",
		"Circuit #":           "circuit number",
		"ETF %":               "etf pct",
		"MRC ($)":             "mrc usd",
		"Term\nStart":         "term start",
		"MRC":                 "mrc",
	}
	for in, want := range tests {
		if got := normalizeHeader(in); got != want {
			t.Errorf("normalizeHeader(%q) = %q; want %q", in, got, want)
		}
	}
}

// Every synonym must name one field only, or detection would depend on
// table order.
func TestSynonymsNameOneFieldEach(t *testing.T) {
	owner := map[string]string{}
	claim := func(header, field string) {
		key := normalizeHeader(header)
		if prev, ok := owner[key]; ok && prev != field {
			t.Errorf("header %q maps to both %s and %s", header, prev, field)
		}
		owner[key] = field
	}
	for _, f := range fields {
		claim(f.name, f.name)
	}
	for _, s := range headerSynonyms {
		if _, ok := fieldIndex[s.canonical]; !ok {
			t.Errorf("synonyms for unknown field %s", s.canonical)
		}
		for _, h := range s.synonyms {
			claim(h, s.canonical)
		}
	}
	for _, end := range endpointPrefixes {
		for _, prefix := range end.synonyms {
			for _, part := range endpointParts {
				for _, word := range part.synonyms {
					field := end.canonical + "_endpoint_" + part.canonical
					if _, ok := fieldIndex[field]; !ok {
						t.Fatalf("endpoint synonym for unknown field %s", field)
					}
					claim(prefix+" "+word, field)
				}
			}
		}
	}
	for _, list := range [][]synonymList{statusSynonyms, serviceTypeSynonyms, renewalSynonyms} {
		seen := map[string]string{}
		for _, s := range list {
			for _, syn := range s.synonyms {
				if prev, ok := seen[normalizeEnum(syn)]; ok && prev != s.canonical {
					t.Errorf("enum synonym %q means both %s and %s", syn, prev, s.canonical)
				}
				seen[normalizeEnum(syn)] = s.canonical
			}
		}
	}
}

func TestDetectMapping(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		want    map[string]string // header → field; absent means unmapped
	}{
		{
			name:    "field names map to themselves",
			headers: Fields(),
			want: func() map[string]string {
				m := map[string]string{}
				for _, f := range Fields() {
					m[f] = f
				}
				return m
			}(),
		},
		{
			name: "a carrier portal export maps through synonyms",
			headers: []string{"Circuit Label", "Carrier Circuit ID", "Vendor", "Product", "Speed", "Circuit Status",
				"Monthly Recurring", "Install Fee", "Contract Start", "Contract End", "Term (Months)", "Auto Renew",
				"Notice Period (Days)", "Early Termination Fee", "Annual Escalator", "A-End", "A-End Address",
				"A State", "A Lat", "A Long", "Z-End", "Z Location Address", "Z ST", "Z Latitude", "Z Longitude",
				"LibreNMS", "Comments", "Account Manager"},
			want: map[string]string{
				"Circuit Label": "xiber_circuit_label", "Carrier Circuit ID": "carrier_circuit_id",
				"Vendor": "carrier_name", "Product": "service_type", "Speed": "bandwidth_mbps",
				"Circuit Status": "status", "Monthly Recurring": "mrc_usd", "Install Fee": "nrc_usd",
				"Contract Start": "contract_term_start_date", "Contract End": "contract_term_end_date",
				"Term (Months)": "contract_term_months", "Auto Renew": "renewal_type",
				"Notice Period (Days)": "notice_days", "Early Termination Fee": "etf_usd",
				"Annual Escalator": "escalator_pct", "A-End": "a_endpoint_name",
				"A-End Address": "a_endpoint_address", "A State": "a_endpoint_state", "A Lat": "a_endpoint_lat",
				"A Long": "a_endpoint_lng", "Z-End": "z_endpoint_name", "Z Location Address": "z_endpoint_address",
				"Z ST": "z_endpoint_state", "Z Latitude": "z_endpoint_lat", "Z Longitude": "z_endpoint_lng",
				"LibreNMS": "monitoring_url", "Comments": "notes",
			},
		},
		{
			name:    "units and filler words are dropped before a second lookup",
			headers: []string{"MRC ($)", "Cost per month", "Speed (Gbps)", "NRC USD", "ETF %", "Escalator %"},
			want: map[string]string{
				"MRC ($)": "mrc_usd", "Speed (Gbps)": "bandwidth_mbps", "NRC USD": "nrc_usd",
				"ETF %": "etf_pct", "Escalator %": "escalator_pct",
			},
		},
		{
			name:    "the field name beats a synonym whatever the column order",
			headers: []string{"Circuit", "xiber_circuit_label", "Carrier", "Vendor"},
			want:    map[string]string{"xiber_circuit_label": "xiber_circuit_label", "Carrier": "carrier_name"},
		},
		{
			name:    "a single-site export's plain location columns are the A end",
			headers: []string{"Name", "Circuit ID", "Provider", "Service", "Site", "Address", "State", "Latitude", "Longitude"},
			want: map[string]string{
				"Name": "xiber_circuit_label", "Circuit ID": "carrier_circuit_id", "Provider": "carrier_name",
				"Service": "service_type", "Site": "a_endpoint_name", "Address": "a_endpoint_address",
				"State": "a_endpoint_state", "Latitude": "a_endpoint_lat", "Longitude": "a_endpoint_lng",
			},
		},
		{
			name:    "From and To name the two ends",
			headers: []string{"From", "To", "Origin Address", "Destination State"},
			want: map[string]string{
				"From": "a_endpoint_name", "To": "z_endpoint_name",
				"Origin Address": "a_endpoint_address", "Destination State": "z_endpoint_state",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DetectMapping(tt.headers)
			if len(got) != len(tt.headers) {
				t.Errorf("mapping has %d headers; want %d", len(got), len(tt.headers))
			}
			for _, h := range tt.headers {
				want, mapped := tt.want[h]
				switch f := got[h]; {
				case !mapped && f != nil:
					t.Errorf("%q → %s; want unmapped", h, *f)
				case mapped && (f == nil || *f != want):
					t.Errorf("%q → %v; want %s", h, deref(f), want)
				}
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func TestResolveMapping(t *testing.T) {
	headers := []string{"Circuit", "Carrier", "Vendor", "Type", "Cost", "Sales Rep"}
	tests := []struct {
		name     string
		override map[string]string
		want     map[string]string // header → field, "" for unmapped
		wantErr  string
	}{
		{
			name:     "no override keeps the detection",
			override: nil,
			want:     map[string]string{"Circuit": "xiber_circuit_label", "Carrier": "carrier_name", "Vendor": "", "Type": "service_type", "Cost": "mrc_usd", "Sales Rep": ""},
		},
		{
			name:     "an override moves a field from the detected column to another",
			override: map[string]string{"Vendor": "carrier_name"},
			want:     map[string]string{"Circuit": "xiber_circuit_label", "Carrier": "", "Vendor": "carrier_name", "Type": "service_type", "Cost": "mrc_usd", "Sales Rep": ""},
		},
		{
			name:     "empty and null ignore a column; headers match ignoring case",
			override: map[string]string{"cost": "", "Type": "null", "Sales Rep": "Notes"},
			want:     map[string]string{"Circuit": "xiber_circuit_label", "Carrier": "carrier_name", "Vendor": "", "Type": "", "Cost": "", "Sales Rep": "notes"},
		},
		{
			name:     "a preview's own mapping round-trips",
			override: must(ResolveMapping(headers, map[string]string{"Vendor": "carrier_name"})).Override(),
			want:     map[string]string{"Circuit": "xiber_circuit_label", "Carrier": "", "Vendor": "carrier_name", "Type": "service_type", "Cost": "mrc_usd", "Sales Rep": ""},
		},
		{
			name:     "an unknown field is refused by name",
			override: map[string]string{"Cost": "monthly_cost"},
			wantErr:  `"monthly_cost" is not an importable field`,
		},
		{
			name:     "an unknown header is refused by name",
			override: map[string]string{"Colour": "notes"},
			wantErr:  `column "Colour" is not in the file`,
		},
		{
			name:     "two headers mapped to one field are refused",
			override: map[string]string{"Carrier": "carrier_name", "Vendor": "carrier_name"},
			wantErr:  `columns "Carrier" and "Vendor" are both mapped to carrier_name`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ResolveMapping(headers, tt.override)
			if tt.wantErr != "" {
				if !errors.Is(err, models.ErrInvalid) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v; want ErrInvalid with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if plain := got.Override(); !maps.Equal(plain, tt.want) {
				t.Errorf("mapping = %v; want %v", plain, tt.want)
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestPickHeader(t *testing.T) {
	rec := func(cells ...string) Record { return Record{Cells: cells} }
	tests := []struct {
		name string
		rows []Record
		want int
	}{
		{"the header on top", []Record{rec("Label", "Carrier", "MRC"), rec("X-1", "Lumen", "100")}, 0},
		{"title rows above the header", []Record{
			rec("Xiber circuit inventory"), rec("Exported 2025-01-06", "", "by finance"),
			rec("Circuit Label", "Carrier", "Service Type", "MRC"), rec("X-1", "Lumen", "wave", "100"),
		}, 2},
		{"a grouping row above the header", []Record{
			rec("Circuit", "", "A End", "", "Z End"),
			rec("Label", "Carrier", "A Name", "A State", "Z Name", "Z State"),
		}, 1},
		{"unknown headers: the first wide row of text", []Record{
			rec("Report"), rec("Foo", "Bar", "Baz"), rec("1", "2", "3"),
		}, 1},
		{"nothing like a header: the first row", []Record{rec("1", "2"), rec("3", "4")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pickHeader(tt.rows); got != tt.want {
				t.Errorf("pickHeader = %d; want %d", got, tt.want)
			}
		})
	}
}

func TestHeaderNames(t *testing.T) {
	got := headerNames([]string{" Notes ", "Bandwidth\n(Mbps)", "", "notes", "Notes", "", ""})
	want := []string{"Notes", "Bandwidth (Mbps)", "Column C", "notes (2)", "Notes (3)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("headerNames = %q; want %q", got, want)
	}
}
