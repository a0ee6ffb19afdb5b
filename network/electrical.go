package network

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

func (s *Service) electricalKind() *kind[models.ElectricalService, *models.ElectricalService] {
	return &kind[models.ElectricalService, *models.ElectricalService]{
		entity: "electrical_service",
		schema: ElectricalSchema,
		graph:  true,
		prepare: func(ctx context.Context, tx bun.IDB, e *models.ElectricalService, v Values, before *models.ElectricalService) error {
			switch {
			case (e.InfrastructureID == nil) == (e.CustomerID == nil):
				return models.Invalid("infrastructure_id", "value_error", "an electrical service attaches to exactly one site: give infrastructure_id or customer_id")
			case e.InfrastructureID != nil && (before == nil || !same(e.InfrastructureID, before.InfrastructureID)):
				if _, err := s.liveSite(ctx, tx, models.KindInfrastructure, *e.InfrastructureID, "infrastructure_id"); err != nil {
					return err
				}
			case e.CustomerID != nil && (before == nil || !same(e.CustomerID, before.CustomerID)):
				if _, err := s.liveSite(ctx, tx, models.KindCustomer, *e.CustomerID, "customer_id"); err != nil {
					return err
				}
			}
			if !v.Has("provider_name") {
				return nil
			}
			id, err := s.providerFor(ctx, tx, v.String("provider_name"), "utility")
			e.ProviderID = id
			return err
		},
	}
}

// CreateElectrical adds an electrical service to one site.
func (s *Service) CreateElectrical(ctx context.Context, v Values) (*models.ElectricalService, error) {
	return create(ctx, s, s.electricalKind(), v)
}

// UpdateElectrical changes an electrical service.
func (s *Service) UpdateElectrical(ctx context.Context, id string, v Values, ifVersion *int64) (*models.ElectricalService, error) {
	return update(ctx, s, s.electricalKind(), id, v, ifVersion)
}

// DeleteElectrical soft-deletes an electrical service.
func (s *Service) DeleteElectrical(ctx context.Context, id string, ifVersion *int64) error {
	return remove(ctx, s, s.electricalKind(), id, ifVersion)
}

// Electrical loads one live electrical service.
func (s *Service) Electrical(ctx context.Context, id string) (*models.ElectricalService, error) {
	return get[models.ElectricalService](ctx, s, id)
}

// ElectricalServices lists electrical services.
func (s *Service) ElectricalServices(ctx context.Context, f store.ElectricalFilter) ([]models.ElectricalService, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListElectrical(ctx, s.db, f)
}
