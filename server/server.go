// Package server composes the HTTP surface: operational routes, the REST API
// and GraphQL behind shared middleware (request IDs, recovery, metrics,
// logging, authentication, audit).
package server

import (
	"context"
	"net/http"
	"net/netip"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/rest"
	"github.com/xiber/netos/store"
)

// Config is the part of the configuration the HTTP surface needs.
type Config struct {
	// TrustedProxies may set X-Forwarded-For.
	TrustedProxies []netip.Prefix
	// DevAuth serves GraphiQL at GET /graphql.
	DevAuth bool
}

// Deps are the services the HTTP surface serves.
type Deps struct {
	DB      *store.DB
	Audit   *audit.Log
	Auth    Authenticator
	REST    *rest.API
	GraphQL http.Handler
	// GraphiQL is served at GET /graphql in dev auth mode (nil: none).
	GraphiQL http.Handler
	// Docs serves GET /openapi.json and the Swagger UI at /docs, without
	// authentication (nil: none).
	Docs http.Handler
}

// Server is the root HTTP handler.
type Server struct {
	cfg     Config
	deps    Deps
	metrics *metrics
	router  chi.Router
}

// New builds the router.
func New(cfg Config, deps Deps) *Server {
	s := &Server{cfg: cfg, deps: deps, metrics: newMetrics(deps.DB)}
	r := chi.NewRouter()
	r.Use(s.observe)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSONStatus(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.Get("/readyz", s.ready)
	r.Handle("/metrics", promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}))
	if deps.Docs != nil {
		r.Get("/openapi.json", deps.Docs.ServeHTTP)
		r.Get("/docs", deps.Docs.ServeHTTP)
		r.Get("/docs/*", deps.Docs.ServeHTTP)
	}
	r.Group(func(r chi.Router) {
		r.Use(s.authenticate)
		r.Mount("/api/v1", deps.REST.Routes())
		if deps.GraphQL != nil {
			r.Post("/graphql", deps.GraphQL.ServeHTTP)
		}
	})
	if deps.GraphiQL != nil && cfg.DevAuth {
		r.Get("/graphql", deps.GraphiQL.ServeHTTP)
		r.Get("/graphql/assets/*", deps.GraphiQL.ServeHTTP)
	}
	r.NotFound(func(w http.ResponseWriter, _ *http.Request) { writeDetail(w, http.StatusNotFound, "not found") })
	r.MethodNotAllowed(func(w http.ResponseWriter, _ *http.Request) {
		writeDetail(w, http.StatusMethodNotAllowed, "method not allowed")
	})
	s.router = r
	return s
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }

// Router exposes the route tree (tests walk it to check the OpenAPI document).
func (s *Server) Router() chi.Routes { return s.router }

func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.deps.DB.Ping(ctx); err != nil {
		writeJSONStatus(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "detail": "database unreachable"})
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string]string{"status": "ready"})
}
