package resolvers

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/imports"
	"github.com/xiber/netos/models"
)

// mappingOf reads a columnMapping argument: a JSON object of header →
// field name or null (null ignores the column).
func mappingOf(v any) (map[string]string, error) {
	if v == nil {
		return nil, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, models.Invalid("columnMapping", "type_error", "must be an object of header → field or null")
	}
	out := make(map[string]string, len(obj))
	for header, field := range obj {
		switch f := field.(type) {
		case nil:
			out[header] = ""
		case string:
			out[header] = f
		default:
			return nil, models.Invalid("columnMapping", "type_error", "%q must map to a field name or null", header)
		}
	}
	return out, nil
}

func (r *Resolver) previewImport(ctx context.Context, file graphql.Upload, sheet *string, columnMapping any) (*model.ImportJobPayload, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	mapping, err := mappingOf(columnMapping)
	if err == nil && file.Size > r.imports.MaxUploadBytes() {
		err = fmt.Errorf("the upload is over %d bytes: %w", r.imports.MaxUploadBytes(), models.ErrTooLarge)
	}
	var job *imports.Job
	if err == nil {
		in := imports.PreviewInput{Mapping: mapping}
		if sheet != nil {
			in.Sheet = *sheet
		}
		job, err = r.imports.Preview(ctx, file.Filename, file.File, in)
	}
	if err != nil {
		ue, err := userErrors(err)
		return &model.ImportJobPayload{UserErrors: ue}, err
	}
	return &model.ImportJobPayload{Job: job, UserErrors: noUserErrors()}, nil
}

func (r *Resolver) commitImport(ctx context.Context, id string, columnMapping any) (*model.ImportCommitPayload, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	mapping, err := mappingOf(columnMapping)
	var res *imports.CommitResult
	if err == nil {
		res, err = r.imports.Commit(ctx, normalID(id), mapping)
	}
	if err != nil {
		ue, err := userErrors(err)
		return &model.ImportCommitPayload{UserErrors: ue}, err
	}
	return &model.ImportCommitPayload{Result: res, UserErrors: noUserErrors()}, nil
}
