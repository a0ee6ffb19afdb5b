package network

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// ImportAction is the audit action of every circuit an import writes.
const ImportAction = "import_commit"

// UpsertCounts counts what an import did to circuits.
type UpsertCounts struct {
	// Inserted counts new circuits.
	Inserted int
	// Updated counts rows whose label matched a live circuit, changed or
	// not: Inserted+Updated is every row written.
	Updated int
	// Unchanged counts the updated rows that matched the circuit already;
	// they bump no version and write no audit entry.
	Unchanged int
}

// CircuitUpsert writes import rows into one caller-owned transaction,
// batch after batch, keeping the carriers it has resolved between batches.
// Every rule of CreateCircuit and UpdateCircuit applies (carrier
// find-or-create, label uniqueness, lifecycle events, audit).
type CircuitUpsert struct {
	s        *Service
	tx       bun.IDB
	action   string
	kind     *kind[models.Circuit, *models.Circuit]
	carriers map[string]string // lower-cased name → provider ID
	counts   UpsertCounts
	wrote    bool // the last update changed its circuit

	pending chan insertBatch // to the writer; nil until the first bulk insert
	written chan struct{}    // closed when the writer has stopped
	closed  bool
	mu      sync.Mutex
	err     error // the writer's first error
}

// NewCircuitUpsert starts upserting circuits inside tx, auditing each with
// action (ImportAction for imports). Call Close before the transaction
// ends and Finish after it commits.
func (s *Service) NewCircuitUpsert(tx bun.IDB, action string) *CircuitUpsert {
	u := &CircuitUpsert{s: s, tx: tx, action: action, carriers: map[string]string{}}
	k := s.circuitKind()
	// Labels are matched in batches of rows (and are unique among the
	// rows), so the per-row label check is settled already. The carrier is
	// resolved once per name for the whole import rather than once per
	// row; the rest of the circuit rules run as usual.
	prepare := s.prepareCircuitFields
	k.prepare = func(ctx context.Context, tx bun.IDB, c *models.Circuit, v Values, before *models.Circuit) error {
		if !v.Has("carrier_name") {
			return prepare(ctx, tx, c, v, before)
		}
		id, err := u.carrier(ctx, v.String("carrier_name"))
		if err != nil {
			return err
		}
		rest := make(Values, len(v))
		for name, x := range v {
			if name != "carrier_name" {
				rest[name] = x
			}
		}
		c.CarrierID = id
		return prepare(ctx, tx, c, rest, before)
	}
	after := k.after
	// updateOne runs after only when the circuit changed.
	k.after = func(ctx context.Context, tx bun.IDB, c *models.Circuit, before *models.Circuit) error {
		u.wrote = true
		return after(ctx, tx, c, before)
	}
	u.kind = k
	return u
}

func (u *CircuitUpsert) carrier(ctx context.Context, name string) (string, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	if id, ok := u.carriers[key]; ok {
		return id, nil
	}
	id, err := u.s.providerFor(ctx, u.tx, name, "carrier")
	if err != nil {
		return "", err
	}
	if id == nil {
		return "", models.Invalid("carrier_name", "missing", "is required")
	}
	u.carriers[key] = *id
	return *id, nil
}

// Upsert writes rows, each the Values of one circuit (checked with
// CircuitSchema.FromLoose), matching them to live circuits by
// xiber_circuit_label: a match is updated with the row's fields (fields
// absent from the row keep their values), anything else is inserted.
// Labels must be unique among rows. Errors are those of CreateCircuit and
// UpdateCircuit; on error the caller must roll the transaction back.
func (u *CircuitUpsert) Upsert(ctx context.Context, rows []Values) error {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return err
	}
	labels := make([]string, 0, len(rows))
	for _, v := range rows {
		labels = append(labels, strings.TrimSpace(v.String("xiber_circuit_label")))
	}
	ids, err := store.CircuitIDsByLabel(ctx, u.tx, labels)
	if err != nil {
		return err
	}
	var fresh []Values
	var freshAt []int
	for i, v := range rows {
		id, ok := ids[labels[i]]
		if !ok {
			if siteLinked(v) {
				// A circuit landing on a site takes the one-by-one path,
				// which snapshots the site.
				if err := u.insert(ctx, v); err != nil {
					return &UpsertError{Index: i, Err: err}
				}
				u.counts.Inserted++
				continue
			}
			fresh, freshAt = append(fresh, v), append(freshAt, i)
			continue
		}
		u.wrote = false
		if _, err := updateOne(ctx, u.tx, u.s, u.kind, id, v, nil, u.action); err != nil {
			return &UpsertError{Index: i, Err: err}
		}
		u.counts.Updated++
		if !u.wrote {
			u.counts.Unchanged++
		}
	}
	return u.insertMany(ctx, fresh, freshAt)
}

// siteLinked reports whether v links an endpoint to a site.
func siteLinked(v Values) bool {
	for _, end := range []string{"a", "z"} {
		if v.Has(end+"_infrastructure_id") || v.Has(end+"_customer_id") {
			return true
		}
	}
	return false
}

// insertMany creates new circuits as createOne would, each checked by the
// circuit rules, but stores the circuits, their first lifecycle events and
// their audit entries in bulk, on the upsert's writer (see queue), while
// the caller goes on preparing the next rows. at maps each of vs to its
// index in the caller's rows.
func (u *CircuitUpsert) insertMany(ctx context.Context, vs []Values, at []int) error {
	if len(vs) == 0 {
		return nil
	}
	k := u.kind
	now := u.s.Now()
	circuits := make([]models.Circuit, len(vs))
	events := make([]models.CircuitEvent, len(vs))
	changes := make([]audit.Change, len(vs))
	p, _ := auth.FromContext(ctx)
	for i, v := range vs {
		c := &circuits[i]
		if err := k.schema.RequireAll(v); err != nil {
			return &UpsertError{Index: at[i], Err: err}
		}
		*c.Base() = newRecord(now)
		k.defaults(c)
		k.schema.apply(c, v)
		if err := k.prepare(ctx, u.tx, c, v, nil); err != nil {
			return &UpsertError{Index: at[i], Err: err}
		}
		// What recordStatusChange records for a new circuit.
		events[i] = models.CircuitEvent{
			ID: models.NewID(), CircuitID: c.ID, EventType: eventTypeFor(c.Status), EventDate: models.DateOf(now),
			ToValue: c.Status, CreatedBy: p.User, CreatedAt: now,
		}
		changes[i] = audit.Change{EntityID: c.ID, Changes: audit.Diff(nil, c)}
	}
	// The values are converted here rather than on the writer, which
	// only executes statements.
	var b insertBatch
	d := u.tx.Dialect()
	var err error
	if b.circuits, err = store.BulkRowsOf(d, circuits); err != nil {
		return err
	}
	if b.events, err = store.BulkRowsOf(d, events); err != nil {
		return err
	}
	if b.entries, err = store.BulkRowsOf(d, u.s.audit.Entries(ctx, u.action, k.entity, changes)); err != nil {
		return err
	}
	if err := u.queue(ctx, b); err != nil {
		return err
	}
	u.counts.Inserted += len(vs)
	return nil
}

// insertBatch is what insertMany stores, converted for the database: new
// circuits, their lifecycle events and their audit entries.
type insertBatch struct {
	circuits, events, entries *store.BulkRows
}

func (b insertBatch) write(ctx context.Context, in *store.Inserter) error {
	for _, rows := range []*store.BulkRows{b.circuits, b.events, b.entries} {
		if err := in.Insert(ctx, rows); err != nil {
			return err
		}
	}
	return nil
}

// queue hands a batch to the upsert's writer, a goroutine that stores the
// batches in order on the same transaction: the database writes one batch
// while the next is checked and built, so a large import keeps both cores
// busy. Rows queued here are unique by label among the upsert's rows, so a
// later batch's label lookup never needs an earlier batch's rows. The
// writer's first error comes back from the next queue or from Close.
func (u *CircuitUpsert) queue(ctx context.Context, b insertBatch) error {
	if u.pending == nil {
		u.pending = make(chan insertBatch, 1)
		u.written = make(chan struct{})
		go u.writer(ctx)
	}
	if err := u.writeErr(); err != nil {
		return err
	}
	u.pending <- b
	return nil
}

// writer stores queued batches until Close, with statements prepared once
// for them all; after an error it only drains the queue.
func (u *CircuitUpsert) writer(ctx context.Context) {
	defer close(u.written)
	in, err := store.NewInserter(u.tx)
	u.fail(err)
	for b := range u.pending {
		if u.writeErr() == nil {
			u.fail(b.write(ctx, in))
		}
	}
	if in != nil {
		u.fail(in.Close())
	}
}

// fail records the writer's first error.
func (u *CircuitUpsert) fail(err error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.err == nil {
		u.err = err
	}
}

func (u *CircuitUpsert) writeErr() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.err
}

// Close waits until every queued row is stored and reports the writer's
// first error. Call it before the transaction ends, on every path (a
// deferred Close after a failed Upsert is fine); Counts is final after it.
func (u *CircuitUpsert) Close() error {
	if u.pending == nil {
		return nil
	}
	if !u.closed {
		u.closed = true
		close(u.pending)
	}
	<-u.written
	return u.writeErr()
}

// insert is createOne, audited with the upsert's action.
func (u *CircuitUpsert) insert(ctx context.Context, v Values) error {
	k := u.kind
	if err := k.schema.RequireAll(v); err != nil {
		return err
	}
	c := new(models.Circuit)
	*c.Base() = newRecord(u.s.Now())
	k.defaults(c)
	k.schema.apply(c, v)
	if err := k.prepare(ctx, u.tx, c, v, nil); err != nil {
		return err
	}
	if err := store.Insert(ctx, u.tx, c); err != nil {
		return err
	}
	if err := k.after(ctx, u.tx, c, nil); err != nil {
		return err
	}
	return u.s.audit.Write(ctx, u.tx, u.action, k.entity, c.ID, audit.Diff(nil, c))
}

// UpsertError says which row of a batch Upsert stopped at.
type UpsertError struct {
	Index int // into the rows given to Upsert
	Err   error
}

func (e *UpsertError) Error() string { return fmt.Sprintf("row %d: %v", e.Index, e.Err) }

// Unwrap exposes the row's error to errors.Is and errors.As.
func (e *UpsertError) Unwrap() error { return e.Err }

// Counts reports what the upsert has done so far.
func (u *CircuitUpsert) Counts() UpsertCounts { return u.counts }

// Finish tells attribution that circuits changed; call it once the
// transaction has committed (not after a rollback).
func (u *CircuitUpsert) Finish() {
	if u.counts.Inserted+u.counts.Updated-u.counts.Unchanged > 0 {
		u.s.GraphChanged()
	}
}
