package demo

import (
	"strings"

	"github.com/xiber/netos/models"
)

// Provider names the tables below refer to.
const (
	lumen      = "Lumen"
	zayo       = "Zayo"
	cogent     = "Cogent"
	windstream = "Windstream"
	spectrum   = "Spectrum"

	americanTower = "American Tower"
	crownCastle   = "Crown Castle"
	sba           = "SBA Communications"

	cologix = "Cologix"
	cyxtera = "Cyxtera"

	aepOhio      = "AEP Ohio"
	firstEnergy  = "FirstEnergy"
	dukeOhio     = "Duke Energy Ohio"
	aesOhio      = "AES Ohio"
	southCentral = "South Central Power"
)

type providerRow struct {
	name, kind, phone, email, portal, account, notes string
}

// providerTable lists every provider of the demo: the five carriers, the
// tower companies, the landlords of the data centers, POPs and ground
// leases, and the electric utilities.
var providerTable = []providerRow{
	{lumen, "carrier", "877-453-8353", "", "https://www.lumen.com/login", "LUMN-5530198", "Waves between the DCs and POPs; Control Center for tickets."},
	{zayo, "carrier", "866-236-2824", "", "https://tranzact.zayo.com", "ZYO-0041127", "Metro dark fiber in Columbus and Cincinnati; one diverse 10G wave."},
	{cogent, "carrier", "877-726-4368", "", "https://portal.cogentco.com", "COGENT-77120", "IP transit (DIA) at COL1 and CVG1."},
	{windstream, "carrier", "800-600-5050", "", "https://www.windstreamenterprise.com", "WIN-3318842", "Ethernet laterals to rural towers and POPs."},
	{spectrum, "carrier", "888-812-2591", "", "https://enterprise.spectrum.com", "8352-1300-2", "Business broadband for out-of-band management at remote towers."},

	{americanTower, "tower_company", "877-282-7483", "", "https://www.americantower.com", "ATC-XIB-20117", "Tower leases, 5-year terms, 3 % escalator."},
	{crownCastle, "tower_company", "800-788-7011", "", "https://www.crowncastle.com", "CCI-554210", "Tower leases, 5-year terms, 3 % escalator."},
	{sba, "tower_company", "800-487-7483", "", "https://www.sbasite.com", "SBA-OH-88213", "Tower leases, 5-year terms, 3 % escalator."},

	{cologix, "landlord", "855-449-4357", "", "https://www.cologix.com", "CGX-COL-3391", "COL1 cage and cross-connects."},
	{cyxtera, "landlord", "855-699-9783", "", "https://www.cyxtera.com", "CYX-CVG-1174", "CVG1 cabinets and cross-connects."},
	{"Richland Commerce Properties LLC", "landlord", "419-522-4410", "leasing@richlandcommerce.example", "", "RCP-204", "Mansfield POP suite."},
	{"Muskingum Realty Partners", "landlord", "740-452-8120", "office@muskingumrealty.example", "", "MRP-3310", "Zanesville POP suite."},
	{"Ludlow Street Data Partners LLC", "landlord", "937-222-6100", "noc@ludlowdata.example", "", "LSD-0017", "Dayton POP meet-me room suite."},
	{"Paint Street Holdings LLC", "landlord", "740-773-2090", "pm@paintstreet.example", "", "PSH-112", "Chillicothe POP suite."},
	{"Yoder Family Farm LLC", "landlord", "937-393-5127", "", "", "GL-HIL-01", "Ground lease under the Xiber-owned Hillsboro tower."},
	{"Pike County Grain Co-op", "landlord", "740-947-2235", "", "", "GL-WAV-01", "Ground lease under the Xiber-owned Waverly tower."},

	{aepOhio, "utility", "800-672-2231", "", "https://www.aepohio.com", "", "Central and southeastern Ohio."},
	{firstEnergy, "utility", "888-544-4877", "", "https://www.firstenergycorp.com", "", "Ohio Edison territory: Mansfield, Wooster, Springfield."},
	{dukeOhio, "utility", "800-543-5599", "", "https://www.duke-energy.com", "", "Greater Cincinnati."},
	{aesOhio, "utility", "800-433-8500", "", "https://www.aes-ohio.com", "", "Dayton and the Miami Valley."},
	{southCentral, "utility", "800-282-5064", "", "https://www.southcentralpower.com", "", "Electric cooperative, Lancaster and Hillsboro areas."},
}

func (b *builder) buildProviders() {
	for _, r := range providerTable {
		p := models.ServiceProvider{
			Record:        b.record("provider", r.name),
			Name:          r.name,
			NameKey:       strings.ToLower(strings.TrimSpace(r.name)),
			ProviderType:  r.kind,
			NOCPhone:      r.phone,
			NOCEmail:      r.email,
			PortalURL:     r.portal,
			AccountNumber: r.account,
			Notes:         r.notes,
		}
		b.providers[r.name] = p.ID
		b.net.Providers = append(b.net.Providers, p)
	}
}

// providerID is the ID of a provider of the table; an unknown name is a bug
// in the tables and panics while the demo is being built.
func (b *builder) providerID(name string) string {
	id, ok := b.providers[name]
	if !ok {
		panic("demo: unknown provider " + name)
	}
	return id
}
