package store

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/models"
)

// FeedbackFilter narrows the feedback queue. Empty fields match everything.
type FeedbackFilter struct {
	Status   []string
	Priority []string
	Page
}

var feedbackOrders = map[string]bool{"created_at": true}

// ListFeedback lists live feedback requests, newest first, and counts all
// that match.
func ListFeedback(ctx context.Context, db bun.IDB, f FeedbackFilter) ([]models.Feedback, int, error) {
	var out []models.Feedback
	q := db.NewSelect().Model(&out).Where("?TableAlias.deleted_at IS NULL")
	if len(f.Status) > 0 {
		q = q.Where("?TableAlias.status IN (?)", bun.List(f.Status))
	}
	if len(f.Priority) > 0 {
		q = q.Where("?TableAlias.priority IN (?)", bun.List(f.Priority))
	}
	n, err := listed(ctx, q, Order{Column: "created_at", Desc: true}, feedbackOrders, "created_at", f.Page, "list feedback")
	return out, n, err
}

// FeedbackComments lists the comments of the given requests, oldest first.
func FeedbackComments(ctx context.Context, db bun.IDB, feedbackIDs []string) ([]models.FeedbackComment, error) {
	var out []models.FeedbackComment
	if len(feedbackIDs) == 0 {
		return out, nil
	}
	err := db.NewSelect().Model(&out).Where("feedback_id IN (?)", bun.List(feedbackIDs)).
		OrderExpr("created_at ASC, id ASC").Scan(ctx)
	if err != nil {
		return nil, translate(err, "list feedback comments")
	}
	return out, nil
}

// GetFeedbackComment loads one comment.
func GetFeedbackComment(ctx context.Context, db bun.IDB, id string) (*models.FeedbackComment, error) {
	c := new(models.FeedbackComment)
	if err := db.NewSelect().Model(c).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, translate(err, fmt.Sprintf("get feedback comment %s", id))
	}
	return c, nil
}

// PendingNotifications lists comments whose email is still to be sent,
// oldest first.
func PendingNotifications(ctx context.Context, db bun.IDB, limit int) ([]models.FeedbackComment, error) {
	var out []models.FeedbackComment
	err := db.NewSelect().Model(&out).Where("notify_state = ?", "pending").
		OrderExpr("created_at ASC, id ASC").Limit(int64(limit)).Scan(ctx)
	if err != nil {
		return nil, translate(err, "list pending notifications")
	}
	return out, nil
}

// ClaimNotification records the start of delivery attempt number
// attempts+1 of a pending comment. It reports false when another sender
// claimed that attempt first, so two senders never send the same attempt.
func ClaimNotification(ctx context.Context, db bun.IDB, id string, attempts int, at time.Time) (bool, error) {
	res, err := db.NewUpdate().Model((*models.FeedbackComment)(nil)).
		Set("notify_attempts = ?", attempts+1).Set("notified_at = ?", at).
		Where("id = ?", id).Where("notify_state = ?", "pending").Where("notify_attempts = ?", attempts).
		Exec(ctx)
	if err != nil {
		return false, translate(err, "claim notification "+id)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, translate(err, "claim notification "+id)
	}
	return n == 1, nil
}

// SetNotification stores the outcome of a delivery attempt.
func SetNotification(ctx context.Context, db bun.IDB, id, state, errText string, at time.Time) error {
	q := db.NewUpdate().Model((*models.FeedbackComment)(nil)).
		Set("notify_state = ?", state).Set("notified_at = ?", at).Where("id = ?", id)
	if errText == "" {
		q = q.Set("notify_error = NULL")
	} else {
		q = q.Set("notify_error = ?", errText)
	}
	_, err := q.Exec(ctx)
	return translate(err, "set notification "+id)
}
