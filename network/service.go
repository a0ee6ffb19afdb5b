// Package network is the domain service of the network inventory: service
// providers, circuits, infrastructure, customers, RF systems and links,
// electrical services and the subtended links of the attribution hierarchy.
// Every transport (GraphQL, REST, MCP, CLI, imports) writes through it, so
// each rule is written once, here.
package network

import (
	"context"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Service is the network inventory's domain service.
type Service struct {
	db    *store.DB
	audit *audit.Log
	now   func() time.Time
	// changed is called after a committed write that can move attribution
	// figures; the attribution cache subscribes to it.
	changed []func()
	cache   attributionCache
}

// New builds the service. now is the clock (UTC is applied).
func New(db *store.DB, log *audit.Log, now func() time.Time) *Service {
	return &Service{db: db, audit: log, now: now}
}

// OnChange registers f to run after every committed write that can change
// attribution (costs, revenue, statuses, the hierarchy).
func (s *Service) OnChange(f func()) { s.changed = append(s.changed, f) }

// DB exposes the handle to sibling domain services that share transactions.
func (s *Service) DB() *store.DB { return s.db }

// Now is the service clock in UTC.
func (s *Service) Now() time.Time { return s.now().UTC() }

// Audit is the audit log the service writes to.
func (s *Service) Audit() *audit.Log { return s.audit }

// InTx runs f in one transaction. On PostgreSQL a hierarchy write also takes
// a transaction-scoped advisory lock, so two concurrent writers cannot each
// pass the cycle check and together close a cycle (SQLite's BEGIN IMMEDIATE
// already serialises writers).
func (s *Service) InTx(ctx context.Context, f func(tx bun.Tx) error) error {
	return s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return f(tx) })
}

// GraphChanged tells the service that attribution inputs changed behind its
// back (a bulk load straight into the store).
func (s *Service) GraphChanged() { s.notify() }

// notify tells subscribers that attribution inputs changed.
func (s *Service) notify() {
	s.invalidateAttribution()
	for _, f := range s.changed {
		f()
	}
}

func newRecord(now time.Time) models.Record {
	return models.Record{ID: models.NewID(), CreatedAt: now, UpdatedAt: now, Version: 1}
}

// isNotFound reports whether err means a record is missing.
func isNotFound(err error) bool { return errors.Is(err, models.ErrNotFound) }
