package network

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/store"
)

// attributionCache holds the last computed report. Writes bump generation
// (through notify); a reader whose cached report is older rebuilds it once,
// while concurrent readers wait for that build. Readers only ever see a
// whole report: the pointer is swapped after the build completes.
//
// The cache is per process: several NetOS processes on one PostgreSQL each
// see their own writes at once and others' after their next own write.
type attributionCache struct {
	generation atomic.Int64
	mu         sync.Mutex
	current    atomic.Pointer[cachedReport]
	builds     atomic.Int64
}

type cachedReport struct {
	generation int64
	report     *attribution.Report
}

// Attribution returns the attribution report of the live network, computed
// once per change.
func (s *Service) Attribution(ctx context.Context) (*attribution.Report, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	want := s.cache.generation.Load()
	if c := s.cache.current.Load(); c != nil && c.generation == want {
		return c.report, nil
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	want = s.cache.generation.Load()
	if c := s.cache.current.Load(); c != nil && c.generation == want {
		return c.report, nil
	}
	snap, err := store.LoadSnapshot(ctx, s.db)
	if err != nil {
		return nil, err
	}
	rep, err := attribution.Compute(snap)
	if err != nil {
		return nil, fmt.Errorf("compute attribution: %w", err)
	}
	s.cache.builds.Add(1)
	s.cache.current.Store(&cachedReport{generation: want, report: rep})
	return rep, nil
}

// AttributionBuilds counts how often the report was computed (tests use it
// to prove reads do not recompute and writes do).
func (s *Service) AttributionBuilds() int64 { return s.cache.builds.Load() }

func (s *Service) invalidateAttribution() { s.cache.generation.Add(1) }
