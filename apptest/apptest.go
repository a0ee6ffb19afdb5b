// Package apptest runs a real NetOS for HTTP-level tests: the composition
// of cmd/netos on a fresh database (see dbtest) behind an httptest server.
package apptest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/dbtest"
)

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
		DatabaseURL: dbtest.DatabaseURL(t), Auth: "dev", MonitoringSearchURL: o.MonitoringSearchURL,
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
