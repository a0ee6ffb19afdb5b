package demo

import (
	"fmt"

	"github.com/xiber/netos/models"
)

// RF system keys the tables below use.
const (
	ptp820s  = "ptp820s"
	ptp820c  = "ptp820c"
	af11     = "af11"
	b11      = "b11"
	epmp     = "epmp3000"
	force300 = "force300"
	taranaBN = "tarana-bn"
	taranaRN = "tarana-rn"
	a5c      = "a5c"
	c5x      = "c5x"
)

// systemRow is one entry of the RF system catalogue. monthly is in cents:
// licence, coordination and support spread over a month.
type systemRow struct {
	key, name, description, band string
	mhz, mbps                    int64
	monthly                      models.Money
	equipment                    int64 // dollars
	linkType, role               string
	compatible                   []string // base system keys, for subscribers
	short                        string   // how link names call it
}

var systemTable = []systemRow{
	{ptp820s, "Cambium PTP 820S", "All-outdoor licensed microwave, 1+0, 56 MHz channel.", "11 GHz licensed", 11245, 1000, usd(95), 12800, "ptp", models.RolePTP, nil, "PTP 820S"},
	{ptp820c, "Cambium PTP 820C 2+0", "Split-mount licensed microwave, 2+0 XPIC, 80 MHz channels.", "11 GHz licensed", 11365, 2000, usd(140), 22500, "ptp", models.RolePTP, nil, "PTP 820C"},
	{af11, "Ubiquiti airFiber AF-11FX", "Licensed full-duplex backhaul with 2 ft dishes.", "11 GHz licensed", 10995, 1200, usd(65), 5200, "ptp", models.RolePTP, nil, "AF-11"},
	{b11, "Mimosa B11", "Licensed 4×4 MIMO backhaul.", "11 GHz licensed", 11125, 1500, usd(55), 3400, "ptp", models.RolePTP, nil, "B11"},
	{epmp, "Cambium ePMP 3000", "4×4 MU-MIMO access point with 90° sector antenna.", "5 GHz UNII", 5745, 600, usd(35), 2150, "ptmp", models.RolePtMPBase, nil, "ePMP"},
	{force300, "Cambium ePMP Force 300-25", "Subscriber module with 25 dBi dish.", "5 GHz UNII", 5745, 300, usd(6), 149, "ptmp", models.RolePtMPSubscriber, []string{epmp}, "Force 300"},
	{taranaBN, "Tarana G1 BN", "ngFWA base node with interference cancellation.", "CBRS 3.55–3.7 GHz", 3625, 1200, usd(180), 11900, "ptmp", models.RolePtMPBase, nil, "Tarana BN"},
	{taranaRN, "Tarana G1 RN", "Self-aligning ngFWA remote node.", "CBRS 3.55–3.7 GHz", 3625, 800, usd(15), 795, "ptmp", models.RolePtMPSubscriber, []string{taranaBN}, "Tarana RN"},
	{a5c, "Mimosa A5c", "Connectorized 4×4 access point on a 90° sector.", "5 GHz UNII", 5520, 500, usd(30), 1399, "ptmp", models.RolePtMPBase, nil, "A5c"},
	{c5x, "Mimosa C5x", "Subscriber radio with 25 dBi reflector.", "5 GHz UNII", 5520, 500, usd(5), 159, "ptmp", models.RolePtMPSubscriber, []string{a5c}, "C5x"},
}

// subscriberFor is the subscriber system each base system serves.
var subscriberFor = map[string]string{epmp: force300, taranaBN: taranaRN, a5c: c5x}

// sectors lists the PtMP source nodes (AP sectors) on every tower.
var sectors = []struct {
	tower string
	bases []string
}{
	{"DEL", []string{epmp, epmp, taranaBN}},
	{"NEW", []string{epmp, epmp, taranaBN}},
	{"MRY", []string{epmp, epmp}},
	{"LON", []string{epmp, a5c}},
	{"LAN", []string{epmp, epmp, taranaBN}},
	{"MAS", []string{epmp, epmp, epmp, taranaBN}},
	{"MIL", []string{epmp, epmp, taranaBN}},
	{"DLH", []string{epmp, epmp, taranaBN}},
	{"HAR", []string{epmp, a5c}},
	{"LEB", []string{epmp, epmp, taranaBN}},
	{"ASH", []string{epmp, epmp}},
	{"WOO", []string{epmp, epmp, taranaBN}},
	{"BUC", []string{epmp, a5c}},
	{"GAL", []string{epmp}},
	{"MTV", []string{epmp, epmp}},
	{"CAM", []string{epmp, epmp}},
	{"STC", []string{epmp, a5c}},
	{"COS", []string{a5c, a5c}},
	{"MAR", []string{epmp, epmp}},
	{"NLX", []string{epmp}},
	{"SPR", []string{epmp, epmp, taranaBN}},
	{"URB", []string{epmp}},
	{"XEN", []string{epmp, epmp, taranaBN}},
	{"TRY", []string{epmp, epmp}},
	{"SID", []string{epmp, a5c}},
	{"WCH", []string{epmp, epmp}},
	{"WAV", []string{a5c}},
	{"PTS", []string{epmp, epmp}},
	{"ATH", []string{epmp, epmp, taranaBN}},
	{"HIL", []string{epmp}},
}

// backhaulRow is a licensed point-to-point link from a feeding site (A) to
// the site it feeds (Z).
type backhaulRow struct {
	a, z, system, status, notes string
}

// backhauls are the radio backhauls. All but the spare are the transport
// of one subtended link (see hierarchy.go).
var backhauls = []backhaulRow{
	{"CVG1", "DLH", ptp820c, "active", "Rooftop of the carrier hotel to Delhi, 11.2 km."},
	{"POP-MAN", "ASH", ptp820s, "active", ""},
	{"POP-MAN", "GAL", b11, "active", "To be replaced by the Windstream lateral now installing."},
	{"POP-MAN", "MTV", ptp820s, "active", ""},
	{"ASH", "WOO", af11, "active", ""},
	{"POP-ZAN", "CAM", ptp820s, "active", "Still carries Cambridge; the new Windstream lateral is lit but not cut over."},
	{"POP-ZAN", "NLX", b11, "active", ""},
	{"CAM", "STC", af11, "active", ""},
	{"POP-DAY", "SPR", ptp820c, "active", ""},
	{"POP-DAY", "XEN", af11, "active", ""},
	{"SPR", "URB", b11, "active", ""},
	{"TRY", "SID", ptp820s, "active", ""},
	{"POP-CHI", "WCH", ptp820s, "active", "Primary path to Washington Court House (weight 2)."},
	{"LON", "WCH", af11, "active", "Secondary path to Washington Court House (weight 1)."},
	{"POP-CHI", "WAV", b11, "active", ""},
	{"WAV", "PTS", ptp820s, "active", ""},
	{"MRY", "LON", ptp820s, "active", ""},
	{"NEW", "LAN", af11, "active", ""},
	{"DLH", "HAR", af11, "active", ""},
	{"MAS", "LEB", b11, "active", ""},
	{"COS", "CAM", af11, "inactive", "Spare path, radios powered down; not placed in the hierarchy."},
}

func (b *builder) buildRFSystems() {
	systems := make([]models.RFSystem, 0, len(systemTable))
	for _, r := range systemTable {
		compatible := []string{} // never nil: the column is NOT NULL JSON text
		for _, k := range r.compatible {
			compatible = append(compatible, newID("rf-system", k))
		}
		systems = append(systems, models.RFSystem{
			Record:                  b.record("rf-system", r.key),
			Name:                    r.name,
			Description:             r.description,
			FrequencyBand:           r.band,
			FrequencyMHz:            ptr(r.mhz),
			CapacityMbps:            ptr(r.mbps),
			MonthlyCost:             r.monthly,
			EquipmentCost:           usd(r.equipment),
			LinkType:                r.linkType,
			EquipmentRole:           r.role,
			CompatibleBaseSystemIDs: compatible,
		})
	}
	b.net.RFSystems = systems
	for i, r := range systemTable {
		b.systems[r.key] = &b.net.RFSystems[i]
	}
}

// buildRFLinks makes the backhauls, then the source nodes of every tower,
// then one endlink per radio customer on a sector of its tower: a Tarana
// node for MFCs and bigger accounts where the tower has one, else the
// tower's 5 GHz sectors in turn.
func (b *builder) buildRFLinks() {
	var links []models.RFLink
	var keys []string

	for _, r := range backhauls {
		key := "bh:" + r.a + ">" + r.z
		sys := b.systemOf(r.system)
		links = append(links, models.RFLink{
			Record:            b.record("rf-link", key),
			Name:              fmt.Sprintf("%s – %s (%s)", b.asset(r.a).Name, b.asset(r.z).Name, shortName(r.system)),
			Topology:          models.TopologyPTP,
			LinkKind:          models.LinkKindBackhaul,
			Status:            r.status,
			RFSystemID:        sys.ID,
			AInfrastructureID: b.asset(r.a).ID,
			ZInfrastructureID: ptr(b.asset(r.z).ID),
			FrequencyMHz:      ptr(*sys.FrequencyMHz),
			CapacityMbps:      ptr(*sys.CapacityMbps),
			MRC:               sys.MonthlyCost,
			Notes:             r.notes,
		})
		keys = append(keys, key)
	}

	type sector struct {
		key, base, name string
	}
	towerSectors := map[string][]sector{}
	for _, s := range sectors {
		count := map[string]int{}
		for _, base := range s.bases {
			count[base]++
			sec := sector{
				key:  fmt.Sprintf("src:%s-%s-%d", s.tower, base, count[base]),
				base: base,
				name: fmt.Sprintf("%s %s S%d", s.tower, shortName(base), count[base]),
			}
			sys := b.systemOf(base)
			links = append(links, models.RFLink{
				Record:            b.record("rf-link", sec.key),
				Name:              sec.name,
				Topology:          models.TopologyPtMPSource,
				LinkKind:          models.LinkKindSourceNode,
				Status:            "active",
				RFSystemID:        sys.ID,
				AInfrastructureID: b.asset(s.tower).ID,
				FrequencyMHz:      ptr(*sys.FrequencyMHz),
				CapacityMbps:      ptr(*sys.CapacityMbps),
				MRC:               sys.MonthlyCost,
			})
			keys = append(keys, sec.key)
			towerSectors[s.tower] = append(towerSectors[s.tower], sec)
		}
	}

	turn := map[string]int{}
	for _, rc := range b.radio {
		c := rc.customer
		var candidates, tarana []sector
		for _, s := range towerSectors[rc.tower] {
			if s.base == taranaBN {
				tarana = append(tarana, s)
			} else {
				candidates = append(candidates, s)
			}
		}
		big := c.CustomerType == "mfc" || c.MRR >= usd(900)
		if len(tarana) > 0 && (big || len(candidates) == 0) {
			candidates = tarana
		}
		if len(candidates) == 0 {
			panic("demo: tower " + rc.tower + " has customers but no sector")
		}
		src := candidates[turn[rc.tower]%len(candidates)]
		turn[rc.tower]++
		sys := b.systemOf(subscriberFor[src.base])
		key := "endlink:" + c.ID
		links = append(links, models.RFLink{
			Record:            b.record("rf-link", key),
			Name:              fmt.Sprintf("%s → %s", src.name, c.Name),
			Topology:          models.TopologyPtMPClient,
			LinkKind:          models.LinkKindEndlink,
			Status:            c.Status,
			RFSystemID:        sys.ID,
			AInfrastructureID: b.asset(rc.tower).ID,
			ZCustomerID:       ptr(c.ID),
			PtMPSourceID:      ptr(newID("rf-link", src.key)),
			FrequencyMHz:      ptr(*sys.FrequencyMHz),
			CapacityMbps:      ptr(*sys.CapacityMbps),
			MRC:               sys.MonthlyCost,
		})
		keys = append(keys, key)
	}

	b.net.RFLinks = links
	for i := range b.net.RFLinks {
		l := &b.net.RFLinks[i]
		b.rfLinks[keys[i]] = l.ID
		switch l.Topology {
		case models.TopologyPtMPSource:
			b.sources = append(b.sources, l)
		case models.TopologyPtMPClient:
			b.endlinks = append(b.endlinks, l)
		}
	}
}

// systemOf is the RF system of a catalogue key.
func (b *builder) systemOf(key string) *models.RFSystem {
	s, ok := b.systems[key]
	if !ok {
		panic("demo: unknown RF system " + key)
	}
	return s
}

// shortName is how link names call a catalogue system.
func shortName(key string) string {
	for _, r := range systemTable {
		if r.key == key {
			return r.short
		}
	}
	return key
}

// backhaulID is the ID of the backhaul from site a to site z.
func (b *builder) backhaulID(a, z string) string {
	id, ok := b.rfLinks["bh:"+a+">"+z]
	if !ok {
		panic("demo: no backhaul " + a + " > " + z)
	}
	return id
}
