package rest

import (
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// The query filters of the list routes; unknown enum values and malformed
// UUIDs are 422 on ["query", name].

func rfLinkFilter(q *params) store.RFLinkFilter {
	return store.RFLinkFilter{
		Status:           q.enums("status", models.SiteStatuses),
		Topology:         q.enums("topology", models.RFTopologies),
		LinkKind:         q.enums("link_kind", models.RFLinkKinds),
		RFSystemID:       q.uuid("rf_system_id"),
		InfrastructureID: q.uuid("infrastructure_id"),
		CustomerID:       q.uuid("customer_id"),
		PtMPSourceID:     q.uuid("ptmp_source_id"),
		Search:           q.str("search"),
		Page:             q.page(),
	}
}

func rfSystemFilter(q *params) store.RFSystemFilter {
	return store.RFSystemFilter{
		LinkType:      q.enums("link_type", models.RFLinkTypes),
		EquipmentRole: q.enums("equipment_role", models.RFEquipmentRoles),
		Search:        q.str("search"),
		Page:          q.page(),
	}
}

func electricalFilter(q *params) store.ElectricalFilter {
	return store.ElectricalFilter{
		InfrastructureID: q.uuid("infrastructure_id"),
		CustomerID:       q.uuid("customer_id"),
		ProviderID:       q.uuid("provider_id"),
		Search:           q.str("search"),
		Page:             q.page(),
	}
}

func providerFilter(q *params) store.ProviderFilter {
	return store.ProviderFilter{
		ProviderType: q.enums("provider_type", models.ProviderTypes),
		Search:       q.str("search"),
		Page:         q.page(),
	}
}

// auditEventTypes are the audit entry kinds (spec/CONTRACT.md).
var auditEventTypes = []string{"request", "write"}

func auditFilter(q *params) store.AuditFilter {
	p := q.page()
	return store.AuditFilter{
		EntityType: q.str("entity_type"),
		EntityID:   q.str("entity_id"),
		User:       q.str("user"),
		Action:     q.str("action"),
		EventType:  q.enum("event_type", auditEventTypes),
		Limit:      p.Limit,
		Offset:     p.Offset,
	}
}
