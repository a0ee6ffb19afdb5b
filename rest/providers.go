package rest

import (
	"net/http"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// providerView is a service provider with its counts and monthly spend.
// total_spend is the guide's name; total_spend_usd the contract's money
// suffix — the same amount.
type providerView struct {
	models.ServiceProvider
	CircuitCount        int          `json:"circuit_count"`
	InfrastructureCount int          `json:"infrastructure_count"`
	TotalSpend          models.Money `json:"total_spend"`
	TotalSpendUSD       models.Money `json:"total_spend_usd"`
}

// providerDetail adds the provider's live circuits and assets.
type providerDetail struct {
	providerView
	Circuits       []circuitView        `json:"circuits"`
	Infrastructure []infrastructureView `json:"infrastructure"`
}

func (a *API) providerViews(r *http.Request, rows []models.ServiceProvider) ([]providerView, error) {
	ids := make([]string, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	stats, err := a.deps.Network.ProviderStats(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]providerView, len(rows))
	for i := range rows {
		st := stats[rows[i].ID]
		out[i] = providerView{rows[i], st.CircuitCount, st.InfrastructureCount, st.TotalSpend, st.TotalSpend}
	}
	return out, nil
}

func (a *API) providerDetail(r *http.Request, id string) (any, int64, error) {
	ctx, net := r.Context(), a.deps.Network
	p, err := net.Provider(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	views, err := a.providerViews(r, []models.ServiceProvider{*p})
	if err != nil {
		return nil, 0, err
	}
	circuits, _, err := net.Circuits(ctx, store.CircuitFilter{CarrierID: id, Page: allRows})
	if err != nil {
		return nil, 0, err
	}
	cviews, err := a.circuitViews(r, circuits)
	if err != nil {
		return nil, 0, err
	}
	assets, _, err := net.Infrastructure(ctx, store.SiteFilter{ProviderID: id, Page: allRows})
	if err != nil {
		return nil, 0, err
	}
	aviews, err := a.infrastructureViews(r, assets)
	if err != nil {
		return nil, 0, err
	}
	return &providerDetail{providerView: views[0], Circuits: nonNil(cviews), Infrastructure: nonNil(aviews)}, p.Version, nil
}
