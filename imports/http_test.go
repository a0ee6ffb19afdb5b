package imports_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/dbtest"
	"github.com/xiber/netos/imports"
)

// caller is who sends a request in dev auth: a role ("" for none) and an
// optional user name.
type caller struct{ role, user string }

var exec = caller{role: "exec"}

// upload posts a preview of data as filename with the given form fields.
func upload(t testing.TB, baseURL string, who caller, filename string, data []byte, fields map[string]string) *http.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, baseURL+"/api/v1/imports/circuits/preview", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return send(t, req, who)
}

// commit posts a commit of job id with an optional JSON body.
func commit(t testing.TB, baseURL string, who caller, id, body string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, baseURL+"/api/v1/imports/circuits/"+id+"/commit", strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return send(t, req, who)
}

func send(t testing.TB, req *http.Request, who caller) *http.Response {
	t.Helper()
	if who.role != "" {
		req.Header.Set("x-user-role", who.role)
	}
	if who.user != "" {
		req.Header.Set("x-user-email", who.user)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// decode reads a JSON body after checking the status.
func decode[T any](t testing.TB, resp *http.Response, status int) T {
	t.Helper()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("status %d; want %d: %s", resp.StatusCode, status, raw)
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	return v
}

type job struct {
	ID         string `json:"import_job_id"`
	Validation struct {
		TotalRows   int `json:"total_rows"`
		ValidRows   int `json:"valid_rows"`
		InvalidRows int `json:"invalid_rows"`
	} `json:"validation"`
}

type counts struct {
	Inserted  int `json:"inserted"`
	Updated   int `json:"updated"`
	Invalid   int `json:"invalid"`
	Unchanged int `json:"unchanged"`
}

func sample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../examples/sample_circuits.csv")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func count(t testing.TB, a *app.App, query string) int {
	t.Helper()
	var n int
	if err := a.DB.QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPreviewGoldenThroughREST(t *testing.T) {
	for _, fx := range imports.GoldenFixtures(t) {
		t.Run(fx.Name, func(t *testing.T) {
			a := apptest.New(t)
			fields := map[string]string{}
			if fx.Mapping != nil {
				m, _ := json.Marshal(fx.Mapping)
				fields["column_mapping"] = string(m)
			}
			resp := upload(t, a.URL, exec, fx.Filename, fx.Data, fields)
			got := decode[map[string]any](t, resp, http.StatusCreated)
			id, _ := got["import_job_id"].(string)
			if len(id) != 36 || got["status"] != "previewed" || got["expires_at"] == nil {
				t.Errorf("job fields: id %q, status %v, expires_at %v", id, got["status"], got["expires_at"])
			}
			raw, err := os.ReadFile(filepath.Join("testdata", fx.Name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			var want map[string]any
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"import_job_id", "status", "expires_at"} {
				delete(got, k)
				delete(want, k)
			}
			if !reflect.DeepEqual(got, want) {
				g, _ := json.MarshalIndent(got, "", "  ")
				t.Errorf("preview differs from testdata/%s.golden:\n%s", fx.Name, g)
			}

			// The commit does exactly what the preview said.
			v := want["validation"].(map[string]any)
			c := decode[counts](t, commit(t, a.URL, exec, id, ""), http.StatusOK)
			if c.Inserted != int(v["valid_rows"].(float64)) || c.Invalid != int(v["invalid_rows"].(float64)) || c.Updated != 0 {
				t.Errorf("commit %+v; preview %v", c, v)
			}
			if n := count(t, a.App, "SELECT count(*) FROM circuits"); n != c.Inserted {
				t.Errorf("%d circuits stored; want %d", n, c.Inserted)
			}
		})
	}
}

func TestCommit(t *testing.T) {
	t.Run("a re-import updates, never inserts; unchanged rows count as updated", func(t *testing.T) {
		a := apptest.New(t)
		p := decode[job](t, upload(t, a.URL, exec, "sample_circuits.csv", sample(t), nil), http.StatusCreated)
		c := decode[counts](t, commit(t, a.URL, exec, p.ID, ""), http.StatusOK)
		if c != (counts{Inserted: 12}) || p.Validation.ValidRows != 12 {
			t.Fatalf("first commit %+v (preview %+v)", c, p.Validation)
		}
		if n := count(t, a.App, "SELECT count(*) FROM audit_entries WHERE action = 'import_commit' AND entity_type = 'circuit'"); n != 12 {
			t.Errorf("%d circuit audit entries; want 12", n)
		}
		if n := count(t, a.App, "SELECT count(*) FROM audit_entries WHERE action = 'import_commit' AND entity_type = 'import_job'"); n != 1 {
			t.Errorf("%d job audit entries; want 1", n)
		}
		carriers := count(t, a.App, "SELECT count(*) FROM service_providers")

		// Same file, one row changed.
		data := bytes.Replace(sample(t), []byte(`"$2,500.00"`), []byte(`"$2,600.00"`), 1)
		p = decode[job](t, upload(t, a.URL, exec, "sample_circuits.csv", data, nil), http.StatusCreated)
		c = decode[counts](t, commit(t, a.URL, exec, p.ID, ""), http.StatusOK)
		if c != (counts{Updated: 12, Unchanged: 11}) {
			t.Errorf("re-import %+v; want 12 updated, 11 of them unchanged", c)
		}
		if n := count(t, a.App, "SELECT count(*) FROM circuits"); n != 12 {
			t.Errorf("%d circuits; want 12", n)
		}
		if n := count(t, a.App, "SELECT count(*) FROM audit_entries WHERE action = 'import_commit' AND entity_type = 'circuit'"); n != 13 {
			t.Errorf("%d circuit audit entries; want 13 (12 + the one change)", n)
		}
		if n := count(t, a.App, "SELECT count(*) FROM service_providers"); n != carriers {
			t.Errorf("%d carriers after re-import; want %d", n, carriers)
		}
		if n := count(t, a.App, "SELECT count(*) FROM circuits WHERE xiber_circuit_label = 'XIB-LUM-0042' AND mrc_cents = 260000 AND version = 2"); n != 1 {
			t.Errorf("the changed circuit was not updated")
		}
	})

	t.Run("a second commit is 409", func(t *testing.T) {
		a := apptest.New(t)
		p := decode[job](t, upload(t, a.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
		decode[counts](t, commit(t, a.URL, exec, p.ID, ""), http.StatusOK)
		if resp := commit(t, a.URL, exec, p.ID, ""); resp.StatusCode != http.StatusConflict {
			t.Errorf("second commit: %d", resp.StatusCode)
		}
	})

	t.Run("another user's job is 404", func(t *testing.T) {
		a := apptest.New(t)
		p := decode[job](t, upload(t, a.URL, caller{"finance", "ann@xiber.net"}, "c.csv", sample(t), nil), http.StatusCreated)
		if resp := commit(t, a.URL, caller{"finance", "bob@xiber.net"}, p.ID, ""); resp.StatusCode != http.StatusNotFound {
			t.Errorf("bob's commit of ann's job: %d", resp.StatusCode)
		}
		if resp := commit(t, a.URL, caller{"exec", ""}, p.ID, ""); resp.StatusCode != http.StatusNotFound {
			t.Errorf("exec's commit of ann's job: %d", resp.StatusCode)
		}
		decode[counts](t, commit(t, a.URL, caller{"operations", "ann@xiber.net"}, p.ID, ""), http.StatusOK)
	})

	t.Run("an unknown job is 404", func(t *testing.T) {
		a := apptest.New(t)
		if resp := commit(t, a.URL, exec, "6f1c1c2e-4f7e-4d0e-9d55-000000000000", ""); resp.StatusCode != http.StatusNotFound {
			t.Errorf("status %d", resp.StatusCode)
		}
	})

	t.Run("a job expires after 24 hours", func(t *testing.T) {
		clock := &dbtest.Clock{T: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		a := apptest.New(t, apptest.Options{Now: clock.Now})
		early := decode[job](t, upload(t, a.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
		late := decode[job](t, upload(t, a.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
		clock.T = clock.T.Add(24*time.Hour - time.Second)
		decode[counts](t, commit(t, a.URL, exec, early.ID, ""), http.StatusOK)
		clock.T = clock.T.Add(time.Second)
		if resp := commit(t, a.URL, exec, late.ID, ""); resp.StatusCode != http.StatusNotFound {
			t.Errorf("commit at 24 h: %d", resp.StatusCode)
		}
	})

	t.Run("expired jobs are purged with their files, and files no job names", func(t *testing.T) {
		clock := &dbtest.Clock{T: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
		dir := t.TempDir()
		a, err := app.Open(context.Background(), app.Config{
			DatabaseURL: dbtest.DatabaseURL(t), Auth: "dev", RenewalWindowDays: 180, DataDir: dir, Now: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(a.Handler())
		defer func() { srv.Close(); a.Close() }()
		files := func() int {
			n := 0
			err := filepath.WalkDir(filepath.Join(dir, "imports"), func(path string, d os.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					n++
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}

		decode[job](t, upload(t, srv.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
		done := decode[job](t, upload(t, srv.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
		decode[counts](t, commit(t, srv.URL, exec, done.ID, ""), http.StatusOK)
		clock.T = clock.T.Add(12 * time.Hour)
		recent := decode[job](t, upload(t, srv.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
		if n := files(); n != 6 {
			t.Fatalf("%d files for 3 jobs; want 6 (each upload and its kept rows)", n)
		}

		// The first two expired at 24 h; the grace has not passed yet. Files
		// no job names, as a crash leaves them, go once they are older
		// than any live job's could be; a recent one stays.
		clock.T = clock.T.Add(12*time.Hour + imports.PurgeGrace)
		plant := func(path string, age time.Duration) {
			t.Helper()
			if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte("left behind"), 0o640); err != nil {
				t.Fatal(err)
			}
			at := clock.T.Add(-age)
			if err := os.Chtimes(path, at, at); err != nil {
				t.Fatal(err)
			}
		}
		blob := func(key string) string { return filepath.Join(dir, "imports", key[:2], key) }
		plant(blob("6f1c1c2e-4f7e-4d0e-9d55-0000000000aa"), 48*time.Hour)
		plant(blob("6f1c1c2e-4f7e-4d0e-9d55-0000000000bb"), time.Hour)
		plant(filepath.Join(dir, "imports", "tmp", "upload-123"), 48*time.Hour)
		if res, err := a.Imports.Purge(context.Background()); res != (imports.PurgeResult{Orphans: 2}) || err != nil {
			t.Fatalf("purge within the grace = %+v, %v; want the 2 old orphans only", res, err)
		}
		clock.T = clock.T.Add(time.Second)
		if res, err := a.Imports.Purge(context.Background()); res != (imports.PurgeResult{Jobs: 2}) || err != nil {
			t.Fatalf("purge = %+v, %v; want 2 jobs", res, err)
		}
		if n := files(); n != 3 {
			t.Errorf("%d files left; want the recent job's 2 and the recent orphan", n)
		}
		if n := count(t, a, "SELECT count(*) FROM import_jobs"); n != 1 {
			t.Errorf("%d jobs left; want 1", n)
		}
		if res, err := a.Imports.Purge(context.Background()); res != (imports.PurgeResult{}) || err != nil {
			t.Errorf("second purge = %+v, %v; want nothing", res, err)
		}
		decode[counts](t, commit(t, srv.URL, exec, recent.ID, ""), http.StatusOK)
	})

	t.Run("a job survives a restart", func(t *testing.T) {
		cfg := app.Config{DatabaseURL: dbtest.DatabaseURL(t), Auth: "dev", RenewalWindowDays: 180, DataDir: t.TempDir()}
		serve := func() (*app.App, *httptest.Server) {
			a, err := app.Open(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			return a, httptest.NewServer(a.Handler())
		}
		a1, srv1 := serve()
		p := decode[job](t, upload(t, srv1.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
		srv1.Close()
		a1.Close()
		a2, srv2 := serve()
		defer func() { srv2.Close(); a2.Close() }()
		c := decode[counts](t, commit(t, srv2.URL, exec, p.ID, ""), http.StatusOK)
		if c.Inserted != 12 {
			t.Errorf("commit after restart %+v", c)
		}
	})

	t.Run("invalid rows are skipped and counted", func(t *testing.T) {
		a := apptest.New(t)
		data := "Label,Carrier,Service,MRC\nX-1,Lumen,wave,100\nX-2,,wave,100\nX-3,Zayo,smoke,100\nX-4,Cogent,dia,(5)\nX-5,Cogent,dia,5\n"
		p := decode[job](t, upload(t, a.URL, exec, "c.csv", []byte(data), nil), http.StatusCreated)
		if p.Validation.ValidRows != 2 || p.Validation.InvalidRows != 3 {
			t.Fatalf("preview %+v", p.Validation)
		}
		c := decode[counts](t, commit(t, a.URL, exec, p.ID, ""), http.StatusOK)
		if c != (counts{Inserted: 2, Invalid: 3}) {
			t.Errorf("commit %+v", c)
		}
	})

	t.Run("a mapping given at commit replaces the preview's", func(t *testing.T) {
		a := apptest.New(t)
		data := "Label,Carrier,Service,Cost,Setup\nX-1,Lumen,wave,100,900\n"
		p := decode[job](t, upload(t, a.URL, exec, "c.csv", []byte(data), nil), http.StatusCreated)
		c := decode[counts](t, commit(t, a.URL, exec, p.ID, `{"column_mapping": {"Cost": null, "Setup": "nrc_usd"}}`), http.StatusOK)
		if c != (counts{Inserted: 1}) {
			t.Errorf("commit %+v", c)
		}
		if n := count(t, a.App, "SELECT count(*) FROM circuits WHERE mrc_cents = 0 AND nrc_cents = 90000"); n != 1 {
			t.Errorf("the mapping at commit was not used")
		}
		bad := decode[job](t, upload(t, a.URL, exec, "c.csv", []byte(data), nil), http.StatusCreated)
		if resp := commit(t, a.URL, exec, bad.ID, `{"column_mapping": {"Nope": "nrc_usd"}}`); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("a bad mapping at commit: %d", resp.StatusCode)
		}
	})

	t.Run("a database error mid-commit stores nothing", func(t *testing.T) {
		a := apptest.New(t)
		ctx := context.Background()
		trigger := []string{`CREATE TRIGGER refuse_boom BEFORE INSERT ON circuits FOR EACH ROW WHEN (NEW.xiber_circuit_label = 'XIB-BOOM') BEGIN SELECT RAISE(ABORT, 'boom'); END`}
		if dbtest.Engine() == "postgres" {
			trigger = []string{
				`CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN IF NEW.xiber_circuit_label = 'XIB-BOOM' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
				`CREATE TRIGGER refuse_boom BEFORE INSERT ON circuits FOR EACH ROW EXECUTE FUNCTION refuse_boom()`,
			}
		}
		for _, q := range trigger {
			if _, err := a.DB.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		var b strings.Builder
		b.WriteString("Label,Carrier,Service\n")
		for i := range 1200 {
			label := fmt.Sprintf("X-%04d", i)
			if i == 900 {
				label = "XIB-BOOM"
			}
			fmt.Fprintf(&b, "%s,Carrier %d,wave\n", label, i%7)
		}
		p := decode[job](t, upload(t, a.URL, exec, "c.csv", []byte(b.String()), nil), http.StatusCreated)
		if resp := commit(t, a.URL, exec, p.ID, ""); resp.StatusCode != http.StatusInternalServerError {
			t.Errorf("commit with a failing row: %d", resp.StatusCode)
		}
		for _, table := range []string{"circuits", "service_providers", "circuit_events"} {
			if n := count(t, a.App, "SELECT count(*) FROM "+table); n != 0 {
				t.Errorf("%d rows in %s after a failed commit", n, table)
			}
		}
		if n := count(t, a.App, "SELECT count(*) FROM audit_entries WHERE action = 'import_commit'"); n != 0 {
			t.Errorf("%d import_commit audit entries after a failed commit", n)
		}
		// The job is still uncommitted: once the cause is gone it commits.
		if _, err := a.DB.ExecContext(ctx, "DROP TRIGGER refuse_boom"+map[bool]string{true: " ON circuits"}[dbtest.Engine() == "postgres"]); err != nil {
			t.Fatal(err)
		}
		c := decode[counts](t, commit(t, a.URL, exec, p.ID, ""), http.StatusOK)
		if c.Inserted != 1200 {
			t.Errorf("retry %+v", c)
		}
	})
}

func TestPreviewRefuses(t *testing.T) {
	a := apptest.New(t)
	t.Run("an upload at the limit is read, one byte more is 413", func(t *testing.T) {
		limit := imports.DefaultMaxUploadBytes
		head := "Label,Carrier,Service,Notes\n"
		var b bytes.Buffer
		b.WriteString(head)
		pad := strings.Repeat(" ", 30000) // trimmed away: the notes stay blank
		for i := 0; b.Len() < limit; i++ {
			row := fmt.Sprintf("X-%d,Lumen,wave,%s\n", i, pad)
			if room := limit - b.Len(); len(row) > room {
				row = fmt.Sprintf("X-%d,Lumen,wave,%s\n", i, pad[:max(0, room-len(fmt.Sprintf("X-%d,Lumen,wave,\n", i)))])
			}
			b.WriteString(row)
		}
		data := b.Bytes()
		if len(data) != limit {
			t.Fatalf("built %d bytes; want %d", len(data), limit)
		}
		p := decode[job](t, upload(t, a.URL, exec, "big.csv", data, nil), http.StatusCreated)
		if p.Validation.InvalidRows != 0 || p.Validation.ValidRows < 600 {
			t.Errorf("preview at the limit %+v", p.Validation)
		}
		over := append(bytes.Clone(data), ' ')
		if resp := upload(t, a.URL, exec, "big.csv", over, nil); resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("one byte over: %d", resp.StatusCode)
		}
	})
	t.Run("a file that is not CSV or XLSX is 415", func(t *testing.T) {
		pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
		if resp := upload(t, a.URL, exec, "circuits.pdf", pdf, nil); resp.StatusCode != http.StatusUnsupportedMediaType {
			t.Errorf("PDF: %d", resp.StatusCode)
		}
	})
	t.Run("a bad column_mapping is 422", func(t *testing.T) {
		resp := upload(t, a.URL, exec, "c.csv", sample(t), map[string]string{"column_mapping": `["MRC"]`})
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
	t.Run("no file is 422", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/api/v1/imports/circuits/preview", strings.NewReader("{}"))
		req.Header.Set("Content-Type", "application/json")
		if resp := send(t, req, exec); resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
	if n := count(t, a.App, "SELECT count(*) FROM import_jobs"); n != 1 {
		t.Errorf("%d jobs stored; only the preview at the limit should be", n)
	}
}

func TestImportRoles(t *testing.T) {
	a := apptest.New(t)
	p := decode[job](t, upload(t, a.URL, exec, "c.csv", sample(t), nil), http.StatusCreated)
	for _, tt := range []struct {
		role   string
		status int
	}{{"sales", 403}, {"read_only", 403}, {"agent", 403}, {"", 401}} {
		t.Run(fmt.Sprintf("role %q gets %d", tt.role, tt.status), func(t *testing.T) {
			who := caller{role: tt.role, user: "exec@dev"} // even as the job's owner
			if resp := upload(t, a.URL, who, "c.csv", sample(t), nil); resp.StatusCode != tt.status {
				t.Errorf("preview: %d", resp.StatusCode)
			}
			if resp := commit(t, a.URL, who, p.ID, ""); resp.StatusCode != tt.status {
				t.Errorf("commit: %d", resp.StatusCode)
			}
		})
	}
	for _, role := range []string{"exec", "finance", "network_eng", "operations", "pm"} {
		t.Run("role "+role+" may preview", func(t *testing.T) {
			decode[job](t, upload(t, a.URL, caller{role: role}, "c.csv", sample(t), nil), http.StatusCreated)
		})
	}
}
