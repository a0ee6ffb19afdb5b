package rest

import (
	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/documents"
	"github.com/xiber/netos/feedback"
)

// mountExtras mounts the documents, feedback and OpenAPI routes; they live
// in their own files, and Routes calls this after the inventory routes.
// Either service may be nil (tools that build the API without them).
func (a *API) mountExtras(r chi.Router) {
	if a.deps.Documents != nil {
		r.Post("/rf-links/{rf_link_id}/documents", a.uploadDocument(documents.OwnerRFLink, "rf_link_id"))
		r.Post("/electrical-services/{electrical_service_id}/documents", a.uploadDocument(documents.OwnerElectrical, "electrical_service_id"))
		r.Get("/documents/{document_id}", a.downloadDocument)
	}
	if a.deps.Feedback != nil {
		r.Get("/feedback", listHandler(feedbackFilter, a.deps.Feedback.List, asIs[feedback.Item]))
		r.Post("/feedback", a.createFeedback)
		r.Get("/feedback/{feedback_id}", a.getFeedback)
		r.Patch("/feedback/{feedback_id}", a.updateFeedback)
		r.Post("/feedback/{feedback_id}/comments", a.addFeedbackComment)
	}
}
