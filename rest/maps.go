package rest

import (
	"encoding/json"
	"net/http"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// The map (GET /circuits/map) and its GeoJSON twin (GET /map.geojson).
//
// Where the guide is silent:
//   - circuits: every live circuit matching carrier, service_type, status
//     and state, unpaged. geometry is a LineString from A to Z, or null when
//     either end lacks coordinates (so single-site DIA/broadband circuits,
//     whose Z is cleared, have none).
//   - endpoints: Points for live customer sites with coordinates (type
//     "customer") and for circuit endpoint snapshots tied to no
//     infrastructure asset or customer (type "circuit_endpoint"; id is the
//     circuit's, with end "a" or "z"). Endpoints on an asset are drawn by
//     the asset, on a customer by the customer.
//   - infrastructure: Points for live assets with coordinates; type is the
//     site_type.
//   - the state filter narrows customers and assets too (by their state);
//     carrier, service_type and status narrow circuits (and so snapshots).
//   - filters: distinct values over all live circuits, sorted, regardless
//     of the filters applied, so a picker can always widen again.

// geometry is a GeoJSON geometry; coordinates are [lng, lat].
type geometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

func point(lat, lng *float64) *geometry {
	if lat == nil || lng == nil {
		return nil
	}
	return &geometry{"Point", [2]float64{*lng, *lat}}
}

// mapEnd is a circuit end on the map.
type mapEnd struct {
	Name string   `json:"name"`
	Lat  *float64 `json:"lat"`
	Lng  *float64 `json:"lng"`
}

type mapCircuit struct {
	ID            string    `json:"id"`
	Label         string    `json:"label"`
	Carrier       string    `json:"carrier"`
	ServiceType   string    `json:"service_type"`
	BandwidthMbps *int64    `json:"bandwidth_mbps"`
	Status        string    `json:"status"`
	A             mapEnd    `json:"a_endpoint"`
	Z             mapEnd    `json:"z_endpoint"`
	Geometry      *geometry `json:"geometry"`
}

// mapSite is a Point on the map: an endpoint or an asset.
type mapSite struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Type      string    `json:"type"`
	Status    string    `json:"status,omitempty"`
	CircuitID string    `json:"circuit_id,omitempty"`
	End       string    `json:"end,omitempty"`
	Geometry  *geometry `json:"geometry"`
}

type mapFilters struct {
	Carriers     []string `json:"carriers"`
	ServiceTypes []string `json:"service_types"`
	Statuses     []string `json:"statuses"`
	States       []string `json:"states"`
}

type mapData struct {
	Circuits       []mapCircuit `json:"circuits"`
	Endpoints      []mapSite    `json:"endpoints"`
	Infrastructure []mapSite    `json:"infrastructure"`
	Filters        mapFilters   `json:"filters"`
}

func mapFilter(q *params) store.CircuitFilter {
	return store.CircuitFilter{
		Carrier:     q.str("carrier"),
		ServiceType: q.enums("service_type", models.ServiceTypes),
		Status:      q.enums("status", models.CircuitStatuses),
		State:       q.str("state"),
	}
}

// loadMap gathers the map's data for the request's filters.
func (a *API) loadMap(r *http.Request) (*mapData, error) {
	q := newParams(r)
	f := mapFilter(q)
	if err := q.err(); err != nil {
		return nil, err
	}
	ctx, net := r.Context(), a.deps.Network
	circuits, _, err := net.Circuits(ctx, f)
	if err != nil {
		return nil, err
	}
	views, err := a.circuitViews(r, circuits)
	if err != nil {
		return nil, err
	}
	sites := store.SiteFilter{State: f.State}
	customers, _, err := net.Customers(ctx, sites)
	if err != nil {
		return nil, err
	}
	assets, _, err := net.Infrastructure(ctx, sites)
	if err != nil {
		return nil, err
	}
	facets, err := net.CircuitFacets(ctx)
	if err != nil {
		return nil, err
	}
	m := &mapData{
		Circuits: []mapCircuit{}, Endpoints: []mapSite{}, Infrastructure: []mapSite{},
		Filters: mapFilters{facets.Carriers, facets.ServiceTypes, facets.Statuses, facets.States},
	}
	for i, c := range circuits {
		mc := mapCircuit{
			ID: c.ID, Label: c.Label, Carrier: views[i].CarrierName, ServiceType: c.ServiceType,
			BandwidthMbps: c.BandwidthMbps, Status: c.Status,
			A: mapEnd{c.AName, c.ALat, c.ALng}, Z: mapEnd{c.ZName, c.ZLat, c.ZLng},
		}
		if a, z := point(c.ALat, c.ALng), point(c.ZLat, c.ZLng); a != nil && z != nil {
			mc.Geometry = &geometry{"LineString", [][2]float64{a.Coordinates.([2]float64), z.Coordinates.([2]float64)}}
		}
		m.Circuits = append(m.Circuits, mc)
		for _, end := range []struct {
			name string
			e    models.Endpoint
		}{{"a", c.A()}, {"z", c.Z()}} {
			g := point(end.e.Lat, end.e.Lng)
			if g == nil || end.e.InfrastructureID != nil || end.e.CustomerID != nil {
				continue
			}
			m.Endpoints = append(m.Endpoints, mapSite{ID: c.ID, Name: end.e.Name, Type: "circuit_endpoint", CircuitID: c.ID, End: end.name, Geometry: g})
		}
	}
	for _, c := range customers {
		if g := point(c.Lat, c.Lng); g != nil {
			m.Endpoints = append(m.Endpoints, mapSite{ID: c.ID, Name: c.Name, Type: "customer", Status: c.Status, Geometry: g})
		}
	}
	for _, s := range assets {
		if g := point(s.Lat, s.Lng); g != nil {
			m.Infrastructure = append(m.Infrastructure, mapSite{ID: s.ID, Name: s.Name, Type: s.SiteType, Status: s.Status, Geometry: g})
		}
	}
	return m, nil
}

func (a *API) circuitMap(w http.ResponseWriter, r *http.Request) {
	m, err := a.loadMap(r)
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	writeJSON(w, http.StatusOK, m)
}

// feature is a GeoJSON Feature; properties carry every other field of the
// map item plus "kind" (circuit, endpoint, infrastructure).
type feature struct {
	Type       string                     `json:"type"`
	ID         string                     `json:"id"`
	Geometry   json.RawMessage            `json:"geometry"`
	Properties map[string]json.RawMessage `json:"properties"`
}

func toFeature(kind string, item any) (feature, error) {
	b, err := json.Marshal(item)
	if err != nil {
		return feature{}, err
	}
	var props map[string]json.RawMessage
	if err := json.Unmarshal(b, &props); err != nil {
		return feature{}, err
	}
	f := feature{Type: "Feature", Geometry: props["geometry"], Properties: props}
	_ = json.Unmarshal(props["id"], &f.ID)
	delete(props, "geometry")
	delete(props, "id")
	props["kind"], _ = json.Marshal(kind)
	return f, nil
}

// mapGeoJSON answers the map as one FeatureCollection: circuits (null
// geometry when unplaceable, as RFC 7946 allows), endpoints, then assets.
func (a *API) mapGeoJSON(w http.ResponseWriter, r *http.Request) {
	m, err := a.loadMap(r)
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	features := []feature{}
	add := func(kind string, item any) error {
		f, err := toFeature(kind, item)
		features = append(features, f)
		return err
	}
	for _, c := range m.Circuits {
		if err == nil {
			err = add("circuit", c)
		}
	}
	for _, e := range m.Endpoints {
		if err == nil {
			err = add("endpoint", e)
		}
	}
	for _, s := range m.Infrastructure {
		if err == nil {
			err = add("infrastructure", s)
		}
	}
	if err != nil {
		WriteError(w, r, err, "query")
		return
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(map[string]any{"type": "FeatureCollection", "features": features})
}
