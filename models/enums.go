package models

import "slices"

// Enum values, exactly as spec/CONTRACT.md fixes them.
var (
	CircuitStatuses     = []string{"quoted", "ordered", "installing", "active", "pending_disconnect", "decommissioned", "cancelled"}
	ServiceTypes        = []string{"wave", "dia", "dark_fiber", "broadband", "ethernet", "mpls", "lte", "other"}
	RenewalTypes        = []string{"auto", "manual", "month_to_month", "none"}
	SiteTypes           = []string{"data_center", "pop", "tower", "rooftop", "shelter", "cabinet", "building", "other"}
	SiteStatuses        = []string{"planned", "active", "inactive", "decommissioned"}
	CustomerTypes       = []string{"commercial", "mfc", "wholesale", "other"}
	RFLinkTypes         = []string{"ptp", "ptmp"}
	RFEquipmentRoles    = []string{"ptp", "ptmp_base", "ptmp_subscriber"}
	RFTopologies        = []string{"ptp", "ptmp_source", "ptmp_client"}
	RFLinkKinds         = []string{"backhaul", "customer_endlink", "source_node"}
	ChildKinds          = []string{"infrastructure", "customer", "circuit", "rf_link"}
	TransportKinds      = []string{"circuit", "rf_link"}
	ProviderTypes       = []string{"carrier", "tower_company", "landlord", "utility", "other"}
	FeedbackPriorities  = []string{"low", "normal", "high", "urgent"}
	FeedbackStatuses    = []string{"new", "triaged", "in_progress", "done", "declined"}
	RenewalStates       = []string{"not_due", "in_window", "notice_due", "notice_missed", "auto_renewed", "month_to_month", "expired", "notice_sent", "negotiating", "renewed", "terminating"}
	ManualRenewalStates = []string{"notice_sent", "negotiating", "renewed", "terminating"}
)

// Circuit status values that the code names.
const (
	StatusActive            = "active"
	StatusPendingDisconnect = "pending_disconnect"
	StatusDecommissioned    = "decommissioned"
	StatusCancelled         = "cancelled"
)

// Subtended link kinds.
const (
	KindInfrastructure = "infrastructure"
	KindCustomer       = "customer"
	KindCircuit        = "circuit"
	KindRFLink         = "rf_link"
)

// RF topologies and link kinds.
const (
	TopologyPTP        = "ptp"
	TopologyPtMPSource = "ptmp_source"
	TopologyPtMPClient = "ptmp_client"
	RolePTP            = "ptp"
	RolePtMPBase       = "ptmp_base"
	RolePtMPSubscriber = "ptmp_subscriber"
	LinkKindBackhaul   = "backhaul"
	LinkKindEndlink    = "customer_endlink"
	LinkKindSourceNode = "source_node"
)

// OneOf reports whether v is one of values.
func OneOf(v string, values []string) bool { return slices.Contains(values, v) }

// IsSingleSite reports whether a service type has no Z end (DIA, broadband).
func IsSingleSite(serviceType string) bool {
	return serviceType == "dia" || serviceType == "broadband"
}

// CircuitBills reports whether a circuit of this status costs money monthly.
func CircuitBills(status string) bool {
	return status == StatusActive || status == StatusPendingDisconnect
}
