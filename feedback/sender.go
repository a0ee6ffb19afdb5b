package feedback

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"mime"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// SenderOptions tune the background sender. Zero values take the defaults.
type SenderOptions struct {
	From string
	// Interval between scans for pending notifications (default 30 s).
	Interval time.Duration
	// MaxAttempts before a notification is marked failed (default 5).
	MaxAttempts int
	// Backoff is the wait after failed attempt n (1-based) before the next;
	// default 1 min doubling, capped at 1 h.
	Backoff func(attempt int) time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Logger receives delivery failures (default slog.Default()).
	Logger *slog.Logger
}

// Sender delivers pending comment notifications: each attempt is claimed in
// the database first, then sent; a success marks the comment sent, a
// failure stores the error and waits Backoff(attempts) before the next try,
// and after MaxAttempts the comment is marked failed. The comment itself is
// never touched otherwise.
type Sender struct {
	db     *store.DB
	mailer Mailer
	o      SenderOptions

	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
}

// NewSender builds a sender; Start runs it.
func NewSender(db *store.DB, mailer Mailer, o SenderOptions) *Sender {
	if o.Interval <= 0 {
		o.Interval = 30 * time.Second
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.Backoff == nil {
		o.Backoff = DefaultBackoff
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.From == "" {
		o.From = "netos@localhost"
	}
	return &Sender{db: db, mailer: mailer, o: o}
}

// DefaultBackoff waits 1 min after the first failure, doubling to at most 1 h.
func DefaultBackoff(attempt int) time.Duration {
	d := time.Minute
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// Start runs the sender in the background until Stop.
func (s *Sender) Start() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.done = cancel, make(chan struct{})
	go func() {
		defer close(s.done)
		t := time.NewTicker(s.o.Interval)
		defer t.Stop()
		for {
			if _, err := s.RunOnce(ctx); err != nil && ctx.Err() == nil {
				s.o.Logger.Error("feedback notifications", "err", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

// Stop ends the background loop and waits for it.
func (s *Sender) Stop() {
	s.mu.Lock()
	cancel, done := s.cancel, s.done
	s.cancel = nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// RunOnce makes one pass over the pending notifications that are due and
// reports how many were sent.
func (s *Sender) RunOnce(ctx context.Context) (int, error) {
	pending, err := store.PendingNotifications(ctx, s.db, 100)
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, c := range pending {
		if ctx.Err() != nil {
			return sent, ctx.Err()
		}
		now := s.o.Now().UTC()
		if c.NotifyTries > 0 && c.NotifiedAt != nil && now.Before(c.NotifiedAt.Add(s.o.Backoff(c.NotifyTries))) {
			continue
		}
		ok, err := s.deliver(ctx, c, now)
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

// deliver makes one attempt for c; it reports whether the email went out.
func (s *Sender) deliver(ctx context.Context, c models.FeedbackComment, now time.Time) (bool, error) {
	claimed, err := store.ClaimNotification(ctx, s.db, c.ID, c.NotifyTries, now)
	if err != nil || !claimed {
		return false, err
	}
	attempt := c.NotifyTries + 1
	f, err := store.Get[models.Feedback](ctx, s.db, c.FeedbackID)
	if err != nil || f.RequesterEmail == "" {
		// The request is gone or has no address any more: nothing to send.
		return false, store.SetNotification(ctx, s.db, c.ID, NotifyNone, "", now)
	}
	sendErr := s.mailer.Send(ctx, s.o.From, []string{f.RequesterEmail}, bytes.NewReader(s.message(f, &c, now)))
	if sendErr == nil {
		return true, store.SetNotification(ctx, s.db, c.ID, NotifySent, "", s.o.Now().UTC())
	}
	state := NotifyPending
	if attempt >= s.o.MaxAttempts {
		state = NotifyFailed
	}
	s.o.Logger.Warn("feedback notification failed", "comment_id", c.ID, "feedback_id", c.FeedbackID,
		"attempt", attempt, "max_attempts", s.o.MaxAttempts, "state", state, "err", sendErr)
	msg := sendErr.Error()
	if len(msg) > 1000 {
		msg = msg[:1000]
	}
	return false, store.SetNotification(ctx, s.db, c.ID, state, msg, now)
}

// message is the RFC 5322 email for a comment.
func (s *Sender) message(f *models.Feedback, c *models.FeedbackComment, now time.Time) []byte {
	var b bytes.Buffer
	subject := mime.QEncoding.Encode("utf-8", headerText("Update on your NetOS request: "+f.Title))
	to := headerText(f.RequesterEmail)
	if f.RequesterName != "" {
		to = mime.QEncoding.Encode("utf-8", headerText(f.RequesterName)) + " <" + to + ">"
	}
	fmt.Fprintf(&b, "From: %s\r\n", headerText(s.o.From))
	fmt.Fprintf(&b, "To: %s\r\n", to)
	fmt.Fprintf(&b, "Subject: %s\r\n", subject)
	fmt.Fprintf(&b, "Date: %s\r\n", now.Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@netos>\r\n", uuid.NewString())
	fmt.Fprintf(&b, "X-NetOS-Feedback-ID: %s\r\n", f.ID)
	fmt.Fprintf(&b, "X-NetOS-Comment-ID: %s\r\n", c.ID)
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	body := fmt.Sprintf("%s wrote on your request %q (status: %s):\n\n%s\n", headerText(c.Author), f.Title, f.Status, c.Body)
	body = normalizeNewlines(body)
	b.WriteString(body)
	return b.Bytes()
}

// normalizeNewlines makes every line end CRLF, as RFC 5322 requires; the
// SMTP client's DATA writer dot-stuffs lines that start with a dot.
func normalizeNewlines(s string) string {
	out := make([]byte, 0, len(s)+16)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			out = append(out, '\r', '\n')
		case '\n':
			out = append(out, '\r', '\n')
		default:
			out = append(out, s[i])
		}
	}
	return string(out)
}
