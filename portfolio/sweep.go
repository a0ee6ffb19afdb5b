package portfolio

import (
	"context"
	"log/slog"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// sweepChunk is how many state changes one sweep transaction writes: large
// enough that a first sweep over a big network is quick, small enough to
// keep write transactions short.
const sweepChunk = 200

// SweepResult counts what a sweep did.
type SweepResult struct {
	// Checked counts the live circuits looked at.
	Checked int `json:"checked"`
	// Changed counts the circuits whose stored state was brought up to date
	// (each with a lifecycle event and an audit entry).
	Changed int `json:"changed"`
	// Skipped counts circuits another writer changed meanwhile; the next
	// sweep sees them again.
	Skipped int `json:"skipped"`
}

// Sweep brings every live circuit's stored renewal_state up to date with
// the clock: where analytics.StateChange finds the computed state differs
// from the stored one, it stores the new state (version bumped), a
// renewal_state_changed lifecycle event and a "renewal" audit entry, all
// in one transaction per chunk of circuits. The work is the system's, so it
// runs as auth.System whoever calls it. Running it twice on the same day
// records nothing the second time.
func (s *Service) Sweep(ctx context.Context) (SweepResult, error) {
	ctx = auth.WithPrincipal(ctx, auth.System)
	var res SweepResult
	circuits, err := store.LiveCircuitContracts(ctx, s.network.DB(), store.ContractFilter{})
	if err != nil {
		return res, err
	}
	res.Checked = len(circuits)
	today := s.Today()
	type change struct {
		c        *models.Circuit
		from, to string
	}
	var changes []change
	for _, c := range circuits {
		if from, to, changed := analytics.StateChange(c, today, s.policy); changed {
			changes = append(changes, change{c, from, to})
		}
	}
	for start := 0; start < len(changes); start += sweepChunk {
		chunk := changes[start:min(start+sweepChunk, len(changes))]
		var changed, skipped int
		var ids []string
		err := s.network.InTx(ctx, func(tx bun.Tx) error {
			changed, skipped, ids = 0, 0, ids[:0]
			at := s.now().UTC()
			for _, ch := range chunk {
				ok, err := store.SetRenewalState(ctx, tx, ch.c.ID, ch.c.Version, ch.to, at)
				if err != nil {
					return err
				}
				if !ok {
					skipped++
					continue
				}
				if err := s.addEvent(ctx, tx, auth.System, ch.c.ID, today, ch.from, ch.to, "date-driven"); err != nil {
					return err
				}
				if err := s.network.Audit().Write(ctx, tx, AuditActionRenewal, "circuit", ch.c.ID, models.Changes{
					"renewal_state": {Before: orNil(ch.from), After: orNil(ch.to)},
				}); err != nil {
					return err
				}
				changed++
				ids = append(ids, ch.c.ID)
			}
			return nil
		})
		if err != nil {
			return res, err
		}
		res.Changed += changed
		res.Skipped += skipped
		if changed > 0 {
			s.circuitsChanged(ids...)
		}
	}
	return res, nil
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SweepAndLog runs Sweep and logs its outcome; the app calls it at start
// and every SweepInterval.
func (s *Service) SweepAndLog(ctx context.Context) {
	res, err := s.Sweep(ctx)
	if err != nil {
		if ctx.Err() == nil {
			slog.Error("renewal sweep failed", "err", err)
		}
		return
	}
	if res.Changed > 0 || res.Skipped > 0 {
		slog.Info("renewal sweep", "checked", res.Checked, "changed", res.Changed, "skipped", res.Skipped)
	}
}
