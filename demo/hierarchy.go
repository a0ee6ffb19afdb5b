package demo

import (
	"strings"

	"github.com/xiber/netos/models"
)

// The records the demo deliberately leaves on the attribution worklist, and
// its dual-homed tower, for tests that load the demo and check the figures.
const (
	// StrandedAssetName is the one asset with no site children: a new tower
	// whose sector is lit but has no subscribers, so its whole pool strands.
	StrandedAssetName = "New Lexington Tower"
	// UnplacedCircuitLabel is the one billing circuit placed nowhere: a
	// Windstream lateral turned up but not yet cut over.
	UnplacedCircuitLabel = "XIB-WIN-0008"
	// DualHomedAssetName is the tower fed over two paths, weights 2 and 1.
	DualHomedAssetName = "Washington Court House Tower"
)

// via names the transport of a site link: a circuit by its Xiber label, or
// a radio backhaul by its two ends.
type via struct{ kind, key string }

func overCircuit(label string) via { return via{models.KindCircuit, label} }
func overRadio(a, z string) via    { return via{models.KindRFLink, a + ">" + z} }

// feed is a site link of the serving tree: parent serves child (a site
// code, or "cust:KEY" for a fiber customer) over a transport.
type feed struct {
	parent, child string
	over          via
	weight        int64
	notes         string
}

// feeds is the serving tree above the radio customers. The data centers
// are the roots; every POP hangs off a Lumen wave; towers hang off a POP,
// a data center or another tower. Washington Court House is dual-homed
// (Chillicothe weight 2, London weight 1). New Lexington has no customers
// yet, so its whole pool strands.
var feeds = []feed{
	{"COL1", "POP-MAN", overCircuit("XIB-LUM-0002"), 1, ""},
	{"COL1", "POP-ZAN", overCircuit("XIB-LUM-0003"), 1, ""},
	{"COL1", "POP-CHI", overCircuit("XIB-LUM-0004"), 1, ""},
	{"COL1", "DEL", overCircuit("XIB-ZAY-0001"), 1, ""},
	{"COL1", "NEW", overCircuit("XIB-ZAY-0002"), 1, ""},
	{"COL1", "MRY", overCircuit("XIB-WIN-0004"), 1, ""},
	{"COL1", "cust:OLENTANGY", overCircuit("XIB-LUM-0008"), 1, "On-net fiber customer."},
	{"CVG1", "POP-DAY", overCircuit("XIB-LUM-0005"), 1, ""},
	{"CVG1", "MAS", overCircuit("XIB-ZAY-0003"), 1, ""},
	{"CVG1", "MIL", overCircuit("XIB-ZAY-0004"), 1, ""},
	{"CVG1", "DLH", overRadio("CVG1", "DLH"), 1, ""},

	{"POP-MAN", "ASH", overRadio("POP-MAN", "ASH"), 1, ""},
	{"POP-MAN", "BUC", overCircuit("XIB-WIN-0001"), 1, ""},
	{"POP-MAN", "GAL", overRadio("POP-MAN", "GAL"), 1, ""},
	{"POP-MAN", "MTV", overRadio("POP-MAN", "MTV"), 1, ""},
	{"POP-ZAN", "CAM", overRadio("POP-ZAN", "CAM"), 1, ""},
	{"POP-ZAN", "COS", overCircuit("XIB-WIN-0002"), 1, ""},
	{"POP-ZAN", "MAR", overCircuit("XIB-WIN-0003"), 1, ""},
	{"POP-ZAN", "NLX", overRadio("POP-ZAN", "NLX"), 1, "New build: no customers yet."},
	{"POP-DAY", "SPR", overRadio("POP-DAY", "SPR"), 1, ""},
	{"POP-DAY", "XEN", overRadio("POP-DAY", "XEN"), 1, ""},
	{"POP-DAY", "TRY", overCircuit("XIB-WIN-0005"), 1, ""},
	{"POP-DAY", "cust:MIAMI-VALLEY", overCircuit("XIB-WIN-0009"), 1, "On-net fiber customer."},
	{"POP-CHI", "WCH", overRadio("POP-CHI", "WCH"), 2, "Primary path."},
	{"POP-CHI", "WAV", overRadio("POP-CHI", "WAV"), 1, ""},
	{"POP-CHI", "ATH", overCircuit("XIB-WIN-0006"), 1, ""},
	{"POP-CHI", "HIL", overCircuit("XIB-WIN-0007"), 1, ""},

	{"MRY", "LON", overRadio("MRY", "LON"), 1, ""},
	{"LON", "WCH", overRadio("LON", "WCH"), 1, "Secondary path."},
	{"NEW", "LAN", overRadio("NEW", "LAN"), 1, ""},
	{"DLH", "HAR", overRadio("DLH", "HAR"), 1, ""},
	{"MAS", "LEB", overRadio("MAS", "LEB"), 1, ""},
	{"ASH", "WOO", overRadio("ASH", "WOO"), 1, ""},
	{"CAM", "STC", overRadio("CAM", "STC"), 1, ""},
	{"SPR", "URB", overRadio("SPR", "URB"), 1, ""},
	{"TRY", "SID", overRadio("TRY", "SID"), 1, ""},
	{"WAV", "PTS", overRadio("WAV", "PTS"), 1, ""},
}

// attached are circuits whose cost belongs to a site: transit at the data
// centers and POPs, the DC interconnect waves, out-of-band broadband at
// remote towers, and a legacy lateral kept until its term ends.
var attached = []struct{ site, label string }{
	{"COL1", "XIB-LUM-0001"},
	{"COL1", "XIB-COG-0001"},
	{"COL1", "XIB-COG-0003"},
	{"CVG1", "XIB-COG-0002"},
	{"CVG1", "XIB-ZAY-0006"},
	{"POP-DAY", "XIB-LUM-0009"},
	{"WAV", "XIB-WIN-0012"},
	{"MAR", "XIB-SPE-0001"},
	{"STC", "XIB-SPE-0002"},
	{"PTS", "XIB-SPE-0003"},
	{"ATH", "XIB-SPE-0004"},
	{"HIL", "XIB-SPE-0005"},
	{"URB", "XIB-SPE-0006"},
	{"HAR", "XIB-SPE-0007"},
	{"NLX", "XIB-SPE-0010"},
}

// buildHierarchy makes the subtended links: the serving tree, the attached
// circuits, every PtMP source node as a child of its tower, and for every
// customer endlink the link the RF endlink sync would make (parent = the
// endlink's A asset, child = its customer, transport = the endlink).
func (b *builder) buildHierarchy() {
	for _, f := range feeds {
		kind, childID := models.KindInfrastructure, ""
		if key, ok := strings.CutPrefix(f.child, "cust:"); ok {
			kind, childID = models.KindCustomer, b.customer(key).ID
		} else {
			childID = b.asset(f.child).ID
		}
		transportID := ""
		switch f.over.kind {
		case models.KindCircuit:
			transportID = b.circuitID(f.over.key)
		case models.KindRFLink:
			a, z, _ := strings.Cut(f.over.key, ">")
			transportID = b.backhaulID(a, z)
		}
		b.link(b.asset(f.parent).ID, kind, childID, f.over.kind, transportID, f.weight, f.notes)
	}
	for _, c := range attached {
		b.link(b.asset(c.site).ID, models.KindCircuit, b.circuitID(c.label), "", "", 1, "")
	}
	for _, s := range b.sources {
		b.link(s.AInfrastructureID, models.KindRFLink, s.ID, "", "", 1, "")
	}
	for _, e := range b.endlinks {
		b.link(e.AInfrastructureID, models.KindCustomer, *e.ZCustomerID, models.KindRFLink, e.ID, 1, "")
	}
}

// link appends one subtended link; an empty transport kind means none.
func (b *builder) link(parentID, childKind, childID, transportKind, transportID string, weight int64, notes string) {
	l := models.SubtendedLink{
		Record:           b.record("subtended-link", parentID+"/"+childKind+"/"+childID),
		ParentID:         parentID,
		ChildKind:        childKind,
		ChildID:          childID,
		AllocationWeight: models.DecimalFromInt(weight),
		Notes:            notes,
	}
	if transportKind != "" {
		l.TransportKind = ptr(transportKind)
		l.TransportID = ptr(transportID)
	}
	b.net.Links = append(b.net.Links, l)
}
