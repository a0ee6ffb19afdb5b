package network

import (
	"context"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Batch reads for the GraphQL dataloaders: each loads every key's records
// in one query and answers them keyed by ID (by-ID loads) or by parent ID
// (has-many loads), so a loader can return them in its keys' order. Keys
// with nothing are absent from the map. Every read needs a caller.

// CircuitsByID loads live circuits by ID, keyed by ID.
func (s *Service) CircuitsByID(ctx context.Context, ids []string) (map[string]*models.Circuit, error) {
	return readByID[models.Circuit](ctx, s, ids)
}

// InfrastructureByID loads live infrastructure assets by ID, keyed by ID.
func (s *Service) InfrastructureByID(ctx context.Context, ids []string) (map[string]*models.InfrastructureAsset, error) {
	return readByID[models.InfrastructureAsset](ctx, s, ids)
}

// CustomersByID loads live customers by ID, keyed by ID.
func (s *Service) CustomersByID(ctx context.Context, ids []string) (map[string]*models.Customer, error) {
	return readByID[models.Customer](ctx, s, ids)
}

// RFSystemsByID loads live RF systems by ID, keyed by ID.
func (s *Service) RFSystemsByID(ctx context.Context, ids []string) (map[string]*models.RFSystem, error) {
	return readByID[models.RFSystem](ctx, s, ids)
}

// RFLinksByID loads live RF links by ID, keyed by ID.
func (s *Service) RFLinksByID(ctx context.Context, ids []string) (map[string]*models.RFLink, error) {
	return readByID[models.RFLink](ctx, s, ids)
}

// ElectricalByID loads live electrical services by ID, keyed by ID.
func (s *Service) ElectricalByID(ctx context.Context, ids []string) (map[string]*models.ElectricalService, error) {
	return readByID[models.ElectricalService](ctx, s, ids)
}

// LinksByID loads live subtended links by ID, keyed by ID.
func (s *Service) LinksByID(ctx context.Context, ids []string) (map[string]*models.SubtendedLink, error) {
	return readByID[models.SubtendedLink](ctx, s, ids)
}

// CircuitsByCarrier loads the live circuits of each carrier, by carrier ID.
func (s *Service) CircuitsByCarrier(ctx context.Context, carrierIDs []string) (map[string][]*models.Circuit, error) {
	return readByParent(ctx, s, carrierIDs, []string{"carrier_id"}, "xiber_circuit_label",
		func(c *models.Circuit) []*string { return []*string{&c.CarrierID} })
}

// CircuitsByInfrastructure loads the live circuits landing at each asset (A
// or Z end), by asset ID.
func (s *Service) CircuitsByInfrastructure(ctx context.Context, assetIDs []string) (map[string][]*models.Circuit, error) {
	return readByParent(ctx, s, assetIDs, []string{"a_infrastructure_id", "z_infrastructure_id"}, "xiber_circuit_label",
		func(c *models.Circuit) []*string { return []*string{c.AInfrastructureID, c.ZInfrastructureID} })
}

// CircuitsByCustomer loads the live circuits landing at each customer site
// (A or Z end), by customer ID.
func (s *Service) CircuitsByCustomer(ctx context.Context, customerIDs []string) (map[string][]*models.Circuit, error) {
	return readByParent(ctx, s, customerIDs, []string{"a_customer_id", "z_customer_id"}, "xiber_circuit_label",
		func(c *models.Circuit) []*string { return []*string{c.ACustomerID, c.ZCustomerID} })
}

// InfrastructureByProvider loads the live assets of each provider, by provider ID.
func (s *Service) InfrastructureByProvider(ctx context.Context, providerIDs []string) (map[string][]*models.InfrastructureAsset, error) {
	return readByParent(ctx, s, providerIDs, []string{"provider_id"}, "name",
		func(a *models.InfrastructureAsset) []*string { return []*string{a.ProviderID} })
}

// ElectricalByInfrastructure loads the live electrical services of each asset, by asset ID.
func (s *Service) ElectricalByInfrastructure(ctx context.Context, assetIDs []string) (map[string][]*models.ElectricalService, error) {
	return readByParent(ctx, s, assetIDs, []string{"infrastructure_id"}, "created_at",
		func(e *models.ElectricalService) []*string { return []*string{e.InfrastructureID} })
}

// ElectricalByCustomer loads the live electrical services of each customer, by customer ID.
func (s *Service) ElectricalByCustomer(ctx context.Context, customerIDs []string) (map[string][]*models.ElectricalService, error) {
	return readByParent(ctx, s, customerIDs, []string{"customer_id"}, "created_at",
		func(e *models.ElectricalService) []*string { return []*string{e.CustomerID} })
}

// RFLinksByInfrastructure loads the live RF links with an end (A or Z) at
// each asset, by asset ID.
func (s *Service) RFLinksByInfrastructure(ctx context.Context, assetIDs []string) (map[string][]*models.RFLink, error) {
	return readByParent(ctx, s, assetIDs, []string{"a_infrastructure_id", "z_infrastructure_id"}, "name",
		func(l *models.RFLink) []*string { return []*string{&l.AInfrastructureID, l.ZInfrastructureID} })
}

// RFLinksByCustomer loads the live RF links ending at each customer, by customer ID.
func (s *Service) RFLinksByCustomer(ctx context.Context, customerIDs []string) (map[string][]*models.RFLink, error) {
	return readByParent(ctx, s, customerIDs, []string{"z_customer_id"}, "name",
		func(l *models.RFLink) []*string { return []*string{l.ZCustomerID} })
}

// LinksByParent loads the live subtended links under each asset, by parent ID.
func (s *Service) LinksByParent(ctx context.Context, parentIDs []string) (map[string][]*models.SubtendedLink, error) {
	return readByParent(ctx, s, parentIDs, []string{"parent_infrastructure_id"}, "created_at",
		func(l *models.SubtendedLink) []*string { return []*string{&l.ParentID} })
}

// AuditEntries lists the audit trail, newest first, with the total matching.
func (s *Service) AuditEntries(ctx context.Context, f store.AuditFilter) ([]models.AuditEntry, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListAudit(ctx, s.db, f)
}

func readByID[T any, PT recordPtr[T]](ctx context.Context, s *Service, ids []string) (map[string]PT, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	return byID[T, PT](ctx, s, ids)
}

// readByParent loads the records whose parent columns hold any of ids and
// groups them by parent ID; a record listed under two parents (a circuit
// from one asset to another) appears under each, once.
func readByParent[T any](ctx context.Context, s *Service, ids []string, cols []string, orderCol string, parents func(*T) []*string) (map[string][]*T, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	recs, err := store.LiveByAnyColumn[T](ctx, s.db, cols, uniq(ids), orderCol)
	if err != nil {
		return nil, err
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := make(map[string][]*T, len(ids))
	for i := range recs {
		rec := &recs[i]
		seen := map[string]bool{}
		for _, p := range parents(rec) {
			if p == nil || !want[*p] || seen[*p] {
				continue
			}
			seen[*p] = true
			out[*p] = append(out[*p], rec)
		}
	}
	return out, nil
}
