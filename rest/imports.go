package rest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/imports"
	"github.com/xiber/netos/models"
)

// maxImportField bounds the small form fields of an import (sheet,
// column_mapping).
const maxImportField = 64 << 10

// mountImports serves the circuit import routes.
func (a *API) mountImports(r chi.Router) {
	r.Post("/imports/circuits/preview", a.previewImport)
	r.Post("/imports/circuits/{import_job_id}/commit", a.commitImport)
}

// previewImport serves POST /imports/circuits/preview: multipart with the
// file in `file` and optional `sheet` and `column_mapping` (a JSON object
// header → field or null) in any order.
func (a *API) previewImport(w http.ResponseWriter, r *http.Request) {
	svc := a.deps.Imports
	body := http.MaxBytesReader(w, r.Body, svc.MaxUploadBytes()+multipartOverhead)
	form, err := readImportForm(body, r.Header.Get("Content-Type"), svc.MaxUploadBytes())
	if err == nil {
		var job *imports.Job
		job, err = svc.Preview(r.Context(), form.filename, bytes.NewReader(form.file), imports.PreviewInput{
			Sheet: form.sheet, Mapping: form.mapping,
		})
		if err == nil {
			writeJSON(w, http.StatusCreated, job)
			return
		}
	}
	if errors.Is(err, models.ErrTooLarge) {
		// The client may still be sending; don't keep the connection.
		w.Header().Set("Connection", "close")
	}
	WriteError(w, r, err, "body")
}

// commitImport serves POST /imports/circuits/{import_job_id}/commit with an
// optional JSON body {"column_mapping": {...}}.
func (a *API) commitImport(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "import_job_id")
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	var in struct {
		ColumnMapping json.RawMessage `json:"column_mapping"`
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxImportField))
	if err != nil {
		WriteError(w, r, uploadReadError(err), "body")
		return
	}
	var mapping map[string]string
	if len(bytes.TrimSpace(raw)) > 0 {
		if err := json.Unmarshal(raw, &in); err != nil {
			WriteError(w, r, models.Invalid("", "json_invalid", "the body must be a JSON object"), "body")
			return
		}
		if mapping, err = parseColumnMapping(in.ColumnMapping); err != nil {
			WriteError(w, r, err, "body")
			return
		}
	}
	res, err := a.deps.Imports.Commit(r.Context(), id, mapping)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// importForm is a parsed preview request.
type importForm struct {
	filename string
	file     []byte
	sheet    string
	mapping  map[string]string
}

// readImportForm reads the multipart body: the file (at most limit bytes,
// else ErrTooLarge) and the small fields, whatever their order.
func readImportForm(body io.Reader, contentType string, limit int64) (*importForm, error) {
	mt, ps, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" || ps["boundary"] == "" {
		return nil, models.Invalid("file", "value_error", "the body must be multipart/form-data with the file in field file")
	}
	mr := multipart.NewReader(body, ps["boundary"])
	form := &importForm{}
	seen := false
	for parts := 0; ; parts++ {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, uploadReadError(err)
		}
		if parts > maxSkippedParts {
			return nil, models.Invalid("file", "value_error", "too many multipart fields")
		}
		switch part.FormName() {
		case "file":
			data, err := io.ReadAll(io.LimitReader(part, limit+1))
			if err != nil {
				return nil, uploadReadError(err)
			}
			if int64(len(data)) > limit {
				return nil, fmt.Errorf("the file is over %d bytes: %w", limit, models.ErrTooLarge)
			}
			form.filename, form.file, seen = part.FileName(), data, true
		case "sheet", "column_mapping":
			v, err := io.ReadAll(io.LimitReader(part, maxImportField+1))
			if err != nil {
				return nil, uploadReadError(err)
			}
			if len(v) > maxImportField {
				return nil, models.Invalid(part.FormName(), "value_error", "is too long")
			}
			if part.FormName() == "sheet" {
				form.sheet = string(v)
			} else if form.mapping, err = parseColumnMapping(v); err != nil {
				return nil, err
			}
		default:
			if _, err := io.Copy(io.Discard, part); err != nil {
				return nil, uploadReadError(err)
			}
		}
		part.Close()
	}
	if !seen {
		return nil, errNoFile
	}
	return form, nil
}

// parseColumnMapping reads {"Header": "field" or null} (null, "" or
// "null" ignore the column); an absent or null mapping is nil.
func parseColumnMapping(raw []byte) (map[string]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var m map[string]*string
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, models.Invalid("column_mapping", "value_error", `must be a JSON object {"header": "field" or null}`)
	}
	out := make(map[string]string, len(m))
	for h, f := range m {
		if f == nil {
			out[h] = ""
		} else {
			out[h] = *f
		}
	}
	return out, nil
}
