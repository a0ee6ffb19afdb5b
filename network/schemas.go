package network

import "github.com/xiber/netos/models"

// The writable fields of every record, by REST name (spec/CONTRACT.md).
// Everything not listed here (id, version, timestamps, derived fields) is
// read-only through every transport.
var (
	ProviderSchema = newSchema("service provider",
		Field{Name: "name", Kind: Text, Required: true},
		Field{Name: "provider_type", Kind: Enum, Values: models.ProviderTypes},
		Field{Name: "noc_phone", Kind: Text},
		Field{Name: "noc_email", Kind: Email},
		Field{Name: "portal_url", Kind: URL},
		Field{Name: "account_number", Kind: Text},
		Field{Name: "notes", Kind: Text},
	)

	CircuitSchema = newSchema("circuit", append([]Field{
		{Name: "xiber_circuit_label", Kind: Text, Required: true},
		{Name: "carrier_circuit_id", Kind: Text},
		{Name: "carrier_name", Kind: Text, Required: true, Virtual: true},
		{Name: "service_type", Kind: Enum, Values: models.ServiceTypes, Required: true},
		{Name: "bandwidth_mbps", Kind: Int, NonNeg: true},
		{Name: "status", Kind: Enum, Values: models.CircuitStatuses, NoNull: true},
		{Name: "mrc_usd", Kind: Money, NonNeg: true, NoNull: true},
		{Name: "nrc_usd", Kind: Money, NonNeg: true, NoNull: true},
		{Name: "monitoring_url", Kind: URL},
		{Name: "notes", Kind: Text},
		{Name: "contract_term_start_date", Kind: Date},
		{Name: "contract_term_end_date", Kind: Date},
		{Name: "contract_term_months", Kind: Int, NonNeg: true},
		{Name: "renewal_type", Kind: Enum, Values: models.RenewalTypes},
		{Name: "notice_days", Kind: Int, NonNeg: true, NoNull: true},
		{Name: "etf_usd", Kind: Money, NonNeg: true},
		{Name: "etf_pct", Kind: Decimal, NonNeg: true},
		{Name: "escalator_pct", Kind: Decimal},
	}, append(endpointFields("a"), endpointFields("z")...)...)...)

	InfrastructureSchema = newSchema("infrastructure asset",
		Field{Name: "name", Kind: Text, Required: true},
		Field{Name: "site_type", Kind: Enum, Values: models.SiteTypes, Required: true},
		Field{Name: "status", Kind: Enum, Values: models.SiteStatuses, NoNull: true},
		Field{Name: "provider_name", Kind: Text, Virtual: true},
		Field{Name: "address", Kind: Text},
		Field{Name: "city", Kind: Text},
		Field{Name: "state", Kind: Text},
		Field{Name: "postal_code", Kind: Text},
		Field{Name: "lat", Kind: Latitude},
		Field{Name: "lng", Kind: Longitude},
		Field{Name: "mrc_usd", Kind: Money, NonNeg: true, NoNull: true},
		Field{Name: "nrc_usd", Kind: Money, NonNeg: true, NoNull: true},
		Field{Name: "price_escalator_pct", Kind: Decimal},
		Field{Name: "term_start_date", Kind: Date},
		Field{Name: "term_end_date", Kind: Date},
		Field{Name: "renewal_type", Kind: Enum, Values: models.RenewalTypes},
		Field{Name: "monitoring_url", Kind: URL},
		Field{Name: "notes", Kind: Text},
	)

	CustomerSchema = newSchema("customer",
		Field{Name: "name", Kind: Text, Required: true},
		Field{Name: "customer_type", Kind: Enum, Values: models.CustomerTypes},
		Field{Name: "status", Kind: Enum, Values: models.SiteStatuses, NoNull: true},
		Field{Name: "address", Kind: Text},
		Field{Name: "city", Kind: Text},
		Field{Name: "state", Kind: Text},
		Field{Name: "postal_code", Kind: Text},
		Field{Name: "lat", Kind: Latitude},
		Field{Name: "lng", Kind: Longitude},
		Field{Name: "mrr_usd", Kind: Money, NonNeg: true, NoNull: true},
		Field{Name: "sonar_account_id", Kind: Text},
		Field{Name: "notes", Kind: Text},
	)

	RFSystemSchema = newSchema("RF system",
		Field{Name: "name", Kind: Text, Required: true},
		Field{Name: "description", Kind: Text},
		Field{Name: "frequency_band", Kind: Text},
		Field{Name: "frequency_mhz", Kind: Int, NonNeg: true},
		Field{Name: "capacity_mbps", Kind: Int, NonNeg: true},
		Field{Name: "monthly_cost_usd", Kind: Money, NonNeg: true, NoNull: true},
		Field{Name: "equipment_cost_usd", Kind: Money, NonNeg: true, NoNull: true},
		Field{Name: "link_type", Kind: Enum, Values: models.RFLinkTypes, Required: true},
		Field{Name: "equipment_role", Kind: Enum, Values: models.RFEquipmentRoles, Required: true},
		Field{Name: "compatible_base_system_ids", Kind: RefList, NoNull: true},
	)

	RFLinkSchema = newSchema("RF link",
		Field{Name: "name", Kind: Text, Required: true},
		Field{Name: "topology", Kind: Enum, Values: models.RFTopologies, NoNull: true},
		Field{Name: "status", Kind: Enum, Values: models.SiteStatuses, NoNull: true},
		Field{Name: "rf_system_id", Kind: Ref, Required: true},
		Field{Name: "a_infrastructure_id", Kind: Ref, Required: true},
		Field{Name: "z_infrastructure_id", Kind: Ref},
		Field{Name: "z_customer_id", Kind: Ref},
		Field{Name: "ptmp_source_id", Kind: Ref},
		Field{Name: "frequency_mhz", Kind: Int, NonNeg: true},
		Field{Name: "capacity_mbps", Kind: Int, NonNeg: true},
		Field{Name: "mrc_usd", Kind: Money, NonNeg: true, NoNull: true},
		Field{Name: "notes", Kind: Text},
	)

	ElectricalSchema = newSchema("electrical service",
		Field{Name: "infrastructure_id", Kind: Ref},
		Field{Name: "customer_id", Kind: Ref},
		Field{Name: "provider_name", Kind: Text, Virtual: true},
		Field{Name: "service_type", Kind: Text},
		Field{Name: "account_number", Kind: Text},
		Field{Name: "meter_number", Kind: Text},
		Field{Name: "voltage", Kind: Int, NonNeg: true},
		Field{Name: "amperage", Kind: Int, NonNeg: true},
		Field{Name: "phase", Kind: Text},
		Field{Name: "delivery_location", Kind: Text},
		Field{Name: "service_address", Kind: Text},
		Field{Name: "avg_monthly_cost_usd", Kind: Money, NonNeg: true, Required: true},
		Field{Name: "start_date", Kind: Date},
		Field{Name: "monitoring_url", Kind: URL},
		Field{Name: "notes", Kind: Text},
	)

	LinkSchema = newSchema("subtended link",
		Field{Name: "parent_infrastructure_id", Kind: Ref, NoNull: true},
		Field{Name: "child_kind", Kind: Enum, Values: models.ChildKinds, Required: true},
		Field{Name: "child_id", Kind: Ref, Required: true},
		Field{Name: "transport_kind", Kind: Enum, Values: models.TransportKinds},
		Field{Name: "transport_id", Kind: Ref},
		Field{Name: "allocation_weight", Kind: Decimal, NonNeg: true, NoNull: true},
		Field{Name: "notes", Kind: Text},
	)

	FeedbackSchema = newSchema("feedback",
		Field{Name: "title", Kind: Text, Required: true},
		Field{Name: "description", Kind: Text},
		Field{Name: "priority", Kind: Enum, Values: models.FeedbackPriorities, NoNull: true},
		Field{Name: "status", Kind: Enum, Values: models.FeedbackStatuses, NoNull: true},
		Field{Name: "requester_name", Kind: Text},
		Field{Name: "requester_email", Kind: Email},
	)
)

func endpointFields(end string) []Field {
	p := end + "_endpoint_"
	return []Field{
		{Name: p + "name", Kind: Text},
		{Name: p + "address", Kind: Text},
		{Name: p + "state", Kind: Text},
		{Name: p + "lat", Kind: Latitude},
		{Name: p + "lng", Kind: Longitude},
		{Name: end + "_infrastructure_id", Kind: Ref},
		{Name: end + "_customer_id", Kind: Ref},
	}
}
