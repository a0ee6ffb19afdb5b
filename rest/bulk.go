package rest

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"github.com/xiber/netos/models"
	"github.com/xiber/netos/network"
)

// bulkKind is one record type's bulk routes: PATCH …/bulk
// {"<ids>": [...], "updates": {...}} and POST …/bulk-delete {"<ids>": [...]}.
type bulkKind struct {
	ids    string // the body's ID list member, e.g. "circuit_ids"
	schema *network.Schema
	update func(context.Context, []string, network.Values) (network.BulkResult, error)
	delete func(context.Context, []string) (network.BulkResult, error)
}

// patch answers exactly {"updated": n, "requested": m}.
func (b bulkKind) patch(w http.ResponseWriter, r *http.Request) {
	raw, err := decodeObject(w, r)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	ids, v, err := b.parse(raw, true)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	res, err := b.update(r.Context(), ids, v)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"updated": res.Changed, "requested": res.Requested})
}

// remove answers exactly {"deleted": n, "requested": m}; unknown and
// already-deleted IDs are requested but not deleted.
func (b bulkKind) remove(w http.ResponseWriter, r *http.Request) {
	raw, err := decodeObject(w, r)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	ids, _, err := b.parse(raw, false)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	res, err := b.delete(r.Context(), ids)
	if err != nil {
		WriteError(w, r, err, "body")
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"deleted": res.Changed, "requested": res.Requested})
}

// parse checks the body's shape, reporting every problem at once: the ID
// list (1 to network.MaxBulk UUIDs), updates (an object of writable fields,
// named "updates.<field>" in errors) and no other members.
func (b bulkKind) parse(raw map[string]json.RawMessage, withUpdates bool) ([]string, network.Values, error) {
	var p models.Problems
	for name := range raw {
		if name != b.ids && (name != "updates" || !withUpdates) {
			p.Add(name, "extra_forbidden", "is not an accepted field")
		}
	}
	var ids []string
	switch msg, ok := raw[b.ids]; {
	case !ok || string(msg) == "null":
		p.Add(b.ids, "missing", "is required")
	case json.Unmarshal(msg, &ids) != nil:
		p.Add(b.ids, "type_error", "must be an array of UUID strings")
	case len(ids) == 0:
		p.Add(b.ids, "too_short", "must list at least one ID")
	case len(ids) > network.MaxBulk:
		p.Add(b.ids, "too_long", "must list at most %d IDs", network.MaxBulk)
	default:
		for i, id := range ids {
			if _, err := uuid.Parse(id); err != nil || len(id) != 36 {
				p.Add(b.ids+"."+strconv.Itoa(i), "uuid_parsing", "must be a UUID")
			}
			ids[i] = strings.ToLower(id)
		}
	}
	var v network.Values
	if withUpdates {
		var updates map[string]json.RawMessage
		switch msg, ok := raw["updates"]; {
		case !ok || string(msg) == "null":
			p.Add("updates", "missing", "is required")
		case len(msg) == 0 || msg[0] != '{' || json.Unmarshal(msg, &updates) != nil:
			p.Add("updates", "type_error", "must be an object of fields to change")
		case len(updates) == 0:
			p.Add("updates", "too_short", "must name at least one field to change")
		default:
			var err error
			if v, err = b.schema.FromJSON(updates, "updates."); err != nil {
				return nil, nil, mergeProblems(p, err)
			}
		}
	}
	return ids, v, p.Err()
}

// mergeProblems adds a validation error's fields to p and returns them all.
func mergeProblems(p models.Problems, err error) error {
	ve, ok := err.(*models.ValidationError)
	if !ok {
		return err
	}
	for _, f := range ve.Fields {
		p.Add(f.Field, f.Type, "%s", f.Message)
	}
	return p.Err()
}
