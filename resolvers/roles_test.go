package resolvers_test

import (
	"github.com/xiber/netos/network"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
)

// mutationSamples holds one valid input per mutation; the fixtures make
// whatever the input refers to, fresh for every call.
var mutationSamples = map[string]func(f *fixtures) map[string]any{
	"createServiceProvider": func(f *fixtures) map[string]any {
		return map[string]any{"name": f.name("Carrier"), "providerType": "carrier", "nocPhone": "+1 555 0100"}
	},
	"updateServiceProvider": func(f *fixtures) map[string]any { return map[string]any{"id": f.provider(), "notes": "updated"} },
	"deleteServiceProvider": func(f *fixtures) map[string]any { return map[string]any{"id": f.provider()} },
	"createCircuit": func(f *fixtures) map[string]any {
		return map[string]any{"xiberCircuitLabel": f.name("CKT"), "carrierName": "Zayo", "serviceType": "wave", "mrcUsd": "2500.00"}
	},
	"updateCircuit": func(f *fixtures) map[string]any { return map[string]any{"id": f.circuit(), "mrcUsd": "99.95"} },
	"deleteCircuit": func(f *fixtures) map[string]any { return map[string]any{"id": f.circuit()} },
	"createInfrastructureAsset": func(f *fixtures) map[string]any {
		return map[string]any{"name": f.name("POP"), "siteType": "pop", "mrcUsd": 1200}
	},
	"updateInfrastructureAsset": func(f *fixtures) map[string]any { return map[string]any{"id": f.asset(), "city": "Austin"} },
	"deleteInfrastructureAsset": func(f *fixtures) map[string]any { return map[string]any{"id": f.asset()} },
	"createCustomer": func(f *fixtures) map[string]any {
		return map[string]any{"name": f.name("Acme"), "customerType": "commercial", "mrrUsd": "450.00"}
	},
	"updateCustomer": func(f *fixtures) map[string]any { return map[string]any{"id": f.customer(), "status": "inactive"} },
	"deleteCustomer": func(f *fixtures) map[string]any { return map[string]any{"id": f.customer()} },
	"renewalAction": func(f *fixtures) map[string]any {
		c, err := f.a.Network.CreateCircuit(f.ctx, f.vals(network.CircuitSchema, map[string]any{"xiber_circuit_label": f.name("CKT"),
			"carrier_name": "Fixture Carrier", "service_type": "wave", "contract_term_end_date": "2030-01-31"}))
		return map[string]any{"circuitId": idOf(f.t, c, err), "action": "negotiating"}
	},
	"createRFSystem": func(f *fixtures) map[string]any {
		return map[string]any{"name": f.name("AF60"), "linkType": "ptp", "equipmentRole": "ptp", "frequencyMhz": 60000}
	},
	"updateRFSystem": func(f *fixtures) map[string]any { return map[string]any{"id": f.rfSystem(), "description": "v-band"} },
	"deleteRFSystem": func(f *fixtures) map[string]any { return map[string]any{"id": f.rfSystem()} },
	"createRFLink": func(f *fixtures) map[string]any {
		return map[string]any{"name": f.name("Shot"), "rfSystemId": f.rfSystem(), "aInfrastructureId": f.asset(), "zInfrastructureId": f.asset()}
	},
	"updateRFLink": func(f *fixtures) map[string]any { return map[string]any{"id": f.rfLink(), "mrcUsd": "10.00"} },
	"deleteRFLink": func(f *fixtures) map[string]any { return map[string]any{"id": f.rfLink()} },
	"createElectricalService": func(f *fixtures) map[string]any {
		return map[string]any{"infrastructureId": f.asset(), "avgMonthlyCostUsd": "310.20", "providerName": "Austin Energy"}
	},
	"updateElectricalService": func(f *fixtures) map[string]any { return map[string]any{"id": f.electrical(), "voltage": 240} },
	"deleteElectricalService": func(f *fixtures) map[string]any { return map[string]any{"id": f.electrical()} },
	"createSubtendedLink": func(f *fixtures) map[string]any {
		return map[string]any{"parentInfrastructureId": f.asset(), "childKind": "customer", "childId": f.customer()}
	},
	"updateSubtendedLink": func(f *fixtures) map[string]any { return map[string]any{"id": f.link(), "allocationWeight": "2.5"} },
	"deleteSubtendedLink": func(f *fixtures) map[string]any { return map[string]any{"id": f.link()} },
	"bulkUpdateCircuits": func(f *fixtures) map[string]any {
		return map[string]any{"ids": []string{f.circuit(), f.circuit()}, "set": map[string]any{"status": "pending_disconnect"}}
	},
	"bulkDeleteCircuits": func(f *fixtures) map[string]any { return map[string]any{"ids": []string{f.circuit(), f.circuit()}} },
	"bulkUpdateInfrastructure": func(f *fixtures) map[string]any {
		return map[string]any{"ids": []string{f.asset(), f.asset()}, "set": map[string]any{"state": "NM"}}
	},
	"bulkDeleteInfrastructure": func(f *fixtures) map[string]any { return map[string]any{"ids": []string{f.asset()}} },
}

// mutationFields reads the Mutation type from the schema files, so a new
// mutation without a sample fails the test below.
func mutationFields(t *testing.T) ast.FieldList {
	t.Helper()
	paths, err := filepath.Glob("../graph/schema/*.graphqls")
	if err != nil || len(paths) == 0 {
		t.Fatalf("schema files: %v", err)
	}
	var sources []*ast.Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: p, Input: string(b)})
	}
	schema, gerr := gqlparser.LoadSchema(sources...)
	if gerr != nil {
		t.Fatal(gerr)
	}
	return schema.Mutation.Fields
}

func TestEveryMutationUnderEveryRole(t *testing.T) {
	a := apptest.New(t)
	f := newFixtures(t, a)
	fields := mutationFields(t)
	for _, field := range fields {
		_, sampled := mutationSamples[field.Name]
		_, custom := customMutations[field.Name]
		if !sampled && !custom {
			t.Errorf("mutation %s has no sample input in mutationSamples or customMutations", field.Name)
		}
	}
	for name, run := range customMutations {
		t.Run(name, func(t *testing.T) {
			for _, role := range auth.Roles {
				r := run(t, a, string(role))
				if role.CanWrite() {
					if r.Status != http.StatusOK || len(r.Errors) > 0 {
						t.Errorf("%s", apptest.Describe("%s may write but got %d %+v", role, r.Status, r.Errors))
					} else if ue := dig(r.Data, name+".userErrors"); len(ue.([]any)) > 0 {
						t.Errorf("%s", apptest.Describe("%s: sample input is not valid: %v", role, ue))
					}
					continue
				}
				if r.code() != "FORBIDDEN" {
					t.Errorf("%s", apptest.Describe("%s may not write but got %+v", role, r.Errors))
				}
			}
			if r := run(t, a, ""); r.Status != http.StatusUnauthorized {
				t.Errorf("%s", apptest.Describe("no role: status %d, want 401", r.Status))
			}
		})
	}
	for _, field := range fields {
		sample, ok := mutationSamples[field.Name]
		if !ok {
			continue
		}
		query := "mutation($input: " + field.Arguments[0].Type.String() + ") { " + field.Name +
			"(input: $input) { userErrors { field message code } } }"
		t.Run(field.Name, func(t *testing.T) {
			for _, role := range auth.Roles {
				r := post(t, a, string(role), query, map[string]any{"input": sample(f)})
				if r.Status != http.StatusOK {
					t.Fatalf("%s", apptest.Describe("%s: status %d", role, r.Status))
				}
				if role.CanWrite() {
					if len(r.Errors) > 0 {
						t.Errorf("%s", apptest.Describe("%s may write but got %+v", role, r.Errors))
					} else if ue := dig(r.Data, field.Name+".userErrors"); len(ue.([]any)) > 0 {
						t.Errorf("%s", apptest.Describe("%s: sample input is not valid: %v", role, ue))
					}
					continue
				}
				if r.code() != "FORBIDDEN" {
					t.Errorf("%s", apptest.Describe("%s may not write but got %+v", role, r.Errors))
				}
			}
			if r := post(t, a, "", query, map[string]any{"input": sample(f)}); r.Status != http.StatusUnauthorized {
				t.Errorf("%s", apptest.Describe("no role: status %d, want 401", r.Status))
			}
		})
	}
}

// customMutations run mutations whose arguments are not one input object
// (file uploads, commits of a job the same user staged), as role.
var customMutations = map[string]func(t *testing.T, a *apptest.App, role string) gqlResponse{
	"previewCircuitImport": func(t *testing.T, a *apptest.App, role string) gqlResponse {
		return upload(t, a, role, previewImport, "../examples/sample_circuits.csv")
	},
	"commitCircuitImport": func(t *testing.T, a *apptest.App, role string) gqlResponse {
		id := "8d8e4333-8182-4443-8e0d-f2307276db52"
		if auth.Role(role).CanWrite() {
			staged := upload(t, a, role, previewImport, "../examples/sample_circuits.csv")
			id = digStr(staged.Data, "previewCircuitImport.job.importJobId")
		}
		return post(t, a, role, `mutation($id: ID!) { commitCircuitImport(id: $id) { userErrors { field message code } } }`, map[string]any{"id": id})
	},
}
