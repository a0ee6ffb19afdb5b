package imports

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"time"

	"github.com/google/uuid"
	"github.com/uptrace/bun"
	"golang.org/x/sync/errgroup"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/documents"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/store"
)

// JobLifetime is how long a previewed job may be committed.
const JobLifetime = 24 * time.Hour

// commitBatch is how many rows one label lookup and one round of upserts
// cover at commit.
const commitBatch = 500

// maxRowsBlobBytes caps the normalised rows kept beside an upload: 100,000
// rows of every field fit well within it.
const maxRowsBlobBytes = 1 << 30

// Service owns circuit import jobs: Preview stores the upload and the
// preview as a job of the caller's, Commit writes its valid rows through
// the network service's rules. REST, GraphQL and the CLI all call it.
type Service struct {
	db      *store.DB
	network *network.Service
	blobs   *documents.Blobs
	now     func() time.Time
	limits  Options
}

// Config builds a Service.
type Config struct {
	DB      *store.DB
	Network *network.Service
	// Blobs keeps the uploads (and their normalised rows), keyed by UUID.
	Blobs *documents.Blobs
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Limits overrides the reading limits (zero fields keep the defaults);
	// Sheet and Mapping are ignored.
	Limits Options
}

// NewService builds the import service.
func NewService(cfg Config) (*Service, error) {
	if cfg.DB == nil || cfg.Network == nil || cfg.Blobs == nil {
		return nil, errors.New("imports: NewService needs DB, Network and Blobs")
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	limits := cfg.Limits
	limits.Sheet, limits.Mapping = "", nil
	return &Service{db: cfg.DB, network: cfg.Network, blobs: cfg.Blobs, now: now, limits: limits.withDefaults()}, nil
}

// MaxUploadBytes is the largest upload Preview takes; transports cap their
// request bodies to it (plus their framing).
func (s *Service) MaxUploadBytes() int64 { return s.limits.MaxUploadBytes }

// PreviewInput is what a preview needs besides the file.
type PreviewInput struct {
	// Sheet names the XLSX worksheet; empty picks the first with data.
	Sheet string
	// Mapping corrects the detected mapping: header → field, "" or "null"
	// to ignore a column; nil detects everything.
	Mapping map[string]string
	// Progress, when set, is called every few thousand rows with the rows
	// read so far (the CLI's progress bar).
	Progress func(rows int)
}

// Job is a stored preview: CONTRACT.md's Import job, plus when it expires.
type Job struct {
	*Result
	Status    string    `json:"status"`
	ExpiresAt time.Time `json:"expires_at"`
}

// CommitResult is what a commit did; inserted+updated+invalid is the
// preview's total_rows.
type CommitResult struct {
	ImportJobID string `json:"import_job_id"`
	Inserted    int    `json:"inserted"`
	// Updated counts rows whose xiber_circuit_label matched a live circuit,
	// whether or not a field changed.
	Updated int `json:"updated"`
	// Invalid counts the rows skipped for errors.
	Invalid int `json:"invalid"`
	// Unchanged counts the updated rows that already matched their circuit
	// (no new version, no audit entry).
	Unchanged int `json:"unchanged"`
}

// progressEvery is how often (in rows) Progress is called.
const progressEvery = 2000

// Preview reads an upload (CSV or XLSX) and stores it, with its preview,
// as an import job of the caller's that expires after JobLifetime. The
// caller must be allowed to write (models.ErrUnauthenticated,
// models.ErrForbidden). Errors are those of imports.Preview
// (models.ErrTooLarge, models.ErrUnsupportedType, models.ErrInvalid); on
// any error nothing is stored.
func (s *Service) Preview(ctx context.Context, filename string, r io.Reader, in PreviewInput) (*Job, error) {
	p, err := auth.RequireWrite(ctx)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, s.limits.MaxUploadBytes+1))
	if err != nil {
		return nil, uploadError(err)
	}
	if int64(len(data)) > s.limits.MaxUploadBytes {
		return nil, fmt.Errorf("the file is over %s: %w", formatBytes(s.limits.MaxUploadBytes), models.ErrTooLarge)
	}
	opts := s.limits
	opts.Sheet, opts.Mapping = in.Sheet, in.Mapping
	jobID := models.NewID()

	// The valid rows, normalised, are kept beside the upload so the commit
	// need not read the file again: they stream to the blob store through
	// a pipe while the preview reads.
	pr, pw := io.Pipe()
	stored := make(chan error, 1)
	go func() {
		_, err := s.blobs.PutAs(jobID, pr, maxRowsBlobBytes)
		pr.CloseWithError(err) // unblock the writer if the store failed
		stored <- err
	}()
	bw := bufio.NewWriterSize(pw, 256<<10)
	n := 0
	var res *Result
	rw, err := newRowWriter(bw)
	if err == nil {
		res, err = previewEach(bytes.NewReader(data), filename, opts, func(row Row) error {
			if n++; in.Progress != nil && n%progressEvery == 0 {
				in.Progress(n)
			}
			if !row.Valid() {
				return nil
			}
			return rw.write(row)
		})
	}
	if err == nil {
		err = rw.flush()
	}
	if err == nil {
		err = bw.Flush()
	}
	pw.CloseWithError(err)
	if serr := <-stored; err == nil && serr != nil {
		err = fmt.Errorf("imports: store rows: %w", serr)
	}
	if err != nil {
		s.blobs.Remove(jobID)
		return nil, err
	}
	if in.Progress != nil {
		in.Progress(n)
	}
	key, _, err := s.blobs.Put(bytes.NewReader(data), s.limits.MaxUploadBytes)
	if err != nil {
		s.blobs.Remove(jobID)
		return nil, err
	}
	now := s.now().UTC()
	v := res.Validation
	job := &models.ImportJob{
		ID: jobID, Owner: p.User, Filename: res.Filename, FileType: res.FileType, Sheet: res.Sheet, BlobKey: key,
		ColumnMapping: res.ColumnMapping.Override(), Status: store.ImportPreviewed,
		TotalRows: v.TotalRows, ValidRows: v.ValidRows, InvalidRows: v.InvalidRows,
		CreatedAt: now, ExpiresAt: now.Add(JobLifetime),
	}
	err = s.network.InTx(ctx, func(tx bun.Tx) error {
		if err := store.InsertImportJob(ctx, tx, job); err != nil {
			return err
		}
		return s.network.Audit().Write(ctx, tx, "import_preview", "import_job", job.ID, models.Changes{
			"filename": {After: job.Filename}, "total_rows": {After: v.TotalRows},
			"valid_rows": {After: v.ValidRows}, "invalid_rows": {After: v.InvalidRows},
		})
	})
	if err != nil {
		s.blobs.Remove(jobID)
		s.blobs.Remove(key)
		return nil, err
	}
	res.ImportJobID = job.ID
	return &Job{Result: res, Status: job.Status, ExpiresAt: job.ExpiresAt}, nil
}

// uploadError words a failed read of the upload.
func uploadError(err error) error {
	if errors.Is(err, models.ErrTooLarge) || errors.Is(err, models.ErrInvalid) {
		return err
	}
	return models.Invalid("file", "value_error", "could not read the uploaded file")
}

// Commit writes the valid rows of the caller's job jobID: each is upserted
// by xiber_circuit_label among live circuits, all in one transaction (a
// database error stores none), each audited as import_commit, and the job
// once more. mapping, when not nil, replaces the preview's column mapping
// (the stored file is read again with it). Errors: models.ErrNotFound for
// a job that does not exist, is another user's or has expired;
// models.ErrConflict for a job already committed; models.ErrInvalid for a
// bad mapping or a row the circuit rules refuse; the caller must be
// allowed to write.
func (s *Service) Commit(ctx context.Context, jobID string, mapping map[string]string) (*CommitResult, error) {
	p, err := auth.RequireWrite(ctx)
	if err != nil {
		return nil, err
	}
	job, err := s.job(ctx, p, jobID)
	if err != nil {
		return nil, err
	}
	if job.Status != store.ImportPreviewed {
		return nil, fmt.Errorf("import job %s: %w", jobID, models.Conflict("the import job has already been committed"))
	}
	rows, closeRows, err := s.rows(job, mapping)
	if err != nil {
		return nil, err
	}
	defer closeRows()

	res := &CommitResult{ImportJobID: job.ID}
	var up *network.CircuitUpsert
	err = store.RunInBulkTx(ctx, s.db, func(tx store.BulkTx) error {
		undo, err := store.BulkWrite(ctx, tx)
		if err != nil {
			return err
		}
		defer func() { _ = undo() }()
		up = s.network.NewCircuitUpsert(tx, network.ImportAction)
		defer up.Close()
		// Reading the stored rows runs beside the upsert: one goroutine
		// decodes and checks rows while the other writes the batch before.
		g, gctx := errgroup.WithContext(ctx)
		batches := make(chan commitRows, 1)
		var invalid int
		g.Go(func() error {
			defer close(batches)
			var b commitRows
			send := func() error {
				select {
				case batches <- b:
					b = commitRows{}
					return nil
				case <-gctx.Done():
					return gctx.Err()
				}
			}
			n, err := rows(func(number int, fields map[string]any) error {
				v, err := network.CircuitSchema.FromLoose(fields, "")
				if err != nil {
					// The import checks every value first; a value the
					// domain still refuses skips its row like any other
					// invalid row.
					invalid++
					return nil
				}
				b.values, b.numbers = append(b.values, v), append(b.numbers, number)
				if len(b.values) == commitBatch {
					return send()
				}
				return nil
			})
			if err != nil {
				return err
			}
			invalid += n
			if len(b.values) > 0 {
				return send()
			}
			return nil
		})
		g.Go(func() error {
			for b := range batches {
				if err := up.Upsert(gctx, b.values); err != nil {
					var ue *network.UpsertError
					if errors.As(err, &ue) {
						return fmt.Errorf("row %d: %w", b.numbers[ue.Index], ue.Err)
					}
					return err
				}
			}
			return up.Close()
		})
		if err := g.Wait(); err != nil {
			return err
		}
		res.Invalid = invalid
		c := up.Counts()
		res.Inserted, res.Updated, res.Unchanged = c.Inserted, c.Updated, c.Unchanged
		if err := store.MarkImportJobCommitted(ctx, tx, job.ID, res.Inserted, res.Updated, s.now().UTC()); err != nil {
			return err
		}
		err = s.network.Audit().Write(ctx, tx, network.ImportAction, "import_job", job.ID, models.Changes{
			"status":   {Before: store.ImportPreviewed, After: store.ImportCommitted},
			"inserted": {After: res.Inserted}, "updated": {After: res.Updated}, "invalid": {After: res.Invalid},
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	up.Finish()
	return res, nil
}

// job loads the caller's live job; anyone else's, or an expired one, is
// not found, so job IDs reveal nothing.
func (s *Service) job(ctx context.Context, p auth.Principal, id string) (*models.ImportJob, error) {
	if _, err := uuid.Parse(id); err != nil {
		return nil, models.NotFound("import job", id)
	}
	job, err := store.ImportJob(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	if job.Owner != p.User || !s.now().Before(job.ExpiresAt) {
		return nil, models.NotFound("import job", id)
	}
	return job, nil
}

// commitRows is a batch of valid rows on their way to the upsert, with
// their numbers in the file.
type commitRows struct {
	values  []network.Values
	numbers []int
}

// rowSource calls fn with every valid row, in file order, and answers the
// number of invalid rows it skipped.
type rowSource func(fn func(number int, fields map[string]any) error) (invalid int, err error)

// rows opens the rows of a job: the normalised rows kept at preview, or,
// when the mapping changes, the stored file read again with it.
func (s *Service) rows(job *models.ImportJob, mapping map[string]string) (rowSource, func(), error) {
	if mapping == nil || maps.Equal(mapping, job.ColumnMapping) {
		f, err := s.blobs.Open(job.ID)
		if err != nil {
			return nil, nil, err
		}
		return func(fn func(int, map[string]any) error) (int, error) {
			if err := readStoredRows(bufio.NewReaderSize(f, 256<<10), fn); err != nil {
				return 0, fmt.Errorf("imports: read the rows of job %s: %w", job.ID, err)
			}
			return job.InvalidRows, nil
		}, func() { f.Close() }, nil
	}
	f, err := s.blobs.Open(job.BlobKey)
	if err != nil {
		return nil, nil, err
	}
	opts := s.limits
	opts.Sheet, opts.Mapping = job.Sheet, mapping
	// A bad mapping is refused before the transaction starts.
	src, err := Open(f, job.Filename, opts)
	if err == nil {
		src.Close()
		_, err = ResolveMapping(src.Headers(), mapping)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return func(fn func(int, map[string]any) error) (int, error) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return 0, err
		}
		invalid := 0
		err := Scan(f, job.Filename, opts, func(row Row) error {
			if !row.Valid() {
				invalid++
				return nil
			}
			return fn(row.Number, row.Fields)
		})
		return invalid, err
	}, func() { f.Close() }, nil
}
