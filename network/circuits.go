package network

import (
	"context"
	"fmt"
	"strings"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// DefaultNoticeDays is the notice period of a contract that names none.
const DefaultNoticeDays = 60

func (s *Service) circuitKind() *kind[models.Circuit, *models.Circuit] {
	return &kind[models.Circuit, *models.Circuit]{
		entity: "circuit",
		schema: CircuitSchema,
		graph:  true,
		defaults: func(c *models.Circuit) {
			c.Status = models.StatusActive
			c.NoticeDays = DefaultNoticeDays
		},
		prepare: s.prepareCircuit,
		after:   s.recordStatusChange,
	}
}

func (s *Service) prepareCircuit(ctx context.Context, tx bun.IDB, c *models.Circuit, v Values, before *models.Circuit) error {
	if err := s.prepareCircuitFields(ctx, tx, c, v, before); err != nil {
		return err
	}
	return s.checkLabelFree(ctx, tx, c)
}

// prepareCircuitFields applies every circuit rule but the label's
// uniqueness, which a bulk writer that matched labels in batches has
// already settled (the partial unique index still guards it).
func (s *Service) prepareCircuitFields(ctx context.Context, tx bun.IDB, c *models.Circuit, v Values, before *models.Circuit) error {
	var p models.Problems
	c.Label = strings.TrimSpace(c.Label)
	if v.Has("carrier_name") {
		id, err := s.providerFor(ctx, tx, v.String("carrier_name"), "carrier")
		if err != nil {
			return err
		}
		c.CarrierID = *id
	}
	if models.IsSingleSite(c.ServiceType) {
		c.ClearZ()
	}
	if c.TermStart != nil && c.TermEnd != nil && c.TermEnd.Before(*c.TermStart) {
		p.Add("contract_term_end_date", "value_error", "must not be before contract_term_start_date")
	}
	for _, end := range []struct {
		name     string
		infra    *string
		customer *string
	}{{"a", c.AInfrastructureID, c.ACustomerID}, {"z", c.ZInfrastructureID, c.ZCustomerID}} {
		if end.infra != nil && end.customer != nil {
			p.Add(end.name+"_customer_id", "value_error", "an endpoint lands on an infrastructure asset or a customer site, not both")
		}
	}
	if err := p.Err(); err != nil {
		return err
	}
	return s.snapshotEndpoints(ctx, tx, c, before)
}

// snapshotEndpoints fills an endpoint's name, address, state and
// coordinates from the site it newly links to, where the client gave none.
func (s *Service) snapshotEndpoints(ctx context.Context, tx bun.IDB, c *models.Circuit, before *models.Circuit) error {
	ends := []struct {
		field             string
		infra, customer   *string
		prevI, prevC      *string
		name, addr, state *string
		lat, lng          **float64
	}{
		{"a", c.AInfrastructureID, c.ACustomerID, nil, nil, &c.AName, &c.AAddress, &c.AState, &c.ALat, &c.ALng},
		{"z", c.ZInfrastructureID, c.ZCustomerID, nil, nil, &c.ZName, &c.ZAddress, &c.ZState, &c.ZLat, &c.ZLng},
	}
	if before != nil {
		ends[0].prevI, ends[0].prevC = before.AInfrastructureID, before.ACustomerID
		ends[1].prevI, ends[1].prevC = before.ZInfrastructureID, before.ZCustomerID
	}
	for _, e := range ends {
		var site siteInfo
		var err error
		switch {
		case e.infra != nil:
			if same(e.infra, e.prevI) {
				continue
			}
			site, err = s.liveSite(ctx, tx, models.KindInfrastructure, *e.infra, e.field+"_infrastructure_id")
		case e.customer != nil:
			if same(e.customer, e.prevC) {
				continue
			}
			site, err = s.liveSite(ctx, tx, models.KindCustomer, *e.customer, e.field+"_customer_id")
		default:
			continue
		}
		if err != nil {
			return err
		}
		fill(e.name, site.name)
		fill(e.addr, site.address)
		fill(e.state, site.state)
		if *e.lat == nil && *e.lng == nil {
			*e.lat, *e.lng = site.lat, site.lng
		}
	}
	return nil
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func same(a, b *string) bool { return a != nil && b != nil && *a == *b }

func (s *Service) checkLabelFree(ctx context.Context, tx bun.IDB, c *models.Circuit) error {
	id, err := store.CircuitIDByLabel(ctx, tx, c.Label)
	if err != nil && !isNotFound(err) {
		return err
	}
	if err == nil && id != c.ID {
		return &models.ConflictError{Message: fmt.Sprintf("xiber_circuit_label %q is already used by circuit %s", c.Label, id)}
	}
	return nil
}

// eventTypeFor names the lifecycle event of entering a status.
func eventTypeFor(status string) string {
	if status == models.StatusActive {
		return "activated"
	}
	return status
}

// recordStatusChange appends a lifecycle event whenever a circuit enters a
// status (including its first).
func (s *Service) recordStatusChange(ctx context.Context, tx bun.IDB, c *models.Circuit, before *models.Circuit) error {
	ev := s.statusEvent(ctx, c, before)
	if ev == nil {
		return nil
	}
	return store.Insert(ctx, tx, ev)
}

// statusEvent is the lifecycle event of c entering its status, from
// before's (nil for a new circuit); nil when the status did not change.
func (s *Service) statusEvent(ctx context.Context, c *models.Circuit, before *models.Circuit) *models.CircuitEvent {
	from := ""
	if before != nil {
		if before.Status == c.Status {
			return nil
		}
		from = before.Status
	}
	return s.newEvent(ctx, c.ID, eventTypeFor(c.Status), models.DateOf(s.Now()), from, c.Status, "")
}

func (s *Service) newEvent(ctx context.Context, circuitID, eventType string, on models.Date, from, to, notes string) *models.CircuitEvent {
	p, _ := auth.FromContext(ctx)
	return &models.CircuitEvent{
		ID: models.NewID(), CircuitID: circuitID, EventType: eventType, EventDate: on,
		FromValue: from, ToValue: to, Notes: notes, CreatedBy: p.User, CreatedAt: s.Now(),
	}
}

// CreateCircuit adds a circuit, creating its carrier when the name is new.
func (s *Service) CreateCircuit(ctx context.Context, v Values) (*models.Circuit, error) {
	return create(ctx, s, s.circuitKind(), v)
}

// UpdateCircuit changes a circuit; ErrStale when ifVersion is behind.
func (s *Service) UpdateCircuit(ctx context.Context, id string, v Values, ifVersion *int64) (*models.Circuit, error) {
	return update(ctx, s, s.circuitKind(), id, v, ifVersion)
}

// DeleteCircuit soft-deletes a circuit; it stops counting, and links that
// place it stop being live (or lose it as transport) with no cascade.
func (s *Service) DeleteCircuit(ctx context.Context, id string, ifVersion *int64) error {
	return remove(ctx, s, s.circuitKind(), id, ifVersion)
}

// BulkUpdateCircuits applies v to every listed circuit in one transaction.
func (s *Service) BulkUpdateCircuits(ctx context.Context, ids []string, v Values) (BulkResult, error) {
	return bulkUpdate(ctx, s, s.circuitKind(), ids, v)
}

// BulkDeleteCircuits soft-deletes every listed circuit in one transaction.
func (s *Service) BulkDeleteCircuits(ctx context.Context, ids []string) (BulkResult, error) {
	return bulkDelete(ctx, s, s.circuitKind(), ids)
}

// Circuit loads one live circuit.
func (s *Service) Circuit(ctx context.Context, id string) (*models.Circuit, error) {
	return get[models.Circuit](ctx, s, id)
}

// Circuits lists circuits.
func (s *Service) Circuits(ctx context.Context, f store.CircuitFilter) ([]models.Circuit, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListCircuits(ctx, s.db, f)
}

// CircuitEvents returns the lifecycle events of the given circuits, by
// circuit, each list ordered by date.
func (s *Service) CircuitEvents(ctx context.Context, circuitIDs []string) (map[string][]models.CircuitEvent, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	return store.EventsFor(ctx, s.db, circuitIDs)
}

// EventInput is a lifecycle event posted by hand.
type EventInput struct {
	EventType string
	EventDate *models.Date
	Notes     string
}

// AddCircuitEvent records a manual lifecycle event (a site survey, an
// outage, a carrier ticket…) on a live circuit.
func (s *Service) AddCircuitEvent(ctx context.Context, circuitID string, in EventInput) (*models.CircuitEvent, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	in.EventType = strings.TrimSpace(in.EventType)
	if in.EventType == "" {
		return nil, models.Invalid("event_type", "missing", "is required")
	}
	on := models.DateOf(s.Now())
	if in.EventDate != nil {
		on = *in.EventDate
	}
	var ev *models.CircuitEvent
	err := s.InTx(ctx, func(tx bun.Tx) error {
		if _, err := store.Get[models.Circuit](ctx, tx, circuitID); err != nil {
			return err
		}
		ev = s.newEvent(ctx, circuitID, in.EventType, on, "", "", in.Notes)
		if err := store.Insert(ctx, tx, ev); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, "add_event", "circuit", circuitID, models.Changes{
			"lifecycle_event": {After: map[string]any{"event_type": in.EventType, "event_date": on.String(), "notes": in.Notes}},
		})
	})
	return ev, err
}
