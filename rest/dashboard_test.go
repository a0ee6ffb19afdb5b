package rest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
)

// pfToday is the fixed day of the portfolio tests (the examples of
// docs/analytics.md use it too).
var pfToday = time.Date(2026, 6, 15, 12, 0, 0, 0, time.UTC)

func newPortfolioApp(t *testing.T) (*apptest.App, *apptest.Clock) {
	t.Helper()
	clock := &apptest.Clock{T: pfToday}
	return apptest.New(t, apptest.Options{Now: clock.Now}), clock
}

// day is pfToday + n days as YYYY-MM-DD.
func day(n int) string { return pfToday.AddDate(0, 0, n).Format(time.DateOnly) }

// pfPost creates a record from fields and returns its ID.
func pfPost(t *testing.T, a *apptest.App, path string, fields map[string]any) string {
	t.Helper()
	b, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	return send(t, a, "exec", "POST", path, string(b)).want(t, http.StatusCreated).id(t)
}

// pfSummary is a circuit summary as REST shows it.
type pfSummary struct {
	ID             string   `json:"id"`
	Label          string   `json:"xiber_circuit_label"`
	Carrier        string   `json:"carrier_name"`
	ServiceType    string   `json:"service_type"`
	Status         string   `json:"status"`
	MRC            float64  `json:"mrc_usd"`
	Margin         float64  `json:"margin_usd"`
	TermEnd        *string  `json:"contract_term_end_date"`
	RenewalState   string   `json:"renewal_state"`
	Deadline       *string  `json:"notice_deadline"`
	ETF            float64  `json:"etf_usd"`
	ProjectedMRC   float64  `json:"projected_mrc_usd"`
	MarginPct      *float64 `json:"margin_pct"`
	AttributedRev  float64  `json:"attributed_revenue_usd"`
	DaysToDeadline *int     `json:"days_to_deadline"`
}

func labels(rows []pfSummary) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Label
	}
	return out
}

// pfDashboard is the dashboard as REST shows it.
type pfDashboard struct {
	AsOf string             `json:"as_of"`
	KPIs map[string]float64 `json:"kpis"`
	// Spend rows carry both the guide's mrc and mrc_usd.
	SpendByCarrier []struct {
		Carrier      string  `json:"carrier"`
		MRC          float64 `json:"mrc"`
		MRCUSD       float64 `json:"mrc_usd"`
		CircuitCount int     `json:"circuit_count"`
	} `json:"spend_by_carrier"`
	ServiceMix []struct {
		ServiceType string `json:"service_type"`
		Count       int    `json:"count"`
	} `json:"service_mix"`
	StateMix []struct {
		State string `json:"state"`
		Count int    `json:"count"`
	} `json:"state_mix"`
	RenewalPipeline []struct {
		State string `json:"state"`
		Count int    `json:"count"`
	} `json:"renewal_pipeline"`
	MarginHistogram []struct {
		Bucket string `json:"bucket"`
		Count  int    `json:"count"`
	} `json:"margin_histogram"`
	AtRisk       []pfSummary `json:"at_risk_circuits"`
	TopExpensive []pfSummary `json:"top_expensive"`
	LowestMargin []pfSummary `json:"lowest_margin"`
	CostForecast []struct {
		Month      string  `json:"month"`
		CircuitMRC float64 `json:"circuit_mrc_usd"`
		AssetMRC   float64 `json:"asset_mrc_usd"`
		Total      float64 `json:"total_mrc_usd"`
	} `json:"cost_forecast"`
	ETFExposure float64 `json:"etf_exposure_usd"`
}

// portfolioNet is the hand-built network of the KPI tests, on pfToday
// (window 180 days, notice 60 days):
//
//	c1 Lumen wave active $1,000, OH, ends T+90 (notice_due), etf 50 %
//	c2 Lumen dia pending_disconnect $500, no state, no term
//	c3 Zayo wave active $2,000, Z GA, ends T+200 (not_due), etf $5,000,
//	   3 % escalator from 2025-07-01
//	c4 Zayo dark_fiber ordered $300, OH, ends T+59 (notice_missed)
//	c5 Cogent ethernet decommissioned $100, IL
//	c6 deleted, $9,999
//
// plus an active tower ($1,000), an inactive tower ($400), an active
// customer ($3,000 MRR) and an inactive one ($700).
func portfolioNet(t *testing.T, a *apptest.App) map[string]string {
	t.Helper()
	ids := map[string]string{}
	circuit := func(key string, f map[string]any) {
		f["xiber_circuit_label"] = "PF-" + key
		ids[key] = pfPost(t, a, "/api/v1/circuits", f)
	}
	circuit("c1", map[string]any{"carrier_name": "Lumen", "service_type": "wave", "mrc_usd": 1000, "a_endpoint_state": "OH",
		"contract_term_end_date": day(90), "renewal_type": "manual", "etf_pct": 50})
	circuit("c2", map[string]any{"carrier_name": "Lumen", "service_type": "dia", "status": "pending_disconnect", "mrc_usd": 500})
	circuit("c3", map[string]any{"carrier_name": "Zayo", "service_type": "wave", "mrc_usd": 2000, "z_endpoint_state": "GA",
		"contract_term_start_date": "2025-07-01", "contract_term_end_date": day(200), "renewal_type": "manual", "etf_usd": 5000, "escalator_pct": 3})
	circuit("c4", map[string]any{"carrier_name": "Zayo", "service_type": "dark_fiber", "status": "ordered", "mrc_usd": 300,
		"a_endpoint_state": "OH", "contract_term_end_date": day(59), "renewal_type": "manual"})
	circuit("c5", map[string]any{"carrier_name": "Cogent", "service_type": "ethernet", "status": "decommissioned", "mrc_usd": 100, "a_endpoint_state": "IL"})
	circuit("c6", map[string]any{"carrier_name": "Cogent", "service_type": "wave", "mrc_usd": 9999, "a_endpoint_state": "TX", "contract_term_end_date": day(10)})
	send(t, a, "exec", "DELETE", "/api/v1/circuits/"+ids["c6"], "").want(t, http.StatusNoContent)
	pfPost(t, a, "/api/v1/infrastructure", map[string]any{"name": "PF Tower", "site_type": "tower", "mrc_usd": 1000})
	pfPost(t, a, "/api/v1/infrastructure", map[string]any{"name": "PF Old Tower", "site_type": "tower", "status": "inactive", "mrc_usd": 400})
	pfPost(t, a, "/api/v1/customers", map[string]any{"name": "PF Customer", "mrr_usd": 3000})
	pfPost(t, a, "/api/v1/customers", map[string]any{"name": "PF Gone", "status": "inactive", "mrr_usd": 700})
	return ids
}

func TestDashboardKPIsOnAHandBuiltNetwork(t *testing.T) {
	a, _ := newPortfolioApp(t)
	ids := portfolioNet(t, a)
	d := decodeAs[pfDashboard](t, send(t, a, "read_only", "GET", "/api/v1/dashboard/summary", "").want(t, http.StatusOK))

	t.Run("kpis follow the definitions exactly", func(t *testing.T) {
		want := map[string]float64{
			"total_circuits": 5, "active_circuits": 2, "infrastructure_count": 2,
			"circuit_mrc": 3500, "facility_mrc": 1000, "total_mrc": 4500,
			"modeled_mrr": 3000, "modeled_margin": -1500, "renewal_window_count": 2,
			"circuit_mrc_usd": 3500, "facility_mrc_usd": 1000, "total_mrc_usd": 4500,
			"modeled_mrr_usd": 3000, "modeled_margin_usd": -1500,
		}
		for k, v := range want {
			if got, ok := d.KPIs[k]; !ok || got != v {
				t.Errorf("%s", describe("kpis.%s = %v (present %v), want %v", k, got, ok, v))
			}
		}
		if d.AsOf != "2026-06-15" {
			t.Errorf("as_of %s", d.AsOf)
		}
	})
	t.Run("spend by carrier counts billing circuits, most spend first", func(t *testing.T) {
		got := fmt.Sprint(d.SpendByCarrier)
		if want := "[{Zayo 2000 2000 1} {Lumen 1500 1500 2}]"; got != want {
			t.Errorf("%s", describe("spend_by_carrier %s, want %s", got, want))
		}
	})
	t.Run("service mix counts live circuits", func(t *testing.T) {
		if got, want := fmt.Sprint(d.ServiceMix), "[{wave 2} {dark_fiber 1} {dia 1} {ethernet 1}]"; got != want {
			t.Errorf("%s", describe("service_mix %s, want %s", got, want))
		}
	})
	t.Run("state mix takes A, then Z, then unknown", func(t *testing.T) {
		if got, want := fmt.Sprint(d.StateMix), "[{OH 2} {GA 1} {IL 1} {unknown 1}]"; got != want {
			t.Errorf("%s", describe("state_mix %s, want %s", got, want))
		}
	})
	t.Run("renewal pipeline lists every state", func(t *testing.T) {
		got := map[string]int{}
		for _, r := range d.RenewalPipeline {
			got[r.State] = r.Count
		}
		if len(d.RenewalPipeline) != 11 || got["not_due"] != 1 || got["notice_due"] != 1 || got["notice_missed"] != 1 || got["in_window"] != 0 {
			t.Errorf("%s", describe("renewal_pipeline %v", d.RenewalPipeline))
		}
	})
	t.Run("margin histogram counts billing circuits", func(t *testing.T) {
		if got, want := fmt.Sprint(d.MarginHistogram), "[{no_revenue 3} {<0 0} {0-20 0} {20-40 0} {40-60 0} {60-80 0} {80-100 0}]"; got != want {
			t.Errorf("%s", describe("margin_histogram %s, want %s", got, want))
		}
	})
	t.Run("rankings", func(t *testing.T) {
		if got := labels(d.AtRisk); !slices.Equal(got, []string{"PF-c4", "PF-c1"}) {
			t.Errorf("%s", describe("at_risk_circuits %v", got))
		}
		if got := labels(d.TopExpensive); !slices.Equal(got, []string{"PF-c3", "PF-c1", "PF-c2"}) {
			t.Errorf("%s", describe("top_expensive %v", got))
		}
		if got := labels(d.LowestMargin); !slices.Equal(got, []string{"PF-c3", "PF-c1", "PF-c2"}) {
			t.Errorf("%s", describe("lowest_margin %v", got))
		}
	})
	t.Run("a circuit summary carries the circuit's figures", func(t *testing.T) {
		c1 := d.AtRisk[1]
		if c1.ID != ids["c1"] || c1.Carrier != "Lumen" || c1.ServiceType != "wave" || c1.Status != "active" || c1.MRC != 1000 ||
			c1.Margin != -1000 || c1.TermEnd == nil || *c1.TermEnd != day(90) || c1.RenewalState != "notice_due" ||
			c1.Deadline == nil || *c1.Deadline != day(30) || c1.ETF != 1500 {
			t.Errorf("%s", describe("c1 summary %+v", c1))
		}
		c3 := d.TopExpensive[0]
		if c3.MRC != 2000 || c3.ProjectedMRC != 2000 || c3.RenewalState != "not_due" || c3.ETF != 5000 {
			t.Errorf("%s", describe("c3 summary %+v", c3))
		}
	})
	t.Run("forecast escalates at the anniversary", func(t *testing.T) {
		if len(d.CostForecast) != 12 || d.CostForecast[0].Month != "2026-07-01" || d.CostForecast[11].Month != "2027-06-01" {
			t.Fatalf("%s", describe("forecast months %+v", d.CostForecast))
		}
		for _, p := range d.CostForecast {
			if p.CircuitMRC != 3560 || p.AssetMRC != 1000 || p.Total != 4560 {
				t.Errorf("%s", describe("forecast point %+v, want 3560 + 1000", p))
			}
		}
	})
	t.Run("etf exposure total", func(t *testing.T) {
		if d.ETFExposure != 6500 {
			t.Errorf("%s", describe("etf_exposure_usd %v, want 6500", d.ETFExposure))
		}
	})
}

func TestDashboardOnAnEmptyNetwork(t *testing.T) {
	a, _ := newPortfolioApp(t)
	body := send(t, a, "sales", "GET", "/api/v1/dashboard/summary", "").want(t, http.StatusOK).obj(t)
	for _, k := range []string{"spend_by_carrier", "service_mix", "state_mix", "at_risk_circuits", "top_expensive", "lowest_margin"} {
		if v, ok := body[k].([]any); !ok || len(v) != 0 {
			t.Errorf("%s", describe("%s = %v, want []", k, body[k]))
		}
	}
	send(t, a, "", "GET", "/api/v1/dashboard/summary", "").want(t, http.StatusUnauthorized)
}

func TestETFExposureFilters(t *testing.T) {
	a, _ := newPortfolioApp(t)
	portfolioNet(t, a)
	type exposure struct {
		Total     float64 `json:"total_usd"`
		ByCarrier []struct {
			Carrier  string  `json:"carrier"`
			Total    float64 `json:"total_usd"`
			Circuits []struct {
				Label      string  `json:"xiber_circuit_label"`
				ETF        float64 `json:"etf_usd"`
				Basis      string  `json:"basis"`
				MonthsLeft int     `json:"months_left"`
			} `json:"circuits"`
		} `json:"by_carrier"`
	}
	for _, tc := range []struct{ query, want string }{
		{"", "6500 [{Zayo 5000 [{PF-c3 5000 fixed 0}]} {Lumen 1500 [{PF-c1 1500 pct 3}]}]"},
		{"?carrier=Zayo", "5000 [{Zayo 5000 [{PF-c3 5000 fixed 0}]}]"},
		{"?carrier=lumen", "1500 [{Lumen 1500 [{PF-c1 1500 pct 3}]}]"},
		{"?carrier=Cogent", "0 []"},
		{"?carrier=Nobody", "0 []"},
	} {
		t.Run("carrier filter "+tc.query, func(t *testing.T) {
			e := decodeAs[exposure](t, send(t, a, "finance", "GET", "/api/v1/etf-exposure"+tc.query, "").want(t, http.StatusOK))
			if got := fmt.Sprint(e.Total, " ", e.ByCarrier); got != tc.want {
				t.Errorf("%s", describe("got %s, want %s", got, tc.want))
			}
		})
	}
}

func TestRenewalsListFilters(t *testing.T) {
	a, _ := newPortfolioApp(t)
	portfolioNet(t, a)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{"PF-c4", "PF-c1", "PF-c3"}},
		{"?state=notice_due", []string{"PF-c1"}},
		{"?state=expired", []string{}},
		{"?within_days=59", []string{"PF-c4"}},
		{"?within_days=58", []string{}},
		{"?within_days=90", []string{"PF-c4", "PF-c1"}},
		{"?within_days=90&state=notice_missed", []string{"PF-c4"}},
		{"?limit=1&offset=1", []string{"PF-c1"}},
	} {
		t.Run("query "+tc.query, func(t *testing.T) {
			r := send(t, a, "read_only", "GET", "/api/v1/renewals"+tc.query, "").want(t, http.StatusOK)
			if got := labels(decodeAs[[]pfSummary](t, r)); !slices.Equal(got, tc.want) {
				t.Errorf("%s", describe("got %v, want %v", got, tc.want))
			}
		})
	}
	if got := send(t, a, "read_only", "GET", "/api/v1/renewals?limit=1", "").header.Get("X-Total-Count"); got != "3" {
		t.Errorf("X-Total-Count %q, want 3", got)
	}
	for _, q := range []string{"state=bogus", "state=NOT_DUE", "within_days=-1", "within_days=abc", "within_days=3651", "within_days=1.5", "limit=0"} {
		t.Run("bad query "+q+" is 422", func(t *testing.T) {
			r := send(t, a, "read_only", "GET", "/api/v1/renewals?"+q, "").want(t, http.StatusUnprocessableEntity)
			if locs := errorLocs(t, r); len(locs) != 1 || locs[0][:6] != "query." {
				t.Errorf("locs %v", locs)
			}
		})
	}
}

// TestRenewalStateBoundaries walks every threshold of docs/analytics.md
// (day before, day of, day after) through GET /renewals and the window KPI.
func TestRenewalStateBoundaries(t *testing.T) {
	a, _ := newPortfolioApp(t)
	cases := []struct {
		name, renewalType string
		end               int
		state             string
		inWindow          bool
	}{
		{"window opens: day before", "manual", 181, "not_due", false},
		{"window opens: day of", "manual", 180, "in_window", true},
		{"window opens: day after", "manual", 179, "in_window", true},
		{"notice due: day before", "manual", 91, "in_window", true},
		{"notice due: day of", "manual", 90, "notice_due", true},
		{"notice due: day after", "manual", 89, "notice_due", true},
		{"deadline: day before", "manual", 61, "notice_due", true},
		{"deadline: day of", "manual", 60, "notice_due", true},
		{"deadline: day after", "manual", 59, "notice_missed", true},
		{"term end: day before", "manual", 1, "notice_missed", true},
		{"term end: day of", "manual", 0, "notice_missed", true},
		{"term end: day after (manual)", "manual", -1, "expired", false},
		{"term end: day after (none)", "none", -1, "expired", false},
		{"term end: day after (month_to_month)", "month_to_month", -1, "month_to_month", false},
		{"term end: day after (auto)", "auto", -1, "auto_renewed", false},
	}
	window := 0
	for i, tc := range cases {
		pfPost(t, a, "/api/v1/circuits", map[string]any{"xiber_circuit_label": fmt.Sprintf("B-%02d", i), "carrier_name": "Lumen",
			"service_type": "wave", "mrc_usd": 100, "renewal_type": tc.renewalType, "contract_term_end_date": day(tc.end)})
		if tc.inWindow {
			window++
		}
	}
	rows := decodeAs[[]pfSummary](t, send(t, a, "read_only", "GET", "/api/v1/renewals?limit=1000", "").want(t, http.StatusOK))
	got := map[string]string{}
	for _, r := range rows {
		got[r.Label] = r.RenewalState
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if s := got[fmt.Sprintf("B-%02d", i)]; s != tc.state {
				t.Errorf("%s", describe("term end T%+d: state %q, want %q", tc.end, s, tc.state))
			}
		})
	}
	d := decodeAs[pfDashboard](t, send(t, a, "read_only", "GET", "/api/v1/dashboard/summary", "").want(t, http.StatusOK))
	if d.KPIs["renewal_window_count"] != float64(window) {
		t.Errorf("%s", describe("renewal_window_count %v, want %d", d.KPIs["renewal_window_count"], window))
	}
}

func TestRenewalActionRoles(t *testing.T) {
	a, _ := newPortfolioApp(t)
	id := pfPost(t, a, "/api/v1/circuits", map[string]any{"xiber_circuit_label": "R-1", "carrier_name": "Lumen", "service_type": "wave",
		"mrc_usd": 100, "renewal_type": "manual", "contract_term_end_date": day(100)})
	path := "/api/v1/circuits/" + id + "/renewal"
	for _, role := range auth.Roles {
		t.Run("role "+string(role), func(t *testing.T) {
			r := send(t, a, string(role), "POST", path, `{"action":"negotiating"}`)
			want := http.StatusForbidden
			if role.CanWrite() {
				want = http.StatusOK
			}
			r.want(t, want)
		})
	}
	send(t, a, "", "POST", path, `{"action":"negotiating"}`).want(t, http.StatusUnauthorized)
	send(t, a, "bogus", "POST", path, `{"action":"negotiating"}`).want(t, http.StatusUnauthorized)
}

func TestRenewalActions(t *testing.T) {
	a, clock := newPortfolioApp(t)
	id := pfPost(t, a, "/api/v1/circuits", map[string]any{"xiber_circuit_label": "R-1", "carrier_name": "Lumen", "service_type": "wave",
		"mrc_usd": 1000, "renewal_type": "manual", "contract_term_start_date": "2023-07-01", "escalator_pct": 3,
		"contract_term_end_date": day(50)})
	path := "/api/v1/circuits/" + id + "/renewal"
	type result struct {
		From    string                    `json:"from_state"`
		To      string                    `json:"to_state"`
		Changed map[string]map[string]any `json:"changed_fields"`
		Circuit pfSummary                 `json:"circuit"`
	}
	act := func(role, body string, code int) result {
		t.Helper()
		r := send(t, a, role, "POST", path, body).want(t, code)
		if code != http.StatusOK {
			return result{}
		}
		return decodeAs[result](t, r)
	}
	events := func() []map[string]any {
		t.Helper()
		var out []map[string]any
		for _, e := range send(t, a, "read_only", "GET", "/api/v1/circuits/"+id, "").want(t, http.StatusOK).obj(t)["lifecycle_events"].([]any) {
			if ev := e.(map[string]any); ev["event_type"] == "renewal_state_changed" {
				out = append(out, ev)
			}
		}
		return out
	}
	audits := func() int {
		t.Helper()
		r := send(t, a, "exec", "GET", "/api/v1/audit/activity?action=renewal&entity_id="+id, "").want(t, http.StatusOK)
		return len(decodeAs[[]any](t, r))
	}

	t.Run("notice_sent records state, event and audit once", func(t *testing.T) {
		r := act("finance", `{"action":"notice_sent"}`, http.StatusOK)
		if r.From != "notice_missed" || r.To != "notice_sent" || r.Circuit.RenewalState != "notice_sent" {
			t.Errorf("%s", describe("result %+v", r))
		}
		if ev := events(); len(ev) != 1 || ev[0]["from_value"] != "notice_missed" || ev[0]["to_value"] != "notice_sent" {
			t.Errorf("%s", describe("events %v", ev))
		}
		if n := audits(); n != 1 {
			t.Errorf("%s", describe("%d renewal audit entries, want 1", n))
		}
	})
	t.Run("repeating it records nothing", func(t *testing.T) {
		r := act("finance", `{"action":"notice_sent"}`, http.StatusOK)
		if len(r.Changed) != 0 || len(events()) != 1 || audits() != 1 {
			t.Errorf("%s", describe("repeat changed %v", r.Changed))
		}
	})
	t.Run("bad actions are 422 on the field", func(t *testing.T) {
		for body, loc := range map[string]string{
			`{"action":"bogus"}`:   "body.action",
			`{}`:                   "body.action",
			`{"action":"renewed"}`: "body.contract_term_start_date",
			`{"action":"negotiating","contract_term_end_date":"2027-01-01"}`:                                     "body.contract_term_end_date",
			`{"action":"renewed","contract_term_start_date":"2026-13-01","contract_term_end_date":"2027-06-30"}`: "body.contract_term_start_date",
			`{"action":"reset","extra":1}`: "body.extra",
		} {
			r := send(t, a, "exec", "POST", path, body).want(t, http.StatusUnprocessableEntity)
			if locs := errorLocs(t, r); !slices.Contains(locs, loc) {
				t.Errorf("%s", describe("%s: locs %v, want %s", body, locs, loc))
			}
		}
		send(t, a, "exec", "POST", "/api/v1/circuits/not-a-uuid/renewal", `{"action":"reset"}`).want(t, http.StatusUnprocessableEntity)
		send(t, a, "exec", "POST", "/api/v1/circuits/00000000-0000-4000-8000-000000000000/renewal", `{"action":"reset"}`).want(t, http.StatusNotFound)
	})
	t.Run("renewed re-bases the term at the escalated price", func(t *testing.T) {
		clock.T = pfToday.AddDate(0, 0, 10)
		r := act("pm", `{"action":"renewed","contract_term_start_date":"2026-08-04","contract_term_end_date":"2029-08-03"}`, http.StatusOK)
		// Three anniversaries of 2023-07-01 by 2026-08-03: 1000 × 1.03³.
		if r.To != "renewed" || r.Circuit.MRC != 1092.73 || r.Circuit.TermEnd == nil || *r.Circuit.TermEnd != "2029-08-03" {
			t.Errorf("%s", describe("renewed %+v", r))
		}
		if _, ok := r.Changed["mrc_usd"]; !ok {
			t.Errorf("changed %v", r.Changed)
		}
		if ev := events(); len(ev) != 2 || ev[1]["from_value"] != "notice_sent" || ev[1]["to_value"] != "renewed" {
			t.Errorf("%s", describe("events %v", ev))
		}
		detail := send(t, a, "read_only", "GET", "/api/v1/circuits/"+id, "").want(t, http.StatusOK).obj(t)
		if detail["version"] != float64(3) || detail["mrc_usd"] != 1092.73 {
			t.Errorf("%s", describe("detail version %v mrc %v", detail["version"], detail["mrc_usd"]))
		}
		// The new price reaches the attribution model at once.
		d := decodeAs[pfDashboard](t, send(t, a, "read_only", "GET", "/api/v1/dashboard/summary", "").want(t, http.StatusOK))
		if d.KPIs["total_mrc"] != 1092.73 || len(d.LowestMargin) != 1 || d.LowestMargin[0].Margin != -1092.73 {
			t.Errorf("%s", describe("dashboard after renewal %v %+v", d.KPIs, d.LowestMargin))
		}
	})
	t.Run("a stale version is 409", func(t *testing.T) {
		act("exec", `{"action":"reset","version":1}`, http.StatusConflict)
		send(t, a, "exec", "POST", path, `{"action":"reset"}`, `If-Match: "1"`).want(t, http.StatusPreconditionFailed)
	})
}
