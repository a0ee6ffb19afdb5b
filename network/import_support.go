package network

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

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

	dbMu    sync.Mutex      // held by whoever runs statements on tx
	pending chan writeBatch // to the writer; nil until the first bulk write
	written chan struct{}   // closed when the writer has stopped
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
//
// Each row is checked by the circuit rules as createOne and updateOne
// would, and gets the same lifecycle event and audit entry; the rows go
// to the database in bulk, on the upsert's writer (see queue).
func (u *CircuitUpsert) Upsert(ctx context.Context, rows []Values) error {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return err
	}
	var b upsertBatch
	now := u.s.Now()
	offline, err := u.online(ctx, &b, rows, now)
	if err != nil {
		return err
	}
	for _, r := range offline {
		// Without a database: these rows' rules read none (see online).
		if r.current != nil {
			err = u.update(ctx, nil, &b, r.current, rows[r.index], now)
		} else {
			err = u.create(ctx, nil, &b, rows[r.index], now)
		}
		if err != nil {
			return &UpsertError{Index: r.index, Err: err}
		}
	}
	return u.queue(ctx, b)
}

// offlineRow is a row whose rules need no database, with the stored
// circuit its label matched (nil for a new circuit).
type offlineRow struct {
	index   int
	current *models.Circuit
}

// online does the part of Upsert that reads the database, holding the
// writer off between its statements (pgx cannot run a statement on a
// connection while another's rows are being read, and the transaction has
// one connection): it finds the circuits the rows' labels match, resolves
// carriers not seen before and writes the rows that link to sites, whose
// rules read the sites. It returns the other rows, which the caller checks
// and builds while the writer stores the last batch.
func (u *CircuitUpsert) online(ctx context.Context, b *upsertBatch, rows []Values, now time.Time) ([]offlineRow, error) {
	u.dbMu.Lock()
	defer u.dbMu.Unlock()
	labels := make([]string, 0, len(rows))
	for _, v := range rows {
		labels = append(labels, strings.TrimSpace(v.String("xiber_circuit_label")))
	}
	ids, err := store.CircuitIDsByLabel(ctx, u.tx, labels)
	if err != nil {
		return nil, err
	}
	current, err := u.current(ctx, ids)
	if err != nil {
		return nil, err
	}
	offline := make([]offlineRow, 0, len(rows))
	for i, v := range rows {
		id, matched := ids[labels[i]]
		if v.Has("carrier_name") {
			if _, err := u.carrier(ctx, v.String("carrier_name")); err != nil {
				return nil, &UpsertError{Index: i, Err: err}
			}
		}
		switch {
		case matched && current[id] == nil: // deleted since its label matched
			err = fmt.Errorf("circuit %s: %w", labels[i], models.ErrNotFound)
		case matched && siteLinked(v):
			err = u.update(ctx, u.tx, b, current[id], v, now)
		case matched:
			offline = append(offline, offlineRow{i, current[id]})
		case siteLinked(v):
			// A new circuit landing on a site takes the one-by-one
			// path, which snapshots the site.
			err = u.insert(ctx, v)
		default:
			offline = append(offline, offlineRow{index: i})
		}
		if err != nil {
			return nil, &UpsertError{Index: i, Err: err}
		}
	}
	return offline, nil
}

// current loads the live circuits of ids, by ID.
func (u *CircuitUpsert) current(ctx context.Context, ids map[string]string) (map[string]*models.Circuit, error) {
	list := make([]string, 0, len(ids))
	for _, id := range ids {
		list = append(list, id)
	}
	circuits, err := store.GetMany[models.Circuit](ctx, u.tx, list)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*models.Circuit, len(circuits))
	for i := range circuits {
		byID[circuits[i].ID] = &circuits[i]
	}
	return byID, nil
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

// upsertBatch is what one Upsert writes in bulk: new circuits, new
// versions of stored ones, their lifecycle events and audit changes.
type upsertBatch struct {
	created, updated []models.Circuit
	stored           []models.Circuit // updated[i] as stored
	events           []models.CircuitEvent
	changes          []audit.Change
}

// create checks a new circuit as createOne would and adds it to b; tx is
// what the rules may read (nil: nothing).
func (u *CircuitUpsert) create(ctx context.Context, tx bun.IDB, b *upsertBatch, v Values, now time.Time) error {
	k := u.kind
	if err := k.schema.RequireAll(v); err != nil {
		return err
	}
	var c models.Circuit
	*c.Base() = newRecord(now)
	k.defaults(&c)
	k.schema.apply(&c, v)
	if err := k.prepare(ctx, tx, &c, v, nil); err != nil {
		return err
	}
	b.created = append(b.created, c)
	b.events = append(b.events, *u.s.statusEvent(ctx, &c, nil))
	b.changes = append(b.changes, audit.Change{EntityID: c.ID, Changes: audit.Diff(nil, &c)})
	u.counts.Inserted++
	return nil
}

// update applies v to c, the stored circuit, as updateOne would, and
// adds the new version to b unless nothing changed; tx is what the rules
// may read (nil: nothing).
func (u *CircuitUpsert) update(ctx context.Context, tx bun.IDB, b *upsertBatch, c *models.Circuit, v Values, now time.Time) error {
	k := u.kind
	before := *c
	k.schema.apply(c, v)
	if err := k.prepare(ctx, tx, c, v, &before); err != nil {
		return err
	}
	u.counts.Updated++
	changes := audit.Diff(&before, c)
	if len(changes) == 0 {
		u.counts.Unchanged++
		return nil
	}
	c.Version++
	c.UpdatedAt = now
	b.updated, b.stored = append(b.updated, *c), append(b.stored, before)
	if ev := u.s.statusEvent(ctx, c, &before); ev != nil {
		b.events = append(b.events, *ev)
	}
	b.changes = append(b.changes, audit.Change{EntityID: c.ID, Changes: changes})
	return nil
}

// writeBatch is an upsertBatch converted for the database. The values are
// converted on the caller's goroutine; the writer only executes statements.
type writeBatch struct {
	created, updated, events, entries *store.BulkRows
}

func (u *CircuitUpsert) convert(ctx context.Context, b upsertBatch) (writeBatch, error) {
	d := u.tx.Dialect()
	var w writeBatch
	var err error
	if w.created, err = store.BulkRowsOf(d, b.created); err != nil {
		return w, err
	}
	if w.updated, err = store.BulkChangesOf(d, b.stored, b.updated); err != nil {
		return w, err
	}
	if w.events, err = store.BulkRowsOf(d, b.events); err != nil {
		return w, err
	}
	w.entries, err = store.BulkRowsOf(d, u.s.audit.Entries(ctx, u.action, u.kind.entity, b.changes))
	return w, err
}

// write stores b, circuits before the events and entries that name them,
// a table at a time so that online can run in between.
func (u *CircuitUpsert) write(ctx context.Context, w *store.BulkWriter, b writeBatch) error {
	for _, step := range []struct {
		rows   *store.BulkRows
		update bool
	}{{b.created, false}, {b.updated, true}, {b.events, false}, {b.entries, false}} {
		u.dbMu.Lock()
		var err error
		if step.update {
			err = w.Update(ctx, step.rows)
		} else {
			err = w.Insert(ctx, step.rows)
		}
		u.dbMu.Unlock()
		if err != nil {
			return err
		}
	}
	return nil
}

// queue hands a batch to the upsert's writer, a goroutine that stores the
// batches in order on the same transaction: the database writes one batch
// while the next is checked and built, so a large import keeps both cores
// busy. Rows queued here are unique by label among the upsert's rows, so a
// later batch's lookups never need an earlier batch's rows. The writer's
// first error comes back from the next queue or from Close.
func (u *CircuitUpsert) queue(ctx context.Context, b upsertBatch) error {
	if len(b.created)+len(b.updated) == 0 {
		return nil
	}
	w, err := u.convert(ctx, b)
	if err != nil {
		return err
	}
	if u.pending == nil {
		u.pending = make(chan writeBatch, 1)
		u.written = make(chan struct{})
		go u.writer(ctx)
	}
	if err := u.writeErr(); err != nil {
		return err
	}
	u.pending <- w
	return nil
}

// writer stores queued batches until Close, with statements prepared once
// for them all; after an error it only drains the queue.
func (u *CircuitUpsert) writer(ctx context.Context) {
	defer close(u.written)
	w, err := store.NewBulkWriter(u.tx)
	u.fail(err)
	for b := range u.pending {
		if u.writeErr() == nil {
			u.fail(u.write(ctx, w, b))
		}
	}
	if w != nil {
		u.dbMu.Lock()
		defer u.dbMu.Unlock()
		u.fail(w.Close())
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
	if err := u.s.audit.Write(ctx, u.tx, u.action, k.entity, c.ID, audit.Diff(nil, c)); err != nil {
		return err
	}
	u.counts.Inserted++
	return nil
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
