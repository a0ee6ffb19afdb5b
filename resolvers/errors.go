package resolvers

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/models"
)

// codes is the allow-list of the error vocabulary GraphQL clients see, as
// extensions.code; every other error is logged and shown as "internal error".
var codes = []struct {
	err     error
	code    string
	message string
}{
	{models.ErrUnauthenticated, "UNAUTHENTICATED", "unauthenticated"},
	{models.ErrForbidden, "FORBIDDEN", "your role may not do this"},
	{models.ErrNotFound, "NOT_FOUND", "not found"},
	{models.ErrInvalid, "INVALID", ""},
	{models.ErrStale, "STALE", "the record changed since the version you read"},
	{models.ErrConflict, "CONFLICT", ""},
	{models.ErrTooLarge, "TOO_LARGE", "too large"},
	{models.ErrUnsupportedType, "UNSUPPORTED_TYPE", "unsupported type"},
}

// codeOf finds err's vocabulary code and the message safe to show.
func codeOf(err error) (code, message string, ok bool) {
	for _, c := range codes {
		if errors.Is(err, c.err) {
			msg := c.message
			var ve *models.ValidationError
			var ce *models.ConflictError
			switch {
			case errors.As(err, &ve):
				msg = validationMessage(ve)
			case errors.As(err, &ce):
				msg = ce.Message
			case msg == "":
				msg = strings.ToLower(c.code)
			}
			return c.code, msg, true
		}
	}
	return "", "", false
}

func validationMessage(ve *models.ValidationError) string {
	parts := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		if f.Field == "" {
			parts[i] = f.Message
			continue
		}
		parts[i] = camelPath(f.Field) + ": " + f.Message
	}
	return strings.Join(parts, "; ")
}

// PresentError is the error presenter: GraphQL's own errors (syntax,
// validation, limits) pass as they are; resolver errors pass only with an
// allow-listed code; anything else is logged with the request ID and shown
// as "internal error".
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		return gqlErr
	}
	out := graphql.DefaultErrorPresenter(ctx, err)
	code, msg, ok := codeOf(err)
	if !ok {
		slog.ErrorContext(ctx, "graphql error", "request_id", audit.RequestFrom(ctx).ID, "path", out.Path.String(), "error", err)
		code, msg = "INTERNAL", "internal error"
	}
	out.Message = msg
	out.Err = nil
	out.Extensions = map[string]any{"code": code}
	return out
}

// Recover turns a panic in a resolver into an "internal error", logged with
// the request ID; the stack never reaches the client.
func Recover(ctx context.Context, v any) error {
	slog.ErrorContext(ctx, "graphql panic", "request_id", audit.RequestFrom(ctx).ID, "panic", v)
	return &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": "INTERNAL"}}
}

// userErrors turns a write's error into the payload's userErrors; errors
// that are not the client's input (auth, internal) stay top-level errors.
func userErrors(err error) ([]*model.UserError, error) {
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		out := make([]*model.UserError, len(ve.Fields))
		for i, f := range ve.Fields {
			out[i] = &model.UserError{Message: f.Message, Code: "INVALID"}
			if f.Field != "" {
				field := camelPath(f.Field)
				out[i].Field = &field
			}
		}
		return out, nil
	}
	field := func(s string) *string { return &s }
	switch code, msg, _ := codeOf(err); code {
	case "CONFLICT":
		return []*model.UserError{{Message: msg, Code: code}}, nil
	case "NOT_FOUND":
		return []*model.UserError{{Field: field("id"), Message: msg, Code: code}}, nil
	case "STALE":
		return []*model.UserError{{Field: field("version"), Message: msg, Code: code}}, nil
	case "INVALID":
		return []*model.UserError{{Message: msg, Code: code}}, nil
	}
	return nil, err
}
