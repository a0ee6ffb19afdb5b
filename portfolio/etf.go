package portfolio

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// ETFFilter narrows the ETF exposure.
type ETFFilter struct {
	// Carrier keeps one carrier's circuits: its ID or its name
	// (case-insensitive). An unknown carrier has no exposure.
	Carrier string
}

// ETFExposure is GET /api/v1/etf-exposure: what terminating every live,
// not decommissioned or cancelled circuit today would cost.
type ETFExposure struct {
	AsOf      models.Date  `json:"as_of"`
	Total     models.Money `json:"total_usd"`
	ByCarrier []CarrierETF `json:"by_carrier"`
}

// CarrierETF is one carrier's exposure: the circuits that owe a fee, the
// largest first.
type CarrierETF struct {
	CarrierID    string       `json:"carrier_id"`
	Carrier      string       `json:"carrier"`
	Total        models.Money `json:"total_usd"`
	CircuitCount int          `json:"circuit_count"`
	Circuits     []CircuitETF `json:"circuits"`
}

// CircuitETF is one circuit's early-termination fee and how it was reached.
type CircuitETF struct {
	ID     string       `json:"id"`
	Label  string       `json:"xiber_circuit_label"`
	Status string       `json:"status"`
	MRC    models.Money `json:"mrc_usd"`
	ETF    models.Money `json:"etf_usd"`
	// Basis is "fixed" (etf_usd set) or "pct" (etf_pct × MRC × months left).
	Basis  string          `json:"basis"`
	ETFPct *models.Decimal `json:"etf_pct"`
	// MonthsLeft counts the term's remaining months, a started one whole
	// (for the pct basis).
	MonthsLeft       int          `json:"months_left"`
	EffectiveTermEnd *models.Date `json:"effective_term_end_date"`
	RenewalState     string       `json:"renewal_state"`
}

// ETFExposure computes the exposure on today, by carrier (largest total
// first, then by name), listing the circuits whose fee is above zero.
func (s *Service) ETFExposure(ctx context.Context, f ETFFilter) (*ETFExposure, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	out := &ETFExposure{AsOf: s.Today(), ByCarrier: []CarrierETF{}}
	cf := store.ContractFilter{}
	if c := strings.TrimSpace(f.Carrier); c != "" {
		id, err := s.carrierID(ctx, c)
		if errors.Is(err, models.ErrNotFound) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		cf.CarrierID = id
	}
	circuits, names, err := s.contracts(ctx, cf)
	if err != nil {
		return nil, err
	}
	today := out.AsOf
	byCarrier := map[string]*CarrierETF{}
	for _, c := range circuits {
		fee := analytics.ETF(c, today)
		if fee <= 0 {
			continue
		}
		info := analytics.RenewalStatus(c, today, s.policy)
		row := CircuitETF{ID: c.ID, Label: c.Label, Status: c.Status, MRC: c.MRC, ETF: fee, Basis: "fixed",
			ETFPct: c.ETFPct, EffectiveTermEnd: info.TermEnd, RenewalState: info.State}
		if c.ETF == nil {
			row.Basis = "pct"
			if info.TermEnd != nil {
				row.MonthsLeft = analytics.MonthsLeft(today, *info.TermEnd)
			}
		}
		ce := byCarrier[c.CarrierID]
		if ce == nil {
			ce = &CarrierETF{CarrierID: c.CarrierID, Carrier: names[c.CarrierID]}
			byCarrier[c.CarrierID] = ce
		}
		ce.Circuits = append(ce.Circuits, row)
		ce.Total += fee
		ce.CircuitCount++
		out.Total += fee
	}
	for _, ce := range byCarrier {
		slices.SortFunc(ce.Circuits, func(a, b CircuitETF) int {
			return cmp.Or(cmp.Compare(b.ETF, a.ETF), strings.Compare(a.Label, b.Label), strings.Compare(a.ID, b.ID))
		})
		out.ByCarrier = append(out.ByCarrier, *ce)
	}
	slices.SortFunc(out.ByCarrier, func(a, b CarrierETF) int {
		return cmp.Or(cmp.Compare(b.Total, a.Total), strings.Compare(a.Carrier, b.Carrier), strings.Compare(a.CarrierID, b.CarrierID))
	})
	return out, nil
}

// carrierID resolves a carrier given by ID or by name; ErrNotFound when no
// provider has it.
func (s *Service) carrierID(ctx context.Context, carrier string) (string, error) {
	if _, err := uuid.Parse(carrier); err == nil && len(carrier) == 36 {
		return strings.ToLower(carrier), nil
	}
	p, err := store.ProviderByName(ctx, s.network.DB(), carrier)
	if err != nil {
		return "", err
	}
	return p.ID, nil
}
