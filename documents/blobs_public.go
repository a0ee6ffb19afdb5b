package documents

import (
	"fmt"
	"io"
	"os"

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
