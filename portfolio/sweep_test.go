package portfolio_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

var today = time.Date(2026, 6, 15, 8, 0, 0, 0, time.UTC)

func reader() context.Context {
	return auth.WithPrincipal(context.Background(), auth.Principal{User: "test", Role: auth.ReadOnly})
}

// newCircuit creates a circuit through REST and returns its ID.
func newCircuit(t *testing.T, a *apptest.App, fields map[string]any) string {
	t.Helper()
	b, _ := json.Marshal(fields)
	resp := a.Do(t, "exec", "POST", "/api/v1/circuits", string(b))
	var out struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("%s", apptest.Describe("create circuit: %d %v", resp.StatusCode, err))
	}
	return out.ID
}

func TestSweepRecordsEachDateDrivenChangeOnce(t *testing.T) {
	clock := &apptest.Clock{T: today}
	a := apptest.New(t, apptest.Options{Now: clock.Now})
	// Term end T+181, notice 60 days: the window opens on T+1, notice is
	// due from T+91, the deadline is T+121 and the term ends on T+181.
	id := newCircuit(t, a, map[string]any{"xiber_circuit_label": "S-1", "carrier_name": "Lumen", "service_type": "wave",
		"renewal_type": "manual", "contract_term_end_date": today.AddDate(0, 0, 181).Format(time.DateOnly)})
	noTerm := newCircuit(t, a, map[string]any{"xiber_circuit_label": "S-2", "carrier_name": "Lumen", "service_type": "wave"})
	gone := newCircuit(t, a, map[string]any{"xiber_circuit_label": "S-3", "carrier_name": "Lumen", "service_type": "wave",
		"contract_term_end_date": today.AddDate(0, 0, 5).Format(time.DateOnly)})
	if resp := a.Do(t, "exec", "DELETE", "/api/v1/circuits/"+gone, ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("delete: %d", resp.StatusCode)
	}

	steps := []struct {
		name  string
		day   int
		state string // the stored state after the sweep
		new   bool   // whether this sweep records a change
	}{
		{"first sweep stores the state", 0, "not_due", true},
		{"window opens: day of", 1, "in_window", true},
		{"notice due: day before", 90, "in_window", false},
		{"notice due: day of", 91, "notice_due", true},
		{"notice due: day after", 92, "notice_due", false},
		{"deadline: day of", 121, "notice_due", false},
		{"deadline: day after", 122, "notice_missed", true},
		{"term end: day before", 180, "notice_missed", false},
		{"term end: day of", 181, "notice_missed", false},
		{"term end: day after", 182, "expired", true},
	}
	var wantEvents []string
	prev := ""
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			clock.T = today.AddDate(0, 0, st.day)
			res, err := a.Portfolio.Sweep(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			if st.new {
				want = 1
				wantEvents = append(wantEvents, prev+"→"+st.state)
				prev = st.state
			}
			if res.Changed != want || res.Checked != 2 || res.Skipped != 0 {
				t.Errorf("%s", apptest.Describe("sweep %+v, want %d changed of 2", res, want))
			}
			again, err := a.Portfolio.Sweep(context.Background())
			if err != nil || again.Changed != 0 {
				t.Errorf("%s", apptest.Describe("second sweep on the same day: %+v %v", again, err))
			}
			c, err := a.Network.Circuit(reader(), id)
			if err != nil {
				t.Fatal(err)
			}
			if c.RenewalState != st.state || c.Version != int64(1+len(wantEvents)) {
				t.Errorf("%s", apptest.Describe("stored %q v%d, want %q v%d", c.RenewalState, c.Version, st.state, 1+len(wantEvents)))
			}
		})
	}

	events, err := a.Network.CircuitEvents(reader(), []string{id, noTerm, gone})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range events[id] {
		if ev.EventType == "renewal_state_changed" {
			got = append(got, ev.FromValue+"→"+ev.ToValue)
			if ev.CreatedBy != auth.System.User {
				t.Errorf("event by %q", ev.CreatedBy)
			}
		}
	}
	if len(got) != len(wantEvents) {
		t.Fatalf("%s", apptest.Describe("events %v, want %v", got, wantEvents))
	}
	for i := range got {
		if got[i] != wantEvents[i] {
			t.Errorf("%s", apptest.Describe("event %d: %s, want %s", i, got[i], wantEvents[i]))
		}
	}
	for _, other := range []string{noTerm, gone} {
		for _, ev := range events[other] {
			if ev.EventType == "renewal_state_changed" {
				t.Errorf("circuit %s got a renewal event %+v", other, ev)
			}
		}
	}
	entries, total, err := a.Network.AuditActivity(reader(), store.AuditFilter{Action: "renewal", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(wantEvents) {
		t.Fatalf("%s", apptest.Describe("%d renewal audit entries, want %d", total, len(wantEvents)))
	}
	last := entries[0] // newest first
	if last.EntityID != id || last.User != auth.System.User || last.ChangedFields["renewal_state"] != (models.FieldChange{Before: "notice_missed", After: "expired"}) {
		t.Errorf("%s", apptest.Describe("newest audit entry %+v", last))
	}
}

func TestSweepSkipsACircuitChangedMeanwhile(t *testing.T) {
	clock := &apptest.Clock{T: today}
	a := apptest.New(t, apptest.Options{Now: clock.Now})
	id := newCircuit(t, a, map[string]any{"xiber_circuit_label": "S-1", "carrier_name": "Lumen", "service_type": "wave",
		"contract_term_end_date": today.AddDate(0, 0, 10).Format(time.DateOnly)})
	// A stale version never overwrites: SetRenewalState checks it.
	ok, err := store.SetRenewalState(context.Background(), a.DB, id, 99, "expired", today)
	if err != nil || ok {
		t.Fatalf("stale write: %v %v", ok, err)
	}
	res, err := a.Portfolio.Sweep(context.Background())
	if err != nil || res.Changed != 1 {
		t.Fatalf("%+v %v", res, err)
	}
}
