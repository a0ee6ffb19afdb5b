package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/xiber/netos/models"
)

// Import job statuses.
const (
	ImportPreviewed = "previewed"
	ImportCommitted = "committed"
)

// InsertImportJob stores a new import job.
func InsertImportJob(ctx context.Context, db bun.IDB, job *models.ImportJob) error {
	_, err := db.NewInsert().Model(job).Exec(ctx)
	return translate(err, "insert import job")
}

// ImportJob loads one import job by ID, whoever owns it and whether or not
// it has expired (the service decides who may see it); ErrNotFound when
// there is none.
func ImportJob(ctx context.Context, db bun.IDB, id string) (*models.ImportJob, error) {
	job := new(models.ImportJob)
	err := db.NewSelect().Model(job).Where("id = ?", id).Scan(ctx)
	if err != nil {
		return nil, translate(err, "import job "+id)
	}
	return job, nil
}

// MarkImportJobCommitted records a job's commit, only if it is still
// previewed: a job already committed (by this or a concurrent request) is
// ErrConflict, so a job commits at most once.
func MarkImportJobCommitted(ctx context.Context, db bun.IDB, id string, inserted, updated int, at time.Time) error {
	res, err := db.NewUpdate().Table("import_jobs").
		Set("status = ?", ImportCommitted).Set("inserted = ?", inserted).Set("updated = ?", updated).
		Set("committed_at = ?", at).
		Where("id = ?", id).Where("status = ?", ImportPreviewed).Exec(ctx)
	if err != nil {
		return translate(err, "commit import job "+id)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return translate(err, "commit import job "+id)
	}
	if n == 0 {
		return fmt.Errorf("import job %s: %w", id, models.Conflict("the import job has already been committed"))
	}
	return nil
}

// ExpiredImportJobs lists up to limit import jobs that expired before t,
// oldest first.
func ExpiredImportJobs(ctx context.Context, db bun.IDB, t time.Time, limit int) ([]models.ImportJob, error) {
	var jobs []models.ImportJob
	err := db.NewSelect().Model(&jobs).Where("expires_at < ?", t).Order("expires_at", "id").Limit(int64(limit)).Scan(ctx)
	return jobs, translate(err, "list expired import jobs")
}

// DeleteImportJobs deletes the import jobs with the given IDs.
func DeleteImportJobs(ctx context.Context, db bun.IDB, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := db.NewDelete().Model((*models.ImportJob)(nil)).Where("id IN (?)", bun.List(ids)).Exec(ctx)
	return translate(err, "delete import jobs")
}

// ImportJobFiles answers which of keys some import job names, as its
// upload or its kept rows (stored under the job's ID).
func ImportJobFiles(ctx context.Context, db bun.IDB, keys []string) (map[string]bool, error) {
	named := make(map[string]bool, len(keys))
	if len(keys) == 0 {
		return named, nil
	}
	var jobs []models.ImportJob
	err := db.NewSelect().Model(&jobs).Column("id", "blob_key").
		Where("id IN (?)", bun.List(keys)).WhereOr("blob_key IN (?)", bun.List(keys)).Scan(ctx)
	for _, job := range jobs {
		named[job.ID], named[job.BlobKey] = true, true
	}
	return named, translate(err, "find import job files")
}

// bulkCacheKiB is SQLite's page cache during a bulk write: enough to keep
// most of a large import's pages in memory instead of spilling them to
// the WAL mid-transaction.
const bulkCacheKiB = 64 << 10

// BulkWrite readies a transaction for a large write and returns what
// undoes it; call the undo before the transaction ends. On SQLite it
// enlarges the connection's page cache (the default is 2 MB); PostgreSQL
// needs nothing. The undo may run after a failed statement: on SQLite the
// transaction is still usable.
func BulkWrite(ctx context.Context, tx bun.IDB) (undo func() error, err error) {
	if tx.Dialect().Name() != dialect.SQLite {
		return func() error { return nil }, nil
	}
	var was int64
	if err := tx.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&was); err != nil {
		return nil, translate(err, "read the page cache size")
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", -bulkCacheKiB)); err != nil {
		return nil, translate(err, "enlarge the page cache")
	}
	return func() error {
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", was))
		return translate(err, "restore the page cache size")
	}, nil
}
