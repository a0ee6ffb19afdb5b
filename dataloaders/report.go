package dataloaders

import (
	"context"
	"sync"

	"github.com/xiber/netos/attribution"
	"github.com/xiber/netos/network"
)

// reportOnce holds the one attribution report a request reads: every margin
// field of the request resolves from it, so figures in one response always
// agree and no field recomputes anything.
type reportOnce struct {
	svc  *network.Service
	once sync.Once
	rep  *attribution.Report
	err  error
}

// Report returns the request's attribution report, fetched (from the
// service's cache) on first use.
func (l *Loaders) Report(ctx context.Context) (*attribution.Report, error) {
	l.report.once.Do(func() { l.report.rep, l.report.err = l.report.svc.Attribution(ctx) })
	return l.report.rep, l.report.err
}
