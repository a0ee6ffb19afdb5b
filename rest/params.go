package rest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Page sizes of list routes (spec/CONTRACT.md).
const (
	defaultLimit = 100
	maxLimit     = 1000
)

// params reads query parameters, collecting every problem for one 422.
type params struct {
	r *http.Request
	p models.Problems
}

func newParams(r *http.Request) *params { return &params{r: r} }

func (q *params) str(name string) string { return strings.TrimSpace(q.r.URL.Query().Get(name)) }

// enum reads a parameter that must be one of values ("" when absent).
func (q *params) enum(name string, values []string) string {
	v := q.str(name)
	if v != "" && !slices.Contains(values, v) {
		q.p.Add(name, "enum", "must be one of %s", strings.Join(values, ", "))
		return ""
	}
	return v
}

// enums is enum as a one-element filter list (nil when absent).
func (q *params) enums(name string, values []string) []string {
	if v := q.enum(name, values); v != "" {
		return []string{v}
	}
	return nil
}

func (q *params) intIn(name string, def, lo, hi int) int {
	v := q.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		q.p.Add(name, "value_error", "must be a whole number from %d to %d", lo, hi)
		return def
	}
	return n
}

// page reads limit and offset.
func (q *params) page() store.Page {
	return store.Page{Limit: q.intIn("limit", defaultLimit, 1, maxLimit), Offset: q.intIn("offset", 0, 0, 1<<30)}
}

func (q *params) err() error { return q.p.Err() }

// pathID reads a UUID path parameter; a malformed one is 422 on the path.
func pathID(r *http.Request, name string) (string, error) {
	v := chi.URLParam(r, name)
	if _, err := uuid.Parse(v); err != nil || len(v) != 36 {
		return "", models.Invalid(name, "uuid_parsing", "must be a UUID")
	}
	return strings.ToLower(v), nil
}

// setTotal sends the full count of a list.
func setTotal(w http.ResponseWriter, n int) {
	w.Header().Set("X-Total-Count", strconv.Itoa(n))
}

// uuid reads a parameter that must be a UUID ("" when absent).
func (q *params) uuid(name string) string {
	v := q.str(name)
	if v == "" {
		return ""
	}
	if _, err := uuid.Parse(v); err != nil || len(v) != 36 {
		q.p.Add(name, "uuid_parsing", "must be a UUID")
		return ""
	}
	return strings.ToLower(v)
}
