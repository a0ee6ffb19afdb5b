package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/xiber/netos/auth"
)

// OIDCConfig configures bearer-token authentication (Microsoft Entra ID in
// production): tokens must be signed by the issuer's keys, unexpired, and
// meant for the audience; the role comes from RoleClaim.
type OIDCConfig struct {
	Issuer    string
	Audience  string
	RoleClaim string // "roles" by default (Entra app roles)
}

// OIDCAuth verifies bearer JWTs against an OpenID Connect issuer.
type OIDCAuth struct {
	verifier  *oidc.IDTokenVerifier
	roleClaim string
}

// NewOIDCAuth discovers the issuer's keys. It fails when the issuer cannot
// be reached, so a misconfigured server refuses to start rather than
// refusing every request.
func NewOIDCAuth(ctx context.Context, cfg OIDCConfig) (*OIDCAuth, error) {
	provider, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("oidc discovery at %s: %w", cfg.Issuer, err)
	}
	claim := cfg.RoleClaim
	if claim == "" {
		claim = "roles"
	}
	return &OIDCAuth{verifier: provider.Verifier(&oidc.Config{ClientID: cfg.Audience}), roleClaim: claim}, nil
}

// Authenticate checks the bearer token and maps its role claim (a string or
// a list; the first NetOS role found wins) to a principal.
func (o *OIDCAuth) Authenticate(r *http.Request) (auth.Principal, error) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || strings.TrimSpace(raw) == "" {
		return auth.Principal{}, errors.New("missing bearer token")
	}
	tok, err := o.verifier.Verify(r.Context(), strings.TrimSpace(raw))
	if err != nil {
		return auth.Principal{}, errors.New("invalid bearer token")
	}
	var claims map[string]any
	if err := tok.Claims(&claims); err != nil {
		return auth.Principal{}, errors.New("invalid bearer token claims")
	}
	role, ok := roleFrom(claims[o.roleClaim])
	if !ok {
		return auth.Principal{}, fmt.Errorf("token carries no NetOS role in claim %q", o.roleClaim)
	}
	user := tok.Subject
	for _, k := range []string{"preferred_username", "email", "upn"} {
		if s, ok := claims[k].(string); ok && s != "" {
			user = s
			break
		}
	}
	return auth.Principal{User: user, Role: role}, nil
}

func roleFrom(v any) (auth.Role, bool) {
	switch x := v.(type) {
	case string:
		return auth.ParseRole(x)
	case []any:
		for _, it := range x {
			if s, ok := it.(string); ok {
				if r, ok := auth.ParseRole(s); ok {
					return r, true
				}
			}
		}
	}
	return "", false
}
