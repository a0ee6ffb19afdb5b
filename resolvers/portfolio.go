package resolvers

import (
	"context"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/portfolio"
	"github.com/xiber/netos/store"
)

// renewals pages the renewal list through the portfolio service.
func (r *Resolver) renewals(ctx context.Context, state *string, withinDays *int64, a pageArgs) (*model.CircuitSummaryConnection, error) {
	f := portfolio.RenewalFilter{}
	if state != nil {
		f.State = *state
	}
	if withinDays != nil {
		d := int(*withinDays)
		f.WithinDays = &d
	}
	p, err := listPage(a, func(pg store.Page) ([]portfolio.CircuitSummary, int, error) {
		f.Limit, f.Offset = pg.Limit, pg.Offset
		return r.portfolio.Renewals(ctx, f)
	})
	if err != nil {
		return nil, err
	}
	return &model.CircuitSummaryConnection{
		Edges: edges(p, func(c string, n *portfolio.CircuitSummary) *model.CircuitSummaryEdge {
			return &model.CircuitSummaryEdge{Cursor: c, Node: n}
		}),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}, nil
}

// renewalAction applies a renewal action; input problems, conflicts and
// stale versions come back as userErrors like every other mutation.
func (r *Resolver) renewalAction(ctx context.Context, in model.RenewalActionInput) (*model.RenewalActionPayload, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	res, err := r.portfolio.RenewalAction(ctx, normalID(in.CircuitID), in.Action, analytics.RenewalActionInput{
		TermStart: in.ContractTermStartDate, TermEnd: in.ContractTermEndDate, TermMonths: in.ContractTermMonths, MRC: in.MrcUsd,
	}, in.Version)
	if err != nil {
		ue, err := userErrors(err)
		return &model.RenewalActionPayload{UserErrors: ue}, err
	}
	return &model.RenewalActionPayload{
		Action: &res.Action, FromState: &res.From, ToState: &res.To, Summary: &res.Circuit, UserErrors: noUserErrors(),
	}, nil
}
