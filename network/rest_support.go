package network

import (
	"context"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// CircuitFacets are the distinct values live circuits carry.
type CircuitFacets = store.CircuitFacets

// CircuitFacets returns the distinct carriers, service types, statuses and
// endpoint states of live circuits, each sorted (the map's filter pickers).
func (s *Service) CircuitFacets(ctx context.Context) (CircuitFacets, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return CircuitFacets{}, err
	}
	return store.LiveCircuitFacets(ctx, s.db)
}

// AuditActivity lists audit entries newest first; every role may read it.
func (s *Service) AuditActivity(ctx context.Context, f store.AuditFilter) ([]models.AuditEntry, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	return store.ListAudit(ctx, s.db, f)
}

// ProviderIDByName finds the live provider named name (case-insensitive);
// ErrNotFound when there is none.
func (s *Service) ProviderIDByName(ctx context.Context, name string) (string, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return "", err
	}
	p, err := store.ProviderByName(ctx, s.db, name)
	if err != nil {
		return "", err
	}
	return p.ID, nil
}
