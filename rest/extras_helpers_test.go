package rest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/auth"
)

// newExtrasApp starts NetOS like apptest.New, with cfg adjusted by mod
// (upload limit, SMTP); dataDir receives the blob store.
func newExtrasApp(t *testing.T, dataDir string, mod func(*app.Config)) *apptest.App {
	t.Helper()
	cfg := app.Config{DatabaseURL: apptest.DatabaseURL(t), Auth: "dev", RenewalWindowDays: 180, DataDir: dataDir}
	if mod != nil {
		mod(&cfg)
	}
	a, err := app.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(func() {
		srv.Close()
		a.Close()
	})
	return &apptest.App{App: a, URL: srv.URL}
}

// xres is a finished request of the extras tests.
type xres struct {
	status int
	header http.Header
	body   []byte
}

func (r xres) is(t *testing.T, code int) xres {
	t.Helper()
	if r.status != code {
		t.Fatalf("%s", apptest.Describe("status %d, want %d: %s", r.status, code, r.body))
	}
	return r
}

func (r xres) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// xdo sends body with contentType as role; headers are "Name: value".
func xdo(t *testing.T, a *apptest.App, role, method, path, contentType string, body io.Reader, headers ...string) xres {
	t.Helper()
	req, err := http.NewRequest(method, a.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if role != "" {
		req.Header.Set("x-user-role", role)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return xres{resp.StatusCode, resp.Header, b}
}

func xjson(t *testing.T, a *apptest.App, role, method, path, body string, headers ...string) xres {
	t.Helper()
	ct := ""
	if body != "" {
		ct = "application/json"
	}
	return xdo(t, a, role, method, path, ct, strings.NewReader(body), headers...)
}

// createdID posts body and returns the new record's id.
func createdID(t *testing.T, a *apptest.App, path, body string) string {
	t.Helper()
	var v struct {
		ID string `json:"id"`
	}
	xjson(t, a, "exec", "POST", path, body).is(t, http.StatusCreated).json(t, &v)
	return v.ID
}

// multipartFile builds a body with content in field (filename given).
func multipartFile(t *testing.T, field, filename string, content []byte) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if err := mw.WriteField("note", "uploaded by a test"); err != nil {
		t.Fatal(err)
	}
	fw, err := mw.CreateFormFile(field, filename)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(content); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), &buf
}

// apptestCtx is a context with a reading principal, for calling services
// directly.
func apptestCtx() context.Context {
	return auth.WithPrincipal(context.Background(), auth.Principal{User: "test", Role: auth.ReadOnly})
}
