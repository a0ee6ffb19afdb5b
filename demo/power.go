package demo

import (
	"fmt"
	"math/rand/v2"

	"github.com/xiber/netos/models"
)

// powerRow is the metered service of a data center or POP.
type powerRow struct {
	site, utility    string
	voltage, amperes int64
	phase, location  string
	avg              int64 // dollars a month
}

// corePower lists the services at the data centers and POPs; in both data
// centers Xiber's cage is sub-metered and billed at the utility's tariff.
var corePower = []powerRow{
	{"COL1", aepOhio, 480, 400, "three", "Sub-meter on the cage C-114 PDU feed", 1850},
	{"CVG1", dukeOhio, 480, 200, "three", "Sub-meter on the 3rd-floor busway", 1720},
	{"POP-MAN", firstEnergy, 208, 200, "three", "Suite 410 electrical closet", 640},
	{"POP-ZAN", aepOhio, 208, 100, "three", "Basement meter bank, position 7", 520},
	{"POP-DAY", aesOhio, 208, 200, "three", "11th-floor electrical room", 710},
	{"POP-CHI", aepOhio, 208, 100, "three", "Rear meter bank", 480},
}

// towerUtility is the utility that serves each tower's compound meter.
var towerUtility = map[string]string{
	"DEL": aepOhio, "NEW": aepOhio, "MRY": aepOhio, "LON": aepOhio, "LAN": southCentral,
	"MAS": dukeOhio, "MIL": dukeOhio, "DLH": dukeOhio, "HAR": dukeOhio, "LEB": dukeOhio,
	"ASH": firstEnergy, "WOO": firstEnergy, "BUC": aepOhio, "GAL": firstEnergy, "MTV": aepOhio,
	"CAM": aepOhio, "STC": aepOhio, "COS": aepOhio, "MAR": aepOhio, "NLX": aepOhio,
	"SPR": firstEnergy, "URB": aesOhio, "XEN": aesOhio, "TRY": aesOhio, "SID": aesOhio,
	"WCH": aepOhio, "WAV": aepOhio, "PTS": aepOhio, "ATH": aepOhio, "HIL": southCentral,
}

// meter is what one electrical service needs beyond its account numbers.
type meter struct {
	key, utility, serviceType string
	volts, amps               int64
	phase, location, address  string
	avg                       models.Money
	start                     models.Date
	assetID, customerID       *string
}

// buildElectrical makes one service per data center, POP and tower, and two
// at MFC customers where Xiber pays the house meter of its rooftop gear.
func (b *builder) buildElectrical() {
	rng := rand.New(rand.NewPCG(0x5849424552, 0x504f574552))
	var services []models.ElectricalService

	for _, r := range corePower {
		a := b.asset(r.site)
		services = append(services, b.service(rng, meter{
			key: r.site, utility: r.utility, serviceType: "commercial",
			volts: r.voltage, amps: r.amperes, phase: r.phase, location: r.location,
			address: fullAddress(a.Address, a.City, a.State, a.PostalCode),
			avg:     usd(r.avg), start: *a.TermStart, assetID: ptr(a.ID),
		}))
	}
	for _, t := range towers {
		a := b.asset(t.code)
		utility, ok := towerUtility[t.code]
		if !ok {
			panic("demo: no utility for tower " + t.code)
		}
		services = append(services, b.service(rng, meter{
			key: t.code, utility: utility, serviceType: "commercial",
			volts: 240, amps: 200, phase: "single", location: "Meter on the H-frame inside the compound",
			address: fullAddress(a.Address, a.City, a.State, a.PostalCode),
			// Radios, a small cabinet and its heat exchanger: $110–$290 a month.
			avg:   models.Money(11000 + rng.IntN(18000)),
			start: *a.TermStart, assetID: ptr(a.ID),
		}))
	}

	housed := 0
	for _, rc := range b.radio {
		c := rc.customer
		if housed == 2 || c.CustomerType != "mfc" || c.Status != "active" {
			continue
		}
		housed++
		services = append(services, b.service(rng, meter{
			key: "customer/" + c.ID, utility: towerUtility[rc.tower], serviceType: "residential",
			volts: 240, amps: 100, phase: "single", location: "House meter feeding the rooftop radio enclosure",
			address: fullAddress(c.Address, c.City, c.State, c.PostalCode),
			avg:     models.Money(4500 + rng.IntN(3000)),
			start:   b.day(-400 - rng.IntN(300)), customerID: ptr(c.ID),
		}))
	}
	b.net.Electrical = services
}

// service builds one electrical service with its account and meter numbers.
func (b *builder) service(rng *rand.Rand, m meter) models.ElectricalService {
	return models.ElectricalService{
		Record:           b.record("electrical", m.key),
		InfrastructureID: m.assetID,
		CustomerID:       m.customerID,
		ProviderID:       ptr(b.providerID(m.utility)),
		ServiceType:      m.serviceType,
		AccountNumber:    fmt.Sprintf("%03d-%03d-%03d-%d", 100+rng.IntN(900), rng.IntN(1000), rng.IntN(1000), rng.IntN(10)),
		MeterNumber:      fmt.Sprintf("%09d", 100000000+rng.IntN(900000000)),
		Voltage:          ptr(m.volts),
		Amperage:         ptr(m.amps),
		Phase:            m.phase,
		DeliveryLocation: m.location,
		ServiceAddress:   m.address,
		AvgMonthlyCost:   m.avg,
		StartDate:        ptr(m.start),
	}
}
