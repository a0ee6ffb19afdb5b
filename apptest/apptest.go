// Package apptest gives tests a real, migrated database and a running NetOS
// on it: a fresh SQLite file per test, or a fresh PostgreSQL schema per test
// when NETOS_TEST_ENGINE=postgres and NETOS_TEST_DATABASE_URL are set (make
// test runs the suite once per engine).
package apptest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/xiber/netos/app"
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

// Options adjust the app a test runs.
type Options struct {
	Now                 func() time.Time
	MonitoringSearchURL string
}

// App is a NetOS on a fresh database behind a real HTTP server.
type App struct {
	*app.App
	URL string
}

// New starts NetOS for t.
func New(t testing.TB, opts ...Options) *App {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	a, err := app.Open(context.Background(), app.Config{
		DatabaseURL: DatabaseURL(t), Auth: "dev", MonitoringSearchURL: o.MonitoringSearchURL,
		RenewalWindowDays: 180, DataDir: t.TempDir(), Now: o.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(func() {
		srv.Close()
		a.Close()
	})
	return &App{App: a, URL: srv.URL}
}

// Do sends a request as role ("" sends no role) with an optional JSON body.
func (a *App) Do(t testing.TB, role, method, path, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, a.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if role != "" {
		req.Header.Set("x-user-role", role)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// Describe labels a failure with the engine, so a failure on one engine
// reads as such.
func Describe(format string, args ...any) string {
	return fmt.Sprintf("[%s] ", Engine()) + fmt.Sprintf(format, args...)
}
