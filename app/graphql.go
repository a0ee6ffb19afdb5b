package app

import (
	"net/http"

	"github.com/xiber/netos/imports"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/portfolio"
	"github.com/xiber/netos/resolvers"
)

// graphQLHandler builds the POST /graphql handler over the domain services.
func graphQLHandler(svc *network.Service, pf *portfolio.Service, im *imports.Service) http.Handler {
	return resolvers.Handler(resolvers.Deps{Network: svc, Portfolio: pf, Imports: im})
}

// graphiQLHandler serves the GraphiQL explorer (dev auth mode only).
func graphiQLHandler() http.Handler { return resolvers.GraphiQL() }
