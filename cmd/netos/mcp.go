package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/mcpserver"
)

// mcpCmd serves the MCP tools over stdio for desktop agents. The session
// acts as the agent role: it reads everything and writes nothing.
func (m *Main) mcpCmd(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("mcp", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	cfg.bindFlags(fs)
	user := fs.String("user", "mcp-stdio", "the user the agent's reads are audited as")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("usage: netos mcp [--database-url URL] [--user NAME]")
	}
	if err := cfg.loadEnv(); err != nil {
		return err
	}
	a, err := app.Open(ctx, cfg.appConfig())
	if err != nil {
		return err
	}
	defer a.Close()
	server := mcpserver.New(mcpserver.Deps{Network: a.Network, Portfolio: a.Portfolio,
		Principal: auth.Principal{User: *user, Role: auth.Agent}}, version)
	return server.Run(ctx, &mcp.StdioTransport{})
}
