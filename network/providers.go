package network

import (
	"context"
	"strings"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

var providerKind = &kind[models.ServiceProvider, *models.ServiceProvider]{
	entity: "service_provider",
	schema: ProviderSchema,
	prepare: func(ctx context.Context, tx bun.IDB, p *models.ServiceProvider, _ Values, before *models.ServiceProvider) error {
		p.Name = strings.TrimSpace(p.Name)
		p.NameKey = strings.ToLower(p.Name)
		if before != nil && before.NameKey == p.NameKey {
			return nil
		}
		if other, err := store.ProviderByName(ctx, tx, p.Name); err == nil && other.ID != p.ID {
			return models.Conflict("a service provider named %q already exists", other.Name)
		} else if err != nil && !isNotFound(err) {
			return err
		}
		return nil
	},
	beforeDelete: func(ctx context.Context, tx bun.IDB, p *models.ServiceProvider) error {
		n, err := store.ProviderUses(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			return models.Conflict("service provider %s is used by %d live records", p.Name, n)
		}
		return nil
	},
}

// CreateProvider adds a service provider.
func (s *Service) CreateProvider(ctx context.Context, v Values) (*models.ServiceProvider, error) {
	return create(ctx, s, providerKind, v)
}

// UpdateProvider changes a service provider.
func (s *Service) UpdateProvider(ctx context.Context, id string, v Values, ifVersion *int64) (*models.ServiceProvider, error) {
	return update(ctx, s, providerKind, id, v, ifVersion)
}

// DeleteProvider soft-deletes a provider nothing live uses (ErrConflict otherwise).
func (s *Service) DeleteProvider(ctx context.Context, id string, ifVersion *int64) error {
	return remove(ctx, s, providerKind, id, ifVersion)
}

// Provider loads one live provider.
func (s *Service) Provider(ctx context.Context, id string) (*models.ServiceProvider, error) {
	return get[models.ServiceProvider](ctx, s, id)
}

// Providers lists providers.
func (s *Service) Providers(ctx context.Context, f store.ProviderFilter) ([]models.ServiceProvider, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListProviders(ctx, s.db, f)
}

// ProviderStats are a provider's counts and spend.
type ProviderStats = store.ProviderStats

// ProviderStats returns circuit and infrastructure counts and monthly spend
// (billing circuits plus active assets) for each provider ID.
func (s *Service) ProviderStats(ctx context.Context, ids []string) (map[string]ProviderStats, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	return store.ProviderStatsFor(ctx, s.db, ids)
}

// providerFor finds the provider named name, creating it (audited, in the
// same transaction) when there is none. An empty name means none.
func (s *Service) providerFor(ctx context.Context, tx bun.IDB, name, providerType string) (*string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	p, err := store.ProviderByName(ctx, tx, name)
	if err == nil {
		return &p.ID, nil
	}
	if !isNotFound(err) {
		return nil, err
	}
	p = &models.ServiceProvider{Record: newRecord(s.Now()), Name: name, NameKey: strings.ToLower(name), ProviderType: providerType}
	if err := store.Insert(ctx, tx, p); err != nil {
		return nil, err
	}
	return &p.ID, s.audit.Write(ctx, tx, "create", providerKind.entity, p.ID, models.Changes{
		"name": {After: p.Name}, "provider_type": {After: providerType},
	})
}

// get loads one live record for a reader.
func get[T any, PT recordPtr[T]](ctx context.Context, s *Service, id string) (PT, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	return store.Get[T, PT](ctx, s.db, id)
}

// ProvidersByID loads live providers by ID, keyed by ID.
func (s *Service) ProvidersByID(ctx context.Context, ids []string) (map[string]*models.ServiceProvider, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	return byID[models.ServiceProvider](ctx, s, ids)
}
