package resolvers

import (
	"context"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/dataloaders"
	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/models"
)

// The figures of a record come from the request's one attribution report. A
// record the report does not know (created after it, or soft-deleted) has
// zero figures rather than an error.

func customerPL(ctx context.Context, id string) (*attribution.CustomerPL, error) {
	rep, err := dataloaders.For(ctx).Report(ctx)
	if err != nil {
		return nil, err
	}
	if pl, ok := rep.Customer(id); ok {
		return &pl, nil
	}
	return &attribution.CustomerPL{ID: id}, nil
}

func assetPL(ctx context.Context, id string) (*attribution.AssetPL, error) {
	rep, err := dataloaders.For(ctx).Report(ctx)
	if err != nil {
		return nil, err
	}
	if pl, ok := rep.Asset(id); ok {
		return &pl, nil
	}
	return &attribution.AssetPL{ID: id}, nil
}

func itemPL(ctx context.Context, id string) (*attribution.ItemPL, error) {
	rep, err := dataloaders.For(ctx).Report(ctx)
	if err != nil {
		return nil, err
	}
	if pl, ok := rep.Item(id); ok {
		return &pl, nil
	}
	return &attribution.ItemPL{ID: id, Placement: attribution.Placement{Kind: attribution.PlacementNone}}, nil
}

// money and pct pick one figure once the P&L is loaded.
func money[P any](pl *P, err error, f func(*P) models.Money) (models.Money, error) {
	if err != nil {
		return 0, err
	}
	return f(pl), nil
}

func pct[P any](pl *P, err error, f func(*P) *models.Decimal) (*models.Decimal, error) {
	if err != nil {
		return nil, err
	}
	return f(pl), nil
}

func optionalID(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func placementOf(pl *attribution.ItemPL, err error) (*model.Placement, error) {
	if err != nil {
		return nil, err
	}
	return &model.Placement{Kind: pl.Placement.Kind, InfrastructureID: optionalID(pl.Placement.InfrastructureID), LinkID: optionalID(pl.Placement.LinkID)}, nil
}

func flowOf(f attribution.Flow) *model.HierarchyFlow {
	return &model.HierarchyFlow{
		LinkID: f.LinkID, ParentID: f.ParentID, ChildKind: f.ChildKind, ChildID: f.ChildID, ChildName: f.ChildName,
		TransportKind: optionalID(f.TransportKind), TransportID: optionalID(f.TransportID), TransportLabel: optionalID(f.TransportLabel),
		AllocationWeight: f.Weight, Share: f.Share, AmountUsd: f.Amount, TransportCostUsd: f.TransportCost,
	}
}

// flows lists the parents or children of a site from the request's report.
func flows(ctx context.Context, list func(*attribution.Report) []attribution.Flow) ([]*model.HierarchyFlow, error) {
	rep, err := dataloaders.For(ctx).Report(ctx)
	if err != nil {
		return nil, err
	}
	fs := list(rep)
	out := make([]*model.HierarchyFlow, len(fs))
	for i, f := range fs {
		out[i] = flowOf(f)
	}
	return out, nil
}

func servingPaths(ctx context.Context, customerID string) ([][]*model.ServingHop, error) {
	rep, err := dataloaders.For(ctx).Report(ctx)
	if err != nil {
		return nil, err
	}
	paths := rep.ServingPaths(customerID)
	out := make([][]*model.ServingHop, len(paths))
	for i, path := range paths {
		out[i] = make([]*model.ServingHop, len(path))
		for j, h := range path {
			out[i][j] = &model.ServingHop{InfrastructureID: h.InfrastructureID, InfrastructureName: h.InfrastructureName,
				TransportKind: optionalID(h.TransportKind), TransportID: optionalID(h.TransportID), TransportLabel: optionalID(h.TransportLabel)}
		}
	}
	return out, nil
}

func summaryOf(rep *attribution.Report) *model.AttributionSummary {
	t := rep.Totals
	s := &model.AttributionSummary{
		TotalCostUsd: t.TotalCost, TotalRevenueUsd: t.TotalRevenue, TotalMarginUsd: t.TotalMargin,
		AttributedCostUsd: t.AttributedCost, StrandedCostUsd: t.StrandedCost,
		AttributedRevenueUsd: t.AttributedRevenue, UnattributedRevenueUsd: t.UnattributedRevenue,
		StrandedItems: make([]*model.StrandedItem, len(rep.Stranded)),
	}
	for i, it := range rep.Stranded {
		s.StrandedItems[i] = &model.StrandedItem{Kind: it.Kind, ID: it.ID, Label: it.Label, AmountUsd: it.Amount}
	}
	return s
}

func treeOf(n *attribution.TreeNode) *model.AttributionTreeNode {
	t := &model.AttributionTreeNode{Kind: n.Kind, ID: n.ID, Name: n.Name, More: n.More, Children: make([]*model.AttributionTreeNode, 0, len(n.Children))}
	if n.Via != nil {
		t.Via = flowOf(*n.Via)
	}
	switch {
	case n.Asset != nil:
		t.CostUsd, t.RevenueUsd, t.MarginUsd, t.MarginPct = n.Asset.Pool, n.Asset.AttributedRevenue, n.Asset.Margin, n.Asset.MarginPct
	case n.Customer != nil:
		t.CostUsd, t.RevenueUsd, t.MarginUsd, t.MarginPct = n.Customer.Cost, n.Customer.Revenue, n.Customer.Margin, n.Customer.MarginPct
	case n.Item != nil:
		t.CostUsd, t.RevenueUsd, t.MarginUsd, t.MarginPct = n.Item.Cost, n.Item.AttributedRevenue, n.Item.Margin, n.Item.MarginPct
	}
	for _, c := range n.Children {
		t.Children = append(t.Children, treeOf(c))
	}
	return t
}

// maxTreeDepth bounds attributionTree's depth argument.
const maxTreeDepth = 10

// downstreamCustomers pages the distinct active customers below an asset,
// loading the page's records in one batch.
func downstreamCustomers(ctx context.Context, assetID string, args pageArgs) (*model.CustomerConnection, error) {
	l := dataloaders.For(ctx)
	rep, err := l.Report(ctx)
	if err != nil {
		return nil, err
	}
	ids := rep.DownstreamCustomers(assetID)
	start, end, err := args.bounds(len(ids))
	if err != nil {
		return nil, err
	}
	recs, err := l.Customer.LoadAll(ctx, ids[start:end])
	if err != nil {
		return nil, err
	}
	p := pageOf[models.Customer]{total: len(ids), start: start}
	for _, c := range recs {
		if c != nil {
			p.items = append(p.items, c)
		}
	}
	return customerConnection(p), nil
}
