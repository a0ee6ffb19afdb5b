// Package app is the composition root: it opens the database, migrates it,
// builds every domain service and the HTTP surface over them. `netos serve`
// and the HTTP tests build the very same thing through Open.
package app

import (
	"context"
	"fmt"
	"github.com/uptrace/bun"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/demo"
	"github.com/xiber/netos/models"
	"net/http"
	"net/netip"
	"time"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/imports"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/portfolio"
	"github.com/xiber/netos/rest"
	"github.com/xiber/netos/server"
	"github.com/xiber/netos/store"
)

// Config is what the composition needs from the command line.
type Config struct {
	DatabaseURL         string
	Auth                string
	MonitoringSearchURL string
	RenewalWindowDays   int
	DataDir             string
	TrustedProxies      []netip.Prefix
	// OIDC configures bearer-token auth when Auth is "oidc".
	OIDC server.OIDCConfig
	// Documents and feedback email (app/extras.go).
	Extras ExtrasConfig
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// App is a running NetOS.
type App struct {
	cfg     Config
	DB      *store.DB
	Audit   *audit.Log
	Network *network.Service
	// Imports owns circuit import jobs (REST, GraphQL and the CLI share it).
	Imports *imports.Service
	// Portfolio serves the dashboard, renewals and ETF exposure.
	Portfolio *portfolio.Service
	server    *server.Server
	stops     []func() // of the periodic jobs (every)
	extras
}

// Open connects, migrates up and wires everything.
func Open(ctx context.Context, cfg Config) (*App, error) {
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	a, err := build(ctx, cfg, db)
	if err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

func build(ctx context.Context, cfg Config, db *store.DB) (*App, error) {
	if _, err := db.MigrateUp(ctx); err != nil {
		return nil, err
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	a := &App{cfg: cfg, DB: db}
	a.Audit = audit.New(now)
	a.Network = network.New(db, a.Audit, now)
	if err := a.buildExtras(cfg, now); err != nil {
		return nil, err
	}
	if err := a.buildImports(cfg, now); err != nil {
		return nil, err
	}
	authn, err := authenticator(ctx, cfg)
	if err != nil {
		return nil, err
	}
	a.Imports.PurgeAndLog(ctx)
	a.every(PurgeInterval, a.Imports.PurgeAndLog)
	pf := a.startPortfolio(ctx, cfg, now)
	a.server = server.New(
		server.Config{TrustedProxies: cfg.TrustedProxies, DevAuth: authn == server.DevAuth{}},
		server.Deps{
			DB: db, Audit: a.Audit, Auth: authn,
			REST: rest.New(rest.Deps{Network: a.Network, MonitoringSearchURL: cfg.MonitoringSearchURL,
				Documents: a.Documents, Feedback: a.Feedback, Portfolio: pf,
				Imports: a.Imports}),
			Docs:     rest.DocsHandler(),
			GraphQL:  graphQLHandler(a.Network, pf, a.Imports),
			GraphiQL: graphiQLHandler(),
		})
	return a, nil
}

// authenticator picks the authentication mode: dev trusts the role header,
// oidc verifies bearer tokens from the configured issuer.
func authenticator(ctx context.Context, cfg Config) (server.Authenticator, error) {
	switch cfg.Auth {
	case "", "dev":
		return server.DevAuth{}, nil
	case "oidc":
		return server.NewOIDCAuth(ctx, cfg.OIDC)
	}
	return nil, fmt.Errorf("auth mode %q is not dev or oidc", cfg.Auth)
}

// Handler is the root HTTP handler.
func (a *App) Handler() http.Handler { return a.server }

// Server exposes the server (tests walk its routes).
func (a *App) Server() *server.Server { return a.server }

// Engine names the database engine.
func (a *App) Engine() store.Dialect { return a.DB.Engine }

// Close stops the background jobs and releases the database.
func (a *App) Close() error {
	for _, stop := range a.stops {
		stop()
	}
	a.stopExtras()
	return a.DB.Close()
}

// LoadDemo loads the demo network into an empty database and reports
// whether it did.
func (a *App) LoadDemo(ctx context.Context) (bool, error) {
	empty, err := store.IsEmpty(ctx, a.DB)
	if err != nil || !empty {
		return false, err
	}
	now := a.Network.Now()
	net := demo.Build(models.DateOf(now))
	err = a.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := net.Load(ctx, tx); err != nil {
			return err
		}
		return a.Audit.Write(auth.WithPrincipal(ctx, auth.System), tx, "demo_load", "network", "", nil)
	})
	if err != nil {
		return false, err
	}
	a.Network.GraphChanged()
	return true, nil
}
