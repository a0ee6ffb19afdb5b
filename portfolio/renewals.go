package portfolio

import (
	"context"
	"fmt"
	"slices"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// EventRenewalStateChanged is the lifecycle event of a renewal state change.
const EventRenewalStateChanged = "renewal_state_changed"

// AuditActionRenewal is the audit action of renewal actions and of the
// date-driven sweep (the sweep's entries are by the system user).
const AuditActionRenewal = "renewal"

// MaxWithinDays bounds RenewalFilter.WithinDays (ten years).
const MaxWithinDays = 3650

// RenewalFilter narrows the renewals list.
type RenewalFilter struct {
	// State keeps circuits in this renewal state (one of
	// models.RenewalStates).
	State string
	// WithinDays, when set, keeps circuits whose effective term ends between
	// today and today + WithinDays (0 to MaxWithinDays).
	WithinDays *int
	// Limit and Offset page the list; Limit 0 means all.
	Limit, Offset int
}

// Renewals lists live circuits that have a renewal state (a term end),
// nearest notice deadline first (then label and ID), with the full count
// before paging. Bad filter values are ErrInvalid naming state or
// within_days.
func (s *Service) Renewals(ctx context.Context, f RenewalFilter) ([]CircuitSummary, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	var probs models.Problems
	if f.State != "" && !slices.Contains(models.RenewalStates, f.State) {
		probs.Add("state", "enum", "must be one of %v", models.RenewalStates)
	}
	if f.WithinDays != nil && (*f.WithinDays < 0 || *f.WithinDays > MaxWithinDays) {
		probs.Add("within_days", "value_error", "must be a whole number from 0 to %d", MaxWithinDays)
	}
	if err := probs.Err(); err != nil {
		return nil, 0, err
	}
	circuits, names, err := s.contracts(ctx, store.ContractFilter{WithTermEnd: true})
	if err != nil {
		return nil, 0, err
	}
	rep, err := s.network.Attribution(ctx)
	if err != nil {
		return nil, 0, err
	}
	today := s.Today()
	var rows []analytics.AtRiskCircuit
	for _, c := range circuits {
		info := analytics.RenewalStatus(c, today, s.policy)
		if info.State == "" || (f.State != "" && info.State != f.State) {
			continue
		}
		if f.WithinDays != nil && (info.DaysToTermEnd == nil || *info.DaysToTermEnd < 0 || *info.DaysToTermEnd > *f.WithinDays) {
			continue
		}
		rows = append(rows, analytics.AtRiskCircuit{Circuit: c, Renewal: info})
	}
	analytics.SortAtRisk(rows)
	total := len(rows)
	rows = rows[min(f.Offset, total):]
	if f.Limit > 0 {
		rows = rows[:min(f.Limit, len(rows))]
	}
	out := make([]CircuitSummary, len(rows))
	for i, r := range rows {
		out[i] = s.summaryOf(r.Circuit, r.Renewal, today, rep, names)
	}
	return out, total, nil
}

// RenewalActionResult is what a renewal action did.
type RenewalActionResult struct {
	Action string `json:"action"`
	// From and To are the effective renewal states before and after.
	From string `json:"from_state"`
	To   string `json:"to_state"`
	// Changed lists the fields written, {field: {before, after}}; empty
	// when the action repeated the current state and nothing was recorded.
	Changed models.Changes `json:"changed_fields"`
	// Circuit is the circuit after the action.
	Circuit CircuitSummary `json:"circuit"`
}

// RenewalAction applies a renewal action (analytics.RenewalAction) to a live
// circuit in one transaction: the circuit's new state and term (version
// bumped), a renewal_state_changed lifecycle event and a "renewal" audit
// entry. It needs a write role (ErrForbidden), a live circuit (ErrNotFound)
// and a valid action (ErrInvalid); ErrStale when ifVersion is given and
// behind.
func (s *Service) RenewalAction(ctx context.Context, circuitID, action string, in analytics.RenewalActionInput, ifVersion *int64) (*RenewalActionResult, error) {
	p, err := auth.RequireWrite(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	var c *models.Circuit
	var ch analytics.RenewalChange
	err = s.network.InTx(ctx, func(tx bun.Tx) error {
		if c, err = store.Get[models.Circuit](ctx, tx, circuitID); err != nil {
			return err
		}
		if ifVersion != nil && *ifVersion != c.Version {
			return fmt.Errorf("circuit %s is at version %d, not %d: %w", circuitID, c.Version, *ifVersion, models.ErrStale)
		}
		if ch, err = analytics.RenewalAction(c, action, in, today, s.policy); err != nil {
			return err
		}
		if len(ch.Changed) == 0 {
			return nil
		}
		ch.Apply(c)
		c.Version++
		c.UpdatedAt = s.now().UTC()
		if err := store.Update(ctx, tx, c); err != nil {
			return err
		}
		if err := s.addEvent(ctx, tx, p, c.ID, today, ch.From, ch.State, "renewal action: "+action); err != nil {
			return err
		}
		return s.network.Audit().Write(ctx, tx, AuditActionRenewal, "circuit", c.ID, ch.Changed)
	})
	if err != nil {
		return nil, err
	}
	if ch.MRC != nil {
		// A renewal at a new price moves attribution figures (and the
		// dashboard's data, through the network's change notification).
		s.network.GraphChanged()
	} else if len(ch.Changed) > 0 {
		s.circuitsChanged(c.ID)
	}
	rep, err := s.network.Attribution(ctx)
	if err != nil {
		return nil, err
	}
	names, err := store.ProviderNames(ctx, s.network.DB())
	if err != nil {
		return nil, err
	}
	changed := ch.Changed
	if changed == nil {
		changed = models.Changes{}
	}
	return &RenewalActionResult{Action: action, From: ch.From, To: ch.State, Changed: changed,
		Circuit: s.summaryOf(c, ch.Status, today, rep, names)}, nil
}

func (s *Service) addEvent(ctx context.Context, tx bun.IDB, p auth.Principal, circuitID string, on models.Date, from, to, notes string) error {
	return store.Insert(ctx, tx, &models.CircuitEvent{
		ID: models.NewID(), CircuitID: circuitID, EventType: EventRenewalStateChanged, EventDate: on,
		FromValue: from, ToValue: to, Notes: notes, CreatedBy: p.User, CreatedAt: s.now().UTC(),
	})
}
