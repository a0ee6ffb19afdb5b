package portfolio

import (
	"context"
	"errors"
	"fmt"
	"slices"
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

// dashboardInputs is everything the dashboard reads: the attribution
// report (cached by the network service) and the dashboard's own data.
type dashboardInputs struct {
	rep *attribution.Report
	*dashboardData
}

// dashboardData is what the dashboard reads from the database: SQL
// aggregates and the live circuits' and assets' contract columns. None of
// it depends on the day, so it is kept for a generation (the writes that
// invalidate the dashboard invalidate it too) and a new day only redoes the
// arithmetic. It is read-only once loaded: every dashboard of the
// generation shares it.
type dashboardData struct {
	generation int64
	counts     store.PortfolioCounts
	spend      []store.CarrierSpend
	services   []store.KeyCount
	states     []store.KeyCount
	circuits   []*models.Circuit
	assets     []*models.InfrastructureAsset
	// index is the position of each circuit in circuits, by ID.
	index map[string]int
	// book is the circuits' and assets' contract arithmetic prepared once.
	book *analytics.Book
	// ranked is what the attribution report rep gives the dashboard.
	ranked *rankedData
}

// rankedData is the day-independent part of the dashboard that needs the
// attribution report: the margin histogram and the two rankings.
type rankedData struct {
	rep          *attribution.Report
	histogram    []analytics.BucketCount
	topExpensive []*models.Circuit
	lowestMargin []*models.Circuit
}

// rank computes the rankedData of circuits with rep.
func rank(circuits []*models.Circuit, rep *attribution.Report) *rankedData {
	margins := make([]analytics.CircuitMargin, 0, len(circuits))
	for _, c := range circuits {
		if !models.CircuitBills(c.Status) {
			continue
		}
		row := analytics.CircuitMargin{Circuit: c}
		if pl, ok := rep.Item(c.ID); ok {
			row.Revenue, row.Margin = pl.AttributedRevenue, pl.Margin
		}
		margins = append(margins, row)
	}
	r := &rankedData{rep: rep, histogram: analytics.MarginHistogram(margins),
		topExpensive: analytics.TopExpensive(circuits, analytics.TopN)}
	for _, m := range analytics.LowestMargin(margins, analytics.TopN) {
		r.lowestMargin = append(r.lowestMargin, m.Circuit)
	}
	return r
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
// renewal, ranking, ETF and forecast arithmetic. What does not depend on
// the day (the data, the margin histogram and rankings, the flat prices and
// fixed fees of analytics.Book) is kept for the generation, so a new day
// only redoes the dated arithmetic; each circuit's renewal status is then
// worked out once for the pipeline, the window count and the at-risk list.
// Carrier names are left to withNames. The caller holds s.mu.
func (s *Service) computeDashboard(ctx context.Context, today models.Date) (*Dashboard, error) {
	in, err := s.loadDashboard(ctx)
	if err != nil {
		return nil, err
	}
	if in.ranked == nil || in.ranked.rep != in.rep {
		in.ranked = rank(in.circuits, in.rep)
	}
	renewals := in.book.Renewals(today, s.policy)
	d := &Dashboard{AsOf: today, RenewalWindowDays: s.WindowDays()}
	tot := in.rep.Totals
	d.KPIs = KPIs{
		TotalCircuits: in.counts.TotalCircuits, ActiveCircuits: in.counts.ActiveCircuits,
		InfrastructureCount: in.counts.InfrastructureCount,
		CircuitMRC:          in.counts.CircuitMRC, TotalMRC: tot.TotalCost,
		FacilityMRC: tot.TotalCost - in.counts.CircuitMRC,
		ModeledMRR:  tot.TotalRevenue, ModeledMargin: tot.TotalRevenue - tot.TotalCost,
		RenewalWindowCount: renewals.WindowCount,
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
	d.RenewalPipeline = renewals.Pipeline

	d.MarginHistogram = in.ranked.histogram

	d.AtRiskCircuits = make([]CircuitSummary, len(renewals.AtRisk))
	for i, r := range renewals.AtRisk {
		d.AtRiskCircuits[i] = s.summaryOf(r.Circuit, r.Renewal, today, in.rep, nil)
	}
	d.TopExpensive = []CircuitSummary{}
	for _, c := range in.ranked.topExpensive {
		d.TopExpensive = append(d.TopExpensive, s.summarize(c, today, in.rep, nil))
	}
	d.LowestMargin = []CircuitSummary{}
	for _, c := range in.ranked.lowestMargin {
		d.LowestMargin = append(d.LowestMargin, s.summarize(c, today, in.rep, nil))
	}
	d.CostForecast = in.book.Forecast(today)
	d.ETFExposure = in.book.ETFExposure(today)
	return d, nil
}

// loadDashboard gets the attribution report and the dashboard data of
// generation gen: the data kept from an earlier dashboard of the same
// generation, else read afresh, its queries run concurrently (each is one
// query, and none depends on another). The caller holds s.mu.
func (s *Service) loadDashboard(ctx context.Context) (*dashboardInputs, error) {
	dataGen := s.dataGeneration.Load()
	ids := s.takeChangedIDs()
	done := false
	defer func() {
		if !done && len(ids) > 0 {
			s.circuitsChanged(ids...) // not read after all: keep them for next time
		}
	}()
	if data := s.data; data != nil && data.generation == dataGen && len(ids) <= maxPatchedCircuits {
		rep, err := s.network.Attribution(ctx)
		if err != nil {
			return nil, fmt.Errorf("dashboard: %w", err)
		}
		patched, ok := data, true
		if len(ids) > 0 {
			if patched, ok, err = s.patchCircuits(ctx, data, ids); err != nil {
				return nil, fmt.Errorf("dashboard: %w", err)
			}
		}
		if ok {
			s.data = patched
			done = true
			return &dashboardInputs{rep: rep, dashboardData: patched}, nil
		}
	}
	db := s.network.DB()
	in := &dashboardInputs{dashboardData: &dashboardData{generation: dataGen}}
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
		func(ctx context.Context) (err error) { in.assets, err = store.ActiveAssetPrices(ctx, db); return },
	)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	in.book = analytics.NewBook(in.circuits, in.assets)
	in.index = make(map[string]int, len(in.circuits))
	for i, c := range in.circuits {
		in.index[c.ID] = i
	}
	s.data = in.dashboardData
	done = true
	return in, nil
}

// maxPatchedCircuits is how many changed circuits patchCircuits re-reads
// one by one (in one query); more and the data is read afresh.
const maxPatchedCircuits = 1000

// patchCircuits is data with circuits ids re-read: a copy whose circuit
// list and book have those circuits replaced, data itself left as it was.
// It reports false, for the caller to read everything afresh, when one of
// them is new to the data or no longer live (neither is expected: creating
// and deleting are network writes).
func (s *Service) patchCircuits(ctx context.Context, data *dashboardData, ids []string) (*dashboardData, bool, error) {
	fresh, err := store.LiveCircuitContracts(ctx, s.network.DB(), store.ContractFilter{IDs: ids})
	if err != nil {
		return nil, false, err
	}
	if len(fresh) != len(ids) {
		return nil, false, nil
	}
	out := *data
	out.circuits = slices.Clone(data.circuits)
	// The rankings only read ID, label, status and MRC: while no patched
	// circuit changed one of those they stand, pointing at the new rows.
	sameRanks := true
	latest := make(map[string]*models.Circuit, len(fresh))
	olds := make([]*models.Circuit, len(fresh))
	for k, c := range fresh {
		i, ok := data.index[c.ID]
		if !ok {
			return nil, false, nil
		}
		old := out.circuits[i]
		if c.Label != old.Label || c.Status != old.Status || c.MRC != old.MRC {
			sameRanks = false
		}
		out.circuits[i], olds[k] = c, old
		latest[c.ID] = c
	}
	out.book = data.book.Replace(olds, fresh)
	out.ranked = nil
	if r := data.ranked; r != nil && sameRanks {
		renewed := func(cs []*models.Circuit) []*models.Circuit {
			out := make([]*models.Circuit, len(cs))
			for i, c := range cs {
				if n := latest[c.ID]; n != nil {
					c = n
				}
				out[i] = c
			}
			return out
		}
		out.ranked = &rankedData{rep: r.rep, histogram: r.histogram,
			topExpensive: renewed(r.topExpensive), lowestMargin: renewed(r.lowestMargin)}
	}
	return &out, true, nil
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
