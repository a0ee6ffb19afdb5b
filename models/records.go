package models

import (
	"time"

	"github.com/uptrace/bun"
)

// Record is the bookkeeping every mutable record carries: a UUID made in Go,
// UTC timestamps set in Go, soft delete, and a version for optimistic
// concurrency (every update bumps it; an update naming an older one fails).
type Record struct {
	ID        string     `bun:"id,pk" json:"id"`
	CreatedAt time.Time  `bun:"created_at,notnull" json:"created_at"`
	UpdatedAt time.Time  `bun:"updated_at,notnull" json:"updated_at"`
	DeletedAt *time.Time `bun:"deleted_at" json:"-"`
	Version   int64      `bun:"version,notnull" json:"version"`
}

// RecordID is the record's ID (lets generic code take any record).
func (r *Record) RecordID() string { return r.ID }

// Base gives generic code the embedded Record.
func (r *Record) Base() *Record { return r }

// ServiceProvider is a carrier, tower company, landlord or utility.
type ServiceProvider struct {
	bun.BaseModel `bun:"table:service_providers"`
	Record
	Name          string `bun:"name,notnull" json:"name"`
	NameKey       string `bun:"name_key,notnull" json:"-"` // lower-cased name, unique among live providers
	ProviderType  string `bun:"provider_type,nullzero" json:"provider_type"`
	NOCPhone      string `bun:"noc_phone,nullzero" json:"noc_phone"`
	NOCEmail      string `bun:"noc_email,nullzero" json:"noc_email"`
	PortalURL     string `bun:"portal_url,nullzero" json:"portal_url"`
	AccountNumber string `bun:"account_number,nullzero" json:"account_number"`
	Notes         string `bun:"notes,nullzero" json:"notes"`
}

// Endpoint is one end of a circuit as a snapshot (name, address,
// coordinates), optionally linked to the site it lands on.
type Endpoint struct {
	Name             string   `json:"name"`
	Address          string   `json:"address"`
	State            string   `json:"state"`
	Lat              *float64 `json:"lat"`
	Lng              *float64 `json:"lng"`
	InfrastructureID *string  `json:"infrastructure_id"`
	CustomerID       *string  `json:"customer_id"`
}

// IsEmpty reports whether nothing of the endpoint is set.
func (e Endpoint) IsEmpty() bool {
	return e.Name == "" && e.Address == "" && e.State == "" && e.Lat == nil && e.Lng == nil &&
		e.InfrastructureID == nil && e.CustomerID == nil
}

// Circuit is a carrier circuit with its contract and both endpoints.
type Circuit struct {
	bun.BaseModel `bun:"table:circuits"`
	Record
	Label            string   `bun:"xiber_circuit_label,notnull" json:"xiber_circuit_label"`
	CarrierCircuitID string   `bun:"carrier_circuit_id,nullzero" json:"carrier_circuit_id"`
	CarrierID        string   `bun:"carrier_id,notnull" json:"carrier_id"`
	ServiceType      string   `bun:"service_type,notnull" json:"service_type"`
	BandwidthMbps    *int64   `bun:"bandwidth_mbps" json:"bandwidth_mbps"`
	Status           string   `bun:"status,notnull" json:"status"`
	MRC              Money    `bun:"mrc_cents,notnull" json:"mrc_usd"`
	NRC              Money    `bun:"nrc_cents,notnull" json:"nrc_usd"`
	MonitoringURL    string   `bun:"monitoring_url,nullzero" json:"monitoring_url"`
	Notes            string   `bun:"notes,nullzero" json:"notes"`
	TermStart        *Date    `bun:"contract_term_start_date" json:"contract_term_start_date"`
	TermEnd          *Date    `bun:"contract_term_end_date" json:"contract_term_end_date"`
	TermMonths       *int64   `bun:"contract_term_months" json:"contract_term_months"`
	RenewalType      string   `bun:"renewal_type,nullzero" json:"renewal_type"`
	NoticeDays       int64    `bun:"notice_days,notnull" json:"notice_days"`
	ETF              *Money   `bun:"etf_cents" json:"etf_usd"`
	ETFPct           *Decimal `bun:"etf_pct" json:"etf_pct"`
	EscalatorPct     *Decimal `bun:"escalator_pct" json:"escalator_pct"`
	RenewalState     string   `bun:"renewal_state,nullzero" json:"renewal_state"`

	AName             string   `bun:"a_endpoint_name,nullzero" json:"a_endpoint_name"`
	AAddress          string   `bun:"a_endpoint_address,nullzero" json:"a_endpoint_address"`
	AState            string   `bun:"a_endpoint_state,nullzero" json:"a_endpoint_state"`
	ALat              *float64 `bun:"a_endpoint_lat" json:"a_endpoint_lat"`
	ALng              *float64 `bun:"a_endpoint_lng" json:"a_endpoint_lng"`
	AInfrastructureID *string  `bun:"a_infrastructure_id" json:"a_infrastructure_id"`
	ACustomerID       *string  `bun:"a_customer_id" json:"a_customer_id"`
	ZName             string   `bun:"z_endpoint_name,nullzero" json:"z_endpoint_name"`
	ZAddress          string   `bun:"z_endpoint_address,nullzero" json:"z_endpoint_address"`
	ZState            string   `bun:"z_endpoint_state,nullzero" json:"z_endpoint_state"`
	ZLat              *float64 `bun:"z_endpoint_lat" json:"z_endpoint_lat"`
	ZLng              *float64 `bun:"z_endpoint_lng" json:"z_endpoint_lng"`
	ZInfrastructureID *string  `bun:"z_infrastructure_id" json:"z_infrastructure_id"`
	ZCustomerID       *string  `bun:"z_customer_id" json:"z_customer_id"`
}

// A is the circuit's A endpoint.
func (c *Circuit) A() Endpoint {
	return Endpoint{c.AName, c.AAddress, c.AState, c.ALat, c.ALng, c.AInfrastructureID, c.ACustomerID}
}

// Z is the circuit's Z endpoint.
func (c *Circuit) Z() Endpoint {
	return Endpoint{c.ZName, c.ZAddress, c.ZState, c.ZLat, c.ZLng, c.ZInfrastructureID, c.ZCustomerID}
}

// ClearZ empties the Z endpoint (single-site services).
func (c *Circuit) ClearZ() {
	c.ZName, c.ZAddress, c.ZState = "", "", ""
	c.ZLat, c.ZLng, c.ZInfrastructureID, c.ZCustomerID = nil, nil, nil, nil
}

// CircuitEvent is one entry of a circuit's lifecycle, recorded automatically
// on every status change and renewal-state change, or posted by hand.
type CircuitEvent struct {
	bun.BaseModel `bun:"table:circuit_events"`
	ID            string    `bun:"id,pk" json:"id"`
	CircuitID     string    `bun:"circuit_id,notnull" json:"circuit_id"`
	EventType     string    `bun:"event_type,notnull" json:"event_type"`
	EventDate     Date      `bun:"event_date,notnull" json:"event_date"`
	FromValue     string    `bun:"from_value,nullzero" json:"from_value"`
	ToValue       string    `bun:"to_value,nullzero" json:"to_value"`
	Notes         string    `bun:"notes,nullzero" json:"notes"`
	CreatedBy     string    `bun:"created_by,nullzero" json:"created_by"`
	CreatedAt     time.Time `bun:"created_at,notnull" json:"created_at"`
}

// InfrastructureAsset is a site NetOS pays for: data center, POP, tower…
type InfrastructureAsset struct {
	bun.BaseModel `bun:"table:infrastructure_assets"`
	Record
	Name              string   `bun:"name,notnull" json:"name"`
	SiteType          string   `bun:"site_type,notnull" json:"site_type"`
	Status            string   `bun:"status,notnull" json:"status"`
	ProviderID        *string  `bun:"provider_id" json:"provider_id"`
	Address           string   `bun:"address,nullzero" json:"address"`
	City              string   `bun:"city,nullzero" json:"city"`
	State             string   `bun:"state,nullzero" json:"state"`
	PostalCode        string   `bun:"postal_code,nullzero" json:"postal_code"`
	Lat               *float64 `bun:"lat" json:"lat"`
	Lng               *float64 `bun:"lng" json:"lng"`
	MRC               Money    `bun:"mrc_cents,notnull" json:"mrc_usd"`
	NRC               Money    `bun:"nrc_cents,notnull" json:"nrc_usd"`
	PriceEscalatorPct *Decimal `bun:"price_escalator_pct" json:"price_escalator_pct"`
	TermStart         *Date    `bun:"term_start_date" json:"term_start_date"`
	TermEnd           *Date    `bun:"term_end_date" json:"term_end_date"`
	RenewalType       string   `bun:"renewal_type,nullzero" json:"renewal_type"`
	MonitoringURL     string   `bun:"monitoring_url,nullzero" json:"monitoring_url"`
	Notes             string   `bun:"notes,nullzero" json:"notes"`
}

// Customer is a commercial or MFC customer site; always a leaf of the hierarchy.
type Customer struct {
	bun.BaseModel `bun:"table:customers"`
	Record
	Name           string   `bun:"name,notnull" json:"name"`
	CustomerType   string   `bun:"customer_type,nullzero" json:"customer_type"`
	Status         string   `bun:"status,notnull" json:"status"`
	Address        string   `bun:"address,nullzero" json:"address"`
	City           string   `bun:"city,nullzero" json:"city"`
	State          string   `bun:"state,nullzero" json:"state"`
	PostalCode     string   `bun:"postal_code,nullzero" json:"postal_code"`
	Lat            *float64 `bun:"lat" json:"lat"`
	Lng            *float64 `bun:"lng" json:"lng"`
	MRR            Money    `bun:"mrr_cents,notnull" json:"mrr_usd"`
	SonarAccountID string   `bun:"sonar_account_id,nullzero" json:"sonar_account_id"`
	Notes          string   `bun:"notes,nullzero" json:"notes"`
}

// RFSystem is a catalogue entry of radio equipment with its defaults.
type RFSystem struct {
	bun.BaseModel `bun:"table:rf_systems"`
	Record
	Name                    string   `bun:"name,notnull" json:"name"`
	Description             string   `bun:"description,nullzero" json:"description"`
	FrequencyBand           string   `bun:"frequency_band,nullzero" json:"frequency_band"`
	FrequencyMHz            *int64   `bun:"frequency_mhz" json:"frequency_mhz"`
	CapacityMbps            *int64   `bun:"capacity_mbps" json:"capacity_mbps"`
	MonthlyCost             Money    `bun:"monthly_cost_cents,notnull" json:"monthly_cost_usd"`
	EquipmentCost           Money    `bun:"equipment_cost_cents,notnull" json:"equipment_cost_usd"`
	LinkType                string   `bun:"link_type,notnull" json:"link_type"`
	EquipmentRole           string   `bun:"equipment_role,notnull" json:"equipment_role"`
	CompatibleBaseSystemIDs []string `bun:"compatible_base_system_ids,type:text,notnull" json:"compatible_base_system_ids"`
}

// RFLink is a radio link: backhaul between two assets, a PtMP source node
// (an AP sector at its A end), or a customer endlink.
type RFLink struct {
	bun.BaseModel `bun:"table:rf_links"`
	Record
	Name              string  `bun:"name,notnull" json:"name"`
	Topology          string  `bun:"topology,notnull" json:"topology"`
	LinkKind          string  `bun:"link_kind,notnull" json:"link_kind"`
	Status            string  `bun:"status,notnull" json:"status"`
	RFSystemID        string  `bun:"rf_system_id,notnull" json:"rf_system_id"`
	AInfrastructureID string  `bun:"a_infrastructure_id,notnull" json:"a_infrastructure_id"`
	ZInfrastructureID *string `bun:"z_infrastructure_id" json:"z_infrastructure_id"`
	ZCustomerID       *string `bun:"z_customer_id" json:"z_customer_id"`
	PtMPSourceID      *string `bun:"ptmp_source_id" json:"ptmp_source_id"`
	FrequencyMHz      *int64  `bun:"frequency_mhz" json:"frequency_mhz"`
	CapacityMbps      *int64  `bun:"capacity_mbps" json:"capacity_mbps"`
	MRC               Money   `bun:"mrc_cents,notnull" json:"mrc_usd"`
	Notes             string  `bun:"notes,nullzero" json:"notes"`
}

// ElectricalService is a power account attached to exactly one site.
type ElectricalService struct {
	bun.BaseModel `bun:"table:electrical_services"`
	Record
	InfrastructureID *string `bun:"infrastructure_id" json:"infrastructure_id"`
	CustomerID       *string `bun:"customer_id" json:"customer_id"`
	ProviderID       *string `bun:"provider_id" json:"provider_id"`
	ServiceType      string  `bun:"service_type,nullzero" json:"service_type"`
	AccountNumber    string  `bun:"account_number,nullzero" json:"account_number"`
	MeterNumber      string  `bun:"meter_number,nullzero" json:"meter_number"`
	Voltage          *int64  `bun:"voltage" json:"voltage"`
	Amperage         *int64  `bun:"amperage" json:"amperage"`
	Phase            string  `bun:"phase,nullzero" json:"phase"`
	DeliveryLocation string  `bun:"delivery_location,nullzero" json:"delivery_location"`
	ServiceAddress   string  `bun:"service_address,nullzero" json:"service_address"`
	AvgMonthlyCost   Money   `bun:"avg_monthly_cost_cents,notnull" json:"avg_monthly_cost_usd"`
	StartDate        *Date   `bun:"start_date" json:"start_date"`
	MonitoringURL    string  `bun:"monitoring_url,nullzero" json:"monitoring_url"`
	Notes            string  `bun:"notes,nullzero" json:"notes"`
}

// SubtendedLink is an edge of the attribution hierarchy: a parent asset
// serves a child (site, circuit or RF link), optionally over a transport.
type SubtendedLink struct {
	bun.BaseModel `bun:"table:subtended_links"`
	Record
	ParentID         string  `bun:"parent_infrastructure_id,notnull" json:"parent_infrastructure_id"`
	ChildKind        string  `bun:"child_kind,notnull" json:"child_kind"`
	ChildID          string  `bun:"child_id,notnull" json:"child_id"`
	TransportKind    *string `bun:"transport_kind" json:"transport_kind"`
	TransportID      *string `bun:"transport_id" json:"transport_id"`
	AllocationWeight Decimal `bun:"allocation_weight,notnull" json:"allocation_weight"`
	Notes            string  `bun:"notes,nullzero" json:"notes"`
}

// IsSiteLink reports whether the child is a site (infrastructure or customer).
func (l *SubtendedLink) IsSiteLink() bool {
	return l.ChildKind == KindInfrastructure || l.ChildKind == KindCustomer
}

// Document is an uploaded file attached to a record; the bytes live in the
// blob store under ID, never under the client's file name.
type Document struct {
	bun.BaseModel `bun:"table:documents"`
	ID            string     `bun:"id,pk" json:"id"`
	OwnerType     string     `bun:"owner_type,notnull" json:"owner_type"`
	OwnerID       string     `bun:"owner_id,notnull" json:"owner_id"`
	Filename      string     `bun:"filename,notnull" json:"filename"`
	ContentType   string     `bun:"content_type,notnull" json:"content_type"`
	SizeBytes     int64      `bun:"size_bytes,notnull" json:"size_bytes"`
	SHA256        string     `bun:"sha256,notnull" json:"sha256"`
	UploadedAt    time.Time  `bun:"uploaded_at,notnull" json:"uploaded_at"`
	UploadedBy    string     `bun:"uploaded_by,notnull" json:"uploaded_by"`
	DeletedAt     *time.Time `bun:"deleted_at" json:"-"`
}

// AuditEntry is one append-only line of the audit trail: a request, or a
// write to one record.
type AuditEntry struct {
	bun.BaseModel `bun:"table:audit_entries"`
	ID            string    `bun:"id,pk" json:"id"`
	Seq           int64     `bun:"seq,notnull" json:"-"` // orders entries made in the same microsecond
	At            time.Time `bun:"at,notnull" json:"at"`
	User          string    `bun:"user_name,nullzero" json:"user"`
	Role          string    `bun:"role,nullzero" json:"role"`
	IP            string    `bun:"ip,nullzero" json:"ip"`
	RequestID     string    `bun:"request_id,nullzero" json:"request_id"`
	EventType     string    `bun:"event_type,notnull" json:"event_type"`
	Action        string    `bun:"action,notnull" json:"action"`
	EntityType    string    `bun:"entity_type,nullzero" json:"entity_type"`
	EntityID      string    `bun:"entity_id,nullzero" json:"entity_id"`
	ChangedFields Changes   `bun:"changed_fields,type:text" json:"changed_fields"`
	Method        string    `bun:"method,nullzero" json:"method,omitempty"`
	Path          string    `bun:"path,nullzero" json:"path,omitempty"`
	Status        int       `bun:"status" json:"status"`
}

// Feedback is a request in the product feedback queue.
type Feedback struct {
	bun.BaseModel `bun:"table:feedback"`
	Record
	Title          string `bun:"title,notnull" json:"title"`
	Description    string `bun:"description,nullzero" json:"description"`
	Priority       string `bun:"priority,notnull" json:"priority"`
	Status         string `bun:"status,notnull" json:"status"`
	RequesterName  string `bun:"requester_name,nullzero" json:"requester_name"`
	RequesterEmail string `bun:"requester_email,nullzero" json:"requester_email"`
}

// FeedbackComment is a progress comment; a public one is emailed to the
// requester, and the delivery state lives beside it so a failed email is
// retried and never loses the comment.
type FeedbackComment struct {
	bun.BaseModel `bun:"table:feedback_comments"`
	ID            string     `bun:"id,pk" json:"id"`
	FeedbackID    string     `bun:"feedback_id,notnull" json:"feedback_id"`
	Body          string     `bun:"body,notnull" json:"body"`
	Public        bool       `bun:"public,notnull" json:"public"`
	Author        string     `bun:"author,nullzero" json:"author"`
	CreatedAt     time.Time  `bun:"created_at,notnull" json:"created_at"`
	NotifyState   string     `bun:"notify_state,nullzero" json:"notify_state,omitempty"` // pending, sent, failed, none
	NotifyTries   int        `bun:"notify_attempts,notnull" json:"-"`
	NotifyError   string     `bun:"notify_error,nullzero" json:"-"`
	NotifiedAt    *time.Time `bun:"notified_at" json:"-"`
}

// ImportJob is a staged circuit import: the uploaded file (kept in the blob
// store), the mapping the preview used, and what the commit did.
type ImportJob struct {
	bun.BaseModel `bun:"table:import_jobs"`
	ID            string            `bun:"id,pk" json:"import_job_id"`
	Owner         string            `bun:"owner,notnull" json:"-"`
	Filename      string            `bun:"filename,notnull" json:"filename"`
	FileType      string            `bun:"file_type,notnull" json:"file_type"`
	Sheet         string            `bun:"sheet,nullzero" json:"sheet"`
	BlobKey       string            `bun:"blob_key,notnull" json:"-"`
	ColumnMapping map[string]string `bun:"column_mapping,type:text" json:"-"`
	Status        string            `bun:"status,notnull" json:"status"` // previewed, committed
	TotalRows     int               `bun:"total_rows,notnull" json:"-"`
	ValidRows     int               `bun:"valid_rows,notnull" json:"-"`
	InvalidRows   int               `bun:"invalid_rows,notnull" json:"-"`
	Inserted      int               `bun:"inserted,notnull" json:"-"`
	Updated       int               `bun:"updated,notnull" json:"-"`
	CreatedAt     time.Time         `bun:"created_at,notnull" json:"created_at"`
	ExpiresAt     time.Time         `bun:"expires_at,notnull" json:"expires_at"`
	CommittedAt   *time.Time        `bun:"committed_at" json:"committed_at"`
}
