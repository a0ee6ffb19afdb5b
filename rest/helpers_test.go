package rest_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/dbtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// fixedNow is the clock of tests that compare golden files.
var fixedNow = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func newApp(t *testing.T) *apptest.App {
	t.Helper()
	return apptest.New(t, apptest.Options{Now: func() time.Time { return fixedNow }, MonitoringSearchURL: "https://librenms.example/search?search={query}"})
}

// response is a finished request: status, headers and the whole body.
type response struct {
	status int
	header http.Header
	body   []byte
}

// send makes a request as role with a body and extra headers ("Name: value").
func send(t *testing.T, a *apptest.App, role, method, path, body string, headers ...string) response {
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
	return response{resp.StatusCode, resp.Header, b}
}

// want fails the test unless the status is code.
func (r response) want(t *testing.T, code int) response {
	t.Helper()
	if r.status != code {
		t.Fatalf("%s", describe("status %d, want %d: %s", r.status, code, r.body))
	}
	return r
}

// json decodes the body into a fresh value of type T.
func decodeAs[T any](t *testing.T, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
	return v
}

// obj is the body as a JSON object.
func (r response) obj(t *testing.T) map[string]any { t.Helper(); return decodeAs[map[string]any](t, r) }

// id is the "id" of a JSON object body.
func (r response) id(t *testing.T) string {
	t.Helper()
	id, _ := r.obj(t)["id"].(string)
	if id == "" {
		t.Fatalf("no id in %s", r.body)
	}
	return id
}

var (
	uuidRe = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	timeRe = regexp.MustCompile(`"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"`)
)

// normalise replaces UUIDs (numbered by first appearance, so references
// between records still show) and timestamps, and indents the JSON.
func normalise(t *testing.T, body []byte) []byte {
	t.Helper()
	seen := map[string]string{}
	out := uuidRe.ReplaceAllFunc(body, func(id []byte) []byte {
		k := string(id)
		if _, ok := seen[k]; !ok {
			seen[k] = fmt.Sprintf("<id-%d>", len(seen)+1)
		}
		return []byte(seen[k])
	})
	out = timeRe.ReplaceAll(out, []byte(`"<timestamp>"`))
	var buf bytes.Buffer
	if err := json.Indent(&buf, out, "", "  "); err != nil {
		t.Fatalf("indent %s: %v", out, err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

// golden compares a response body with testdata/<name>.golden.json; -update
// rewrites the file.
func golden(t *testing.T, name string, body []byte) {
	t.Helper()
	got := normalise(t, body)
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./rest/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s", describe("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want))
	}
}

// errorLocs lists the loc of every entry of a 422 body.
func errorLocs(t *testing.T, r response) []string {
	t.Helper()
	var body struct {
		Detail []struct {
			Loc []string `json:"loc"`
		} `json:"detail"`
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("not a validation body: %s", r.body)
	}
	out := make([]string, len(body.Detail))
	for i, d := range body.Detail {
		out[i] = strings.Join(d.Loc, ".")
	}
	return out
}

// describe labels a failure with the engine.
func describe(format string, args ...any) string {
	return fmt.Sprintf("[%s] ", dbtest.Engine()) + fmt.Sprintf(format, args...)
}
