package server_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/xiber/netos/auth"
	"github.com/xiber/netos/server"
)

// issuer is a real OpenID Connect issuer on loopback: discovery document,
// JWKS, and a signer for tokens.
type issuer struct {
	srv    *httptest.Server
	signer jose.Signer
}

func newIssuer(t *testing.T) *issuer {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: "k1"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	is := &issuer{signer: signer}
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{
			"issuer": is.srv.URL, "jwks_uri": is.srv.URL + "/keys", "authorization_endpoint": is.srv.URL + "/auth",
			"token_endpoint": is.srv.URL + "/token", "id_token_signing_alg_values_supported": []string{"RS256"},
		})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
	})
	is.srv = httptest.NewServer(mux)
	t.Cleanup(is.srv.Close)
	return is
}

func (is *issuer) token(t *testing.T, audience string, expiry time.Time, extra map[string]any) string {
	t.Helper()
	claims := jwt.Claims{Issuer: is.srv.URL, Subject: "user-1", Audience: jwt.Audience{audience}, Expiry: jwt.NewNumericDate(expiry), IssuedAt: jwt.NewNumericDate(time.Now())}
	tok, err := jwt.Signed(is.signer).Claims(claims).Claims(extra).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestOIDCAuthenticatesBearerTokens(t *testing.T) {
	is := newIssuer(t)
	a, err := server.NewOIDCAuth(context.Background(), server.OIDCConfig{Issuer: is.srv.URL, Audience: "netos"})
	if err != nil {
		t.Fatal(err)
	}
	soon := time.Now().Add(time.Hour)
	cases := []struct {
		name  string
		token string
		role  auth.Role
		ok    bool
	}{
		{"an app role in a list is the NetOS role", is.token(t, "netos", soon, map[string]any{"roles": []string{"Other", "finance"}, "preferred_username": "ann@xiber.net"}), auth.Finance, true},
		{"a token for another audience is refused", is.token(t, "other", soon, map[string]any{"roles": []string{"exec"}}), "", false},
		{"an expired token is refused", is.token(t, "netos", time.Now().Add(-time.Hour), map[string]any{"roles": []string{"exec"}}), "", false},
		{"a token without a NetOS role is refused", is.token(t, "netos", soon, map[string]any{"roles": []string{"Admin"}}), "", false},
		{"garbage is refused", "not-a-jwt", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/api/v1/circuits", nil)
			r.Header.Set("Authorization", "Bearer "+tc.token)
			p, err := a.Authenticate(r)
			if (err == nil) != tc.ok {
				t.Fatalf("err = %v, want ok=%v", err, tc.ok)
			}
			if tc.ok && (p.Role != tc.role || p.User != "ann@xiber.net") {
				t.Fatalf("principal = %+v", p)
			}
		})
	}
	t.Run("the dev role header is ignored in oidc mode", func(t *testing.T) {
		r := httptest.NewRequest("GET", "/api/v1/circuits", nil)
		r.Header.Set("x-user-role", "exec")
		if _, err := a.Authenticate(r); err == nil {
			t.Fatal("a role header authenticated without a token")
		}
	})
}
