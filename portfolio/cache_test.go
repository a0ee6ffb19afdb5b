package portfolio_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/portfolio"
)

// TestCachedDashboardMatchesAFreshOne checks the dashboard's caches (the
// dashboard per change and day, its data per change, the circuits a renewal
// write re-reads alone) against a service that has cached nothing, after
// each kind of change.
func TestCachedDashboardMatchesAFreshOne(t *testing.T) {
	clock := &apptest.Clock{T: today}
	a := apptest.New(t, apptest.Options{Now: clock.Now})
	ids := []string{}
	for i, end := range []int{20, 75, 100, 170, 400, -30} {
		ids = append(ids, newCircuit(t, a, map[string]any{"xiber_circuit_label": "C-" + string(rune('A'+i)), "carrier_name": "Lumen",
			"service_type": "wave", "mrc_usd": 1000, "renewal_type": "auto", "notice_days": 60, "escalator_pct": 3,
			"contract_term_start_date": today.AddDate(-2, 0, 0).Format(time.DateOnly),
			"contract_term_end_date":   today.AddDate(0, 0, end).Format(time.DateOnly)}))
	}
	svc := a.Portfolio
	check := func(t *testing.T) {
		t.Helper()
		got, err := svc.Dashboard(reader())
		if err != nil {
			t.Fatal(err)
		}
		want, err := portfolio.New(a.Network, analytics.RenewalPolicy{WindowDays: 180}, clock.Now).Dashboard(reader())
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("cached dashboard\n%+v\nfresh\n%+v", got, want)
		}
	}
	check(t)
	t.Run("a new day", func(t *testing.T) {
		clock.T = today.AddDate(0, 0, 30)
		check(t)
	})
	t.Run("a renewal action", func(t *testing.T) {
		w := auth.WithPrincipal(context.Background(), auth.Principal{User: "test", Role: auth.Exec})
		if _, err := svc.RenewalAction(w, ids[1], analytics.ActionNegotiating, analytics.RenewalActionInput{}, nil); err != nil {
			t.Fatal(err)
		}
		check(t)
	})
	t.Run("a sweep", func(t *testing.T) {
		clock.T = today.AddDate(0, 0, 60)
		if _, err := svc.Sweep(context.Background()); err != nil {
			t.Fatal(err)
		}
		check(t)
	})
	t.Run("a network write", func(t *testing.T) {
		newCircuit(t, a, map[string]any{"xiber_circuit_label": "C-Z", "carrier_name": "Zayo", "service_type": "dia", "mrc_usd": 5000})
		check(t)
	})
}
