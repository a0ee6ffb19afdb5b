package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// Page is a window of a list.
type Page struct {
	Limit  int
	Offset int
}

// Order sorts a list by one whitelisted column; ties break by id so pages
// are stable.
type Order struct {
	Column string
	Desc   bool
}

// Search matches text against several columns case-insensitively.
type search struct {
	text    string
	columns []string
	// extra adds an OR condition of its own (e.g. the carrier's name).
	extra func(q *bun.SelectQuery, op, pattern string) *bun.SelectQuery
}

func (s search) apply(db bun.IDB, q *bun.SelectQuery) *bun.SelectQuery {
	t := strings.TrimSpace(s.text)
	if t == "" {
		return q
	}
	op, pat := ilike(db), likePattern(t)
	return q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
		for _, c := range s.columns {
			q = q.WhereOr(fmt.Sprintf("?TableAlias.%s %s ? ESCAPE '\\'", c, op), pat)
		}
		if s.extra != nil {
			q = s.extra(q, op, pat)
		}
		return q
	})
}

// listed runs q with order and page and counts every match.
func listed(ctx context.Context, q *bun.SelectQuery, o Order, allowed map[string]bool, def string, p Page, what string) (int, error) {
	col := def
	if o.Column != "" {
		if !allowed[o.Column] {
			return 0, models.Invalid("order_by", "value_error", "cannot order by %s", o.Column)
		}
		col = o.Column
	}
	dir := " ASC"
	if o.Desc {
		dir = " DESC"
	}
	q = q.OrderExpr("?TableAlias.? "+dir+", ?TableAlias.id"+dir, bun.Ident(col))
	if p.Limit > 0 {
		q = q.Limit(int64(p.Limit))
	}
	if p.Offset > 0 {
		q = q.Offset(int64(p.Offset))
	}
	n, err := q.ScanAndCount(ctx)
	if err != nil {
		return 0, translate(err, what)
	}
	return int(n), nil
}

func eq(q *bun.SelectQuery, col, v string) *bun.SelectQuery {
	if v == "" {
		return q
	}
	return q.Where("?TableAlias.? = ?", bun.Ident(col), v)
}

func inIDs(q *bun.SelectQuery, ids []string) *bun.SelectQuery {
	if ids == nil {
		return q
	}
	if len(ids) == 0 {
		return q.Where("1 = 0")
	}
	return q.Where("?TableAlias.id IN (?)", bun.List(ids))
}

// CircuitFilter narrows a circuit list. Empty fields match everything.
type CircuitFilter struct {
	Carrier          string // carrier name, case-insensitive
	CarrierID        string
	Status           []string
	ServiceType      []string
	State            string // A or Z endpoint state
	Search           string // label, carrier circuit ID, carrier name
	InfrastructureID string // lands at the asset (A or Z)
	CustomerID       string // lands at the customer site (A or Z)
	IDs              []string
	Order            Order
	Page
}

var circuitOrders = map[string]bool{"xiber_circuit_label": true, "mrc_cents": true, "status": true, "service_type": true,
	"contract_term_end_date": true, "created_at": true, "updated_at": true, "bandwidth_mbps": true}

// ListCircuits lists live circuits and counts all that match.
func ListCircuits(ctx context.Context, db bun.IDB, f CircuitFilter) ([]models.Circuit, int, error) {
	var out []models.Circuit
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL")
	if f.Carrier != "" {
		q = q.Where("?TableAlias.carrier_id IN (SELECT id FROM service_providers WHERE name_key = ?)", strings.ToLower(strings.TrimSpace(f.Carrier)))
	}
	q = eq(q, "carrier_id", f.CarrierID)
	if len(f.Status) > 0 {
		q = q.Where("?TableAlias.status IN (?)", bun.List(f.Status))
	}
	if len(f.ServiceType) > 0 {
		q = q.Where("?TableAlias.service_type IN (?)", bun.List(f.ServiceType))
	}
	if f.State != "" {
		st := strings.ToUpper(strings.TrimSpace(f.State))
		q = q.Where("(?TableAlias.a_endpoint_state = ? OR ?TableAlias.z_endpoint_state = ?)", st, st)
	}
	if f.InfrastructureID != "" {
		q = q.Where("(?TableAlias.a_infrastructure_id = ? OR ?TableAlias.z_infrastructure_id = ?)", f.InfrastructureID, f.InfrastructureID)
	}
	if f.CustomerID != "" {
		q = q.Where("(?TableAlias.a_customer_id = ? OR ?TableAlias.z_customer_id = ?)", f.CustomerID, f.CustomerID)
	}
	q = inIDs(q, f.IDs)
	q = search{text: f.Search, columns: []string{"xiber_circuit_label", "carrier_circuit_id"},
		extra: func(q *bun.SelectQuery, op, pat string) *bun.SelectQuery {
			return q.WhereOr(fmt.Sprintf("?TableAlias.carrier_id IN (SELECT id FROM service_providers WHERE name %s ? ESCAPE '\\')", op), pat)
		}}.apply(db, q)
	n, err := listed(ctx, q, f.Order, circuitOrders, "xiber_circuit_label", f.Page, "list circuits")
	return out, n, err
}

// SiteFilter narrows a list of infrastructure assets or customers.
type SiteFilter struct {
	Status     []string
	Type       []string // site_type or customer_type
	State      string
	ProviderID string // assets only
	Search     string // name, address, city
	IDs        []string
	Order      Order
	Page
}

var siteOrders = map[string]bool{"name": true, "status": true, "state": true, "city": true, "created_at": true, "updated_at": true}

// ListInfrastructure lists live infrastructure assets.
func ListInfrastructure(ctx context.Context, db bun.IDB, f SiteFilter) ([]models.InfrastructureAsset, int, error) {
	var out []models.InfrastructureAsset
	q := siteQuery(db, db.NewSelect().Model(&out), f, "site_type")
	q = eq(q, "provider_id", f.ProviderID)
	allowed := map[string]bool{"mrc_cents": true, "site_type": true, "term_end_date": true}
	for k := range siteOrders {
		allowed[k] = true
	}
	n, err := listed(ctx, q, f.Order, allowed, "name", f.Page, "list infrastructure")
	return out, n, err
}

// ListCustomers lists live customers.
func ListCustomers(ctx context.Context, db bun.IDB, f SiteFilter) ([]models.Customer, int, error) {
	var out []models.Customer
	q := siteQuery(db, db.NewSelect().Model(&out), f, "customer_type")
	allowed := map[string]bool{"mrr_cents": true, "customer_type": true}
	for k := range siteOrders {
		allowed[k] = true
	}
	n, err := listed(ctx, q, f.Order, allowed, "name", f.Page, "list customers")
	return out, n, err
}

func siteQuery(db bun.IDB, q *bun.SelectQuery, f SiteFilter, typeCol string) *bun.SelectQuery {
	q = q.Where("?TableAlias.deleted_at IS NULL")
	if len(f.Status) > 0 {
		q = q.Where("?TableAlias.status IN (?)", bun.List(f.Status))
	}
	if len(f.Type) > 0 {
		q = q.Where("?TableAlias.? IN (?)", bun.Ident(typeCol), bun.List(f.Type))
	}
	if f.State != "" {
		q = q.Where("?TableAlias.state = ?", strings.ToUpper(strings.TrimSpace(f.State)))
	}
	q = inIDs(q, f.IDs)
	return search{text: f.Search, columns: []string{"name", "address", "city"}}.apply(db, q)
}

// ProviderFilter narrows the service-provider list.
type ProviderFilter struct {
	ProviderType []string
	Search       string
	IDs          []string
	Order        Order
	Page
}

// ListProviders lists live service providers.
func ListProviders(ctx context.Context, db bun.IDB, f ProviderFilter) ([]models.ServiceProvider, int, error) {
	var out []models.ServiceProvider
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL")
	if len(f.ProviderType) > 0 {
		q = q.Where("?TableAlias.provider_type IN (?)", bun.List(f.ProviderType))
	}
	q = inIDs(q, f.IDs)
	q = search{text: f.Search, columns: []string{"name"}}.apply(db, q)
	n, err := listed(ctx, q, f.Order, map[string]bool{"name": true, "created_at": true}, "name", f.Page, "list providers")
	return out, n, err
}

// ProviderByName finds the live provider with this name, case-insensitively.
func ProviderByName(ctx context.Context, db bun.IDB, name string) (*models.ServiceProvider, error) {
	p := new(models.ServiceProvider)
	err := db.NewSelect().Model(p).Where("name_key = ?", strings.ToLower(strings.TrimSpace(name))).
		Where("deleted_at IS NULL").Limit(1).Scan(ctx)
	if err != nil {
		return nil, translate(err, "provider "+name)
	}
	return p, nil
}

// RFSystemFilter narrows the RF system catalogue.
type RFSystemFilter struct {
	LinkType      []string
	EquipmentRole []string
	Search        string
	IDs           []string
	Order         Order
	Page
}

// ListRFSystems lists live RF systems.
func ListRFSystems(ctx context.Context, db bun.IDB, f RFSystemFilter) ([]models.RFSystem, int, error) {
	var out []models.RFSystem
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL")
	if len(f.LinkType) > 0 {
		q = q.Where("?TableAlias.link_type IN (?)", bun.List(f.LinkType))
	}
	if len(f.EquipmentRole) > 0 {
		q = q.Where("?TableAlias.equipment_role IN (?)", bun.List(f.EquipmentRole))
	}
	q = inIDs(q, f.IDs)
	q = search{text: f.Search, columns: []string{"name", "description", "frequency_band"}}.apply(db, q)
	n, err := listed(ctx, q, f.Order, map[string]bool{"name": true, "monthly_cost_cents": true, "created_at": true}, "name", f.Page, "list rf systems")
	return out, n, err
}

// RFLinkFilter narrows the RF link list.
type RFLinkFilter struct {
	Status           []string
	Topology         []string
	LinkKind         []string
	RFSystemID       string
	InfrastructureID string // A or Z end
	CustomerID       string
	PtMPSourceID     string
	Search           string
	IDs              []string
	Order            Order
	Page
}

// ListRFLinks lists live RF links.
func ListRFLinks(ctx context.Context, db bun.IDB, f RFLinkFilter) ([]models.RFLink, int, error) {
	var out []models.RFLink
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL")
	for col, vals := range map[string][]string{"status": f.Status, "topology": f.Topology, "link_kind": f.LinkKind} {
		if len(vals) > 0 {
			q = q.Where("?TableAlias.? IN (?)", bun.Ident(col), bun.List(vals))
		}
	}
	q = eq(q, "rf_system_id", f.RFSystemID)
	q = eq(q, "z_customer_id", f.CustomerID)
	q = eq(q, "ptmp_source_id", f.PtMPSourceID)
	if f.InfrastructureID != "" {
		q = q.Where("(?TableAlias.a_infrastructure_id = ? OR ?TableAlias.z_infrastructure_id = ?)", f.InfrastructureID, f.InfrastructureID)
	}
	q = inIDs(q, f.IDs)
	q = search{text: f.Search, columns: []string{"name", "notes"}}.apply(db, q)
	n, err := listed(ctx, q, f.Order, map[string]bool{"name": true, "status": true, "mrc_cents": true, "created_at": true}, "name", f.Page, "list rf links")
	return out, n, err
}

// ElectricalFilter narrows the electrical service list.
type ElectricalFilter struct {
	InfrastructureID string
	CustomerID       string
	ProviderID       string
	Search           string
	IDs              []string
	Order            Order
	Page
}

// ListElectrical lists live electrical services.
func ListElectrical(ctx context.Context, db bun.IDB, f ElectricalFilter) ([]models.ElectricalService, int, error) {
	var out []models.ElectricalService
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL")
	q = eq(q, "infrastructure_id", f.InfrastructureID)
	q = eq(q, "customer_id", f.CustomerID)
	q = eq(q, "provider_id", f.ProviderID)
	q = inIDs(q, f.IDs)
	q = search{text: f.Search, columns: []string{"account_number", "meter_number", "service_address", "notes"}}.apply(db, q)
	n, err := listed(ctx, q, f.Order, map[string]bool{"avg_monthly_cost_cents": true, "created_at": true, "account_number": true}, "created_at", f.Page, "list electrical services")
	return out, n, err
}

// LinkFilter narrows the subtended link list.
type LinkFilter struct {
	ParentID    string
	ChildKind   string
	ChildID     string
	TransportID string
	IDs         []string
	Order       Order
	Page
}

// ListLinks lists subtended links whose own row is live.
func ListLinks(ctx context.Context, db bun.IDB, f LinkFilter) ([]models.SubtendedLink, int, error) {
	var out []models.SubtendedLink
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL")
	q = eq(q, "parent_infrastructure_id", f.ParentID)
	q = eq(q, "child_kind", f.ChildKind)
	q = eq(q, "child_id", f.ChildID)
	q = eq(q, "transport_id", f.TransportID)
	q = inIDs(q, f.IDs)
	n, err := listed(ctx, q, f.Order, map[string]bool{"created_at": true, "child_kind": true}, "created_at", f.Page, "list subtended links")
	return out, n, err
}
