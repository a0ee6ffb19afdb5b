package rest_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/xiber/netos/apptest"
)

// network is a small inventory every REST test can lean on: a tower and a
// data center (with coordinates), a customer, a PtP RF system and an
// endlink from the tower to the customer, and a wave from the data center to
// the tower plus a DIA at the customer.
type network struct {
	tower, dc, customer, system, endlink, wave, dia string
}

func seed(t *testing.T, a *apptest.App) network {
	t.Helper()
	post := func(path, body string) string {
		t.Helper()
		return send(t, a, "exec", "POST", path, body).want(t, http.StatusCreated).id(t)
	}
	var n network
	n.tower = post("/api/v1/infrastructure", `{"name":"Tower 1","site_type":"tower","provider_name":"American Tower","state":"OH","city":"Columbus","lat":39.96,"lng":-82.99,"mrc_usd":1500}`)
	n.dc = post("/api/v1/infrastructure", `{"name":"Cologix COL1","site_type":"data_center","provider_name":"Cologix","state":"OH","lat":39.95,"lng":-83.0,"mrc_usd":900.5}`)
	n.customer = post("/api/v1/customers", `{"name":"Acme Corp","customer_type":"commercial","state":"OH","lat":39.9,"lng":-82.9,"mrr_usd":1200}`)
	n.system = post("/api/v1/rf-systems", `{"name":"AF11","link_type":"ptp","equipment_role":"ptp","monthly_cost_usd":50,"capacity_mbps":1000}`)
	n.endlink = post("/api/v1/rf-links", fmt.Sprintf(`{"name":"Tower 1 to Acme","rf_system_id":%q,"a_infrastructure_id":%q,"z_customer_id":%q}`, n.system, n.tower, n.customer))
	n.wave = post("/api/v1/circuits", fmt.Sprintf(`{"xiber_circuit_label":"XIB-LUM-0042","carrier_circuit_id":"DHEC.123456","carrier_name":"Lumen","service_type":"wave","bandwidth_mbps":10000,"mrc_usd":2500,"nrc_usd":5000,"a_infrastructure_id":%q,"z_infrastructure_id":%q}`, n.dc, n.tower))
	n.dia = post("/api/v1/circuits", fmt.Sprintf(`{"xiber_circuit_label":"XIB-COG-0007","carrier_name":"Cogent","service_type":"dia","status":"ordered","mrc_usd":450,"a_customer_id":%q}`, n.customer))
	return n
}
