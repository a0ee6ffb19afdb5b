package network_test

import (
	"reflect"
	"testing"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/store"
)

// TestCircuitUpsertWritesWhatCreateAndUpdateWrite creates and changes one
// circuit through CreateCircuit and UpdateCircuit and a twin through the
// import's bulk upsert, and requires the same stored circuit, the same
// lifecycle events and the same audited changes; an unchanged row writes
// nothing.
func TestCircuitUpsertWritesWhatCreateAndUpdateWrite(t *testing.T) {
	e := newEnv(t)
	fields := func(label string, v network.Values) network.Values {
		out := network.Values{"xiber_circuit_label": label}
		for k, x := range v {
			out[k] = x
		}
		return out
	}
	created := network.Values{"carrier_name": "Lumen", "service_type": "wave", "status": "ordered",
		"mrc_usd": models.Dollars(1200, 0), "contract_term_end_date": models.NewDate(2028, 6, 30)}
	changed := network.Values{"mrc_usd": models.Dollars(1300, 50), "status": "active", "notes": "renegotiated",
		"contract_term_end_date": models.NewDate(2029, 6, 30)}

	ref, err := e.s.CreateCircuit(e.ctx, fields("REF", created))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.UpdateCircuit(e.ctx, ref.ID, changed, nil); err != nil {
		t.Fatal(err)
	}
	upsert := func(v network.Values) network.UpsertCounts {
		t.Helper()
		var u *network.CircuitUpsert
		err := e.s.InTx(e.ctx, func(tx bun.Tx) error {
			u = e.s.NewCircuitUpsert(tx, network.ImportAction)
			defer u.Close()
			if err := u.Upsert(e.ctx, []network.Values{v}); err != nil {
				return err
			}
			return u.Close()
		})
		if err != nil {
			t.Fatal(err)
		}
		u.Finish()
		return u.Counts()
	}
	if c := upsert(fields("TWIN", created)); c != (network.UpsertCounts{Inserted: 1}) {
		t.Fatalf("insert counts %+v", c)
	}
	if c := upsert(fields("TWIN", changed)); c != (network.UpsertCounts{Updated: 1}) {
		t.Fatalf("update counts %+v", c)
	}
	if c := upsert(fields("TWIN", changed)); c != (network.UpsertCounts{Updated: 1, Unchanged: 1}) {
		t.Fatalf("unchanged counts %+v", c)
	}

	id, err := store.CircuitIDByLabel(e.ctx, e.db, "TWIN")
	if err != nil {
		t.Fatal(err)
	}
	want, err := e.s.Circuit(e.ctx, ref.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.s.Circuit(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got.ID, got.Label = want.ID, want.Label
	if !reflect.DeepEqual(got, want) {
		t.Errorf("upserted circuit\n%+v\nwant, as CreateCircuit and UpdateCircuit store it,\n%+v", got, want)
	}
	if got.Version != 2 {
		t.Errorf("version %d after one change; want 2", got.Version)
	}

	events, err := e.s.CircuitEvents(e.ctx, []string{ref.ID, id})
	if err != nil {
		t.Fatal(err)
	}
	type event struct{ Type, From, To, On string }
	eventsOf := func(id string) []event {
		var out []event
		for _, ev := range events[id] {
			out = append(out, event{ev.EventType, ev.FromValue, ev.ToValue, ev.EventDate.String()})
		}
		return out
	}
	if got, want := eventsOf(id), eventsOf(ref.ID); len(want) != 2 || !reflect.DeepEqual(got, want) {
		t.Errorf("upsert's lifecycle events %v; want %v", got, want)
	}

	changesOf := func(id string) []models.Changes {
		entries, _, err := store.ListAudit(e.ctx, e.db, store.AuditFilter{EntityType: "circuit", EntityID: id})
		if err != nil {
			t.Fatal(err)
		}
		var out []models.Changes
		for _, en := range entries {
			delete(en.ChangedFields, "xiber_circuit_label")
			delete(en.ChangedFields, "id")
			out = append(out, en.ChangedFields)
		}
		return out
	}
	if got, want := changesOf(id), changesOf(ref.ID); len(want) != 2 || !reflect.DeepEqual(got, want) {
		t.Errorf("upsert's audited changes\n%v\nwant\n%v", got, want)
	}
}

// TestCircuitUpsertSnapshotsSites upserts circuits that land on sites,
// new and re-imported, and requires the endpoints CreateCircuit and
// UpdateCircuit would store: the site's name filled in.
func TestCircuitUpsertSnapshotsSites(t *testing.T) {
	e := newEnv(t)
	pop := e.asset("Columbus POP", 500)
	acme := e.customer("Acme Corp", 900)
	upsert := func(rows ...network.Values) network.UpsertCounts {
		t.Helper()
		var u *network.CircuitUpsert
		err := e.s.InTx(e.ctx, func(tx bun.Tx) error {
			u = e.s.NewCircuitUpsert(tx, network.ImportAction)
			defer u.Close()
			if err := u.Upsert(e.ctx, rows); err != nil {
				return err
			}
			return u.Close()
		})
		if err != nil {
			t.Fatal(err)
		}
		return u.Counts()
	}
	base := func(label string) network.Values {
		return network.Values{"xiber_circuit_label": label, "carrier_name": "Zayo", "service_type": "wave", "mrc_usd": models.Dollars(700, 0)}
	}
	linked, plain := base("LINKED"), base("PLAIN")
	linked["a_infrastructure_id"] = pop
	if c := upsert(linked, plain); c != (network.UpsertCounts{Inserted: 2}) {
		t.Fatalf("insert counts %+v", c)
	}
	relinked := base("PLAIN")
	relinked["z_customer_id"] = acme
	relinked["a_infrastructure_id"] = pop
	if c := upsert(base("LINKED"), relinked); c != (network.UpsertCounts{Updated: 2, Unchanged: 1}) {
		t.Fatalf("update counts %+v", c)
	}
	for label, want := range map[string][2]string{"LINKED": {"Columbus POP", ""}, "PLAIN": {"Columbus POP", "Acme Corp"}} {
		id, err := store.CircuitIDByLabel(e.ctx, e.db, label)
		if err != nil {
			t.Fatal(err)
		}
		c, err := e.s.Circuit(e.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := [2]string{c.AName, c.ZName}; got != want {
			t.Errorf("%s endpoints %q; want %q", label, got, want)
		}
	}
}
