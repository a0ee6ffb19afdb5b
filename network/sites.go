package network

import (
	"context"
	"errors"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// siteInfo is what other records copy from a site they land on.
type siteInfo struct {
	name, address, state string
	lat, lng             *float64
}

// liveSite loads a live infrastructure asset or customer for a reference
// held in field; a missing or soft-deleted one is a 422 on that field.
func (s *Service) liveSite(ctx context.Context, tx bun.IDB, siteKind, id, field string) (siteInfo, error) {
	switch siteKind {
	case models.KindInfrastructure:
		a, err := store.Get[models.InfrastructureAsset](ctx, tx, id)
		if err != nil {
			return siteInfo{}, refError(err, field, "infrastructure asset", id)
		}
		return siteInfo{a.Name, a.Address, a.State, a.Lat, a.Lng}, nil
	default:
		c, err := store.Get[models.Customer](ctx, tx, id)
		if err != nil {
			return siteInfo{}, refError(err, field, "customer", id)
		}
		return siteInfo{c.Name, c.Address, c.State, c.Lat, c.Lng}, nil
	}
}

// refError turns "the referenced record is missing" into a 422 naming the
// field, and passes other errors through.
func refError(err error, field, what, id string) error {
	if errors.Is(err, models.ErrNotFound) {
		return models.Invalid(field, "reference", "%s %s does not exist or is deleted", what, id)
	}
	return err
}

func (s *Service) infrastructureKind() *kind[models.InfrastructureAsset, *models.InfrastructureAsset] {
	return &kind[models.InfrastructureAsset, *models.InfrastructureAsset]{
		entity:   "infrastructure",
		schema:   InfrastructureSchema,
		graph:    true,
		defaults: func(a *models.InfrastructureAsset) { a.Status = models.StatusActive },
		prepare: func(ctx context.Context, tx bun.IDB, a *models.InfrastructureAsset, v Values, _ *models.InfrastructureAsset) error {
			if a.TermStart != nil && a.TermEnd != nil && a.TermEnd.Before(*a.TermStart) {
				return models.Invalid("term_end_date", "value_error", "must not be before term_start_date")
			}
			if !v.Has("provider_name") {
				return nil
			}
			id, err := s.providerFor(ctx, tx, v.String("provider_name"), providerTypeForSite(a.SiteType))
			a.ProviderID = id
			return err
		},
	}
}

// providerTypeForSite guesses the type of a provider first met as the
// landlord of a site.
func providerTypeForSite(siteType string) string {
	switch siteType {
	case "tower", "rooftop":
		return "tower_company"
	case "data_center", "pop":
		return "landlord"
	}
	return "other"
}

// CreateInfrastructure adds an infrastructure asset.
func (s *Service) CreateInfrastructure(ctx context.Context, v Values) (*models.InfrastructureAsset, error) {
	return create(ctx, s, s.infrastructureKind(), v)
}

// UpdateInfrastructure changes an infrastructure asset.
func (s *Service) UpdateInfrastructure(ctx context.Context, id string, v Values, ifVersion *int64) (*models.InfrastructureAsset, error) {
	return update(ctx, s, s.infrastructureKind(), id, v, ifVersion)
}

// DeleteInfrastructure soft-deletes an asset; its links stop being live.
func (s *Service) DeleteInfrastructure(ctx context.Context, id string, ifVersion *int64) error {
	return remove(ctx, s, s.infrastructureKind(), id, ifVersion)
}

// BulkUpdateInfrastructure applies v to every listed asset in one transaction.
func (s *Service) BulkUpdateInfrastructure(ctx context.Context, ids []string, v Values) (BulkResult, error) {
	return bulkUpdate(ctx, s, s.infrastructureKind(), ids, v)
}

// BulkDeleteInfrastructure soft-deletes every listed asset in one transaction.
func (s *Service) BulkDeleteInfrastructure(ctx context.Context, ids []string) (BulkResult, error) {
	return bulkDelete(ctx, s, s.infrastructureKind(), ids)
}

// InfrastructureAsset loads one live asset.
func (s *Service) InfrastructureAsset(ctx context.Context, id string) (*models.InfrastructureAsset, error) {
	return get[models.InfrastructureAsset](ctx, s, id)
}

// Infrastructure lists assets.
func (s *Service) Infrastructure(ctx context.Context, f store.SiteFilter) ([]models.InfrastructureAsset, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListInfrastructure(ctx, s.db, f)
}

var customerKind = &kind[models.Customer, *models.Customer]{
	entity:   "customer",
	schema:   CustomerSchema,
	graph:    true,
	defaults: func(c *models.Customer) { c.Status = models.StatusActive },
}

// CreateCustomer adds a customer site.
func (s *Service) CreateCustomer(ctx context.Context, v Values) (*models.Customer, error) {
	return create(ctx, s, customerKind, v)
}

// UpdateCustomer changes a customer.
func (s *Service) UpdateCustomer(ctx context.Context, id string, v Values, ifVersion *int64) (*models.Customer, error) {
	return update(ctx, s, customerKind, id, v, ifVersion)
}

// DeleteCustomer soft-deletes a customer; its links stop being live.
func (s *Service) DeleteCustomer(ctx context.Context, id string, ifVersion *int64) error {
	return remove(ctx, s, customerKind, id, ifVersion)
}

// Customer loads one live customer.
func (s *Service) Customer(ctx context.Context, id string) (*models.Customer, error) {
	return get[models.Customer](ctx, s, id)
}

// Customers lists customers.
func (s *Service) Customers(ctx context.Context, f store.SiteFilter) ([]models.Customer, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListCustomers(ctx, s.db, f)
}
