package app

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestEveryRunsUntilStopped(t *testing.T) {
	var runs atomic.Int32
	ranTwice := make(chan struct{})
	stop := every(time.Millisecond, func(ctx context.Context) {
		if runs.Add(1) == 2 {
			close(ranTwice)
		}
	})
	select {
	case <-ranTwice:
	case <-time.After(5 * time.Second):
		t.Fatal("the job never ran twice")
	}
	done := make(chan struct{})
	go func() { stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("stop did not return")
	}
	after := runs.Load()
	time.Sleep(10 * time.Millisecond)
	if runs.Load() != after {
		t.Error("the job ran after stop returned")
	}
}
