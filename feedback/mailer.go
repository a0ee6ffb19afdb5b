package feedback

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Mailer delivers one message. Implementations answer an error for any
// failure; the sender then retries.
type Mailer interface {
	Send(ctx context.Context, from string, to []string, msg io.Reader) error
}

// SMTPMailer sends through an SMTP server named by a URL:
// smtp://[user:pass@]host[:port] (plain, default port 25, for a relay on a
// trusted network), smtp+starttls://… (STARTTLS required, default port 587)
// or smtps://… (implicit TLS, default port 465). With credentials it
// authenticates with PLAIN.
type SMTPMailer struct {
	addr     string
	implicit bool
	startTLS bool
	host     string
	user     string
	pass     string
	// Timeout bounds one whole delivery (dial to QUIT).
	Timeout time.Duration
	// TLSConfig is used for smtps:// and STARTTLS; nil means the system roots.
	TLSConfig *tls.Config
}

var _ Mailer = (*SMTPMailer)(nil)

// NewSMTPMailer parses an SMTP URL.
func NewSMTPMailer(rawURL string) (*SMTPMailer, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("smtp url: %w", err)
	}
	m := &SMTPMailer{Timeout: 30 * time.Second}
	port := "25"
	switch u.Scheme {
	case "smtp":
	case "smtp+starttls":
		m.startTLS, port = true, "587"
	case "smtps":
		m.implicit, port = true, "465"
	default:
		return nil, fmt.Errorf("smtp url: scheme %q is not smtp://, smtp+starttls:// or smtps://", u.Scheme)
	}
	m.host = u.Hostname()
	if m.host == "" {
		return nil, errors.New("smtp url: no host")
	}
	if p := u.Port(); p != "" {
		port = p
	}
	m.addr = net.JoinHostPort(m.host, port)
	if u.User != nil {
		m.user = u.User.Username()
		m.pass, _ = u.User.Password()
	}
	return m, nil
}

// Send delivers msg to the recipients.
func (m *SMTPMailer) Send(ctx context.Context, from string, to []string, msg io.Reader) error {
	ctx, cancel := context.WithTimeout(ctx, m.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", m.addr)
	if err != nil {
		return fmt.Errorf("smtp dial %s: %w", m.addr, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	tlsConfig := m.TLSConfig
	if tlsConfig == nil {
		tlsConfig = &tls.Config{ServerName: m.host, MinVersion: tls.VersionTLS12}
	}
	var c *smtp.Client
	switch {
	case m.implicit:
		c = smtp.NewClient(tls.Client(conn, tlsConfig))
	case m.startTLS:
		if c, err = smtp.NewClientStartTLS(conn, tlsConfig); err != nil {
			conn.Close()
			return fmt.Errorf("smtp starttls: %w", err)
		}
	default:
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	if m.user != "" {
		if err := c.Auth(sasl.NewPlainClient("", m.user, m.pass)); err != nil {
			return fmt.Errorf("smtp auth: %w", err)
		}
	}
	if err := c.SendMail(from, to, msg); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	if err := c.Quit(); err != nil {
		return fmt.Errorf("smtp quit: %w", err)
	}
	return nil
}

// headerText makes a value safe for one header line.
func headerText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r < 0x20 {
			return ' '
		}
		return r
	}, s)
	if len(s) > 200 {
		s = s[:200]
	}
	return strings.TrimSpace(s)
}
