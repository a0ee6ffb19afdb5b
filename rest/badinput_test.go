package rest_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestBadInputAnswersTheContractShape: malformed JSON, wrong types, bad
// enums, bad UUIDs and oversized bodies are 4xx in the contract's shape,
// never a 500.
func TestBadInputAnswersTheContractShape(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	cases := []struct {
		name, method, path, body string
		status                   int
		loc                      string // one loc the 422 must carry
		golden                   string
	}{
		{"an unknown enum in a query names it", "GET", "/api/v1/circuits?status=warp", "", 422, "query.status", "error_query_enum"},
		{"a bad limit names it", "GET", "/api/v1/customers?limit=0", "", 422, "query.limit", ""},
		{"a huge limit names it", "GET", "/api/v1/infrastructure?limit=1001", "", 422, "query.limit", ""},
		{"a bad UUID filter names it", "GET", "/api/v1/rf-links?customer_id=nope", "", 422, "query.customer_id", ""},
		{"an unknown topology names it", "GET", "/api/v1/rf-links?topology=mesh", "", 422, "query.topology", ""},
		{"an unknown audit event type names it", "GET", "/api/v1/audit/activity?event_type=read", "", 422, "query.event_type", ""},
		{"a bad map filter names it", "GET", "/api/v1/circuits/map?service_type=warp", "", 422, "query.service_type", ""},
		{"a bad UUID in the path names it", "GET", "/api/v1/circuits/not-a-uuid", "", 422, "path.circuit_id", "error_path_uuid"},
		{"a bad UUID in a PATCH path names it", "PATCH", "/api/v1/customers/123", `{}`, 422, "path.customer_id", ""},
		{"a bad link ID names it", "DELETE", "/api/v1/infrastructure/" + n.tower + "/subtended-links/x", "", 422, "path.link_id", ""},
		{"an unknown record is 404", "GET", "/api/v1/infrastructure/8d8e4333-8182-4443-8e0d-f2307276db52", "", 404, "", "error_not_found"},
		{"malformed JSON is 422", "POST", "/api/v1/customers", `{"name":`, 422, "body", "error_malformed_json"},
		{"a wrong type names the field", "PATCH", "/api/v1/customers/" + n.customer, `{"mrr_usd":"lots"}`, 422, "body.mrr_usd", "error_wrong_type"},
		{"an unknown body enum names the field", "PATCH", "/api/v1/infrastructure/" + n.tower, `{"site_type":"igloo"}`, 422, "body.site_type", ""},
		{"a read-only field is refused", "PATCH", "/api/v1/rf-links/" + n.endlink, `{"link_kind":"backhaul"}`, 422, "body.link_kind", ""},
		{"a scalar body is refused", "POST", "/api/v1/rf-systems", `"x"`, 422, "body", ""},
		{"trailing data is refused", "POST", "/api/v1/rf-systems", `{} {}`, 422, "body", ""},
		{"an event without a type names it", "POST", "/api/v1/circuits/" + n.wave + "/events", `{"notes":"x"}`, 422, "body.event_type", ""},
		{"an event with a bad date names it", "POST", "/api/v1/circuits/" + n.wave + "/events", `{"event_type":"x","event_date":"March"}`, 422, "body.event_date", ""},
		{"an event with an unknown field names it", "POST", "/api/v1/circuits/" + n.wave + "/events", `{"event_type":"x","who":1}`, 422, "body.who", ""},
		{"an event on an unknown circuit is 404", "POST", "/api/v1/circuits/8d8e4333-8182-4443-8e0d-f2307276db52/events", `{"event_type":"x"}`, 404, "", ""},
		{"a conflict says why", "POST", "/api/v1/circuits", `{"xiber_circuit_label":"XIB-LUM-0042","carrier_name":"Lumen","service_type":"wave"}`, 409, "", "error_conflict"},
		{"a forbidden write says so", "DELETE", "/api/v1/circuits/" + n.wave, "", 403, "", ""},
		{"an oversized body is 413", "POST", "/api/v1/customers", `{"name":"` + strings.Repeat("x", 2<<20) + `"}`, 413, "", "error_too_large"},
		{"an unknown route is a JSON 404", "GET", "/api/v1/nothing-here", "", 404, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			role := "exec"
			if tc.status == 403 {
				role = "sales"
			}
			r := send(t, a, role, tc.method, tc.path, tc.body).want(t, tc.status)
			if !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
				t.Fatalf("Content-Type %q", r.header.Get("Content-Type"))
			}
			if _, ok := r.obj(t)["detail"]; !ok {
				t.Fatalf("no detail: %s", r.body)
			}
			if tc.loc != "" {
				if locs := errorLocs(t, r); !slices.Contains(locs, tc.loc) {
					t.Fatalf("locs %v, want %s", locs, tc.loc)
				}
			}
			if tc.golden != "" {
				golden(t, tc.golden, r.body)
			}
		})
	}
	t.Run("a stale If-Match is 412 in the contract shape", func(t *testing.T) {
		r := send(t, a, "exec", "PATCH", "/api/v1/customers/"+n.customer, `{"notes":"x"}`, `If-Match: "7"`).want(t, http.StatusPreconditionFailed)
		golden(t, "error_stale", r.body)
	})
	t.Run("a malformed If-Match names the header", func(t *testing.T) {
		r := send(t, a, "exec", "DELETE", "/api/v1/customers/"+n.customer, "", `If-Match: soon`).want(t, http.StatusUnprocessableEntity)
		if locs := errorLocs(t, r); !slices.Contains(locs, "header.If-Match") {
			t.Fatalf("locs %v", locs)
		}
	})
}
