package app

import (
	"context"
	"time"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/portfolio"
)

// SweepInterval is how often the renewal sweep runs after the one at start.
const SweepInterval = 24 * time.Hour

// startPortfolio builds the portfolio service, brings every stored renewal
// state up to date (synchronously, so the first request sees current
// states), and starts the daily sweep.
func (a *App) startPortfolio(ctx context.Context, cfg Config, now func() time.Time) *portfolio.Service {
	a.Portfolio = portfolio.New(a.Network, analytics.RenewalPolicy{WindowDays: cfg.RenewalWindowDays}, now)
	a.Portfolio.SweepAndLog(ctx)
	a.every(SweepInterval, a.Portfolio.SweepAndLog)
	return a.Portfolio
}
