// Package portfolio is the executive and finance view of the network: the
// dashboard summary, the renewal pipeline with its actions and date-driven
// sweep, ETF exposure and the escalated cost forecast. It loads what it
// needs through the store (grouped SQL aggregates, one narrow read of the
// live circuits' contract columns) and the cached attribution report, and
// leaves the contract arithmetic to package analytics.
package portfolio

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/store"
)

// Service is the portfolio analytics service.
type Service struct {
	network *network.Service
	policy  analytics.RenewalPolicy
	now     func() time.Time
	// generation counts the writes that can move a dashboard figure (every
	// network change, every renewal write); cache holds the last dashboard
	// computed, for one generation and one day; data what it read from the
	// database, for one generation (guarded by mu).
	generation atomic.Int64
	mu         sync.Mutex
	cache      atomic.Pointer[cachedDashboard]
	data       *dashboardData
	// dataGeneration counts the writes that need data re-read in full
	// (every network change); a renewal write only re-reads the circuits
	// it changed, which it records in changedIDs (guarded by idsMu).
	dataGeneration atomic.Int64
	idsMu          sync.Mutex
	changedIDs     map[string]struct{}
}

type cachedDashboard struct {
	generation int64
	day        models.Date
	dashboard  *Dashboard
}

// New builds the service over the network service (its database, audit log,
// attribution cache and change notifications), the renewal policy
// (NETOS_RENEWAL_WINDOW_DAYS) and a clock (time.Now when nil).
func New(net *network.Service, policy analytics.RenewalPolicy, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	s := &Service{network: net, policy: policy, now: now}
	net.OnChange(s.invalidate)
	return s
}

// invalidate drops the cached dashboard and its data.
func (s *Service) invalidate() {
	s.dataGeneration.Add(1)
	s.generation.Add(1)
}

// circuitsChanged drops the cached dashboard after a write that changed
// only the renewal columns (state, term, term months) of circuits ids: the
// next dashboard re-reads those circuits alone, the SQL aggregates being
// unaffected. A write that changes anything else calls invalidate.
func (s *Service) circuitsChanged(ids ...string) {
	s.idsMu.Lock()
	if s.changedIDs == nil {
		s.changedIDs = map[string]struct{}{}
	}
	for _, id := range ids {
		s.changedIDs[id] = struct{}{}
	}
	s.idsMu.Unlock()
	s.generation.Add(1)
}

// takeChangedIDs returns and forgets the circuits changed since the last
// call.
func (s *Service) takeChangedIDs() []string {
	s.idsMu.Lock()
	defer s.idsMu.Unlock()
	ids := make([]string, 0, len(s.changedIDs))
	for id := range s.changedIDs {
		ids = append(ids, id)
	}
	s.changedIDs = nil
	return ids
}

// Today is the service's calendar day (UTC).
func (s *Service) Today() models.Date { return models.DateOf(s.now().UTC()) }

// Policy is the renewal policy in force.
func (s *Service) Policy() analytics.RenewalPolicy { return s.policy }

// WindowDays is the renewal window in days (the policy's, defaulted).
func (s *Service) WindowDays() int {
	if s.policy.WindowDays <= 0 {
		return analytics.DefaultRenewalWindowDays
	}
	return s.policy.WindowDays
}

// CircuitSummary is one circuit in a dashboard list, the renewals list or a
// renewal action's answer: who, what it costs and earns, and where its
// contract stands today.
type CircuitSummary struct {
	ID          string `json:"id"`
	Label       string `json:"xiber_circuit_label"`
	CarrierID   string `json:"carrier_id"`
	Carrier     string `json:"carrier_name"`
	ServiceType string `json:"service_type"`
	Status      string `json:"status"`
	// MRC is the stored base price; ProjectedMRC the price the escalator
	// has reached today.
	MRC          models.Money `json:"mrc_usd"`
	ProjectedMRC models.Money `json:"projected_mrc_usd"`
	// AttributedRevenue, Margin and MarginPct come from the attribution
	// model (MarginPct nil without attributed revenue).
	AttributedRevenue models.Money    `json:"attributed_revenue_usd"`
	Margin            models.Money    `json:"margin_usd"`
	MarginPct         *models.Decimal `json:"margin_pct"`
	// TermEnd is the stored contract_term_end_date; EffectiveTermEnd the end
	// of the term in force (later for an auto contract that has rolled).
	TermEnd          *models.Date `json:"contract_term_end_date"`
	EffectiveTermEnd *models.Date `json:"effective_term_end_date"`
	RenewalType      string       `json:"renewal_type"`
	// RenewalState is the computed state ("" without a term end).
	RenewalState   string       `json:"renewal_state"`
	Deadline       *models.Date `json:"notice_deadline"`
	DaysToDeadline *int         `json:"days_to_deadline"`
	DaysToTermEnd  *int         `json:"days_to_term_end"`
	// ETF is what terminating today would cost (analytics.ETF).
	ETF models.Money `json:"etf_usd"`
}

// summarize describes c on today; rep may be nil (margins then zero) and
// names maps carrier IDs to names.
func (s *Service) summarize(c *models.Circuit, today models.Date, rep *attribution.Report, names map[string]string) CircuitSummary {
	info := analytics.RenewalStatus(c, today, s.policy)
	return s.summaryOf(c, info, today, rep, names)
}

func (s *Service) summaryOf(c *models.Circuit, info analytics.RenewalInfo, today models.Date, rep *attribution.Report, names map[string]string) CircuitSummary {
	sum := CircuitSummary{
		ID: c.ID, Label: c.Label, CarrierID: c.CarrierID, Carrier: names[c.CarrierID],
		ServiceType: c.ServiceType, Status: c.Status, MRC: c.MRC,
		ProjectedMRC: analytics.CircuitMRCOn(c, today),
		TermEnd:      c.TermEnd, EffectiveTermEnd: info.TermEnd, RenewalType: c.RenewalType,
		RenewalState: info.State, Deadline: info.Deadline,
		DaysToDeadline: info.DaysToDeadline, DaysToTermEnd: info.DaysToTermEnd,
		ETF: analytics.ETF(c, today),
	}
	if rep != nil {
		if pl, ok := rep.Item(c.ID); ok {
			sum.AttributedRevenue, sum.Margin, sum.MarginPct = pl.AttributedRevenue, pl.Margin, pl.MarginPct
		}
	}
	return sum
}

// contracts reads the contract columns of live circuits and the carrier
// names.
func (s *Service) contracts(ctx context.Context, f store.ContractFilter) ([]*models.Circuit, map[string]string, error) {
	db := s.network.DB()
	circuits, err := store.LiveCircuitContracts(ctx, db, f)
	if err != nil {
		return nil, nil, err
	}
	names, err := store.ProviderNames(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	return circuits, names, nil
}

// CircuitProjectedMRC is projected_mrc_usd of a live circuit on a day: its
// MRC compounded by escalator_pct at each anniversary of the term start.
func (s *Service) CircuitProjectedMRC(ctx context.Context, id string, on models.Date) (models.Money, error) {
	c, err := s.network.Circuit(ctx, id)
	if err != nil {
		return 0, err
	}
	return analytics.CircuitMRCOn(c, on), nil
}

// AssetProjectedMRC is projected_mrc_usd of a live infrastructure asset on a
// day, compounding price_escalator_pct.
func (s *Service) AssetProjectedMRC(ctx context.Context, id string, on models.Date) (models.Money, error) {
	a, err := s.network.InfrastructureAsset(ctx, id)
	if err != nil {
		return 0, err
	}
	return analytics.AssetMRCOn(a, on), nil
}
