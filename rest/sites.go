package rest

import (
	"net/http"

	"github.com/xiber/netos/documents"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// infrastructureView is an asset with its provider's name resolved.
type infrastructureView struct {
	models.InfrastructureAsset
	ProviderName string `json:"provider_name"`
}

// infrastructureDetail is the asset's detail. Attribution figures (own,
// inherited and attached cost, margin…) are added here, in
// infrastructureDetail, once the attribution engine exposes them.
type infrastructureDetail struct {
	infrastructureView
	assetFigures
	SubtendedLinks     []models.SubtendedLink `json:"subtended_links"`
	Circuits           []circuitView          `json:"circuits"`
	RFLinks            []models.RFLink        `json:"rf_links"`
	ElectricalServices []electricalView       `json:"electrical_services"`
}

// customerDetail is the customer's detail with its attribution figures:
// revenue, own and inherited cost, margin and serving paths.
type customerDetail struct {
	models.Customer
	customerFigures
	Circuits []circuitView   `json:"circuits"`
	RFLinks  []models.RFLink `json:"rf_links"`
}

// electricalView is an electrical service with its utility's name resolved
// and its supporting documents.
type electricalView struct {
	models.ElectricalService
	ProviderName string            `json:"provider_name"`
	Documents    []models.Document `json:"documents"`
}

// rfLinkView is an RF link with its documents.
type rfLinkView struct {
	models.RFLink
	Documents []models.Document `json:"documents"`
}

// documentsOf loads the documents of many owners of one type in one query.
func (a *API) documentsOf(r *http.Request, ownerType string, ids []string) (map[string][]models.Document, error) {
	if a.deps.Documents == nil {
		return map[string][]models.Document{}, nil
	}
	return a.deps.Documents.ForOwners(r.Context(), ownerType, ids)
}

func (a *API) rfLinkViews(r *http.Request, rows []models.RFLink) ([]rfLinkView, error) {
	ids := make([]string, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	docs, err := a.documentsOf(r, documents.OwnerRFLink, ids)
	if err != nil {
		return nil, err
	}
	out := make([]rfLinkView, len(rows))
	for i := range rows {
		out[i] = rfLinkView{rows[i], nonNil(docs[rows[i].ID])}
	}
	return out, nil
}

// providerNames resolves provider IDs to names in one batch.
func (a *API) providerNames(r *http.Request, ids []*string) (map[string]string, error) {
	keys := make([]string, 0, len(ids))
	for _, id := range ids {
		if id != nil {
			keys = append(keys, *id)
		}
	}
	out := map[string]string{}
	if len(keys) == 0 {
		return out, nil
	}
	ps, err := a.deps.Network.ProvidersByID(r.Context(), keys)
	if err != nil {
		return nil, err
	}
	for id, p := range ps {
		out[id] = p.Name
	}
	return out, nil
}

func nameOf(names map[string]string, id *string) string {
	if id == nil {
		return ""
	}
	return names[*id]
}

func (a *API) infrastructureViews(r *http.Request, rows []models.InfrastructureAsset) ([]infrastructureView, error) {
	ids := make([]*string, len(rows))
	for i := range rows {
		ids[i] = rows[i].ProviderID
	}
	names, err := a.providerNames(r, ids)
	if err != nil {
		return nil, err
	}
	out := make([]infrastructureView, len(rows))
	for i := range rows {
		out[i] = infrastructureView{rows[i], nameOf(names, rows[i].ProviderID)}
	}
	return out, nil
}

func (a *API) electricalViews(r *http.Request, rows []models.ElectricalService) ([]electricalView, error) {
	ids := make([]*string, len(rows))
	for i := range rows {
		ids[i] = rows[i].ProviderID
	}
	names, err := a.providerNames(r, ids)
	if err != nil {
		return nil, err
	}
	owners := make([]string, len(rows))
	for i := range rows {
		owners[i] = rows[i].ID
	}
	docs, err := a.documentsOf(r, documents.OwnerElectrical, owners)
	if err != nil {
		return nil, err
	}
	out := make([]electricalView, len(rows))
	for i := range rows {
		out[i] = electricalView{rows[i], nameOf(names, rows[i].ProviderID), nonNil(docs[rows[i].ID])}
	}
	return out, nil
}

// allRows is the page a detail uses for its related lists.
var allRows = store.Page{Limit: maxLimit}

func (a *API) infrastructureDetail(r *http.Request, id string) (any, int64, error) {
	ctx, net := r.Context(), a.deps.Network
	asset, err := net.InfrastructureAsset(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	views, err := a.infrastructureViews(r, []models.InfrastructureAsset{*asset})
	if err != nil {
		return nil, 0, err
	}
	links, _, err := net.Links(ctx, store.LinkFilter{ParentID: id, Page: allRows})
	if err != nil {
		return nil, 0, err
	}
	cviews, rf, err := a.siteRelations(r, store.CircuitFilter{InfrastructureID: id, Page: allRows}, store.RFLinkFilter{InfrastructureID: id, Page: allRows})
	if err != nil {
		return nil, 0, err
	}
	el, _, err := net.ElectricalServices(ctx, store.ElectricalFilter{InfrastructureID: id, Page: allRows})
	if err != nil {
		return nil, 0, err
	}
	eviews, err := a.electricalViews(r, el)
	if err != nil {
		return nil, 0, err
	}
	rep, err := net.Attribution(ctx)
	if err != nil {
		return nil, 0, err
	}
	return &infrastructureDetail{
		infrastructureView: views[0], assetFigures: assetFiguresOf(rep, id), SubtendedLinks: nonNil(links), Circuits: nonNil(cviews),
		RFLinks: nonNil(rf), ElectricalServices: nonNil(eviews),
	}, asset.Version, nil
}

// siteRelations loads the circuits and RF links that land at a site, for
// its detail.
func (a *API) siteRelations(r *http.Request, cf store.CircuitFilter, rf store.RFLinkFilter) ([]circuitView, []models.RFLink, error) {
	circuits, _, err := a.deps.Network.Circuits(r.Context(), cf)
	if err != nil {
		return nil, nil, err
	}
	views, err := a.circuitViews(r, circuits)
	if err != nil {
		return nil, nil, err
	}
	links, _, err := a.deps.Network.RFLinks(r.Context(), rf)
	return views, links, err
}

func (a *API) customerDetail(r *http.Request, id string) (any, int64, error) {
	ctx, net := r.Context(), a.deps.Network
	c, err := net.Customer(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	cviews, rf, err := a.siteRelations(r, store.CircuitFilter{CustomerID: id, Page: allRows}, store.RFLinkFilter{CustomerID: id, Page: allRows})
	if err != nil {
		return nil, 0, err
	}
	rep, err := net.Attribution(ctx)
	if err != nil {
		return nil, 0, err
	}
	return &customerDetail{Customer: *c, customerFigures: customerFiguresOf(rep, id), Circuits: nonNil(cviews), RFLinks: nonNil(rf)}, c.Version, nil
}

// rfLinkDetail is an RF link with its documents and its P&L from the
// attribution model.
type rfLinkDetail struct {
	rfLinkView
	itemFigures
}

func (a *API) rfLinkDetail(r *http.Request, id string) (any, int64, error) {
	l, err := a.deps.Network.RFLink(r.Context(), id)
	if err != nil {
		return nil, 0, err
	}
	views, err := a.rfLinkViews(r, []models.RFLink{*l})
	if err != nil {
		return nil, 0, err
	}
	rep, err := a.deps.Network.Attribution(r.Context())
	if err != nil {
		return nil, 0, err
	}
	return &rfLinkDetail{rfLinkView: views[0], itemFigures: itemFiguresOf(rep, id)}, l.Version, nil
}

func (a *API) electricalDetail(r *http.Request, id string) (any, int64, error) {
	e, err := a.deps.Network.Electrical(r.Context(), id)
	if err != nil {
		return nil, 0, err
	}
	views, err := a.electricalViews(r, []models.ElectricalService{*e})
	if err != nil {
		return nil, 0, err
	}
	return &views[0], e.Version, nil
}

func siteFilterOf(q *params, typeParam string, types []string) store.SiteFilter {
	return store.SiteFilter{
		Status: q.enums("status", models.SiteStatuses),
		Type:   q.enums(typeParam, types),
		State:  q.str("state"),
		Search: q.str("search"),
		Page:   q.page(),
	}
}

// listInfrastructure also filters by provider: provider_id, or provider
// (a name, case-insensitive, as circuits take carrier); an unknown name
// matches nothing.
func (a *API) listInfrastructure(w http.ResponseWriter, r *http.Request) {
	listHandler(func(q *params) store.SiteFilter {
		f := siteFilterOf(q, "site_type", models.SiteTypes)
		f.ProviderID = q.uuid("provider_id")
		if name := q.str("provider"); name != "" && q.err() == nil {
			id, err := a.deps.Network.ProviderIDByName(r.Context(), name)
			switch {
			case err == nil && (f.ProviderID == "" || f.ProviderID == id):
				f.ProviderID = id
			default:
				f.IDs = []string{}
			}
		}
		return f
	}, a.deps.Network.Infrastructure, a.infrastructureViews)(w, r)
}
