// Package rest serves the guide's /api/v1 routes over the same domain
// services GraphQL uses. Handlers only decode, call a service and respond;
// rules live in the domain.
package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/network"
)

// Deps are what the REST layer needs.
type Deps struct {
	Network *network.Service
	// MonitoringSearchURL is the fallback template; {query} is replaced by
	// the URL-escaped carrier circuit ID.
	MonitoringSearchURL string
}

// API is the /api/v1 handler set.
type API struct {
	deps Deps
}

// New builds the REST API.
func New(deps Deps) *API { return &API{deps: deps} }

// Routes mounts every /api/v1 route on a router.
func (a *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Route("/circuits", func(r chi.Router) {
		r.Get("/", a.listCircuits)
		r.Post("/", a.createCircuit)
		r.Get("/{id}", a.getCircuit)
	})
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusNotFound, map[string]any{"detail": "no such route"})
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]any{"detail": "method not allowed on this route"})
	})
	return r
}
