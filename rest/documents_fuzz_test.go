package rest

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/xiber/netos/models"
)

// FuzzReadUpload feeds arbitrary bodies and Content-Type headers to the
// multipart decoder: it must never panic, and must answer either the file's
// content or an error of the vocabulary (422 or 413), never anything else.
func FuzzReadUpload(f *testing.F) {
	f.Add("multipart/form-data; boundary=X", []byte("--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7\r\n--X--\r\n"))
	f.Add("multipart/form-data; boundary=X", []byte("--X\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--X--\r\n"))
	f.Add("multipart/form-data; boundary=X", []byte("garbage"))
	f.Add("application/json", []byte(`{"file": "x"}`))
	f.Add("multipart/form-data", []byte("--X\r\n"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		var got []byte
		err := readUpload(io.LimitReader(bytes.NewReader(body), 1<<20), contentType, func(name string, r io.Reader) error {
			var err error
			got, err = io.ReadAll(io.LimitReader(r, 1<<20))
			if err != nil {
				return models.Invalid("file", "value_error", "unreadable")
			}
			return nil
		})
		if err != nil && !errors.Is(err, models.ErrInvalid) && !errors.Is(err, models.ErrTooLarge) {
			t.Fatalf("error outside the vocabulary: %v", err)
		}
		if err == nil && got == nil {
			t.Fatal("success without reading the file")
		}
	})
}
