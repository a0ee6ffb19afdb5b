package documents

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"
)

// Put stores r as a new blob under a fresh random key and answers the key
// and size. More than limit bytes is models.ErrTooLarge and nothing is
// kept. Other domains (circuit imports) keep their uploads here too.
func (b *Blobs) Put(r io.Reader, limit int64) (key string, size int64, err error) {
	st, err := b.stage(r, limit)
	if err != nil {
		return "", 0, err
	}
	key = uuid.NewString()
	if err := b.commit(st, key); err != nil {
		b.discard(st)
		return "", 0, err
	}
	return key, st.size, nil
}

// PutAs stores r under key, a UUID the caller made (a record's ID), with
// Put's limit; it answers the size.
func (b *Blobs) PutAs(key string, r io.Reader, limit int64) (int64, error) {
	if _, err := uuid.Parse(key); err != nil || len(key) != 36 {
		return 0, fmt.Errorf("documents: blob key %q is not a UUID", key)
	}
	st, err := b.stage(r, limit)
	if err != nil {
		return 0, err
	}
	if err := b.commit(st, key); err != nil {
		b.discard(st)
		return 0, err
	}
	return st.size, nil
}

// Open opens the blob stored under key; models.ErrNotFound when it is gone.
func (b *Blobs) Open(key string) (*os.File, error) { return b.open(key) }

// Remove deletes the blob under key, if any (after a failed transaction).
func (b *Blobs) Remove(key string) { b.remove(key) }

// KeysBefore lists the keys of the blobs last written before t, for a
// caller that sweeps blobs no record names.
func (b *Blobs) KeysBefore(t time.Time) ([]string, error) {
	var keys []string
	err := filepath.WalkDir(b.dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist): // removed meanwhile
			return nil
		case err != nil:
			return err
		case d.IsDir() && path == filepath.Join(b.dir, "tmp"):
			return fs.SkipDir
		case d.IsDir():
			return nil
		}
		info, err := d.Info()
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, perr := uuid.Parse(d.Name()); perr == nil && len(d.Name()) == 36 && info.ModTime().Before(t) {
			keys = append(keys, d.Name())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("documents: list blobs: %w", err)
	}
	return keys, nil
}

// RemoveStagingBefore deletes staging files last written before t: the
// remains of uploads a crash cut short. It answers how many it deleted.
func (b *Blobs) RemoveStagingBefore(t time.Time) (int, error) {
	entries, err := os.ReadDir(filepath.Join(b.dir, "tmp"))
	if err != nil {
		return 0, fmt.Errorf("documents: list staging files: %w", err)
	}
	n := 0
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || !info.ModTime().Before(t) {
			continue
		}
		if os.Remove(filepath.Join(b.dir, "tmp", e.Name())) == nil {
			n++
		}
	}
	return n, nil
}
