package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/xiber/netos/models"
)

// town is a place customers live in, with its ZIP code and centre.
type town struct {
	city, state, zip string
	lat, lng         float64
}

// coverageRow says how many customers a tower serves and in which towns
// (the first is the tower's own town; some reach over the state line).
type coverageRow struct {
	tower     string
	customers int
	towns     []town
}

// coverage lists the customers of every tower but New Lexington, whose
// sector is lit but has no subscribers yet. 298 radio customers in all.
var coverage = []coverageRow{
	{"DEL", 16, []town{{"Delaware", "OH", "43015", 40.298672, -83.068020}, {"Powell", "OH", "43065", 40.157840, -83.075240}, {"Sunbury", "OH", "43074", 40.242560, -82.859020}}},
	{"NEW", 12, []town{{"Newark", "OH", "43055", 40.058121, -82.401265}, {"Heath", "OH", "43056", 40.022840, -82.444610}, {"Granville", "OH", "43023", 40.068120, -82.519600}}},
	{"MRY", 10, []town{{"Marysville", "OH", "43040", 40.236422, -83.367141}, {"Plain City", "OH", "43064", 40.107560, -83.267410}}},
	{"LON", 8, []town{{"London", "OH", "43140", 39.886451, -83.448250}, {"West Jefferson", "OH", "43162", 39.944500, -83.268820}}},
	{"LAN", 13, []town{{"Lancaster", "OH", "43130", 39.713673, -82.599323}, {"Pickerington", "OH", "43147", 39.884240, -82.753510}, {"Baltimore", "OH", "43105", 39.845340, -82.601020}}},
	{"MAS", 17, []town{{"Mason", "OH", "45040", 39.360060, -84.309940}, {"West Chester", "OH", "45069", 39.332010, -84.408270}}},
	{"MIL", 14, []town{{"Milford", "OH", "45150", 39.175340, -84.294390}, {"Loveland", "OH", "45140", 39.268950, -84.263830}, {"Batavia", "OH", "45103", 39.077010, -84.176880}}},
	{"DLH", 13, []town{{"Cincinnati", "OH", "45238", 39.095640, -84.609110}, {"Covington", "KY", "41011", 39.083670, -84.508550}, {"Newport", "KY", "41071", 39.091450, -84.495780}}},
	{"HAR", 8, []town{{"Harrison", "OH", "45030", 39.261990, -84.819950}, {"Lawrenceburg", "IN", "47025", 39.090880, -84.849950}, {"Cleves", "OH", "45002", 39.161720, -84.749120}}},
	{"LEB", 11, []town{{"Lebanon", "OH", "45036", 39.435340, -84.202990}, {"Waynesville", "OH", "45068", 39.529780, -84.086600}}},
	{"ASH", 10, []town{{"Ashland", "OH", "44805", 40.868670, -82.318220}, {"Loudonville", "OH", "44842", 40.635060, -82.233240}}},
	{"WOO", 13, []town{{"Wooster", "OH", "44691", 40.805050, -81.935140}, {"Orrville", "OH", "44667", 40.843670, -81.764020}}},
	{"BUC", 7, []town{{"Bucyrus", "OH", "44820", 40.808390, -82.975460}, {"Crestline", "OH", "44827", 40.787280, -82.736840}}},
	{"GAL", 6, []town{{"Galion", "OH", "44833", 40.733670, -82.789910}}},
	{"MTV", 9, []town{{"Mount Vernon", "OH", "43050", 40.393400, -82.485710}, {"Fredericktown", "OH", "43019", 40.480900, -82.540710}}},
	{"CAM", 9, []town{{"Cambridge", "OH", "43725", 40.031180, -81.588460}, {"Byesville", "OH", "43723", 39.969790, -81.536510}}},
	{"STC", 9, []town{{"St. Clairsville", "OH", "43950", 40.080630, -80.900090}, {"Wheeling", "WV", "26003", 40.063960, -80.720910}, {"Bridgeport", "OH", "43912", 40.069790, -80.740080}}},
	{"COS", 7, []town{{"Coshocton", "OH", "43812", 40.272010, -81.859570}}},
	{"MAR", 10, []town{{"Marietta", "OH", "45750", 39.415350, -81.454840}, {"Williamstown", "WV", "26187", 39.400080, -81.448180}, {"Parkersburg", "WV", "26101", 39.266740, -81.561510}}},
	{"SPR", 13, []town{{"Springfield", "OH", "45505", 39.924230, -83.808820}, {"New Carlisle", "OH", "45344", 39.936160, -84.025500}}},
	{"URB", 7, []town{{"Urbana", "OH", "43078", 40.108390, -83.752430}, {"Mechanicsburg", "OH", "43044", 40.071720, -83.556590}}},
	{"XEN", 12, []town{{"Xenia", "OH", "45385", 39.684780, -83.929650}, {"Beavercreek", "OH", "45434", 39.709230, -84.063270}, {"Yellow Springs", "OH", "45387", 39.806170, -83.886870}}},
	{"TRY", 11, []town{{"Troy", "OH", "45373", 40.039500, -84.203280}, {"Tipp City", "OH", "45371", 39.958390, -84.172160}, {"Piqua", "OH", "45356", 40.144770, -84.242440}}},
	{"SID", 9, []town{{"Sidney", "OH", "45365", 40.284220, -84.155500}, {"Anna", "OH", "45302", 40.394770, -84.173010}}},
	{"WCH", 9, []town{{"Washington Court House", "OH", "43160", 39.536450, -83.439100}, {"Jeffersonville", "OH", "43128", 39.653670, -83.564090}}},
	{"WAV", 6, []town{{"Waverly", "OH", "45690", 39.126740, -82.985460}, {"Piketon", "OH", "45661", 39.068120, -83.014370}}},
	{"PTS", 10, []town{{"Portsmouth", "OH", "45662", 38.731740, -82.997670}, {"South Shore", "KY", "41175", 38.720910, -82.958480}, {"Wheelersburg", "OH", "45694", 38.730290, -82.855190}}},
	{"ATH", 13, []town{{"Athens", "OH", "45701", 39.329240, -82.101260}, {"Nelsonville", "OH", "45764", 39.458680, -82.231820}}},
	{"HIL", 6, []town{{"Hillsboro", "OH", "45133", 39.202290, -83.611590}}},
}

// fiberCustomer is a customer served over a carrier circuit from a DC or
// POP instead of over a radio.
type fiberCustomer struct {
	key, name, customerType   string
	address, city, state, zip string
	lat, lng                  float64
	mrr                       int64
	notes                     string
}

// fiberCustomers are the two on-net fiber customers.
var fiberCustomers = []fiberCustomer{
	{"OLENTANGY", "Olentangy Medical Partners", "commercial", "3535 Olentangy River Rd", "Columbus", "OH", "43214", 40.029013, -83.029517, 4500, "1 Gbps DIA over a Lumen EPL from COL1; 99.99 % SLA."},
	{"MIAMI-VALLEY", "Miami Valley Precision Machining", "commercial", "2400 Stanley Ave", "Dayton", "OH", "45404", 39.789312, -84.167405, 3200, "1 Gbps DIA over a Windstream lateral from the Dayton POP."},
}

// plan is a monthly price and how often customers pick it.
type plan struct {
	mrr    int64
	weight int
}

var commercialPlans = []plan{
	{79, 8}, {99, 10}, {129, 9}, {149, 9}, {199, 8}, {249, 6}, {299, 6}, {399, 5}, {499, 4},
	{650, 4}, {850, 3}, {1100, 3}, {1450, 2}, {1850, 2}, {2400, 1}, {2950, 1}, {3600, 1}, {4500, 1},
}

var mfcPlans = []plan{
	{1200, 3}, {1450, 3}, {1650, 3}, {1950, 3}, {2400, 2}, {2850, 2}, {3300, 2}, {3900, 1}, {4500, 1},
}

var (
	surnames = []string{
		"Miller", "Schneider", "Hoffman", "Yoder", "Kessler", "Baumgartner", "Whitaker", "Lindsey",
		"Kowalski", "Reinhardt", "Sutter", "McAllister", "Brennan", "Gallagher", "Hartman", "Stoltzfus",
		"Fischer", "Wagner", "Krause", "Dietrich", "Brandt", "Hollister", "Petrakis", "Romano",
		"Nguyen", "Patel", "Okafor", "Delgado", "Whitmore", "Caldwell", "Pruitt", "Eberly",
		"Vance", "Lehman", "Troyer", "Hershberger", "Zimmerman", "Shumaker", "Kaufman", "Mathews",
	}
	surnameTrades = []string{
		"Plumbing & Heating", "Family Dentistry", "Law Office", "Insurance Agency", "Auto Repair",
		"Hardware", "Chiropractic", "Funeral Home", "Electric", "Excavating", "Veterinary Clinic",
		"CPA Group", "Realty", "Orthodontics", "Landscaping", "Machine Shop", "Trucking",
		"Construction", "Pharmacy", "Eye Care", "Physical Therapy", "Bakery", "Florist",
		"Tire & Service", "Self Storage",
	}
	townTrades = []string{
		"Family Medicine", "Animal Hospital", "Feed & Supply", "Community Church", "Lumber Co.",
		"Dental Arts", "Fitness Center", "Montessori School", "Chamber of Commerce", "Machine & Tool",
		"Title Agency", "Urgent Care", "Sports Complex", "Brewing Co.",
	}
	regionalWords = []string{
		"Buckeye", "Heartland", "Scioto", "Muskingum", "Hocking", "Licking Valley", "Cardinal",
		"Riverbend", "Maple Ridge", "Blue Heron", "Tri-County", "Frontier", "Pioneer", "Keystone",
		"Prairie", "Ridgeline", "Great Miami", "Appalachian",
	}
	regionalTrades = []string{
		"Logistics", "Precision Machining", "Ag Supply", "Credit Union", "Cold Storage",
		"Health Partners", "Tool & Die", "Auto Group", "Manufacturing", "Dental Group", "Orthopedics",
		"Engineering", "Distribution", "Insurance Group", "Plastics", "Grain & Feed", "Coffee Roasters",
		"Veterinary Hospital",
	}
	mfcWords = []string{
		"Willow Creek", "Maple Ridge", "Stonegate", "Cedar Pointe", "Heritage Square", "Riverbend",
		"Hidden Lake", "Brookside", "Fox Run", "Autumn Woods", "Parkview", "Quail Hollow",
		"Ashford Court", "Timber Ridge", "Sycamore Place", "Meadowbrook", "Eagle Crest",
		"Lakeview", "Deer Creek", "Olde Towne", "Chestnut Hill", "Foxfire", "Summit Park",
	}
	mfcKinds = []string{"Apartments", "Townhomes", "Senior Living", "Village", "Lofts", "Commons"}
	streets  = []string{
		"Main St", "N Main St", "S Main St", "E Main St", "W Main St", "High St", "Market St",
		"Broad St", "Church St", "Maple Ave", "Washington St", "Elm St", "Sandusky St",
		"Jefferson Ave", "Park Ave", "Walnut St", "Mill St", "Industrial Pkwy", "Commerce Dr",
		"Liberty St", "Center St", "Union St", "Columbus Rd", "State Route 37", "Township Road 150",
		"County Road 12", "Harding Hwy", "National Rd", "Lincoln Way", "Jackson Pike",
	}
)

// radioCustomer remembers which tower serves a generated customer.
type radioCustomer struct {
	customer *models.Customer
	tower    string
}

// buildCustomers makes the 298 radio customers of the coverage table, then
// the fiber customers. Names, addresses, plans and statuses come from a
// fixed-seed generator, so they are the same on every build.
func (b *builder) buildCustomers() {
	rng := rand.New(rand.NewPCG(0x5849424552, 0x435553544f4d4552))
	names := map[string]bool{}
	var customers []models.Customer
	var towersOf []string

	for _, cov := range coverage {
		for n := 1; n <= cov.customers; n++ {
			t := cov.towns[0]
			if len(cov.towns) > 1 && rng.IntN(100) < 45 {
				t = cov.towns[1+rng.IntN(len(cov.towns)-1)]
			}
			kind := "commercial"
			plans := commercialPlans
			if rng.IntN(100) < 20 {
				kind, plans = "mfc", mfcPlans
			}
			status, notes := "active", ""
			switch r := rng.IntN(100); {
			case r < 5:
				status, notes = "planned", "Signed; install scheduled."
			case r < 11:
				status, notes = "inactive", inactiveNotes[rng.IntN(len(inactiveNotes))]
			}
			key := fmt.Sprintf("%s-%03d", cov.tower, n)
			c := models.Customer{
				Record:         b.record("customer", key),
				Name:           uniqueName(rng, names, kind, t),
				CustomerType:   kind,
				Status:         status,
				Address:        fmt.Sprintf("%d %s", 100+rng.IntN(9800), streets[rng.IntN(len(streets))]),
				City:           t.city,
				State:          t.state,
				PostalCode:     t.zip,
				Lat:            ptr(jitter(rng, t.lat, 0.02)),
				Lng:            ptr(jitter(rng, t.lng, 0.025)),
				MRR:            usd(pick(rng, plans)),
				SonarAccountID: strconv.Itoa(20411 + 37*len(customers)),
				Notes:          notes,
			}
			customers = append(customers, c)
			towersOf = append(towersOf, cov.tower)
		}
	}
	for _, f := range fiberCustomers {
		customers = append(customers, models.Customer{
			Record:         b.record("customer", f.key),
			Name:           f.name,
			CustomerType:   f.customerType,
			Status:         "active",
			Address:        f.address,
			City:           f.city,
			State:          f.state,
			PostalCode:     f.zip,
			Lat:            ptr(f.lat),
			Lng:            ptr(f.lng),
			MRR:            usd(f.mrr),
			SonarAccountID: strconv.Itoa(20411 + 37*len(customers)),
			Notes:          f.notes,
		})
	}

	b.net.Customers = customers
	radio := len(customers) - len(fiberCustomers)
	for i := range radio {
		b.radio = append(b.radio, radioCustomer{customer: &b.net.Customers[i], tower: towersOf[i]})
	}
	for i, f := range fiberCustomers {
		b.customers[f.key] = &b.net.Customers[radio+i]
	}
}

var inactiveNotes = []string{
	"Business closed; radio left in place.",
	"Suspended for non-payment.",
	"Moved to another location; disconnect pending pickup of CPE.",
}

// uniqueName draws a business or community name not used yet.
func uniqueName(rng *rand.Rand, used map[string]bool, kind string, t town) string {
	for range 50 {
		var name string
		if kind == "mfc" {
			if rng.IntN(5) == 0 {
				name = "The Residences at " + t.city
			} else {
				name = mfcWords[rng.IntN(len(mfcWords))] + " " + mfcKinds[rng.IntN(len(mfcKinds))]
			}
		} else {
			switch rng.IntN(3) {
			case 0:
				name = surnames[rng.IntN(len(surnames))] + " " + surnameTrades[rng.IntN(len(surnameTrades))]
			case 1:
				name = t.city + " " + townTrades[rng.IntN(len(townTrades))]
			default:
				name = regionalWords[rng.IntN(len(regionalWords))] + " " + regionalTrades[rng.IntN(len(regionalTrades))]
			}
		}
		if !used[name] {
			used[name] = true
			return name
		}
	}
	// The lists are large enough that this is never reached; keep names
	// unique even so.
	name := fmt.Sprintf("Xiber Customer %d", len(used)+1)
	used[name] = true
	return name
}

// pick draws a plan's MRR by weight.
func pick(rng *rand.Rand, plans []plan) int64 {
	total := 0
	for _, p := range plans {
		total += p.weight
	}
	n := rng.IntN(total)
	for _, p := range plans {
		if n < p.weight {
			return p.mrr
		}
		n -= p.weight
	}
	return plans[len(plans)-1].mrr
}

// jitter moves a coordinate by up to ±spread degrees, to six decimals
// (about 10 cm). It works in whole millionths of a degree so that no
// fused multiply-add can make one architecture round differently.
func jitter(rng *rand.Rand, v, spread float64) float64 {
	micro := int64(math.Round(v * 1e6))
	span := int64(math.Round(spread * 1e6))
	return float64(micro+rng.Int64N(2*span+1)-span) / 1e6
}

// customer is a fiber customer by key; an unknown key is a bug in the tables.
func (b *builder) customer(key string) *models.Customer {
	c, ok := b.customers[key]
	if !ok {
		panic("demo: unknown customer " + key)
	}
	return c
}
