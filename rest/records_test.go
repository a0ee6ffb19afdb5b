package rest_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
)

// TestEveryRecordRoundTripsWithETags walks create → get → patch → delete for
// each record type, with the optimistic-concurrency answers on the way.
func TestEveryRecordRoundTripsWithETags(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	cases := []struct {
		name, base, create, patch string
	}{
		{"a circuit", "/api/v1/circuits", `{"xiber_circuit_label":"XIB-ZAY-1","carrier_name":"Zayo","service_type":"ethernet"}`, `{"status":"decommissioned","mrc_usd":10.5}`},
		{"a customer", "/api/v1/customers", `{"name":"Beta LLC"}`, `{"customer_type":"mfc","mrr_usd":99.99}`},
		{"an infrastructure asset", "/api/v1/infrastructure", `{"name":"Shelter 9","site_type":"shelter"}`, `{"provider_name":"Crown Castle","status":"inactive"}`},
		{"an RF system", "/api/v1/rf-systems", `{"name":"ePMP","link_type":"ptmp","equipment_role":"ptmp_base"}`, `{"description":"sector"}`},
		{"an RF link", "/api/v1/rf-links", fmt.Sprintf(`{"name":"Backhaul","rf_system_id":%q,"a_infrastructure_id":%q,"z_infrastructure_id":%q}`, n.system, n.tower, n.dc), `{"status":"planned"}`},
		{"an electrical service", "/api/v1/electrical-services", fmt.Sprintf(`{"infrastructure_id":%q,"avg_monthly_cost_usd":310.25,"provider_name":"AEP"}`, n.tower), `{"meter_number":"M-1"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is created, read, patched and deleted", func(t *testing.T) {
			created := send(t, a, "operations", "POST", tc.base, tc.create).want(t, http.StatusCreated)
			id := created.id(t)
			if created.header.Get("ETag") != `"1"` || created.header.Get("Location") != tc.base+"/"+id {
				t.Fatalf("ETag %q Location %q", created.header.Get("ETag"), created.header.Get("Location"))
			}
			item := tc.base + "/" + id
			if got := send(t, a, "read_only", "GET", item, "").want(t, http.StatusOK).header.Get("ETag"); got != `"1"` {
				t.Fatalf("detail ETag %q", got)
			}
			patched := send(t, a, "pm", "PATCH", item, tc.patch, `If-Match: "1"`).want(t, http.StatusOK)
			if patched.header.Get("ETag") != `"2"` {
				t.Fatalf("patched ETag %q: %s", patched.header.Get("ETag"), patched.body)
			}
			send(t, a, "pm", "PATCH", item, tc.patch, `If-Match: "1"`).want(t, http.StatusPreconditionFailed)
			send(t, a, "pm", "PATCH", item, `{"notes":"x"}`, `If-Match: 1`).want(t, http.StatusUnprocessableEntity)
			send(t, a, "pm", "PATCH", item, `{"id":"x"}`).want(t, http.StatusUnprocessableEntity)
			send(t, a, "pm", "DELETE", item, "", `If-Match: "1"`).want(t, http.StatusPreconditionFailed)
			send(t, a, "finance", "DELETE", item, "", `If-Match: "2"`).want(t, http.StatusNoContent)
			send(t, a, "exec", "GET", item, "").want(t, http.StatusNotFound)
			send(t, a, "exec", "DELETE", item, "").want(t, http.StatusNotFound)
			for _, row := range decodeAs[[]map[string]any](t, send(t, a, "exec", "GET", tc.base, "").want(t, http.StatusOK)) {
				if row["id"] == id {
					t.Fatal("a deleted record is still listed")
				}
			}
		})
	}
	t.Run("an RF system in use is a conflict to delete", func(t *testing.T) {
		send(t, a, "exec", "DELETE", "/api/v1/rf-systems/"+n.system, "").want(t, http.StatusConflict)
	})
}

func TestDetailShapes(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	send(t, a, "exec", "POST", "/api/v1/electrical-services", fmt.Sprintf(`{"infrastructure_id":%q,"avg_monthly_cost_usd":310.25,"provider_name":"AEP"}`, n.tower)).want(t, http.StatusCreated)
	send(t, a, "exec", "POST", "/api/v1/circuits/"+n.wave+"/events", `{"event_type":"outage","event_date":"2026-02-01","notes":"fiber cut"}`).want(t, http.StatusCreated)
	providers := decodeAs[[]map[string]any](t, send(t, a, "exec", "GET", "/api/v1/service-providers?search=lumen", "").want(t, http.StatusOK))
	if len(providers) != 1 {
		t.Fatalf("providers = %v", providers)
	}
	for _, tc := range []struct{ golden, path string }{
		{"circuit_detail", "/api/v1/circuits/" + n.wave},
		{"customer_detail", "/api/v1/customers/" + n.customer},
		{"infrastructure_detail", "/api/v1/infrastructure/" + n.tower},
		{"rf_link_detail", "/api/v1/rf-links/" + n.endlink},
		{"service_provider_detail", "/api/v1/service-providers/" + providers[0]["id"].(string)},
		{"service_provider_list", "/api/v1/service-providers"},
	} {
		t.Run(tc.golden+" keeps its shape", func(t *testing.T) {
			golden(t, tc.golden, send(t, a, "read_only", "GET", tc.path, "").want(t, http.StatusOK).body)
		})
	}
}

// TestListsFilter checks every list's filters, paging and X-Total-Count.
func TestListsFilter(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	cases := []struct {
		name, path string
		total      int
	}{
		{"circuits by carrier, case-insensitively", "/api/v1/circuits?carrier=LUMEN", 1},
		{"circuits by status", "/api/v1/circuits?status=ordered", 1},
		{"circuits by service type", "/api/v1/circuits?service_type=wave", 1},
		{"circuits by endpoint state", "/api/v1/circuits?state=oh", 2},
		{"circuits by label search", "/api/v1/circuits?search=cog-00", 1},
		{"circuits by carrier circuit ID search", "/api/v1/circuits?search=dhec.123", 1},
		{"circuits by carrier name search", "/api/v1/circuits?search=cogen", 1},
		{"circuits with a page still count all", "/api/v1/circuits?limit=1&offset=1", 2},
		{"customers by type", "/api/v1/customers?customer_type=commercial", 1},
		{"customers by status", "/api/v1/customers?status=planned", 0},
		{"customers by search", "/api/v1/customers?search=acme", 1},
		{"customers by state", "/api/v1/customers?state=TX", 0},
		{"infrastructure by site type", "/api/v1/infrastructure?site_type=tower", 1},
		{"infrastructure by provider name", "/api/v1/infrastructure?provider=american%20tower", 1},
		{"infrastructure by unknown provider", "/api/v1/infrastructure?provider=nobody", 0},
		{"infrastructure by search", "/api/v1/infrastructure?search=colog", 1},
		{"infrastructure by status and state", "/api/v1/infrastructure?status=active&state=OH", 2},
		{"RF links by link kind", "/api/v1/rf-links?link_kind=customer_endlink", 1},
		{"RF links by topology", "/api/v1/rf-links?topology=ptmp_source", 0},
		{"RF links by customer", "/api/v1/rf-links?customer_id=" + n.customer, 1},
		{"RF links by infrastructure", "/api/v1/rf-links?infrastructure_id=" + n.dc, 0},
		{"RF links by system", "/api/v1/rf-links?rf_system_id=" + n.system, 1},
		{"RF systems by role", "/api/v1/rf-systems?equipment_role=ptp", 1},
		{"electrical services by site", "/api/v1/electrical-services?infrastructure_id=" + n.tower, 0},
		{"service providers", "/api/v1/service-providers", 4},
		{"service providers by type", "/api/v1/service-providers?provider_type=carrier", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := send(t, a, "sales", "GET", tc.path, "").want(t, http.StatusOK)
			if got := r.header.Get("X-Total-Count"); got != fmt.Sprint(tc.total) {
				t.Fatalf("X-Total-Count %s, want %d: %s", got, tc.total, r.body)
			}
			if r.body[0] != '[' {
				t.Fatalf("not a bare array: %s", r.body)
			}
		})
	}
	t.Run("the service provider list carries counts and spend", func(t *testing.T) {
		rows := decodeAs[[]map[string]any](t, send(t, a, "exec", "GET", "/api/v1/service-providers?search=lumen", "").want(t, http.StatusOK))
		if rows[0]["circuit_count"] != 1.0 || rows[0]["total_spend"] != 2500.0 || rows[0]["infrastructure_count"] != 0.0 {
			t.Fatalf("row = %v", rows[0])
		}
	})
	t.Run("infrastructure rows name their provider", func(t *testing.T) {
		rows := decodeAs[[]map[string]any](t, send(t, a, "exec", "GET", "/api/v1/infrastructure", "").want(t, http.StatusOK))
		names := []any{rows[0]["provider_name"], rows[1]["provider_name"]}
		if !slices.Contains(names, "American Tower") || !slices.Contains(names, "Cologix") {
			t.Fatalf("provider names = %v", names)
		}
	})
}
