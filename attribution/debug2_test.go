package attribution

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestDebugTiming(t *testing.T) {
	if os.Getenv("PHASES") == "" {
		t.Skip()
	}
	s := SyntheticSnapshot(10_000, 100_000, 150_000, 1)
	names := []string{"graph", "topo", "costs", "down", "up", "roundCosts", "roundRevenue", "downstream", "report(all)", "total"}
	best := make([]time.Duration, len(names))
	for i := range best {
		best[i] = time.Hour
	}
	for range 10 {
		var ts []time.Duration
		t0 := time.Now()
		lap := func() { ts = append(ts, time.Since(t0)); t0 = time.Now() }
		start := t0
		g, _ := NewGraph(s)
		lap()
		order, _ := g.topoOrder()
		lap()
		f := &flows{g: g, order: order}
		f.costs()
		lap()
		f.down()
		lap()
		f.up()
		lap()
		f.roundCosts()
		lap()
		f.roundRevenue()
		lap()
		f.downstream()
		lap()
		f.report()
		lap()
		ts = append(ts, time.Since(start))
		for i := range ts {
			best[i] = min(best[i], ts[i])
		}
	}
	out := ""
	for i, n := range names {
		out += fmt.Sprintf("%s=%v ", n, best[i].Round(time.Millisecond/10))
	}
	t.Log(out)
}
