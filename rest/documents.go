package rest

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/xiber/netos/documents"
	"github.com/xiber/netos/models"
)

// multipartOverhead is what the multipart framing around the file may add
// to the body beyond the file limit (boundaries, part headers, a few small
// fields).
const multipartOverhead = 64 << 10

// maxSkippedParts bounds the fields before `file` a client may send.
const maxSkippedParts = 16

// errNoFile is the 422 for a body without a `file` part.
var errNoFile = models.Invalid("file", "missing", "the multipart field file is required")

// readUpload finds the multipart/form-data field `file` in body and hands
// its declared file name and content to save. Anything that is not
// well-formed multipart/form-data is a 422 naming `file`; a body over a
// http.MaxBytesReader limit is ErrTooLarge.
func readUpload(body io.Reader, contentType string, save func(filename string, content io.Reader) error) error {
	mt, ps, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" || ps["boundary"] == "" {
		return models.Invalid("file", "value_error", "the body must be multipart/form-data with the file in field file")
	}
	mr := multipart.NewReader(body, ps["boundary"])
	for range maxSkippedParts + 1 {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return errNoFile
		}
		if err != nil {
			return uploadReadError(err)
		}
		if part.FormName() != "file" {
			// Drain and skip small fields; the body limit bounds them.
			if _, err := io.Copy(io.Discard, part); err != nil {
				return uploadReadError(err)
			}
			continue
		}
		err = save(part.FileName(), part)
		part.Close()
		return err
	}
	return models.Invalid("file", "value_error", "too many multipart fields before file")
}

func uploadReadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return fmt.Errorf("the request body is over %d bytes: %w", tooBig.Limit, models.ErrTooLarge)
	}
	return models.Invalid("file", "value_error", "the body is not valid multipart/form-data")
}

// uploadDocument serves POST /{kind}/{param}/documents.
func (a *API) uploadDocument(ownerType, param string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathID(r, param)
		if err != nil {
			WriteError(w, r, err, "path")
			return
		}
		svc := a.deps.Documents
		body := http.MaxBytesReader(w, r.Body, svc.MaxBytes()+multipartOverhead)
		var doc *models.Document
		err = readUpload(body, r.Header.Get("Content-Type"), func(filename string, content io.Reader) error {
			var err error
			doc, err = svc.Upload(r.Context(), ownerType, id, filename, content)
			return err
		})
		if err != nil {
			if errors.Is(err, models.ErrTooLarge) {
				// The client may still be sending; don't keep the connection.
				w.Header().Set("Connection", "close")
			}
			WriteError(w, r, err, "body")
			return
		}
		w.Header().Set("Location", "/api/v1/documents/"+doc.ID)
		writeJSON(w, http.StatusCreated, doc)
	}
}

// downloadDocument serves GET /documents/{document_id}: always as an
// attachment, never sniffed, sandboxed if a browser renders it anyway.
func (a *API) downloadDocument(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "document_id")
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	doc, f, err := a.deps.Documents.Open(r.Context(), id)
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", doc.ContentType)
	h.Set("Content-Disposition", contentDisposition(doc.Filename))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cache-Control", "private, no-cache")
	h.Set("ETag", `"`+doc.SHA256+`"`)
	h.Set("X-Content-SHA256", doc.SHA256)
	http.ServeContent(w, r, "", doc.UploadedAt, f)
}

// contentDisposition is an attachment header with an ASCII fallback name
// and the exact UTF-8 name in RFC 5987 encoding.
func contentDisposition(name string) string {
	name = documents.SanitizeFilename(name)
	var ascii strings.Builder
	for _, c := range name {
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == ';' {
			ascii.WriteByte('_')
			continue
		}
		ascii.WriteRune(c)
	}
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii.String(), rfc5987(name))
}

// rfc5987 percent-encodes everything but attr-char (RFC 5987 §3.2.1).
func rfc5987(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
