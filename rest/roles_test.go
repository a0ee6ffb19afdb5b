package rest_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"
)

// writeCases holds one request per write route, keyed "METHOD pattern".
// Bodies are well-formed so that each request reaches the service's role
// check; IDs in paths are fresh, so allowed roles get 404 or 422 rather
// than changing anything shared.
func writeCases() map[string]string {
	c := map[string]string{}
	for _, rec := range []string{"circuits/{circuit_id}", "customers/{customer_id}", "infrastructure/{infrastructure_id}",
		"rf-links/{rf_link_id}", "rf-systems/{rf_system_id}", "electrical-services/{electrical_service_id}"} {
		base, _, _ := strings.Cut(rec, "/")
		c["POST /api/v1/"+base+"/"] = `{}`
		c["PATCH /api/v1/"+rec] = `{"notes":"x"}`
		c["DELETE /api/v1/"+rec] = ``
	}
	c["PATCH /api/v1/rf-systems/{rf_system_id}"] = `{"description":"x"}`
	c["PATCH /api/v1/electrical-services/{electrical_service_id}"] = `{"notes":"x"}`
	c["POST /api/v1/circuits/{circuit_id}/events"] = `{"event_type":"x"}`
	c["PATCH /api/v1/circuits/bulk"] = `{"circuit_ids":["{uuid}"],"updates":{"notes":"x"}}`
	c["POST /api/v1/circuits/bulk-delete"] = `{"circuit_ids":["{uuid}"]}`
	c["PATCH /api/v1/infrastructure/bulk"] = `{"infrastructure_ids":["{uuid}"],"updates":{"notes":"x"}}`
	c["POST /api/v1/infrastructure/bulk-delete"] = `{"infrastructure_ids":["{uuid}"]}`
	c["POST /api/v1/infrastructure/{infrastructure_id}/subtended-links"] = `{"child_kind":"customer","child_id":"{uuid}"}`
	c["PATCH /api/v1/infrastructure/{infrastructure_id}/subtended-links/{link_id}"] = `{"notes":"x"}`
	c["DELETE /api/v1/infrastructure/{infrastructure_id}/subtended-links/{link_id}"] = ``
	return c
}

// uploadBody is a one-file multipart body for the document routes.
const uploadBody = "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--B--\r\n"

// extraWriteCases are the write routes of other files (documents,
// feedback, renewals); a route without a case here fails the test.
var extraWriteCases = map[string]string{
	"POST /api/v1/circuits/{circuit_id}/renewal":                         `{"action":"negotiating"}`,
	"POST /api/v1/feedback":                                              `{}`,
	"PATCH /api/v1/feedback/{feedback_id}":                               `{"status":"done"}`,
	"POST /api/v1/feedback/{feedback_id}/comments":                       `{"body":"x","public":false}`,
	"POST /api/v1/rf-links/{rf_link_id}/documents":                       uploadBody,
	"POST /api/v1/electrical-services/{electrical_service_id}/documents": uploadBody,
	"POST /api/v1/imports/circuits/preview":                              uploadBody,
	"POST /api/v1/imports/circuits/{import_job_id}/commit":               ``,
}

// TestEveryWriteRouteChecksTheRole walks the router and sends every write
// route under every role.
func TestEveryWriteRouteChecksTheRole(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	// The link routes check the link hangs under the parent before the
	// role, so they need a real link (denied roles go first, below).
	linkTo := func(child string) string {
		id := send(t, a, "exec", "POST", "/api/v1/infrastructure/"+n.dc+"/subtended-links", fmt.Sprintf(`{"child_kind":"infrastructure","child_id":%q}`, child)).want(t, http.StatusCreated).id(t)
		return "/api/v1/infrastructure/" + n.dc + "/subtended-links/" + id
	}
	cabinet := send(t, a, "exec", "POST", "/api/v1/infrastructure", `{"name":"Cabinet","site_type":"cabinet"}`).want(t, http.StatusCreated).id(t)
	realPaths := map[string]string{
		"PATCH /api/v1/infrastructure/{infrastructure_id}/subtended-links/{link_id}":  linkTo(n.tower),
		"DELETE /api/v1/infrastructure/{infrastructure_id}/subtended-links/{link_id}": linkTo(cabinet),
	}
	cases := writeCases()
	for k, v := range extraWriteCases {
		cases[k] = v
	}
	var routes []string
	err := chi.Walk(a.Server().Router(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		switch method {
		case "POST", "PATCH", "PUT", "DELETE":
			if strings.HasPrefix(route, "/api/v1/") {
				routes = append(routes, method+" "+route)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, route := range routes {
		body, ok := cases[route]
		if !ok {
			t.Errorf("write route %s has no role-matrix case", route)
			continue
		}
		method, pattern, _ := strings.Cut(route, " ")
		path := fillParams(pattern)
		if p, ok := realPaths[route]; ok {
			path = p
		}
		var headers []string
		if body == uploadBody {
			headers = []string{"Content-Type: multipart/form-data; boundary=B"}
		}
		body = strings.ReplaceAll(body, "{uuid}", uuid.NewString())
		t.Run(route, func(t *testing.T) {
			for _, role := range []string{"sales", "read_only", "agent", "", "exec", "finance", "network_eng", "operations", "pm"} {
				r := send(t, a, role, method, path, body, headers...)
				var want string
				switch role {
				case "sales", "read_only", "agent":
					want = "403"
				case "":
					want = "401"
				}
				got := fmt.Sprint(r.status)
				if want != "" && got != want || want == "" && (r.status == 401 || r.status == 403 || r.status >= 500) {
					t.Errorf("%s as %q: %s (want %s): %s", route, role, got, or(want, "allowed"), r.body)
				}
			}
		})
	}
}

// fillParams puts a fresh UUID in every {param} of a route pattern.
func fillParams(pattern string) string {
	parts := strings.Split(pattern, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, "{") {
			parts[i] = uuid.NewString()
		}
	}
	return strings.TrimSuffix(strings.Join(parts, "/"), "/")
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
