package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/xiber/netos/models"
)

// etf is an early-termination fee: fixed dollars, or a percentage of the
// MRC left to pay until the term ends. Zero in both means none.
type etf struct{ fixed, pct int64 }

func fixedETF(dollars int64) etf { return etf{fixed: dollars} }
func pctETF(pct int64) etf       { return etf{pct: pct} }

var noETF = etf{}

// circuitRow is one carrier circuit. a and z are site codes; z is empty
// for single-site services (DIA, broadband) and "cust:KEY" for a customer.
// termEnd (days from today) matters only once the circuit has been
// turned up; the term then started termMonths before it, on the day the
// circuit went active.
type circuitRow struct {
	label, carrier, carrierID, service string
	mbps                               int64 // 0: not applicable (dark fiber)
	status                             string
	a, z                               string
	mrc, nrc                           models.Money
	termEnd                            int
	termMonths                         int64
	renewal                            string
	notice                             int64
	etf                                etf
	escalator                          int64 // % a year
	notes                              string
}

// circuitTable is Xiber's carrier inventory. Term ends are spread from two
// months ago to two years out so that every renewal state has examples:
// four end within 30 days, a dozen within 180.
var circuitTable = []circuitRow{
	// Lumen: the wave backbone between the DCs and out to the POPs.
	{"XIB-LUM-0001", lumen, "DHEC.482113", "wave", 100000, "active", "COL1", "CVG1", usd(8750), usd(5000), 410, 60, "auto", 90, pctETF(100), 3, "Primary Columbus–Cincinnati backbone."},
	{"XIB-LUM-0002", lumen, "DHEC.482577", "wave", 10000, "active", "COL1", "POP-MAN", usd(2850), usd(2500), 24, 36, "manual", 60, pctETF(100), 0, "Renewal quote requested; Zayo counter-offer pending."},
	{"XIB-LUM-0003", lumen, "DHEC.490231", "wave", 10000, "active", "COL1", "POP-ZAN", usd(2650), usd(2500), 160, 36, "auto", 60, pctETF(75), 3, ""},
	{"XIB-LUM-0004", lumen, "DHEC.471908", "wave", 10000, "active", "COL1", "POP-CHI", usd(2950), 0, -21, 36, "auto", 90, pctETF(100), 2, "Term ended; auto-renews yearly unless cancelled."},
	{"XIB-LUM-0005", lumen, "DHEC.503344", "wave", 10000, "active", "CVG1", "POP-DAY", usd(2400), usd(3000), 545, 36, "auto", 60, pctETF(100), 3, ""},
	{"XIB-LUM-0006", lumen, "DHEC.519870", "wave", 10000, "ordered", "CVG1", "POP-CHI", usd(2750), usd(3500), 0, 36, "auto", 60, pctETF(100), 3, "Diverse path to Chillicothe; FOC not yet received."},
	{"XIB-LUM-0007", lumen, "DHEC.401276", "wave", 1000, "decommissioned", "COL1", "POP-MAN", usd(1450), 0, -44, 36, "none", 60, noETF, 0, "Replaced by XIB-LUM-0002."},
	{"XIB-LUM-0008", lumen, "BBEC.559021", "ethernet", 1000, "active", "COL1", "cust:OLENTANGY", usd(1250), usd(1500), 88, 36, "auto", 60, fixedETF(7500), 3, "EPL to Olentangy Medical Partners."},
	{"XIB-LUM-0009", lumen, "BBEC.561402", "dia", 1000, "active", "POP-DAY", "", usd(890), usd(500), 300, 36, "auto", 60, pctETF(50), 3, "Local transit breakout at the Dayton POP."},

	// Zayo: metro dark fiber and a diverse backbone wave.
	{"XIB-ZAY-0001", zayo, "DFBX/108834//ZYO", "dark_fiber", 0, "active", "COL1", "DEL", usd(1850), usd(12000), 640, 60, "auto", 90, pctETF(100), 0, "2 strands, COL1 to Delaware tower."},
	{"XIB-ZAY-0002", zayo, "DFBX/108835//ZYO", "dark_fiber", 0, "active", "COL1", "NEW", usd(2100), usd(15000), 12, 60, "manual", 90, pctETF(100), 0, "2 strands, COL1 to Newark tower. Notice window already passed."},
	{"XIB-ZAY-0003", zayo, "DFBX/112907//ZYO", "dark_fiber", 0, "active", "CVG1", "MAS", usd(1650), usd(9500), 275, 60, "auto", 90, pctETF(100), 2, ""},
	{"XIB-ZAY-0004", zayo, "DFBX/113410//ZYO", "dark_fiber", 0, "active", "CVG1", "MIL", usd(1550), usd(9500), 395, 60, "auto", 90, pctETF(100), 2, ""},
	{"XIB-ZAY-0005", zayo, "DFBX/120066//ZYO", "dark_fiber", 0, "installing", "CVG1", "LEB", usd(1700), usd(11000), 0, 60, "auto", 90, pctETF(100), 2, "Splicing scheduled; will replace the B11 from Mason."},
	{"XIB-ZAY-0006", zayo, "OGYX/204551//ZYO", "wave", 10000, "active", "CVG1", "COL1", usd(3400), usd(2500), 205, 36, "auto", 60, pctETF(100), 3, "Diverse Cincinnati–Columbus path."},

	// Cogent: IP transit at the data centers.
	{"XIB-COG-0001", cogent, "1-300845112", "dia", 10000, "active", "COL1", "", usd(1650), 0, 52, 36, "auto", 60, pctETF(50), 0, "Primary transit, COL1."},
	{"XIB-COG-0002", cogent, "1-300912877", "dia", 10000, "active", "CVG1", "", usd(1700), 0, 480, 36, "auto", 60, pctETF(50), 0, "Primary transit, CVG1."},
	{"XIB-COG-0003", cogent, "1-200417765", "dia", 1000, "pending_disconnect", "COL1", "", usd(650), 0, 27, 36, "auto", 30, pctETF(50), 0, "Legacy 1G, disconnect at term end."},
	{"XIB-COG-0004", cogent, "1-200533109", "dia", 1000, "decommissioned", "CVG1", "", usd(600), 0, -58, 36, "none", 30, noETF, 0, ""},
	{"XIB-COG-0005", cogent, "1-301554230", "dia", 100000, "ordered", "COL1", "", usd(5800), usd(1000), 0, 36, "auto", 60, pctETF(50), 0, "100G upgrade, port reserved."},

	// Windstream: ethernet laterals to POP-fed towers and one customer.
	{"XIB-WIN-0001", windstream, "41/KQGN/118273//WIN", "ethernet", 1000, "active", "POP-MAN", "BUC", usd(1150), usd(1500), 96, 36, "auto", 60, fixedETF(3500), 3, ""},
	{"XIB-WIN-0002", windstream, "41/KQGN/118911//WIN", "ethernet", 1000, "active", "POP-ZAN", "COS", usd(1095), usd(1500), 6, 36, "auto", 30, fixedETF(3000), 3, ""},
	{"XIB-WIN-0003", windstream, "41/KQGN/120402//WIN", "ethernet", 500, "active", "POP-ZAN", "MAR", usd(895), usd(1500), 330, 36, "auto", 60, fixedETF(2500), 3, ""},
	{"XIB-WIN-0004", windstream, "41/KQGN/121055//WIN", "ethernet", 1000, "active", "COL1", "MRY", usd(1325), usd(2000), 690, 36, "auto", 60, pctETF(100), 3, ""},
	{"XIB-WIN-0005", windstream, "41/KQGN/119788//WIN", "ethernet", 1000, "active", "POP-DAY", "TRY", usd(1180), usd(1500), -9, 36, "month_to_month", 30, noETF, 0, "Out of term, billing month to month."},
	{"XIB-WIN-0006", windstream, "41/KQGN/122610//WIN", "ethernet", 1000, "active", "POP-CHI", "ATH", usd(1240), usd(1500), 230, 36, "manual", 60, fixedETF(4000), 3, ""},
	{"XIB-WIN-0007", windstream, "41/KQGN/123377//WIN", "ethernet", 1000, "active", "POP-CHI", "HIL", usd(1210), usd(1500), 455, 36, "auto", 60, fixedETF(4000), 3, ""},
	{"XIB-WIN-0008", windstream, "41/KQGN/130412//WIN", "ethernet", 1000, "active", "POP-ZAN", "CAM", usd(1150), usd(1500), 710, 24, "auto", 60, fixedETF(3000), 3, "Turned up last month; traffic still on the PTP 820S. Not placed in the hierarchy yet."},
	{"XIB-WIN-0009", windstream, "41/KQGN/125519//WIN", "ethernet", 1000, "active", "POP-DAY", "cust:MIAMI-VALLEY", usd(850), usd(1000), 140, 36, "auto", 60, fixedETF(2500), 3, "Lateral to Miami Valley Precision Machining."},
	{"XIB-WIN-0010", windstream, "41/KQGN/131204//WIN", "ethernet", 1000, "installing", "POP-MAN", "GAL", usd(1095), usd(1500), 0, 36, "auto", 60, fixedETF(3000), 3, "Will replace the B11 to Galion."},
	{"XIB-WIN-0011", windstream, "41/KQGN/129950//WIN", "ethernet", 1000, "cancelled", "POP-DAY", "SPR", usd(1195), usd(1500), 0, 36, "", 60, noETF, 0, "Cancelled: construction cost over budget."},
	{"XIB-WIN-0012", windstream, "41/KQGN/098214//WIN", "ethernet", 100, "pending_disconnect", "POP-CHI", "WAV", usd(495), 0, 40, 60, "none", 30, noETF, 0, "Legacy 100M to Waverly, kept as backup until term end."},

	// Spectrum: business broadband for out-of-band access at remote towers.
	{"XIB-SPE-0001", spectrum, "8352 13 002 1187354", "broadband", 600, "active", "MAR", "", models.Dollars(189, 99), 0, 118, 24, "auto", 30, fixedETF(500), 0, "OOB management."},
	{"XIB-SPE-0002", spectrum, "8352 13 002 1190261", "broadband", 600, "active", "STC", "", models.Dollars(169, 99), 0, 365, 24, "auto", 30, fixedETF(500), 0, "OOB management."},
	{"XIB-SPE-0003", spectrum, "8352 13 002 1201478", "broadband", 600, "active", "PTS", "", models.Dollars(189, 99), 0, 58, 12, "auto", 30, fixedETF(300), 0, "OOB management."},
	{"XIB-SPE-0004", spectrum, "8352 13 002 1173390", "broadband", 300, "active", "ATH", "", models.Dollars(149, 99), 0, -35, 12, "month_to_month", 30, noETF, 0, "OOB management."},
	{"XIB-SPE-0005", spectrum, "8352 13 002 1228805", "broadband", 600, "active", "HIL", "", models.Dollars(169, 99), 0, 600, 24, "auto", 30, fixedETF(500), 0, "OOB management."},
	{"XIB-SPE-0006", spectrum, "8352 13 002 1209954", "broadband", 300, "active", "URB", "", models.Dollars(149, 99), 0, 190, 12, "auto", 30, fixedETF(300), 0, "OOB management."},
	{"XIB-SPE-0007", spectrum, "8352 13 002 1215532", "broadband", 600, "active", "HAR", "", models.Dollars(189, 99), 0, 420, 24, "auto", 30, fixedETF(500), 0, "OOB management."},
	{"XIB-SPE-0008", spectrum, "8352 13 002 1240117", "broadband", 600, "installing", "GAL", "", models.Dollars(169, 99), 0, 0, 24, "auto", 30, fixedETF(500), 0, "OOB management."},
	{"XIB-SPE-0009", spectrum, "8352 13 002 1154476", "broadband", 300, "decommissioned", "WOO", "", models.Dollars(149, 99), 0, -15, 12, "none", 30, noETF, 0, "Replaced by the AF-11 path."},
	{"XIB-SPE-0010", spectrum, "8352 13 002 1236640", "broadband", 300, "active", "NLX", "", models.Dollars(129, 99), 0, 250, 12, "auto", 30, fixedETF(300), 0, "OOB management."},
	{"XIB-SPE-0011", spectrum, "8352 13 002 1249903", "broadband", 600, "quoted", "SID", "", models.Dollars(169, 99), 0, 0, 24, "auto", 30, fixedETF(500), 0, "Quote for OOB at Sidney."},
}

// termRuns reports whether a circuit of this status has a running (or
// finished) contract term, i.e. it has been turned up.
func termRuns(status string) bool {
	return status == models.StatusActive || status == models.StatusPendingDisconnect || status == models.StatusDecommissioned
}

func (b *builder) buildCircuits() {
	rng := rand.New(rand.NewPCG(0x5849424552, 0x43495243554954))
	circuits := make([]models.Circuit, 0, len(circuitTable))
	for i, r := range circuitTable {
		c := models.Circuit{
			Record:           b.record("circuit", r.label),
			Label:            r.label,
			CarrierCircuitID: r.carrierID,
			CarrierID:        b.providerID(r.carrier),
			ServiceType:      r.service,
			Status:           r.status,
			MRC:              r.mrc,
			NRC:              r.nrc,
			Notes:            r.notes,
			TermMonths:       ptr(r.termMonths),
			RenewalType:      r.renewal,
			NoticeDays:       r.notice,
		}
		if r.mbps > 0 {
			c.BandwidthMbps = ptr(r.mbps)
		}
		if models.CircuitBills(r.status) {
			c.MonitoringURL = fmt.Sprintf("https://librenms.xiber.local/device/%d", 500+i)
		}
		if termRuns(r.status) {
			end := b.day(r.termEnd)
			c.TermStart = ptr(end.AddMonths(-int(r.termMonths)))
			c.TermEnd = ptr(end)
		}
		switch {
		case r.etf.fixed > 0:
			c.ETF = ptr(usd(r.etf.fixed))
		case r.etf.pct > 0:
			c.ETFPct = ptr(pct(r.etf.pct))
		}
		c.EscalatorPct = ptr(pct(r.escalator))
		b.setEnd(&c, true, r.a)
		if r.z != "" {
			b.setEnd(&c, false, r.z)
		}
		circuits = append(circuits, c)
		b.circuits[r.label] = c.ID
		b.net.Events = append(b.net.Events, b.lifecycle(rng, &c, r.carrier)...)
	}
	b.net.Circuits = circuits
}

// setEnd fills the A (or Z) endpoint snapshot from a site code or a
// "cust:KEY" customer reference.
func (b *builder) setEnd(c *models.Circuit, isA bool, ref string) {
	var name, addr, state string
	var lat, lng float64
	var infraID, custID *string
	if key, ok := strings.CutPrefix(ref, "cust:"); ok {
		cu := b.customer(key)
		name, addr, state = cu.Name, fullAddress(cu.Address, cu.City, cu.State, cu.PostalCode), cu.State
		lat, lng, custID = *cu.Lat, *cu.Lng, ptr(cu.ID)
	} else {
		a := b.asset(ref)
		name, addr, state = a.Name, fullAddress(a.Address, a.City, a.State, a.PostalCode), a.State
		lat, lng, infraID = *a.Lat, *a.Lng, ptr(a.ID)
	}
	if isA {
		c.AName, c.AAddress, c.AState, c.ALat, c.ALng, c.AInfrastructureID, c.ACustomerID = name, addr, state, ptr(lat), ptr(lng), infraID, custID
	} else {
		c.ZName, c.ZAddress, c.ZState, c.ZLat, c.ZLng, c.ZInfrastructureID, c.ZCustomerID = name, addr, state, ptr(lat), ptr(lng), infraID, custID
	}
}

// step is one status change in a circuit's history.
type step struct {
	status string
	date   models.Date
}

// lifecycle writes the status changes that led a circuit to its status,
// all dated before today: ordered → installing → active on the term start
// → pending_disconnect → decommissioned at term end; or ordered →
// cancelled. A quoted circuit has no history yet.
func (b *builder) lifecycle(rng *rand.Rand, c *models.Circuit, carrier string) []models.CircuitEvent {
	var steps []step
	turnUp := func(active models.Date) {
		installing := active.AddDays(-(21 + rng.IntN(30)))
		steps = append(steps,
			step{"ordered", installing.AddDays(-(30 + rng.IntN(45)))},
			step{"installing", installing},
			step{"active", active})
	}
	switch c.Status {
	case "ordered":
		steps = append(steps, step{"ordered", b.day(-(10 + rng.IntN(40)))})
	case "installing":
		installing := b.day(-(5 + rng.IntN(25)))
		steps = append(steps,
			step{"ordered", installing.AddDays(-(30 + rng.IntN(60)))},
			step{"installing", installing})
	case "cancelled":
		cancelled := b.day(-(60 + rng.IntN(60)))
		steps = append(steps,
			step{"ordered", cancelled.AddDays(-(20 + rng.IntN(40)))},
			step{"cancelled", cancelled})
	case "active":
		turnUp(*c.TermStart)
	case "pending_disconnect":
		turnUp(*c.TermStart)
		steps = append(steps, step{"pending_disconnect", b.day(-(5 + rng.IntN(20)))})
	case "decommissioned":
		turnUp(*c.TermStart)
		gone := *c.TermEnd
		if !gone.Before(b.today) {
			gone = b.day(-1)
		}
		steps = append(steps,
			step{"pending_disconnect", gone.AddDays(-(30 + rng.IntN(20)))},
			step{"decommissioned", gone})
	}

	events := make([]models.CircuitEvent, 0, len(steps))
	from := "quoted"
	for _, s := range steps {
		events = append(events, models.CircuitEvent{
			ID:        newID("circuit-event", c.Label+"/"+s.status),
			CircuitID: c.ID,
			EventType: s.status,
			EventDate: s.date,
			FromValue: from,
			ToValue:   s.status,
			Notes:     eventNote(s.status, carrier),
			CreatedBy: demoUser,
			CreatedAt: b.stamp,
		})
		from = s.status
	}
	return events
}

func eventNote(status, carrier string) string {
	switch status {
	case "ordered":
		return "Order submitted to " + carrier + "."
	case "installing":
		return "FOC received; " + carrier + " install scheduled."
	case "active":
		return "Turned up and accepted; billing started."
	case "pending_disconnect":
		return "Disconnect order submitted to " + carrier + "."
	case "decommissioned":
		return "Disconnected by " + carrier + "; final invoice received."
	case "cancelled":
		return "Order cancelled before install."
	}
	return ""
}

// circuitID is the ID of a circuit of the table.
func (b *builder) circuitID(label string) string {
	id, ok := b.circuits[label]
	if !ok {
		panic("demo: unknown circuit " + label)
	}
	return id
}
