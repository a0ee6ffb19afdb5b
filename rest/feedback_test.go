package rest_test

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xiber/netos/app"
	"github.com/xiber/netos/feedback"
	"github.com/xiber/netos/feedback/smtptest"
)

type commentJSON struct {
	ID          string `json:"id"`
	Body        string `json:"body"`
	Public      bool   `json:"public"`
	Author      string `json:"author"`
	CreatedAt   string `json:"created_at"`
	NotifyState string `json:"notify_state"`
}

type feedbackJSON struct {
	ID             string        `json:"id"`
	Title          string        `json:"title"`
	Priority       string        `json:"priority"`
	Status         string        `json:"status"`
	RequesterEmail string        `json:"requester_email"`
	Version        int64         `json:"version"`
	Comments       []commentJSON `json:"comments"`
}

func TestFeedbackQueue(t *testing.T) {
	a := newExtrasApp(t, t.TempDir(), nil)

	var f feedbackJSON
	r := xjson(t, a, "pm", "POST", "/api/v1/feedback", `{"title": "Show ETF on the circuit list", "description": "Finance asks", "requester_email": "dana@xiber.example"}`).is(t, 201)
	r.json(t, &f)
	if f.Priority != "normal" || f.Status != "new" || f.Comments == nil || len(f.Comments) != 0 || r.header.Get("ETag") != `"1"` {
		t.Fatalf("created %+v (ETag %s)", f, r.header.Get("ETag"))
	}
	xjson(t, a, "pm", "POST", "/api/v1/feedback", `{"title": "Urgent one", "priority": "urgent", "status": "triaged"}`).is(t, 201)

	t.Run("create checks the schema", func(t *testing.T) {
		xjson(t, a, "pm", "POST", "/api/v1/feedback", `{"description": "no title"}`).is(t, 422)
		xjson(t, a, "pm", "POST", "/api/v1/feedback", `{"title": "x", "priority": "asap"}`).is(t, 422)
		xjson(t, a, "pm", "POST", "/api/v1/feedback", `{"title": "x", "requester_email": "not-an-email"}`).is(t, 422)
		xjson(t, a, "pm", "POST", "/api/v1/feedback", `{"title": "x", "votes": 3}`).is(t, 422)
		xjson(t, a, "sales", "POST", "/api/v1/feedback", `{"title": "x"}`).is(t, 403)
	})

	t.Run("the list filters by status and priority and counts", func(t *testing.T) {
		var list []feedbackJSON
		r := xjson(t, a, "read_only", "GET", "/api/v1/feedback?priority=urgent", "").is(t, 200)
		r.json(t, &list)
		if len(list) != 1 || list[0].Title != "Urgent one" || r.header.Get("X-Total-Count") != "1" {
			t.Fatalf("urgent list %+v total %s", list, r.header.Get("X-Total-Count"))
		}
		r = xjson(t, a, "read_only", "GET", "/api/v1/feedback?status=new&limit=1", "").is(t, 200)
		r.json(t, &list)
		if len(list) != 1 || list[0].ID != f.ID || r.header.Get("X-Total-Count") != "1" {
			t.Fatalf("new list %+v", list)
		}
		r = xjson(t, a, "read_only", "GET", "/api/v1/feedback?limit=1", "").is(t, 200)
		if r.header.Get("X-Total-Count") != "2" {
			t.Fatalf("total %s", r.header.Get("X-Total-Count"))
		}
		xjson(t, a, "read_only", "GET", "/api/v1/feedback?status=open", "").is(t, 422)
	})

	t.Run("patch honours If-Match", func(t *testing.T) {
		var got feedbackJSON
		r := xjson(t, a, "pm", "PATCH", "/api/v1/feedback/"+f.ID, `{"status": "in_progress", "priority": "high"}`, `If-Match: "1"`).is(t, 200)
		r.json(t, &got)
		if got.Status != "in_progress" || got.Priority != "high" || got.Version != 2 || r.header.Get("ETag") != `"2"` {
			t.Fatalf("patched %+v", got)
		}
		xjson(t, a, "pm", "PATCH", "/api/v1/feedback/"+f.ID, `{"status": "done"}`, `If-Match: "1"`).is(t, 412)
		xjson(t, a, "pm", "PATCH", "/api/v1/feedback/"+f.ID, `{"status": "closed"}`).is(t, 422)
		xjson(t, a, "pm", "PATCH", "/api/v1/feedback/"+f.ID, `{"title": null}`).is(t, 422)
		xjson(t, a, "pm", "PATCH", "/api/v1/feedback/6f1c1a5e-8b4e-4d3f-9a57-1a2b3c4d5e6f", `{"status": "done"}`).is(t, 404)
	})

	t.Run("comments are stored with their author and listed", func(t *testing.T) {
		var c commentJSON
		xjson(t, a, "pm", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"body": "Looking into it", "public": true}`, "x-user-email: lee@xiber.example").is(t, 201).json(t, &c)
		if c.Author != "lee@xiber.example" || !c.Public || c.NotifyState != feedback.NotifyNone {
			t.Fatalf("comment %+v (no SMTP: state none)", c)
		}
		xjson(t, a, "pm", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"body": "internal note"}`).is(t, 201)
		xjson(t, a, "pm", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"body": "  "}`).is(t, 422)
		xjson(t, a, "pm", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"public": true}`).is(t, 422)
		xjson(t, a, "pm", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"body": "x", "pin": true}`).is(t, 422)
		xjson(t, a, "read_only", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"body": "x"}`).is(t, 403)
		xjson(t, a, "pm", "POST", "/api/v1/feedback/6f1c1a5e-8b4e-4d3f-9a57-1a2b3c4d5e6f/comments", `{"body": "x"}`).is(t, 404)
		var list []feedbackJSON
		xjson(t, a, "read_only", "GET", "/api/v1/feedback?status=in_progress", "").is(t, 200).json(t, &list)
		if len(list) != 1 || len(list[0].Comments) != 2 || list[0].Comments[0].Body != "Looking into it" || list[0].Comments[1].Public {
			t.Fatalf("listed %+v", list)
		}
	})
}

func TestPublicCommentIsEmailedThroughSMTPWithRetry(t *testing.T) {
	smtpd := smtptest.Start(t, 1) // refuses the first delivery
	a := newExtrasApp(t, t.TempDir(), func(c *app.Config) {
		c.Extras.SMTPURL = smtpd.URL
		c.Extras.SMTPFrom = "netos@xiber.example"
		c.Extras.Notify = feedback.SenderOptions{
			Interval: 20 * time.Millisecond,
			Backoff:  func(int) time.Duration { return 50 * time.Millisecond },
			Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		}
	})
	var f feedbackJSON
	xjson(t, a, "pm", "POST", "/api/v1/feedback", `{"title": "Map colours", "requester_name": "Dana", "requester_email": "dana@xiber.example"}`).is(t, 201).json(t, &f)
	var c commentJSON
	xjson(t, a, "pm", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"body": "Done: new palette is live.", "public": true}`).is(t, 201).json(t, &c)
	if c.NotifyState != feedback.NotifyPending {
		t.Fatalf("state %q, want pending", c.NotifyState)
	}
	var private commentJSON
	xjson(t, a, "pm", "POST", "/api/v1/feedback/"+f.ID+"/comments", `{"body": "internal", "public": false}`).is(t, 201).json(t, &private)
	if private.NotifyState != feedback.NotifyNone {
		t.Fatalf("private state %q", private.NotifyState)
	}

	deadline := time.Now().Add(10 * time.Second)
	for {
		var got feedbackJSON
		xjson(t, a, "read_only", "GET", "/api/v1/feedback/"+f.ID, "").is(t, http.StatusOK).json(t, &got)
		if got.Comments[0].NotifyState == feedback.NotifySent {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not sent in time: %+v (server attempts %d)", got.Comments, smtpd.Attempts())
		}
		time.Sleep(20 * time.Millisecond)
	}
	msgs := smtpd.Messages()
	if smtpd.Attempts() != 2 || len(msgs) != 1 {
		t.Fatalf("attempts %d messages %d; want a refusal then one delivery", smtpd.Attempts(), len(msgs))
	}
	if msgs[0].To[0] != "dana@xiber.example" || msgs[0].From != "netos@xiber.example" || !strings.Contains(string(msgs[0].Data), "Done: new palette is live.") {
		t.Fatalf("message %+v\n%s", msgs[0], msgs[0].Data)
	}
}
