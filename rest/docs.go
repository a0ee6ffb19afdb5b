package rest

import (
	"embed"
	"net/http"
	"strings"
	"sync"
)

//go:embed swaggerui/*.html swaggerui/*.js swaggerui/*.css swaggerui/*.png
var swaggerUI embed.FS

// DocsHandler serves the OpenAPI document at /openapi.json and the embedded
// Swagger UI at /docs (works offline: no CDN).
func DocsHandler() http.Handler {
	var once sync.Once
	var doc []byte
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/openapi.json":
			once.Do(func() { doc = OpenAPIJSON() })
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(doc)
		case r.URL.Path == "/docs" || r.URL.Path == "/docs/" || r.URL.Path == "/docs/index.html":
			page, _ := swaggerUI.ReadFile("swaggerui/index.html")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			_, _ = w.Write(page)
		case strings.HasPrefix(r.URL.Path, "/docs/"):
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Cache-Control", "public, max-age=86400")
			http.ServeFileFS(w, r, swaggerUI, "swaggerui/"+strings.TrimPrefix(r.URL.Path, "/docs/"))
		default:
			http.NotFound(w, r)
		}
	})
}
