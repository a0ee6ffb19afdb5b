package imports

// The tables in this file are the importer's vocabulary: what real carrier
// and finance exports call each column, and how they spell enum values.
// docs/imports.md shows them; TestDocsListSynonyms keeps the two in step.

// synonymList pairs a canonical name with the other spellings that mean it.
type synonymList struct {
	canonical string
	synonyms  []string
}

// headerSynonyms names, for each importable field, the headers that map to
// it besides the field name itself. Matching ignores case, spacing,
// punctuation and camelCase, so "Carrier Circuit ID", "carrier_circuit_id"
// and "CarrierCircuitID" are one entry. Endpoint headers ("A-End Address",
// "Z Side Lat"…) are generated from endpointPrefixes × endpointParts below.
var headerSynonyms = []synonymList{
	{"xiber_circuit_label", []string{"Circuit Label", "Label", "Xiber Label", "Xiber Circuit", "Xiber Circuit ID", "Xiber ID", "Internal Circuit ID", "Internal ID", "Internal Label", "Our Circuit ID", "Circuit Name", "Circuit Tag", "Circuit", "Name"}},
	{"carrier_circuit_id", []string{"Carrier Circuit ID", "Carrier Circuit Number", "Carrier Circuit #", "Carrier CID", "Circuit ID", "Circuit Number", "Circuit #", "Circuit No", "CID", "Vendor Circuit ID", "Vendor CID", "Provider Circuit ID", "Provider CID", "Carrier Reference", "Carrier Ref", "Service ID", "Carrier Service ID"}},
	{"carrier_name", []string{"Carrier", "Vendor", "Vendor Name", "Provider", "Provider Name", "Service Provider", "Supplier", "Telco"}},
	{"service_type", []string{"Service Type", "Service", "Product", "Product Type", "Product Name", "Circuit Type", "Type", "Service Category", "Technology", "Access Type", "Transport Type"}},
	{"bandwidth_mbps", []string{"Bandwidth (Mbps)", "Bandwidth", "Speed", "Speed (Mbps)", "Circuit Speed", "Port Speed", "Capacity", "BW", "Data Rate", "CIR", "Committed Rate", "Mbps"}},
	{"status", []string{"Circuit Status", "Service Status", "Lifecycle", "Lifecycle Status", "Order Status"}},
	{"monitoring_url", []string{"Monitoring", "Monitoring Link", "Monitor URL", "NMS URL", "NMS Link", "LibreNMS", "LibreNMS URL", "Graph", "Graph URL", "Cacti", "Observium", "Zabbix", "PRTG", "Device URL", "URL"}},
	{"mrc_usd", []string{"MRC", "Monthly Recurring", "Monthly Recurring Charge", "Monthly Recurring Cost", "Monthly Cost", "Monthly Charge", "Monthly Rate", "Monthly Price", "Monthly Fee", "Monthly", "Recurring", "Recurring Charge", "Recurring Cost", "Cost", "Price"}},
	{"nrc_usd", []string{"NRC", "Non Recurring", "Non-Recurring Charge", "Non-Recurring Cost", "Nonrecurring", "Install Fee", "Installation Fee", "Install Cost", "Installation Cost", "Installation Charge", "Setup Fee", "Set Up Fee", "One Time Charge", "One-Time Fee", "OTC", "Construction Fee", "Special Construction"}},
	{"notes", []string{"Note", "Comments", "Comment", "Remarks", "Description", "Memo", "Details"}},
	{"contract_term_start_date", []string{"Term Start", "Term Start Date", "Contract Start", "Contract Start Date", "Start Date", "Start", "Effective Date", "Service Start", "Service Start Date", "Install Date", "Installed", "Installation Date", "Activation Date", "Turn Up Date", "Live Date", "In Service Date", "Billing Start", "Billing Start Date", "Commencement Date", "Begin Date"}},
	{"contract_term_end_date", []string{"Term End", "Term End Date", "Contract End", "Contract End Date", "End Date", "End", "Expiration", "Expiration Date", "Expiry", "Expiry Date", "Expires", "Contract Expiration", "Contract Expiry", "Term Expiration", "Renewal Date"}},
	{"contract_term_months", []string{"Term", "Term (Months)", "Term Months", "Term Length", "Contract Term", "Contract Length", "Contract Months", "Length", "Duration", "Months"}},
	{"renewal_type", []string{"Renewal", "Renewal Terms", "Renewal Method", "Auto Renew", "Auto Renewal", "Auto-Renews", "Evergreen", "Renews"}},
	{"notice_days", []string{"Notice", "Notice (Days)", "Notice Period", "Notice Period (Days)", "Days Notice", "Notice Required", "Cancellation Notice", "Termination Notice", "Non-Renewal Notice"}},
	{"etf_usd", []string{"ETF", "Early Termination Fee", "Early Termination", "Early Termination Charge", "Termination Fee", "Cancellation Fee"}},
	{"etf_pct", []string{"ETF %", "ETF Percent", "ETF Percentage", "Early Termination %", "Early Termination Percent", "Termination Liability", "Termination Liability %"}},
	{"escalator_pct", []string{"Escalator", "Escalator %", "Escalation", "Escalation %", "Annual Escalator", "Annual Escalation", "Yearly Escalator", "Price Escalator", "Price Escalation", "Annual Increase", "Rate Increase", "Uplift", "Annual Uplift"}},
	// A single-site circuit (DIA, broadband) is described by plain location
	// columns; they are its A end.
	{"a_endpoint_name", []string{"Location", "Site", "Site Name", "Location Name", "Facility", "From"}},
	{"a_endpoint_address", []string{"Address", "Site Address", "Service Address", "Street Address"}},
	{"a_endpoint_state", []string{"State"}},
	{"a_endpoint_lat", []string{"Lat", "Latitude"}},
	{"a_endpoint_lng", []string{"Lng", "Lon", "Long", "Longitude"}},
	{"z_endpoint_name", []string{"To"}},
}

// endpointPrefixes are the ways exports name a circuit's two ends. Each
// combines with every word of endpointParts: "A-End", "A Side Address",
// "Z Location Lat", "Destination State"…
var endpointPrefixes = []synonymList{
	{"a", []string{"A", "A End", "A Side", "A Location", "A Loc", "A Site", "A Endpoint", "End A", "Side A", "Location A", "Site A", "Origin"}},
	{"z", []string{"Z", "Z End", "Z Side", "Z Location", "Z Loc", "Z Site", "Z Endpoint", "End Z", "Side Z", "Location Z", "Site Z", "Destination", "Dest"}},
}

// endpointParts are the endpoint fields and the words exports put after the
// prefix; an empty word means the prefix alone ("A-End") names the site.
var endpointParts = []synonymList{
	{"name", []string{"", "Name", "Site", "Site Name", "Location", "Location Name", "Facility"}},
	{"address", []string{"Address", "Addr", "Street", "Street Address", "Site Address", "Full Address"}},
	{"state", []string{"State", "ST", "Province"}},
	{"lat", []string{"Lat", "Latitude"}},
	{"lng", []string{"Lng", "Lon", "Long", "Longitude"}},
}

// headerNoise are words dropped before a second lookup, so that units and
// filler ("MRC ($)", "Cost per month", "Speed (Gbps)") still find a field.
var headerNoise = []string{"usd", "dollars", "dollar", "us", "amount", "amt", "in", "per", "mo", "month", "kbps", "mbps", "gbps", "kb", "mb", "gb"}

// statusSynonyms: circuit status values as exports spell them.
var statusSynonyms = []synonymList{
	{"quoted", []string{"Quote", "Proposed", "Pricing"}},
	{"ordered", []string{"Order", "On Order", "Order Placed", "Submitted"}},
	{"installing", []string{"Install", "Installation", "Pending Install", "In Progress", "Provisioning", "Being Installed", "Construction"}},
	{"active", []string{"In Service", "Live", "Up", "Installed", "Billing", "Production", "In Production", "Operational"}},
	{"pending_disconnect", []string{"Pending Disconnect", "Pending Disco", "Disconnect Pending", "Pending Termination", "Pending Cancellation", "Disconnect Ordered"}},
	{"decommissioned", []string{"Disconnected", "Decom", "Decommed", "Terminated", "Removed", "Inactive", "Disco"}},
	{"cancelled", []string{"Canceled", "Cancel", "Order Cancelled"}},
}

// serviceTypeSynonyms: circuit service types as carriers sell them.
var serviceTypeSynonyms = []synonymList{
	{"wave", []string{"Wavelength", "Optical Wave", "Lambda", "DWDM", "Wave Service"}},
	{"dia", []string{"Internet", "DIA", "Dedicated Internet", "Dedicated Internet Access", "IP Transit", "Transit", "Internet Access", "Fiber Internet"}},
	{"dark_fiber", []string{"Dark Fiber", "Dark Fibre", "Dark", "Fiber IRU", "IRU"}},
	{"broadband", []string{"Cable", "Coax", "Cable Internet", "Cable Modem", "DSL", "Business Broadband", "Business Internet"}},
	{"ethernet", []string{"EPL", "EVPL", "E-Line", "E-LAN", "ELAN", "Metro Ethernet", "Carrier Ethernet", "Ethernet Private Line", "Ethernet Transport", "VPLS", "EoF"}},
	{"mpls", []string{"MPLS VPN", "IP VPN", "L3VPN", "Layer 3 VPN"}},
	{"lte", []string{"4G", "5G", "4G LTE", "Cellular", "Wireless Backup"}},
	{"other", []string{"T1", "DS1", "DS3", "OC3", "OC12", "TDM"}},
}

// renewalSynonyms: contract renewal types. An "Auto Renew" column often
// holds Yes/No, so yes means auto and no means manual.
var renewalSynonyms = []synonymList{
	{"auto", []string{"Auto Renew", "Auto Renewal", "Auto-Renews", "Autorenew", "Automatic", "Evergreen", "Yes", "Y", "True"}},
	{"manual", []string{"Manual Renewal", "Renegotiate", "No", "N", "False"}},
	{"month_to_month", []string{"Month-to-Month", "MTM", "M2M", "Monthly"}},
	{"none", []string{"No Renewal", "Non-Renewing", "Expires"}},
}

// usStates maps USPS codes to state names, so "Ohio" and "oh" both import as "OH".
var usStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
	"FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
	"IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
	"MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
	"NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
	"NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
	"TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
	"WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
	"PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
}
