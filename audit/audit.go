// Package audit keeps the append-only audit trail: one "write" entry per
// record a write touches, in the same transaction as the change, and one
// "request" entry per HTTP request. Nothing here updates or deletes entries.
package audit

import (
	"context"
	"encoding/json"
	"reflect"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/models"
	"github.com/xiber/netos/store"
)

// Request describes the HTTP request a write happens in.
type Request struct {
	ID     string
	IP     string
	Method string
	Path   string
}

type requestKey struct{}

// WithRequest returns ctx carrying the request's audit facts.
func WithRequest(ctx context.Context, r Request) context.Context {
	return context.WithValue(ctx, requestKey{}, r)
}

// RequestFrom returns the request facts in ctx (zero outside a request).
func RequestFrom(ctx context.Context) Request {
	r, _ := ctx.Value(requestKey{}).(Request)
	return r
}

// Log appends audit entries. Now is the clock (injected in tests).
type Log struct {
	Now func() time.Time
	seq atomic.Int64
}

// New returns a Log using now as its clock.
func New(now func() time.Time) *Log {
	l := &Log{Now: now}
	l.seq.Store(time.Now().UnixNano())
	return l
}

// Write appends a "write" entry for one record inside tx.
func (l *Log) Write(ctx context.Context, tx bun.IDB, action, entityType, entityID string, changes models.Changes) error {
	p, _ := auth.FromContext(ctx)
	req := RequestFrom(ctx)
	return store.InsertAudit(ctx, tx, l.entry(p, req, "write", action, entityType, entityID, changes, 0))
}

// Request appends a "request" entry with the status answered.
func (l *Log) Request(ctx context.Context, db bun.IDB, p auth.Principal, req Request, status int) error {
	return store.InsertAudit(ctx, db, l.entry(p, req, "request", "request", "", "", nil, status))
}

func (l *Log) entry(p auth.Principal, req Request, eventType, action, entityType, entityID string, changes models.Changes, status int) *models.AuditEntry {
	return &models.AuditEntry{
		ID: models.NewID(), Seq: l.seq.Add(1), At: l.Now().UTC(),
		User: p.User, Role: string(p.Role), IP: req.IP, RequestID: req.ID,
		EventType: eventType, Action: action, EntityType: entityType, EntityID: entityID,
		ChangedFields: changes, Method: req.Method, Path: req.Path, Status: status,
	}
}

// Diff compares two versions of a record by their JSON (REST) field names
// and returns the fields that differ. before or after may be nil (create,
// delete); a create lists the fields that were given a value (not the
// empty ones). Bookkeeping fields (version, timestamps) are left out.
func Diff(before, after any) models.Changes {
	if before == nil {
		if out, ok := created(after); ok {
			return out
		}
	}
	b, a := toMap(before), toMap(after)
	out := models.Changes{}
	for k, av := range a {
		if ignored[k] {
			continue
		}
		if bv, ok := b[k]; !ok || !reflect.DeepEqual(bv, av) {
			if !ok && (av == nil || reflect.ValueOf(av).IsZero()) {
				continue
			}
			out[k] = models.FieldChange{Before: b[k], After: av}
		}
	}
	for k, bv := range b {
		if _, ok := a[k]; !ok && !ignored[k] && bv != nil {
			out[k] = models.FieldChange{Before: bv, After: nil}
		}
	}
	return out
}

// created is Diff(nil, after) for a record, read straight from its
// fields: imports diff every new circuit.
func created(after any) (models.Changes, bool) {
	rv := reflect.ValueOf(after)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	rv = rv.Elem()
	fields := models.JSONFields(rv.Type())
	out := make(models.Changes, len(fields))
	for _, f := range fields {
		fv := rv.FieldByIndex(f.Index)
		if ignored[f.Name] || fv.IsZero() {
			continue
		}
		if fv.Kind() == reflect.Pointer {
			if fv = fv.Elem(); fv.IsZero() {
				continue
			}
		}
		out[f.Name] = models.FieldChange{After: fv.Interface()}
	}
	return out, true
}

var ignored = map[string]bool{"version": true, "created_at": true, "updated_at": true}

// toMap reads a record's fields by their JSON (REST) names, as the values
// the record holds (pointers followed, nil for unset), so diffs compare
// typed values and render them as the REST API does. Anything but a struct
// goes through JSON.
func toMap(v any) map[string]any {
	rv := reflect.ValueOf(v)
	for rv.IsValid() && rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return map[string]any{}
		}
		rv = rv.Elem()
	}
	if !rv.IsValid() {
		return map[string]any{}
	}
	if rv.Kind() != reflect.Struct {
		raw, err := json.Marshal(v)
		if err != nil {
			return map[string]any{}
		}
		m := map[string]any{}
		_ = json.Unmarshal(raw, &m)
		return m
	}
	fields := models.JSONFields(rv.Type())
	m := make(map[string]any, len(fields))
	for _, f := range fields {
		fv := rv.FieldByIndex(f.Index)
		if fv.Kind() == reflect.Pointer || fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map {
			if fv.IsNil() {
				m[f.Name] = nil
				continue
			}
		}
		if fv.Kind() == reflect.Pointer {
			fv = fv.Elem()
		}
		m[f.Name] = fv.Interface()
	}
	return m
}
