package app_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/store"
)

func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestOperationalRoutes(t *testing.T) {
	a := apptest.New(t)
	cases := []struct {
		name, path string
		status     int
		contains   string
	}{
		{"healthz needs no role", "/healthz", 200, `{"status":"ok"}`},
		{"readyz reports the database", "/readyz", 200, `"ready"`},
		{"an unknown route is a JSON 404", "/nope", 404, `"detail"`},
		{"GraphiQL loads its scripts from NetOS itself", "/graphql", 200, `src="/graphql/assets/graphiql.min.js"`},
		{"GraphiQL's script is embedded", "/graphql/assets/react.production.min.js", 200, "React"},
		{"Swagger UI is embedded", "/docs/", 200, "swagger-ui"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := a.Do(t, "", "GET", tc.path, "")
			if got := body(t, resp); resp.StatusCode != tc.status || !strings.Contains(got, tc.contains) {
				t.Fatalf("%s: %d %s", tc.path, resp.StatusCode, got)
			}
		})
	}
	t.Run("metrics count requests by route and database queries", func(t *testing.T) {
		a.Do(t, "exec", "GET", "/api/v1/circuits", "")
		got := body(t, a.Do(t, "", "GET", "/metrics", ""))
		for _, want := range []string{
			`netos_http_requests_total{method="GET",route="/api/v1/circuits",status="200"}`,
			`netos_http_request_duration_seconds_bucket{method="GET",route="/api/v1/circuits"`,
			"netos_db_queries_total",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}

func TestRequestIDsAndAuditEntries(t *testing.T) {
	a := apptest.New(t)
	req, _ := http.NewRequest("GET", a.URL+"/api/v1/customers", nil)
	req.Header.Set("x-user-role", "sales")
	req.Header.Set("x-user-email", "sam@xiber.net")
	req.Header.Set("X-Request-ID", "req-42")
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Request-ID") != "req-42" {
		t.Fatalf("request ID not echoed: %q", resp.Header.Get("X-Request-ID"))
	}
	bad := a.Do(t, "sales", "GET", "/api/v1/customers", "")
	if id := bad.Header.Get("X-Request-ID"); len(id) != 36 {
		t.Fatalf("no request ID made: %q", id)
	}
	entries, _, err := store.ListAudit(context.Background(), a.DB, store.AuditFilter{EventType: "request", User: "sam@xiber.net", Limit: 10})
	if err != nil || len(entries) != 1 {
		t.Fatalf("request entries = %+v, %v", entries, err)
	}
	e := entries[0]
	if e.RequestID != "req-42" || e.Role != "sales" || e.Status != 200 || e.IP != "127.0.0.1" {
		t.Fatalf("entry = %+v; an untrusted peer's X-Forwarded-For must not be believed", e)
	}
}

func TestTrustedProxyForwardsTheClientIP(t *testing.T) {
	a, err := app.Open(context.Background(), app.Config{DatabaseURL: dbtest.DatabaseURL(t), Auth: "dev", DataDir: t.TempDir(),
		RenewalWindowDays: 180, TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	req, _ := http.NewRequest("GET", "/api/v1/customers", nil)
	req.RemoteAddr = "127.0.0.1:5555"
	req.Header.Set("x-user-role", "exec")
	req.Header.Set("X-Forwarded-For", "198.51.100.7, 127.0.0.2")
	rec := httptest.NewRecorder()
	a.Handler().ServeHTTP(rec, req)
	entries, _, err := store.ListAudit(context.Background(), a.DB, store.AuditFilter{EventType: "request", Limit: 1})
	if err != nil || len(entries) != 1 || entries[0].IP != "198.51.100.7" {
		t.Fatalf("entries = %+v, %v; want the first untrusted hop", entries, err)
	}
}
