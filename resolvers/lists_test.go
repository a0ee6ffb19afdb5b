package resolvers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/network"
)

// labels are the labels of a circuits connection's edges, in order.
func labels(data map[string]any) []string {
	var out []string
	for _, e := range dig(data, "circuits.edges").([]any) {
		out = append(out, digStr(e, "node.xiberCircuitLabel"))
	}
	return out
}

func seedCircuits(t *testing.T, f *fixtures, n int) {
	for i := range n {
		st := "wave"
		if i%2 == 1 {
			st = "dia"
		}
		_, err := f.a.Network.CreateCircuit(f.ctx, f.vals(network.CircuitSchema, map[string]any{
			"xiber_circuit_label": fmt.Sprintf("C-%d", i), "carrier_name": "Lumen", "service_type": st, "mrc_usd": fmt.Sprint(100 * (i + 1))}))
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestCircuitPagination(t *testing.T) {
	a := apptest.New(t)
	seedCircuits(t, newFixtures(t, a), 5)
	const q = `query($first: Int, $after: String, $last: Int, $before: String) {
	  circuits(first: $first, after: $after, last: $last, before: $before) {
	    edges { cursor node { xiberCircuitLabel } }
	    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	    totalCount } }`

	page1 := mustPost(t, a, q, map[string]any{"first": 2})
	if got := strings.Join(labels(page1), ","); got != "C-0,C-1" || dig(page1, "circuits.pageInfo.hasNextPage") != true ||
		dig(page1, "circuits.pageInfo.hasPreviousPage") != false || dig(page1, "circuits.totalCount") != float64(5) {
		t.Fatalf("%s", apptest.Describe("first page %v", page1))
	}
	page2 := mustPost(t, a, q, map[string]any{"first": 2, "after": digStr(page1, "circuits.pageInfo.endCursor")})
	if got := strings.Join(labels(page2), ","); got != "C-2,C-3" || dig(page2, "circuits.pageInfo.hasPreviousPage") != true {
		t.Fatalf("%s", apptest.Describe("second page %v", page2))
	}
	tail := mustPost(t, a, q, map[string]any{"last": 2})
	if got := strings.Join(labels(tail), ","); got != "C-3,C-4" || dig(tail, "circuits.pageInfo.hasNextPage") != false {
		t.Fatalf("%s", apptest.Describe("last page %v", tail))
	}
	back := mustPost(t, a, q, map[string]any{"last": 2, "before": digStr(tail, "circuits.pageInfo.startCursor")})
	if got := strings.Join(labels(back), ","); got != "C-1,C-2" {
		t.Fatalf("%s", apptest.Describe("page before the last %v", back))
	}
	if r := post(t, a, "read_only", q, map[string]any{"after": "bogus"}); r.code() != "INVALID" {
		t.Errorf("%s", apptest.Describe("a bogus cursor answered %+v", r.Errors))
	}
}

func TestCircuitFilterAndOrder(t *testing.T) {
	a := apptest.New(t)
	seedCircuits(t, newFixtures(t, a), 6)
	data := mustPost(t, a, `{ circuits(filter: {serviceType: ["dia"], carrier: "lumen"}, orderBy: {field: MRC_USD, direction: DESC}) {
	  edges { node { xiberCircuitLabel } } totalCount } }`, nil)
	if got := strings.Join(labels(data), ","); got != "C-5,C-3,C-1" || dig(data, "circuits.totalCount") != float64(3) {
		t.Errorf("%s", apptest.Describe("filtered, ordered list %v", data))
	}
	data = mustPost(t, a, `{ circuits(filter: {search: "C-4"}) { totalCount } }`, nil)
	if dig(data, "circuits.totalCount") != float64(1) {
		t.Errorf("%s", apptest.Describe("search answered %v", data))
	}
}

func TestGraphTraversesBothWays(t *testing.T) {
	a := apptest.New(t)
	f := newFixtures(t, a)
	asset, customer := f.asset(), f.customer()
	c, err := a.Network.CreateCircuit(f.ctx, f.vals(network.CircuitSchema, map[string]any{
		"xiber_circuit_label": "T-1", "carrier_name": "Zayo", "service_type": "wave",
		"a_infrastructure_id": asset, "z_customer_id": customer}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Network.CreateLink(f.ctx, "", f.vals(network.LinkSchema, map[string]any{
		"parent_infrastructure_id": asset, "child_kind": "customer", "child_id": customer,
		"transport_kind": "circuit", "transport_id": c.ID}))
	if err != nil {
		t.Fatal(err)
	}
	data := mustPost(t, a, `query($id: ID!) { circuit(id: $id) {
	  carrier { name circuits(first: 5) { totalCount edges { node { xiberCircuitLabel } } } }
	  contract { noticeDays }
	  lifecycleEvents(first: 10) { edges { node { eventType toValue } } }
	  aEndpoint { infrastructure { name circuits(first: 1) { totalCount } subtendedLinks(first: 5) { edges { node {
	    child { __typename ... on Customer { name circuits(first: 1) { totalCount } } }
	    transport { __typename ... on Circuit { xiberCircuitLabel } } } } } } } } }`, map[string]any{"id": c.ID})
	for path, want := range map[string]any{
		"circuit.carrier.name":                                                                     "Zayo",
		"circuit.carrier.circuits.totalCount":                                                      float64(1),
		"circuit.contract.noticeDays":                                                              float64(60),
		"circuit.lifecycleEvents.edges.0.node.toValue":                                             "active",
		"circuit.aEndpoint.infrastructure.circuits.totalCount":                                     float64(1),
		"circuit.aEndpoint.infrastructure.subtendedLinks.edges.0.node.child.__typename":            "Customer",
		"circuit.aEndpoint.infrastructure.subtendedLinks.edges.0.node.child.circuits.totalCount":   float64(1),
		"circuit.aEndpoint.infrastructure.subtendedLinks.edges.0.node.transport.xiberCircuitLabel": "T-1",
	} {
		if got := dig(data, path); got != want {
			t.Errorf("%s", apptest.Describe("%s = %v, want %v", path, got, want))
		}
	}
}

func TestLimits(t *testing.T) {
	a := apptest.New(t)
	t.Run("a query nested deeper than 12 levels is refused", func(t *testing.T) {
		q := "{ circuits(first: 1) { edges { node { carrier { circuits(first: 1) { edges { node { carrier { circuits(first: 1) { edges { node { carrier { name } } } } } } } } } } } } }"
		if r := post(t, a, "exec", q, nil); r.code() != "QUERY_TOO_DEEP" {
			t.Errorf("%s", apptest.Describe("answered %+v", r.Errors))
		}
	})
	t.Run("a query over the complexity limit is refused", func(t *testing.T) {
		q := "{ circuits(first: 1000) { edges { node { carrier { circuits(first: 1000) { edges { node { id } } } } } } } }"
		if r := post(t, a, "exec", q, nil); r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("%s", apptest.Describe("answered %+v", r.Errors))
		}
	})
	t.Run("too many aliases are refused", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("{")
		for i := range 201 {
			fmt.Fprintf(&b, " a%d: __typename", i)
		}
		b.WriteString(" }")
		if r := post(t, a, "exec", b.String(), nil); r.code() != "TOO_MANY_ALIASES" {
			t.Errorf("%s", apptest.Describe("answered %+v", r.Errors))
		}
	})
	t.Run("a body over 1 MB is refused", func(t *testing.T) {
		r := post(t, a, "exec", "{ __typename }"+strings.Repeat(" ", 1<<20), nil)
		if r.Status == http.StatusOK && len(r.Errors) == 0 {
			t.Errorf("%s", apptest.Describe("a 1 MB body was served"))
		}
	})
	t.Run("without a role the endpoint answers 401", func(t *testing.T) {
		if r := post(t, a, "", "{ __typename }", nil); r.Status != http.StatusUnauthorized {
			t.Errorf("%s", apptest.Describe("status %d", r.Status))
		}
	})
	t.Run("GraphiQL is served at GET /graphql in dev mode", func(t *testing.T) {
		if resp := a.Do(t, "", http.MethodGet, "/graphql", ""); resp.StatusCode != http.StatusOK {
			t.Errorf("%s", apptest.Describe("status %d", resp.StatusCode))
		}
	})
	t.Run("reads are open to every role, including audit entries", func(t *testing.T) {
		r := post(t, a, "agent", "{ auditEntries(first: 5) { totalCount edges { node { action eventType changedFields } } } }", nil)
		if len(r.Errors) > 0 {
			t.Errorf("%s", apptest.Describe("answered %+v", r.Errors))
		}
	})
}
