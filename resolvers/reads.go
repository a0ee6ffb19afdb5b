package resolvers

import (
	"context"
	"errors"

	"github.com/xiber/netos/dataloaders"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// one answers a single-record query: a record that does not exist (or an
// ID that is no UUID) is null, as Relay's node field is; other errors stay
// errors.
func one[T any](ctx context.Context, rawID string, get func(context.Context, string) (*T, error)) (*T, error) {
	if !isUUID(rawID) {
		return nil, nil
	}
	rec, err := get(ctx, normalID(rawID))
	if errors.Is(err, models.ErrNotFound) {
		return nil, nil
	}
	return rec, err
}

// ref loads the record an optional reference names; null when unset.
func ref[T any](ctx context.Context, load func(context.Context, string) (*T, error), refID *string) (*T, error) {
	if refID == nil || *refID == "" {
		return nil, nil
	}
	return load(ctx, *refID)
}

// orNil keeps a missing record a nil interface (not an interface holding a
// nil pointer), so a union field answers null.
func orNil[T any](p *T, err error) (any, error) {
	if p == nil || err != nil {
		return nil, err
	}
	return p, nil
}

// findNode looks an ID up in every record table at once: the eight by-ID
// loaders each batch every node() of the request into one query.
func findNode(ctx context.Context, rawID string) (any, error) {
	if !isUUID(rawID) {
		return nil, nil
	}
	key := normalID(rawID)
	l := dataloaders.For(ctx)
	thunks := []func() (any, error){
		thunk(ctx, l.Provider.LoadThunk, key), thunk(ctx, l.Circuit.LoadThunk, key),
		thunk(ctx, l.Infrastructure.LoadThunk, key), thunk(ctx, l.Customer.LoadThunk, key),
		thunk(ctx, l.RFSystem.LoadThunk, key), thunk(ctx, l.RFLink.LoadThunk, key),
		thunk(ctx, l.Electrical.LoadThunk, key), thunk(ctx, l.Link.LoadThunk, key),
	}
	for _, t := range thunks {
		n, err := t()
		if err != nil || n != nil {
			return n, err
		}
	}
	return nil, nil
}

func thunk[T any](ctx context.Context, load func(context.Context, string) func() (*T, error), key string) func() (any, error) {
	t := load(ctx, key)
	return func() (any, error) { return orNil(t()) }
}

// auditPage adapts the audit listing (limit/offset) to listPage.
func auditFetch(ctx context.Context, list func(context.Context, store.AuditFilter) ([]models.AuditEntry, int, error), f store.AuditFilter) func(store.Page) ([]models.AuditEntry, int, error) {
	return func(p store.Page) ([]models.AuditEntry, int, error) {
		f.Limit, f.Offset = p.Limit, p.Offset
		return list(ctx, f)
	}
}

// changedFields shows an audit entry's changes as {field: {before, after}}.
func changedFields(e *models.AuditEntry) any {
	if e.ChangedFields == nil {
		return nil
	}
	out := make(map[string]any, len(e.ChangedFields))
	for k, c := range e.ChangedFields {
		out[k] = map[string]any{"before": c.Before, "after": c.After}
	}
	return out
}

// providerName is the name of the provider an optional reference names.
func providerName(ctx context.Context, providerID *string) (*string, error) {
	p, err := ref(ctx, dataloaders.For(ctx).Provider.Load, providerID)
	if p == nil || err != nil {
		return nil, err
	}
	return &p.Name, nil
}

// hierarchyNode loads the record a subtended link names by kind and ID (its
// child, or its transport); null when unset or deleted.
func hierarchyNode(ctx context.Context, kind string, nodeID *string) (any, error) {
	if nodeID == nil {
		return nil, nil
	}
	l := dataloaders.For(ctx)
	switch kind {
	case models.KindInfrastructure:
		return orNil(l.Infrastructure.Load(ctx, *nodeID))
	case models.KindCustomer:
		return orNil(l.Customer.Load(ctx, *nodeID))
	case models.KindCircuit:
		return orNil(l.Circuit.Load(ctx, *nodeID))
	case models.KindRFLink:
		return orNil(l.RFLink.Load(ctx, *nodeID))
	}
	return nil, nil
}
