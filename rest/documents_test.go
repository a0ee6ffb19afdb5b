package rest_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/documents"
)

type owners struct{ electrical, rfLink string }

// makeOwners creates one electrical service and one RF link.
func makeOwners(t *testing.T, a *apptest.App) owners {
	t.Helper()
	tower := createdID(t, a, "/api/v1/infrastructure", `{"name": "Tower 1", "site_type": "tower"}`)
	pop := createdID(t, a, "/api/v1/infrastructure", `{"name": "POP 1", "site_type": "pop"}`)
	sys := createdID(t, a, "/api/v1/rf-systems", `{"name": "AF-11", "link_type": "ptp", "equipment_role": "ptp"}`)
	return owners{
		electrical: createdID(t, a, "/api/v1/electrical-services", `{"infrastructure_id": "`+tower+`", "avg_monthly_cost_usd": 120.50}`),
		rfLink:     createdID(t, a, "/api/v1/rf-links", `{"name": "Tower 1 - POP 1", "rf_system_id": "`+sys+`", "a_infrastructure_id": "`+tower+`", "z_infrastructure_id": "`+pop+`"}`),
	}
}

type docJSON struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	SizeBytes   int64  `json:"size_bytes"`
	SHA256      string `json:"sha256"`
	UploadedBy  string `json:"uploaded_by"`
	UploadedAt  string `json:"uploaded_at"`
}

func upload(t *testing.T, a *apptest.App, role, path, filename string, content []byte) xres {
	t.Helper()
	ct, body := multipartFile(t, "file", filename, content)
	return xdo(t, a, role, "POST", path, ct, body)
}

func TestDocumentUploadAndDownloadRoundTrip(t *testing.T) {
	dataDir := t.TempDir()
	a := newExtrasApp(t, dataDir, nil)
	o := makeOwners(t, a)
	content := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("contract terms \x00\x01\x02\n"), 5000)...)
	sum := sha256.Sum256(content)

	var doc docJSON
	r := upload(t, a, "exec", "/api/v1/electrical-services/"+o.electrical+"/documents", `..\..\secret\Contract 2026 – Duke.pdf`, content).is(t, http.StatusCreated)
	r.json(t, &doc)
	if doc.Filename != "Contract 2026 – Duke.pdf" || doc.ContentType != "application/pdf" || doc.SizeBytes != int64(len(content)) ||
		doc.SHA256 != hex.EncodeToString(sum[:]) || doc.UploadedBy != "exec@dev" || doc.UploadedAt == "" {
		t.Fatalf("document %+v", doc)
	}
	if r.header.Get("Location") != "/api/v1/documents/"+doc.ID {
		t.Fatalf("Location %q", r.header.Get("Location"))
	}

	got := xjson(t, a, "read_only", "GET", "/api/v1/documents/"+doc.ID, "").is(t, http.StatusOK)
	if !bytes.Equal(got.body, content) {
		t.Fatalf("downloaded %d bytes, uploaded %d", len(got.body), len(content))
	}
	down := sha256.Sum256(got.body)
	if hex.EncodeToString(down[:]) != doc.SHA256 {
		t.Fatal("SHA-256 of the download differs")
	}
	h := got.header
	wantDisp := `attachment; filename="Contract 2026 _ Duke.pdf"; filename*=UTF-8''Contract%202026%20%E2%80%93%20Duke.pdf`
	if h.Get("Content-Disposition") != wantDisp || h.Get("X-Content-Type-Options") != "nosniff" ||
		h.Get("Content-Type") != "application/pdf" || h.Get("ETag") != `"`+doc.SHA256+`"` {
		t.Fatalf("headers %v", h)
	}

	// The blob is stored under its UUID, never under the client's name.
	var files []string
	_ = filepath.WalkDir(filepath.Join(dataDir, "documents"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, filepath.Base(p))
		}
		return nil
	})
	if len(files) != 1 || files[0] != doc.ID {
		t.Fatalf("blob files %v, want just %s", files, doc.ID)
	}

	var audit []struct {
		Action, EntityType, EntityID string
	}
	xjson(t, a, "exec", "GET", "/api/v1/audit/activity?action=upload_document", "").is(t, http.StatusOK).json(t, &audit)
	if len(audit) != 1 {
		t.Fatalf("upload audit entries %+v", audit)
	}

	t.Run("an RF link takes documents too", func(t *testing.T) {
		var d docJSON
		upload(t, a, "network_eng", "/api/v1/rf-links/"+o.rfLink+"/documents", "path.png", []byte("\x89PNG\r\n\x1a\n0000IHDR")).is(t, http.StatusCreated).json(t, &d)
		if d.ContentType != "image/png" {
			t.Fatalf("content type %q", d.ContentType)
		}
	})
	t.Run("the owner service lists documents by owner", func(t *testing.T) {
		ctx := apptestCtx()
		m, err := a.Documents.ForOwners(ctx, documents.OwnerElectrical, []string{o.electrical, o.rfLink})
		if err != nil || len(m[o.electrical]) != 1 || m[o.electrical][0].ID != doc.ID || m[o.rfLink] == nil || len(m[o.rfLink]) != 0 {
			t.Fatalf("ForOwners %v %v", m, err)
		}
	})
}

func TestDocumentUploadRules(t *testing.T) {
	const limit = 1024
	a := newExtrasApp(t, t.TempDir(), func(c *app.Config) { c.Extras.MaxDocumentBytes = limit })
	o := makeOwners(t, a)
	path := "/api/v1/electrical-services/" + o.electrical + "/documents"
	text := func(n int) []byte { return bytes.Repeat([]byte("a,b\n"), n/4+1)[:n] }
	zip := append([]byte("PK\x03\x04"), make([]byte, 100)...)

	cases := []struct {
		name     string
		role     string
		path     string
		filename string
		content  []byte
		status   int
		ctype    string
	}{
		{"a file of exactly the limit is accepted", "exec", path, "sites.csv", text(limit), 201, "text/csv; charset=utf-8"},
		{"a file one byte over the limit is 413", "exec", path, "sites.csv", text(limit + 1), 413, ""},
		{"a body far over the limit is 413", "exec", path, "big.csv", text(limit + 200<<10), 413, ""},
		{"an xlsx is sniffed as ZIP and labelled by its extension", "exec", path, "bill.xlsx", zip, 201, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"HTML is refused whatever its name", "exec", path, "notes.txt", []byte("<html><script>alert(1)</script>"), 415, ""},
		{"unknown binary is refused", "exec", path, "blob.bin", []byte{0, 1, 2, 3, 0xfe, 0xff, 0, 0}, 415, ""},
		{"an empty file is 422", "exec", path, "empty.pdf", nil, 422, ""},
		{"a read-only role may not upload", "read_only", path, "a.txt", []byte("hi"), 403, ""},
		{"no role is 401", "", path, "a.txt", []byte("hi"), 401, ""},
		{"an unknown owner is 404", "exec", "/api/v1/electrical-services/6f1c1a5e-8b4e-4d3f-9a57-1a2b3c4d5e6f/documents", "a.txt", []byte("hi"), 404, ""},
		{"a malformed owner ID is 422", "exec", "/api/v1/rf-links/nope/documents", "a.txt", []byte("hi"), 422, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := upload(t, a, tc.role, tc.path, tc.filename, tc.content).is(t, tc.status)
			if tc.ctype != "" {
				var d docJSON
				r.json(t, &d)
				if d.ContentType != tc.ctype {
					t.Fatalf("content type %q, want %q", d.ContentType, tc.ctype)
				}
			}
		})
	}

	bad := []struct {
		name, ctype, body, loc0, loc1, typ string
	}{
		{"garbage multipart names file", "multipart/form-data; boundary=XYZ", "this is not multipart", "body", "file", ""},
		{"a truncated part names file", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nunterminated", "body", "file", "value_error"},
		{"a JSON body names file", "application/json", `{"file": "x"}`, "body", "file", "value_error"},
		{"a form without file names file", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n", "body", "file", "missing"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			var e struct {
				Detail []struct {
					Loc  []string `json:"loc"`
					Type string   `json:"type"`
				} `json:"detail"`
			}
			xdo(t, a, "exec", "POST", path, tc.ctype, strings.NewReader(tc.body)).is(t, 422).json(t, &e)
			if len(e.Detail) != 1 || len(e.Detail[0].Loc) != 2 || e.Detail[0].Loc[0] != tc.loc0 || e.Detail[0].Loc[1] != tc.loc1 || (tc.typ != "" && e.Detail[0].Type != tc.typ) {
				t.Fatalf("detail %+v", e.Detail)
			}
		})
	}

	t.Run("a deleted owner takes no documents and hides its documents", func(t *testing.T) {
		var d docJSON
		upload(t, a, "exec", "/api/v1/rf-links/"+o.rfLink+"/documents", "a.txt", []byte("hello")).is(t, 201).json(t, &d)
		xjson(t, a, "exec", "DELETE", "/api/v1/rf-links/"+o.rfLink, "").is(t, 204)
		upload(t, a, "exec", "/api/v1/rf-links/"+o.rfLink+"/documents", "a.txt", []byte("hello")).is(t, 404)
		xjson(t, a, "exec", "GET", "/api/v1/documents/"+d.ID, "").is(t, 404)
	})
	t.Run("an unknown document is 404", func(t *testing.T) {
		xjson(t, a, "exec", "GET", "/api/v1/documents/6f1c1a5e-8b4e-4d3f-9a57-1a2b3c4d5e6f", "").is(t, 404)
	})
}

func TestDocumentUploadAtTheReal25MBLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("uploads 50 MB")
	}
	a := newExtrasApp(t, t.TempDir(), nil)
	o := makeOwners(t, a)
	path := "/api/v1/rf-links/" + o.rfLink + "/documents"
	content := bytes.Repeat([]byte("0123456789abcde\n"), documents.DefaultMaxBytes/16)
	upload(t, a, "exec", path, "survey.txt", content).is(t, http.StatusCreated)
	upload(t, a, "exec", path, "survey.txt", append(content, 'x')).is(t, http.StatusRequestEntityTooLarge)
}
