package feedback_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/xiber/netos/apptest"
	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/feedback"
	"github.com/xiber/netos/feedback/smtptest"
	"github.com/xiber/netos/network"
)

// setup builds the service and a sender on a real database and a real
// SMTP server that refuses the first reject deliveries.
func setup(t *testing.T, reject, maxAttempts int) (*feedback.Service, *feedback.Sender, *smtptest.Server, *apptest.Clock, context.Context) {
	t.Helper()
	db := apptest.DB(t)
	clock := &apptest.Clock{T: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	svc := feedback.New(db, audit.New(clock.Now), clock.Now, true)
	srv := smtptest.Start(t, reject)
	mailer, err := feedback.NewSMTPMailer(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	sender := feedback.NewSender(db, mailer, feedback.SenderOptions{
		From: "netos@xiber.example", MaxAttempts: maxAttempts, Now: clock.Now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	ctx := auth.WithPrincipal(context.Background(), auth.Principal{User: "pm@xiber.example", Role: auth.PM})
	return svc, sender, srv, clock, ctx
}

func newRequest(t *testing.T, ctx context.Context, svc *feedback.Service, email string) string {
	t.Helper()
	v := network.Values{"title": "Show ETF on the list", "requester_name": "Dana Ruiz"}
	if email != "" {
		v["requester_email"] = email
	}
	item, err := svc.Create(ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	return item.ID
}

func TestSenderRetriesAfterBackoffThenDelivers(t *testing.T) {
	svc, sender, srv, clock, ctx := setup(t, 1, 5)
	id := newRequest(t, ctx, svc, "dana@xiber.example")
	c, err := svc.AddComment(ctx, id, feedback.CommentInput{Body: "Shipped in today's release.\n.\nThanks!", Public: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.NotifyState != feedback.NotifyPending {
		t.Fatalf("new public comment state %q, want pending", c.NotifyState)
	}

	if n, err := sender.RunOnce(ctx); err != nil || n != 0 {
		t.Fatalf("first pass sent %d, err %v; the server refuses it", n, err)
	}
	got, _ := svc.Comment(ctx, c.ID)
	if got.NotifyState != feedback.NotifyPending || got.NotifyTries != 1 || !strings.Contains(got.NotifyError, "451") {
		t.Fatalf("after a refused attempt: state %q tries %d error %q", got.NotifyState, got.NotifyTries, got.NotifyError)
	}

	if n, _ := sender.RunOnce(ctx); n != 0 || srv.Attempts() != 1 {
		t.Fatalf("a pass inside the backoff sent %d (attempts %d); it must wait", n, srv.Attempts())
	}

	clock.T = clock.T.Add(feedback.DefaultBackoff(1))
	if n, err := sender.RunOnce(ctx); err != nil || n != 1 {
		t.Fatalf("pass after the backoff sent %d, err %v", n, err)
	}
	got, _ = svc.Comment(ctx, c.ID)
	if got.NotifyState != feedback.NotifySent || got.NotifyError != "" || got.NotifyTries != 2 {
		t.Fatalf("after delivery: state %q tries %d error %q", got.NotifyState, got.NotifyTries, got.NotifyError)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "dana@xiber.example" || msgs[0].From != "netos@xiber.example" {
		t.Fatalf("messages %+v", msgs)
	}
	data := string(msgs[0].Data)
	for _, want := range []string{"To: Dana Ruiz <dana@xiber.example>", "Subject: ", "Shipped in today's release.\r\n.\r\nThanks!", "X-NetOS-Comment-ID: " + c.ID} {
		if !strings.Contains(data, want) {
			t.Errorf("message lacks %q:\n%s", want, data)
		}
	}
	if n, _ := sender.RunOnce(ctx); n != 0 || len(srv.Messages()) != 1 {
		t.Fatal("a sent notification was sent again")
	}
}

func TestSenderGivesUpAfterMaxAttemptsAndKeepsTheComment(t *testing.T) {
	svc, sender, srv, clock, ctx := setup(t, -1, 3)
	id := newRequest(t, ctx, svc, "dana@xiber.example")
	c, err := svc.AddComment(ctx, id, feedback.CommentInput{Body: "We are on it.", Public: true})
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		if _, err := sender.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
		clock.T = clock.T.Add(2 * time.Hour)
	}
	got, err := svc.Comment(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.NotifyState != feedback.NotifyFailed || got.NotifyTries != 3 || got.NotifyError == "" || srv.Attempts() != 3 {
		t.Fatalf("state %q tries %d error %q server attempts %d; want failed after 3", got.NotifyState, got.NotifyTries, got.NotifyError, srv.Attempts())
	}
	item, _ := svc.Get(ctx, id)
	if len(item.Comments) != 1 || item.Comments[0].Body != "We are on it." {
		t.Fatalf("the comment was lost: %+v", item.Comments)
	}
}

func TestCommentsThatNeedNoEmailAreNone(t *testing.T) {
	svc, _, _, _, ctx := setup(t, 0, 3)
	withEmail := newRequest(t, ctx, svc, "dana@xiber.example")
	noEmail := newRequest(t, ctx, svc, "")
	cases := []struct {
		name   string
		id     string
		public bool
	}{
		{"a private comment", withEmail, false},
		{"a public comment without requester email", noEmail, true},
	}
	for _, tc := range cases {
		t.Run(tc.name+" is not emailed", func(t *testing.T) {
			c, err := svc.AddComment(ctx, tc.id, feedback.CommentInput{Body: "note", Public: tc.public})
			if err != nil {
				t.Fatal(err)
			}
			if c.NotifyState != feedback.NotifyNone {
				t.Fatalf("state %q, want none", c.NotifyState)
			}
		})
	}
	t.Run("without SMTP a public comment is not emailed", func(t *testing.T) {
		plain := feedback.New(apptest.DB(t), audit.New(time.Now), time.Now, false)
		id := newRequest(t, ctx, plain, "dana@xiber.example")
		c, err := plain.AddComment(ctx, id, feedback.CommentInput{Body: "note", Public: true})
		if err != nil || c.NotifyState != feedback.NotifyNone {
			t.Fatalf("state %q err %v", c.NotifyState, err)
		}
	})
}

func TestSMTPURL(t *testing.T) {
	for _, bad := range []string{"http://mail", "smtp://", "smtp://[::1"} {
		if _, err := feedback.NewSMTPMailer(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for _, good := range []string{"smtp://mail.example", "smtp://user:pass@mail.example:2525", "smtps://mail.example", "smtp+starttls://mail.example"} {
		if _, err := feedback.NewSMTPMailer(good); err != nil {
			t.Errorf("%q: %v", good, err)
		}
	}
}
