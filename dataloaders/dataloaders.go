// Package dataloaders batches the GraphQL layer's reads: one set of loaders
// per request (so no cache outlives a request or crosses users), made by
// Middleware and read with For(ctx). Every batch function answers in its
// keys' order; a missing record is a nil value, not an error.
package dataloaders

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// Loaders are one request's loaders: by ID for each record type, and by
// parent ID for each has-many relation.
type Loaders struct {
	Provider       *dataloadgen.Loader[string, *models.ServiceProvider]
	Circuit        *dataloadgen.Loader[string, *models.Circuit]
	Infrastructure *dataloadgen.Loader[string, *models.InfrastructureAsset]
	Customer       *dataloadgen.Loader[string, *models.Customer]
	RFSystem       *dataloadgen.Loader[string, *models.RFSystem]
	RFLink         *dataloadgen.Loader[string, *models.RFLink]
	Electrical     *dataloadgen.Loader[string, *models.ElectricalService]
	Link           *dataloadgen.Loader[string, *models.SubtendedLink]

	CircuitsByCarrier          *dataloadgen.Loader[string, []*models.Circuit]
	CircuitsByInfrastructure   *dataloadgen.Loader[string, []*models.Circuit]
	CircuitsByCustomer         *dataloadgen.Loader[string, []*models.Circuit]
	InfrastructureByProvider   *dataloadgen.Loader[string, []*models.InfrastructureAsset]
	ElectricalByInfrastructure *dataloadgen.Loader[string, []*models.ElectricalService]
	ElectricalByCustomer       *dataloadgen.Loader[string, []*models.ElectricalService]
	RFLinksByInfrastructure    *dataloadgen.Loader[string, []*models.RFLink]
	RFLinksByCustomer          *dataloadgen.Loader[string, []*models.RFLink]
	LinksByParent              *dataloadgen.Loader[string, []*models.SubtendedLink]
	EventsByCircuit            *dataloadgen.Loader[string, []*models.CircuitEvent]

	report reportOnce
}

// wait is how long a loader gathers keys before it fetches; resolvers of
// one list level run concurrently; 10 ms catches them all even on a busy
// two-core machine, so a page costs one batch per relation.
const wait = 10 * time.Millisecond

// New builds a request's loaders over the network service.
func New(svc *network.Service) *Loaders {
	return &Loaders{
		report:         reportOnce{svc: svc},
		Provider:       byID(svc.ProvidersByID),
		Circuit:        byID(svc.CircuitsByID),
		Infrastructure: byID(svc.InfrastructureByID),
		Customer:       byID(svc.CustomersByID),
		RFSystem:       byID(svc.RFSystemsByID),
		RFLink:         byID(svc.RFLinksByID),
		Electrical:     byID(svc.ElectricalByID),
		Link:           byID(svc.LinksByID),

		CircuitsByCarrier:          byParent(svc.CircuitsByCarrier),
		CircuitsByInfrastructure:   byParent(svc.CircuitsByInfrastructure),
		CircuitsByCustomer:         byParent(svc.CircuitsByCustomer),
		InfrastructureByProvider:   byParent(svc.InfrastructureByProvider),
		ElectricalByInfrastructure: byParent(svc.ElectricalByInfrastructure),
		ElectricalByCustomer:       byParent(svc.ElectricalByCustomer),
		RFLinksByInfrastructure:    byParent(svc.RFLinksByInfrastructure),
		RFLinksByCustomer:          byParent(svc.RFLinksByCustomer),
		LinksByParent:              byParent(svc.LinksByParent),
		EventsByCircuit: byParent(func(ctx context.Context, ids []string) (map[string][]*models.CircuitEvent, error) {
			evs, err := svc.CircuitEvents(ctx, ids)
			if err != nil {
				return nil, err
			}
			out := make(map[string][]*models.CircuitEvent, len(evs))
			for id, list := range evs {
				for i := range list {
					out[id] = append(out[id], &list[i])
				}
			}
			return out, nil
		}),
	}
}

// byID makes a loader from a batch read keyed by ID; it re-keys the map
// into the keys' order, nil for a missing or deleted record.
func byID[V any](fetch func(context.Context, []string) (map[string]*V, error)) *dataloadgen.Loader[string, *V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([]*V, []error) {
		return inKeyOrder(ctx, keys, fetch)
	}, dataloadgen.WithWait(wait))
}

// byParent makes a has-many loader; a parent with no children gets nil.
func byParent[V any](fetch func(context.Context, []string) (map[string][]*V, error)) *dataloadgen.Loader[string, []*V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([][]*V, []error) {
		return inKeyOrder(ctx, keys, fetch)
	}, dataloadgen.WithWait(wait))
}

func inKeyOrder[V any](ctx context.Context, keys []string, fetch func(context.Context, []string) (map[string]V, error)) ([]V, []error) {
	m, err := fetch(ctx, keys)
	out := make([]V, len(keys))
	if err != nil {
		errs := make([]error, len(keys))
		for i := range errs {
			errs[i] = err
		}
		return out, errs
	}
	for i, k := range keys {
		out[i] = m[k]
	}
	return out, nil
}

type ctxKey struct{}

// Middleware gives every request its own loaders. The loaders fetch with
// the request's context, so the caller's principal is checked on each
// batch like on any other read.
func Middleware(svc *network.Service, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), ctxKey{}, New(svc))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// For returns the request's loaders. Outside a request (a test, a script)
// it returns nil; resolvers only run behind Middleware.
func For(ctx context.Context) *Loaders {
	l, _ := ctx.Value(ctxKey{}).(*Loaders)
	return l
}
