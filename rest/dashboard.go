package rest

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/analytics"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/portfolio"
)

// mountPortfolio registers the dashboard, ETF exposure and renewal routes.
func (a *API) mountPortfolio(r chi.Router) {
	r.Get("/dashboard/summary", a.dashboardSummary)
	r.Get("/etf-exposure", a.etfExposure)
	r.Get("/renewals", a.renewals)
	r.Post("/circuits/{circuit_id}/renewal", a.renewalAction)
}

// kpisView adds the contract's _usd twins to the guide's KPI names.
type kpisView struct {
	portfolio.KPIs
	CircuitMRCUSD    models.Money `json:"circuit_mrc_usd"`
	FacilityMRCUSD   models.Money `json:"facility_mrc_usd"`
	TotalMRCUSD      models.Money `json:"total_mrc_usd"`
	ModeledMRRUSD    models.Money `json:"modeled_mrr_usd"`
	ModeledMarginUSD models.Money `json:"modeled_margin_usd"`
}

// carrierSpendView adds mrc_usd beside the guide's mrc.
type carrierSpendView struct {
	portfolio.CarrierSpend
	MRCUSD models.Money `json:"mrc_usd"`
}

// dashboardView is the dashboard with the REST twins.
type dashboardView struct {
	*portfolio.Dashboard
	KPIs           kpisView           `json:"kpis"`
	SpendByCarrier []carrierSpendView `json:"spend_by_carrier"`
}

func (a *API) dashboardSummary(w http.ResponseWriter, r *http.Request) {
	d, err := a.deps.Portfolio.Dashboard(r.Context())
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	k := d.KPIs
	v := dashboardView{Dashboard: d, KPIs: kpisView{KPIs: k, CircuitMRCUSD: k.CircuitMRC, FacilityMRCUSD: k.FacilityMRC,
		TotalMRCUSD: k.TotalMRC, ModeledMRRUSD: k.ModeledMRR, ModeledMarginUSD: k.ModeledMargin},
		SpendByCarrier: make([]carrierSpendView, len(d.SpendByCarrier))}
	for i, s := range d.SpendByCarrier {
		v.SpendByCarrier[i] = carrierSpendView{CarrierSpend: s, MRCUSD: s.MRC}
	}
	writeJSON(w, http.StatusOK, v)
}

func (a *API) etfExposure(w http.ResponseWriter, r *http.Request) {
	q := newParams(r)
	f := portfolio.ETFFilter{Carrier: q.str("carrier")}
	if err := q.err(); err != nil {
		WriteError(w, r, err, "query")
		return
	}
	out, err := a.deps.Portfolio.ETFExposure(r.Context(), f)
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// renewals is GET /renewals?state=&within_days=: a bare array with
// X-Total-Count, like every list route.
func (a *API) renewals(w http.ResponseWriter, r *http.Request) {
	q := newParams(r)
	f := portfolio.RenewalFilter{State: q.enum("state", models.RenewalStates)}
	if q.str("within_days") != "" {
		n := q.intIn("within_days", 0, 0, portfolio.MaxWithinDays)
		f.WithinDays = &n
	}
	page := q.page()
	f.Limit, f.Offset = page.Limit, page.Offset
	if err := q.err(); err != nil {
		WriteError(w, r, err, "query")
		return
	}
	rows, total, err := a.deps.Portfolio.Renewals(r.Context(), f)
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	setTotal(w, total)
	writeJSON(w, http.StatusOK, rows)
}

// renewalRequest is the body of POST /circuits/{id}/renewal. Dates are
// read as text so a bad one is reported on its own field.
type renewalRequest struct {
	Action     string        `json:"action"`
	TermStart  *string       `json:"contract_term_start_date"`
	TermEnd    *string       `json:"contract_term_end_date"`
	TermMonths *int64        `json:"contract_term_months"`
	MRC        *models.Money `json:"mrc_usd"`
	// Version, when given, must be the circuit's current version (409
	// otherwise), like If-Match.
	Version *int64 `json:"version"`
}

func (a *API) renewalAction(w http.ResponseWriter, r *http.Request) {
	id, ifVersion, ok := itemPreconditions(w, r, "circuit_id")
	if !ok {
		return
	}
	var req renewalRequest
	if err := decodeStrict(w, r, &req); err != nil {
		WriteError(w, r, err, "body")
		return
	}
	in := analytics.RenewalActionInput{TermMonths: req.TermMonths, MRC: req.MRC}
	var probs models.Problems
	for _, d := range []struct {
		field string
		raw   *string
		dst   **models.Date
	}{{"contract_term_start_date", req.TermStart, &in.TermStart}, {"contract_term_end_date", req.TermEnd, &in.TermEnd}} {
		if d.raw == nil {
			continue
		}
		v, err := models.ParseDate(*d.raw)
		if err != nil {
			probs.Add(d.field, "value_error", "must be a date YYYY-MM-DD")
			continue
		}
		*d.dst = &v
	}
	if err := probs.Err(); err != nil {
		WriteError(w, r, err, "body")
		return
	}
	if ifVersion == nil {
		ifVersion = req.Version
	}
	res, err := a.deps.Portfolio.RenewalAction(r.Context(), id, req.Action, in, ifVersion)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeJSON(w, http.StatusOK, res)
}
