// Package auth knows who is calling and what their role lets them do. The
// transports put a Principal in the context; the domain services ask
// RequireWrite / RequireRead, so every transport shares one rule.
package auth

import (
	"context"
	"fmt"
	"slices"

	"github.com/xiber/netos/models"
)

// Role is one of the guide's eight roles.
type Role string

// The roles of the guide.
const (
	Exec       Role = "exec"
	Finance    Role = "finance"
	NetworkEng Role = "network_eng"
	Operations Role = "operations"
	PM         Role = "pm"
	Sales      Role = "sales"
	ReadOnly   Role = "read_only"
	Agent      Role = "agent"
)

// Roles lists every role; WriteRoles those that may write.
var (
	Roles      = []Role{Exec, Finance, NetworkEng, Operations, PM, Sales, ReadOnly, Agent}
	WriteRoles = []Role{Exec, Finance, NetworkEng, Operations, PM}
)

// ParseRole validates a role name.
func ParseRole(s string) (Role, bool) {
	r := Role(s)
	return r, slices.Contains(Roles, r)
}

// CanWrite reports whether the role may change records.
func (r Role) CanWrite() bool { return slices.Contains(WriteRoles, r) }

// Principal is the authenticated caller.
type Principal struct {
	User string
	Role Role
	// Confirmed is set by the MCP confirmation flow: an agent's write that a
	// human confirmed.
	Confirmed bool
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the caller, if any.
func FromContext(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// RequireRead answers ErrUnauthenticated when nobody is calling.
func RequireRead(ctx context.Context) (Principal, error) {
	p, ok := FromContext(ctx)
	if !ok {
		return Principal{}, models.ErrUnauthenticated
	}
	return p, nil
}

// RequireWrite answers ErrUnauthenticated when nobody is calling and
// ErrForbidden when the caller's role may not write. An agent writes only
// through the MCP confirmation flow.
func RequireWrite(ctx context.Context) (Principal, error) {
	p, err := RequireRead(ctx)
	if err != nil {
		return p, err
	}
	if p.Role.CanWrite() || (p.Role == Agent && p.Confirmed) {
		return p, nil
	}
	return p, fmt.Errorf("role %s may not write: %w", p.Role, models.ErrForbidden)
}

// System is the principal for work NetOS does by itself (demo load, clock
// driven renewal transitions).
var System = Principal{User: "netos", Role: Exec}
