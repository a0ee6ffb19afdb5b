package resolvers_test

import (
	"fmt"
	"testing"

	"github.com/xiber/netos/apptest"
)

// crudCase describes one record type's round trip through GraphQL.
type crudCase struct {
	typeName, payload, query string // Circuit, circuit, circuit(id:)
	create                   func(f *fixtures) map[string]any
	change                   map[string]any // a field update, checked on read
	field                    string         // the changed field's GraphQL name
	want                     any            // its value as read back
}

func crudCases() []crudCase {
	return []crudCase{
		{"ServiceProvider", "serviceProvider", "serviceProvider", mutationSamples["createServiceProvider"],
			map[string]any{"nocEmail": "noc@example.net"}, "nocEmail", "noc@example.net"},
		{"Circuit", "circuit", "circuit", mutationSamples["createCircuit"],
			map[string]any{"mrcUsd": 1234.5}, "mrcUsd", "1234.50"},
		{"InfrastructureAsset", "infrastructureAsset", "infrastructureAsset", mutationSamples["createInfrastructureAsset"],
			map[string]any{"termEndDate": "2030-01-31"}, "termEndDate", "2030-01-31"},
		{"Customer", "customer", "customer", mutationSamples["createCustomer"],
			map[string]any{"mrrUsd": "99.10"}, "mrrUsd", "99.10"},
		{"RFSystem", "rfSystem", "rfSystem", mutationSamples["createRFSystem"],
			map[string]any{"capacityMbps": 1800}, "capacityMbps", float64(1800)},
		{"RFLink", "rfLink", "rfLink", mutationSamples["createRFLink"],
			map[string]any{"notes": "aligned"}, "notes", "aligned"},
		{"ElectricalService", "electricalService", "electricalService", mutationSamples["createElectricalService"],
			map[string]any{"startDate": "2024-02-29"}, "startDate", "2024-02-29"},
		{"SubtendedLink", "subtendedLink", "subtendedLink", mutationSamples["createSubtendedLink"],
			map[string]any{"allocationWeight": 0.25}, "allocationWeight", "0.25"},
	}
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func TestCRUDRoundTripForEveryRecordType(t *testing.T) {
	a := apptest.New(t)
	f := newFixtures(t, a)
	for _, c := range crudCases() {
		t.Run(c.typeName, func(t *testing.T) {
			create := fmt.Sprintf(`mutation($in: Create%sInput!) { create%s(input: $in) { %s { id version } userErrors { field message code } } }`,
				c.typeName, c.typeName, c.payload)
			data := mustPost(t, a, create, map[string]any{"in": c.create(f)})
			id := digStr(data, "create"+c.typeName+"."+c.payload+".id")
			if id == "" {
				t.Fatalf("%s", apptest.Describe("create answered %v", data))
			}

			read := fmt.Sprintf(`query($id: ID!) { one: %s(id: $id) { id version %s } node(id: $id) { __typename id } }`, c.query, c.field)
			data = mustPost(t, a, read, map[string]any{"id": id})
			if digStr(data, "node.__typename") != c.typeName || digStr(data, "one.id") != id {
				t.Fatalf("%s", apptest.Describe("read answered %v", data))
			}

			update := fmt.Sprintf(`mutation($in: Update%sInput!) { update%s(input: $in) { %s { id version %s } userErrors { field message code } } }`,
				c.typeName, c.typeName, c.payload, c.field)
			data = mustPost(t, a, update, map[string]any{"in": merge(c.change, map[string]any{"id": id, "version": 1})})
			rec := dig(data, "update"+c.typeName+"."+c.payload)
			if dig(rec, c.field) != c.want || dig(rec, "version") != float64(2) {
				t.Fatalf("%s", apptest.Describe("update answered %v, want %s = %v at version 2", data, c.field, c.want))
			}

			data = mustPost(t, a, update, map[string]any{"in": merge(c.change, map[string]any{"id": id, "version": 1})})
			if code := digStr(data, "update"+c.typeName+".userErrors.0.code"); code != "STALE" {
				t.Errorf("%s", apptest.Describe("update at an old version answered %v, want STALE", data))
			}

			del := fmt.Sprintf(`mutation($in: Delete%sInput!) { delete%s(input: $in) { deletedId userErrors { code } } }`, c.typeName, c.typeName)
			data = mustPost(t, a, del, map[string]any{"in": map[string]any{"id": id}})
			if digStr(data, "delete"+c.typeName+".deletedId") != id {
				t.Fatalf("%s", apptest.Describe("delete answered %v", data))
			}
			data = mustPost(t, a, read, map[string]any{"id": id})
			if data["one"] != nil || data["node"] != nil {
				t.Errorf("%s", apptest.Describe("deleted record still reads as %v", data))
			}
			data = mustPost(t, a, del, map[string]any{"in": map[string]any{"id": id}})
			if code := digStr(data, "delete"+c.typeName+".userErrors.0.code"); code != "NOT_FOUND" {
				t.Errorf("%s", apptest.Describe("second delete answered %v, want NOT_FOUND", data))
			}
		})
	}
}

func TestBadInputAnswersUserErrorsNamingTheField(t *testing.T) {
	a := apptest.New(t)
	const create = `mutation($in: CreateCircuitInput!) { createCircuit(input: $in) { circuit { id } userErrors { field message code } } }`
	cases := []struct {
		name  string
		input map[string]any
		field string
		code  string
	}{
		{"an unknown service type is invalid", map[string]any{"xiberCircuitLabel": "X-1", "carrierName": "Zayo", "serviceType": "carrier-pigeon"}, "serviceType", "INVALID"},
		{"a missing label is invalid", map[string]any{"carrierName": "Zayo", "serviceType": "wave"}, "xiberCircuitLabel", "INVALID"},
		{"a negative MRC is invalid", map[string]any{"xiberCircuitLabel": "X-2", "carrierName": "Zayo", "serviceType": "wave", "mrcUsd": "-5"}, "mrcUsd", "INVALID"},
		{"a bad endpoint reference is invalid", map[string]any{"xiberCircuitLabel": "X-3", "carrierName": "Zayo", "serviceType": "wave", "aInfrastructureId": "2f1ad7d4-0a5e-4c5e-9a59-5d0c1f7e9c11"}, "aInfrastructureId", "INVALID"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := mustPost(t, a, create, map[string]any{"in": c.input})
			if data["createCircuit"].(map[string]any)["circuit"] != nil ||
				digStr(data, "createCircuit.userErrors.0.field") != c.field || digStr(data, "createCircuit.userErrors.0.code") != c.code {
				t.Errorf("%s", apptest.Describe("answered %v, want %s on %s", data, c.code, c.field))
			}
		})
	}
	t.Run("a duplicate label is a conflict", func(t *testing.T) {
		in := map[string]any{"xiberCircuitLabel": "DUP-1", "carrierName": "Zayo", "serviceType": "wave"}
		mustPost(t, a, create, map[string]any{"in": in})
		data := mustPost(t, a, create, map[string]any{"in": in})
		if digStr(data, "createCircuit.userErrors.0.code") != "CONFLICT" {
			t.Errorf("%s", apptest.Describe("answered %v, want CONFLICT", data))
		}
	})
	t.Run("money with three decimals is an INVALID error, not an internal one", func(t *testing.T) {
		r := post(t, a, "exec", create, map[string]any{"in": map[string]any{"xiberCircuitLabel": "X-4", "carrierName": "Zayo", "serviceType": "wave", "mrcUsd": "1.234"}})
		if r.code() != "INVALID" {
			t.Errorf("%s", apptest.Describe("answered %+v, want code INVALID", r.Errors))
		}
	})
	t.Run("a bulk update names the nested field", func(t *testing.T) {
		f := newFixtures(t, a)
		data := mustPost(t, a, `mutation($in: BulkUpdateCircuitsInput!) { bulkUpdateCircuits(input: $in) { changed userErrors { field code } } }`,
			map[string]any{"in": map[string]any{"ids": []string{f.circuit()}, "set": map[string]any{"status": "lost"}}})
		if digStr(data, "bulkUpdateCircuits.userErrors.0.field") != "set.status" {
			t.Errorf("%s", apptest.Describe("answered %v, want set.status", data))
		}
	})
}
