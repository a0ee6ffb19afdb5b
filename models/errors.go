package models

import (
	"errors"
	"fmt"
	"strings"
)

// The error vocabulary of NetOS. Every layer wraps these with %w and context;
// the transports translate them once (rest/errors.go, resolvers/errors.go).
var (
	// ErrNotFound: the record does not exist or is soft-deleted. HTTP 404, GraphQL NOT_FOUND.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the input breaks a rule; see FieldError for which field. HTTP 422, GraphQL INVALID.
	ErrInvalid = errors.New("invalid input")
	// ErrConflict: the write collides with stored state (duplicate, cycle,
	// already placed, in use). HTTP 409, GraphQL CONFLICT.
	ErrConflict = errors.New("conflict")
	// ErrStale: the record changed since the version the client read. HTTP 412 with If-Match, else 409; GraphQL STALE.
	ErrStale = errors.New("stale version")
	// ErrForbidden: the caller's role may not do this. HTTP 403, GraphQL FORBIDDEN.
	ErrForbidden = errors.New("forbidden")
	// ErrUnauthenticated: no or unknown credentials. HTTP 401, GraphQL UNAUTHENTICATED.
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrTooLarge: an upload or request is over its limit. HTTP 413, GraphQL TOO_LARGE.
	ErrTooLarge = errors.New("too large")
	// ErrUnsupportedType: an upload is not a file type NetOS reads. HTTP 415, GraphQL UNSUPPORTED_TYPE.
	ErrUnsupportedType = errors.New("unsupported type")
)

// FieldError names one field that is wrong and why. Field is the REST (snake
// case) name; a dotted path ("updates.status") names nested input.
type FieldError struct {
	Field   string
	Message string
	// Type is a short machine code such as "missing", "enum", "type_error".
	Type string
}

// ValidationError is a set of field errors; it matches ErrInvalid with errors.Is.
type ValidationError struct {
	Fields []FieldError
}

// Error joins the field messages.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// Invalid builds a validation error for one field.
func Invalid(field, typ, format string, args ...any) error {
	return &ValidationError{Fields: []FieldError{{Field: field, Type: typ, Message: fmt.Sprintf(format, args...)}}}
}

// Problems collects field errors while validating a whole input, so that a
// client learns of every bad field in one answer.
type Problems struct{ fields []FieldError }

// Add records a problem with field.
func (p *Problems) Add(field, typ, format string, args ...any) {
	p.fields = append(p.fields, FieldError{Field: field, Type: typ, Message: fmt.Sprintf(format, args...)})
}

// AddErr records err (from a parser) against field, if it is not nil.
func (p *Problems) AddErr(field string, err error) {
	if err != nil {
		p.Add(field, "value_error", "%s", err.Error())
	}
}

// Err is nil when nothing was added, else a *ValidationError.
func (p *Problems) Err() error {
	if len(p.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: p.fields}
}

// ConflictError explains a conflict; Path lists the records that close a
// cycle, when that is the cause. It matches ErrConflict with errors.Is.
type ConflictError struct {
	Message string
	Path    []string
}

// Error is the message.
func (e *ConflictError) Error() string { return e.Message }

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }

// Conflict builds a conflict error.
func Conflict(format string, args ...any) error {
	return &ConflictError{Message: fmt.Sprintf(format, args...)}
}

// NotFound wraps ErrNotFound with what was looked for.
func NotFound(entity, id string) error {
	return fmt.Errorf("%s %s: %w", entity, id, ErrNotFound)
}
