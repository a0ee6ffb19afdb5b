package network_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/store"
)

// env is a network service on a fresh database, with a writer's context.
type env struct {
	s   *network.Service
	db  *store.DB
	ctx context.Context
	t   *testing.T
}

func newEnv(t *testing.T) *env {
	t.Helper()
	clock := &dbtest.Clock{T: time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)}
	db := dbtest.DB(t)
	s := network.New(db, audit.New(clock.Now), clock.Now)
	return &env{s: s, db: db, ctx: auth.WithPrincipal(context.Background(), auth.Principal{User: "tester", Role: auth.NetworkEng}), t: t}
}

func (e *env) asset(name string, mrc int64) string {
	e.t.Helper()
	a, err := e.s.CreateInfrastructure(e.ctx, network.Values{"name": name, "site_type": "tower", "mrc_usd": models.Dollars(mrc, 0)})
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

func (e *env) customer(name string, mrr int64) string {
	e.t.Helper()
	c, err := e.s.CreateCustomer(e.ctx, network.Values{"name": name, "mrr_usd": models.Dollars(mrr, 0)})
	if err != nil {
		e.t.Fatal(err)
	}
	return c.ID
}

func (e *env) circuit(label string, mrc int64) string {
	e.t.Helper()
	c, err := e.s.CreateCircuit(e.ctx, network.Values{"xiber_circuit_label": label, "carrier_name": "Lumen", "service_type": "wave", "mrc_usd": models.Dollars(mrc, 0)})
	if err != nil {
		e.t.Fatal(err)
	}
	return c.ID
}

func (e *env) link(parent, kind, child string, extra network.Values) (*models.SubtendedLink, error) {
	v := network.Values{"child_kind": kind, "child_id": child}
	for k, x := range extra {
		v[k] = x
	}
	return e.s.CreateLink(e.ctx, parent, v)
}

func (e *env) mustLink(parent, kind, child string, extra network.Values) *models.SubtendedLink {
	e.t.Helper()
	l, err := e.link(parent, kind, child, extra)
	if err != nil {
		e.t.Fatal(err)
	}
	return l
}

func TestSubtendedLinkRules(t *testing.T) {
	e := newEnv(t)
	dc, t1, t2 := e.asset("DC", 1000), e.asset("T1", 100), e.asset("T2", 100)
	cust := e.customer("Acme", 500)
	wave, dia := e.circuit("WAVE-1", 2500), e.circuit("DIA-1", 3000)
	e.mustLink(dc, models.KindInfrastructure, t1, network.Values{"transport_kind": "circuit", "transport_id": wave})
	e.mustLink(t1, models.KindInfrastructure, t2, nil)
	e.mustLink(dc, models.KindCircuit, dia, nil)

	t.Run("a cycle is refused with the path that would close it", func(t *testing.T) {
		_, err := e.link(t2, models.KindInfrastructure, dc, nil)
		var ce *models.ConflictError
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v, want a conflict", err)
		}
		want := []string{t2, dc, t1, t2}
		if len(ce.Path) != len(want) {
			t.Fatalf("path = %v, want %v", ce.Path, want)
		}
		for i := range want {
			if ce.Path[i] != want[i] {
				t.Fatalf("path = %v, want %v", ce.Path, want)
			}
		}
	})
	cases := []struct {
		name   string
		parent string
		kind   string
		child  string
		extra  network.Values
		want   error
	}{
		{"a duplicate pair is a conflict", t1, models.KindInfrastructure, t2, nil, models.ErrConflict},
		{"a circuit placed as child cannot be a transport", t2, models.KindCustomer, cust, network.Values{"transport_kind": "circuit", "transport_id": dia}, models.ErrConflict},
		{"a transport cannot be placed twice", t2, models.KindCustomer, cust, network.Values{"transport_kind": "circuit", "transport_id": wave}, models.ErrConflict},
		{"a circuit cannot be a child twice", t1, models.KindCircuit, dia, nil, models.ErrConflict},
		{"a site is never its own child", t1, models.KindInfrastructure, t1, nil, models.ErrInvalid},
		{"a missing child is invalid", t1, models.KindCustomer, "8d8e4333-8182-4443-8e0d-f2307276db52", nil, models.ErrInvalid},
		{"a child of the wrong kind is invalid", t1, models.KindCircuit, cust, nil, models.ErrInvalid},
		{"an item child has no transport", t1, models.KindCircuit, e.circuit("X-1", 1), network.Values{"transport_kind": "circuit", "transport_id": wave}, models.ErrInvalid},
		{"a customer is never a parent", cust, models.KindInfrastructure, t1, nil, models.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := e.link(tc.parent, tc.kind, tc.child, tc.extra); !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
	t.Run("a soft-deleted reference is invalid", func(t *testing.T) {
		gone := e.customer("Gone", 1)
		if err := e.s.DeleteCustomer(e.ctx, gone, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := e.link(t2, models.KindCustomer, gone, nil); !errors.Is(err, models.ErrInvalid) {
			t.Fatalf("err = %v, want invalid", err)
		}
	})
	t.Run("nothing is stored when a rule fails", func(t *testing.T) {
		links, n, err := e.s.Links(e.ctx, storeAll())
		if err != nil || n != 3 {
			t.Fatalf("%d links stored (%v), want 3: %+v", n, err, links)
		}
	})
	t.Run("a read role cannot write", func(t *testing.T) {
		ro := auth.WithPrincipal(context.Background(), auth.Principal{User: "r", Role: auth.Sales})
		if _, err := e.s.CreateLink(ro, t2, network.Values{"child_kind": "customer", "child_id": cust}); !errors.Is(err, models.ErrForbidden) {
			t.Fatalf("err = %v, want forbidden", err)
		}
	})
}

func TestCustomerEndlinkSync(t *testing.T) {
	e := newEnv(t)
	tower, other := e.asset("Tower", 100), e.asset("Other Tower", 100)
	cust := e.customer("Acme", 500)
	base, err := e.s.CreateRFSystem(e.ctx, network.Values{"name": "ePMP 3000", "link_type": "ptmp", "equipment_role": "ptmp_base", "monthly_cost_usd": models.Dollars(40, 0)})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := e.s.CreateRFSystem(e.ctx, network.Values{"name": "Force 300", "link_type": "ptmp", "equipment_role": "ptmp_subscriber",
		"monthly_cost_usd": models.Dollars(20, 0), "compatible_base_system_ids": []string{base.ID}})
	if err != nil {
		t.Fatal(err)
	}
	src, err := e.s.CreateRFLink(e.ctx, network.Values{"name": "Sector A", "rf_system_id": base.ID, "a_infrastructure_id": tower})
	if err != nil {
		t.Fatal(err)
	}
	if src.Topology != models.TopologyPtMPSource || src.LinkKind != models.LinkKindSourceNode {
		t.Fatalf("source node derived as %s/%s", src.Topology, src.LinkKind)
	}
	end, err := e.s.CreateRFLink(e.ctx, network.Values{"name": "Acme CPE", "rf_system_id": sub.ID, "a_infrastructure_id": tower,
		"z_customer_id": cust, "ptmp_source_id": src.ID})
	if err != nil {
		t.Fatal(err)
	}
	if end.MRC != models.Dollars(20, 0) || end.LinkKind != models.LinkKindEndlink {
		t.Fatalf("endlink = %+v", end)
	}
	links, _, err := e.s.Links(e.ctx, storeAll())
	if err != nil || len(links) != 1 {
		t.Fatalf("links = %+v, %v", links, err)
	}
	l := links[0]
	if l.ParentID != tower || l.ChildID != cust || l.TransportID == nil || *l.TransportID != end.ID {
		t.Fatalf("synced link = %+v", l)
	}
	t.Run("a client on an incompatible system is refused", func(t *testing.T) {
		other, _ := e.s.CreateRFSystem(e.ctx, network.Values{"name": "Other base", "link_type": "ptmp", "equipment_role": "ptmp_base"})
		src2, err := e.s.CreateRFLink(e.ctx, network.Values{"name": "Sector B", "rf_system_id": other.ID, "a_infrastructure_id": tower})
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.s.CreateRFLink(e.ctx, network.Values{"name": "Bad CPE", "rf_system_id": sub.ID, "a_infrastructure_id": tower,
			"z_customer_id": e.customer("B", 1), "ptmp_source_id": src2.ID})
		if !errors.Is(err, models.ErrInvalid) {
			t.Fatalf("err = %v, want invalid", err)
		}
	})
	t.Run("a system in use cannot be deleted", func(t *testing.T) {
		if err := e.s.DeleteRFSystem(e.ctx, sub.ID, nil); !errors.Is(err, models.ErrConflict) {
			t.Fatalf("err = %v, want conflict", err)
		}
	})
	t.Run("deleting the endlink removes the transport", func(t *testing.T) {
		if err := e.s.DeleteRFLink(e.ctx, end.ID, nil); err != nil {
			t.Fatal(err)
		}
		links, _, _ := e.s.Links(e.ctx, storeAll())
		if len(links) != 1 || links[0].TransportID != nil {
			t.Fatalf("links after delete = %+v", links)
		}
	})
	_ = other
}

func TestOptimisticConcurrency(t *testing.T) {
	e := newEnv(t)
	id := e.customer("Acme", 100)
	v1 := int64(1)
	if _, err := e.s.UpdateCustomer(e.ctx, id, network.Values{"mrr_usd": models.Dollars(200, 0)}, &v1); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.UpdateCustomer(e.ctx, id, network.Values{"mrr_usd": models.Dollars(300, 0)}, &v1); !errors.Is(err, models.ErrStale) {
		t.Fatalf("err = %v, want stale", err)
	}
}
