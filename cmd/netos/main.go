// Command netos is the NetOS server and its operator commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/xiber/netos/rest"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "netos:", err)
		os.Exit(1)
	}
}

// Main is the program, with its outputs injectable for tests.
type Main struct {
	Stdout, Stderr io.Writer
}

const usage = `usage: netos <command> [flags]

commands:
  serve [--demo]              migrate the database up, then serve HTTP
  migrate up|down|status      schema migrations
  import circuits FILE        preview (and --commit) a CSV/XLSX circuit import
  openapi                     print the OpenAPI 3.1 document (JSON)
  mcp                         the MCP server over stdio (read tools, agent role)
  version                     version and build info`

// Run dispatches a command line.
func (m *Main) Run(ctx context.Context, args []string) error {
	slog.SetDefault(slog.New(slog.NewJSONHandler(m.Stderr, nil)))
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "serve":
		return m.serve(ctx, args[1:])
	case "migrate":
		return m.migrate(ctx, args[1:])
	case "import":
		return m.importCmd(ctx, args[1:])
	case "mcp":
		return m.mcpCmd(ctx, args[1:])
	case "openapi":
		_, err := m.Stdout.Write(rest.OpenAPIJSON())
		return err
	case "version":
		fmt.Fprintln(m.Stdout, "netos", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprintln(m.Stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", args[0], usage)
}
