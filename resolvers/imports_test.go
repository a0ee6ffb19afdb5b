package resolvers_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"testing"

	"github.com/xiber/netos/apptest"
)

// upload sends a GraphQL multipart request (the spec's operations, map and
// file parts) through the real router.
func upload(t *testing.T, a *apptest.App, role, query string, file string) gqlResponse {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": map[string]any{"file": nil}})
	_ = w.WriteField("operations", string(ops))
	_ = w.WriteField("map", `{"0": ["variables.file"]}`)
	part, _ := w.CreateFormFile("0", "sample_circuits.csv")
	_, _ = part.Write(data)
	_ = w.Close()
	req, _ := http.NewRequest("POST", a.URL+"/graphql", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("x-user-role", role)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := gqlResponse{Status: resp.StatusCode}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s: %s", err, raw)
	}
	return out
}

const previewImport = `mutation($file: Upload!) { previewCircuitImport(file: $file) {
	job { importJobId fileType headers columnMapping validation { totalRows validRows invalidRows errors { row field msg } } }
	userErrors { field message code } } }`

func TestCircuitImportThroughGraphQL(t *testing.T) {
	a := apptest.New(t)
	const preview = previewImport
	if r := upload(t, a, "read_only", preview, "../examples/sample_circuits.csv"); r.code() != "FORBIDDEN" {
		t.Fatalf("read_only preview: %+v", r)
	}
	r := upload(t, a, "finance", preview, "../examples/sample_circuits.csv")
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("preview: %d %+v", r.Status, r.Errors)
	}
	job := dig(r.Data, "previewCircuitImport.job").(map[string]any)
	total := dig(job, "validation.totalRows")
	if total == nil || total.(float64) == 0 || dig(job, "validation.invalidRows") != 0.0 || job["fileType"] != "csv" {
		t.Fatalf("job = %v", job)
	}
	if dig(job, "columnMapping.Circuit Label") == nil && len(job["columnMapping"].(map[string]any)) == 0 {
		t.Fatalf("no column mapping: %v", job["columnMapping"])
	}
	commit := `mutation($id: ID!) { commitCircuitImport(id: $id) { result { inserted updated invalid } userErrors { code } } }`
	if other := mustPost(t, a, commit, map[string]any{"id": job["importJobId"]}); digStr(other, "commitCircuitImport.userErrors.0.code") != "NOT_FOUND" {
		t.Fatalf("another user committed the job: %v", other)
	}
	data := post(t, a, "finance", commit, map[string]any{"id": job["importJobId"]}).Data
	if got := dig(data, "commitCircuitImport.result.inserted"); got != total {
		t.Fatalf("inserted %v, want %v", got, total)
	}
	again := post(t, a, "finance", commit, map[string]any{"id": job["importJobId"]}).Data
	if digStr(again, "commitCircuitImport.userErrors.0.code") != "CONFLICT" {
		t.Fatalf("second commit = %v", again)
	}
	circuits := mustPost(t, a, `{ circuits { totalCount } }`, nil)
	if dig(circuits, "circuits.totalCount") != total {
		t.Fatalf("circuits after commit = %v, want %v", circuits, total)
	}
}
