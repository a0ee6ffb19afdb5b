package resolvers

import (
	"github.com/xiber/netos/graph"
	"github.com/xiber/netos/graph/model"
)

// MaxComplexity bounds an operation's estimated cost: each field costs 1,
// and a connection multiplies what it selects by the page it may answer.
const MaxComplexity = 5000

type connectionCost = func(child int, first *int64, after *string, last *int64, before *string) int

func perPage(child int, first *int64, _ *string, last *int64, _ *string) int {
	return 1 + child*pageSize(first, last)
}

// complexity sets the cost of every connection field.
func complexity() graph.ComplexityRoot {
	var c graph.ComplexityRoot
	var nested = []*connectionCost{
		&c.Circuit.LifecycleEvents,
		&c.Customer.Circuits, &c.Customer.ElectricalServices, &c.Customer.RfLinks,
		&c.InfrastructureAsset.Circuits, &c.InfrastructureAsset.ElectricalServices,
		&c.InfrastructureAsset.RfLinks, &c.InfrastructureAsset.SubtendedLinks,
		&c.ServiceProvider.Circuits, &c.ServiceProvider.Infrastructure,
	}
	for _, f := range nested {
		*f = perPage
	}
	q := &c.Query
	q.AuditEntries = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.AuditEntryFilter) int {
		return perPage(ch, f, a, l, b)
	}
	q.Circuits = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.CircuitFilter, _ *model.CircuitOrder) int {
		return perPage(ch, f, a, l, b)
	}
	q.Customers = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.CustomerFilter, _ *model.CustomerOrder) int {
		return perPage(ch, f, a, l, b)
	}
	q.ElectricalServices = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.ElectricalServiceFilter, _ *model.ElectricalServiceOrder) int {
		return perPage(ch, f, a, l, b)
	}
	q.Infrastructure = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.InfrastructureFilter, _ *model.InfrastructureOrder) int {
		return perPage(ch, f, a, l, b)
	}
	q.RfLinks = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.RFLinkFilter, _ *model.RFLinkOrder) int {
		return perPage(ch, f, a, l, b)
	}
	q.RfSystems = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.RFSystemFilter, _ *model.RFSystemOrder) int {
		return perPage(ch, f, a, l, b)
	}
	q.ServiceProviders = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.ServiceProviderFilter, _ *model.ServiceProviderOrder) int {
		return perPage(ch, f, a, l, b)
	}
	q.SubtendedLinks = func(ch int, f *int64, a *string, l *int64, b *string, _ *model.SubtendedLinkFilter, _ *model.SubtendedLinkOrder) int {
		return perPage(ch, f, a, l, b)
	}
	return c
}
