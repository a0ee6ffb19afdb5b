package resolvers

import (
	"strings"

	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/store"
)

// The typed GraphQL filters map onto the store's filter structs; the store
// whitelists the order columns, and orderColumn names them: the enum value
// lower-cased, with money fields (…_USD) stored as cents.

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func optID(p *string) string {
	if p == nil {
		return ""
	}
	return normalID(*p)
}

func ids(in []string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = normalID(s)
	}
	return out
}

func orderColumn(field string) string {
	c := strings.ToLower(field)
	if strings.HasSuffix(c, "_usd") {
		c = strings.TrimSuffix(c, "_usd") + "_cents"
	}
	return c
}

func order[F ~string](field F, dir *model.OrderDirection) store.Order {
	return store.Order{Column: orderColumn(string(field)), Desc: dir != nil && *dir == model.OrderDirectionDesc}
}

func circuitFilter(f *model.CircuitFilter, o *model.CircuitOrder) store.CircuitFilter {
	var out store.CircuitFilter
	if f != nil {
		out = store.CircuitFilter{Carrier: str(f.Carrier), CarrierID: optID(f.CarrierID), Status: f.Status, ServiceType: f.ServiceType,
			State: str(f.State), Search: str(f.Search), InfrastructureID: optID(f.InfrastructureID), CustomerID: optID(f.CustomerID), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func infrastructureFilter(f *model.InfrastructureFilter, o *model.InfrastructureOrder) store.SiteFilter {
	var out store.SiteFilter
	if f != nil {
		out = store.SiteFilter{Status: f.Status, Type: f.SiteType, State: str(f.State), ProviderID: optID(f.ProviderID), Search: str(f.Search), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func customerFilter(f *model.CustomerFilter, o *model.CustomerOrder) store.SiteFilter {
	var out store.SiteFilter
	if f != nil {
		out = store.SiteFilter{Status: f.Status, Type: f.CustomerType, State: str(f.State), Search: str(f.Search), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func providerFilter(f *model.ServiceProviderFilter, o *model.ServiceProviderOrder) store.ProviderFilter {
	var out store.ProviderFilter
	if f != nil {
		out = store.ProviderFilter{ProviderType: f.ProviderType, Search: str(f.Search), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func rfSystemFilter(f *model.RFSystemFilter, o *model.RFSystemOrder) store.RFSystemFilter {
	var out store.RFSystemFilter
	if f != nil {
		out = store.RFSystemFilter{LinkType: f.LinkType, EquipmentRole: f.EquipmentRole, Search: str(f.Search), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func rfLinkFilter(f *model.RFLinkFilter, o *model.RFLinkOrder) store.RFLinkFilter {
	var out store.RFLinkFilter
	if f != nil {
		out = store.RFLinkFilter{Status: f.Status, Topology: f.Topology, LinkKind: f.LinkKind, RFSystemID: optID(f.RfSystemID),
			InfrastructureID: optID(f.InfrastructureID), CustomerID: optID(f.CustomerID), PtMPSourceID: optID(f.PtmpSourceID), Search: str(f.Search), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func electricalFilter(f *model.ElectricalServiceFilter, o *model.ElectricalServiceOrder) store.ElectricalFilter {
	var out store.ElectricalFilter
	if f != nil {
		out = store.ElectricalFilter{InfrastructureID: optID(f.InfrastructureID), CustomerID: optID(f.CustomerID), ProviderID: optID(f.ProviderID), Search: str(f.Search), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func linkFilter(f *model.SubtendedLinkFilter, o *model.SubtendedLinkOrder) store.LinkFilter {
	var out store.LinkFilter
	if f != nil {
		out = store.LinkFilter{ParentID: optID(f.ParentInfrastructureID), ChildKind: str(f.ChildKind), ChildID: optID(f.ChildID), TransportID: optID(f.TransportID), IDs: ids(f.Ids)}
	}
	if o != nil {
		out.Order = order(o.Field, o.Direction)
	}
	return out
}

func auditFilter(f *model.AuditEntryFilter) store.AuditFilter {
	if f == nil {
		return store.AuditFilter{}
	}
	return store.AuditFilter{EntityType: str(f.EntityType), EntityID: str(f.EntityID), User: str(f.User), Action: str(f.Action), EventType: str(f.EventType)}
}
