package rest_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/rest"
)

// notInOpenAPI are routes served outside the REST API's document: GraphQL
// has its own schema, and /docs/* and /graphql/assets/* are the static files
// of Swagger UI and GraphiQL.
var notInOpenAPI = map[string]bool{
	"GET /graphql":          true,
	"POST /graphql":         true,
	"GET /docs/*":           true,
	"GET /graphql/assets/*": true,
}

var paramRe = regexp.MustCompile(`\{[^}]*\}`)

// routeKey normalises "METHOD /path/{name}/" for comparison: parameter
// names differ (the document uses the guide's {circuit_id}), and chi
// reports sub-router roots with a trailing slash.
func routeKey(method, path string) string {
	path = paramRe.ReplaceAllString(path, "{}")
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/")
	}
	return method + " " + path
}

func TestOpenAPICoversEveryRoute(t *testing.T) {
	a := apptest.New(t)
	served := map[string]bool{}
	err := chi.Walk(a.Server().Router(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		route = strings.ReplaceAll(route, "/*/", "/")
		key := routeKey(method, route)
		if !notInOpenAPI[key] {
			served[key] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// /metrics is mounted with Handle (every method); the document lists GET.
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE", "QUERY"} {
		delete(served, m+" /metrics")
	}

	documented := map[string]bool{}
	doc := rest.OpenAPI()
	for path, item := range doc["paths"].(map[string]any) {
		for method := range item.(map[string]any) {
			documented[routeKey(strings.ToUpper(method), path)] = true
		}
	}
	var missing, extra []string
	for k := range served {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	for k := range documented {
		if !served[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("routes missing from the OpenAPI document:\n  %s", strings.Join(missing, "\n  "))
	}
	if len(extra) > 0 {
		t.Errorf("OpenAPI operations with no route:\n  %s", strings.Join(extra, "\n  "))
	}
}

func TestOpenAPIAndSwaggerUIAreServedWithoutAuth(t *testing.T) {
	a := apptest.New(t)
	r := xjson(t, a, "", "GET", "/openapi.json", "").is(t, 200)
	var doc map[string]any
	r.json(t, &doc)
	if doc["openapi"] != "3.1.0" {
		t.Fatalf("openapi %v", doc["openapi"])
	}
	schemes := doc["components"].(map[string]any)["securitySchemes"].(map[string]any)["userRole"].(map[string]any)
	if schemes["type"] != "apiKey" || schemes["in"] != "header" || schemes["name"] != "x-user-role" {
		t.Fatalf("security scheme %v", schemes)
	}
	page := xjson(t, a, "", "GET", "/docs", "").is(t, 200)
	if !strings.Contains(string(page.body), "/docs/swagger-ui-bundle.js") || strings.Contains(string(page.body), "//cdn") || strings.Contains(string(page.body), "unpkg") {
		t.Fatalf("docs page %s", page.body)
	}
	for _, asset := range []string{"/docs/swagger-ui-bundle.js", "/docs/swagger-ui-standalone-preset.js", "/docs/swagger-ui.css", "/docs/init.js"} {
		res := xjson(t, a, "", "GET", asset, "").is(t, 200)
		if len(res.body) == 0 {
			t.Fatalf("%s is empty", asset)
		}
	}
	init := xjson(t, a, "", "GET", "/docs/init.js", "").is(t, 200)
	if !strings.Contains(string(init.body), `"/openapi.json"`) {
		t.Fatalf("init.js does not load /openapi.json")
	}
	xjson(t, a, "", "GET", "/docs/nope.js", "").is(t, 404)
}

func TestOpenAPIExamplesAreTheGuides(t *testing.T) {
	raw, _ := json.Marshal(rest.OpenAPI())
	for _, want := range []string{`"xiber_circuit_label":"XIB-LUM-0042"`, `"circuit_ids":["8d8e4333-8182-4443-8e0d-f2307276db52"]`,
		`"infrastructure_ids":["ae30e22f-565d-46f3-be94-9d0e001a59de"]`, `"updated":1`, `"deleted":1`, `"LineString"`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("document lacks the guide's %s", want)
		}
	}
}
