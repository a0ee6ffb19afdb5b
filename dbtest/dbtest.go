// Package dbtest gives tests a real, migrated database: a fresh SQLite file
// per test, or a fresh PostgreSQL schema per test when NETOS_TEST_ENGINE=postgres
// and NETOS_TEST_DATABASE_URL are set (make test runs the suite once per engine).
package dbtest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/xiber/netos/store"
)

// Engine is the engine this test run uses: "sqlite" or "postgres".
func Engine() string {
	if os.Getenv("NETOS_TEST_ENGINE") == "postgres" {
		return "postgres"
	}
	return "sqlite"
}

// DatabaseURL makes a fresh, empty database for t and returns its URL.
func DatabaseURL(t testing.TB) string {
	t.Helper()
	if Engine() == "sqlite" {
		return "sqlite://" + filepath.Join(t.TempDir(), "netos.db")
	}
	base := os.Getenv("NETOS_TEST_DATABASE_URL")
	if base == "" {
		t.Fatal("NETOS_TEST_ENGINE=postgres needs NETOS_TEST_DATABASE_URL")
	}
	schema := "t_" + strings.ReplaceAll(uuid.NewString(), "-", "")[:20]
	admin, err := store.Open(base)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// DB opens a fresh, migrated database.
func DB(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(DatabaseURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.MigrateUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

// Clock is a settable clock for tests.
type Clock struct{ T time.Time }

// Now returns the clock's time.
func (c *Clock) Now() time.Time { return c.T }
