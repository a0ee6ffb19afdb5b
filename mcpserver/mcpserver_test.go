package mcpserver_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/mcpserver"
)

// session runs the NetOS MCP server on the demo network and connects a
// real MCP client to it over in-memory transports.
func session(t *testing.T) *mcp.ClientSession {
	t.Helper()
	a := apptest.New(t)
	ctx := context.Background()
	if _, err := a.LoadDemo(auth.WithPrincipal(ctx, auth.System)); err != nil {
		t.Fatal(err)
	}
	server := mcpserver.New(mcpserver.Deps{Network: a.Network, Portfolio: a.Portfolio,
		Principal: auth.Principal{User: "agent@test", Role: auth.Agent}}, "test")
	st, ct := mcp.NewInMemoryTransports()
	if _, err := server.Connect(ctx, st, nil); err != nil {
		t.Fatal(err)
	}
	cs, err := mcp.NewClient(&mcp.Implementation{Name: "test-client", Version: "1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close() })
	return cs
}

func call(t *testing.T, cs *mcp.ClientSession, name string, args map[string]any) (map[string]any, bool) {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &mcp.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	text := res.Content[0].(*mcp.TextContent).Text
	if res.IsError {
		return map[string]any{"error": text}, true
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		t.Fatalf("%s answered %s: %v", name, text, err)
	}
	return out, false
}

func TestTheGuidesToolsAnswerFromTheDomain(t *testing.T) {
	cs := session(t)
	tools, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tool := range tools.Tools {
		names = append(names, tool.Name)
	}
	for _, want := range []string{"list_circuits", "get_circuit", "get_renewals_due", "get_etf_exposure", "get_carrier_summary", "get_circuit_pl", "get_renewal_pipeline"} {
		if !strings.Contains(strings.Join(names, ","), want) {
			t.Errorf("tool %s missing from %v", want, names)
		}
	}
	list, _ := call(t, cs, "list_circuits", map[string]any{"carrier": "lumen", "status": "active"})
	circuits := list["circuits"].([]any)
	if len(circuits) == 0 || list["total"].(float64) != float64(len(circuits)) {
		t.Fatalf("list_circuits = %v", list)
	}
	id := circuits[0].(map[string]any)["id"].(string)
	pl, _ := call(t, cs, "get_circuit_pl", map[string]any{"circuit_id": id})
	if _, ok := pl["margin_usd"]; !ok || pl["placement"] == nil {
		t.Fatalf("get_circuit_pl = %v", pl)
	}
	detail, _ := call(t, cs, "get_circuit", map[string]any{"circuit_id": id})
	if detail["circuit"].(map[string]any)["xiber_circuit_label"] == "" || detail["pl"] == nil {
		t.Fatalf("get_circuit = %v", detail)
	}
	etf, _ := call(t, cs, "get_etf_exposure", nil)
	if _, ok := etf["total_usd"]; !ok {
		t.Fatalf("get_etf_exposure = %v", etf)
	}
	summary, _ := call(t, cs, "get_carrier_summary", map[string]any{"carrier": "Lumen"})
	if summary["carrier"] != "Lumen" || summary["circuit_count"].(float64) == 0 {
		t.Fatalf("get_carrier_summary = %v", summary)
	}
	renewals, _ := call(t, cs, "get_renewals_due", map[string]any{"within_days": 365})
	if renewals["total"].(float64) == 0 {
		t.Fatalf("get_renewals_due = %v", renewals)
	}
	if bad, isErr := call(t, cs, "list_circuits", map[string]any{"status": "bogus"}); !isErr {
		t.Fatalf("a bad status answered %v", bad)
	}
	if missing, isErr := call(t, cs, "get_circuit", map[string]any{"circuit_id": "8d8e4333-8182-4443-8e0d-f2307276db52"}); !isErr || !strings.Contains(missing["error"].(string), "not found") {
		t.Fatalf("an unknown circuit answered %v", missing)
	}
}
