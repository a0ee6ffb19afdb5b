package store

import (
	"context"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/xiber/netos/models"
)

// liveLink is the SQL condition for a live link aliased l: neither the link,
// its parent nor its child is soft-deleted (ATTRIBUTION.md §1).
const liveLink = `l.deleted_at IS NULL
	AND EXISTS (SELECT 1 FROM infrastructure_assets p WHERE p.id = l.parent_infrastructure_id AND p.deleted_at IS NULL)
	AND (l.child_kind <> 'infrastructure' OR EXISTS (SELECT 1 FROM infrastructure_assets c WHERE c.id = l.child_id AND c.deleted_at IS NULL))
	AND (l.child_kind <> 'customer' OR EXISTS (SELECT 1 FROM customers c WHERE c.id = l.child_id AND c.deleted_at IS NULL))
	AND (l.child_kind <> 'circuit' OR EXISTS (SELECT 1 FROM circuits c WHERE c.id = l.child_id AND c.deleted_at IS NULL))
	AND (l.child_kind <> 'rf_link' OR EXISTS (SELECT 1 FROM rf_links c WHERE c.id = l.child_id AND c.deleted_at IS NULL))`

// LockHierarchy serialises hierarchy writers on PostgreSQL for the rest of
// the transaction (SQLite's BEGIN IMMEDIATE already does).
func LockHierarchy(ctx context.Context, db bun.IDB) error {
	if db.Dialect().Name() != dialect.PG {
		return nil
	}
	_, err := db.ExecContext(ctx, "SELECT pg_advisory_xact_lock(7316001)")
	return translate(err, "lock hierarchy")
}

// LiveLinkBetween returns the ID of the live link parent → (kind, child), or "".
func LiveLinkBetween(ctx context.Context, db bun.IDB, parent, kind, child string) (string, error) {
	var ids []string
	err := db.NewSelect().TableExpr("subtended_links AS l").Column("l.id").
		Where("l.parent_infrastructure_id = ? AND l.child_kind = ? AND l.child_id = ?", parent, kind, child).
		Where(liveLink).Limit(1).Scan(ctx, &ids)
	if err != nil || len(ids) == 0 {
		return "", translate(err, "link between")
	}
	return ids[0], nil
}

// LivePlacements returns the live links that place item (a circuit or RF
// link) as their child or as their transport. A link whose child is gone is
// not live, so it places nothing.
func LivePlacements(ctx context.Context, db bun.IDB, itemID string) ([]models.SubtendedLink, error) {
	var out []models.SubtendedLink
	err := db.NewSelect().Model(&out).
		Where("?TableAlias.id IN (SELECT l.id FROM subtended_links AS l WHERE ((l.child_kind IN ('circuit', 'rf_link') AND l.child_id = ?) OR l.transport_id = ?) AND "+liveLink+")", itemID, itemID).
		Scan(ctx)
	return out, translate(err, "placements")
}

// SiteEdge is a live link between two infrastructure assets.
type SiteEdge struct {
	ParentID string `bun:"parent_infrastructure_id"`
	ChildID  string `bun:"child_id"`
}

// LiveSiteEdges returns every live asset → asset link except the one named
// except (the link being rewritten).
func LiveSiteEdges(ctx context.Context, db bun.IDB, except string) ([]SiteEdge, error) {
	var out []SiteEdge
	err := db.NewSelect().TableExpr("subtended_links AS l").Column("l.parent_infrastructure_id", "l.child_id").
		Where("l.child_kind = 'infrastructure'").Where("l.id <> ?", except).Where(liveLink).Scan(ctx, &out)
	return out, translate(err, "site edges")
}

// LinksWithTransport returns the live-row links that use item as transport.
func LinksWithTransport(ctx context.Context, db bun.IDB, itemID string) ([]models.SubtendedLink, error) {
	var out []models.SubtendedLink
	err := db.NewSelect().Model(&out).Where("transport_id = ?", itemID).Where("deleted_at IS NULL").Scan(ctx)
	return out, translate(err, "links with transport")
}
