package demo

import (
	"fmt"

	"github.com/xiber/netos/models"
)

// siteRow is one infrastructure asset: where it is, who Xiber pays for it
// and on what lease.
type siteRow struct {
	code, name, siteType string
	provider             string
	address, city, zip   string
	lat, lng             float64
	mrc, nrc             int64 // dollars a month / once
	escalator            int64 // % a year
	termMonths           int
	startedMonthsAgo     int // the lease began on the 1st of that month
	notes                string
}

// dataCenters are the two roots of the hierarchy, where transit lands.
var dataCenters = []siteRow{
	{"COL1", "Cologix COL1", "data_center", cologix, "555 Scott St", "Columbus", "43215", 39.952712, -83.009644, 6850, 4500, 3, 36, 26, "Cage C-114, 8 cabinets, 2×30 A 208 V per cabinet. Core routers and Cogent/Lumen/Zayo cross-connects."},
	{"CVG1", "Cyxtera CVG1", "data_center", cyxtera, "229 W 7th St", "Cincinnati", "45202", 39.103871, -84.517752, 5400, 3500, 3, 36, 14, "Cabinets 3.21–3.24 in the carrier hotel. Second core site and Cincinnati metro ring."},
}

// pops are the regional aggregation points, each fed by a Lumen wave.
var pops = []siteRow{
	{"POP-MAN", "Mansfield POP", "pop", "Richland Commerce Properties LLC", "33 N Main St, Suite 410", "Mansfield", "44902", 40.759521, -82.515384, 1850, 2500, 3, 60, 41, "North-central aggregation; PTP 820 hub on the rooftop."},
	{"POP-ZAN", "Zanesville POP", "pop", "Muskingum Realty Partners", "45 N 4th St, Suite 200", "Zanesville", "43701", 39.940915, -82.006812, 1650, 2500, 3, 60, 33, "Southeastern aggregation; Windstream laterals to Coshocton, Marietta and Cambridge."},
	{"POP-DAY", "Dayton POP", "pop", "Ludlow Street Data Partners LLC", "131 N Ludlow St, Suite 1100", "Dayton", "45402", 39.761216, -84.193826, 2450, 3000, 3, 60, 19, "Miami Valley aggregation in the meet-me room building."},
	{"POP-CHI", "Chillicothe POP", "pop", "Paint Street Holdings LLC", "23 S Paint St, Suite 3", "Chillicothe", "45601", 39.332644, -82.982417, 1450, 2000, 2, 60, 52, "Southern Ohio aggregation; licensed links to Washington Court House and Waverly."},
}

// towers are the radio sites. Most are leased from the tower companies;
// Waverly and Hillsboro are Xiber-owned towers on leased ground.
var towers = []siteRow{
	// Columbus region, fed from COL1.
	{"DEL", "Delaware Tower", "tower", americanTower, "1850 Stratford Rd", "Delaware", "43015", 40.271044, -83.054127, 2250, 1500, 3, 60, 38, "American Tower site #283741; Xiber at 180 ft."},
	{"NEW", "Newark Tower", "tower", crownCastle, "1550 Granville Rd", "Newark", "43055", 40.072318, -82.447052, 1975, 1500, 3, 60, 30, "Crown Castle BU #876512; Xiber at 165 ft."},
	{"MRY", "Marysville Tower", "tower", sba, "15770 Industrial Pkwy", "Marysville", "43040", 40.245167, -83.393092, 1650, 1000, 3, 60, 22, "SBA site OH46128-A; Xiber at 150 ft."},
	{"LON", "London Tower", "tower", americanTower, "650 State Route 56 SW", "London", "43140", 39.871033, -83.470215, 1525, 1000, 3, 60, 47, "American Tower site #301177; Xiber at 190 ft."},
	{"LAN", "Lancaster Tower", "tower", crownCastle, "2260 Lancaster-Newark Rd NE", "Lancaster", "43130", 39.740212, -82.585377, 1850, 1500, 3, 60, 12, "Crown Castle BU #879034; Xiber at 170 ft."},
	// Cincinnati region, fed from CVG1.
	{"MAS", "Mason Tower", "tower", americanTower, "6285 Tylersville Rd", "Mason", "45040", 39.347311, -84.354102, 2650, 2000, 3, 60, 9, "American Tower site #288530; Xiber at 200 ft."},
	{"MIL", "Milford Tower", "tower", sba, "1280 State Route 131", "Milford", "45150", 39.180140, -84.250236, 2150, 1500, 3, 60, 27, "SBA site OH46377-A; Xiber at 160 ft."},
	{"DLH", "Delhi Tower", "tower", crownCastle, "5125 Delhi Rd", "Cincinnati", "45238", 39.093018, -84.621344, 2350, 1500, 3, 60, 56, "Crown Castle BU #872265; Xiber at 175 ft. Reaches Covington and Newport, KY."},
	{"HAR", "Harrison Tower", "tower", americanTower, "10550 New Haven Rd", "Harrison", "45030", 39.249102, -84.790067, 1725, 1000, 3, 60, 44, "American Tower site #294410; Xiber at 185 ft. Reaches Lawrenceburg, IN."},
	{"LEB", "Lebanon Tower", "tower", sba, "1750 Deerfield Rd", "Lebanon", "45036", 39.416027, -84.228163, 1875, 1000, 3, 60, 6, "SBA site OH46502-A; Xiber at 155 ft."},
	// North-central, fed from the Mansfield POP.
	{"ASH", "Ashland Tower", "tower", americanTower, "1425 County Road 1095", "Ashland", "44805", 40.885013, -82.290118, 1650, 1000, 3, 60, 36, "American Tower site #276603; Xiber at 210 ft."},
	{"WOO", "Wooster Tower", "tower", crownCastle, "3340 Cleveland Rd", "Wooster", "44691", 40.835207, -81.940455, 1800, 1000, 3, 60, 57, "Crown Castle BU #870118; Xiber at 195 ft."},
	{"BUC", "Bucyrus Tower", "tower", sba, "1885 E Mansfield St", "Bucyrus", "44820", 40.809033, -82.940170, 1425, 1000, 3, 60, 31, "SBA site OH45871-A; Xiber at 140 ft."},
	{"GAL", "Galion Tower", "tower", americanTower, "760 Harding Way W", "Galion", "44833", 40.733108, -82.810234, 1375, 1000, 3, 60, 18, "American Tower site #279915; Xiber at 150 ft."},
	{"MTV", "Mount Vernon Tower", "tower", crownCastle, "11500 Upper Gilchrist Rd", "Mount Vernon", "43050", 40.415094, -82.450071, 1700, 1000, 3, 60, 42, "Crown Castle BU #874590; Xiber at 180 ft."},
	// Southeast, fed from the Zanesville POP.
	{"CAM", "Cambridge Tower", "tower", americanTower, "61625 Southgate Rd", "Cambridge", "43725", 40.005211, -81.570018, 1550, 1000, 3, 60, 29, "American Tower site #291208; Xiber at 170 ft."},
	{"STC", "St. Clairsville Tower", "tower", sba, "51000 National Rd", "St. Clairsville", "43950", 40.075160, -80.940092, 1600, 1000, 3, 60, 55, "SBA site OH46011-A; Xiber at 190 ft. Reaches Wheeling, WV."},
	{"COS", "Coshocton Tower", "tower", crownCastle, "23465 County Road 621", "Coshocton", "43812", 40.290074, -81.890316, 1450, 1000, 3, 60, 16, "Crown Castle BU #877741; Xiber at 160 ft."},
	{"MAR", "Marietta Tower", "tower", americanTower, "1220 Colegate Dr", "Marietta", "45750", 39.435022, -81.430151, 1625, 1000, 3, 60, 34, "American Tower site #297764; Xiber at 200 ft. Reaches Williamstown and Parkersburg, WV."},
	{"NLX", "New Lexington Tower", "tower", sba, "4550 State Route 13 NE", "New Lexington", "43764", 39.730125, -82.190087, 1350, 1500, 3, 60, 4, "SBA site OH46690-A; new build, sector lit, sales not yet launched."},
	// Miami Valley, fed from the Dayton POP.
	{"SPR", "Springfield Tower", "tower", crownCastle, "2900 E National Rd", "Springfield", "45505", 39.915043, -83.770161, 1950, 1500, 3, 60, 25, "Crown Castle BU #873382; Xiber at 185 ft."},
	{"URB", "Urbana Tower", "tower", americanTower, "1450 N Main St", "Urbana", "43078", 40.130071, -83.745012, 1400, 1000, 3, 60, 39, "American Tower site #285519; Xiber at 150 ft."},
	{"XEN", "Xenia Tower", "tower", sba, "1800 US-68 N", "Xenia", "45385", 39.705048, -83.910125, 1750, 1000, 3, 60, 21, "SBA site OH46244-A; Xiber at 165 ft."},
	{"TRY", "Troy Tower", "tower", americanTower, "1655 W Main St", "Troy", "45373", 40.040063, -84.235017, 1800, 1000, 3, 60, 48, "American Tower site #280072; Xiber at 175 ft."},
	{"SID", "Sidney Tower", "tower", crownCastle, "2455 Michigan St", "Sidney", "45365", 40.290011, -84.190204, 1500, 1000, 3, 60, 13, "Crown Castle BU #878806; Xiber at 160 ft."},
	// Southern Ohio, fed from the Chillicothe POP.
	{"WCH", "Washington Court House Tower", "tower", americanTower, "1725 US-62 NE", "Washington Court House", "43160", 39.560044, -83.410117, 1575, 1000, 3, 60, 35, "American Tower site #293350; Xiber at 190 ft. Dual-homed: Chillicothe and London."},
	{"WAV", "Waverly Tower", "tower", "Pike County Grain Co-op", "8850 State Route 220", "Waverly", "45690", 39.110052, -82.970133, 550, 45000, 2, 120, 50, "Xiber-owned 195 ft self-support on a 10-year ground lease."},
	{"PTS", "Portsmouth Tower", "tower", crownCastle, "4100 Scioto Trail", "Portsmouth", "45662", 38.760037, -82.980108, 1650, 1000, 3, 60, 24, "Crown Castle BU #875127; Xiber at 180 ft. Reaches South Shore, KY."},
	{"ATH", "Athens Tower", "tower", sba, "1002 E State St", "Athens", "45701", 39.335018, -82.075066, 1900, 1000, 3, 60, 10, "SBA site OH46415-A; Xiber at 170 ft."},
	{"HIL", "Hillsboro Tower", "tower", "Yoder Family Farm LLC", "6200 US-50", "Hillsboro", "45133", 39.210093, -83.580041, 650, 52000, 2, 120, 28, "Xiber-owned 180 ft guyed tower on a 10-year ground lease."},
}

// buildSites makes the assets: data centers, POPs, then towers.
func (b *builder) buildSites() {
	var rows []siteRow
	rows = append(rows, dataCenters...)
	rows = append(rows, pops...)
	rows = append(rows, towers...)
	assets := make([]models.InfrastructureAsset, 0, len(rows))
	for i, r := range rows {
		started := b.today.AddMonths(-r.startedMonthsAgo).Time()
		start := models.NewDate(started.Year(), started.Month(), 1)
		end := start.AddMonths(r.termMonths).AddDays(-1)
		assets = append(assets, models.InfrastructureAsset{
			Record:            b.record("asset", r.code),
			Name:              r.name,
			SiteType:          r.siteType,
			Status:            "active",
			ProviderID:        ptr(b.providerID(r.provider)),
			Address:           r.address,
			City:              r.city,
			State:             "OH",
			PostalCode:        r.zip,
			Lat:               ptr(r.lat),
			Lng:               ptr(r.lng),
			MRC:               usd(r.mrc),
			NRC:               usd(r.nrc),
			PriceEscalatorPct: ptr(pct(r.escalator)),
			TermStart:         ptr(start),
			TermEnd:           ptr(end),
			RenewalType:       "auto",
			MonitoringURL:     fmt.Sprintf("https://librenms.xiber.local/device/%d", 100+i),
			Notes:             r.notes,
		})
	}
	b.net.Assets = assets
	for i := range b.net.Assets {
		b.assets[rows[i].code] = &b.net.Assets[i]
	}
}

// asset is the asset of a site code; an unknown code is a bug in the tables.
func (b *builder) asset(code string) *models.InfrastructureAsset {
	a, ok := b.assets[code]
	if !ok {
		panic("demo: unknown site " + code)
	}
	return a
}

// fullAddress is the one-line postal address of an asset or customer.
func fullAddress(street, city, state, zip string) string {
	return fmt.Sprintf("%s, %s, %s %s", street, city, state, zip)
}
