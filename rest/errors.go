package rest

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/xiber/netos/models"
)

// errorDetail is one entry of a 422 body: {"loc": ["body", "field"], "msg", "type"}.
type errorDetail struct {
	Loc  []string `json:"loc"`
	Msg  string   `json:"msg"`
	Type string   `json:"type"`
}

// statusOf is the one table from the error vocabulary to HTTP status codes.
func statusOf(err error) int {
	switch {
	case errors.Is(err, models.ErrInvalid):
		return http.StatusUnprocessableEntity
	case errors.Is(err, models.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, models.ErrStale):
		return http.StatusConflict
	case errors.Is(err, models.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, models.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, models.ErrUnauthenticated):
		return http.StatusUnauthorized
	case errors.Is(err, models.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, models.ErrUnsupportedType):
		return http.StatusUnsupportedMediaType
	}
	return http.StatusInternalServerError
}

// WriteError answers err in the contract's error shape. loc is where field
// errors live ("body", "query", "path"). Anything outside the vocabulary is
// logged with the request ID and shown as "internal error".
func WriteError(w http.ResponseWriter, r *http.Request, err error, loc string) {
	status := statusOf(err)
	if status == http.StatusConflict && errors.Is(err, models.ErrStale) && r.Header.Get("If-Match") != "" {
		status = http.StatusPreconditionFailed
	}
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		details := make([]errorDetail, len(ve.Fields))
		for i, f := range ve.Fields {
			l := []string{loc}
			if f.Field != "" {
				l = append(l, splitPath(f.Field)...)
			}
			details[i] = errorDetail{Loc: l, Msg: f.Message, Type: f.Type}
		}
		writeJSON(w, status, map[string]any{"detail": details})
		return
	}
	if status == http.StatusInternalServerError {
		slog.ErrorContext(r.Context(), "request failed", "err", err, "request_id", w.Header().Get("X-Request-ID"), "path", r.URL.Path)
		writeJSON(w, status, map[string]any{"detail": "internal error"})
		return
	}
	body := map[string]any{"detail": publicMessage(err)}
	var ce *models.ConflictError
	if errors.As(err, &ce) && len(ce.Path) > 0 {
		body["path"] = ce.Path
	}
	writeJSON(w, status, body)
}

// publicMessage is the innermost vocabulary message with its context: the
// wrapped chain is built by the domain and carries no SQL or driver text,
// because the store translates driver errors before they travel.
func publicMessage(err error) string {
	var ce *models.ConflictError
	if errors.As(err, &ce) {
		return ce.Message
	}
	return err.Error()
}

func splitPath(field string) []string {
	var out []string
	start := 0
	for i := 0; i < len(field); i++ {
		if field[i] == '.' {
			out = append(out, field[start:i])
			start = i + 1
		}
	}
	return append(out, field[start:])
}
