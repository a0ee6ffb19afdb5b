// Package feedback is the product feedback queue: requests with a priority
// and status, and progress comments. A public comment is emailed to the
// requester by a background Sender; the comment is stored first with its
// delivery state, so a failed email is retried and never loses the comment.
package feedback

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/store"
)

// Delivery states of a comment's email (models.FeedbackComment.NotifyState).
const (
	NotifyNone    = "none"    // private comment, no SMTP, or no requester email
	NotifyPending = "pending" // waiting for the sender
	NotifySent    = "sent"
	NotifyFailed  = "failed" // gave up after the last attempt
)

// MaxCommentBytes caps a comment body.
const MaxCommentBytes = 20000

// Service is the feedback queue's domain service.
type Service struct {
	db    *store.DB
	audit *audit.Log
	now   func() time.Time
	// notify is true when email is configured: public comments to a
	// requester with an address then wait for the sender.
	notify bool
}

// New builds the service; notify says whether email is configured.
func New(db *store.DB, log *audit.Log, now func() time.Time, notify bool) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{db: db, audit: log, now: now, notify: notify}
}

func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// Item is a request with its comments.
type Item struct {
	models.Feedback
	Comments []models.FeedbackComment `json:"comments"`
}

// Create adds a request; priority defaults to normal and status to new.
// Errors: ErrUnauthenticated, ErrForbidden, ErrInvalid.
func (s *Service) Create(ctx context.Context, v network.Values) (*Item, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	if err := network.FeedbackSchema.RequireAll(v); err != nil {
		return nil, err
	}
	now := s.clock()
	f := &models.Feedback{
		Record:   models.Record{ID: models.NewID(), CreatedAt: now, UpdatedAt: now, Version: 1},
		Priority: "normal", Status: "new",
	}
	apply(f, v)
	if err := check(f); err != nil {
		return nil, err
	}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := store.Insert(ctx, tx, f); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, "create", "feedback", f.ID, audit.Diff(nil, f))
	})
	if err != nil {
		return nil, err
	}
	return &Item{Feedback: *f, Comments: []models.FeedbackComment{}}, nil
}

// Update changes a request; ifVersion, when given, must be the stored
// version. Errors: ErrUnauthenticated, ErrForbidden, ErrInvalid,
// ErrNotFound, ErrStale.
func (s *Service) Update(ctx context.Context, id string, v network.Values, ifVersion *int64) (*Item, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	var f *models.Feedback
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		cur, err := store.Get[models.Feedback](ctx, tx, id)
		if err != nil {
			return err
		}
		if ifVersion != nil && *ifVersion != cur.Version {
			return fmt.Errorf("feedback %s is at version %d, not %d: %w", id, cur.Version, *ifVersion, models.ErrStale)
		}
		before := *cur
		apply(cur, v)
		if err := check(cur); err != nil {
			return err
		}
		f = cur
		changes := audit.Diff(&before, cur)
		if len(changes) == 0 {
			return nil
		}
		cur.Version++
		cur.UpdatedAt = s.clock()
		if err := store.Update(ctx, tx, cur); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, "update", "feedback", id, changes)
	})
	if err != nil {
		return nil, err
	}
	return s.withComments(ctx, f)
}

// apply copies the given schema values onto f; nil clears a text field.
func apply(f *models.Feedback, v network.Values) {
	for name := range v {
		val := v.String(name)
		switch name {
		case "title":
			f.Title = strings.TrimSpace(val)
		case "description":
			f.Description = val
		case "priority":
			f.Priority = val
		case "status":
			f.Status = val
		case "requester_name":
			f.RequesterName = val
		case "requester_email":
			f.RequesterEmail = val
		}
	}
}

func check(f *models.Feedback) error {
	if f.Title == "" {
		return models.Invalid("title", "missing", "is required")
	}
	return nil
}

// Get loads one live request with its comments. Errors: ErrUnauthenticated, ErrNotFound.
func (s *Service) Get(ctx context.Context, id string) (*Item, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	f, err := store.Get[models.Feedback](ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	return s.withComments(ctx, f)
}

func (s *Service) withComments(ctx context.Context, f *models.Feedback) (*Item, error) {
	cs, err := store.FeedbackComments(ctx, s.db, []string{f.ID})
	if err != nil {
		return nil, err
	}
	if cs == nil {
		cs = []models.FeedbackComment{}
	}
	return &Item{Feedback: *f, Comments: cs}, nil
}

// List lists the queue, newest first, each with its comments (two queries
// for the page), and the count of all that match. Errors: ErrUnauthenticated.
func (s *Service) List(ctx context.Context, f store.FeedbackFilter) ([]Item, int, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, 0, err
	}
	fs, total, err := store.ListFeedback(ctx, s.db, f)
	if err != nil {
		return nil, 0, err
	}
	ids := make([]string, len(fs))
	for i := range fs {
		ids[i] = fs[i].ID
	}
	cs, err := store.FeedbackComments(ctx, s.db, ids)
	if err != nil {
		return nil, 0, err
	}
	byID := make(map[string][]models.FeedbackComment, len(fs))
	for _, c := range cs {
		byID[c.FeedbackID] = append(byID[c.FeedbackID], c)
	}
	out := make([]Item, len(fs))
	for i := range fs {
		out[i] = Item{Feedback: fs[i], Comments: byID[fs[i].ID]}
		if out[i].Comments == nil {
			out[i].Comments = []models.FeedbackComment{}
		}
	}
	return out, total, nil
}

// CommentInput is a new comment.
type CommentInput struct {
	Body   string
	Public bool
}

// AddComment stores a comment by the caller. A public comment on a request
// with a requester email is queued for the sender (notify_state pending)
// when email is configured; otherwise its state is none. Errors:
// ErrUnauthenticated, ErrForbidden, ErrInvalid, ErrNotFound.
func (s *Service) AddComment(ctx context.Context, feedbackID string, in CommentInput) (*models.FeedbackComment, error) {
	p, err := auth.RequireWrite(ctx)
	if err != nil {
		return nil, err
	}
	body := strings.TrimSpace(in.Body)
	switch {
	case body == "":
		return nil, models.Invalid("body", "missing", "is required")
	case len(body) > MaxCommentBytes:
		return nil, models.Invalid("body", "too_long", "must be at most %d bytes", MaxCommentBytes)
	}
	author := p.User
	if author == "" {
		author = string(p.Role)
	}
	c := &models.FeedbackComment{
		ID: models.NewID(), FeedbackID: feedbackID, Body: body, Public: in.Public,
		Author: author, CreatedAt: s.clock(), NotifyState: NotifyNone,
	}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		f, err := store.Get[models.Feedback](ctx, tx, feedbackID)
		if err != nil {
			return err
		}
		if s.notify && c.Public && f.RequesterEmail != "" {
			c.NotifyState = NotifyPending
		}
		if err := store.Insert(ctx, tx, c); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, "add_comment", "feedback", feedbackID, models.Changes{
			"comments": {Before: nil, After: map[string]any{"id": c.ID, "public": c.Public, "notify_state": c.NotifyState}},
		})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// Comment loads one comment (delivery state included). Errors: ErrUnauthenticated, ErrNotFound.
func (s *Service) Comment(ctx context.Context, id string) (*models.FeedbackComment, error) {
	if _, err := auth.RequireRead(ctx); err != nil {
		return nil, err
	}
	return store.GetFeedbackComment(ctx, s.db, id)
}
