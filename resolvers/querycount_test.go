package resolvers_test

import (
	"fmt"
	"testing"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/network"
)

const circuitPage = `query { circuits(first: 100) {
  edges { node {
    xiberCircuitLabel mrcUsd
    carrier { name nocPhone }
    contractTermEndDate
    aEndpoint { name infrastructure { name } }
    zEndpoint { name customer { name } }
  } }
  totalCount
} }`

// queriesForCircuitPage creates n circuits across several carriers, each
// from an asset to a customer site, and counts the SQL queries of one page
// of them with their carrier, A asset and Z customer.
func queriesForCircuitPage(t *testing.T, n int) int64 {
	a := apptest.New(t)
	f := newFixtures(t, a)
	assets := []string{f.asset(), f.asset(), f.asset(), f.asset()}
	customers := []string{f.customer(), f.customer(), f.customer()}
	for i := range n {
		_, err := a.Network.CreateCircuit(f.ctx, f.vals(network.CircuitSchema, map[string]any{
			"xiber_circuit_label": fmt.Sprintf("CKT-%03d", i), "carrier_name": fmt.Sprintf("Carrier %d", i%5),
			"service_type": "wave", "mrc_usd": "1000.50", "contract_term_end_date": "2027-06-30",
			"a_infrastructure_id": assets[i%len(assets)], "z_customer_id": customers[i%len(customers)],
		}))
		if err != nil {
			t.Fatal(err)
		}
	}
	before := a.DB.QueryCount()
	data := mustPost(t, a, circuitPage, nil)
	used := a.DB.QueryCount() - before
	if got := dig(data, "circuits.totalCount"); got != float64(n) {
		t.Fatalf("totalCount %v, want %d", got, n)
	}
	edges := dig(data, "circuits.edges").([]any)
	for _, e := range edges {
		if digStr(e, "node.carrier.name") == "" || digStr(e, "node.aEndpoint.infrastructure.name") == "" ||
			digStr(e, "node.zEndpoint.customer.name") == "" || digStr(e, "node.mrcUsd") != "1000.50" {
			t.Fatalf("incomplete edge %v", e)
		}
	}
	return used
}

func TestCircuitPageQueryCountIsConstant(t *testing.T) {
	small := queriesForCircuitPage(t, 10)
	large := queriesForCircuitPage(t, 100)
	t.Logf("%s", apptest.Describe("SQL queries for a page of circuits with carrier, A asset and Z customer: %d for 10, %d for 100 (the audit request entry included)", small, large))
	if small != large {
		t.Errorf("%s", apptest.Describe("queries grow with the page: %d for 10 circuits, %d for 100", small, large))
	}
	if large > 8 {
		t.Errorf("%s", apptest.Describe("%d queries for one page; want a small constant", large))
	}
}
