package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/xiber/netos/auth"
)

// Authenticator turns a request's credentials into a principal. It answers
// models.ErrUnauthenticated for missing or invalid credentials.
type Authenticator interface {
	Authenticate(r *http.Request) (auth.Principal, error)
}

// DevAuth trusts the x-user-role header (and an optional x-user-email for the
// user's name), as the guide's development mode does.
type DevAuth struct{}

// Authenticate reads the role header.
func (DevAuth) Authenticate(r *http.Request) (auth.Principal, error) {
	raw := strings.TrimSpace(r.Header.Get("x-user-role"))
	if raw == "" {
		return auth.Principal{}, errors.New("missing x-user-role header")
	}
	role, ok := auth.ParseRole(raw)
	if !ok {
		return auth.Principal{}, errors.New("unknown role in x-user-role header")
	}
	user := strings.TrimSpace(r.Header.Get("x-user-email"))
	if user == "" || len(user) > 254 {
		user = string(role) + "@dev"
	}
	return auth.Principal{User: user, Role: role}, nil
}

// authenticate requires a principal on every request it wraps: 401 without.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := s.deps.Auth.Authenticate(r)
		if err != nil {
			w.Header().Set("WWW-Authenticate", s.challenge())
			writeDetail(w, http.StatusUnauthorized, err.Error())
			return
		}
		if st := stateOf(r.Context()); st != nil {
			st.principal = p
		}
		next.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
	})
}

func (s *Server) challenge() string {
	if _, dev := s.deps.Auth.(DevAuth); dev {
		return `x-user-role`
	}
	return `Bearer`
}
