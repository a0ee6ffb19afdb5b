// Package mcpserver exposes NetOS to AI agents over the Model Context
// Protocol: the guide's read tools, answered by the same domain services as
// REST and GraphQL under the caller's principal (the agent role reads
// everything; writes wait for the confirmation flow).
package mcpserver

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/portfolio"
	"github.com/xiber/netos/store"
)

// Deps are the services the tools call.
type Deps struct {
	Network   *network.Service
	Portfolio *portfolio.Service
	// Principal is who the tools act as (stdio has no headers to carry one).
	Principal auth.Principal
}

// New builds the MCP server with every tool registered.
func New(deps Deps, version string) *mcp.Server {
	s := mcp.NewServer(&mcp.Implementation{Name: "netos", Version: version}, nil)
	t := &tools{deps: deps}
	mcp.AddTool(s, &mcp.Tool{Name: "list_circuits", Description: "List circuits with optional filters (carrier name, status, free-text search)."}, t.listCircuits)
	mcp.AddTool(s, &mcp.Tool{Name: "get_circuit", Description: "One circuit's record, lifecycle events and P&L from the attribution model."}, t.getCircuit)
	mcp.AddTool(s, &mcp.Tool{Name: "get_circuit_pl", Description: "Per-circuit P&L: monthly cost, attributed revenue, margin, placement, customers served."}, t.getCircuitPL)
	mcp.AddTool(s, &mcp.Tool{Name: "get_renewals_due", Description: "Circuits whose term ends within the given days, nearest notice deadline first."}, t.getRenewalsDue)
	mcp.AddTool(s, &mcp.Tool{Name: "get_renewal_pipeline", Description: "Live circuits counted by renewal state."}, t.getRenewalPipeline)
	mcp.AddTool(s, &mcp.Tool{Name: "get_etf_exposure", Description: "Early-termination fee exposure by carrier, or for one carrier."}, t.getETFExposure)
	mcp.AddTool(s, &mcp.Tool{Name: "get_carrier_summary", Description: "A carrier's spend, circuit count and ETF exposure."}, t.getCarrierSummary)
	return s
}

type tools struct{ deps Deps }

func (t *tools) ctx(ctx context.Context) context.Context {
	return auth.WithPrincipal(ctx, t.deps.Principal)
}

// answer renders a value as the tool's JSON text result.
func answer(v any) (*mcp.CallToolResult, any, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: string(b)}}}, nil, nil
}

// ListCircuitsInput filters list_circuits.
type ListCircuitsInput struct {
	Carrier string `json:"carrier,omitempty" jsonschema:"carrier name, case-insensitive"`
	Status  string `json:"status,omitempty" jsonschema:"circuit status, e.g. active"`
	Search  string `json:"search,omitempty" jsonschema:"text in the label, carrier circuit ID or carrier name"`
	Limit   int    `json:"limit,omitempty" jsonschema:"at most this many circuits (default 50, max 500)"`
}

func (t *tools) listCircuits(ctx context.Context, _ *mcp.CallToolRequest, in ListCircuitsInput) (*mcp.CallToolResult, any, error) {
	f := store.CircuitFilter{Carrier: in.Carrier, Search: in.Search, Page: store.Page{Limit: clamp(in.Limit, 50, 500)}}
	if in.Status != "" {
		if !models.OneOf(in.Status, models.CircuitStatuses) {
			return nil, nil, fmt.Errorf("status must be one of %v", models.CircuitStatuses)
		}
		f.Status = []string{in.Status}
	}
	cs, total, err := t.deps.Network.Circuits(t.ctx(ctx), f)
	if err != nil {
		return nil, nil, err
	}
	return answer(map[string]any{"total": total, "circuits": cs})
}

// CircuitInput names one circuit.
type CircuitInput struct {
	CircuitID string `json:"circuit_id" jsonschema:"the circuit's UUID"`
}

func (t *tools) getCircuit(ctx context.Context, _ *mcp.CallToolRequest, in CircuitInput) (*mcp.CallToolResult, any, error) {
	ctx = t.ctx(ctx)
	c, err := t.deps.Network.Circuit(ctx, in.CircuitID)
	if err != nil {
		return nil, nil, err
	}
	events, err := t.deps.Network.CircuitEvents(ctx, []string{c.ID})
	if err != nil {
		return nil, nil, err
	}
	pl, err := t.circuitPL(ctx, c.ID)
	if err != nil {
		return nil, nil, err
	}
	return answer(map[string]any{"circuit": c, "lifecycle_events": events[c.ID], "pl": pl})
}

func (t *tools) getCircuitPL(ctx context.Context, _ *mcp.CallToolRequest, in CircuitInput) (*mcp.CallToolResult, any, error) {
	ctx = t.ctx(ctx)
	if _, err := t.deps.Network.Circuit(ctx, in.CircuitID); err != nil {
		return nil, nil, err
	}
	pl, err := t.circuitPL(ctx, in.CircuitID)
	if err != nil {
		return nil, nil, err
	}
	return answer(pl)
}

// circuitPL is a circuit's figures from the attribution report.
func (t *tools) circuitPL(ctx context.Context, id string) (map[string]any, error) {
	rep, err := t.deps.Network.Attribution(ctx)
	if err != nil {
		return nil, err
	}
	pl, ok := rep.Item(id)
	if !ok {
		pl = attribution.ItemPL{ID: id, Placement: attribution.Placement{Kind: attribution.PlacementNone}}
	}
	return map[string]any{
		"monthly_cost_usd": pl.Cost, "attributed_revenue_usd": pl.AttributedRevenue, "margin_usd": pl.Margin,
		"margin_pct": pl.MarginPct, "customers_served": pl.CustomersServed,
		"placement": map[string]any{"kind": pl.Placement.Kind, "infrastructure_id": pl.Placement.InfrastructureID, "link_id": pl.Placement.LinkID},
	}, nil
}

// RenewalsInput bounds get_renewals_due.
type RenewalsInput struct {
	WithinDays int `json:"within_days,omitempty" jsonschema:"term ends within this many days (default 180)"`
}

func (t *tools) getRenewalsDue(ctx context.Context, _ *mcp.CallToolRequest, in RenewalsInput) (*mcp.CallToolResult, any, error) {
	days := clamp(in.WithinDays, 180, portfolio.MaxWithinDays)
	list, total, err := t.deps.Portfolio.Renewals(t.ctx(ctx), portfolio.RenewalFilter{WithinDays: &days, Limit: 200})
	if err != nil {
		return nil, nil, err
	}
	return answer(map[string]any{"total": total, "renewals": list})
}

func (t *tools) getRenewalPipeline(ctx context.Context, _ *mcp.CallToolRequest, _ struct{}) (*mcp.CallToolResult, any, error) {
	d, err := t.deps.Portfolio.Dashboard(t.ctx(ctx))
	if err != nil {
		return nil, nil, err
	}
	return answer(map[string]any{"as_of": d.AsOf, "renewal_pipeline": d.RenewalPipeline, "at_risk_circuits": d.AtRiskCircuits})
}

// CarrierInput names a carrier (optional for the exposure).
type CarrierInput struct {
	Carrier string `json:"carrier,omitempty" jsonschema:"carrier name or ID"`
}

func (t *tools) getETFExposure(ctx context.Context, _ *mcp.CallToolRequest, in CarrierInput) (*mcp.CallToolResult, any, error) {
	e, err := t.deps.Portfolio.ETFExposure(t.ctx(ctx), portfolio.ETFFilter{Carrier: in.Carrier})
	if err != nil {
		return nil, nil, err
	}
	return answer(e)
}

func (t *tools) getCarrierSummary(ctx context.Context, _ *mcp.CallToolRequest, in CarrierInput) (*mcp.CallToolResult, any, error) {
	ctx = t.ctx(ctx)
	if in.Carrier == "" {
		return nil, nil, fmt.Errorf("carrier is required")
	}
	d, err := t.deps.Portfolio.Dashboard(ctx)
	if err != nil {
		return nil, nil, err
	}
	e, err := t.deps.Portfolio.ETFExposure(ctx, portfolio.ETFFilter{Carrier: in.Carrier})
	if err != nil {
		return nil, nil, err
	}
	for _, sp := range d.SpendByCarrier {
		if strings.EqualFold(sp.Carrier, in.Carrier) || sp.CarrierID == in.Carrier {
			return answer(map[string]any{"carrier": sp.Carrier, "carrier_id": sp.CarrierID, "mrc_usd": sp.MRC,
				"circuit_count": sp.CircuitCount, "etf_exposure_usd": e.Total})
		}
	}
	return nil, nil, fmt.Errorf("no billing circuits for carrier %q", in.Carrier)
}

func clamp(v, def, most int) int {
	if v <= 0 {
		return def
	}
	return min(v, most)
}
