package rest

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// record is any stored record the generic handlers write.
type record interface{ RecordID() string }

// detailFunc builds the detail response of one record and returns its
// version for the ETag. Each record type has exactly one, so figures added
// to a detail later (attribution) appear on GET, POST and PATCH alike.
type detailFunc func(r *http.Request, id string) (any, int64, error)

// resource is one record type's single-record routes: create on the
// collection, get/patch/delete on /{param}. The service does every check;
// these only decode, call and respond.
type resource[PT record] struct {
	param  string // path parameter, e.g. "customer_id"
	base   string // collection path for Location, e.g. "/api/v1/customers"
	schema *network.Schema
	create func(context.Context, network.Values) (PT, error)
	update func(context.Context, string, network.Values, *int64) (PT, error)
	remove func(context.Context, string, *int64) error
	detail detailFunc
}

// mount registers POST / and GET|PATCH|DELETE /{param} on r; nil service
// funcs leave their route out.
func (res resource[PT]) mount(r chi.Router) {
	item := "/{" + res.param + "}"
	if res.create != nil {
		r.Post("/", res.createHandler)
	}
	r.Get(item, res.getHandler)
	if res.update != nil {
		r.Patch(item, res.patchHandler)
	}
	if res.remove != nil {
		r.Delete(item, res.deleteHandler)
	}
}

func (res resource[PT]) getHandler(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, res.param)
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	writeDetail(w, r, res.detail, id, http.StatusOK)
}

func (res resource[PT]) createHandler(w http.ResponseWriter, r *http.Request) {
	v, err := decodeValues(w, r, res.schema)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	rec, err := res.create(r.Context(), v)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	w.Header().Set("Location", res.base+"/"+rec.RecordID())
	writeDetail(w, r, res.detail, rec.RecordID(), http.StatusCreated)
}

func (res resource[PT]) patchHandler(w http.ResponseWriter, r *http.Request) {
	id, ifVersion, ok := itemPreconditions(w, r, res.param)
	if !ok {
		return
	}
	v, err := decodeValues(w, r, res.schema)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	if _, err := res.update(r.Context(), id, v, ifVersion); err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeDetail(w, r, res.detail, id, http.StatusOK)
}

func (res resource[PT]) deleteHandler(w http.ResponseWriter, r *http.Request) {
	id, ifVersion, ok := itemPreconditions(w, r, res.param)
	if !ok {
		return
	}
	if err := res.remove(r.Context(), id, ifVersion); err != nil {
		WriteError(w, r, err, "path")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// itemPreconditions reads the record ID of the path and the If-Match
// version, answering the error itself when either is malformed.
func itemPreconditions(w http.ResponseWriter, r *http.Request, param string) (string, *int64, bool) {
	id, err := pathID(r, param)
	if err != nil {
		WriteError(w, r, err, "path")
		return "", nil, false
	}
	ifVersion, err := ifMatch(r)
	if err != nil {
		WriteError(w, r, err, "header")
		return "", nil, false
	}
	return id, ifVersion, true
}

// decodeValues reads a JSON object body through a record schema.
func decodeValues(w http.ResponseWriter, r *http.Request, schema *network.Schema) (network.Values, error) {
	raw, err := decodeObject(w, r)
	if err != nil {
		return nil, err
	}
	return schema.FromJSON(raw, "")
}

// writeDetail answers the detail of id with its ETag.
func writeDetail(w http.ResponseWriter, r *http.Request, detail detailFunc, id string, status int) {
	body, version, err := detail(r, id)
	if err != nil {
		WriteError(w, r, err, "path")
		return
	}
	setETag(w, version)
	writeJSON(w, status, body)
}

// ifMatch reads If-Match: "N" (or W/"N") as the version the client read;
// absent or * means "any version".
func ifMatch(r *http.Request) (*int64, error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" || h == "*" {
		return nil, nil
	}
	tag := strings.TrimPrefix(h, "W/")
	n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(tag, `"`), `"`), 10, 64)
	if err != nil || len(tag) < 3 || tag[0] != '"' || tag[len(tag)-1] != '"' || n < 1 {
		return nil, models.Invalid("If-Match", "value_error", `must be the entity tag of a detail response, such as "3"`)
	}
	return &n, nil
}

// listHandler serves a list route: parse the filter (with its page) from
// the query, call the service, render the rows, send X-Total-Count.
func listHandler[F, T, V any](parse func(*params) F, list func(context.Context, F) ([]T, int, error), views func(*http.Request, []T) ([]V, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := newParams(r)
		f := parse(q)
		if err := q.err(); err != nil {
			WriteError(w, r, err, "query")
			return
		}
		rows, total, err := list(r.Context(), f)
		if err != nil {
			WriteError(w, r, err, "query")
			return
		}
		out, err := views(r, rows)
		if err != nil {
			WriteError(w, r, err, "query")
			return
		}
		if out == nil {
			out = []V{}
		}
		setTotal(w, total)
		writeJSON(w, http.StatusOK, out)
	}
}

// asIs renders rows unchanged.
func asIs[T any](_ *http.Request, rows []T) ([]T, error) { return rows, nil }

// detailOf adapts a loader whose result is its own detail view.
func detailOf[T any, PT interface {
	*T
	Base() *models.Record
}](load func(context.Context, string) (PT, error)) detailFunc {
	return func(r *http.Request, id string) (any, int64, error) {
		rec, err := load(r.Context(), id)
		if err != nil {
			return nil, 0, err
		}
		return rec, rec.Base().Version, nil
	}
}

// nonNil turns a nil list into an empty one so JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
