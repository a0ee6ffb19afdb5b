package imports

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"github.com/xiber/netos/store"
)

// PurgeGrace is how long after its expiry a job and its files are kept, so
// that a commit that began just before the expiry still finds its rows.
const PurgeGrace = time.Hour

// purgeBatch is how many jobs, or files, one round of a purge handles.
const purgeBatch = 500

// PurgeResult counts what a purge deleted.
type PurgeResult struct {
	// Jobs counts expired jobs deleted with their files.
	Jobs int
	// Orphans counts files no job named: left by a crash between storing a
	// file and recording its job, or by an upload a crash cut short.
	Orphans int
}

// Purge deletes the import jobs that expired more than PurgeGrace ago, with
// their files (the upload and the kept rows), then the files no job names
// that are older than any live job's. Job files go first: a purge cut
// short leaves a job that is expired anyway, never a file no job names.
// An expired job can no longer be committed, and the audit log keeps who
// previewed and committed what.
func (s *Service) Purge(ctx context.Context) (PurgeResult, error) {
	var res PurgeResult
	cutoff := s.now().Add(-PurgeGrace)
	for {
		jobs, err := store.ExpiredImportJobs(ctx, s.db, cutoff, purgeBatch)
		if err != nil {
			return res, err
		}
		if len(jobs) == 0 {
			break
		}
		ids := make([]string, len(jobs))
		for i, job := range jobs {
			s.blobs.Remove(job.ID)
			s.blobs.Remove(job.BlobKey)
			ids[i] = job.ID
		}
		if err := store.DeleteImportJobs(ctx, s.db, ids); err != nil {
			return res, err
		}
		res.Jobs += len(jobs)
	}
	var err error
	res.Orphans, err = s.purgeOrphans(ctx, cutoff.Add(-JobLifetime))
	return res, err
}

// purgeOrphans deletes the files written before t that no job names, and
// staging files as old.
func (s *Service) purgeOrphans(ctx context.Context, t time.Time) (int, error) {
	n, err := s.blobs.RemoveStagingBefore(t)
	if err != nil {
		return n, err
	}
	keys, err := s.blobs.KeysBefore(t)
	if err != nil {
		return n, err
	}
	for batch := range slices.Chunk(keys, purgeBatch) {
		named, err := store.ImportJobFiles(ctx, s.db, batch)
		if err != nil {
			return n, err
		}
		for _, key := range batch {
			if !named[key] {
				s.blobs.Remove(key)
				n++
			}
		}
	}
	return n, nil
}

// PurgeAndLog runs Purge and logs what it did; the app calls it at start
// and every PurgeInterval.
func (s *Service) PurgeAndLog(ctx context.Context) {
	res, err := s.Purge(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		slog.Error("import purge failed", "err", err, "jobs", res.Jobs, "orphans", res.Orphans)
	case res != PurgeResult{}:
		slog.Info("import purge", "jobs", res.Jobs, "orphans", res.Orphans)
	}
}
