// Package documents keeps the supporting documents of RF links and
// electrical services: contents in a blob directory under random UUIDs,
// metadata (sanitised original name, sniffed type, size, SHA-256) in the
// database beside an audit entry.
package documents

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// DefaultMaxBytes is the upload limit: 25 MB.
const DefaultMaxBytes = 25 << 20

// Owner types a document can belong to (audit entity types of the owners).
const (
	OwnerRFLink     = "rf_link"
	OwnerElectrical = "electrical_service"
)

// Service uploads, lists and opens documents.
type Service struct {
	db       *store.DB
	audit    *audit.Log
	blobs    *Blobs
	now      func() time.Time
	maxBytes int64
}

// Options configure a Service.
type Options struct {
	// Dir is where contents live (created if missing).
	Dir string
	// MaxBytes is the upload limit; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// New builds the service.
func New(db *store.DB, log *audit.Log, o Options) (*Service, error) {
	blobs, err := NewBlobs(o.Dir)
	if err != nil {
		return nil, err
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Service{db: db, audit: log, blobs: blobs, now: o.Now, maxBytes: o.MaxBytes}, nil
}

// MaxBytes is the upload limit in bytes.
func (s *Service) MaxBytes() int64 { return s.maxBytes }

// Upload stores r as a document of the owner. It answers ErrUnauthenticated
// or ErrForbidden for callers who may not write, ErrNotFound when the owner
// is missing or deleted, ErrTooLarge over the limit, ErrInvalid for an empty
// file and ErrUnsupportedType for a type outside the allow-list. The body is
// read before the owner is checked, so the error for a bad owner does not
// depend on the upload.
func (s *Service) Upload(ctx context.Context, ownerType, ownerID, filename string, r io.Reader) (*models.Document, error) {
	p, err := auth.RequireWrite(ctx)
	if err != nil {
		return nil, err
	}
	if ownerType != OwnerRFLink && ownerType != OwnerElectrical {
		return nil, fmt.Errorf("documents: owner type %q: %w", ownerType, models.ErrNotFound)
	}
	st, err := s.blobs.stage(r, s.maxBytes)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			s.blobs.discard(st)
		}
	}()
	if st.size == 0 {
		return nil, models.Invalid("file", "value_error", "the file is empty")
	}
	name := SanitizeFilename(filename)
	sniffed, ctype := contentType(st.head, name)
	if ctype == "" {
		return nil, fmt.Errorf("files of type %s are not accepted (PDF, PNG, JPEG, GIF, WebP, plain text/CSV, ZIP/XLSX/DOCX are): %w", sniffed, models.ErrUnsupportedType)
	}
	doc := &models.Document{
		ID: uuid.NewString(), OwnerType: ownerType, OwnerID: ownerID, Filename: name,
		ContentType: ctype, SizeBytes: st.size, SHA256: st.sha256,
		UploadedAt: s.now().UTC().Truncate(time.Microsecond), UploadedBy: p.User,
	}
	if doc.UploadedBy == "" {
		doc.UploadedBy = string(p.Role)
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := liveOwner(ctx, tx, ownerType, ownerID); err != nil {
			return err
		}
		if err := s.blobs.commit(st, doc.ID); err != nil {
			return err
		}
		committed = true
		if err := store.Insert(ctx, tx, doc); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, "upload_document", ownerType, ownerID, models.Changes{
			"documents": {Before: nil, After: map[string]any{
				"id": doc.ID, "filename": doc.Filename, "content_type": doc.ContentType,
				"size_bytes": doc.SizeBytes, "sha256": doc.SHA256,
			}},
		})
	})
	if err != nil {
		if committed {
			s.blobs.remove(doc.ID)
		}
		return nil, err
	}
	return doc, nil
}

func liveOwner(ctx context.Context, tx bun.IDB, ownerType, ownerID string) error {
	var err error
	switch ownerType {
	case OwnerRFLink:
		_, err = store.Get[models.RFLink](ctx, tx, ownerID)
	case OwnerElectrical:
		_, err = store.Get[models.ElectricalService](ctx, tx, ownerID)
	default:
		err = fmt.Errorf("owner type %q: %w", ownerType, models.ErrNotFound)
	}
	return err
}

// Open returns a live document and its content for a reader; the caller
// closes the file. ErrNotFound when the document or its owner is gone.
func (s *Service) Open(ctx context.Context, id string) (*models.Document, *os.File, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, nil, err
	}
	doc, err := store.GetDocument(ctx, s.db, id)
	if err != nil {
		return nil, nil, err
	}
	if err := liveOwner(ctx, s.db, doc.OwnerType, doc.OwnerID); err != nil {
		return nil, nil, fmt.Errorf("document %s: %w", id, models.ErrNotFound)
	}
	f, err := s.blobs.open(doc.ID)
	if err != nil {
		return nil, nil, err
	}
	return doc, f, nil
}

// ForOwners loads the live documents of many owners of one type in one
// query, keyed by owner ID; every requested owner has an entry (an empty,
// non-nil list when it has none), so views render [] not null.
func (s *Service) ForOwners(ctx context.Context, ownerType string, ids []string) (map[string][]models.Document, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	docs, err := store.DocumentsForOwners(ctx, s.db, ownerType, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]models.Document, len(ids))
	for _, id := range ids {
		out[id] = []models.Document{}
	}
	for _, d := range docs {
		out[d.OwnerID] = append(out[d.OwnerID], d)
	}
	return out, nil
}
