package network

import (
	"context"

	"github.com/xiber/netos/store"
)

// byID loads live records by ID in one query and keys them by ID; dataloaders
// and list views re-key results through it so order never matters.
func byID[T any, PT recordPtr[T]](ctx context.Context, s *Service, ids []string) (map[string]PT, error) {
	recs, err := store.GetMany[T](ctx, s.db, uniq(ids))
	if err != nil {
		return nil, err
	}
	out := make(map[string]PT, len(recs))
	for i := range recs {
		p := PT(&recs[i])
		out[p.Base().ID] = p
	}
	return out, nil
}
