package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"regexp"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/google/uuid"

	"github.com/xiber/netos/audit"
	"github.com/xiber/netos/auth"
)

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,128}$`)

// statusRecorder remembers the status a handler answered.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer (flush, deadlines).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// clientIP is the caller's address: the socket peer, or the first untrusted
// hop of X-Forwarded-For when the peer is a trusted proxy.
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil || !s.trusted(peer) {
		return host
	}
	hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if !s.trusted(a) {
			return a.String()
		}
	}
	return host
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// observe wraps every request: request ID (honoured or made, always echoed),
// audit facts in the context, panic recovery, metrics, a JSON access log and
// a "request" audit entry for API calls.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if !requestIDPattern.MatchString(id) {
			id = uuid.NewString()
		}
		w.Header().Set("X-Request-ID", id)
		req := audit.Request{ID: id, IP: s.clientIP(r), Method: r.Method, Path: r.URL.Path}
		ctx := context.WithValue(audit.WithRequest(r.Context(), req), stateKey{}, &requestState{})
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				slog.ErrorContext(ctx, "panic", "request_id", id, "panic", v, "path", r.URL.Path)
				if rec.status == 0 {
					writeDetail(rec, http.StatusInternalServerError, "internal error")
				}
			}
			s.finish(ctx, r, rec, req, start)
		}()
		next.ServeHTTP(rec, r.WithContext(ctx))
	})
}

func (s *Server) finish(ctx context.Context, r *http.Request, rec *statusRecorder, req audit.Request, start time.Time) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	route := "unmatched"
	if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
		route = rc.RoutePattern()
	}
	elapsed := time.Since(start)
	s.metrics.observe(route, r.Method, rec.status, elapsed)
	p := stateOf(ctx).principal
	slog.InfoContext(ctx, "request", "request_id", req.ID, "method", r.Method, "path", r.URL.Path, "route", route,
		"status", rec.status, "duration_ms", elapsed.Milliseconds(), "ip", req.IP, "user", p.User, "role", string(p.Role))
	if strings.HasPrefix(r.URL.Path, "/api/") || (strings.HasPrefix(r.URL.Path, "/graphql") && r.Method == http.MethodPost) || strings.HasPrefix(r.URL.Path, "/mcp") {
		// The request entry outlives a cancelled client: it is the record of it.
		if err := s.deps.Audit.Request(context.WithoutCancel(ctx), s.deps.DB, p, req, rec.status); err != nil {
			slog.ErrorContext(ctx, "audit request entry", "err", err, "request_id", req.ID)
		}
	}
}

// requestState is shared by the middleware of one request: authenticate,
// deeper in the chain, records the principal for observe's log and audit.
type requestState struct{ principal auth.Principal }

type stateKey struct{}

func stateOf(ctx context.Context) *requestState {
	st, _ := ctx.Value(stateKey{}).(*requestState)
	return st
}

func writeDetail(w http.ResponseWriter, status int, detail string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"detail": detail})
}

func writeJSONStatus(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
