package resolvers

import (
	"context"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/graph/model"
	"github.com/xiber/netos/network"
)

// The write helpers shared by every mutation: check the caller may write
// (auth errors are top-level GraphQL errors), check the input against the
// record's domain schema, call the service, and turn input, conflict,
// not-found and stale errors into userErrors.

func noUserErrors() []*model.UserError { return []*model.UserError{} }

func createRecord[T any](ctx context.Context, schema *network.Schema, in map[string]any,
	create func(context.Context, network.Values) (*T, error)) (*T, []*model.UserError, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, nil, err
	}
	v, err := values(schema, in)
	if err != nil {
		ue, err := userErrors(err)
		return nil, ue, err
	}
	rec, err := create(ctx, v)
	if err != nil {
		ue, err := userErrors(err)
		return nil, ue, err
	}
	return rec, noUserErrors(), nil
}

func updateRecord[T any](ctx context.Context, schema *network.Schema, in map[string]any,
	update func(context.Context, string, network.Values, *int64) (*T, error)) (*T, []*model.UserError, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, nil, err
	}
	recID, version, v, err := updateInput(schema, in)
	if err != nil {
		ue, err := userErrors(err)
		return nil, ue, err
	}
	rec, err := update(ctx, recID, v, version)
	if err != nil {
		ue, err := userErrors(err)
		return nil, ue, err
	}
	return rec, noUserErrors(), nil
}

func deleteRecord(ctx context.Context, rawID string, version *int64,
	remove func(context.Context, string, *int64) error) (*model.DeletePayload, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	recID := normalID(rawID)
	if err := remove(ctx, recID, version); err != nil {
		ue, err := userErrors(err)
		return &model.DeletePayload{UserErrors: ue}, err
	}
	return &model.DeletePayload{DeletedID: &recID, UserErrors: noUserErrors()}, nil
}

func bulkUpdate(ctx context.Context, schema *network.Schema, rawIDs []string, set map[string]any,
	apply func(context.Context, []string, network.Values) (network.BulkResult, error)) (*model.BulkPayload, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	out := &model.BulkPayload{Requested: int64(len(rawIDs)), UserErrors: noUserErrors()}
	v, err := values(schema, set)
	if err == nil {
		var res network.BulkResult
		res, err = apply(ctx, ids(rawIDs), v)
		out.Changed = int64(res.Changed)
	}
	if err != nil {
		out.UserErrors, err = userErrors(prefixed("set.", err))
	}
	return out, err
}

func bulkDelete(ctx context.Context, rawIDs []string,
	apply func(context.Context, []string) (network.BulkResult, error)) (*model.BulkPayload, error) {
	if _, err := auth.RequireWrite(ctx); err != nil {
		return nil, err
	}
	out := &model.BulkPayload{Requested: int64(len(rawIDs)), UserErrors: noUserErrors()}
	res, err := apply(ctx, ids(rawIDs))
	out.Changed = int64(res.Changed)
	if err != nil {
		out.UserErrors, err = userErrors(err)
	}
	return out, err
}
