package rest_test

import (
	"fmt"
	"net/http"
	"testing"
)

func TestCircuitEvents(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	ev := send(t, a, "operations", "POST", "/api/v1/circuits/"+n.wave+"/events", `{"event_type":"site_survey","notes":"roof access ok"}`).want(t, http.StatusCreated).obj(t)
	if ev["event_type"] != "site_survey" || ev["event_date"] != "2026-03-02" || ev["circuit_id"] != n.wave {
		t.Fatalf("event %v", ev)
	}
	d := send(t, a, "exec", "GET", "/api/v1/circuits/"+n.wave, "").want(t, http.StatusOK).obj(t)
	if len(d["lifecycle_events"].([]any)) != 2 {
		t.Fatalf("events %v", d["lifecycle_events"])
	}
}

func TestSubtendedLinks(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	base := "/api/v1/infrastructure/" + n.dc + "/subtended-links"
	created := send(t, a, "network_eng", "POST", base, fmt.Sprintf(`{"child_kind":"infrastructure","child_id":%q,"transport_kind":"circuit","transport_id":%q}`, n.tower, n.wave)).want(t, http.StatusCreated)
	link := created.id(t)
	if l := created.obj(t); l["parent_infrastructure_id"] != n.dc || created.header.Get("ETag") != `"1"` {
		t.Fatalf("link %v", l)
	}
	t.Run("a cycle is a conflict", func(t *testing.T) {
		send(t, a, "exec", "POST", "/api/v1/infrastructure/"+n.tower+"/subtended-links", fmt.Sprintf(`{"child_kind":"infrastructure","child_id":%q}`, n.dc)).want(t, http.StatusConflict)
	})
	t.Run("a link is patched under its parent with If-Match", func(t *testing.T) {
		r := send(t, a, "exec", "PATCH", base+"/"+link, `{"allocation_weight":2.5}`, `If-Match: "1"`).want(t, http.StatusOK)
		if r.obj(t)["version"] != 2.0 {
			t.Fatalf("link %s", r.body)
		}
		send(t, a, "exec", "PATCH", base+"/"+link, `{"notes":"x"}`, `If-Match: "1"`).want(t, http.StatusPreconditionFailed)
	})
	t.Run("a link under another parent is not found", func(t *testing.T) {
		send(t, a, "exec", "PATCH", "/api/v1/infrastructure/"+n.tower+"/subtended-links/"+link, `{"notes":"x"}`).want(t, http.StatusNotFound)
	})
	t.Run("the parent in the body must match the path", func(t *testing.T) {
		send(t, a, "exec", "POST", base, fmt.Sprintf(`{"parent_infrastructure_id":%q,"child_kind":"customer","child_id":%q}`, n.tower, n.customer)).want(t, http.StatusUnprocessableEntity)
	})
	t.Run("a link is deleted", func(t *testing.T) {
		send(t, a, "exec", "DELETE", base+"/"+link, "").want(t, http.StatusNoContent)
		send(t, a, "exec", "DELETE", base+"/"+link, "").want(t, http.StatusNotFound)
	})
}

func TestAuditActivity(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	send(t, a, "exec", "PATCH", "/api/v1/customers/"+n.customer, `{"notes":"vip"}`).want(t, http.StatusOK)
	rows := decodeAs[[]map[string]any](t, send(t, a, "read_only", "GET", "/api/v1/audit/activity?event_type=write&limit=1", "").want(t, http.StatusOK))
	if len(rows) != 1 || rows[0]["action"] != "update" || rows[0]["entity_id"] != n.customer {
		t.Fatalf("newest entry %v", rows)
	}
	changed := rows[0]["changed_fields"].(map[string]any)["notes"].(map[string]any)
	if changed["after"] != "vip" {
		t.Fatalf("changed fields %v", rows[0]["changed_fields"])
	}
	r := send(t, a, "read_only", "GET", "/api/v1/audit/activity?entity_type=customer&entity_id="+n.customer, "").want(t, http.StatusOK)
	if r.header.Get("X-Total-Count") != "2" {
		t.Fatalf("customer entries %s: %s", r.header.Get("X-Total-Count"), r.body)
	}
	send(t, a, "", "GET", "/api/v1/audit/activity", "").want(t, http.StatusUnauthorized)
}
