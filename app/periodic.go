package app

import (
	"context"
	"sync"
	"time"
)

// every runs job in a goroutine every interval until the app closes;
// Close cancels the job's context and waits for a running job to finish.
// Jobs log their own failures and are tried again at the next tick.
func (a *App) every(interval time.Duration, job func(context.Context)) {
	a.stops = append(a.stops, every(interval, job))
}

// every is App.every's runner; the returned stop ends it.
func every(interval time.Duration, job func(context.Context)) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				job(ctx)
			}
		}
	})
	return func() { cancel(); wg.Wait() }
}
