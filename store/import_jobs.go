package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

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
