package app_test

import (
	"context"
	"testing"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/demo"
	"github.com/xiber/netos/models"
)

func TestDemoLoadsOnceAndAttributes(t *testing.T) {
	a := apptest.New(t)
	ctx := auth.WithPrincipal(context.Background(), auth.Principal{User: "t", Role: auth.ReadOnly})
	loaded, err := a.LoadDemo(ctx)
	if err != nil || !loaded {
		t.Fatalf("first load = %v, %v", loaded, err)
	}
	if again, err := a.LoadDemo(ctx); err != nil || again {
		t.Fatalf("second load = %v, %v; want no load into a non-empty database", again, err)
	}
	rep, err := a.Network.Attribution(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tot := rep.Totals
	if tot.AttributedCost+tot.StrandedCost != tot.TotalCost {
		t.Errorf("cost does not conserve: %v + %v != %v", tot.AttributedCost, tot.StrandedCost, tot.TotalCost)
	}
	if tot.TotalRevenue == 0 || tot.TotalCost == 0 {
		t.Errorf("empty totals: %+v", tot)
	}
	var strandedAsset, unplaced bool
	for _, s := range rep.Stranded {
		strandedAsset = strandedAsset || s.Label == demo.StrandedAssetName
		unplaced = unplaced || s.Label == demo.UnplacedCircuitLabel
	}
	if !strandedAsset || !unplaced {
		t.Errorf("stranded worklist misses the demo's deliberate items: %+v", rep.Stranded)
	}
	builds := a.Network.AttributionBuilds()
	if _, err := a.Network.Attribution(ctx); err != nil || a.Network.AttributionBuilds() != builds {
		t.Errorf("a second read recomputed the report")
	}
	w := auth.WithPrincipal(ctx, auth.Principal{User: "t", Role: auth.Finance})
	if _, err := a.Network.CreateCustomer(w, map[string]any{"name": "New Customer", "mrr_usd": models.Money(100)}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Network.Attribution(ctx); err != nil || a.Network.AttributionBuilds() != builds+1 {
		t.Errorf("a write did not lead to exactly one rebuild")
	}
}
