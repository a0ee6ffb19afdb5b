package acceptance_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
)

// TestDashboardRESTEqualsGraphQL loads the demo network and reads the
// dashboard, the ETF exposure and the renewal list through both transports.
func TestDashboardRESTEqualsGraphQL(t *testing.T) {
	clock := &apptest.Clock{T: time.Date(2026, 12, 3, 15, 0, 0, 0, time.UTC)}
	a := apptest.New(t, apptest.Options{Now: clock.Now})
	if _, err := a.LoadDemo(auth.WithPrincipal(context.Background(), auth.System)); err != nil {
		t.Fatal(err)
	}
	c := client{t: t, a: a, role: "exec"}
	rest := c.call("GET", "/api/v1/dashboard/summary", "", http.StatusOK)
	gql := c.graphql(`{ dashboard { kpis { totalCircuits activeCircuits infrastructureCount circuitMrc facilityMrc totalMrc modeledMrr modeledMargin renewalWindowCount }
		spendByCarrier { carrierName mrc circuitCount carrier { name circuits(first: 1) { totalCount } } }
		atRiskCircuits { xiberCircuitLabel renewalState circuit { id } }
		marginHistogram { bucket count } } }`)["dashboard"].(map[string]any)
	kpis, gk := rest["kpis"].(map[string]any), gql["kpis"].(map[string]any)
	for restName, gqlName := range map[string]string{"total_circuits": "totalCircuits", "active_circuits": "activeCircuits",
		"infrastructure_count": "infrastructureCount", "renewal_window_count": "renewalWindowCount"} {
		if fmt.Sprint(kpis[restName]) != fmt.Sprint(gk[gqlName]) {
			t.Errorf("%s: REST %v, GraphQL %v", restName, kpis[restName], gk[gqlName])
		}
	}
	for restName, gqlName := range map[string]string{"circuit_mrc": "circuitMrc", "facility_mrc": "facilityMrc", "total_mrc": "totalMrc",
		"modeled_mrr": "modeledMrr", "modeled_margin": "modeledMargin"} {
		if fmt.Sprintf("%.2f", kpis[restName]) != gk[gqlName] {
			t.Errorf("%s: REST %v, GraphQL %v", restName, kpis[restName], gk[gqlName])
		}
	}
	if kpis["total_circuits"].(float64) < 40 {
		t.Errorf("demo dashboard counts %v circuits", kpis["total_circuits"])
	}
	spend, gspend := rest["spend_by_carrier"].([]any), gql["spendByCarrier"].([]any)
	if len(spend) != len(gspend) || len(spend) == 0 {
		t.Fatalf("spend_by_carrier: %d REST rows, %d GraphQL rows", len(spend), len(gspend))
	}
	for i := range spend {
		r, g := spend[i].(map[string]any), gspend[i].(map[string]any)
		if r["carrier"] != g["carrierName"] || fmt.Sprintf("%.2f", r["mrc"]) != g["mrc"] {
			t.Errorf("spend row %d: REST %v, GraphQL %v", i, r, g)
		}
		if g["carrier"].(map[string]any)["name"] != g["carrierName"] {
			t.Errorf("spend row %d does not link to its carrier: %v", i, g)
		}
	}
	risk, grisk := rest["at_risk_circuits"].([]any), gql["atRiskCircuits"].([]any)
	if len(risk) != len(grisk) {
		t.Fatalf("at risk: %d REST, %d GraphQL", len(risk), len(grisk))
	}
	for i := range risk {
		r, g := risk[i].(map[string]any), grisk[i].(map[string]any)
		if r["xiber_circuit_label"] != g["xiberCircuitLabel"] || r["id"] != g["circuit"].(map[string]any)["id"] {
			t.Errorf("at risk %d: REST %v, GraphQL %v", i, r, g)
		}
	}
	etf := c.call("GET", "/api/v1/etf-exposure", "", http.StatusOK)
	getf := c.graphql(`{ etfExposure { totalUsd } }`)["etfExposure"].(map[string]any)
	if fmt.Sprintf("%.2f", etf["total_usd"]) != getf["totalUsd"] {
		t.Errorf("ETF exposure: REST %v, GraphQL %v", etf["total_usd"], getf["totalUsd"])
	}
	resp := a.Do(t, "exec", "GET", "/api/v1/renewals?within_days=180", "")
	grenew := c.graphql(`{ renewals(withinDays: 180) { totalCount } }`)["renewals"].(map[string]any)
	if resp.Header.Get("X-Total-Count") != fmt.Sprint(grenew["totalCount"]) {
		t.Errorf("renewals: REST total %s, GraphQL %v", resp.Header.Get("X-Total-Count"), grenew["totalCount"])
	}
}
