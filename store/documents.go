package store

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// GetDocument loads one live document; ErrNotFound when it does not exist
// or is soft-deleted.
func GetDocument(ctx context.Context, db bun.IDB, id string) (*models.Document, error) {
	d := new(models.Document)
	err := db.NewSelect().Model(d).Where("id = ?", id).Where("deleted_at IS NULL").Scan(ctx)
	if err != nil {
		return nil, translate(err, fmt.Sprintf("get document %s", id))
	}
	return d, nil
}

// DocumentsForOwners lists the live documents of the given owners of one
// type, oldest first.
func DocumentsForOwners(ctx context.Context, db bun.IDB, ownerType string, ownerIDs []string) ([]models.Document, error) {
	var out []models.Document
	if len(ownerIDs) == 0 {
		return out, nil
	}
	err := db.NewSelect().Model(&out).
		Where("owner_type = ?", ownerType).Where("owner_id IN (?)", bun.List(ownerIDs)).
		Where("deleted_at IS NULL").OrderExpr("uploaded_at ASC, id ASC").Scan(ctx)
	if err != nil {
		return nil, translate(err, "list documents")
	}
	return out, nil
}
