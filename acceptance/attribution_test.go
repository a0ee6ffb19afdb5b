package acceptance_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xiber/netos/apptest"
)

// client drives the real router as one role.
type client struct {
	t    *testing.T
	a    *apptest.App
	role string
}

func (c client) call(method, path, body string, want int) map[string]any {
	c.t.Helper()
	resp := c.a.Do(c.t, c.role, method, path, body)
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		c.t.Fatalf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, raw)
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		c.t.Fatalf("%s %s: %v: %s", method, path, err, raw)
	}
	return out
}

func (c client) create(path, body string) string {
	c.t.Helper()
	return c.call("POST", path, body, http.StatusCreated)["id"].(string)
}

func (c client) graphql(query string) map[string]any {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	out := c.call("POST", "/graphql", string(body), http.StatusOK)
	if errs, ok := out["errors"]; ok {
		c.t.Fatalf("graphql errors: %v", errs)
	}
	return out["data"].(map[string]any)
}

// buildWorkedExample creates ATTRIBUTION.md §6 through REST.
func buildWorkedExample(c client) map[string]string {
	ids := map[string]string{}
	site := func(name string, mrc, power int) {
		ids[name] = c.create("/api/v1/infrastructure", fmt.Sprintf(`{"name":%q,"site_type":"tower","mrc_usd":%d}`, name, mrc))
		if power > 0 {
			c.create("/api/v1/electrical-services", fmt.Sprintf(`{"infrastructure_id":%q,"avg_monthly_cost_usd":%d}`, ids[name], power))
		}
	}
	site("COL1", 1000, 200)
	site("T1", 1500, 300)
	site("T2", 900, 0)
	ids["DIA-1"] = c.create("/api/v1/circuits", `{"xiber_circuit_label":"DIA-1","carrier_name":"Cogent","service_type":"dia","mrc_usd":3000}`)
	ids["WAVE-1"] = c.create("/api/v1/circuits", `{"xiber_circuit_label":"WAVE-1","carrier_name":"Lumen","service_type":"wave","mrc_usd":2500}`)
	ptp := c.create("/api/v1/rf-systems", `{"name":"PTP 820","link_type":"ptp","equipment_role":"ptp"}`)
	ids["RF-BH"] = c.create("/api/v1/rf-links", fmt.Sprintf(`{"name":"RF-BH","rf_system_id":%q,"a_infrastructure_id":%q,"z_infrastructure_id":%q,"mrc_usd":100}`, ptp, ids["COL1"], ids["T2"]))
	link := func(parent, body string) {
		c.create("/api/v1/infrastructure/"+ids[parent]+"/subtended-links", body)
	}
	link("COL1", fmt.Sprintf(`{"child_kind":"circuit","child_id":%q}`, ids["DIA-1"]))
	link("COL1", fmt.Sprintf(`{"child_kind":"infrastructure","child_id":%q,"transport_kind":"circuit","transport_id":%q}`, ids["T1"], ids["WAVE-1"]))
	link("COL1", fmt.Sprintf(`{"child_kind":"infrastructure","child_id":%q,"transport_kind":"rf_link","transport_id":%q}`, ids["T2"], ids["RF-BH"]))
	for _, cu := range []struct {
		name string
		mrr  int
	}{{"A", 6000}, {"B", 4000}} {
		ids[cu.name] = c.create("/api/v1/customers", fmt.Sprintf(`{"name":%q,"mrr_usd":%d}`, cu.name, cu.mrr))
		// The endlink sync places the customer under T1 over its radio.
		c.create("/api/v1/rf-links", fmt.Sprintf(`{"name":"EL-%s","rf_system_id":%q,"a_infrastructure_id":%q,"z_customer_id":%q,"mrc_usd":20}`, cu.name, ptp, ids["T1"], ids[cu.name]))
	}
	ids["C"] = c.create("/api/v1/customers", `{"name":"C","mrr_usd":3500}`)
	link("T2", fmt.Sprintf(`{"child_kind":"customer","child_id":%q}`, ids["C"]))
	return ids
}

func TestWorkedExampleThroughRESTAndGraphQL(t *testing.T) {
	a := apptest.New(t)
	c := client{t: t, a: a, role: "finance"}
	ids := buildWorkedExample(c)

	// The spec's figures, by record: REST field → GraphQL field → value.
	type figure struct{ rest, gql, want string }
	customers := map[string][]figure{
		"A": {{"attributed_cost_usd", "attributedCostUsd", "3220.00"}, {"gross_margin_usd", "grossMarginUsd", "2780.00"}, {"revenue_usd", "revenueUsd", "6000.00"}, {"inherited_cost_usd", "inheritedCostUsd", "3220.00"}},
		"B": {{"attributed_cost_usd", "attributedCostUsd", "3220.00"}, {"gross_margin_usd", "grossMarginUsd", "780.00"}},
		"C": {{"attributed_cost_usd", "attributedCostUsd", "3100.00"}, {"gross_margin_usd", "grossMarginUsd", "400.00"}},
	}
	for name, figs := range customers {
		rest := c.call("GET", "/api/v1/customers/"+ids[name], "", http.StatusOK)
		fields := make([]string, len(figs))
		for i, f := range figs {
			fields[i] = f.gql
		}
		gql := c.graphql(fmt.Sprintf(`{ customer(id: %q) { %s } }`, ids[name], strings.Join(fields, " ")))["customer"].(map[string]any)
		for _, f := range figs {
			if got := fmt.Sprintf("%.2f", rest[f.rest]); got != f.want {
				t.Errorf("REST %s.%s = %s, want %s", name, f.rest, got, f.want)
			}
			if got := gql[f.gql]; got != f.want {
				t.Errorf("GraphQL %s.%s = %v, want %s", name, f.gql, got, f.want)
			}
		}
	}
	pools := map[string]string{"COL1": "4200.00", "T1": "6400.00", "T2": "3100.00"}
	for name, want := range pools {
		rest := c.call("GET", "/api/v1/infrastructure/"+ids[name], "", http.StatusOK)
		gql := c.graphql(fmt.Sprintf(`{ infrastructureAsset(id: %q) { poolUsd } }`, ids[name]))["infrastructureAsset"].(map[string]any)
		if got := fmt.Sprintf("%.2f", rest["pool_usd"]); got != want {
			t.Errorf("REST pool(%s) = %s, want %s", name, got, want)
		}
		if gql["poolUsd"] != want {
			t.Errorf("GraphQL pool(%s) = %v, want %s", name, gql["poolUsd"], want)
		}
	}
	wave := c.call("GET", "/api/v1/circuits/"+ids["WAVE-1"], "", http.StatusOK)
	gwave := c.graphql(fmt.Sprintf(`{ circuit(id: %q) { attributedRevenueUsd marginUsd placement { kind infrastructureId } } }`, ids["WAVE-1"]))["circuit"].(map[string]any)
	if fmt.Sprintf("%.2f", wave["attributed_revenue_usd"]) != "3881.99" || fmt.Sprintf("%.2f", wave["margin_usd"]) != "1381.99" {
		t.Errorf("REST WAVE-1 revenue %v margin %v, want 3881.99 and 1381.99", wave["attributed_revenue_usd"], wave["margin_usd"])
	}
	if gwave["attributedRevenueUsd"] != "3881.99" || gwave["marginUsd"] != "1381.99" {
		t.Errorf("GraphQL WAVE-1 = %v", gwave)
	}
	if p := wave["placement"].(map[string]any); p["kind"] != "transport" || p["infrastructure_id"] != ids["COL1"] {
		t.Errorf("REST WAVE-1 placement = %v", p)
	}
	if p := gwave["placement"].(map[string]any); p["kind"] != "transport" || p["infrastructureId"] != ids["COL1"] {
		t.Errorf("GraphQL WAVE-1 placement = %v", p)
	}
	sum := c.call("GET", "/api/v1/attribution/summary", "", http.StatusOK)
	gsum := c.graphql(`{ attributionSummary { totalCostUsd totalRevenueUsd totalMarginUsd strandedCostUsd attributedCostUsd } }`)["attributionSummary"].(map[string]any)
	for _, f := range []figure{
		{"total_cost_usd", "totalCostUsd", "9540.00"}, {"total_revenue_usd", "totalRevenueUsd", "13500.00"},
		{"total_margin_usd", "totalMarginUsd", "3960.00"}, {"stranded_cost_usd", "strandedCostUsd", "0.00"},
		{"attributed_cost_usd", "attributedCostUsd", "9540.00"},
	} {
		if got := fmt.Sprintf("%.2f", sum[f.rest]); got != f.want {
			t.Errorf("REST summary %s = %s, want %s", f.rest, got, f.want)
		}
		if gsum[f.gql] != f.want {
			t.Errorf("GraphQL summary %s = %v, want %s", f.gql, gsum[f.gql], f.want)
		}
	}
	paths := c.graphql(fmt.Sprintf(`{ customer(id: %q) { servingPaths { infrastructureName transportLabel transport { ... on RFLink { name } } } } }`, ids["A"]))
	got, _ := json.Marshal(paths["customer"].(map[string]any)["servingPaths"])
	want := `[[{"infrastructureName":"COL1","transport":{},"transportLabel":"WAVE-1"},{"infrastructureName":"T1","transport":{"name":"EL-A"},"transportLabel":"EL-A"}]]`
	if string(got) != want {
		t.Errorf("serving paths of A = %s, want %s", got, want)
	}
	tree := c.graphql(fmt.Sprintf(`{ attributionTree(assetId: %q, depth: 2) { costUsd children { name costUsd children { name costUsd } } } }`, ids["COL1"]))
	tj, _ := json.Marshal(tree["attributionTree"])
	for _, frag := range []string{`"costUsd":"4200.00"`, `"costUsd":"6400.00","name":"T1"`, `"costUsd":"3220.00","name":"A"`, `"costUsd":"3100.00","name":"C"`} {
		if !strings.Contains(string(tj), frag) {
			t.Errorf("tree lacks %s: %s", frag, tj)
		}
	}
}

func TestCustomerPageWithMarginsCostsConstantQueries(t *testing.T) {
	count := func(n int) int64 {
		a := apptest.New(t)
		c := client{t: t, a: a, role: "exec"}
		tower := c.create("/api/v1/infrastructure", `{"name":"Tower","site_type":"tower","mrc_usd":1000}`)
		root := c.create("/api/v1/infrastructure", `{"name":"DC","site_type":"data_center","mrc_usd":5000}`)
		c.create("/api/v1/infrastructure/"+root+"/subtended-links", fmt.Sprintf(`{"child_kind":"infrastructure","child_id":%q}`, tower))
		for i := range n {
			cu := c.create("/api/v1/customers", fmt.Sprintf(`{"name":"Customer %03d","mrr_usd":%d}`, i, 100+i))
			c.create("/api/v1/infrastructure/"+tower+"/subtended-links", fmt.Sprintf(`{"child_kind":"customer","child_id":%q}`, cu))
		}
		// Warm the process's report cache as any earlier request would.
		c.call("GET", "/api/v1/attribution/summary", "", http.StatusOK)
		before := a.DB.QueryCount()
		data := c.graphql(`{ customers(first: 100) { totalCount edges { node { name attributedCostUsd grossMarginUsd grossMarginPct servingPaths { infrastructureName infrastructure { name } } } } } }`)
		used := a.DB.QueryCount() - before
		edges := data["customers"].(map[string]any)["edges"].([]any)
		if len(edges) != n {
			t.Fatalf("%d edges, want %d", len(edges), n)
		}
		return used
	}
	small, large := count(10), count(100)
	t.Logf("%s", apptest.Describe("SQL queries for a page of customers with cost, margin and serving paths: %d for 10, %d for 100", small, large))
	if small != large || large > 10 {
		t.Errorf("%s", apptest.Describe("queries: %d for 10 customers, %d for 100; want the same, at most 10", small, large))
	}
}
