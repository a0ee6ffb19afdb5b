package app

import (
	"path/filepath"
	"time"

	"github.com/xiber/netos/documents"
	"github.com/xiber/netos/imports"
)

// buildImports builds the circuit import service; uploads are kept under
// DataDir/imports.
func (a *App) buildImports(cfg Config, now func() time.Time) error {
	dir := cfg.DataDir
	if dir == "" {
		dir = "data"
	}
	blobs, err := documents.NewBlobs(filepath.Join(dir, "imports"))
	if err != nil {
		return err
	}
	a.Imports, err = imports.NewService(imports.Config{DB: a.DB, Network: a.Network, Blobs: blobs, Now: now})
	return err
}

// PurgeInterval is how often expired import jobs and their files are
// deleted, after the purge at start.
const PurgeInterval = time.Hour
