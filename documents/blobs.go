package documents

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/google/uuid"

	"github.com/xiber/netos/models"
)

// Blobs keeps document contents on disk, each under a random UUID in a
// two-level fan-out (ab/abcdef…). The client's file name never reaches the
// file system.
type Blobs struct {
	dir string
}

// NewBlobs uses dir, creating it if missing.
func NewBlobs(dir string) (*Blobs, error) {
	if dir == "" {
		return nil, errors.New("documents: blob directory is not set")
	}
	if err := os.MkdirAll(filepath.Join(dir, "tmp"), 0o750); err != nil {
		return nil, fmt.Errorf("documents: create blob directory: %w", err)
	}
	return &Blobs{dir: dir}, nil
}

// staged is a written but not yet committed blob.
type staged struct {
	tmp    string
	size   int64
	sha256 string
	head   []byte // the first bytes, for sniffing
}

// stage copies r into a temp file, counting bytes: more than limit is
// ErrTooLarge and nothing is kept.
func (b *Blobs) stage(r io.Reader, limit int64) (*staged, error) {
	f, err := os.CreateTemp(filepath.Join(b.dir, "tmp"), "upload-*")
	if err != nil {
		return nil, fmt.Errorf("documents: temp file: %w", err)
	}
	st := &staged{tmp: f.Name()}
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(st.tmp)
		}
	}()
	h := sha256.New()
	head := &headWriter{max: 512}
	n, err := io.Copy(io.MultiWriter(f, h, head), io.LimitReader(r, limit+1))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) || errors.Is(err, models.ErrTooLarge) {
			return nil, fmt.Errorf("the file is over %d bytes: %w", limit, models.ErrTooLarge)
		}
		if errors.Is(err, models.ErrInvalid) {
			return nil, err
		}
		return nil, models.Invalid("file", "value_error", "could not read the uploaded file")
	}
	if n > limit {
		return nil, fmt.Errorf("the file is over %d bytes: %w", limit, models.ErrTooLarge)
	}
	if err := f.Sync(); err != nil {
		return nil, fmt.Errorf("documents: sync: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("documents: close: %w", err)
	}
	ok = true
	st.size, st.sha256, st.head = n, hex.EncodeToString(h.Sum(nil)), head.buf
	return st, nil
}

// commit renames a staged blob to its key.
func (b *Blobs) commit(st *staged, key string) error {
	dst := b.path(key)
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return fmt.Errorf("documents: blob directory: %w", err)
	}
	if err := os.Rename(st.tmp, dst); err != nil {
		return fmt.Errorf("documents: store blob: %w", err)
	}
	return nil
}

// discard removes a staged blob.
func (b *Blobs) discard(st *staged) { os.Remove(st.tmp) }

// remove deletes a committed blob (after a failed transaction).
func (b *Blobs) remove(key string) { os.Remove(b.path(key)) }

// open opens a committed blob.
func (b *Blobs) open(key string) (*os.File, error) {
	f, err := os.Open(b.path(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("document content %s: %w", key, models.ErrNotFound)
	}
	return f, err
}

// path maps a key to its file; keys are UUIDs the service made, checked
// again here so no key can name a path outside the store.
func (b *Blobs) path(key string) string {
	if _, err := uuid.Parse(key); err != nil || len(key) != 36 {
		key = "invalid"
	}
	return filepath.Join(b.dir, key[:2], key)
}

type headWriter struct {
	buf []byte
	max int
}

func (h *headWriter) Write(p []byte) (int, error) {
	if room := h.max - len(h.buf); room > 0 {
		h.buf = append(h.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}
