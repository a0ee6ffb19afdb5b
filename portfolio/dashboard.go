package portfolio

import (
	"context"
	"errors"
	"fmt"

	"sync"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Dashboard is GET /api/v1/dashboard/summary and the GraphQL dashboard.
type Dashboard struct {
	// AsOf is the day the figures are computed for.
	AsOf models.Date `json:"as_of"`
	// RenewalWindowDays is the window renewal_window_count uses.
	RenewalWindowDays int                     `json:"renewal_window_days"`
	KPIs              KPIs                    `json:"kpis"`
	SpendByCarrier    []CarrierSpend          `json:"spend_by_carrier"`
	ServiceMix        []ServiceTypeCount      `json:"service_mix"`
	StateMix          []StateCount            `json:"state_mix"`
	RenewalPipeline   []analytics.StateCount  `json:"renewal_pipeline"`
	MarginHistogram   []analytics.BucketCount `json:"margin_histogram"`
	AtRiskCircuits    []CircuitSummary        `json:"at_risk_circuits"`
	TopExpensive      []CircuitSummary        `json:"top_expensive"`
	LowestMargin      []CircuitSummary        `json:"lowest_margin"`
	// CostForecast is the 12-month escalated cost forecast
	// (analytics.Forecast), from the first of next month.
	CostForecast []analytics.ForecastPoint `json:"cost_forecast"`
	// ETFExposure is the portfolio's total early-termination exposure.
	ETFExposure models.Money `json:"etf_exposure_usd"`
}

// KPIs are the dashboard's headline figures; see docs/analytics.md.
type KPIs struct {
	// TotalCircuits counts live circuits; ActiveCircuits those active.
	TotalCircuits  int `json:"total_circuits"`
	ActiveCircuits int `json:"active_circuits"`
	// InfrastructureCount counts live infrastructure assets.
	InfrastructureCount int `json:"infrastructure_count"`
	// CircuitMRC is Σ MRC of live billing circuits.
	CircuitMRC models.Money `json:"circuit_mrc"`
	// FacilityMRC is TotalMRC − CircuitMRC: assets, electrical, RF.
	FacilityMRC models.Money `json:"facility_mrc"`
	// TotalMRC is the attribution model's total monthly cost.
	TotalMRC models.Money `json:"total_mrc"`
	// ModeledMRR is the attribution model's total revenue.
	ModeledMRR models.Money `json:"modeled_mrr"`
	// ModeledMargin is ModeledMRR − TotalMRC.
	ModeledMargin models.Money `json:"modeled_margin"`
	// RenewalWindowCount counts live circuits whose (effective) term ends
	// between today and today + the renewal window.
	RenewalWindowCount int `json:"renewal_window_count"`
}

// CarrierSpend is one row of spend_by_carrier.
type CarrierSpend struct {
	CarrierID    string       `json:"carrier_id"`
	Carrier      string       `json:"carrier"`
	MRC          models.Money `json:"mrc"`
	CircuitCount int          `json:"circuit_count"`
}

// ServiceTypeCount is one row of service_mix.
type ServiceTypeCount struct {
	ServiceType string `json:"service_type"`
	Count       int    `json:"count"`
}

// StateCount is one row of state_mix: a US state (or "unknown").
type StateCount struct {
	State string `json:"state"`
	Count int    `json:"count"`
}

// dashboardInputs is everything the dashboard reads, loaded concurrently.
type dashboardInputs struct {
	rep      *attribution.Report
	counts   store.PortfolioCounts
	spend    []store.CarrierSpend
	services []store.KeyCount
	states   []store.KeyCount
	circuits []*models.Circuit
	names    map[string]string
	assets   []*models.InfrastructureAsset
}

// Dashboard is the dashboard summary of live data. Like the attribution
// report it is computed once per change: every network write and renewal
// write invalidates it, and so does a new day. Carrier names are read
// afresh on every call (renaming a provider is not a network change).
func (s *Service) Dashboard(ctx context.Context) (*Dashboard, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	d, err := s.cachedDashboard(ctx)
	if err != nil {
		return nil, err
	}
	names, err := store.ProviderNames(ctx, s.network.DB())
	if err != nil {
		return nil, err
	}
	return d.withNames(names), nil
}

// cachedDashboard returns the dashboard of the current generation and day,
// computing it when there is none; concurrent callers wait for one build.
func (s *Service) cachedDashboard(ctx context.Context) (*Dashboard, error) {
	today := s.Today()
	fresh := func() *Dashboard {
		c := s.cache.Load()
		if c != nil && c.generation == s.generation.Load() && c.day == today {
			return c.dashboard
		}
		return nil
	}
	if d := fresh(); d != nil {
		return d, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := fresh(); d != nil {
		return d, nil
	}
	gen := s.generation.Load()
	d, err := s.computeDashboard(ctx, today)
	if err != nil {
		return nil, err
	}
	s.cache.Store(&cachedDashboard{generation: gen, day: today, dashboard: d})
	return d, nil
}

// withNames is a copy of d with the carrier names of names; d itself is
// shared by every reader and never changed.
func (d *Dashboard) withNames(names map[string]string) *Dashboard {
	out := *d
	out.SpendByCarrier = make([]CarrierSpend, len(d.SpendByCarrier))
	for i, r := range d.SpendByCarrier {
		r.Carrier = names[r.CarrierID]
		out.SpendByCarrier[i] = r
	}
	named := func(rows []CircuitSummary) []CircuitSummary {
		cp := make([]CircuitSummary, len(rows))
		for i, r := range rows {
			r.Carrier = names[r.CarrierID]
			cp[i] = r
		}
		return cp
	}
	out.AtRiskCircuits, out.TopExpensive, out.LowestMargin = named(d.AtRiskCircuits), named(d.TopExpensive), named(d.LowestMargin)
	return &out
}

// computeDashboard computes the dashboard from live data: SQL aggregates
// for counts, spend and mixes; the cached attribution report for total
// cost, revenue and margins; the live circuits' contract columns for the
// renewal, ranking, ETF and forecast arithmetic.
func (s *Service) computeDashboard(ctx context.Context, today models.Date) (*Dashboard, error) {
	in, err := s.loadDashboard(ctx)
	if err != nil {
		return nil, err
	}
	d := &Dashboard{AsOf: today, RenewalWindowDays: s.WindowDays()}
	tot := in.rep.Totals
	d.KPIs = KPIs{
		TotalCircuits: in.counts.TotalCircuits, ActiveCircuits: in.counts.ActiveCircuits,
		InfrastructureCount: in.counts.InfrastructureCount,
		CircuitMRC:          in.counts.CircuitMRC, TotalMRC: tot.TotalCost,
		FacilityMRC: tot.TotalCost - in.counts.CircuitMRC,
		ModeledMRR:  tot.TotalRevenue, ModeledMargin: tot.TotalRevenue - tot.TotalCost,
		RenewalWindowCount: analytics.RenewalWindowCount(in.circuits, today, s.policy),
	}
	d.SpendByCarrier = make([]CarrierSpend, len(in.spend))
	for i, r := range in.spend {
		d.SpendByCarrier[i] = CarrierSpend(r)
	}
	d.ServiceMix = make([]ServiceTypeCount, len(in.services))
	for i, r := range in.services {
		d.ServiceMix[i] = ServiceTypeCount{ServiceType: r.Key, Count: r.Count}
	}
	d.StateMix = make([]StateCount, len(in.states))
	for i, r := range in.states {
		d.StateMix[i] = StateCount{State: r.Key, Count: r.Count}
	}
	d.RenewalPipeline = analytics.RenewalPipeline(in.circuits, today, s.policy)

	margins := make([]analytics.CircuitMargin, 0, len(in.circuits))
	for _, c := range in.circuits {
		if !models.CircuitBills(c.Status) {
			continue
		}
		row := analytics.CircuitMargin{Circuit: c}
		if pl, ok := in.rep.Item(c.ID); ok {
			row.Revenue, row.Margin = pl.AttributedRevenue, pl.Margin
		}
		margins = append(margins, row)
	}
	d.MarginHistogram = analytics.MarginHistogram(margins)

	atRisk := analytics.AtRisk(in.circuits, today, s.policy)
	d.AtRiskCircuits = make([]CircuitSummary, len(atRisk))
	for i, r := range atRisk {
		d.AtRiskCircuits[i] = s.summaryOf(r.Circuit, r.Renewal, today, in.rep, in.names)
	}
	d.TopExpensive = []CircuitSummary{}
	for _, c := range analytics.TopExpensive(in.circuits, analytics.TopN) {
		d.TopExpensive = append(d.TopExpensive, s.summarize(c, today, in.rep, in.names))
	}
	d.LowestMargin = []CircuitSummary{}
	for _, r := range analytics.LowestMargin(margins, analytics.TopN) {
		d.LowestMargin = append(d.LowestMargin, s.summarize(r.Circuit, today, in.rep, in.names))
	}
	d.CostForecast = analytics.Forecast(in.circuits, in.assets, today)
	d.ETFExposure = analytics.ETFExposure(in.circuits, today)
	return d, nil
}

// loadDashboard runs the dashboard's reads concurrently: each is one query
// (or the cached report), and none depends on another.
func (s *Service) loadDashboard(ctx context.Context) (*dashboardInputs, error) {
	db := s.network.DB()
	in := &dashboardInputs{}
	err := concurrently(ctx,
		func(ctx context.Context) (err error) { in.rep, err = s.network.Attribution(ctx); return },
		func(ctx context.Context) (err error) { in.counts, err = store.LoadPortfolioCounts(ctx, db); return },
		func(ctx context.Context) (err error) { in.spend, err = store.SpendByCarrier(ctx, db); return },
		func(ctx context.Context) (err error) { in.services, err = store.CircuitServiceMix(ctx, db); return },
		func(ctx context.Context) (err error) { in.states, err = store.CircuitStateMix(ctx, db); return },
		func(ctx context.Context) (err error) {
			in.circuits, err = store.LiveCircuitContracts(ctx, db, store.ContractFilter{})
			return
		},
		func(ctx context.Context) (err error) { in.names, err = store.ProviderNames(ctx, db); return },
		func(ctx context.Context) (err error) { in.assets, err = store.ActiveAssetPrices(ctx, db); return },
	)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	return in, nil
}

// concurrently runs every f at once and returns the first error; the
// others are cancelled through ctx.
func concurrently(ctx context.Context, fs ...func(context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(fs))
	var wg sync.WaitGroup
	for i, f := range fs {
		wg.Go(func() {
			if errs[i] = f(ctx); errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	// Prefer the error that caused the cancellation to those it caused.
	var first error
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		if first == nil {
			first = err
		}
	}
	return first
}
