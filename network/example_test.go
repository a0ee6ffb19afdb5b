package network_test

import (
	"testing"

	"github.com/xiber/netos/attribution"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// buildWorkedExample creates ATTRIBUTION.md §6 through the domain service,
// as any client would, and returns the IDs by name.
func buildWorkedExample(e *env) map[string]string {
	e.t.Helper()
	ids := map[string]string{}
	must := func(id string, err error) string {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
		return id
	}
	site := func(name string, mrc, power int64) {
		a, err := e.s.CreateInfrastructure(e.ctx, network.Values{"name": name, "site_type": "tower", "mrc_usd": models.Dollars(mrc, 0)})
		ids[name] = must(a.ID, err)
		if power > 0 {
			el, err := e.s.CreateElectrical(e.ctx, network.Values{"infrastructure_id": a.ID, "avg_monthly_cost_usd": models.Dollars(power, 0)})
			must(el.ID, err)
		}
	}
	site("COL1", 1000, 200)
	site("T1", 1500, 300)
	site("T2", 900, 0)
	ids["DIA-1"] = e.circuit("DIA-1", 3000)
	ids["WAVE-1"] = e.circuit("WAVE-1", 2500)
	ptp, err := e.s.CreateRFSystem(e.ctx, network.Values{"name": "PTP 820", "link_type": "ptp", "equipment_role": "ptp"})
	must(ptp.ID, err)
	bh, err := e.s.CreateRFLink(e.ctx, network.Values{"name": "RF-BH", "rf_system_id": ptp.ID, "a_infrastructure_id": ids["COL1"],
		"z_infrastructure_id": ids["T2"], "mrc_usd": models.Dollars(100, 0)})
	ids["RF-BH"] = must(bh.ID, err)
	e.mustLink(ids["COL1"], models.KindCircuit, ids["DIA-1"], nil)
	e.mustLink(ids["COL1"], models.KindInfrastructure, ids["T1"], network.Values{"transport_kind": "circuit", "transport_id": ids["WAVE-1"]})
	e.mustLink(ids["COL1"], models.KindInfrastructure, ids["T2"], network.Values{"transport_kind": "rf_link", "transport_id": ids["RF-BH"]})
	for _, c := range []struct {
		name string
		mrr  int64
	}{{"A", 6000}, {"B", 4000}} {
		ids[c.name] = e.customer(c.name, c.mrr)
		l, err := e.s.CreateRFLink(e.ctx, network.Values{"name": "EL-" + c.name, "rf_system_id": ptp.ID, "a_infrastructure_id": ids["T1"],
			"z_customer_id": ids[c.name], "mrc_usd": models.Dollars(20, 0)})
		ids["EL-"+c.name] = must(l.ID, err)
	}
	ids["C"] = e.customer("C", 3500)
	e.mustLink(ids["T2"], models.KindCustomer, ids["C"], nil)
	return ids
}

func TestWorkedExampleToTheCent(t *testing.T) {
	e := newEnv(t)
	ids := buildWorkedExample(e)
	rep, err := e.s.Attribution(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	usd := func(d, c int64) models.Money { return models.Dollars(d, c) }
	asset := func(name string) attribution.AssetPL { pl, _ := rep.Asset(ids[name]); return pl }
	customer := func(name string) attribution.CustomerPL { pl, _ := rep.Customer(ids[name]); return pl }
	item := func(name string) attribution.ItemPL { pl, _ := rep.Item(ids[name]); return pl }
	checks := []struct {
		name      string
		got, want models.Money
	}{
		{"pool(COL1)", asset("COL1").Pool, usd(4200, 0)},
		{"pool(T1)", asset("T1").Pool, usd(6400, 0)},
		{"pool(T2)", asset("T2").Pool, usd(3100, 0)},
		{"cost(A)", customer("A").Cost, usd(3220, 0)},
		{"cost(B)", customer("B").Cost, usd(3220, 0)},
		{"cost(C)", customer("C").Cost, usd(3100, 0)},
		{"margin(A)", customer("A").Margin, usd(2780, 0)},
		{"margin(B)", customer("B").Margin, usd(780, 0)},
		{"margin(C)", customer("C").Margin, usd(400, 0)},
		{"total cost", rep.Totals.TotalCost, usd(9540, 0)},
		{"total revenue", rep.Totals.TotalRevenue, usd(13500, 0)},
		{"total margin", rep.Totals.TotalMargin, usd(3960, 0)},
		{"stranded", rep.Totals.StrandedCost, 0},
		{"revenue(WAVE-1)", item("WAVE-1").AttributedRevenue, usd(3881, 99)},
		{"margin(WAVE-1)", item("WAVE-1").Margin, usd(1381, 99)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if p := item("WAVE-1").Placement; p.Kind != "transport" || p.InfrastructureID != ids["COL1"] {
		t.Errorf("WAVE-1 placement = %+v", p)
	}
	paths := rep.ServingPaths(ids["A"])
	if len(paths) != 1 || len(paths[0]) != 2 || paths[0][0].InfrastructureName != "COL1" || paths[0][1].TransportID != ids["EL-A"] {
		t.Errorf("serving paths of A = %+v", paths)
	}
}
