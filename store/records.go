package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// Versioned is any mutable record: it embeds models.Record.
type Versioned interface {
	Base() *models.Record
}

// Get loads one live record of type T by ID; ErrNotFound when it does not
// exist or is soft-deleted.
func Get[T any, PT interface {
	*T
	Versioned
}](ctx context.Context, db bun.IDB, id string) (*T, error) {
	rec := new(T)
	err := db.NewSelect().Model(rec).Where("?TableAlias.id = ?", id).Where("?TableAlias.deleted_at IS NULL").Scan(ctx)
	if err != nil {
		return nil, translate(err, fmt.Sprintf("%s %s", entityName(db, rec), id))
	}
	return rec, nil
}

// GetMany loads the live records of type T with the given IDs, in no
// particular order; callers re-key them.
func GetMany[T any](ctx context.Context, db bun.IDB, ids []string) ([]T, error) {
	var recs []T
	if len(ids) == 0 {
		return recs, nil
	}
	err := db.NewSelect().Model(&recs).Where("?TableAlias.id IN (?)", bun.List(ids)).Where("?TableAlias.deleted_at IS NULL").Scan(ctx)
	if err != nil {
		return nil, translate(err, "get many")
	}
	return recs, nil
}

// Insert stores a new record. The caller has set every field, ID and
// timestamps included.
func Insert(ctx context.Context, db bun.IDB, rec any) error {
	_, err := db.NewInsert().Model(rec).Returning("NULL").Exec(ctx)
	return translate(err, "insert "+entityName(db, rec))
}

// Update writes every column of rec when the stored version is still
// rec.Version-1 (the caller bumps Version before calling). It answers
// ErrStale when another writer got there first and ErrNotFound when the
// record is gone.
func Update[PT Versioned](ctx context.Context, db bun.IDB, rec PT) error {
	base := rec.Base()
	res, err := db.NewUpdate().Model(rec).WherePK().
		Where("version = ?", base.Version-1).Where("deleted_at IS NULL").Exec(ctx)
	if err != nil {
		return translate(err, fmt.Sprintf("update %s %s", entityName(db, rec), base.ID))
	}
	return oneRow(res, fmt.Sprintf("update %s %s", entityName(db, rec), base.ID))
}

// SoftDelete marks a live record deleted. Same errors as Update.
func SoftDelete[PT Versioned](ctx context.Context, db bun.IDB, rec PT, at time.Time) error {
	base := rec.Base()
	res, err := db.NewUpdate().Model(rec).WherePK().
		Set("deleted_at = ?", at).Set("updated_at = ?", at).Set("version = ?", base.Version+1).
		Where("version = ?", base.Version).Where("deleted_at IS NULL").Exec(ctx)
	if err != nil {
		return translate(err, fmt.Sprintf("delete %s %s", entityName(db, rec), base.ID))
	}
	if err := oneRow(res, fmt.Sprintf("delete %s %s", entityName(db, rec), base.ID)); err != nil {
		return err
	}
	base.DeletedAt, base.UpdatedAt, base.Version = &at, at, base.Version+1
	return nil
}

func oneRow(res interface{ RowsAffected() (int64, error) }, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return translate(err, what)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, models.ErrStale)
	}
	return nil
}

// entityName words a record's table for messages clients may read:
// "infrastructure_assets" → "infrastructure asset".
func entityName(db bun.IDB, rec any) string {
	t := db.Dialect().Tables().Get(reflect.TypeOf(rec))
	if t == nil {
		return "record"
	}
	return strings.ReplaceAll(strings.TrimSuffix(t.Name, "s"), "_", " ")
}
