package rest_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestBulkRoutes(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	missing := uuid.NewString()
	t.Run("circuits are updated together and unknown IDs only requested", func(t *testing.T) {
		body := fmt.Sprintf(`{"circuit_ids":[%q,%q,%q],"updates":{"status":"active","mrc_usd":1850.00,"contract_term_end_date":"2027-12-31","notes":"Updated through bulk action"}}`, n.wave, strings.ToUpper(n.dia), missing)
		r := send(t, a, "exec", "PATCH", "/api/v1/circuits/bulk", body).want(t, http.StatusOK)
		golden(t, "bulk_update_circuits", r.body)
		if got := r.obj(t); got["updated"] != 2.0 || got["requested"] != 3.0 || len(got) != 2 {
			t.Fatalf("body %v", got)
		}
		c := send(t, a, "exec", "GET", "/api/v1/circuits/"+n.dia, "").want(t, http.StatusOK).obj(t)
		if c["mrc_usd"] != 1850.0 || c["status"] != "active" {
			t.Fatalf("circuit %v", c)
		}
	})
	t.Run("infrastructure is updated as the guide shows", func(t *testing.T) {
		body := fmt.Sprintf(`{"infrastructure_ids":[%q],"updates":{"status":"active","provider_name":"American Tower","site_type":"tower","mrc_usd":2200.00,"price_escalator_pct":3.0,"term_end_date":"2028-12-31","notes":"Updated through bulk action"}}`, n.dc)
		r := send(t, a, "network_eng", "PATCH", "/api/v1/infrastructure/bulk", body).want(t, http.StatusOK)
		golden(t, "bulk_update_infrastructure", r.body)
		asset := send(t, a, "exec", "GET", "/api/v1/infrastructure/"+n.dc, "").want(t, http.StatusOK).obj(t)
		if asset["provider_name"] != "American Tower" || asset["mrc_usd"] != 2200.0 {
			t.Fatalf("asset %v", asset)
		}
	})
	refusals := []struct {
		name, path, body string
		loc              string
	}{
		{"an id in updates", "/api/v1/circuits/bulk", `{"circuit_ids":[%q],"updates":{"notes":"x","id":"y"}}`, "body.updates.id"},
		{"a version in updates", "/api/v1/circuits/bulk", `{"circuit_ids":[%q],"updates":{"version":9}}`, "body.updates.version"},
		{"deleted_at in updates", "/api/v1/infrastructure/bulk", `{"infrastructure_ids":[%q],"updates":{"deleted_at":null}}`, "body.updates.deleted_at"},
		{"an unknown field in updates", "/api/v1/circuits/bulk", `{"circuit_ids":[%q],"updates":{"colour":"red"}}`, "body.updates.colour"},
		{"a bad value in updates", "/api/v1/circuits/bulk", `{"circuit_ids":[%q],"updates":{"status":"warp"}}`, "body.updates.status"},
		{"a bad UUID", "/api/v1/circuits/bulk", `{"circuit_ids":[%q,"nope"],"updates":{"notes":"x"}}`, "body.circuit_ids.1"},
		{"IDs that are not a list", "/api/v1/circuits/bulk-delete", `{"circuit_ids":%q}`, "body.circuit_ids"},
		{"no IDs", "/api/v1/infrastructure/bulk-delete", `{"infrastructure_ids":[]}`, "body.infrastructure_ids"},
		{"missing updates", "/api/v1/circuits/bulk", `{"circuit_ids":[%q]}`, "body.updates"},
		{"empty updates", "/api/v1/circuits/bulk", `{"circuit_ids":[%q],"updates":{}}`, "body.updates"},
		{"updates that are not an object", "/api/v1/circuits/bulk", `{"circuit_ids":[%q],"updates":[1]}`, "body.updates"},
		{"an unknown member", "/api/v1/circuits/bulk-delete", `{"circuit_ids":[%q],"ids":[]}`, "body.ids"},
		{"the other record's ID list", "/api/v1/infrastructure/bulk", `{"circuit_ids":[%q],"updates":{"notes":"x"}}`, "body.infrastructure_ids"},
	}
	for _, tc := range refusals {
		t.Run("refuses "+tc.name+" and changes nothing", func(t *testing.T) {
			body := tc.body
			if strings.Contains(body, "%q") {
				body = fmt.Sprintf(body, n.wave)
			}
			r := send(t, a, "exec", methodOf(tc.path), tc.path, body).want(t, http.StatusUnprocessableEntity)
			if locs := errorLocs(t, r); !slices.Contains(locs, tc.loc) {
				t.Fatalf("locs %v, want %s", locs, tc.loc)
			}
			if c := send(t, a, "exec", "GET", "/api/v1/circuits/"+n.wave, "").want(t, http.StatusOK).obj(t); c["version"] != 2.0 {
				t.Fatalf("circuit changed: version %v", c["version"])
			}
		})
	}
	t.Run("refuses more than 1,000 IDs", func(t *testing.T) {
		ids := make([]string, 1001)
		for i := range ids {
			ids[i] = `"` + uuid.NewString() + `"`
		}
		r := send(t, a, "exec", "POST", "/api/v1/circuits/bulk-delete", `{"circuit_ids":[`+strings.Join(ids, ",")+`]}`).want(t, http.StatusUnprocessableEntity)
		golden(t, "error_bulk_too_many", r.body)
	})
	t.Run("a bad reference fails the whole batch", func(t *testing.T) {
		body := fmt.Sprintf(`{"circuit_ids":[%q,%q],"updates":{"a_customer_id":%q}}`, n.wave, n.dia, missing)
		send(t, a, "exec", "PATCH", "/api/v1/circuits/bulk", body).want(t, http.StatusUnprocessableEntity)
	})
	t.Run("bulk delete counts deleted and requested", func(t *testing.T) {
		body := fmt.Sprintf(`{"circuit_ids":[%q,%q]}`, n.dia, missing)
		r := send(t, a, "exec", "POST", "/api/v1/circuits/bulk-delete", body).want(t, http.StatusOK)
		golden(t, "bulk_delete_circuits", r.body)
		if got := r.obj(t); got["deleted"] != 1.0 || got["requested"] != 2.0 || len(got) != 2 {
			t.Fatalf("body %v", got)
		}
		again := send(t, a, "exec", "POST", "/api/v1/circuits/bulk-delete", body).want(t, http.StatusOK).obj(t)
		if again["deleted"] != 0.0 || again["requested"] != 2.0 {
			t.Fatalf("second delete %v", again)
		}
		send(t, a, "exec", "GET", "/api/v1/circuits/"+n.dia, "").want(t, http.StatusNotFound)
	})
	t.Run("bulk delete of infrastructure", func(t *testing.T) {
		body := fmt.Sprintf(`{"infrastructure_ids":[%q]}`, n.dc)
		r := send(t, a, "operations", "POST", "/api/v1/infrastructure/bulk-delete", body).want(t, http.StatusOK).obj(t)
		if r["deleted"] != 1.0 || r["requested"] != 1.0 {
			t.Fatalf("body %v", r)
		}
	})
	t.Run("each bulk write is audited", func(t *testing.T) {
		rows := decodeAs[[]map[string]any](t, send(t, a, "read_only", "GET", "/api/v1/audit/activity?action=bulk_update&entity_type=circuit", "").want(t, http.StatusOK))
		if len(rows) != 2 {
			t.Fatalf("%d bulk_update entries", len(rows))
		}
	})
}

func methodOf(path string) string {
	if strings.HasSuffix(path, "/bulk") {
		return "PATCH"
	}
	return "POST"
}
