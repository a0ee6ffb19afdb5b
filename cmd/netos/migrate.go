package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/xiber/netos/store"
)

func (m *Main) migrate(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	cfg.bindFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: netos migrate up|down|status")
	}
	db, err := store.Open(cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	var out string
	switch fs.Arg(0) {
	case "up":
		out, err = db.MigrateUp(ctx)
	case "down":
		out, err = db.MigrateDown(ctx)
	case "status":
		out, err = db.MigrationStatus(ctx)
	default:
		return fmt.Errorf("usage: netos migrate up|down|status")
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, out)
	return nil
}
