package resolvers

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"

	"github.com/xiber/netos/dataloaders"
	"github.com/xiber/netos/graph"
	"github.com/xiber/netos/imports"
)

// Request limits of the GraphQL endpoint.
const (
	// MaxBodyBytes caps a JSON request body.
	MaxBodyBytes = 1 << 20
	// MaxMultipartBytes caps a multipart request: an import upload (the
	// import service enforces its own 20 MB) plus the form's overhead.
	MaxMultipartBytes = imports.DefaultMaxUploadBytes + 1<<20
	// MaxTokens caps the tokens the parser reads from one document.
	MaxTokens = 15_000
)

// Handler serves POST /graphql: JSON and multipart bodies, with the
// request, complexity, depth and alias limits, the error presenter and
// fresh dataloaders for every request. The router authenticates first.
func Handler(deps Deps) http.Handler {
	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: New(deps), Complexity: complexity()}))
	srv.AddTransport(transport.POST{})
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: MaxMultipartBytes, MaxMemory: MaxBodyBytes})
	srv.SetErrorPresenter(PresentError)
	srv.SetRecoverFunc(Recover)
	srv.SetParserTokenLimit(MaxTokens)
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.Use(shapeLimit{})
	loaded := dataloaders.Middleware(deps.Network, srv)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := int64(MaxBodyBytes)
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
			limit = MaxMultipartBytes
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		loaded.ServeHTTP(w, r)
	})
}

// graphiqlAssets are GraphiQL's scripts and styles, embedded so the
// explorer works offline (see graphiql/README.md).
//
//go:embed graphiql/*.js graphiql/*.css
var graphiqlAssets embed.FS

// GraphiQLAssetsPath is where the embedded GraphiQL files are served.
const GraphiQLAssetsPath = "/graphql/assets/"

// GraphiQL serves the GraphiQL explorer for GET /graphql and its embedded
// files under GraphiQLAssetsPath (dev mode only). It sends the dev role
// header so queries work at once.
func GraphiQL() http.Handler {
	sub, _ := fs.Sub(graphiqlAssets, "graphiql")
	assets := http.StripPrefix(GraphiQLAssetsPath, http.FileServerFS(sub))
	page := playground.Handler("NetOS GraphQL", "/graphql",
		playground.WithGraphiqlFetcherHeaders(map[string]string{"x-user-role": "exec"}),
		playground.WithGraphiqlVersion(GraphiQLAssetsPath+"graphiql.min.js", GraphiQLAssetsPath+"graphiql.min.css", "", ""),
		playground.WithGraphiqlReactVersion(GraphiQLAssetsPath+"react.production.min.js", GraphiQLAssetsPath+"react-dom.production.min.js", "", ""))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, GraphiQLAssetsPath) {
			assets.ServeHTTP(w, r)
			return
		}
		page.ServeHTTP(w, r)
	})
}
