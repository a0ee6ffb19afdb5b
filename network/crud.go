package network

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// recordPtr is a pointer to a record struct that embeds models.Record.
type recordPtr[T any] interface {
	*T
	store.Versioned
}

// kind describes one kind of record to the generic create, update and
// delete below: its schema, defaults and the rules that need the database.
type kind[T any, PT recordPtr[T]] struct {
	entity string // audit entity_type
	schema *Schema
	// defaults fills a new record before the client's values apply.
	defaults func(PT)
	// prepare applies virtual fields and checks every rule that needs the
	// database, inside the write's transaction; before is nil on create.
	prepare func(ctx context.Context, tx bun.IDB, rec PT, v Values, before PT) error
	// after runs side effects in the same transaction (lifecycle events,
	// endlink sync).
	after func(ctx context.Context, tx bun.IDB, rec PT, before PT) error
	// beforeDelete refuses deletes of records in use.
	beforeDelete func(ctx context.Context, tx bun.IDB, rec PT) error
	// afterDelete cleans up references that a soft delete leaves behind.
	afterDelete func(ctx context.Context, tx bun.IDB, rec PT) error
	// graph marks kinds whose writes can change attribution figures.
	graph bool
}

func create[T any, PT recordPtr[T]](ctx context.Context, s *Service, k *kind[T, PT], v Values) (PT, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	var rec PT
	err := s.InTx(ctx, func(tx bun.Tx) error {
		var err error
		rec, err = createOne(ctx, tx, s, k, v)
		return err
	})
	if err != nil {
		return nil, err
	}
	if k.graph {
		s.notify()
	}
	return rec, nil
}

func createOne[T any, PT recordPtr[T]](ctx context.Context, tx bun.IDB, s *Service, k *kind[T, PT], v Values) (PT, error) {
	if err := k.schema.RequireAll(v); err != nil {
		return nil, err
	}
	rec := PT(new(T))
	*rec.Base() = newRecord(s.Now())
	if k.defaults != nil {
		k.defaults(rec)
	}
	k.schema.apply(rec, v)
	if k.prepare != nil {
		if err := k.prepare(ctx, tx, rec, v, nil); err != nil {
			return nil, err
		}
	}
	if err := store.Insert(ctx, tx, rec); err != nil {
		return nil, err
	}
	if k.after != nil {
		if err := k.after(ctx, tx, rec, nil); err != nil {
			return nil, err
		}
	}
	return rec, s.audit.Write(ctx, tx, "create", k.entity, rec.Base().ID, audit.Diff(nil, rec))
}

// update applies v to the record; ifVersion, when given, must match the
// stored version (ErrStale otherwise).
func update[T any, PT recordPtr[T]](ctx context.Context, s *Service, k *kind[T, PT], id string, v Values, ifVersion *int64) (PT, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	var rec PT
	err := s.InTx(ctx, func(tx bun.Tx) error {
		var err error
		rec, err = updateOne(ctx, tx, s, k, id, v, ifVersion, "update")
		return err
	})
	if err != nil {
		return nil, err
	}
	if k.graph {
		s.notify()
	}
	return rec, nil
}

func updateOne[T any, PT recordPtr[T]](ctx context.Context, tx bun.IDB, s *Service, k *kind[T, PT], id string, v Values, ifVersion *int64, action string) (PT, error) {
	cur, err := store.Get[T, PT](ctx, tx, id)
	if err != nil {
		return nil, err
	}
	rec := PT(cur)
	if ifVersion != nil && *ifVersion != rec.Base().Version {
		return nil, fmt.Errorf("%s %s is at version %d, not %d: %w", k.entity, id, rec.Base().Version, *ifVersion, models.ErrStale)
	}
	before := PT(new(T))
	*before = *cur
	k.schema.apply(rec, v)
	if k.prepare != nil {
		if err := k.prepare(ctx, tx, rec, v, before); err != nil {
			return nil, err
		}
	}
	changes := audit.Diff(before, rec)
	if len(changes) == 0 {
		return rec, nil
	}
	base := rec.Base()
	base.Version++
	base.UpdatedAt = s.Now()
	if err := store.Update(ctx, tx, rec); err != nil {
		return nil, err
	}
	if k.after != nil {
		if err := k.after(ctx, tx, rec, before); err != nil {
			return nil, err
		}
	}
	return rec, s.audit.Write(ctx, tx, action, k.entity, id, changes)
}

func remove[T any, PT recordPtr[T]](ctx context.Context, s *Service, k *kind[T, PT], id string, ifVersion *int64) error {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return err
	}
	err := s.InTx(ctx, func(tx bun.Tx) error {
		_, err := removeOne(ctx, tx, s, k, id, ifVersion, "delete")
		return err
	})
	if err == nil && k.graph {
		s.notify()
	}
	return err
}

func removeOne[T any, PT recordPtr[T]](ctx context.Context, tx bun.IDB, s *Service, k *kind[T, PT], id string, ifVersion *int64, action string) (PT, error) {
	cur, err := store.Get[T, PT](ctx, tx, id)
	if err != nil {
		return nil, err
	}
	rec := PT(cur)
	if ifVersion != nil && *ifVersion != rec.Base().Version {
		return nil, fmt.Errorf("%s %s is at version %d, not %d: %w", k.entity, id, rec.Base().Version, *ifVersion, models.ErrStale)
	}
	if k.beforeDelete != nil {
		if err := k.beforeDelete(ctx, tx, rec); err != nil {
			return nil, err
		}
	}
	at := s.Now()
	if err := store.SoftDelete(ctx, tx, rec, at); err != nil {
		return nil, err
	}
	if k.afterDelete != nil {
		if err := k.afterDelete(ctx, tx, rec); err != nil {
			return nil, err
		}
	}
	changes := models.Changes{"deleted_at": {Before: nil, After: at}}
	return rec, s.audit.Write(ctx, tx, action, k.entity, id, changes)
}

// MaxBulk caps the IDs of one bulk request.
const MaxBulk = 1000

// BulkResult counts what a bulk request did.
type BulkResult struct {
	Changed   int
	Requested int
}

// bulkUpdate applies the same values to every listed record in one
// transaction: all change or none do. Unknown or deleted IDs are requested
// but not updated.
func bulkUpdate[T any, PT recordPtr[T]](ctx context.Context, s *Service, k *kind[T, PT], ids []string, v Values) (BulkResult, error) {
	return bulk(ctx, s, k, ids, func(tx bun.IDB, id string) error {
		_, err := updateOne(ctx, tx, s, k, id, v, nil, "bulk_update")
		return err
	})
}

// bulkDelete soft-deletes every listed live record in one transaction.
func bulkDelete[T any, PT recordPtr[T]](ctx context.Context, s *Service, k *kind[T, PT], ids []string) (BulkResult, error) {
	return bulk(ctx, s, k, ids, func(tx bun.IDB, id string) error {
		_, err := removeOne(ctx, tx, s, k, id, nil, "bulk_delete")
		return err
	})
}

// bulk runs one write per distinct ID in a single transaction, counting the
// records it changed; a missing record is skipped, any other failure rolls
// everything back and names the record.
func bulk[T any, PT recordPtr[T]](ctx context.Context, s *Service, k *kind[T, PT], ids []string, write func(tx bun.IDB, id string) error) (BulkResult, error) {
	res := BulkResult{Requested: len(ids)}
	if _, err := auth.RequireWrite(ctx); err != nil {
		return res, err
	}
	if err := checkBulkIDs(ids); err != nil {
		return res, err
	}
	err := s.InTx(ctx, func(tx bun.Tx) error {
		for _, id := range uniq(ids) {
			err := write(tx, id)
			if isNotFound(err) {
				continue
			}
			if err != nil {
				return fmt.Errorf("%s %s: %w", k.entity, id, err)
			}
			res.Changed++
		}
		return nil
	})
	if err != nil {
		res.Changed = 0
		return res, err
	}
	if k.graph && res.Changed > 0 {
		s.notify()
	}
	return res, nil
}

func checkBulkIDs(ids []string) error {
	if len(ids) == 0 {
		return models.Invalid("ids", "missing", "must list at least one ID")
	}
	if len(ids) > MaxBulk {
		return models.Invalid("ids", "too_long", "must list at most %d IDs", MaxBulk)
	}
	return nil
}

func uniq(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
