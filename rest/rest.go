// Package rest serves the guide's /api/v1 routes over the same domain
// services GraphQL uses. Handlers only decode, call a service and respond;
// rules live in the domain.
package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/documents"
	"github.com/xiber/netos/feedback"
	"github.com/xiber/netos/imports"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/portfolio"
	"github.com/xiber/netos/store"
)

// Deps are what the REST layer needs.
type Deps struct {
	Network *network.Service
	// MonitoringSearchURL is the fallback template; {query} is replaced by
	// the URL-escaped carrier circuit ID.
	MonitoringSearchURL string
	// Documents stores the documents of RF links and electrical services.
	Documents *documents.Service
	// Feedback is the feedback queue.
	Feedback *feedback.Service
	// Portfolio serves the dashboard, renewals and ETF exposure.
	Portfolio *portfolio.Service
	// Imports owns circuit import jobs.
	Imports *imports.Service
}

// API is the /api/v1 handler set.
type API struct {
	deps Deps
}

// New builds the REST API.
func New(deps Deps) *API { return &API{deps: deps} }

// Routes mounts every /api/v1 route on a router. Fixed segments (/map,
// /bulk, /bulk-delete) are registered before the /{id} patterns beside them.
func (a *API) Routes() http.Handler {
	net := a.deps.Network
	r := chi.NewRouter()
	r.Route("/circuits", func(r chi.Router) {
		r.Get("/", listHandler(circuitFilter, net.Circuits, a.circuitViews))
		r.Get("/map", a.circuitMap)
		r.Patch("/bulk", bulkKind{"circuit_ids", network.CircuitSchema, net.BulkUpdateCircuits, net.BulkDeleteCircuits}.patch)
		r.Post("/bulk-delete", bulkKind{"circuit_ids", network.CircuitSchema, net.BulkUpdateCircuits, net.BulkDeleteCircuits}.remove)
		resource[*models.Circuit]{param: "circuit_id", base: "/api/v1/circuits", schema: network.CircuitSchema,
			create: net.CreateCircuit, update: net.UpdateCircuit, remove: net.DeleteCircuit, detail: a.circuitDetail}.mount(r)
		r.Post("/{circuit_id}/events", a.addCircuitEvent)
	})
	r.Get("/map.geojson", a.mapGeoJSON)
	r.Route("/customers", func(r chi.Router) {
		r.Get("/", listHandler(func(q *params) store.SiteFilter { return siteFilterOf(q, "customer_type", models.CustomerTypes) },
			net.Customers, asIs[models.Customer]))
		resource[*models.Customer]{param: "customer_id", base: "/api/v1/customers", schema: network.CustomerSchema,
			create: net.CreateCustomer, update: net.UpdateCustomer, remove: net.DeleteCustomer, detail: a.customerDetail}.mount(r)
	})
	r.Route("/infrastructure", func(r chi.Router) {
		r.Get("/", a.listInfrastructure)
		bulk := bulkKind{"infrastructure_ids", network.InfrastructureSchema, net.BulkUpdateInfrastructure, net.BulkDeleteInfrastructure}
		r.Patch("/bulk", bulk.patch)
		r.Post("/bulk-delete", bulk.remove)
		resource[*models.InfrastructureAsset]{param: "infrastructure_id", base: "/api/v1/infrastructure", schema: network.InfrastructureSchema,
			create: net.CreateInfrastructure, update: net.UpdateInfrastructure, remove: net.DeleteInfrastructure, detail: a.infrastructureDetail}.mount(r)
		r.Post("/{infrastructure_id}/subtended-links", a.createLink)
		r.Patch("/{infrastructure_id}/subtended-links/{link_id}", a.updateLink)
		r.Delete("/{infrastructure_id}/subtended-links/{link_id}", a.deleteLink)
	})
	r.Route("/rf-links", func(r chi.Router) {
		r.Get("/", listHandler(rfLinkFilter, net.RFLinks, a.rfLinkViews))
		resource[*models.RFLink]{param: "rf_link_id", base: "/api/v1/rf-links", schema: network.RFLinkSchema,
			create: net.CreateRFLink, update: net.UpdateRFLink, remove: net.DeleteRFLink, detail: a.rfLinkDetail}.mount(r)
	})
	r.Route("/rf-systems", func(r chi.Router) {
		r.Get("/", listHandler(rfSystemFilter, net.RFSystems, asIs[models.RFSystem]))
		resource[*models.RFSystem]{param: "rf_system_id", base: "/api/v1/rf-systems", schema: network.RFSystemSchema,
			create: net.CreateRFSystem, update: net.UpdateRFSystem, remove: net.DeleteRFSystem,
			detail: detailOf(net.RFSystem)}.mount(r)
	})
	r.Route("/electrical-services", func(r chi.Router) {
		r.Get("/", listHandler(electricalFilter, net.ElectricalServices, a.electricalViews))
		resource[*models.ElectricalService]{param: "electrical_service_id", base: "/api/v1/electrical-services", schema: network.ElectricalSchema,
			create: net.CreateElectrical, update: net.UpdateElectrical, remove: net.DeleteElectrical, detail: a.electricalDetail}.mount(r)
	})
	r.Route("/service-providers", func(r chi.Router) {
		r.Get("/", listHandler(providerFilter, net.Providers, a.providerViews))
		resource[*models.ServiceProvider]{param: "carrier_id", detail: a.providerDetail}.mount(r)
	})
	r.Get("/audit/activity", listHandler(auditFilter, net.AuditActivity, asIs[models.AuditEntry]))
	a.mountAttribution(r)
	a.mountExtras(r)
	a.mountPortfolio(r)
	a.mountImports(r)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]any{"detail": "no such route"})
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]any{"detail": "method not allowed on this route"})
	})
	return r
}
