// Package demo builds a deterministic demo network for NetOS: Xiber, a
// fixed-wireless and fiber ISP in Ohio and around, with its data centers,
// POPs, towers, customers, carrier circuits, radios, power bills and the
// subtended-link hierarchy that attributes their cost to the customers.
//
// The same day in gives byte-identical records out, so the demo can be
// loaded into any database (`netos serve --demo`) and used as a fixture in
// tests. Nothing here reads the clock or the environment.
package demo

import (
	"time"

	"github.com/google/uuid"

	"github.com/xiber/netos/models"
)

// Network is the whole demo data set, each slice in insertion order.
type Network struct {
	Providers  []models.ServiceProvider
	Assets     []models.InfrastructureAsset
	Customers  []models.Customer
	Circuits   []models.Circuit
	Events     []models.CircuitEvent
	RFSystems  []models.RFSystem
	RFLinks    []models.RFLink
	Electrical []models.ElectricalService
	Links      []models.SubtendedLink
}

// namespace roots every demo ID, so that IDs depend only on what a record
// is ("asset/COL1"), never on the day the demo was built.
var namespace = uuid.NewSHA1(uuid.NameSpaceDNS, []byte("demo.netos.xiber.net"))

// demoUser signs the lifecycle events the demo writes.
const demoUser = "demo"

// Build returns the demo network as of today. Contract terms, lifecycle
// events and timestamps are placed relative to today; everything else is
// fixed. Build(d) always returns the same records for the same d.
func Build(today models.Date) *Network {
	b := &builder{
		today:     today,
		stamp:     today.Time().UTC(),
		net:       &Network{},
		providers: map[string]string{},
		assets:    map[string]*models.InfrastructureAsset{},
		customers: map[string]*models.Customer{},
		circuits:  map[string]string{},
		systems:   map[string]*models.RFSystem{},
		rfLinks:   map[string]string{},
	}
	b.buildProviders()
	b.buildSites()
	b.buildCustomers()
	b.buildRFSystems()
	b.buildRFLinks()
	b.buildCircuits()
	b.buildElectrical()
	b.buildHierarchy()
	return b.net
}

// builder carries the lookups the steps of Build share. Maps hold IDs (or
// pointers into the Network's slices, taken only once a slice is complete)
// keyed by the short codes the data tables use.
type builder struct {
	today models.Date
	stamp time.Time
	net   *Network

	providers map[string]string                      // provider name → ID
	assets    map[string]*models.InfrastructureAsset // site code → asset
	customers map[string]*models.Customer            // customer key → customer
	circuits  map[string]string                      // Xiber label → ID
	systems   map[string]*models.RFSystem            // system key → system
	rfLinks   map[string]string                      // RF link key → ID

	// radio lists the radio-served customers with their towers, in order.
	radio []radioCustomer
	// endlinks lists the customer endlinks in order, for the hierarchy.
	endlinks []*models.RFLink
	// sources lists the PtMP source nodes in order, for the hierarchy.
	sources []*models.RFLink
}

// newID is the deterministic UUID of the record of a kind with a key.
func newID(kind, key string) string {
	return uuid.NewSHA1(namespace, []byte(kind+"/"+key)).String()
}

// record is the bookkeeping of a new demo record.
func (b *builder) record(kind, key string) models.Record {
	return models.Record{ID: newID(kind, key), CreatedAt: b.stamp, UpdatedAt: b.stamp, Version: 1}
}

// day is the date n days from today (negative: in the past).
func (b *builder) day(n int) models.Date { return b.today.AddDays(n) }

func ptr[T any](v T) *T { return &v }

// usd is a whole number of dollars.
func usd(dollars int64) models.Money { return models.Dollars(dollars, 0) }

// pct is a whole percentage (pct(3) = 3 %).
func pct(n int64) models.Decimal { return models.DecimalFromInt(n) }
