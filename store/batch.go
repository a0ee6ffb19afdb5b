package store

import (
	"context"

	"github.com/uptrace/bun"
)

// LiveByAnyColumn loads the live records of type T whose value in any of
// cols is one of ids, in one query, ordered by orderCol then id. It backs
// the has-many dataloaders (circuits by carrier, by asset at A or Z…); the
// callers re-key rows by parent, so the database order only decides the
// order within each parent. cols and orderCol are names from code, never
// from a client.
func LiveByAnyColumn[T any](ctx context.Context, db bun.IDB, cols []string, ids []string, orderCol string) ([]T, error) {
	var out []T
	if len(ids) == 0 || len(cols) == 0 {
		return out, nil
	}
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL").
		WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			for _, c := range cols {
				q = q.WhereOr("?TableAlias.? IN (?)", bun.Ident(c), bun.List(ids))
			}
			return q
		}).
		OrderExpr("?TableAlias.? ASC, ?TableAlias.id ASC", bun.Ident(orderCol))
	if err := q.Scan(ctx); err != nil {
		return nil, translate(err, "batch load")
	}
	return out, nil
}
