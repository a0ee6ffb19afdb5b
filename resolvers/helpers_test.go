package resolvers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/network"
)

// gqlError is one entry of a GraphQL response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// gqlResponse is a GraphQL response.
type gqlResponse struct {
	Status int
	Data   map[string]any `json:"data"`
	Errors []gqlError     `json:"errors"`
}

// code is the first error's extensions.code ("" without errors).
func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// post sends a GraphQL request through the real router as role.
func post(t testing.TB, a *apptest.App, role, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	resp := a.Do(t, role, http.MethodPost, "/graphql", string(body))
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	out := gqlResponse{Status: resp.StatusCode}
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("%s: %s", err, raw)
		}
	}
	return out
}

// mustPost is post that fails the test on any GraphQL error.
func mustPost(t testing.TB, a *apptest.App, query string, vars map[string]any) map[string]any {
	t.Helper()
	r := post(t, a, "exec", query, vars)
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("%s", apptest.Describe("status %d, errors %+v", r.Status, r.Errors))
	}
	return r.Data
}

// dig walks a decoded JSON value by keys and indexes ("a.b.0.c").
func dig(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var i int
			fmt.Sscan(k, &i)
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func digStr(v any, path string) string {
	s, _ := dig(v, path).(string)
	return s
}

// fixtures creates records straight through the network service, as an
// exec user, with unique names.
type fixtures struct {
	t   testing.TB
	a   *apptest.App
	ctx context.Context
	n   atomic.Int64
}

func newFixtures(t testing.TB, a *apptest.App) *fixtures {
	return &fixtures{t: t, a: a, ctx: auth.WithPrincipal(context.Background(), auth.Principal{User: "t", Role: auth.Exec})}
}

func (f *fixtures) name(prefix string) string { return fmt.Sprintf("%s %d", prefix, f.n.Add(1)) }

func (f *fixtures) vals(s *network.Schema, in map[string]any) network.Values {
	f.t.Helper()
	v, err := s.FromLoose(in, "")
	if err != nil {
		f.t.Fatal(err)
	}
	return v
}

// idOf answers a created record's ID, failing the test on err.
func idOf(t testing.TB, rec interface{ RecordID() string }, err error) string {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return rec.RecordID()
}

func (f *fixtures) provider() string {
	rec, err := f.a.Network.CreateProvider(f.ctx, f.vals(network.ProviderSchema, map[string]any{"name": f.name("Provider")}))
	return idOf(f.t, rec, err)
}

func (f *fixtures) asset() string {
	rec, err := f.a.Network.CreateInfrastructure(f.ctx, f.vals(network.InfrastructureSchema,
		map[string]any{"name": f.name("Asset"), "site_type": "pop", "state": "TX"}))
	return idOf(f.t, rec, err)
}

func (f *fixtures) customer() string {
	rec, err := f.a.Network.CreateCustomer(f.ctx, f.vals(network.CustomerSchema, map[string]any{"name": f.name("Customer")}))
	return idOf(f.t, rec, err)
}

func (f *fixtures) circuit() string {
	rec, err := f.a.Network.CreateCircuit(f.ctx, f.vals(network.CircuitSchema, map[string]any{
		"xiber_circuit_label": f.name("CKT"), "carrier_name": "Fixture Carrier", "service_type": "wave"}))
	return idOf(f.t, rec, err)
}

func (f *fixtures) rfSystem() string {
	rec, err := f.a.Network.CreateRFSystem(f.ctx, f.vals(network.RFSystemSchema, map[string]any{
		"name": f.name("Radio"), "link_type": "ptp", "equipment_role": "ptp"}))
	return idOf(f.t, rec, err)
}

func (f *fixtures) rfLink() string {
	rec, err := f.a.Network.CreateRFLink(f.ctx, f.vals(network.RFLinkSchema, map[string]any{
		"name": f.name("Shot"), "rf_system_id": f.rfSystem(), "a_infrastructure_id": f.asset(), "z_infrastructure_id": f.asset()}))
	return idOf(f.t, rec, err)
}

func (f *fixtures) electrical() string {
	rec, err := f.a.Network.CreateElectrical(f.ctx, f.vals(network.ElectricalSchema, map[string]any{
		"infrastructure_id": f.asset(), "avg_monthly_cost_usd": "120.50"}))
	return idOf(f.t, rec, err)
}

func (f *fixtures) link() string {
	rec, err := f.a.Network.CreateLink(f.ctx, "", f.vals(network.LinkSchema, map[string]any{
		"parent_infrastructure_id": f.asset(), "child_kind": "customer", "child_id": f.customer()}))
	return idOf(f.t, rec, err)
}
