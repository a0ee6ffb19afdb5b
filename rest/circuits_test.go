package rest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/xiber/netos/apptest"
)

const guideCircuit = `{
  "xiber_circuit_label": "XIB-LUM-0042",
  "carrier_circuit_id": "DHEC.123456",
  "carrier_name": "Lumen",
  "service_type": "wave",
  "bandwidth_mbps": 10000,
  "status": "active",
  "monitoring_url": "https://librenms.xiber.local/device/123",
  "mrc_usd": 2500.00,
  "nrc_usd": 5000.00,
  "a_endpoint_name": "Xiber HQ",
  "z_endpoint_name": "Cologix COL1"
}`

func decode(t *testing.T, resp *http.Response, v any) {
	t.Helper()
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
}

func TestCreateCircuitAsTheGuideShows(t *testing.T) {
	a := apptest.New(t, apptest.Options{MonitoringSearchURL: "https://librenms.example/search?search={query}"})
	resp := a.Do(t, "exec", "POST", "/api/v1/circuits", guideCircuit)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create: status %d", resp.StatusCode)
	}
	var c map[string]any
	decode(t, resp, &c)
	for field, want := range map[string]any{
		"xiber_circuit_label": "XIB-LUM-0042", "carrier_name": "Lumen", "service_type": "wave",
		"mrc_usd": 2500.0, "nrc_usd": 5000.0, "bandwidth_mbps": 10000.0, "status": "active",
		"monitoring_search_url": "https://librenms.example/search?search=DHEC.123456",
	} {
		if c[field] != want {
			t.Errorf("%s = %v, want %v", field, c[field], want)
		}
	}
	if z := c["z_endpoint"].(map[string]any); z["name"] != "Cologix COL1" {
		t.Errorf("z endpoint = %v", z)
	}
	events := c["lifecycle_events"].([]any)
	if len(events) != 1 || events[0].(map[string]any)["event_type"] != "activated" {
		t.Errorf("lifecycle events = %v", events)
	}

	t.Run("a duplicate label is a conflict", func(t *testing.T) {
		if got := a.Do(t, "exec", "POST", "/api/v1/circuits", guideCircuit).StatusCode; got != http.StatusConflict {
			t.Fatalf("status %d, want 409", got)
		}
	})
	t.Run("the list filters by carrier name case-insensitively", func(t *testing.T) {
		resp := a.Do(t, "read_only", "GET", "/api/v1/circuits?status=active&carrier=lumen", "")
		var list []map[string]any
		decode(t, resp, &list)
		if len(list) != 1 || resp.Header.Get("X-Total-Count") != "1" {
			t.Fatalf("list = %d items, total %q", len(list), resp.Header.Get("X-Total-Count"))
		}
	})
	t.Run("DIA clears the Z endpoint", func(t *testing.T) {
		resp := a.Do(t, "finance", "POST", "/api/v1/circuits", `{"xiber_circuit_label":"XIB-COG-1","carrier_name":"Cogent","service_type":"dia","z_endpoint_name":"Nowhere"}`)
		var c map[string]any
		decode(t, resp, &c)
		if z := c["z_endpoint"].(map[string]any); z["name"] != "" {
			t.Fatalf("z endpoint kept: %v", z)
		}
	})
}

func TestCreateCircuitRefusesBadInput(t *testing.T) {
	a := apptest.New(t)
	cases := []struct {
		name, role, body string
		status           int
		loc              string
	}{
		{"a missing role is unauthenticated", "", guideCircuit, 401, ""},
		{"an unknown role is unauthenticated", "admin", guideCircuit, 401, ""},
		{"a read role is forbidden", "sales", guideCircuit, 403, ""},
		{"the agent role is forbidden outside the MCP flow", "agent", guideCircuit, 403, ""},
		{"malformed JSON names no field", "exec", `{"xiber_circuit_label": `, 422, ""},
		{"an array body is refused", "exec", `[1]`, 422, ""},
		{"a missing required field is named", "exec", `{"carrier_name":"Lumen","service_type":"wave"}`, 422, "xiber_circuit_label"},
		{"an unknown enum value is named", "exec", `{"xiber_circuit_label":"X","carrier_name":"Lumen","service_type":"warp"}`, 422, "service_type"},
		{"money as a string is a type error", "exec", `{"xiber_circuit_label":"X","carrier_name":"Lumen","service_type":"wave","mrc_usd":"10"}`, 422, "mrc_usd"},
		{"fractions of a cent are refused", "exec", `{"xiber_circuit_label":"X","carrier_name":"Lumen","service_type":"wave","mrc_usd":10.005}`, 422, "mrc_usd"},
		{"an unknown field is refused", "exec", `{"xiber_circuit_label":"X","carrier_name":"Lumen","service_type":"wave","id":"x"}`, 422, "id"},
		{"a bad site reference is named", "exec", `{"xiber_circuit_label":"X","carrier_name":"Lumen","service_type":"wave","a_infrastructure_id":"8d8e4333-8182-4443-8e0d-f2307276db52"}`, 422, "a_infrastructure_id"},
		{"term end before start is named", "exec", `{"xiber_circuit_label":"X","carrier_name":"Lumen","service_type":"wave","contract_term_start_date":"2027-01-01","contract_term_end_date":"2026-01-01"}`, 422, "contract_term_end_date"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := a.Do(t, tc.role, "POST", "/api/v1/circuits", tc.body)
			if resp.StatusCode != tc.status {
				b, _ := io.ReadAll(resp.Body)
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, b)
			}
			if tc.loc == "" {
				return
			}
			var body struct {
				Detail []struct {
					Loc []string `json:"loc"`
				} `json:"detail"`
			}
			decode(t, resp, &body)
			if len(body.Detail) == 0 || body.Detail[0].Loc[len(body.Detail[0].Loc)-1] != tc.loc {
				t.Fatalf("detail = %+v, want loc ending %s", body.Detail, tc.loc)
			}
		})
	}
	var list []any
	decode(t, a.Do(t, "exec", "GET", "/api/v1/circuits", ""), &list)
	if len(list) != 0 {
		t.Fatalf("bad input stored %d circuits", len(list))
	}
}
