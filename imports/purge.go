package imports

import (
	"context"
	"log/slog"
	"time"

	"github.com/xiber/netos/store"
)

// PurgeGrace is how long after its expiry a job and its files are kept, so
// that a commit that began just before the expiry still finds its rows.
const PurgeGrace = time.Hour

// purgeBatch is how many jobs one round of a purge deletes.
const purgeBatch = 500

// Purge deletes the import jobs that expired more than PurgeGrace ago, with
// their files (the upload and the kept rows), and answers how many. Files
// go first: a purge cut short leaves a job that is expired anyway, never a
// file no job names. An expired job can no longer be committed, and the
// audit log keeps who previewed and committed what.
func (s *Service) Purge(ctx context.Context) (int, error) {
	purged := 0
	for {
		jobs, err := store.ExpiredImportJobs(ctx, s.db, s.now().Add(-PurgeGrace), purgeBatch)
		if err != nil || len(jobs) == 0 {
			return purged, err
		}
		ids := make([]string, len(jobs))
		for i, job := range jobs {
			s.blobs.Remove(job.ID)
			s.blobs.Remove(job.BlobKey)
			ids[i] = job.ID
		}
		if err := store.DeleteImportJobs(ctx, s.db, ids); err != nil {
			return purged, err
		}
		purged += len(jobs)
	}
}

// PurgeAndLog runs Purge and logs what it did; the app calls it at start
// and every PurgeInterval.
func (s *Service) PurgeAndLog(ctx context.Context) {
	n, err := s.Purge(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		slog.Error("import job purge failed", "err", err, "purged", n)
	case n > 0:
		slog.Info("import job purge", "purged", n)
	}
}
