package rest_test

import (
	"net/http"
	"testing"
)

func TestMapData(t *testing.T) {
	a := newApp(t)
	n := seed(t, a)
	// A circuit whose ends are bare snapshots: both show as endpoints.
	send(t, a, "exec", "POST", "/api/v1/circuits", `{"xiber_circuit_label":"XIB-ZAY-0100","carrier_name":"Zayo","service_type":"dark_fiber","status":"installing","a_endpoint_name":"Hut A","a_endpoint_state":"GA","a_endpoint_lat":33.75,"a_endpoint_lng":-84.39,"z_endpoint_name":"Hut B","z_endpoint_lat":33.8,"z_endpoint_lng":-84.4}`).want(t, http.StatusCreated)

	t.Run("the map has the guide's shape", func(t *testing.T) {
		r := send(t, a, "agent", "GET", "/api/v1/circuits/map", "").want(t, http.StatusOK)
		golden(t, "map", r.body)
		m := r.obj(t)
		circuits := m["circuits"].([]any)
		if len(circuits) != 3 {
			t.Fatalf("%d circuits", len(circuits))
		}
		for _, c := range circuits {
			c := c.(map[string]any)
			switch c["id"] {
			case n.wave:
				g := c["geometry"].(map[string]any)
				coords := g["coordinates"].([]any)
				if g["type"] != "LineString" || coords[0].([]any)[0] != -83.0 || coords[1].([]any)[1] != 39.96 {
					t.Fatalf("wave geometry %v", g)
				}
			case n.dia:
				if c["geometry"] != nil {
					t.Fatalf("a single-site circuit has a line: %v", c["geometry"])
				}
			}
		}
		f := m["filters"].(map[string]any)
		if len(f["carriers"].([]any)) != 3 || f["states"].([]any)[0] != "GA" {
			t.Fatalf("filters %v", f)
		}
	})
	t.Run("filters narrow the circuits but not the facets", func(t *testing.T) {
		m := send(t, a, "exec", "GET", "/api/v1/circuits/map?carrier=zayo&service_type=dark_fiber&status=installing&state=GA", "").want(t, http.StatusOK).obj(t)
		if len(m["circuits"].([]any)) != 1 || len(m["filters"].(map[string]any)["carriers"].([]any)) != 3 {
			t.Fatalf("map %v", m)
		}
		if len(m["infrastructure"].([]any)) != 0 {
			t.Fatalf("state GA kept Ohio assets: %v", m["infrastructure"])
		}
	})
	t.Run("the GeoJSON twin is one FeatureCollection", func(t *testing.T) {
		r := send(t, a, "read_only", "GET", "/api/v1/map.geojson", "").want(t, http.StatusOK)
		if ct := r.header.Get("Content-Type"); ct != "application/geo+json" {
			t.Fatalf("Content-Type %q", ct)
		}
		golden(t, "map_geojson", r.body)
		fc := r.obj(t)
		if fc["type"] != "FeatureCollection" || len(fc["features"].([]any)) != 3+3+2 {
			t.Fatalf("features: %d", len(fc["features"].([]any)))
		}
	})
}
