package resolvers

import (
	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/models"
)

// One connection builder per record type: gqlgen generates a distinct Go
// type per GraphQL connection, so the shared paging logic ends here.

func serviceProviderConnection(p pageOf[models.ServiceProvider]) *model.ServiceProviderConnection {
	return &model.ServiceProviderConnection{
		Edges: edges(p, func(c string, n *models.ServiceProvider) *model.ServiceProviderEdge {
			return &model.ServiceProviderEdge{Cursor: c, Node: n}
		}),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func circuitConnection(p pageOf[models.Circuit]) *model.CircuitConnection {
	return &model.CircuitConnection{
		Edges:    edges(p, func(c string, n *models.Circuit) *model.CircuitEdge { return &model.CircuitEdge{Cursor: c, Node: n} }),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func circuitEventConnection(p pageOf[models.CircuitEvent]) *model.CircuitEventConnection {
	return &model.CircuitEventConnection{
		Edges: edges(p, func(c string, n *models.CircuitEvent) *model.CircuitEventEdge {
			return &model.CircuitEventEdge{Cursor: c, Node: n}
		}),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func infrastructureAssetConnection(p pageOf[models.InfrastructureAsset]) *model.InfrastructureAssetConnection {
	return &model.InfrastructureAssetConnection{
		Edges: edges(p, func(c string, n *models.InfrastructureAsset) *model.InfrastructureAssetEdge {
			return &model.InfrastructureAssetEdge{Cursor: c, Node: n}
		}),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func customerConnection(p pageOf[models.Customer]) *model.CustomerConnection {
	return &model.CustomerConnection{
		Edges:    edges(p, func(c string, n *models.Customer) *model.CustomerEdge { return &model.CustomerEdge{Cursor: c, Node: n} }),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func rFSystemConnection(p pageOf[models.RFSystem]) *model.RFSystemConnection {
	return &model.RFSystemConnection{
		Edges:    edges(p, func(c string, n *models.RFSystem) *model.RFSystemEdge { return &model.RFSystemEdge{Cursor: c, Node: n} }),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func rFLinkConnection(p pageOf[models.RFLink]) *model.RFLinkConnection {
	return &model.RFLinkConnection{
		Edges:    edges(p, func(c string, n *models.RFLink) *model.RFLinkEdge { return &model.RFLinkEdge{Cursor: c, Node: n} }),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func electricalServiceConnection(p pageOf[models.ElectricalService]) *model.ElectricalServiceConnection {
	return &model.ElectricalServiceConnection{
		Edges: edges(p, func(c string, n *models.ElectricalService) *model.ElectricalServiceEdge {
			return &model.ElectricalServiceEdge{Cursor: c, Node: n}
		}),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func subtendedLinkConnection(p pageOf[models.SubtendedLink]) *model.SubtendedLinkConnection {
	return &model.SubtendedLinkConnection{
		Edges: edges(p, func(c string, n *models.SubtendedLink) *model.SubtendedLinkEdge {
			return &model.SubtendedLinkEdge{Cursor: c, Node: n}
		}),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}

func auditEntryConnection(p pageOf[models.AuditEntry]) *model.AuditEntryConnection {
	return &model.AuditEntryConnection{
		Edges: edges(p, func(c string, n *models.AuditEntry) *model.AuditEntryEdge {
			return &model.AuditEntryEdge{Cursor: c, Node: n}
		}),
		PageInfo: p.info(), TotalCount: int64(p.total),
	}
}
