// Package resolvers is the GraphQL transport: it parses GraphQL input, calls
// the network domain service (the same one REST, MCP and the CLI call) and
// maps the results. Relations resolve through per-request dataloaders.
package resolvers

import (
	"github.com/xiber/netos/imports"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/portfolio"
)

// Deps are the services the resolvers call.
type Deps struct {
	Network   *network.Service
	Portfolio *portfolio.Service
	Imports   *imports.Service
}

// Resolver is the root resolver.
type Resolver struct {
	network   *network.Service
	portfolio *portfolio.Service
	imports   *imports.Service
}

// New builds the root resolver.
func New(deps Deps) *Resolver {
	return &Resolver{network: deps.Network, portfolio: deps.Portfolio, imports: deps.Imports}
}
