package rest

import (
	"net/http"

	"github.com/xiber/netos/feedback"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
	"github.com/xiber/netos/store"
)

func feedbackFilter(q *params) store.FeedbackFilter {
	return store.FeedbackFilter{
		Status:   q.enums("status", models.FeedbackStatuses),
		Priority: q.enums("priority", models.FeedbackPriorities),
		Page:     q.page(),
	}
}

func (a *API) createFeedback(w http.ResponseWriter, r *http.Request) {
	v, err := decodeValues(w, r, network.FeedbackSchema)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	item, err := a.deps.Feedback.Create(r.Context(), v)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	w.Header().Set("Location", "/api/v1/feedback/"+item.ID)
	setETag(w, item.Version)
	writeJSON(w, http.StatusCreated, item)
}

func (a *API) getFeedback(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "feedback_id")
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	item, err := a.deps.Feedback.Get(r.Context(), id)
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	setETag(w, item.Version)
	writeJSON(w, http.StatusOK, item)
}

func (a *API) updateFeedback(w http.ResponseWriter, r *http.Request) {
	id, ifVersion, ok := itemPreconditions(w, r, "feedback_id")
	if !ok {
		return
	}
	v, err := decodeValues(w, r, network.FeedbackSchema)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	item, err := a.deps.Feedback.Update(r.Context(), id, v, ifVersion)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	setETag(w, item.Version)
	writeJSON(w, http.StatusOK, item)
}

// commentInput is the body of POST /feedback/{id}/comments; public
// defaults to false, so nothing is emailed unless asked for.
type commentInput struct {
	Body   *string `json:"body"`
	Public *bool   `json:"public"`
}

func (a *API) addFeedbackComment(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "feedback_id")
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	var in commentInput
	if err := decodeStrict(w, r, &in); err != nil {
		WriteError(w, r, err, "body")
		return
	}
	if in.Body == nil {
		WriteError(w, r, models.Invalid("body", "missing", "is required"), "body")
		return
	}
	c, err := a.deps.Feedback.AddComment(r.Context(), id, feedback.CommentInput{Body: *in.Body, Public: in.Public != nil && *in.Public})
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeJSON(w, http.StatusCreated, c)
}
