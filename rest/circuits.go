package rest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/store"
)

// carrierView is the carrier nested in a circuit.
type carrierView struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	NOCPhone  string `json:"noc_phone"`
	NOCEmail  string `json:"noc_email"`
	PortalURL string `json:"portal_url"`
}

// contractView is the contract nested in a circuit; names match the create fields.
type contractView struct {
	TermStart    *models.Date    `json:"contract_term_start_date"`
	TermEnd      *models.Date    `json:"contract_term_end_date"`
	TermMonths   *int64          `json:"contract_term_months"`
	RenewalType  string          `json:"renewal_type"`
	NoticeDays   int64           `json:"notice_days"`
	ETF          *models.Money   `json:"etf_usd"`
	ETFPct       *models.Decimal `json:"etf_pct"`
	EscalatorPct *models.Decimal `json:"escalator_pct"`
	RenewalState string          `json:"renewal_state"`
}

// circuitView is a circuit as REST shows it.
type circuitView struct {
	ID                  string          `json:"id"`
	Label               string          `json:"xiber_circuit_label"`
	CarrierCircuitID    string          `json:"carrier_circuit_id"`
	CarrierName         string          `json:"carrier_name"`
	ServiceType         string          `json:"service_type"`
	BandwidthMbps       *int64          `json:"bandwidth_mbps"`
	Status              string          `json:"status"`
	MRC                 models.Money    `json:"mrc_usd"`
	NRC                 models.Money    `json:"nrc_usd"`
	MonitoringURL       string          `json:"monitoring_url"`
	MonitoringSearchURL string          `json:"monitoring_search_url"`
	ProviderPortalURL   string          `json:"provider_portal_url"`
	Notes               string          `json:"notes"`
	Carrier             carrierView     `json:"carrier"`
	Contract            contractView    `json:"contract"`
	A                   models.Endpoint `json:"a_endpoint"`
	Z                   models.Endpoint `json:"z_endpoint"`
	Version             int64           `json:"version"`
	CreatedAt           time.Time       `json:"created_at"`
	UpdatedAt           time.Time       `json:"updated_at"`
}

// circuitDetail adds the lifecycle to the view.
type circuitDetail struct {
	circuitView
	itemFigures
	LifecycleEvents []models.CircuitEvent `json:"lifecycle_events"`
}

func (a *API) circuitView(c *models.Circuit, carrier *models.ServiceProvider) circuitView {
	v := circuitView{
		ID: c.ID, Label: c.Label, CarrierCircuitID: c.CarrierCircuitID, ServiceType: c.ServiceType,
		BandwidthMbps: c.BandwidthMbps, Status: c.Status, MRC: c.MRC, NRC: c.NRC,
		MonitoringURL: c.MonitoringURL, MonitoringSearchURL: a.monitoringSearchURL(c), Notes: c.Notes,
		Contract: contractView{c.TermStart, c.TermEnd, c.TermMonths, c.RenewalType, c.NoticeDays, c.ETF, c.ETFPct, c.EscalatorPct, c.RenewalState},
		A:        c.A(), Z: c.Z(), Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
	}
	if carrier != nil {
		v.CarrierName = carrier.Name
		v.ProviderPortalURL = carrier.PortalURL
		v.Carrier = carrierView{carrier.ID, carrier.Name, carrier.NOCPhone, carrier.NOCEmail, carrier.PortalURL}
	}
	return v
}

// monitoringSearchURL fills the configured template with the carrier
// circuit ID; empty when either is missing.
func (a *API) monitoringSearchURL(c *models.Circuit) string {
	t := a.deps.MonitoringSearchURL
	if t == "" || c.CarrierCircuitID == "" {
		return ""
	}
	return strings.ReplaceAll(t, "{query}", url.QueryEscape(c.CarrierCircuitID))
}

// circuitViews renders circuits with their carriers, loaded in one batch.
func (a *API) circuitViews(r *http.Request, cs []models.Circuit) ([]circuitView, error) {
	ids := make([]string, 0, len(cs))
	for _, c := range cs {
		ids = append(ids, c.CarrierID)
	}
	carriers, err := a.deps.Network.ProvidersByID(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]circuitView, len(cs))
	for i := range cs {
		out[i] = a.circuitView(&cs[i], carriers[cs[i].CarrierID])
	}
	return out, nil
}

func circuitFilter(q *params) store.CircuitFilter {
	return store.CircuitFilter{
		Carrier:     q.str("carrier"),
		Status:      q.enums("status", models.CircuitStatuses),
		ServiceType: q.enums("service_type", models.ServiceTypes),
		State:       q.str("state"),
		Search:      q.str("search"),
		Page:        q.page(),
	}
}

// circuitDetail is the circuit's detail with its lifecycle. The P&L from
// the attribution model (placement, margin…) is added here, once the
// attribution engine exposes it.
func (a *API) circuitDetail(r *http.Request, id string) (any, int64, error) {
	ctx := r.Context()
	c, err := a.deps.Network.Circuit(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	views, err := a.circuitViews(r, []models.Circuit{*c})
	if err != nil {
		return nil, 0, err
	}
	events, err := a.deps.Network.CircuitEvents(ctx, []string{id})
	if err != nil {
		return nil, 0, err
	}
	rep, err := a.deps.Network.Attribution(ctx)
	if err != nil {
		return nil, 0, err
	}
	return &circuitDetail{circuitView: views[0], itemFigures: itemFiguresOf(rep, id), LifecycleEvents: nonNil(events[id])}, c.Version, nil
}

// eventRequest is a manual lifecycle event; the date is read here so a bad
// one is named.
type eventRequest struct {
	EventType string  `json:"event_type"`
	EventDate *string `json:"event_date"`
	Notes     string  `json:"notes"`
}

// addCircuitEvent records a manual lifecycle event and answers it (201).
func (a *API) addCircuitEvent(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "circuit_id")
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	var req eventRequest
	if err := decodeStrict(w, r, &req); err != nil {
		WriteError(w, r, err, "body")
		return
	}
	in := network.EventInput{EventType: req.EventType, Notes: req.Notes}
	if req.EventDate != nil {
		d, err := models.ParseDate(*req.EventDate)
		if err != nil {
			WriteError(w, r, models.Invalid("event_date", "value_error", "must be a date YYYY-MM-DD"), "body")
			return
		}
		in.EventDate = &d
	}
	ev, err := a.deps.Network.AddCircuitEvent(r.Context(), id, in)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeJSON(w, http.StatusCreated, ev)
}

// setETag sends the record's version as its entity tag.
func setETag(w http.ResponseWriter, version int64) {
	w.Header().Set("ETag", `"`+strconv.FormatInt(version, 10)+`"`)
}
